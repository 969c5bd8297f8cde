package io.yardstick.spark;

import io.yardstick.LimitException;
import io.yardstick.ingest.RowSink;
import io.yardstick.model.RecordType;
import io.yardstick.spark.internal.Lake;
import io.yardstick.spark.internal.SparkSql;
import io.yardstick.store.LoadCounts;
import io.yardstick.store.Loader;
import io.yardstick.store.Store;
import io.yardstick.store.StoreException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;

/**
 * The KPI catalog on Apache Spark: the record tables in a lake ({@link Lake}: Parquet partitioned
 * by month, committed by numbered manifests), the small tables (settings, users, goals, alert
 * rules, id counters, saved views, forecasts...) in an embedded DuckDB file beside it.
 *
 * <pre>{@code
 * try (Store store = Store.open("spark:local[2]?path=/data/lake")) {
 *   store.importFile(RecordType.CONTACTS, ImportSource.of("contacts.csv"), bytes -> {});
 * }
 * }</pre>
 *
 * <p>A query that reads a record table runs on Spark (the KPI engine renders it in {@link
 * Store.Dialect#SPARK}); any other runs on the small tables' DuckDB. An import is validated and
 * de-duplicated exactly as on DuckDB (it is staged in a throw-away DuckDB file by the same {@link
 * Loader}), then merged by key into the lake as one new version: all or nothing, and a repeated
 * import changes nothing.
 */
public final class SparkStore implements Store {
  private final SparkLocation location;
  private final SparkSession spark;
  private final Store meta;
  private final Lake lake;
  private final Map<String, StructType> schemas;
  private long viewsVersion = -1;
  private volatile Duration defaultTimeout;

  /** Whether the executors may not see this process's files (Spark Connect, or a cluster). */
  private final boolean remote;

  private SparkStore(SparkLocation location, SparkSession spark, Store meta) {
    this.location = location;
    this.spark = spark;
    this.remote = location.connect() != null || !location.master().startsWith("local");
    this.meta = meta;
    this.lake = new Lake(spark, location.path());
    this.schemas = schemasFrom(meta);
  }

  public static SparkStore open(SparkLocation location) {
    Path metaFile = Path.of(location.meta().replaceFirst("^file:", ""));
    try {
      Files.createDirectories(metaFile.toAbsolutePath().getParent());
    } catch (IOException e) {
      throw new StoreException(
          "Cannot create the folder of " + metaFile + ": " + e.getMessage(), e);
    }
    SparkSession spark =
        location.connect() != null
            ? Sessions.connect(location.connect())
            : Sessions.embedded(location.master());
    Store meta = Store.open(metaFile.toString());
    try {
      return new SparkStore(location, spark, meta);
    } catch (RuntimeException e) {
      meta.close();
      throw e;
    }
  }

  private static Map<String, StructType> knownSchemas;

  /**
   * The Spark schema of each lake table: DuckDB's empty table written as Parquet and read back
   * (once per JVM: every store of a version has the same tables).
   */
  private Map<String, StructType> schemasFrom(Store meta) {
    synchronized (SparkStore.class) {
      if (knownSchemas != null) return knownSchemas;
    }
    Path dir = tempDir("schemas");
    try {
      Map<String, StructType> out = new HashMap<>();
      for (String table : Lake.TABLES) {
        Path file = dir.resolve(table + ".parquet");
        meta.update(
            "COPY (SELECT * FROM " + table + " LIMIT 0) TO '" + file + "' (FORMAT parquet)");
        out.put(table, readLocal(file, null, null).schema());
      }
      synchronized (SparkStore.class) {
        knownSchemas = Map.copyOf(out);
      }
      return out;
    } finally {
      delete(dir);
    }
  }

  @Override
  public Dialect dialect() {
    return Dialect.SPARK;
  }

  @Override
  public String describe() {
    return location.describe();
  }

  /** The Spark session this store queries (for the batch job and tests). */
  public SparkSession session() {
    return spark;
  }

  @Override
  public long dataVersion() {
    return lake.current().version();
  }

