package io.yardstick.store.internal;

import io.yardstick.LimitException;
import io.yardstick.ingest.RowSink;
import io.yardstick.kpi.rollup.Rollups;
import io.yardstick.model.Field;
import io.yardstick.model.RecordType;
import io.yardstick.store.LoadCounts;
import io.yardstick.store.Loader;
import io.yardstick.store.Store;
import io.yardstick.store.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What both SQL stores share: one JDBC connection, migrations, and the merge of staged rows into
 * the record tables in one transaction. Subclasses only say how rows reach the staging tables fast
 * (DuckDB's appender, PostgreSQL's COPY).
 */
public abstract class JdbcStore implements Store {
  /**
   * Staging tables carry the line each row came from, so that the later of two rows with one key
   * wins.
   */
  static final String LINE = "_line";

  /**
   * Prints how long each step of a load's commit took to standard error (the system property {@code
   * yardstick.import.trace=true}; docs/benchmarks.md, "Import").
   */
  static final boolean TRACE = Boolean.getBoolean("yardstick.import.trace");

  static long trace(String step, long since) {
    long now = System.nanoTime();
    if (TRACE)
      System.err.printf(java.util.Locale.ROOT, "import: %s %.3f s%n", step, (now - since) / 1e9);
    return now;
  }

  final Connection connection;
  private volatile boolean loading;

  /**
   * The thread of the load in progress: its queries run on the load's connection, so they see what
   * it staged.
   */
  private volatile Thread loadingThread;

  /**
   * Connections for queries from other threads (the server's), so that readers do not queue behind
   * each other.
   */
  private final java.util.concurrent.LinkedBlockingDeque<Connection> idleReaders =
      new java.util.concurrent.LinkedBlockingDeque<>();

  private final java.util.concurrent.Semaphore readerSlots =
      new java.util.concurrent.Semaphore(READERS);
  private static final int READERS = 4;

  JdbcStore(Connection connection) {
    this.connection = connection;
  }

  void migrate() {
    Migrations.apply(connection, dialect());
    // Rollups are turned on per store by `yardstick rollups rebuild` (docs/rollups.md): measured at
    // 1 M contacts they do not yet answer faster than a scan, and keeping them slows imports.
  }

  /** Nothing noted or kept: the SQL of a store whose rollups are off. */
  private static final Rollups.Sql NO_ROLLUPS =
      new Rollups.Sql() {
        @Override
        public void execute(String sql) {}

        @Override
        public List<Object[]> query(String sql) {
          return List.of();
        }
      };

  /**
   * The rollups' SQL on the load's connection when this store keeps rollups (they were built), else
   * one that does nothing.
   */
  private Rollups.Sql keptRollups() {
    Rollups.Sql sql = rollupSql();
    return Rollups.built(sql) ? sql : NO_ROLLUPS;
  }

  /** The load's connection, for the rollups kept in its transaction. */
  private Rollups.Sql rollupSql() {
    return new Rollups.Sql() {
      @Override
      public void execute(String sql) {
        try {
          update(sql);
        } catch (SQLException e) {
          throw new StoreException("Keeping the rollups failed: " + e.getMessage(), e);
        }
      }

      @Override
      public List<Object[]> query(String sql) {
        return JdbcStore.this.query(connection, UNBOUNDED, sql);
      }
    };
  }

  /** Whether the buckets a change touches are being noted (between begin and apply). */
  private boolean markingRollups;

  /** Stages rows of one type; created on first use of {@link Loader#sink}. */
  abstract static class Stage implements RowSink {
    long rows;

    /** Makes every row received so far visible to SQL on the store's connection. */
    abstract void flush() throws SQLException;

    /**
     * Whether rows go straight into the record table (it was empty when the load began) rather than
     * staging.
     */
    boolean direct() {
      return false;
    }

    /** Whether the rows are known to hold no key twice (a plain load's scan proved it). */
    boolean keysUnique() {
      return false;
    }

    abstract void discard();
  }

  abstract Stage stage(RecordType type) throws SQLException;

