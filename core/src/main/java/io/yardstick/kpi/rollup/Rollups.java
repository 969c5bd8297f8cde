package io.yardstick.kpi.rollup;

import io.yardstick.kpi.Base;
import io.yardstick.kpi.KpiSettings;
import io.yardstick.kpi.Part;
import io.yardstick.kpi.sql.SqlRenderer;
import io.yardstick.store.Loader;
import io.yardstick.store.Store;
import io.yardstick.store.StoreException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Exact rollups (docs/rollups.md): the additive parts of the KPI catalog per 15-minute UTC bucket
 * and per set of contact dimensions, with value-count histograms for the percentiles, in the {@code
 * rollup_*} tables. A store keeps them in the transaction of every change of the rows they sum (an
 * import, an event batch, an erasure): it marks the buckets a change touches ({@link
 * #markInstants}, {@link #markSpans}) and recomputes only those ({@link #applyChanges}). The KPI
 * engine reads them through {@link RollupReader}, and falls back to the scan for what they cannot
 * answer.
 *
 * <pre>{@code
 * Rollups.beginChanges(sql);
 * Rollups.markInstants(sql, dialect, Base.CONTACTS, "SELECT arrived_at FROM stg_contacts");
 * // ... the change itself ...
 * Rollups.applyChanges(sql, dialect);
 * }</pre>
 */
public final class Rollups {
  /** The width of a bucket: every UTC offset in use is a multiple of it. */
  public static final int BUCKET_SECONDS = 900;

  /** The contact dimensions, in the order of their bit in a rollup row's {@code gset}. */
  public static final List<String> DIMENSIONS =
      List.of("channel", "direction", "queue", "topic", "team", "agent");

  /** The bases the rollups hold, with their table. */
  static final Map<Base, String> TABLES =
      new java.util.EnumMap<>(
          Map.of(
              Base.CONTACTS, "rollup_contacts",
              Base.CASES, "rollup_cases",
              Base.SURVEYS, "rollup_surveys",
              Base.AGENT_TIME, "rollup_agent_time"));

  /** The measures with histograms: the expression of each percentile part, and its rows. */
  static final Map<Base, String[]> MEASURES =
      new java.util.EnumMap<>(
          Map.of(
              Base.CONTACTS, new String[] {"frt", "frt_s", "inbound AND frt_s IS NOT NULL"},
              Base.CASES, new String[] {"resolution", "resolution_s", "resolution_s IS NOT NULL"}));

  /** The parts whose filtered counts depend on thresholds of the settings. */
  static final Set<Part> THRESHOLD_PARTS =
      EnumSet.of(
          Part.WITHIN_TARGET,
          Part.ANSWERED_OVER_LIMIT,
          Part.ABANDONED_OVER_LIMIT,
          Part.ABANDONED_LONG);

  /** Runs SQL on the connection (and in the transaction) of the change. */
  public interface Sql {
    void execute(String sql);

    List<Object[]> query(String sql);
  }

  private Rollups() {}

  /** The additive parts a base's rollup table has a column for (named as the part). */
  static List<Part> columns(Base base) {
    List<Part> parts = new ArrayList<>();
    for (Part p : Part.values()) {
      if (p.base() == base && (p.agg() == Part.Agg.COUNT || p.agg() == Part.Agg.SUM)) parts.add(p);
    }
    return parts;
  }

  /** The bucket (epoch seconds of its start) of a timestamp expression. */
  static String bucketOf(SqlRenderer r, String instant) {
    return "CAST(FLOOR(CAST("
        + r.micros(instant)
        + " AS DOUBLE PRECISION) / "
        + (BUCKET_SECONDS * 1_000_000L)
        + ".0) * "
        + BUCKET_SECONDS
        + " AS BIGINT)";
  }

  static SqlRenderer renderer(Store.Dialect dialect, KpiSettings settings, long lo, long hi) {
    return SqlRenderer.window(
        dialect,
        settings,
        ZoneOffset.UTC,
        Instant.ofEpochSecond(lo),
        Instant.ofEpochSecond(hi),
        List.of());
  }

  // ---------------------------------------------------------------- thresholds

  /** The thresholds the rollups were built with, or null when they were never built. */
  static Thresholds thresholds(Sql sql) {
    List<Object[]> rows =
        sql.query(
            "SELECT short_abandon_s, service_level_s, service_level_by_channel, wait_limit_s FROM"
                + " rollup_meta");
    if (rows.isEmpty()) return null;
    Object[] r = rows.get(0);
    return new Thresholds(
        ((Number) r[0]).doubleValue(),
        ((Number) r[1]).doubleValue(),
        (String) r[2],
        ((Number) r[3]).doubleValue());
  }

  /** The settings' values that the filtered counts of {@link #THRESHOLD_PARTS} depend on. */
  record Thresholds(
      double shortAbandon, double serviceLevel, String serviceLevelByChannel, double waitLimit) {
    static Thresholds of(KpiSettings s) {
      return new Thresholds(
          s.shortAbandonSeconds(),
          s.serviceLevelSeconds(),
          new TreeMap<>(s.serviceLevelSecondsByChannel())
              .entrySet().stream()
                  .map(e -> e.getKey() + "=" + e.getValue())
                  .collect(Collectors.joining(";")),
          s.waitLimitSeconds());
    }

    KpiSettings settings() {
      KpiSettings d = KpiSettings.defaults();
      Map<String, Double> byChannel = new LinkedHashMap<>();
      if (!serviceLevelByChannel.isEmpty()) {
        for (String kv : serviceLevelByChannel.split(";")) {
          int eq = kv.lastIndexOf('=');
          byChannel.put(kv.substring(0, eq), Double.parseDouble(kv.substring(eq + 1)));
        }
      }
      return new KpiSettings(
          shortAbandon,
          serviceLevel,
          byChannel,
          d.serviceLevelFormula(),
          waitLimit,
          d.fcrDenominator(),
          d.cesMode(),
          Map.of(),
          d.benchmarks());
    }
  }

  // ---------------------------------------------------------------- changes

  /** Starts noting the buckets a change touches (a temporary table on the change's connection). */
  public static void beginChanges(Sql sql) {
    sql.execute("DROP TABLE IF EXISTS rollup_dirty");
    sql.execute("CREATE TEMPORARY TABLE rollup_dirty (base TEXT, bucket BIGINT)");
  }

  /**
   * Notes the buckets of the instants a query returns (its first column) as changed for the bases.
   */
  public static void markInstants(
      Sql sql, Store.Dialect dialect, Set<Base> bases, String instantsSql) {
    SqlRenderer r = renderer(dialect, KpiSettings.defaults(), 0, BUCKET_SECONDS);
    for (Base base : bases) {
      sql.execute(
          "INSERT INTO rollup_dirty SELECT DISTINCT '"
              + base.name()
              + "', "
              + bucketOf(r, "x.t")
              + " FROM ("
              + instantsSql
              + ") x (t) WHERE x.t IS NOT NULL");
    }
  }

  /**
   * Notes every bucket that the spans [start, end) a query returns overlap as changed for agent
   * time.
   */
  public static void markSpans(Sql sql, Store.Dialect dialect, String spansSql) {
    SqlRenderer r = renderer(dialect, KpiSettings.defaults(), 0, BUCKET_SECONDS);
    sql.execute(
        "INSERT INTO rollup_dirty SELECT DISTINCT '"
            + Base.AGENT_TIME.name()
            + "', b FROM ("
            + series(dialect, bucketOf(r, "x.s"), bucketOf(r, "x.e"))
            + " AS b FROM ("
            + spansSql
            + ") x (s, e) WHERE x.s IS NOT NULL AND x.e IS NOT NULL) y");
  }

  private static String series(Store.Dialect dialect, String from, String to) {
    return switch (dialect) {
      case DUCKDB ->
          "SELECT unnest(generate_series(" + from + ", " + to + ", " + BUCKET_SECONDS + "))";
      case POSTGRESQL -> "SELECT generate_series(" + from + ", " + to + ", " + BUCKET_SECONDS + ")";
      case SPARK ->
          throw new StoreException(
              "Rollups are kept on DuckDB and PostgreSQL stores only; a Spark store scans.");
    };
  }

  /**
   * Recomputes the buckets noted since {@link #beginChanges}, base by base, from the rows as the
   * change left them (nothing when the rollups were never built: opening the store builds them).
   */
  public static void applyChanges(Sql sql, Store.Dialect dialect) {
    Thresholds t = thresholds(sql);
    if (t != null) {
      List<java.time.ZoneId> zones = RollupSpans.zones(sql);
      for (Object[] r :
          sql.query(
              "SELECT base, MIN(bucket), MAX(bucket) FROM rollup_dirty GROUP BY base ORDER BY base")) {
        Base base = Base.valueOf((String) r[0]);
        long lo = ((Number) r[1]).longValue();
        long hi = ((Number) r[2]).longValue() + BUCKET_SECONDS;
        String only = " IN (SELECT bucket FROM rollup_dirty WHERE base = '" + base.name() + "')";
        delete(sql, base, "bucket" + only);
        insert(sql, dialect, t.settings(), base, lo, hi, only, what -> {});
        RollupSpans.keep(sql, dialect, base, zones, lo, hi, true);
      }
    }
    sql.execute("DROP TABLE IF EXISTS rollup_dirty");
  }

  // ---------------------------------------------------------------- builds

  /**
   * Told as a build goes, after each of its statements: how many of them are done, of how many, and
   * which ("contacts: totals by set"). A build has 12 (two to four per base), and their times
   * differ: the contacts' are most of it.
   */
  @FunctionalInterface
  public interface BuildProgress {
    void done(int step, int steps, String what);

    /** A progress that is told nothing. */
    BuildProgress NONE = (step, steps, what) -> {};
  }

  /** The step of a build that keeps the percentiles of whole days, weeks and months. */
  static final String SPANS_STEP = "percentiles of whole days, weeks and months";

  /**
   * The zones whose whole local days, weeks and months keep their exact percentiles (a question by
   * day, week or month in one of them reads one row a group; in another zone it reads the
   * histograms): none kept means UTC.
   */
  public static List<java.time.ZoneId> keptZones(Store store) {
    if (store.dialect() == Store.Dialect.SPARK) return List.of();
    return zones(store.query(ZONES));
  }

  /** The kept zones, in order. */
  static final String ZONES = "SELECT zone FROM rollup_zones ORDER BY zone";

  /** The zones of the rows {@link #ZONES} returns. */
  static List<java.time.ZoneId> zones(List<Object[]> rows) {
    List<java.time.ZoneId> out = new ArrayList<>();
    for (Object[] r : rows) out.add(java.time.ZoneId.of((String) r[0]));
    return out;
  }

  /**
   * Sets the zones whose whole local days, weeks and months keep their exact percentiles (UTC when
   * the list is empty), and when the rollups are built computes those percentiles again, in one
   * transaction: a store whose users read it in Europe/Madrid keeps {@code Europe/Madrid}.
   */
  public static void keepZones(Store store, List<java.time.ZoneId> zones, BuildProgress progress) {
    keptOn(store);
    BuildProgress told = progress == null ? BuildProgress.NONE : progress;
    try (Tx sql = new Tx(store)) {
      sql.execute("DELETE FROM rollup_zones");
      java.util.Set<String> ids = new java.util.TreeSet<>();
      for (java.time.ZoneId z : zones) ids.add(z.getId());
      for (String id : ids) sql.execute("INSERT INTO rollup_zones (zone) VALUES ('" + id + "')");
      List<java.time.ZoneId> kept = new ArrayList<>();
      for (String id : ids) kept.add(java.time.ZoneId.of(id));
      if (kept.isEmpty()) kept.add(java.time.ZoneId.of("UTC"));
      long[] span = built(sql) ? span(sql) : null;
      int step = 0;
      for (Base base : MEASURES.keySet()) {
        RollupSpans.delete(sql, base);
        if (span != null)
          RollupSpans.keep(sql, store.dialect(), base, kept, span[0], span[1], false);
        told.done(
            ++step,
            MEASURES.size(),
            base.name().toLowerCase(Locale.ROOT).replace('_', ' ') + ": " + SPANS_STEP);
      }
      sql.execute(BUMP);
      sql.commit();
    }
  }

  /**
   * Builds the rollups of a store that has none (a store of an older version), in one transaction.
   */
  public static void ensureBuilt(Store store, BuildProgress progress) {
    keptOn(store);
    if (built(store)) return;
    build(store, null, progress, PART_CONTACTS);
  }

  /**
   * A build of every base by a store's own transactions: one, or on DuckDB one a part when the
   * store is built in parts (the one transaction of a 100 M store's build spilled 24 GB to disk;
   * docs/rollups.md). Between the parts the store keeps no {@code rollup_meta} row, so readers scan
   * and imports leave the rollups alone; a build that stops there is started again by the next
   * {@link #ensureBuilt}.
   */
  private static void build(
      Store store, KpiSettings settings, BuildProgress progress, long partContacts) {
    try (Tx tx = new Tx(store)) {
      Runnable partDone = store.dialect() == Store.Dialect.DUCKDB ? tx::commitAndBegin : null;
      rebuild(tx, store.dialect(), settings, TABLES.keySet(), progress, partContacts, partDone);
      tx.execute("DELETE FROM rollups_kept_off");
      tx.execute(BUMP);
      tx.commit();
    }
  }

  /** A store's transaction as {@link Sql}, which can commit and begin the next. */
  private static final class Tx implements Sql, AutoCloseable {
    private final Store store;
    private Loader load;

    Tx(Store store) {
      this.store = store;
      this.load = store.loader();
    }

    @Override
    public void execute(String sql) {
      load.execute(sql);
    }

    @Override
    public List<Object[]> query(String sql) {
      return store.query(sql);
    }

    void commit() {
      load.commit();
    }

    void commitAndBegin() {
      load.commit();
      load.close();
      load = store.loader();
    }

    @Override
    public void close() {
      load.close();
    }
  }

  /**
   * Rebuilds every rollup of a store from its records with the thresholds of the settings, in one
   * transaction (so readers see the old rollups or the new, never a part).
   */
  public static void rebuild(Store store, KpiSettings settings, BuildProgress progress) {
    rebuild(store, settings, progress, PART_CONTACTS);
  }

  /** {@link #rebuild(Store, KpiSettings, BuildProgress)} reading partContacts contacts a part. */
  public static void rebuild(
      Store store, KpiSettings settings, BuildProgress progress, long partContacts) {
    keptOn(store);
    build(store, settings, progress, partContacts);
  }

  /**
   * A new data version: what was looked up or cached for the old one (which path answers, the
   * vocabulary's values) is asked again.
   */
  private static final String BUMP = "UPDATE data_version SET version = version + 1";

  /**
   * Whether the rollups were built: a store keeps them from {@code yardstick rollups rebuild} (or
   * {@link #ensureBuilt}) on, until {@link #drop}.
   */
  public static boolean built(Sql sql) {
    return thresholds(sql) != null;
  }

  /** Refuses a store whose dialect keeps no rollups (Spark: every question is a scan there). */
  private static void keptOn(Store store) {
    if (store.dialect() == Store.Dialect.SPARK) {
      throw new StoreException(
          "Rollups are kept on DuckDB and PostgreSQL stores only; a Spark store answers every"
              + " question by a scan.");
    }
  }

  /** Whether this store keeps rollups (they are off until built). */
  public static boolean built(Store store) {
    if (store.dialect() == Store.Dialect.SPARK) return false;
    return !store.query("SELECT 1 FROM rollup_meta").isEmpty();
  }

  /**
   * Turns a store's rollups off: every rollup row goes, in one transaction; imports stop keeping
   * them and every question is a scan until they are built again, and {@code yardstick serve} does
   * not build them on open ({@link #keptOff}).
   */
  public static void drop(Store store) {
    try (Tx sql = new Tx(store)) {
      for (String table : TABLES.values()) sql.execute("DELETE FROM " + table);
      sql.execute("DELETE FROM rollup_values");
      sql.execute("DELETE FROM rollup_span_values");
      sql.execute("DELETE FROM rollup_span_histograms");
      sql.execute("DELETE FROM rollup_spans");
      sql.execute("DELETE FROM rollup_meta");
      sql.execute("DELETE FROM rollups_kept_off");
      sql.execute("INSERT INTO rollups_kept_off (since) VALUES (CURRENT_TIMESTAMP)");
      sql.execute(BUMP);
      sql.commit();
    }
  }

  /**
   * From how many contacts {@code yardstick serve} builds the rollups of a store that keeps none
   * when it opens it: measured, the rollups answered the overview in 0.33 times a scan's time at 10
   * M contacts and 1.70 times at 1 M (docs/benchmarks.md, "Rollups"), and building them costs
   * minutes at 10 M, once.
   */
  public static final long BUILD_ON_OPEN_CONTACTS = 5_000_000;

  /**
   * The threshold of {@link #BUILD_ON_OPEN_CONTACTS} as the environment sets it: {@code
   * YARDSTICK_ROLLUPS_FROM}, a whole number of contacts (0: every store that keeps none), else the
   * default. A value that is not a whole number of 0 or more is refused, naming the variable.
   */
  public static long buildOnOpenFrom(Map<String, String> env) {
    String v = env.get("YARDSTICK_ROLLUPS_FROM");
    if (v == null || v.isBlank()) return BUILD_ON_OPEN_CONTACTS;
    try {
      long n = Long.parseLong(v.strip().replace("_", ""));
      if (n >= 0) return n;
    } catch (NumberFormatException e) {
      // refused below
    }
    throw new io.yardstick.YardstickException(
        "YARDSTICK_ROLLUPS_FROM is '"
            + v
            + "'; give a whole number of contacts (0 or more) from which `yardstick serve` builds"
            + " the rollups of a store that keeps none (default "
            + BUILD_ON_OPEN_CONTACTS
            + ").");
  }

  /** Whether the store's rollups were turned off by hand ({@link #drop}) and not built since. */
  public static boolean keptOff(Store store) {
    if (store.dialect() == Store.Dialect.SPARK) return false;
    return !store.query("SELECT 1 FROM rollups_kept_off").isEmpty();
  }

  /**
   * Whether a store opened for serving should build its rollups ({@link #ensureBuilt}) before it
   * serves: it keeps none, they were not turned off by hand, and it holds at least {@code
   * fromContacts} contacts (a store of an older version, or one that grew without them). Spark
   * stores keep none.
   */
  public static boolean buildWanted(Store store, long fromContacts) {
    if (store.dialect() == Store.Dialect.SPARK || built(store) || keptOff(store)) return false;
    return store.count(io.yardstick.model.RecordType.CONTACTS) >= fromContacts;
  }

  /**
   * Whether a store opened for serving should compute the kept percentiles of whole days, weeks and
   * months ({@link #keepZones}) before it serves: its rollups are built, by a version that kept
   * none (no span at all), and it holds at least {@code fromContacts} contacts.
   */
  public static boolean spansWanted(Store store, long fromContacts) {
    if (store.dialect() == Store.Dialect.SPARK || !built(store)) return false;
    if (!store.query("SELECT 1 FROM rollup_spans LIMIT 1").isEmpty()) return false;
    return store.count(io.yardstick.model.RecordType.CONTACTS) >= fromContacts;
  }

  /**
   * Rebuilds the rollups of some bases from scratch, one statement per base and set kind, with the
   * thresholds of the settings (or, with null settings, those they were built with, else the
   * defaults).
   *
   * @param progress told after each statement ("contacts: totals by set", 2 of 10); may be null
   */
  public static void rebuild(
      Sql sql,
      Store.Dialect dialect,
      KpiSettings settings,
      Set<Base> bases,
      BuildProgress progress) {
    rebuild(sql, dialect, settings, bases, progress, PART_CONTACTS, null);
  }

  /**
   * The same in parts of a period each, of about {@code partContacts} contacts (a store of that
   * many or fewer: one part, 12 statements; else the 10 statements of the bases once a part, "(part
   * 2 of 20)", then the 2 of the kept percentiles), told after each part when {@code partDone} is
   * not null (it commits it).
   */
  static void rebuild(
      Sql sql,
      Store.Dialect dialect,
      KpiSettings settings,
      Set<Base> bases,
      BuildProgress progress,
      long partContacts,
      Runnable partDone) {
    Thresholds old = thresholds(sql);
    Thresholds t =
        settings != null
            ? Thresholds.of(settings)
            : old != null ? old : Thresholds.of(KpiSettings.defaults());
    // New thresholds change the filtered counts of every bucket: everything is rebuilt.
    Set<Base> which = old == null || !old.equals(t) ? TABLES.keySet() : bases;
    for (Base base : which) delete(sql, base, null);
    List<java.time.ZoneId> zones = RollupSpans.zones(sql);
    long[] span = span(sql);
    List<long[]> pieces = span == null ? List.of() : pieces(sql, span, partContacts);
    int parts = Math.max(1, pieces.size());
    int steps = 0;
    for (Base base : which) steps += (MEASURES.containsKey(base) ? 3 * parts + 1 : 2 * parts);
    int[] done = {0};
    int all = steps;
    BuildProgress told = progress == null ? BuildProgress.NONE : progress;
    // Off until the last statement: between committed parts, readers scan.
    sql.execute("DELETE FROM rollup_meta");
    if (span == null) {
      for (Base base : which) {
        for (int k = MEASURES.containsKey(base) ? 4 : 2; k > 0; k--)
          told.done(++done[0], all, name(base) + ": nothing to sum");
      }
    } else {
      if (partDone != null && parts > 1) {
        // Committed off (a new data version: readers ask again which path answers, and scan).
        sql.execute(BUMP);
        partDone.run();
      }
      for (int i = 0; i < pieces.size(); i++) {
        long[] piece = pieces.get(i);
        String part = parts == 1 ? "" : " (part " + (i + 1) + " of " + parts + ")";
        for (Base base : which) {
          String name = name(base);
          insert(
              sql,
              dialect,
              t.settings(),
              base,
              piece[0],
              piece[1],
              parts == 1 ? null : " >= " + piece[0] + " AND bucket < " + piece[1],
              what -> told.done(++done[0], all, name + ": " + what + part));
        }
        if (partDone != null && parts > 1) partDone.run();
      }
      for (Base base : which) {
        if (MEASURES.containsKey(base)) {
          RollupSpans.keep(sql, dialect, base, zones, span[0], span[1], false);
          told.done(++done[0], all, name(base) + ": " + SPANS_STEP);
        }
      }
    }
    sql.execute(
        String.format(
            Locale.ROOT,
            "INSERT INTO rollup_meta (short_abandon_s, service_level_s, service_level_by_channel,"
                + " wait_limit_s, built_at) VALUES (%s, %s, '%s', %s, CURRENT_TIMESTAMP)",
            t.shortAbandon(),
            t.serviceLevel(),
            t.serviceLevelByChannel().replace("'", "''"),
            t.waitLimit()));
  }

  private static String name(Base base) {
    return base.name().toLowerCase(Locale.ROOT).replace('_', ' ');
  }

  /**
   * How many contacts a build reads in one part at most: a build computes each base's parts for
   * every bucket and combination of dimensions in a temporary table, which at 100 M contacts in one
   * part spilled more than 40 GB to disk; in parts of a period each, the table holds one part at a
   * time (a part for 10 M contacts spilled some 4 GB).
   */
  public static final long PART_CONTACTS = 5_000_000;

  /**
   * The span cut into parts of whole buckets, about as many as the contacts fill at {@code
   * partContacts} each (one part for a store that small).
   */
  private static List<long[]> pieces(Sql sql, long[] span, long partContacts) {
    long contacts = ((Number) sql.query("SELECT COUNT(*) FROM contacts").get(0)[0]).longValue();
    long buckets = (span[1] - span[0]) / BUCKET_SECONDS;
    long parts = Math.max(1, Math.min(buckets, (contacts + partContacts - 1) / partContacts));
    List<long[]> out = new ArrayList<>();
    long start = span[0];
    for (long i = 1; i <= parts; i++) {
      long end = i == parts ? span[1] : span[0] + buckets * i / parts * BUCKET_SECONDS;
      if (end > start) out.add(new long[] {start, end});
      start = end;
    }
    return out;
  }

  /**
   * The buckets [start, end) in epoch seconds that hold any contact, survey or agent state (null
   * when there are none).
   */
  private static long[] span(Sql sql) {
    Object[] r =
        sql.query(
                "SELECT (SELECT MIN(arrived_at) FROM contacts), (SELECT MAX(arrived_at) FROM contacts),"
                    + " (SELECT MIN(submitted_at) FROM surveys), (SELECT MAX(submitted_at) FROM surveys),"
                    + " (SELECT MIN(started_at) FROM agent_states), (SELECT MAX(ended_at) FROM agent_states)")
            .get(0);
    Instant min = null;
    Instant max = null;
    for (int i = 0; i < r.length; i++) {
      if (!(r[i] instanceof Instant v)) continue;
      if (i % 2 == 0 && (min == null || v.isBefore(min))) min = v;
      if (i % 2 == 1 && (max == null || v.isAfter(max))) max = v;
    }
    if (min == null || max == null) return null;
    long lo = Math.floorDiv(min.getEpochSecond(), BUCKET_SECONDS) * BUCKET_SECONDS;
    long hi = (Math.floorDiv(max.getEpochSecond(), BUCKET_SECONDS) + 1) * BUCKET_SECONDS;
    return new long[] {lo, hi};
  }

  private static void delete(Sql sql, Base base, String where) {
    // The gsets first: the indexes of a PostgreSQL store lead with them (V20).
    StringJoiner sets = new StringJoiner(", ", "gset IN (", ") AND ");
    sets.add("0");
    for (String d : dimensions(base)) sets.add(Integer.toString(1 << DIMENSIONS.indexOf(d)));
    String w = where == null ? "" : " WHERE " + sets + where;
    sql.execute("DELETE FROM " + TABLES.get(base) + w);
    if (where == null) RollupSpans.delete(sql, base);
    String[] measure = MEASURES.get(base);
    if (measure != null) {
      sql.execute(
          "DELETE FROM rollup_values WHERE measure = '"
              + measure[0]
              + "' AND gset IN (0, 1)"
              + (where == null ? "" : " AND " + where));
    }
  }

  /** The dimensions a base's rollup rows keep (agent time: the agent only). */
  static List<String> dimensions(Base base) {
    return base == Base.AGENT_TIME ? List.of("agent") : DIMENSIONS;
  }

  /** The dimensions the value-count histograms keep besides none: the channel only. */
  static final List<String> HISTOGRAM_DIMENSIONS = List.of("channel");

  /**
   * The gsets whose rows have a histogram: no dimension, and each of {@link #HISTOGRAM_DIMENSIONS}.
   */
  static boolean hasHistogram(int gset) {
    if (gset == 0) return true;
    for (String d : HISTOGRAM_DIMENSIONS) if (gset == 1 << DIMENSIONS.indexOf(d)) return true;
    return false;
  }

  /**
   * The grouping sets: none and each dimension alone (no combination of two or more: such a
   * question is a scan, docs/rollups.md).
   */
  private static String groupingSets(List<String> dims, String extra) {
    String e = extra.isEmpty() ? "" : ", " + extra;
    StringJoiner sets = new StringJoiner(", ", "GROUPING SETS (", ")");
    sets.add("(bucket" + e + ")");
    for (String d : dims) sets.add("(bucket, " + d + e + ")");
    return sets.toString();
  }

  private static String gset(List<String> dims) {
    StringJoiner sum = new StringJoiner(" + ");
    for (String d : dims) {
      sum.add("(1 - GROUPING(" + d + ")) * " + (1 << DIMENSIONS.indexOf(d)));
    }
    return "CAST(" + sum + " AS INTEGER)";
  }

  /** With -Dyardstick.rollups.trace=true, each statement's time goes to stderr (benchmarks). */
  private static final boolean TRACE = Boolean.getBoolean("yardstick.rollups.trace");

  static void run(Sql sql, String what, String statement) {
    long t = System.nanoTime();
    sql.execute(statement);
    if (TRACE)
      System.err.printf(Locale.ROOT, "rollups %s: %.3f s%n", what, (System.nanoTime() - t) / 1e9);
  }

  /**
   * Computes a base's rollup rows of the buckets [lo, hi) (those {@code only} keeps): the catalog's
   * aggregates once per bucket and combination of every dimension (a temporary table), then each
   * set as sums of those, written in the order of (gset, bucket) so that a reader of one set and
   * period skips the rest of the table.
   */
  private static void insert(
      Sql sql,
      Store.Dialect dialect,
      KpiSettings settings,
      Base base,
      long lo,
      long hi,
      String only,
      Consumer<String> step) {
    SqlRenderer r = renderer(dialect, settings, lo, hi);
    List<String> dims = dimensions(base);
    String rows = rows(r, dialect, base, lo, hi);
    String keep = only == null ? "" : " WHERE bucket" + only;
    List<Part> parts = columns(base);
    StringJoiner cols = new StringJoiner(", ");
    StringJoiner fine = new StringJoiner(", ");
    StringJoiner sums = new StringJoiner(", ");
    for (Part p : parts) {
      String col = p.name().toLowerCase(Locale.ROOT);
      cols.add(col);
      fine.add((p == Part.REVENUE_SUM ? "SUM(revenue)" : r.aggregateOf(p)) + " AS " + col);
      sums.add("SUM(" + col + ")");
    }
    String dimList = String.join(", ", dims);
    sql.execute("DROP TABLE IF EXISTS rollup_fine");
    run(
        sql,
        base + " finest",
        "CREATE TEMPORARY TABLE rollup_fine AS SELECT bucket, "
            + dimList
            + ", "
            + fine
            + " FROM ("
            + rows
            + ") x"
            + keep
            + " GROUP BY bucket, "
            + dimList);
    step.accept("each bucket and combination");
    run(
        sql,
        base + " sets",
        "INSERT INTO "
            + TABLES.get(base)
            + " (gset, bucket, "
            + dimList
            + ", "
            + cols
            + ") SELECT "
            + gset(dims)
            + " AS g, bucket, "
            + dimList
            + ", "
            + sums
            + " FROM rollup_fine GROUP BY "
            + groupingSets(dims, "")
            + " ORDER BY g, bucket");
    sql.execute("DROP TABLE rollup_fine");
    step.accept("totals by set");
    String[] measure = MEASURES.get(base);
    if (measure != null) {
      String hdims = String.join(", ", HISTOGRAM_DIMENSIONS);
      run(
          sql,
          base + " histogram",
          "INSERT INTO rollup_values (measure, gset, bucket, "
              + hdims
              + ", value, n) SELECT '"
              + measure[0]
              + "', "
              + gset(HISTOGRAM_DIMENSIONS)
              + " AS g, bucket, "
              + hdims
              + ", "
              + measure[1]
              + ", COUNT(*) FROM ("
              + rows
              + ") x WHERE "
              + measure[2]
              + (only == null ? "" : " AND bucket" + only)
              + " GROUP BY "
              + groupingSets(HISTOGRAM_DIMENSIONS, measure[1])
              + " ORDER BY g, bucket");
      step.accept(measure[0] + " values");
    }
  }

  /** A base's rows over [lo, hi) with their bucket. */
  private static String rows(SqlRenderer r, Store.Dialect dialect, Base base, long lo, long hi) {
    if (base != Base.AGENT_TIME) {
      return "SELECT b.*, "
          + bucketOf(r, "b.t")
          + " AS bucket FROM ("
          + r.baseRelation(base)
          + ") b";
    }
    // Agent states cut at bucket ends: the seconds of each piece, as the scan clips a state to its
    // period.
    String pieces =
        series(dialect, bucketOf(r, "s.started_at"), bucketOf(r, "s.ended_at"))
            + " AS bucket, s.agent_id AS agent, s.state AS state, s.started_at AS started_at,"
            + " s.ended_at AS ended_at FROM agent_states s WHERE s.started_at < "
            + ts(hi)
            + " AND s.ended_at > "
            + ts(lo);
    return "SELECT p.bucket AS bucket, p.agent AS agent, p.state AS state, CAST(GREATEST(0, LEAST("
        + r.micros("p.ended_at")
        + ", (p.bucket + "
        + BUCKET_SECONDS
        + ") * 1000000) - GREATEST("
        + r.micros("p.started_at")
        + ", p.bucket * 1000000)) AS DOUBLE PRECISION) / 1000000.0 AS seconds FROM ("
        + pieces
        + ") p WHERE p.bucket >= "
        + lo
        + " AND p.bucket < "
        + hi
        + " AND "
        + r.micros("p.started_at")
        + " < (p.bucket + "
        + BUCKET_SECONDS
        + ") * 1000000 AND "
        + r.micros("p.ended_at")
        + " > p.bucket * 1000000";
  }

  static String ts(long epochSecond) {
    return "CAST('" + Instant.ofEpochSecond(epochSecond) + "' AS TIMESTAMP WITH TIME ZONE)";
  }
}