  @Override
  public long count(RecordType type) {
    return ((Number) query("SELECT COUNT(*) FROM " + type.table()).get(0)[0]).longValue();
  }

  @Override
  public List<Object[]> query(String sql, Object... params) {
    Duration t = defaultTimeout;
    return query(new Bounds(t, Long.MAX_VALUE - 1), sql, params);
  }

  @Override
  public List<Object[]> query(Bounds bounds, String sql, Object... params) {
    if (!SparkSql.readsLake(sql)) return meta.query(bounds, sql, params);
    Duration timeout = bounds.timeout() != null ? bounds.timeout() : defaultTimeout;
    synchronized (this) {
      prepareViews(sql);
    }
    if (timeout == null) return collect(bounds, sql, params);
    // Spark's operation tags (and job groups) belong to a thread: the query runs on a child of
    // this thread, which inherits them, so that this thread can interrupt it when time is up.
    String tag = "yardstick-" + UUID.randomUUID();
    spark.addTag(tag);
    if (!Sessions.isConnect(spark)) {
      spark.sparkContext().setJobGroup(tag, "yardstick query", true);
    }
    java.util.concurrent.CompletableFuture<List<Object[]>> answer =
        new java.util.concurrent.CompletableFuture<>();
    Thread worker =
        new Thread(
            () -> {
              try {
                answer.complete(collect(bounds, sql, params));
              } catch (Throwable t) {
                answer.completeExceptionally(t);
              }
            },
            "yardstick-spark-query");
    worker.setDaemon(true);
    try {
      worker.start();
      return answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (java.util.concurrent.TimeoutException e) {
      spark.interruptTag(tag);
      if (!Sessions.isConnect(spark)) spark.sparkContext().cancelJobGroup(tag);
      throw new LimitException(
          "The query ran longer than " + timeout.toMillis() + " ms and was cancelled.", true);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      spark.interruptTag(tag);
      throw new StoreException("Interrupted while Spark ran the query.", e);
    } catch (java.util.concurrent.ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) throw r;
      throw new StoreException("Spark could not run the query: " + e.getCause(), e.getCause());
    } finally {
      spark.removeTag(tag);
      if (!Sessions.isConnect(spark)) spark.sparkContext().clearJobGroup();
    }
  }

  private List<Object[]> collect(Bounds bounds, String sql, Object... params) {
    try {
      String text = SparkSql.toSpark(sql);
      Dataset<Row> df = params.length == 0 ? spark.sql(text) : spark.sql(text, params);
      List<Row> rows =
          bounds.maxRows() < Long.MAX_VALUE - 1
              ? df.limit((int) Math.min(Integer.MAX_VALUE, bounds.maxRows() + 1)).collectAsList()
              : df.collectAsList();
      if (rows.size() > bounds.maxRows()) {
        throw new LimitException(
            "The query returned more than " + bounds.maxRows() + " rows.", false);
      }
      List<Object[]> out = new ArrayList<>(rows.size());
      for (Row r : rows) {
        Object[] row = new Object[r.length()];
        for (int i = 0; i < row.length; i++) row[i] = value(r.get(i));
        out.add(row);
      }
      return out;
    } catch (LimitException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new StoreException(
          "Spark could not run the query: " + e.getMessage() + "\nSQL: " + sql, e);
    }
  }

  /** The same Java types as the JDBC stores (see {@link Store#query}). */
  static Object value(Object v) {
    if (v instanceof Integer || v instanceof Short || v instanceof Byte) {
      return ((Number) v).longValue();
    }
    if (v instanceof Float f) return f.doubleValue();
    if (v instanceof java.sql.Timestamp ts) return ts.toInstant();
    if (v instanceof java.sql.Date d) return d.toLocalDate();
    if (v instanceof scala.math.BigDecimal b) return b.bigDecimal();
    if (v instanceof BigDecimal b) return b;
    return v;
  }

