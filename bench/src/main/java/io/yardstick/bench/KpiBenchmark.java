package io.yardstick.bench;

import io.yardstick.demo.ContactCenterSimulation;
import io.yardstick.demo.DemoSettings;
import io.yardstick.ingest.ImportSource;
import io.yardstick.kpi.Base;
import io.yardstick.kpi.Dimension;
import io.yardstick.kpi.Kpi;
import io.yardstick.kpi.KpiEngine;
import io.yardstick.kpi.KpiQuery;
import io.yardstick.kpi.KpiResult;
import io.yardstick.kpi.KpiSettings;
import io.yardstick.kpi.Part;
import io.yardstick.kpi.sql.SqlRenderer;
import io.yardstick.model.RecordType;
import io.yardstick.store.LoadCounts;
import io.yardstick.store.Loader;
import io.yardstick.store.Store;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * KPI benchmark (issue 3, item 9): the KPI engine's full catalog for one 30-day period grouped by
 * channel, side by side in the same run with one hand-written SQL query computing the
 * contacts-level KPIs in a single scan (the baseline) and with one hand-written query per KPI run
 * one after the other (what help-desk tools do). Case B: a year grouped by day and channel. At
 * sizes up to 1,000,000 contacts (property bench.pgMax) Case A also runs on an embedded PostgreSQL
 * loaded from the same data. Every approach is run once untimed (its numbers checked against the
 * engine's), then ROUNDS timed rounds alternating the order; the summary shows medians and ratios.
 * Run it with {@code bench/run-kpi-benchmark.sh} (docs/benchmarks.md).
 *
 * <p>Usage: {@code KpiBenchmark WORKDIR ROUNDS [--explain] SIZE...}; --explain prints the engine's
 * SQL of each base with DuckDB's (or PostgreSQL's) EXPLAIN ANALYZE.
 */
public final class KpiBenchmark {
  static final LocalDate LAST_DAY = LocalDate.of(2026, 6, 30);
  static final int DAYS = 365;
  static final long SEED = 42;
  static final ZoneId ZONE = ZoneId.of("Europe/Madrid");

  /** Case A: the last 30 days of the data. */
  static final LocalDate A_FROM = LocalDate.of(2026, 6, 1);

  static final LocalDate A_TO = LocalDate.of(2026, 6, 30);

  /** Case B: the whole year. */
  static final LocalDate B_FROM = LAST_DAY.minusDays(DAYS - 1L);

  static final LocalDate B_TO = LAST_DAY;

  /**
   * The KPIs the single-scan baseline computes: every KPI whose parts are all on the CONTACTS base.
   */
  static final List<Kpi> SHARED =
      List.of(
          Kpi.CONTACTS,
          Kpi.ABANDONMENT_RATE,
          Kpi.SERVICE_LEVEL,
          Kpi.ASA,
          Kpi.WAIT_OVER_LIMIT,
          Kpi.AHT,
          Kpi.TALK_TIME_AVG,
          Kpi.FRT_AVG,
          Kpi.FRT_MEDIAN,
          Kpi.FRT_P90,
          Kpi.EMAIL_RESPONSE_24H,
          Kpi.CONVERSION_RATE,
          Kpi.REVENUE);

  static boolean explain;
  static int mismatches;

