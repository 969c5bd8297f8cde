package io.yardstick.store.internal;

import io.yardstick.model.Field;
import io.yardstick.model.RecordType;
import io.yardstick.store.LoadCounts;
import io.yardstick.store.StoreException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The embedded default: one DuckDB file.
 *
 * <p>How rows get in fast: a plain CSV file imported into an empty table is read by DuckDB's own
 * parallel reader and typed and checked in SQL ({@link #importFile}, {@link PlainCsvSql}). Other
 * rows into a table that is empty when the load begins (a first import, the demo) go straight in
 * through DuckDB's appender, which fills column vectors on the consuming thread while the reader
 * thread parses the next rows; nothing is written as text and parsed again. Into a table that
 * already holds rows, the rows are spooled to a normalized CSV file beside the store (strings
 * quoted, instants as epoch microseconds, so nothing is left to interpret) and DuckDB's parallel
 * CSV reader loads it into staging tables for the merge, inside the load's transaction; the spool
 * file is deleted when the load ends, committed or not. Either way the rows only become visible
 * when the load commits (docs/benchmarks.md, "Import").
 */
public final class DuckDbStore extends JdbcStore {
  private final Path path;

  private DuckDbStore(Connection connection, Path path) {
    super(connection);
    this.path = path;
  }

  /**
   * The environment variable that caps DuckDB's memory for this process (its {@code memory_limit}:
   * "8GB", "512MB", "50%"); unset, DuckDB takes up to 80% of the machine's memory, which two large
   * processes on one machine (a server and an import) can together exceed. Beyond the cap DuckDB
   * spills to a temporary folder beside the store. The system property {@code
   * yardstick.duckdb.memory} sets it too (tests).
   */
  public static final String MEMORY_VARIABLE = "YARDSTICK_DUCKDB_MEMORY";

  static String memoryLimit() {
    String v = System.getProperty("yardstick.duckdb.memory", System.getenv(MEMORY_VARIABLE));
    return v == null || v.isBlank() ? null : v.strip();
  }

  public static DuckDbStore open(Path path) {
    try {
      Path parent = path.toAbsolutePath().getParent();
      if (parent != null && !Files.isDirectory(parent)) {
        throw new StoreException(
            "Cannot create the store " + path + ": the folder " + parent + " does not exist.");
      }
      String memory = memoryLimit();
      Properties config = new Properties();
      if (memory != null) config.setProperty("memory_limit", memory);
      Connection connection =
          DriverManager.getConnection("jdbc:duckdb:" + path.toAbsolutePath(), config);
      DuckDbStore store = new DuckDbStore(connection, path);
      store.migrate();
      return store;
    } catch (SQLException e) {
      String memory = memoryLimit();
      String hint =
          e.getMessage() != null && e.getMessage().contains("lock")
              ? " Another Yardstick process (a server?) has it open; stop it or use another {db}."
              : memory != null && e.getMessage() != null && e.getMessage().contains("memory")
                  ? " Check "
                      + MEMORY_VARIABLE
                      + "="
                      + memory
                      + ": a size such as 8GB or 512MB, or a share of the machine such as 50%."
                  : "";
      throw new StoreException(
          "Could not open the DuckDB store " + path + ": " + e.getMessage() + hint, e);
    }
  }

  @Override
  public Dialect dialect() {
    return Dialect.DUCKDB;
  }

  /**
   * Switches the plain-file load off (the system property {@code yardstick.import.plain=false}):
   * for A/B measurements and as a way out should DuckDB's reader ever refuse a file it should take.
   */
  private static boolean plainLoads() {
    return !"false".equals(System.getProperty("yardstick.import.plain"));
  }

  /**
   * A plain CSV file ({@link io.yardstick.ingest.PlainCsv}) into an empty table is loaded by
   * DuckDB's own parallel reader in one statement ({@link PlainCsvSql}) while another thread checks
   * that the file is plain and counts its records; anything else, and any file that statement does
   * not take whole, goes through the reader and the appender. Either way the load is one
   * transaction.
   */
  @Override
  public LoadCounts importFile(
      RecordType type,
      io.yardstick.ingest.ImportSource source,
      java.util.function.LongConsumer progress) {
    io.yardstick.ingest.PlainCsv.Plan plan =
        plainLoads() && PlainCsvSql.supports(type)
            ? io.yardstick.ingest.PlainCsv.plan(type, source)
            : null;
    lastImportPlain = false;
    if (plan != null) {
      LoadCounts counts;
      try {
        counts = loadPlain(plan, progress);
      } finally {
        try {
          update("RESET enable_progress_bar");
          update("RESET enable_progress_bar_print");
        } catch (SQLException e) {
          // a setting left on only tracks progress; nothing is printed
        }
      }
      if (counts != null) {
        lastImportPlain = true;
        return counts;
      }
    }
    return super.importFile(type, source, progress);
  }

  private volatile boolean lastImportPlain;

  /** Whether the last {@link #importFile} was a plain load (tests). */
  boolean lastImportPlain() {
    return lastImportPlain;
  }

  /** The plain load, committed; null (nothing kept) when the file must take the careful path. */
  private LoadCounts loadPlain(
      io.yardstick.ingest.PlainCsv.Plan plan, java.util.function.LongConsumer progress) {
    RecordType type = plan.type();
    try (JdbcLoader loader = loader()) {
      try {
        if (scalar("SELECT COUNT(*) FROM " + type.table()) != 0 || !columnsMatch(type)) return null;
      } catch (SQLException e) {
        return null;
      }
      String sql = PlainCsvSql.insert(plan);
      try {
        // DuckDB tracks a statement's progress only with its progress bar on (printing stays off)
        update("SET enable_progress_bar = true");
        update("SET enable_progress_bar_print = false");
      } catch (SQLException e) {
        // no progress to show; the load goes on
      }
      long inserted;
      io.yardstick.ingest.PlainCsv.Scan scan;
      try (var ps = connection.prepareStatement(sql)) {
        org.duckdb.DuckDBPreparedStatement duck =
            ps.unwrap(org.duckdb.DuckDBPreparedStatement.class);
        java.util.concurrent.atomic.AtomicBoolean insertDone =
            new java.util.concurrent.atomic.AtomicBoolean();
        java.util.concurrent.atomic.AtomicBoolean abandoned =
            new java.util.concurrent.atomic.AtomicBoolean();
        java.util.concurrent.CompletableFuture<io.yardstick.ingest.PlainCsv.Scan> checked =
            new java.util.concurrent.CompletableFuture<>();
        // The scan runs to its end unless the statement failed (then the file goes the careful
        // way anyway); a file found not plain cancels the statement.
        Thread checker =
            Thread.ofPlatform()
                .name("yardstick-plain-csv")
                .daemon()
                .start(
                    () -> {
                      io.yardstick.ingest.PlainCsv.Scan s;
                      try {
                        s = io.yardstick.ingest.PlainCsv.scan(plan, bytes -> {}, abandoned::get);
                      } catch (RuntimeException e) {
                        s = new io.yardstick.ingest.PlainCsv.Scan(false, 0, false, e.toString());
                      }
                      checked.complete(s);
                      if (!s.plain()) {
                        try {
                          ps.cancel();
                        } catch (SQLException e) {
                          // the statement ends on its own; the scan's verdict stands
                        }
                        return;
                      }
                      reportProgress(duck, plan.sizeBytes(), progress, insertDone);
                    });
        long t = System.nanoTime();
        try {
          inserted = ps.executeUpdate();
          trace("DuckDB's reader, " + inserted + " rows", t);
        } catch (SQLException e) {
          trace("DuckDB's reader refused the file (" + e.getMessage() + ")", t);
          abandoned.set(true);
          inserted = -1;
        } finally {
          insertDone.set(true);
        }
        long waited = System.nanoTime();
        scan = checked.join();
        trace("the scan's end (" + scan + ")", waited);
        checker.interrupt(); // ends the progress reports; the statement stays open until then
        try {
          checker.join();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return null;
        }
        if (inserted < 0) return null;
      } catch (SQLException e) {
        return null;
      }
      if (!scan.plain() || scan.records() != inserted) {
        trace("not plain: " + scan.why() + "; " + scan.records() + " records", System.nanoTime());
        return null;
      }
      progress.accept(Math.max(plan.sizeBytes(), 0));
      loader.adopt(type, new PlainStage(inserted, scan.keysUnique()));
      return loader.commit().get(type);
    }
  }

  /** Reports DuckDB's progress through the statement as bytes of the file, until it finishes. */
  private static void reportProgress(
      org.duckdb.DuckDBPreparedStatement statement,
      long size,
      java.util.function.LongConsumer progress,
      java.util.concurrent.atomic.AtomicBoolean finished) {
    long shown = 0;
    while (!finished.get() && size > 0) {
      try {
        Thread.sleep(200);
        double pct = statement.getQueryProgress().getPercentage();
        long bytes = (long) (size * Math.min(pct, 100.0) / 100.0);
        if (bytes > shown) {
          shown = bytes;
          progress.accept(bytes);
        }
      } catch (InterruptedException e) {
        return;
      } catch (SQLException | RuntimeException e) {
        return; // no progress to show; the load goes on
      }
    }
  }

  /** Rows a plain load wrote into the record table, in the file's order. */
  private static final class PlainStage extends Stage {
    private final boolean keysUnique;

    PlainStage(long rows, boolean keysUnique) {
      this.rows = rows;
      this.keysUnique = keysUnique;
    }

    @Override
    boolean keysUnique() {
      return keysUnique;
    }

    @Override
    public void accept(long line, Object[] row) {
      throw new IllegalStateException("a plain load takes no rows one by one");
    }

    @Override
    void flush() {}

    @Override
    boolean direct() {
      return true;
    }

    @Override
    void discard() {}
  }

  /**
   * One hash aggregation: arg_min over (arrived_at, contact_id) picks the first contact, ties by
   * the smaller id.
   */
  @Override
  String casesSelect(String only) {
    return "SELECT k.case_id, arg_min(k.contact_id, (k.arrived_at, k.contact_id)), MIN(k.arrived_at),"
        + " bool_or(k.resolved), COUNT(*), SUM(CASE WHEN k.direction = 'inbound' THEN 1 ELSE 0 END),"
        + " MAX(k.resolved_at) FROM contacts k WHERE k.case_id IS NOT NULL"
        + only
        + " GROUP BY k.case_id";
  }

  @Override
  Connection openReader() throws SQLException {
    Connection reader = connection.unwrap(org.duckdb.DuckDBConnection.class).duplicate();
    // duplicate() copies the main connection's auto-commit, which a load turns off: a reader opened
    // then would begin a transaction at its first query and read that snapshot for ever after.
    reader.setAutoCommit(true);
    return reader;
  }

  @Override
  public String describe() {
    return "DuckDB file " + path;
  }

  /**
   * When the table is empty at the start of the load (a first import, the demo, the benchmark), the
   * spool is read straight into it; staging and copying over would write everything twice.
   * Otherwise, and always for customers (their attributes need the line to settle repeats), it is
   * read into staging tables for the merge.
   */
  @Override
  Stage stage(RecordType type) throws SQLException {
    boolean direct = !type.hasAttributes() && scalar("SELECT COUNT(*) FROM " + type.table()) == 0;
    if (direct && columnsMatch(type)) return new AppenderStage(type);
    return new SpoolStage(type, direct);
  }

  /**
   * Repeated keys of a direct load: row ids follow the file order, so the highest of a key is its
   * last line.
   */
  @Override
  LoadCounts mergeDirect(RecordType type, Stage stage) throws SQLException {
    long read = stage.rows;
    if (stage.keysUnique()) return new LoadCounts(read, read, 0, 0);
    String keys = String.join(", ", type.key());
    // As many distinct hashes as rows proves every key distinct (equal keys hash alike), at about
    // half the cost of distinct keys; fewer (a repeat, or a collision) asks for the exact count.
    if (scalar("SELECT COUNT(DISTINCT hash(" + keys + ")) FROM " + type.table()) == read) {
      return new LoadCounts(read, read, 0, 0);
    }
    long distinct =
        scalar("SELECT COUNT(*) FROM (SELECT DISTINCT " + keys + " FROM " + type.table() + ") d");
    if (distinct < read) {
      update(
          "DELETE FROM "
              + type.table()
              + " WHERE rowid IN (SELECT rowid FROM (SELECT rowid, ROW_NUMBER() OVER"
              + " (PARTITION BY "
              + keys
              + " ORDER BY rowid DESC) AS rn_ FROM "
              + type.table()
              + ") ranked WHERE rn_ > 1)");
    }
    return new LoadCounts(read, distinct, 0, read - distinct);
  }

  @Override
  void appendRows(String table, List<String> columns, Iterable<Object[]> rows) throws SQLException {
    List<Object[]> all = new ArrayList<>();
    rows.forEach(all::add);
    if (all.isEmpty()) return;
    // Each column read back as the type of its values: instants as epoch microseconds, numbers as
    // doubles, the rest as text; the INSERT casts them to the table's types.
    List<Field> fields = new ArrayList<>();
    for (int i = 0; i < columns.size(); i++) {
      io.yardstick.model.FieldType type = io.yardstick.model.FieldType.TEXT;
      for (Object[] r : all) {
        if (r[i] == null) continue;
        if (r[i] instanceof java.time.Instant) type = io.yardstick.model.FieldType.INSTANT;
        else if (r[i] instanceof Number) type = io.yardstick.model.FieldType.SECONDS;
        else if (r[i] instanceof Boolean) type = io.yardstick.model.FieldType.BOOLEAN;
        break;
      }
      fields.add(new Field(columns.get(i), type, false));
    }
    Spool spool = new Spool(table);
    try {
      long line = 0;
      for (Object[] r : all) {
        StringBuilder sb = spool.row();
        boolean lineBreak = false;
        for (int i = 0; i < columns.size(); i++) {
          lineBreak |= CsvRows.append(sb, r[i], true);
          sb.append(',');
        }
        sb.append(line++).append('\n');
        spool.write(lineBreak);
      }
      spool.close();
      update(
          "INSERT INTO "
              + table
              + " ("
              + columns(fields)
              + ") SELECT "
              + selectList(fields)
              + " FROM "
              + spool.reader(fields));
    } finally {
      spool.delete();
    }
  }

  /** Whether the table's columns are the type's fields, in order: what the appender writes. */
  private boolean columnsMatch(RecordType type) throws SQLException {
    List<String> names = new ArrayList<>();
    try (var st = connection.createStatement();
        var rs =
            st.executeQuery(
                "SELECT column_name FROM information_schema.columns WHERE table_name = '"
                    + type.table()
                    + "' AND table_schema = 'main' ORDER BY ordinal_position")) {
      while (rs.next()) names.add(rs.getString(1));
    }
    return names.equals(type.fields().stream().map(Field::name).toList());
  }

  /**
   * Rows straight into an empty table through DuckDB's appender, which writes them into column
   * vectors on this thread: no text to write and parse again.
   */
  private final class AppenderStage extends Stage {
    private final org.duckdb.DuckDBAppender appender;
    private final int fieldCount;

    AppenderStage(RecordType type) throws SQLException {
      this.fieldCount = type.fields().size();
      this.appender =
          connection.unwrap(org.duckdb.DuckDBConnection.class).createAppender("main", type.table());
    }

    @Override
    boolean direct() {
      return true;
    }

    @Override
    public void accept(long line, Object[] row) {
      try {
        appender.beginRow();
        for (int i = 0; i < fieldCount; i++) {
          Object v = row[i];
          switch (v) {
            case null -> appender.appendNull();
            case String s -> appender.append(s);
            case java.time.Instant t ->
                appender.appendEpochMicros(
                    Math.addExact(
                        Math.multiplyExact(t.getEpochSecond(), 1_000_000L), t.getNano() / 1000));
            case Double d -> appender.append(d.doubleValue());
            case Boolean b -> appender.append(b.booleanValue());
            case Integer n -> appender.append(n.intValue());
            case Long n -> appender.append(n.longValue());
            case java.math.BigDecimal d ->
                appender.appendDecimal(d.unscaledValue().longValueExact());
            case java.time.LocalDate d -> appender.append(d);
            default -> throw new IllegalStateException("no appender for " + v.getClass());
          }
        }
        appender.endRow();
      } catch (SQLException e) {
        throw new StoreException("Could not append line " + line + ": " + e.getMessage(), e);
      }
      rows++;
    }

    @Override
    void flush() throws SQLException {
      appender.close();
    }

    @Override
    void discard() {
      try {
        appender.close();
      } catch (SQLException e) {
        // rolled back with the load
      }
    }
  }

  private final class SpoolStage extends Stage {
    private final RecordType type;
    private final boolean direct;
    private final int fieldCount;
    private final Spool main;
    private final Spool attributes;

    SpoolStage(RecordType type, boolean direct) {
      this.type = type;
      this.direct = direct;
      this.fieldCount = type.fields().size();
      this.main = new Spool(type.table());
      this.attributes = type.hasAttributes() ? new Spool("customer_attributes") : null;
    }

    @Override
    boolean direct() {
      return direct;
    }

    @Override
    public void accept(long line, Object[] row) {
      StringBuilder sb = main.row();
      boolean lineBreak = false;
      for (int i = 0; i < fieldCount; i++) {
        lineBreak |= CsvRows.append(sb, row[i], true);
        sb.append(',');
      }
      sb.append(line).append('\n');
      main.write(lineBreak);
      if (attributes != null) {
        @SuppressWarnings("unchecked")
        Map<String, String> attrs = (Map<String, String>) row[fieldCount];
        for (Map.Entry<String, String> a : attrs.entrySet()) {
          StringBuilder ab = attributes.row();
          boolean br = CsvRows.append(ab, row[0], true);
          ab.append(',');
          br |= CsvRows.append(ab, a.getKey(), true);
          ab.append(',');
          br |= CsvRows.append(ab, a.getValue(), true);
          ab.append(',');
          CsvRows.append(ab, Attributes.number(a.getValue()), true);
          ab.append(',').append(line).append('\n');
          attributes.write(br);
        }
      }
      rows++;
    }

    @Override
    void flush() throws SQLException {
      main.close();
      if (direct) {
        update(
            "INSERT INTO "
                + type.table()
                + " ("
                + columns(type.fields())
                + ") SELECT "
                + selectList(type.fields())
                + " FROM "
                + main.reader(type.fields()));
        return;
      }
      createStagingTables(type);
      update(
          "INSERT INTO "
              + stagingTable(type.table())
              + " SELECT "
              + selectList(type.fields())
              + ", "
              + LINE
              + " FROM "
              + main.reader(type.fields()));
      if (attributes != null) {
        attributes.close();
        List<Field> attributeFields =
            List.of(
                new Field("customer_id", io.yardstick.model.FieldType.TEXT, true),
                new Field("name", io.yardstick.model.FieldType.TEXT, true),
                new Field("value", io.yardstick.model.FieldType.TEXT, true),
                new Field("number", io.yardstick.model.FieldType.SECONDS, false));
        update(
            "INSERT INTO "
                + stagingTable("customer_attributes")
                + " SELECT "
                + selectList(attributeFields)
                + ", "
                + LINE
                + " FROM "
                + attributes.reader(attributeFields));
      }
    }

    @Override
    void discard() {
      main.delete();
      if (attributes != null) attributes.delete();
    }
  }

  private static String columns(List<Field> fields) {
    return String.join(", ", fields.stream().map(Field::name).toList());
  }

  /** The spool's columns back to the store's types: instants come as epoch microseconds. */
  private static String selectList(List<Field> fields) {
    List<String> exprs = new ArrayList<>();
    for (Field f : fields) {
      exprs.add(
          switch (f.type()) {
            case INSTANT ->
                "TIMESTAMPTZ '1970-01-01 00:00:00+00' + to_microseconds(" + f.name() + ")";
            default -> f.name();
          });
    }
    return String.join(", ", exprs);
  }

  private static String sqlType(Field f) {
    return switch (f.type()) {
      case INSTANT -> "BIGINT";
      case DATE -> "DATE";
      case SECONDS -> "DOUBLE";
      case BOOLEAN -> "BOOLEAN";
      case MONEY -> "DECIMAL(18,4)";
      case SCORE -> "INTEGER";
      default -> "VARCHAR";
    };
  }

  /** One normalized CSV file beside the store, written through a large buffer. */
  private final class Spool {
    private final Path file;
    private final StringBuilder row = new StringBuilder(512);
    private Writer writer;
    private boolean lineBreaks;

    Spool(String table) {
      try {
        Path dir = path.toAbsolutePath().getParent();
        file =
            Files.createTempFile(dir, "." + path.getFileName() + "-import-" + table + "-", ".csv");
        writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new StoreException(
            "Could not create a spool file beside " + path + " for the import: " + e.getMessage(),
            e);
      }
    }

    StringBuilder row() {
      row.setLength(0);
      return row;
    }

    void write(boolean lineBreak) {
      lineBreaks |= lineBreak;
      try {
        writer.append(row);
      } catch (IOException e) {
        throw new UncheckedIOException(
            "Could not write the import spool " + file + ": " + e.getMessage(), e);
      }
    }

    void close() {
      try {
        if (writer != null) writer.close();
        writer = null;
      } catch (IOException e) {
        throw new StoreException(
            "Could not write the import spool " + file + " (disk full?): " + e.getMessage(), e);
      }
    }

    /**
     * A read_csv call that takes the file exactly as written: no sniffing, explicit types, quoted
     * empties as text.
     */
    String reader(List<Field> fields) {
      StringBuilder cols = new StringBuilder("{");
      for (Field f : fields) {
        cols.append('\'').append(f.name()).append("': '").append(sqlType(f)).append("', ");
      }
      cols.append('\'').append(LINE).append("': 'BIGINT'}");
      return "read_csv('"
          + file.toString().replace("'", "''")
          + "', header = false, auto_detect = false, delim = ',',"
          + " quote = '\"', escape = '\"', allow_quoted_nulls = false, parallel = "
          + !lineBreaks
          + ", columns = "
          + cols
          + ")";
    }

    void delete() {
      try {
        if (writer != null) writer.close();
        writer = null;
        Files.deleteIfExists(file);
      } catch (IOException e) {
        // a leftover spool file is harmless; it starts with a dot beside the store
      }
    }
  }
}