  /**
   * Temporary views named as the tables: the lake's tables at its current version, cases derived
   * from contacts, and the small tables a query reads copied from DuckDB.
   */
  private void prepareViews(String sql) {
    Lake.Manifest m = lake.current();
    if (m.version() != viewsVersion) {
      for (String table : Lake.TABLES) {
        lake.read(m, table, schemas.get(table)).createOrReplaceTempView(table);
      }
      // The cases the DuckDB store keeps as a table, derived at query time (one import is one
      // commit of the lake; a second table kept in step would be a second commit).
      spark
          .sql(
              "SELECT case_id, min_by(contact_id, struct(arrived_at, contact_id)) AS first_contact_id,"
                  + " MIN(arrived_at) AS first_at, bool_or(resolved) AS resolved, COUNT(*) AS n_contacts,"
                  + " SUM(CASE WHEN direction = 'inbound' THEN 1 ELSE 0 END) AS n_inbound,"
                  + " MAX(resolved_at) AS last_resolved_at FROM contacts WHERE case_id IS NOT NULL"
                  + " GROUP BY case_id")
          .createOrReplaceTempView("cases");
      viewsVersion = m.version();
    }
    for (String table : SparkSql.smallTablesRead(sql)) {
      Path dir = tempDir("small");
      Path file = dir.resolve(table + ".parquet");
      meta.update("COPY (SELECT * FROM " + table + ") TO '" + file + "' (FORMAT parquet)");
      // Read now (cached), so that the file can go.
      List<String> uploads = new ArrayList<>();
      Dataset<Row> df = readLocal(file, null, uploads);
      spark.createDataFrame(df.collectAsList(), df.schema()).createOrReplaceTempView(table);
      uploads.forEach(lake::dropUpload);
      delete(dir);
    }
  }

  @Override
  public Loader loader() {
    return new SparkLoader();
  }

  /**
   * Stages rows in a throw-away DuckDB store through its own loader (the same validation, repeats
   * and counts as the default store), then commits them to the lake as one version.
   */
  private final class SparkLoader implements Loader {
    private final Path dir = tempDir("stage");
    private final List<String> uploads = new ArrayList<>();
    private final Store stage = stagingStore();
    private final Loader inner = stage.loader();
    private final Set<RecordType> types = EnumSet.noneOf(RecordType.class);
    private final List<Object[]> statements = new ArrayList<>();
    private boolean replaceAll;

    @Override
    public RowSink sink(RecordType type) {
      types.add(type);
      return inner.sink(type);
    }

    @Override
    public Loader replacingAll() {
      inner.replacingAll();
      replaceAll = true;
      return this;
    }

    /**
     * A statement on the small tables (an event batch's ids, an SLA refresh's targets), run on
     * their DuckDB right after the lake's commit: kept when the load commits, but not in one
     * transaction with it (a process killed between the two loses these rows; docs/scale-out.md).
     */
    @Override
    public int execute(String sql, Object... params) {
      if (SparkSql.readsLake(sql)) {
        throw new StoreException(
            "The Spark store's record tables change only through a loader's sinks: " + sql);
      }
      statements.add(new Object[] {sql, params});
      return 0;
    }

    @Override
    public Map<RecordType, LoadCounts> commit() {
      Map<RecordType, LoadCounts> staged = inner.commit();
      if (types.isEmpty()) {
        runStatements();
        return Map.of();
      }
      Lake.Manifest base = lake.current();
      Map<String, Lake.Change> changes = new LinkedHashMap<>();
      for (RecordType type : types) {
        Dataset<Row> rows = exported(type.table());
        changes.put(type.table(), new Lake.Change(rows, rows.select(keyColumns(type.key()))));
        if (type.hasAttributes()) {
          // A customer's attributes are replaced as a whole by its new row's.
          changes.put(
              "customer_attributes",
              new Lake.Change(exported("customer_attributes"), rows.select("customer_id")));
        }
      }
      Map<String, Long> replaced;
      synchronized (SparkStore.this) {
        replaced = lake.commit(base, changes, replaceAll, schemas);
        lake.cleanUp(base.version());
      }
      runStatements();
      Map<RecordType, LoadCounts> out = new LinkedHashMap<>();
      for (RecordType type : types) {
        LoadCounts c = staged.get(type);
        long kept = c.inserted() + c.replaced(); // distinct keys of the load
        long r = replaceAll ? 0 : replaced.getOrDefault(type.table(), 0L);
        out.put(type, new LoadCounts(c.read(), kept - r, r, c.duplicates()));
      }
      return out;
    }