  public static void main(String[] args) throws Exception {
    List<String> rest = new ArrayList<>(List.of(args));
    explain = rest.remove("--explain");
    Path work = Path.of(rest.get(0));
    int rounds = Integer.parseInt(rest.get(1));
    List<Long> sizes = new ArrayList<>();
    for (String size : rest.subList(2, rest.size())) {
      sizes.add(Long.parseLong(size.replace("_", "").replace(",", "")));
    }
    long pgMax = Long.getLong("bench.pgMax", 1_000_000L);
    Files.createDirectories(work);
    for (Kpi k : SHARED) {
      if (!k.bases().equals(java.util.EnumSet.of(Base.CONTACTS)))
        throw new IllegalStateException(k + " " + k.bases());
    }
    List<String> report = new ArrayList<>();
    report.add(
        String.format(
            Locale.ROOT,
            "%-10s %-11s %-30s %9s %9s %9s %9s %9s %9s %9s",
            "store",
            "contacts",
            "case",
            "base s",
            "perKPI s",
            "eng13 s",
            "engAll s",
            "perKPI/b",
            "eng13/b",
            "engAll/b"));
    for (long size : sizes) {
      Path db = dataFor(work, size);
      try (Store store = Store.open(db.toString())) {
        System.err.printf(
            "%s: %,d contacts, %,d surveys, %,d agent states%n",
            db,
            store.count(RecordType.CONTACTS),
            store.count(RecordType.SURVEYS),
            store.count(RecordType.AGENT_STATES));
        report.add(caseA(store, "duckdb", size, rounds));
        report.add(caseB(store, size, rounds));
      }
      if (size <= pgMax) {
        report.add(postgres(work, db, size, rounds));
      }
    }
    System.out.println();
    System.out.println(
        "medians over "
            + rounds
            + " rounds (and the best round), seconds; base = one hand-written single-scan query ("
            + SHARED.size()
            + " contacts-level KPIs); perKPI = one hand-written query per KPI, run in turn (the same "
            + SHARED.size()
            + "); eng13 = KpiEngine asked the same "
            + SHARED.size()
            + " KPIs; engAll = KpiEngine, the full"
            + " catalog ("
            + Kpi.values().length
            + " KPIs); ratios against base (target engAll/b <= 1.50x)");
    report.forEach(System.out::println);
    if (mismatches > 0) {
      System.out.println();
      System.out.println(
          "!!! "
              + mismatches
              + " MISMATCHES between the hand-written SQL and the engine (see above) !!!");
    } else {
      System.out.println(
          "numbers: the hand-written queries and the engine agree on every shared KPI and group");
    }
  }

  // ---------------------------------------------------------------------------------------------------------- data

  /**
   * The demo store for a size: a year ending 2026-06-30 in Europe/Madrid, seed 42; generated once,
   * then reused.
   */
  static Path dataFor(Path work, long size) throws Exception {
    Path db = work.resolve("kpi-" + size + ".duckdb");
    if (Files.exists(db)) {
      try (Store store = Store.open(db.toString())) {
        if (store.count(RecordType.CONTACTS) == size) return db;
      }
      System.err.printf("%s is incomplete: generating it again%n", db);
      Files.delete(db);
      Files.deleteIfExists(work.resolve(db.getFileName() + ".wal"));
    }
    System.err.printf("generating %,d demo contacts into %s...%n", size, db);
    long start = System.nanoTime();
    // Above 20 M, one commit per 10 M contacts (SteppedLoader): one transaction of 100 M did not
    // fit.
    long every = Long.getLong("yardstick.bench.commitEvery", 10_000_000L);
    try (Store store = Store.open(db.toString());
        Loader loader =
            size > 2 * every
                ? new SteppedLoader(
                    store,
                    every,
                    () ->
                        System.err.printf(
                            "  committed a step (%.1f s)%n", (System.nanoTime() - start) / 1e9))
                : store.loader()) {
      new ContactCenterSimulation(new DemoSettings(size, DAYS, SEED, LAST_DAY, ZONE))
          .run(loader, progressEvery(size / 20, start));
      System.err.printf("committing (%.1f s)...%n", (System.nanoTime() - start) / 1e9);
      loader.commit();
    }
    System.err.printf("generated in %.1f s%n", (System.nanoTime() - start) / 1e9);
    return db;
  }