  /**
   * Appends rows to a table by the bulk path, on the load's connection (see {@link Loader#append}).
   */
  abstract void appendRows(String table, List<String> columns, Iterable<Object[]> rows)
      throws SQLException;

  static String stagingTable(String table) {
    return "stg_" + table;
  }

  /** Creates the staging tables of a type, shaped like the record tables plus the line. */
  void createStagingTables(RecordType type) throws SQLException {
    try (Statement st = connection.createStatement()) {
      for (String table : tablesOf(type)) {
        st.execute("DROP TABLE IF EXISTS " + stagingTable(table));
        st.execute(
            "CREATE TEMPORARY TABLE "
                + stagingTable(table)
                + " AS SELECT *, CAST(0 AS BIGINT) AS "
                + LINE
                + " FROM "
                + table
                + " WHERE 1 = 0");
      }
    }
  }

  void dropStagingTables(RecordType type) {
    try (Statement st = connection.createStatement()) {
      for (String table : tablesOf(type)) {
        st.execute("DROP TABLE IF EXISTS " + stagingTable(table));
      }
    } catch (SQLException e) {
      // the connection is in trouble already; the temporary tables die with it
    }
  }

  static List<String> tablesOf(RecordType type) {
    return type.hasAttributes()
        ? List.of(type.table(), "customer_attributes")
        : List.of(type.table());
  }

  @Override
  public synchronized JdbcLoader loader() {
    if (loading) {
      throw new StoreException(
          "A load is already running on this store connection; finish it first.");
    }
    try {
      // The whole load is one transaction, staging included: closing without commit rolls
      // everything back.
      connection.setAutoCommit(false);
      try (Statement st = connection.createStatement()) {
        st.execute(
            "SELECT 1"); // opens the transaction now, so that DuckDB's appenders write inside it
      }
    } catch (SQLException e) {
      throw new StoreException(
          "Could not start a load on " + describe() + ": " + e.getMessage(), e);
    }
    loading = true;
    loadingThread = Thread.currentThread();
    return new JdbcLoader();
  }

  final class JdbcLoader implements Loader {
    private final Map<RecordType, Stage> stages = new LinkedHashMap<>();
    private boolean done;
    private boolean replaceAll;

    /**
     * Takes rows the store already wrote into the record table in this load's transaction (a DuckDB
     * load of a plain file): the commit treats them as a direct stage's.
     */
    void adopt(RecordType type, Stage stage) {
      if (stages.putIfAbsent(type, stage) != null) {
        throw new IllegalStateException(type + " rows were already received in this load");
      }
    }

    @Override
    public Loader replacingAll() {
      replaceAll = true;
      return this;
    }

    @Override
    public RowSink sink(RecordType type) {
      Stage stage = stages.get(type);
      if (stage == null) {
        try {
          if (replaceAll) {
            // Emptied first, inside the transaction: the rows then go in as into an empty store.
            for (String table : tablesOf(type)) {
              update("DELETE FROM " + table);
            }
          }
          stage = stage(type);
        } catch (SQLException e) {
          throw new StoreException(
              "Could not prepare the import of " + type.table() + ": " + e.getMessage(), e);
        }
        stages.put(type, stage);
      }
      return stage;
    }

    @Override
    public int execute(String sql, Object... params) {
      if (done) throw new IllegalStateException("this load was already committed or closed");
      try (PreparedStatement ps = connection.prepareStatement(sql)) {
        bind(ps, params);
        return ps.executeUpdate();
      } catch (SQLException e) {
        throw new StoreException("Update failed: " + e.getMessage() + " [SQL: " + sql + "]", e);
      }
    }

    @Override
    public void append(String table, List<String> columns, Iterable<Object[]> rows) {
      if (done) throw new IllegalStateException("this load was already committed or closed");
      try {
        appendRows(table, columns, rows);
      } catch (SQLException e) {
        throw new StoreException("Could not append rows to " + table + ": " + e.getMessage(), e);
      }
    }

