package io.yardstick.store.internal;

import io.yardstick.model.Field;
import io.yardstick.model.RecordType;
import io.yardstick.store.StoreException;
import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * A PostgreSQL database, for teams. Rows are staged with COPY in CSV form, in chunks of about a
 * megabyte, so that several record types can be staged at once on one connection.
 */
public final class PostgresStore extends JdbcStore {
  private static final int CHUNK_CHARS = 1 << 20;
  private final String url;

  private PostgresStore(Connection connection, String url) {
    super(connection);
    this.url = url;
  }

  public static PostgresStore open(String url) {
    try {
      Connection connection = DriverManager.getConnection(url);
      PostgresStore store = new PostgresStore(connection, url);
      store.migrate();
      return store;
    } catch (SQLException e) {
      throw new StoreException(
          "Could not open the PostgreSQL store " + redact(url) + ": " + e.getMessage(), e);
    }
  }

  private static String redact(String url) {
    return url.replaceAll("(?i)(password=)[^&]*", "$1***");
  }

  @Override
  public Dialect dialect() {
    return Dialect.POSTGRESQL;
  }

  @Override
  Connection openReader() throws SQLException {
    return DriverManager.getConnection(url);
  }

  @Override
  public String describe() {
    return "PostgreSQL " + redact(url);
  }

  @Override
  Stage stage(RecordType type) throws SQLException {
    createStagingTables(type);
    CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
    String columns = type.fields().stream().map(Field::name).collect(Collectors.joining(", "));
    return new CopyStage(
        type,
        copy,
        "COPY "
            + stagingTable(type.table())
            + " ("
            + columns
            + ", "
            + LINE
            + ") FROM STDIN (FORMAT csv)",
        type.hasAttributes()
            ? "COPY "
                + stagingTable("customer_attributes")
                + " (customer_id, name, value, number, "
                + LINE
                + ") FROM STDIN (FORMAT csv)"
            : null);
  }

  @Override
  void appendRows(String table, List<String> columns, Iterable<Object[]> rows) throws SQLException {
    CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
    String sql = "COPY " + table + " (" + String.join(", ", columns) + ") FROM STDIN (FORMAT csv)";
    StringBuilder sb = new StringBuilder();
    for (Object[] row : rows) {
      for (int i = 0; i < columns.size(); i++) {
        if (i > 0) sb.append(',');
        CsvRows.append(sb, row[i], false);
      }
      sb.append('\n');
      if (sb.length() >= CHUNK_CHARS) {
        copyIn(copy, sql, sb);
      }
    }
    copyIn(copy, sql, sb);
  }

  private static void copyIn(CopyManager copy, String sql, StringBuilder sb) throws SQLException {
    if (sb.length() == 0) return;
    try {
      copy.copyIn(sql, new StringReader(sb.toString()));
    } catch (IOException e) {
      throw new SQLException("COPY failed: " + e.getMessage(), e);
    }
    sb.setLength(0);
  }

  private static final class CopyStage extends Stage {
    private final RecordType type;
    private final CopyManager copy;
    private final String mainSql;
    private final String attributesSql;
    private final int fieldCount;
    private final StringBuilder main = new StringBuilder(CHUNK_CHARS + 4096);
    private final StringBuilder attributes = new StringBuilder();

    CopyStage(RecordType type, CopyManager copy, String mainSql, String attributesSql) {
      this.type = type;
      this.copy = copy;
      this.mainSql = mainSql;
      this.attributesSql = attributesSql;
      this.fieldCount = type.fields().size();
    }

    @Override
    public void accept(long line, Object[] row) {
      for (int i = 0; i < fieldCount; i++) {
        write(main, row[i]);
        main.append(',');
      }
      main.append(line).append('\n');
      if (attributesSql != null) {
        @SuppressWarnings("unchecked")
        Map<String, String> attrs = (Map<String, String>) row[fieldCount];
        for (Map.Entry<String, String> a : attrs.entrySet()) {
          write(attributes, row[0]);
          attributes.append(',');
          write(attributes, a.getKey());
          attributes.append(',');
          write(attributes, a.getValue());
          attributes.append(',');
          Double number = Attributes.number(a.getValue());
          if (number != null) attributes.append(number.doubleValue());
          attributes.append(',').append(line).append('\n');
        }
      }
      rows++;
      if (main.length() >= CHUNK_CHARS || attributes.length() >= CHUNK_CHARS) {
        try {
          flush();
        } catch (SQLException e) {
          throw new StoreException(
              "Could not stage rows of "
                  + type.table()
                  + " up to line "
                  + line
                  + ": "
                  + e.getMessage(),
              e);
        }
      }
    }

    private static void write(StringBuilder sb, Object v) {
      CsvRows.append(
          sb, v, false); // COPY's CSV: an unquoted empty field is NULL, a quoted one is text
    }

    @Override
    void flush() throws SQLException {
      send(mainSql, main);
      if (attributesSql != null) send(attributesSql, attributes);
    }

    private void send(String sql, StringBuilder buffer) throws SQLException {
      if (buffer.length() == 0) return;
      try {
        copy.copyIn(sql, new StringReader(buffer.toString()));
      } catch (IOException e) {
        throw new SQLException("COPY failed: " + e.getMessage(), e);
      }
      buffer.setLength(0);
    }

    @Override
    void discard() {
      main.setLength(0);
      attributes.setLength(0);
    }
  }
}