  /** A progress line on standard error each time another {@code step} contacts are generated. */
  static java.util.function.LongConsumer progressEvery(long step, long start) {
    long[] next = {Math.max(1, step)};
    return n -> {
      if (n >= next[0]) {
        System.err.printf("  %,d contacts (%.1f s)%n", n, (System.nanoTime() - start) / 1e9);
        next[0] = n + Math.max(1, step);
      }
    };
  }

  // ----------------------------------------------------------------------------------------------------- the cases

  static String caseA(Store store, String label, long size, int rounds) {
    boolean pg = store.dialect() == Store.Dialect.POSTGRESQL;
    KpiQuery all = KpiQuery.of(A_FROM, A_TO, ZONE).withGroupBy(List.of(Dimension.of("channel")));
    KpiQuery shared = all.withKpis(SHARED);
    String base = singleScan(pg, all, false);
    List<String> perKpi = perKpi(pg, all);
    KpiEngine engine = new KpiEngine(store);
    String name = "A: 30 days by channel";

    // Untimed first run of each: warms the caches and checks the numbers.
    List<Object[]> baseRows = store.query(base);
    KpiResult engAll = engine.compute(all);
    check(label + " " + name + ", single scan", byGroup(baseRows, 1), engAll, 1);
    List<Map<List<String>, Map<Kpi, Double>>> perRows = new ArrayList<>();
    for (int i = 0; i < perKpi.size(); i++) {
      perRows.add(byGroup(store.query(perKpi.get(i)), 1, List.of(SHARED.get(i))));
    }
    Map<List<String>, Map<Kpi, Double>> merged = new HashMap<>();
    for (Map<List<String>, Map<Kpi, Double>> m : perRows) {
      m.forEach((k, v) -> merged.computeIfAbsent(k, x -> new EnumMap<>(Kpi.class)).putAll(v));
    }
    check(label + " " + name + ", per KPI", merged, engAll, 1);
    check(
        label + " " + name + ", engine (13)",
        toMap(engine.compute(shared), List.of("channel")),
        engAll,
        1);
    perBase(store, engine, all);

    Map<String, Supplier<Object>> sides = new LinkedHashMap<>();
    sides.put("base", () -> store.query(base));
    sides.put(
        "perKPI",
        () -> {
          perKpi.forEach(store::query);
          return null;
        });
    sides.put("eng13", () -> engine.compute(shared));
    sides.put("engAll", () -> engine.compute(all));
    Map<String, Double> median = timeRounds(label + " " + size + " " + name, sides, rounds);
    return line(label, size, name, median);
  }

  static String caseB(Store store, long size, int rounds) {
    KpiQuery all =
        KpiQuery.of(B_FROM, B_TO, ZONE)
            .withGroupBy(List.of(Dimension.of("day"), Dimension.of("channel")));
    KpiQuery shared = all.withKpis(SHARED);
    String base = singleScan(false, all, true);
    KpiEngine engine = new KpiEngine(store);
    String name = "B: 365 days by day, channel";
    KpiResult engAll = engine.compute(all);
    check("duckdb " + name + ", single scan", byGroup(store.query(base), 2), engAll, 2);
    perBase(store, engine, all);
    Map<String, Supplier<Object>> sides = new LinkedHashMap<>();
    sides.put("base", () -> store.query(base));
    sides.put("eng13", () -> engine.compute(shared));
    sides.put("engAll", () -> engine.compute(all));
    Map<String, Double> median = timeRounds("duckdb " + size + " " + name, sides, rounds);
    return line("duckdb", size, name, median);
  }

