package io.yardstick.store.internal;

import io.yardstick.model.RecordType;
import io.yardstick.store.StoreException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/** The embedded default: one DuckDB file. Rows are staged through DuckDB's appender, the fastest way in. */
public final class DuckDbStore extends JdbcStore {
  private final Path path;

  private DuckDbStore(Connection connection, Path path) {
    super(connection);
    this.path = path;
  }

  public static DuckDbStore open(Path path) {
    try {
      Path parent = path.toAbsolutePath().getParent();
      if (parent != null && !Files.isDirectory(parent)) {
        throw new StoreException("Cannot create the store " + path + ": the folder " + parent + " does not exist.");
      }
      Connection connection = DriverManager.getConnection("jdbc:duckdb:" + path.toAbsolutePath());
      DuckDbStore store = new DuckDbStore(connection, path);
      store.migrate();
      return store;
    } catch (SQLException e) {
      String hint = e.getMessage() != null && e.getMessage().contains("lock")
          ? " Another Yardstick process (a server?) has it open; stop it or use another --db." : "";
      throw new StoreException("Could not open the DuckDB store " + path + ": " + e.getMessage() + hint, e);
    }
  }

  @Override
  public Dialect dialect() {
    return Dialect.DUCKDB;
  }

  @Override
  public String describe() {
    return "DuckDB file " + path;
  }

  @Override
  Stage stage(RecordType type) throws SQLException {
    createStagingTables(type);
    DuckDBConnection duck = connection.unwrap(DuckDBConnection.class);
    DuckDBAppender main = duck.createAppender("temp", "main", stagingTable(type.table()));
    DuckDBAppender attributes = type.hasAttributes()
        ? duck.createAppender("temp", "main", stagingTable("customer_attributes")) : null;
    return new AppenderStage(type, main, attributes);
  }

  private static final class AppenderStage extends Stage {
    private final RecordType type;
    private final int fieldCount;
    private final DuckDBAppender main;
    private final DuckDBAppender attributes;

    AppenderStage(RecordType type, DuckDBAppender main, DuckDBAppender attributes) {
      this.type = type;
      this.fieldCount = type.fields().size();
      this.main = main;
      this.attributes = attributes;
    }

    @Override
    public void accept(long line, Object[] row) {
      try {
        main.beginRow();
        for (int i = 0; i < fieldCount; i++) {
          append(main, row[i]);
        }
        main.append(line);
        main.endRow();
        if (attributes != null) {
          @SuppressWarnings("unchecked")
          Map<String, String> attrs = (Map<String, String>) row[fieldCount];
          for (Map.Entry<String, String> a : attrs.entrySet()) {
            attributes.beginRow();
            attributes.append((String) row[0]);
            attributes.append(a.getKey());
            attributes.append(a.getValue());
            Double number = Attributes.number(a.getValue());
            if (number == null) attributes.appendNull(); else attributes.append(number.doubleValue());
            attributes.append(line);
            attributes.endRow();
          }
        }
        rows++;
      } catch (SQLException e) {
        throw new StoreException("Could not stage a row of " + type.table() + " from line " + line + ": " + e.getMessage(), e);
      }
    }

    private static void append(DuckDBAppender a, Object v) throws SQLException {
      if (v == null) {
        a.appendNull();
      } else if (v instanceof String s) {
        a.append(s);
      } else if (v instanceof Instant t) {
        a.appendEpochMicros(Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000L), t.getNano() / 1000));
      } else if (v instanceof Double d) {
        a.append(d.doubleValue());
      } else if (v instanceof Boolean b) {
        a.append(b.booleanValue());
      } else if (v instanceof Integer n) {
        a.append(n.intValue());
      } else if (v instanceof LocalDate d) {
        a.append(d);
      } else if (v instanceof BigDecimal d) {
        a.append(d);
      } else {
        throw new IllegalArgumentException("cannot store a " + v.getClass().getName());
      }
    }

    @Override
    void flush() throws SQLException {
      main.flush();
      if (attributes != null) attributes.flush();
    }

    @Override
    void discard() {
      try {
        main.close();
        if (attributes != null) attributes.close();
      } catch (SQLException e) {
        // staging tables are dropped next
      }
    }
  }
}