    @Override
    public Map<RecordType, LoadCounts> commit() {
      if (done) throw new IllegalStateException("this load was already committed or closed");
      Map<RecordType, LoadCounts> counts = new EnumMap<>(RecordType.class);
      try {
        for (Stage stage : stages.values()) {
          stage.flush();
        }
        Stage contacts = stages.get(RecordType.CONTACTS);
        boolean rebuildCases = contacts != null && (replaceAll || contacts.direct());
        if (contacts != null && !rebuildCases) markAffectedCases();
        // The rollups change in this transaction: the buckets the staged rows and the rows they
        // replace fall in are noted now and recomputed after the merge; a load into empty tables
        // rebuilds the bases it fills.
        Rollups.Sql rollups = keptRollups();
        boolean keep = rollups != NO_ROLLUPS;
        java.util.Set<io.yardstick.kpi.Base> rebuilt =
            java.util.EnumSet.noneOf(io.yardstick.kpi.Base.class);
        Rollups.beginChanges(rollups);
        markingRollups = keep;
        for (Map.Entry<RecordType, Stage> e : stages.entrySet()) {
          if (!keep) break;
          boolean whole = replaceAll || e.getValue().direct();
          switch (e.getKey()) {
            case CONTACTS -> {
              if (whole) {
                rebuilt.addAll(
                    List.of(
                        io.yardstick.kpi.Base.CONTACTS,
                        io.yardstick.kpi.Base.CASES,
                        io.yardstick.kpi.Base.SURVEYS));
              } else {
                Rollups.markInstants(
                    rollups,
                    dialect(),
                    java.util.EnumSet.of(
                        io.yardstick.kpi.Base.CONTACTS, io.yardstick.kpi.Base.CASES),
                    "SELECT arrived_at FROM stg_contacts UNION ALL SELECT c.arrived_at FROM contacts c"
                        + " JOIN stg_contacts s ON s.contact_id = c.contact_id");
                Rollups.markInstants(
                    rollups,
                    dialect(),
                    java.util.EnumSet.of(io.yardstick.kpi.Base.CASES),
                    "SELECT first_at FROM cases WHERE case_id IN (SELECT case_id FROM affected_cases)");
                Rollups.markInstants(
                    rollups,
                    dialect(),
                    java.util.EnumSet.of(io.yardstick.kpi.Base.SURVEYS),
                    "SELECT submitted_at FROM surveys WHERE contact_id IN (SELECT contact_id FROM"
                        + " stg_contacts)");
              }
            }
            case SURVEYS -> {
              if (whole) {
                rebuilt.add(io.yardstick.kpi.Base.SURVEYS);
              } else {
                Rollups.markInstants(
                    rollups,
                    dialect(),
                    java.util.EnumSet.of(io.yardstick.kpi.Base.SURVEYS),
                    "SELECT submitted_at FROM stg_surveys UNION ALL SELECT q.submitted_at FROM surveys q"
                        + " JOIN stg_surveys s ON s.survey_id = q.survey_id");
              }
            }
            case AGENT_STATES -> {
              if (whole) {
                rebuilt.add(io.yardstick.kpi.Base.AGENT_TIME);
              } else {
                Rollups.markSpans(
                    rollups,
                    dialect(),
                    "SELECT started_at, ended_at FROM stg_agent_states UNION ALL SELECT a.started_at,"
                        + " a.ended_at FROM agent_states a JOIN stg_agent_states s ON s.agent_id ="
                        + " a.agent_id AND s.started_at = a.started_at");
              }
            }
            default -> {}
          }
        }
        long t = trace("staged rows flushed", System.nanoTime());
        for (Map.Entry<RecordType, Stage> e : stages.entrySet()) {
          Stage stage = e.getValue();
          counts.put(
              e.getKey(),
              stage.direct() ? mergeDirect(e.getKey(), stage) : merge(e.getKey(), stage.rows));
        }
        t = trace("repeated keys", t);
        if (contacts != null) refreshCases(rebuildCases);
        t = trace("cases", t);
        markingRollups = false;
        if (!rebuilt.isEmpty()) Rollups.rebuild(rollups, dialect(), null, rebuilt, null);
        Rollups.applyChanges(rollups, dialect());
        t = trace("rollups", t);
        try (Statement st = connection.createStatement()) {
          st.executeUpdate("UPDATE data_version SET version = version + 1");
        }
        connection.commit();
        trace("commit", t);
        connection.setAutoCommit(true);
        done = true;
      } catch (SQLException e) {
        throw new StoreException(
            "The import failed and was rolled back; nothing was kept: " + e.getMessage(), e);
      } finally {
        close();
      }
      return counts;
    }