  /**
   * Case A on an embedded PostgreSQL, loaded once (and kept in WORKDIR/pg-SIZE) through
   * Store.importFile.
   */
  static String postgres(Path work, Path duckdb, long size, int rounds) throws Exception {
    Path dataDir = work.resolve("pg-" + size);
    boolean exists = Files.exists(dataDir.resolve("PG_VERSION"));
    try (EmbeddedPostgres pg =
        EmbeddedPostgres.builder()
            .setDataDirectory(dataDir)
            .setCleanDataDirectory(false)
            .setServerConfig("shared_buffers", "512MB")
            .setServerConfig("work_mem", "64MB")
            .start()) {
      String url = pg.getJdbcUrl("postgres", "postgres");
      long have = 0;
      if (exists) {
        try (Store store = Store.open(url)) {
          have = store.count(RecordType.CONTACTS);
        }
      }
      if (have != size) {
        System.err.printf("loading %,d contacts into PostgreSQL (%s)...%n", size, dataDir);
        try (Connection c = DriverManager.getConnection(url);
            Statement st = c.createStatement()) {
          st.execute("DROP SCHEMA public CASCADE");
          st.execute("CREATE SCHEMA public");
        }
        Path csvDir = work.resolve("csv-" + size);
        exportCsv(duckdb, csvDir);
        try (Store store = Store.open(url)) {
          for (RecordType type : RecordType.values()) {
            long start = System.nanoTime();
            LoadCounts counts =
                store.importFile(
                    type,
                    ImportSource.of(csvDir.resolve(type.table() + ".csv").toString()),
                    bytes -> {});
            System.err.printf(
                "  %s: %,d rows in %.1f s%n",
                type.table(), counts.inserted(), (System.nanoTime() - start) / 1e9);
          }
        }
        try (Connection c = DriverManager.getConnection(url);
            Statement st = c.createStatement()) {
          st.execute("VACUUM ANALYZE");
        }
      }
      try (Store store = Store.open(url)) {
        return caseA(store, "postgresql", size, rounds);
      }
    }
  }