    private void runStatements() {
      for (Object[] st : statements) meta.update((String) st[0], (Object[]) st[1]);
      statements.clear();
    }

    private Dataset<Row> exported(String table) {
      Path file = dir.resolve(table + ".parquet");
      stage.update("COPY " + table + " TO '" + file + "' (FORMAT parquet)");
      return readLocal(file, schemas.get(table), uploads);
    }

    @Override
    public void close() {
      try {
        inner.close();
      } finally {
        releaseStagingStore(stage);
        uploads.forEach(lake::dropUpload);
        delete(dir);
      }
    }
  }

  private Store staging;
  private final Path stagingDir = tempDir("staging");

  /**
   * The DuckDB store imports are staged in: kept empty between loads, and reused (its migrations
   * cost more than a small import); a second concurrent load gets its own.
   */
  private synchronized Store stagingStore() {
    if (staging != null) {
      Store s = staging;
      staging = null;
      return s;
    }
    try {
      return Store.open(
          Files.createTempDirectory(stagingDir, "s").resolve("stage.duckdb").toString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private synchronized void releaseStagingStore(Store s) {
    try {
      for (String table : Lake.TABLES) s.update("DELETE FROM " + table);
      s.update("DELETE FROM cases");
    } catch (RuntimeException e) {
      s.close();
      return;
    }
    if (staging == null) staging = s;
    else s.close();
  }

  /**
   * A Parquet file of this process as a data frame: read in place by a local master, copied into
   * the lake first when the executors are elsewhere (Spark Connect, a cluster); the copy's location
   * is added to {@code uploads} (null: dropped once its schema is read).
   */
  private Dataset<Row> readLocal(Path file, StructType schema, List<String> uploads) {
    org.apache.spark.sql.DataFrameReader reader =
        schema == null ? spark.read() : spark.read().schema(schema);
    if (!remote) return reader.parquet(file.toString());
    String copy = lake.upload(file);
    Dataset<Row> df = reader.parquet(copy);
    if (uploads != null) {
      uploads.add(copy);
      return df;
    }
    StructType read = df.schema();
    lake.dropUpload(copy);
    return spark.createDataFrame(List.of(), read);
  }

  private static org.apache.spark.sql.Column[] keyColumns(List<String> key) {
    return key.stream()
        .map(org.apache.spark.sql.functions::col)
        .toArray(org.apache.spark.sql.Column[]::new);
  }

  /**
   * Erasure on the lake, with the DuckDB store's rules ({@link Store#erase}): the keys of the rows
   * that go are found by Spark SQL over the current version, then the months holding them are
   * rewritten without them and committed as one new version (the merge of an import with no new
   * rows). All or nothing, as an import: a failed or killed erasure leaves the lake as it was.
   * Cases are derived from the contacts that remain, so they follow by themselves.
   */
  @Override
  public Erased erase(Erasure what) {
    String contactsOf;
    String surveysOf;
    Object[] p;
    switch (what) {
      case Erasure.Customer c -> {
        contactsOf = "customer_id = ?";
        surveysOf =
            "customer_id = ? OR contact_id IN (SELECT contact_id FROM contacts WHERE customer_id = ?)";
        p = new Object[] {c.customerId()};
      }
      case Erasure.Before b -> {
        contactsOf = "arrived_at < ?";
        surveysOf =
            "submitted_at < ? OR contact_id IN (SELECT contact_id FROM contacts WHERE arrived_at < ?)";
        p = new Object[] {b.cutoff()};
      }
    }
    Object[] p2 = {p[0], p[0]};
    String goneContacts = "SELECT contact_id FROM contacts WHERE " + contactsOf;
    // Tickets whose contacts all go (their case keeps no contact), with their timelines.
    String goneCases =
        "SELECT case_id FROM contacts WHERE case_id IS NOT NULL AND "
            + contactsOf
            + " EXCEPT SELECT case_id FROM contacts WHERE case_id IS NOT NULL AND NOT ("
            + contactsOf
            + ")";
    Map<String, Object[]> doomed = new LinkedHashMap<>();
    doomed.put("contacts", new Object[] {"SELECT * FROM contacts WHERE " + contactsOf, p});
    doomed.put("surveys", new Object[] {"SELECT * FROM surveys WHERE " + surveysOf, p2});
    doomed.put(
        "call_outcomes",
        new Object[] {"SELECT * FROM call_outcomes WHERE contact_id IN (" + goneContacts + ")", p});
    doomed.put(
        "tickets", new Object[] {"SELECT * FROM tickets WHERE case_id IN (" + goneCases + ")", p2});
    doomed.put(
        "ticket_events",
        what instanceof Erasure.Before
            ? new Object[] {
              "SELECT * FROM ticket_events WHERE case_id IN (" + goneCases + ") OR occurred_at < ?",
              new Object[] {p[0], p[0], p[0]}
            }
            : new Object[] {
              "SELECT * FROM ticket_events WHERE case_id IN (" + goneCases + ")", p2
            });
    if (what instanceof Erasure.Customer) {
      doomed.put(
          "customer_attributes",
          new Object[] {"SELECT * FROM customer_attributes WHERE customer_id = ?", p});
      doomed.put("customers", new Object[] {"SELECT * FROM customers WHERE customer_id = ?", p});
    }
    Map<String, Long> gone;
    synchronized (this) {
      prepareViews("SELECT * FROM contacts");
      Lake.Manifest base = lake.current();
      Map<String, Lake.Change> changes = new LinkedHashMap<>();
      for (Map.Entry<String, Object[]> d : doomed.entrySet()) {
        String table = d.getKey();
        if (!base.tables().containsKey(table)) continue; // nothing stored
        Dataset<Row> rows = spark.sql((String) d.getValue()[0], (Object[]) d.getValue()[1]);
        // Read lazily from the base version's files, which the commit keeps until it is done.
        Dataset<Row> keys = rows.select(keyColumns(keyOf(table)));
        changes.put(
            table, new Lake.Change(spark.createDataFrame(List.of(), schemas.get(table)), keys));
      }
      gone = lake.commit(base, changes, false, schemas);
      // The erased rows must leave the disk, not only the current version: no earlier version is
      // kept (a reader still on one fails and asks again).
      lake.cleanUp(base.version() + 1);
    }
    return new Erased(
        gone.getOrDefault("contacts", 0L),
        gone.getOrDefault("surveys", 0L),
        gone.getOrDefault("call_outcomes", 0L),
        gone.getOrDefault("customers", 0L),
        gone.getOrDefault("customer_attributes", 0L));
  }

  private static List<String> keyOf(String table) {
    if (table.equals("customer_attributes")) return List.of("customer_id"); // all of them go
    for (RecordType type : RecordType.values()) {
      if (type.table().equals(table)) return type.key();
    }
    throw new IllegalArgumentException(table);
  }

  @Override
  public void queryTimeout(Duration timeout) {
    this.defaultTimeout = timeout;
    meta.queryTimeout(timeout);
  }

  @Override
  public int update(String sql, Object... params) {
    if (SparkSql.readsLake(sql)) {
      throw new StoreException(
          "The Spark store's record tables change only by imports; this statement would change"
              + " them: "
              + sql);
    }
    return meta.update(sql, params);
  }

  @Override
  public void close() {
    meta.close();
    synchronized (this) {
      if (staging != null) staging.close();
      staging = null;
    }
    delete(stagingDir);
  }

  private static Path tempDir(String what) {
    try {
      return Files.createTempDirectory("yardstick-spark-" + what);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void delete(Path dir) {
    try (Stream<Path> s = Files.walk(dir)) {
      s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException ignored) {
      // a temporary folder; the system cleans it
    }
  }
}