    @Override
    public void close() {
      // The load is over only once its last statement on the main connection has run: until then
      // other threads'
      // changes keep to their own connections (a JDBC connection is not for two threads at once;
      // issue 18's load
      // test saw DuckDB refuse a change that ran beside the dropping of staging tables).
      synchronized (JdbcStore.this) {
        try {
          for (Stage stage : stages.values()) {
            stage.discard();
          }
          if (!done) {
            done = true;
            try {
              connection.rollback();
              connection.setAutoCommit(true);
            } catch (SQLException e) {
              throw new StoreException(
                  "Could not roll back the load on " + describe() + ": " + e.getMessage(), e);
            }
          }
          for (RecordType type : stages.keySet()) {
            dropStagingTables(type);
          }
        } finally {
          loading = false;
          loadingThread = null;
        }
      }
    }
  }

  @Override
  public synchronized Erased erase(Erasure what) {
    if (loading)
      throw new StoreException(
          "A load is running on " + describe() + "; erase when it has finished.");
    String contactsOf;
    Object[] p;
    String surveysOf;
    Object[] sp;
    switch (what) {
      case Erasure.Customer c -> {
        contactsOf = "customer_id = ?";
        p = new Object[] {c.customerId()};
        surveysOf =
            "customer_id = ? OR contact_id IN (SELECT contact_id FROM contacts WHERE customer_id = ?)";
        sp = new Object[] {c.customerId(), c.customerId()};
      }
      case Erasure.Before b -> {
        contactsOf = "arrived_at < ?";
        p = new Object[] {b.cutoff()};
        surveysOf =
            "submitted_at < ? OR contact_id IN (SELECT contact_id FROM contacts WHERE arrived_at < ?)";
        sp = new Object[] {b.cutoff(), b.cutoff()};
      }
    }
    try {
      connection.setAutoCommit(false);
      try {
        // The buckets of what goes, noted for the rollups (literal values: the marks are SQL of
        // their own).
        String literalContactsOf;
        String literalSurveysOf;
        switch (what) {
          case Erasure.Customer c -> {
            String id = "'" + c.customerId().replace("'", "''") + "'";
            literalContactsOf = "customer_id = " + id;
            literalSurveysOf =
                "customer_id = "
                    + id
                    + " OR contact_id IN (SELECT contact_id FROM contacts WHERE customer_id = "
                    + id
                    + ")";
          }
          case Erasure.Before b -> {
            String t = "CAST('" + b.cutoff() + "' AS TIMESTAMP WITH TIME ZONE)";
            literalContactsOf = "arrived_at < " + t;
            literalSurveysOf =
                "submitted_at < "
                    + t
                    + " OR contact_id IN (SELECT contact_id FROM contacts WHERE arrived_at < "
                    + t
                    + ")";
          }
        }
        Rollups.Sql rollups = keptRollups();
        Rollups.beginChanges(rollups);
        markingRollups = rollups != NO_ROLLUPS;
        Rollups.markInstants(
            rollups,
            dialect(),
            java.util.EnumSet.of(io.yardstick.kpi.Base.CONTACTS, io.yardstick.kpi.Base.CASES),
            "SELECT arrived_at FROM contacts WHERE " + literalContactsOf);
        Rollups.markInstants(
            rollups,
            dialect(),
            java.util.EnumSet.of(io.yardstick.kpi.Base.SURVEYS),
            "SELECT submitted_at FROM surveys WHERE " + literalSurveysOf);
        long surveys = update(connection, "DELETE FROM surveys WHERE " + surveysOf, sp);
        long outcomes =
            update(
                connection,
                "DELETE FROM call_outcomes WHERE contact_id IN (SELECT contact_id FROM"
                    + " contacts WHERE "
                    + contactsOf
                    + ")",
                p);
        update("DROP TABLE IF EXISTS affected_cases");
        update("CREATE TEMPORARY TABLE affected_cases (case_id TEXT)");
        update(
            connection,
            "INSERT INTO affected_cases SELECT DISTINCT case_id FROM contacts WHERE case_id IS NOT NULL"
                + " AND "
                + contactsOf,
            p);
        Rollups.markInstants(
            rollups,
            dialect(),
            java.util.EnumSet.of(io.yardstick.kpi.Base.CASES),
            "SELECT first_at FROM cases WHERE case_id IN (SELECT case_id FROM affected_cases)");
        long contacts = update(connection, "DELETE FROM contacts WHERE " + contactsOf, p);
        // A ticket whose contacts are all gone goes with them, its timeline too; retention also
        // drops older events.
        for (String table : List.of("ticket_events", "tickets")) {
          update(
              "DELETE FROM "
                  + table
                  + " WHERE case_id IN (SELECT case_id FROM affected_cases) AND case_id NOT IN"
                  + " (SELECT case_id FROM contacts WHERE case_id IS NOT NULL)");
        }
        if (what instanceof Erasure.Before b)
          update(connection, "DELETE FROM ticket_events WHERE occurred_at < ?", b.cutoff());
        refreshCases(false);
        markingRollups = false;
        Rollups.applyChanges(rollups, dialect());
        long customers = 0;
        long attributes = 0;
        if (what instanceof Erasure.Customer) {
          attributes =
              update(connection, "DELETE FROM customer_attributes WHERE customer_id = ?", p);
          customers = update(connection, "DELETE FROM customers WHERE customer_id = ?", p);
        }
        update("UPDATE data_version SET version = version + 1");
        connection.commit();
        return new Erased(contacts, surveys, outcomes, customers, attributes);
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        throw e instanceof StoreException se
            ? se
            : new StoreException(
                "The erasure failed and was rolled back;"
                    + " nothing was erased: "
                    + e.getMessage(),
                e);
      } finally {
        connection.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw new StoreException("Could not erase on " + describe() + ": " + e.getMessage(), e);
    }
  }

  /**
   * Completes a load whose rows went straight into a table that was empty when the load began (see
   * {@link Stage#direct}): only repeated keys within the load remain to settle, the later row
   * winning.
   */
  LoadCounts mergeDirect(RecordType type, Stage stage) throws SQLException {
    throw new UnsupportedOperationException("direct loads are DuckDB's");
  }

  /**
   * Notes, before the merge, the cases an import of contacts changes: the case_ids it brings and
   * those of the stored contacts it replaces (a contact may move from one case to another).
   */
  private void markAffectedCases() throws SQLException {
    String stg = stagingTable("contacts");
    update("DROP TABLE IF EXISTS affected_cases");
    update(
        "CREATE TEMPORARY TABLE affected_cases AS SELECT DISTINCT case_id FROM (SELECT case_id FROM "
            + stg
            + " WHERE case_id IS NOT NULL UNION SELECT c.case_id FROM contacts c JOIN "
            + stg
            + " s ON s.contact_id = c.contact_id WHERE c.case_id IS NOT NULL) x");
  }

  /**
   * Recomputes the cases table: every case after a load into an empty table, else the affected
   * ones.
   */
  private void refreshCases(boolean all) throws SQLException {
    String only = all ? "" : " AND k.case_id IN (SELECT case_id FROM affected_cases)";
    update(
        all
            ? "DELETE FROM cases"
            : "DELETE FROM cases WHERE case_id IN (SELECT case_id FROM affected_cases)");
    update(
        "INSERT INTO cases (case_id, first_contact_id, first_at, resolved, n_contacts, n_inbound, last_resolved_at) "
            + casesSelect(only));
    if (!all && markingRollups) {
      Rollups.markInstants(
          rollupSql(),
          dialect(),
          java.util.EnumSet.of(io.yardstick.kpi.Base.CASES),
          "SELECT first_at FROM cases WHERE case_id IN (SELECT case_id FROM affected_cases)");
    }
    if (!all) update("DROP TABLE IF EXISTS affected_cases");
  }

  /**
   * The rows of the cases table for the contacts that pass {@code only} (a condition on k, or ""):
   * the first contact (earliest arrived_at, ties: smallest contact_id) and the statistics over all
   * the case's contacts. Portable SQL with windows; DuckDB overrides it with one hash aggregation.
   */
  String casesSelect(String only) {
    return "SELECT case_id, contact_id, arrived_at, case_resolved, case_contacts, case_inbound, case_resolved_at FROM ("
        + "SELECT k.case_id, k.contact_id, k.arrived_at, ROW_NUMBER() OVER w1 AS rn,"
        + " MAX(CASE WHEN k.resolved THEN 1 ELSE 0 END) OVER w = 1 AS case_resolved,"
        + " COUNT(*) OVER w AS case_contacts,"
        + " SUM(CASE WHEN k.direction = 'inbound' THEN 1 ELSE 0 END) OVER w AS case_inbound,"
        + " MAX(k.resolved_at) OVER w AS case_resolved_at"
        + " FROM contacts k WHERE k.case_id IS NOT NULL"
        + only
        + " WINDOW w AS (PARTITION BY k.case_id), w1 AS (PARTITION BY k.case_id ORDER BY k.arrived_at, k.contact_id)"
        + ") x WHERE rn = 1";
  }

  /**
   * Moves one type's staged rows into its table: the later row of a key wins, stored rows of those
   * keys go.
   */
  private LoadCounts merge(RecordType type, long read) throws SQLException {
    String table = type.table();
    String stg = stagingTable(table);
    String keys = String.join(", ", type.key());
    long distinct =
        scalar("SELECT COUNT(*) FROM (SELECT DISTINCT " + keys + " FROM " + stg + ") d");
    long duplicates = read - distinct;
    String match =
        type.key().stream()
            .map(
                k ->
                    nullable(type, k)
                        ? "s." + k + " IS NOT DISTINCT FROM " + table + "." + k
                        : "s." + k + " = " + table + "." + k)
            .collect(Collectors.joining(" AND "));
    long replaced =
        scalar(
            "SELECT COUNT(*) FROM (SELECT DISTINCT "
                + keys
                + " FROM "
                + stg
                + ") s WHERE EXISTS (SELECT 1 FROM "
                + table
                + " WHERE "
                + match
                + ")");
    if (replaced > 0) {
      update(
          "DELETE FROM "
              + table
              + " WHERE EXISTS (SELECT 1 FROM "
              + stg
              + " s WHERE "
              + match
              + ")");
      if (type.hasAttributes()) {
        update(
            "DELETE FROM customer_attributes WHERE customer_id IN (SELECT customer_id FROM "
                + stg
                + ")");
      }
    }
    String columns = type.fields().stream().map(Field::name).collect(Collectors.joining(", "));
    String source =
        duplicates == 0
            ? stg
            : "(SELECT * FROM (SELECT t.*, ROW_NUMBER() OVER (PARTITION BY "
                + keys
                + " ORDER BY "
                + LINE
                + " DESC) AS rn_ FROM "
                + stg
                + " t) ranked WHERE rn_ = 1) latest";
    update("INSERT INTO " + table + " (" + columns + ") SELECT " + columns + " FROM " + source);
    if (type.hasAttributes()) {
      String attrs = stagingTable("customer_attributes");
      update(
          "INSERT INTO customer_attributes (customer_id, name, value, number) SELECT a.customer_id, a.name, a.value, a.number FROM "
              + attrs
              + " a JOIN (SELECT customer_id, MAX("
              + LINE
              + ") AS last_line FROM "
              + stg
              + " GROUP BY customer_id) l ON a.customer_id = l.customer_id AND a."
              + LINE
              + " = l.last_line");
    }
    return new LoadCounts(read, distinct - replaced, replaced, duplicates);
  }

  private static boolean nullable(RecordType type, String key) {
    return !type.field(key).orElseThrow().required();
  }

  long scalar(String sql) throws SQLException {
    try (Statement st = connection.createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    } catch (SQLException e) {
      throw new SQLException(e.getMessage() + " [SQL: " + sql + "]", e);
    }
  }

  void update(String sql) throws SQLException {
    try (Statement st = connection.createStatement()) {
      st.executeUpdate(sql);
    } catch (SQLException e) {
      throw new SQLException(e.getMessage() + " [SQL: " + sql + "]", e);
    }
  }

  @Override
  public long count(RecordType type) {
    // A reader's connection, like any query: the main one may be in another thread's transaction
    // (an erasure).
    return ((Number) query("SELECT COUNT(*) FROM " + type.table()).get(0)[0]).longValue();
  }

  /** The timeout of queries without their own; null: none. */
  private volatile java.time.Duration defaultTimeout;

  @Override
  public void queryTimeout(java.time.Duration timeout) {
    this.defaultTimeout = timeout;
  }

  @Override
  public List<Object[]> query(String sql, Object... params) {
    return query(UNBOUNDED, sql, params);
  }

  @Override
  public List<Object[]> query(Bounds given, String sql, Object... params) {
    Bounds bounds =
        given.timeout() == null && defaultTimeout != null
            ? new Bounds(defaultTimeout, given.maxRows())
            : given;
    if (Thread.currentThread() == loadingThread) {
      synchronized (this) {
        return query(connection, bounds, sql, params);
      }
    }
    Connection reader = null;
    readerSlots.acquireUninterruptibly();
    try {
      reader = idleReaders.pollFirst();
      if (reader == null) reader = openReader();
      return query(reader, bounds, sql, params);
    } catch (SQLException e) {
      throw new StoreException(
          "Could not open a connection to " + describe() + ": " + e.getMessage(), e);
    } finally {
      if (reader != null) idleReaders.offerFirst(reader);
      readerSlots.release();
    }
  }

  /** A further connection to the same database, for queries. */
  abstract Connection openReader() throws SQLException;

  private static final Bounds UNBOUNDED = new Bounds(null, Long.MAX_VALUE);

  /**
   * Cancels statements that run past their time (JDBC {@code Statement.cancel}, which DuckDB and
   * PostgreSQL honour).
   */
  private static final java.util.concurrent.ScheduledExecutorService CANCELLER =
      java.util.concurrent.Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "yardstick-query-timeout");
            t.setDaemon(true);
            return t;
          });

  private List<Object[]> query(Connection on, Bounds bounds, String sql, Object... params) {
    java.util.concurrent.atomic.AtomicBoolean cancelled =
        new java.util.concurrent.atomic.AtomicBoolean();
    java.util.concurrent.ScheduledFuture<?> timer = null;
    try (PreparedStatement ps = on.prepareStatement(sql)) {
      bind(ps, params);
      if (bounds.timeout() != null) {
        timer =
            CANCELLER.schedule(
                () -> {
                  cancelled.set(true);
                  try {
                    ps.cancel();
                  } catch (SQLException e) {
                    // the statement ended meanwhile
                  }
                },
                bounds.timeout().toMillis(),
                java.util.concurrent.TimeUnit.MILLISECONDS);
      }
      try (ResultSet rs = ps.executeQuery()) {
        ResultSetMetaData meta = rs.getMetaData();
        int n = meta.getColumnCount();
        int[] types = new int[n];
        for (int c = 0; c < n; c++) {
          types[c] = meta.getColumnType(c + 1);
        }
        List<Object[]> rows = new ArrayList<>();
        while (rs.next()) {
          if (rows.size() >= bounds.maxRows()) {
            throw new LimitException(
                "The query returned more than " + bounds.maxRows() + " rows.", false);
          }
          Object[] row = new Object[n];
          for (int c = 0; c < n; c++) {
            row[c] = value(rs, c + 1, types[c]);
          }
          rows.add(row);
        }
        if (cancelled.get()) throw timedOut(bounds);
        return rows;
      }
    } catch (SQLException e) {
      if (cancelled.get()) throw timedOut(bounds);
      throw new StoreException("Query failed: " + e.getMessage() + " [SQL: " + sql + "]", e);
    } finally {
      if (timer != null) timer.cancel(false);
    }
  }

  private static LimitException timedOut(Bounds bounds) {
    return new LimitException(
        "The query ran longer than " + bounds.timeout().toMillis() + " ms and was" + " cancelled.",
        true);
  }

  @Override
  public long dataVersion() {
    return ((Number) query("SELECT version FROM data_version").get(0)[0]).longValue();
  }

  @Override
  public int update(String sql, Object... params) {
    if (loading && Thread.currentThread() != loadingThread) {
      // A load holds the main connection's transaction (for minutes, on a big import): a change
      // from another thread
      // (an alert's state, a goal) commits on its own connection rather than joining, or waiting
      // for, the load.
      return updateBeside(sql, params);
    }
    synchronized (this) {
      // Checked again under the lock that loader() takes: a load that began since would otherwise
      // take this change
      // into its transaction, unseen by other connections until (and unless) the load commits
      // (issue 18's load test).
      if (!loading || Thread.currentThread() == loadingThread)
        return update(connection, sql, params);
    }
    return updateBeside(sql, params);
  }

  private int updateBeside(String sql, Object... params) {
    Connection side = null;
    readerSlots.acquireUninterruptibly();
    try {
      side = idleReaders.pollFirst();
      if (side == null) side = openReader();
      return update(side, sql, params);
    } catch (SQLException e) {
      throw new StoreException(
          "Could not open a connection to " + describe() + ": " + e.getMessage(), e);
    } finally {
      if (side != null) idleReaders.offerFirst(side);
      readerSlots.release();
    }
  }

  private static int update(Connection on, String sql, Object... params) {
    try (PreparedStatement ps = on.prepareStatement(sql)) {
      bind(ps, params);
      return ps.executeUpdate();
    } catch (SQLException e) {
      throw new StoreException("Update failed: " + e.getMessage() + " [SQL: " + sql + "]", e);
    }
  }

  private static void bind(PreparedStatement ps, Object... params) throws SQLException {
    for (int i = 0; i < params.length; i++) {
      Object p = params[i];
      if (p instanceof Instant instant) {
        ps.setObject(i + 1, instant.atOffset(ZoneOffset.UTC));
      } else {
        ps.setObject(i + 1, p);
      }
    }
  }

  /**
   * One Java type per SQL type, whatever the driver prefers: Instant, LocalDate, Long, Double,
   * BigDecimal...
   */
  private static Object value(ResultSet rs, int c, int type) throws SQLException {
    Object v =
        switch (type) {
          case Types.TIMESTAMP_WITH_TIMEZONE, Types.TIMESTAMP -> {
            OffsetDateTime t = rs.getObject(c, OffsetDateTime.class);
            yield t == null ? null : t.toInstant();
          }
          case Types.DATE -> rs.getObject(c, LocalDate.class);
          case Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT -> {
            long l = rs.getLong(c);
            yield rs.wasNull() ? null : l;
          }
          case Types.REAL, Types.FLOAT, Types.DOUBLE -> {
            double d = rs.getDouble(c);
            yield rs.wasNull() ? null : d;
          }
          case Types.DECIMAL, Types.NUMERIC -> rs.getBigDecimal(c);
          default -> rs.getObject(c);
        };
    return v;
  }

  @Override
  public void close() {
    try {
      for (Connection reader : idleReaders) {
        reader.close();
      }
      idleReaders.clear();
      connection.close();
    } catch (SQLException e) {
      throw new StoreException("Could not close " + describe() + ": " + e.getMessage(), e);
    }
  }
}