  /**
   * Each record type to a canonical CSV file, straight out of DuckDB (instants as ISO-8601 UTC).
   */
  static void exportCsv(Path duckdb, Path dir) throws Exception {
    Files.createDirectories(dir);
    Map<RecordType, String> selects = new EnumMap<>(RecordType.class);
    selects.put(
        RecordType.CONTACTS,
        "SELECT contact_id, case_id, channel, direction, queue, topic, customer_id,"
            + " agent_id, team, "
            + iso("arrived_at")
            + ", "
            + iso("answered_at")
            + ", "
            + iso("first_response_at")
            + ", "
            + iso("abandoned_at")
            + ", "
            + iso("resolved_at")
            + ", talk_s, hold_s, wrap_s, resolved, converted, revenue"
            + " FROM contacts");
    selects.put(
        RecordType.SURVEYS,
        "SELECT survey_id, kind, score, "
            + iso("submitted_at")
            + ", contact_id, customer_id, agent_id FROM surveys");
    selects.put(
        RecordType.AGENT_STATES,
        "SELECT agent_id, state, "
            + iso("started_at")
            + ", "
            + iso("ended_at")
            + " FROM agent_states");
    selects.put(RecordType.CUSTOMERS, "SELECT customer_id, since, churned_at FROM customers");
    selects.put(
        RecordType.COSTS, "SELECT period_start, period_end, amount, currency, category FROM costs");
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + duckdb);
        Statement st = c.createStatement()) {
      for (Map.Entry<RecordType, String> e : selects.entrySet()) {
        st.execute(
            "COPY ("
                + e.getValue()
                + ") TO '"
                + dir.resolve(e.getKey().table() + ".csv")
                + "' (HEADER, DELIMITER ',')");
      }
    }
  }

  private static String iso(String col) {
    return "strftime(timezone('UTC', " + col + "), '%Y-%m-%dT%H:%M:%S.%fZ') AS " + col;
  }

  // -------------------------------------------------------------------------------------------
  // hand-written SQL

  /**
   * Seconds from one instant to the next. DuckDB: whole microseconds subtracted (epoch(later -
   * earlier) through an INTERVAL made the whole scan 2-3 times slower at 10 M contacts);
   * PostgreSQL: the usual EXTRACT of the interval.
   */
  private static String sec(boolean pg, String later, String earlier) {
    return pg
        ? "EXTRACT(EPOCH FROM " + later + " - " + earlier + ")"
        : "(epoch_us(" + later + ") - epoch_us(" + earlier + ")) / 1e6";
  }

  private static String ts(Instant i) {
    return "TIMESTAMPTZ '" + i + "'";
  }

  /** The period's contacts with the columns every contacts KPI needs, derived once per row. */
  private static String contactRows(boolean pg, KpiQuery q, boolean byDay) {
    return "SELECT "
        + (byDay ? "CAST(arrived_at AT TIME ZONE '" + q.zone().getId() + "' AS DATE) AS day, " : "")
        + "channel, direction = 'inbound' AS inb, answered_at IS NOT NULL AS ans,"
        + " answered_at IS NULL AND abandoned_at IS NOT NULL AND "
        + sec(pg, "abandoned_at", "arrived_at")
        + " >= 5 AS ab_long,"
        + " "
        + sec(pg, "answered_at", "arrived_at")
        + " AS wait_ans,"
        + " "
        + sec(pg, "abandoned_at", "arrived_at")
        + " AS wait_ab,"
        + " "
        + sec(pg, "COALESCE(first_response_at, answered_at)", "arrived_at")
        + " AS frt,"
        + " COALESCE(talk_s, 0) + COALESCE(hold_s, 0) AS talk_hold, COALESCE(wrap_s, 0) AS wrap, converted, revenue"
        + " FROM contacts WHERE arrived_at >= "
        + ts(q.start())
        + " AND arrived_at < "
        + ts(q.end());
  }

  /**
   * The baseline: one query, one scan of the period's contacts, the 13 contacts-level KPIs for the
   * overall row and each group. Result: the group columns, g (1 for the overall row), then the KPIs
   * in {@link #SHARED}'s order.
   */
  static String singleScan(boolean pg, KpiQuery q, boolean byDay) {
    String groups = byDay ? "day, channel" : "channel";
    String quantiles =
        pg
            ? "percentile_cont(ARRAY[0.5, 0.9]) WITHIN GROUP (ORDER BY frt) FILTER (WHERE inb)"
            : "quantile_cont(frt, [0.5, 0.9]) FILTER (WHERE inb)";
    return "WITH x AS ("
        + contactRows(pg, q, byDay)
        + "),"
        + " a AS (SELECT "
        + groups
        + ", GROUPING("
        + groups
        + ") AS g,"
        + " COUNT(*) AS n,"
        + " COUNT(*) FILTER (WHERE inb AND ans) AS n_ans_in,"
        + " COUNT(*) FILTER (WHERE inb AND ab_long) AS n_ab_long,"
        + " COUNT(*) FILTER (WHERE inb AND ans AND wait_ans <= 20) AS n_within,"
        + " COUNT(*) FILTER (WHERE inb AND (ans AND wait_ans > 180 OR ab_long AND wait_ab > 180)) AS n_over,"
        + " AVG(wait_ans) FILTER (WHERE inb AND ans) AS asa,"
        + " AVG(talk_hold + wrap) FILTER (WHERE ans) AS aht,"
        + " AVG(talk_hold) FILTER (WHERE ans) AS talk,"
        + " AVG(frt) FILTER (WHERE inb) AS frt_avg,"
        + " "
        + quantiles
        + " AS frt_q,"
        + " COUNT(*) FILTER (WHERE inb AND channel = 'email') AS n_email,"
        + " COUNT(*) FILTER (WHERE inb AND channel = 'email' AND frt <= 86400) AS n_email_24h,"
        + " COUNT(*) FILTER (WHERE converted) AS n_conv,"
        + " SUM(revenue) AS revenue"
        + " FROM x GROUP BY GROUPING SETS ((), ("
        + groups
        + ")))"
        + " SELECT "
        + (byDay ? "CAST(day AS VARCHAR), " : "")
        + "channel, g, n,"
        + " 100.0 * n_ab_long / NULLIF(n_ans_in + n_ab_long, 0),"
        + " 100.0 * n_within / NULLIF(n_ans_in + n_ab_long, 0),"
        + " asa,"
        + " 100.0 * n_over / NULLIF(n_ans_in + n_ab_long, 0),"
        + " aht, talk, frt_avg, frt_q[1], frt_q[2],"
        + " 100.0 * n_email_24h / NULLIF(n_email, 0),"
        + " 100.0 * n_conv / NULLIF(n, 0),"
        + " revenue"
        + " FROM a";
  }

  /**
   * What help-desk tools do: one hand-written query per KPI, each its own scan, in {@link
   * #SHARED}'s order.
   */
  static List<String> perKpi(boolean pg, KpiQuery q) {
    String period = "arrived_at >= " + ts(q.start()) + " AND arrived_at < " + ts(q.end());
    String ansWait = sec(pg, "answered_at", "arrived_at");
    String abWait = sec(pg, "abandoned_at", "arrived_at");
    String longAb = "(answered_at IS NULL AND abandoned_at IS NOT NULL AND " + abWait + " >= 5)";
    String offered = "NULLIF(COUNT(*) FILTER (WHERE answered_at IS NOT NULL OR " + longAb + "), 0)";
    String frt = sec(pg, "COALESCE(first_response_at, answered_at)", "arrived_at");
    String[][] kpis = {
      {"", "COUNT(*)"},
      {"direction = 'inbound'", "100.0 * COUNT(*) FILTER (WHERE " + longAb + ") / " + offered},
      {
        "direction = 'inbound'",
        "100.0 * COUNT(*) FILTER (WHERE " + ansWait + " <= 20) / " + offered
      },
      {"direction = 'inbound' AND answered_at IS NOT NULL", "AVG(" + ansWait + ")"},
      {
        "direction = 'inbound'",
        "100.0 * COUNT(*) FILTER (WHERE "
            + ansWait
            + " > 180 OR "
            + longAb
            + " AND "
            + abWait
            + " > 180) / "
            + offered
      },
      {
        "answered_at IS NOT NULL",
        "AVG(COALESCE(talk_s, 0) + COALESCE(hold_s, 0) + COALESCE(wrap_s, 0))"
      },
      {"answered_at IS NOT NULL", "AVG(COALESCE(talk_s, 0) + COALESCE(hold_s, 0))"},
      {"direction = 'inbound'", "AVG(" + frt + ")"},
      {"direction = 'inbound'", "percentile_cont(0.5) WITHIN GROUP (ORDER BY " + frt + ")"},
      {"direction = 'inbound'", "percentile_cont(0.9) WITHIN GROUP (ORDER BY " + frt + ")"},
      {
        "direction = 'inbound' AND channel = 'email'",
        "100.0 * COUNT(*) FILTER (WHERE " + frt + " <= 86400)" + " / NULLIF(COUNT(*), 0)"
      },
      {"", "100.0 * COUNT(*) FILTER (WHERE converted) / NULLIF(COUNT(*), 0)"},
      {"", "SUM(revenue)"},
    };
    List<String> out = new ArrayList<>();
    for (String[] k : kpis) {
      out.add(
          "SELECT channel, GROUPING(channel) AS g, "
              + k[1]
              + " FROM contacts WHERE "
              + period
              + (k[0].isEmpty() ? "" : " AND " + k[0])
              + " GROUP BY GROUPING SETS ((), (channel))");
    }
    return out;
  }

  // --------------------------------------------------------------------------------------------
  // timing, checking

  /**
   * Times each side once per round, alternating the order (odd rounds as given, even rounds
   * reversed).
   */
  static Map<String, Double> timeRounds(
      String title, Map<String, Supplier<Object>> sides, int rounds) {
    Map<String, List<Double>> times = new LinkedHashMap<>();
    sides.keySet().forEach(k -> times.put(k, new ArrayList<>()));
    for (int round = 1; round <= rounds; round++) {
      List<String> order = new ArrayList<>(sides.keySet());
      if (round % 2 == 0) java.util.Collections.reverse(order);
      StringBuilder sb =
          new StringBuilder(String.format(Locale.ROOT, "%s round %d:", title, round));
      for (String side : order) {
        long start = System.nanoTime();
        Objects.requireNonNullElse(sides.get(side).get(), "");
        double s = (System.nanoTime() - start) / 1e9;
        times.get(side).add(s);
        sb.append(String.format(Locale.ROOT, " %s %.3f s", side, s));
      }
      System.err.println(sb);
    }
    Map<String, Double> median = new LinkedHashMap<>();
    times.forEach((k, v) -> median.put(k, median(v)));
    times.forEach(
        (k, v) ->
            median.put(
                "min " + k, v.stream().mapToDouble(Double::doubleValue).min().orElseThrow()));
    return median;
  }

  static double median(List<Double> v) {
    double[] a = v.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    return a.length % 2 == 1 ? a[a.length / 2] : (a[a.length / 2 - 1] + a[a.length / 2]) / 2;
  }

  /** The summary line of one case: medians, then (on a second line) the best round of each side. */
  static String line(String store, long size, String name, Map<String, Double> all) {
    Map<String, Double> best = new LinkedHashMap<>();
    all.forEach(
        (k, v) -> {
          if (k.startsWith("min ")) best.put(k.substring(4), v);
        });
    return line1(store, size, name, all) + "\n" + line1(store, size, "   best round", best);
  }

  static String line1(String store, long size, String name, Map<String, Double> m) {
    double b = m.get("base");
    return String.format(
        Locale.ROOT,
        "%-10s %-11d %-30s %9.3f %9s %9.3f %9.3f %9s %8.2fx %8.2fx",
        store,
        size,
        name,
        b,
        m.containsKey("perKPI") ? String.format(Locale.ROOT, "%.3f", m.get("perKPI")) : "-",
        m.get("eng13"),
        m.get("engAll"),
        m.containsKey("perKPI") ? String.format(Locale.ROOT, "%.2fx", m.get("perKPI") / b) : "-",
        m.get("eng13") / b,
        m.get("engAll") / b);
  }

  static Map<List<String>, Map<Kpi, Double>> byGroup(List<Object[]> rows, int dims) {
    return byGroup(rows, dims, SHARED);
  }

  /** Hand-written result rows (dims..., g, kpis...) by group key (empty for the overall row). */
  static Map<List<String>, Map<Kpi, Double>> byGroup(
      List<Object[]> rows, int dims, List<Kpi> kpis) {
    Map<List<String>, Map<Kpi, Double>> out = new HashMap<>();
    for (Object[] r : rows) {
      boolean overall = ((Number) r[dims]).longValue() != 0;
      List<String> key = new ArrayList<>();
      if (!overall) {
        for (int i = 0; i < dims; i++) {
          key.add(r[i] == null ? null : r[i].toString());
        }
      }
      Map<Kpi, Double> values = new EnumMap<>(Kpi.class);
      for (int i = 0; i < kpis.size(); i++) {
        Object v = r[dims + 1 + i];
        values.put(kpis.get(i), v == null ? null : ((Number) v).doubleValue());
      }
      out.put(key, values);
    }
    return out;
  }

  static Map<List<String>, Map<Kpi, Double>> toMap(KpiResult result, List<String> dims) {
    Map<List<String>, Map<Kpi, Double>> out = new HashMap<>();
    for (KpiResult.Row row : result.rows()) {
      List<String> key = new ArrayList<>();
      if (!row.group().isEmpty()) dims.forEach(d -> key.add(row.group().get(d)));
      Map<Kpi, Double> values = new EnumMap<>(Kpi.class);
      row.values().forEach((k, v) -> values.put(k, v == null ? null : v.doubleValue()));
      out.put(key, values);
    }
    return out;
  }

  /**
   * Compares every value the hand-written side has with the engine's; prints each mismatch loudly.
   */
  static void check(
      String what, Map<List<String>, Map<Kpi, Double>> hand, KpiResult engine, int dims) {
    List<String> dimNames = engine.query().groupBy().stream().map(Dimension::name).toList();
    Map<List<String>, Map<Kpi, Double>> eng = toMap(engine, dimNames);
    int compared = 0;
    int bad = 0;
    List<List<String>> keys = new ArrayList<>(hand.keySet());
    keys.sort(Comparator.comparing(Object::toString));
    for (List<String> key : keys) {
      Map<Kpi, Double> ours = eng.get(key);
      for (Map.Entry<Kpi, Double> kv : hand.get(key).entrySet()) {
        Double h = kv.getValue();
        Double x = ours == null ? null : ours.get(kv.getKey());
        compared++;
        boolean same =
            h == null ? x == null : x != null && Math.abs(h - x) <= 1e-9 * Math.max(1, Math.abs(h));
        if (!same) {
          bad++;
          if (bad <= 20) {
            System.err.printf(
                "MISMATCH %s: group %s %s: hand-written %s, engine %s%n",
                what, key, kv.getKey().id(), h, x);
          }
        }
      }
    }
    mismatches += bad;
    System.err.printf(
        "%s: %s (%d values in %d groups compared)%n",
        what, bad == 0 ? "same numbers" : "!!! " + bad + " MISMATCHES !!!", compared, hand.size());
  }

  /**
   * The engine's own queries, one per base as the engine renders them, each timed alone; with
   * --explain also their SQL and EXPLAIN ANALYZE. Mirrors KpiEngine.rows for a group-by of contact
   * fields, clock time.
   */
  static void perBase(Store store, KpiEngine engine, KpiQuery query) {
    Map<Base, List<Part>> partsByBase = new EnumMap<>(Base.class);
    for (Kpi kpi : query.kpis()) {
      for (Part p : kpi.parts()) {
        List<Part> list = partsByBase.computeIfAbsent(p.base(), b -> new ArrayList<>());
        if (!list.contains(p)) list.add(p);
      }
    }
    partsByBase.values().forEach(l -> l.sort(Comparator.naturalOrder()));
    KpiSettings settings = engine.settings();
    SqlRenderer renderer =
        new SqlRenderer(
            store.dialect(),
            settings,
            query.zone(),
            query.from(),
            query.to(),
            query.filters(),
            null,
            null);
    List<Dimension> dims = query.groupBy();
    StringBuilder times =
        new StringBuilder(
            "  engine per base ("
                + store.dialect().name().toLowerCase(Locale.ROOT)
                + ", one run each):");
    for (Map.Entry<Base, List<Part>> e : partsByBase.entrySet()) {
      boolean groupable = dims.stream().allMatch(e.getKey()::groups);
      String sql = renderer.render(e.getKey(), e.getValue(), groupable ? dims : List.of(), true);
      long start = System.nanoTime();
      store.query(sql);
      double s = (System.nanoTime() - start) / 1e9;
      times.append(
          String.format(Locale.ROOT, " %s %.3f s;", e.getKey().name().toLowerCase(Locale.ROOT), s));
      if (explain) {
        System.err.println(
            "---- "
                + e.getKey()
                + " ("
                + e.getValue().size()
                + " parts, "
                + String.format(Locale.ROOT, "%.3f", s)
                + " s):");
        System.err.println(sql);
        for (Object[] r : store.query("EXPLAIN ANALYZE " + sql)) {
          System.err.println(
              Arrays.stream(r).map(String::valueOf).reduce((a, b) -> a + "\n" + b).orElse(""));
        }
      }
    }
    System.err.println(times);
  }
}
