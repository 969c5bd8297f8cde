package io.yardstick.bench;

import io.yardstick.ingest.ImportSource;
import io.yardstick.kpi.Dimension;
import io.yardstick.kpi.Filter;
import io.yardstick.kpi.Kpi;
import io.yardstick.kpi.KpiEngine;
import io.yardstick.kpi.KpiQuery;
import io.yardstick.kpi.KpiSettings;
import io.yardstick.kpi.rollup.RollupCheck;
import io.yardstick.kpi.rollup.Rollups;
import io.yardstick.model.RecordType;
import io.yardstick.store.Store;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

/**
 * Rollup benchmark (issue 14, part 4): on the demo store of {@link KpiBenchmark} (a year of
 * contacts with surveys, agent states, customers and costs), the overview page cold (a store just
 * opened) and warm with 20 clients, and a year by day and channel, each beside one hand-written
 * single-scan DuckDB query in the same run; then the store's size and the rollups' share, and the
 * time of imports with the rollups kept. Run it with {@code bench/run-rollup-benchmark.sh}
 * (docs/benchmarks.md).
 *
 * <p>Usage: {@code RollupBenchmark WORKDIR SIZE [ROUNDS] [CLIENTS] [noimports]} (noimports: the
 * questions and the size only).
 */
public final class RollupBenchmark {
  static final LocalDate TO = KpiBenchmark.LAST_DAY;
  static final LocalDate FROM = TO.minusDays(27);

  /**
   * Requests per warm client (10; {@code -Dyardstick.bench.requests=2} at 100 M, where 200 single
   * scans would take most of half an hour).
   */
  static final int REQUESTS = Integer.getInteger("yardstick.bench.requests", 10);

  /** The overview's tiles (docs/web.md): HEADLINE of web/js/pages/overview.js. */
  static final List<Kpi> TILES =
      List.of(
          Kpi.CONTACTS,
          Kpi.SERVICE_LEVEL,
          Kpi.ASA,
          Kpi.ABANDONMENT_RATE,
          Kpi.AHT,
          Kpi.FCR,
          Kpi.CSAT,
          Kpi.NPS,
          Kpi.RESOLUTION_RATE,
          Kpi.OCCUPANCY,
          Kpi.COST_PER_CONTACT);

  public static void main(String[] args) throws Exception {
    Path work = Path.of(args[0]);
    long size = Long.parseLong(args[1].replace("_", ""));
    int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
    int clients = args.length > 3 ? Integer.parseInt(args[3]) : 20;
    boolean imports = args.length <= 4 || !args[4].equals("noimports");
    boolean onlyImports = args.length > 4 && args[4].equals("onlyimports");
    // prepare: generate the store and build its rollups, untimed, then stop (a 100 M store takes
    // most of an hour, best done before a quiet hour for the timed questions).
    boolean prepareOnly = args.length > 4 && args[4].equals("prepare");
    Files.createDirectories(work);
    long t0 = System.nanoTime();
    Path db = KpiBenchmark.dataFor(work, size);
    // Each line is also printed on standard error as soon as it is measured (a 100 M run lasts
    // most of an hour); standard output gets them all at the end.
    List<String> out =
        new ArrayList<>() {
          @Override
          public boolean add(String line) {
            System.err.println("| " + line);
            return super.add(line);
          }
        };
    out.add(
        String.format(Locale.ROOT, "store %s: %,d contacts (ready in %.1f s)", db, size, secs(t0)));
    if (onlyImports) {
      imports(work, size, db, out);
      System.out.println();
      out.forEach(System.out::println);
      return;
    }
    try (Store store = Store.open(db.toString())) {
      // The store's zone keeps the percentiles of its days, weeks and months, as `yardstick demo`
      // keeps them (docs/rollups.md); a store built before that computes them once here.
      if (!Rollups.keptZones(store).contains(KpiBenchmark.ZONE)) {
        long b = System.nanoTime();
        Rollups.keepZones(
            store,
            List.of(KpiBenchmark.ZONE),
            (step, steps, what) ->
                System.err.printf(
                    "  rollups: %s (%d of %d, %.1f s)%n", what, step, steps, secs(b)));
        out.add(
            String.format(
                Locale.ROOT,
                "  percentiles of %s's days, weeks and months kept in %.1f s",
                KpiBenchmark.ZONE.getId(),
                secs(b)));
      }
      // Built once, as `yardstick serve` does for a store of 5 M contacts or more
      // (docs/rollups.md).
      if (!Rollups.built(store)) {
        long b = System.nanoTime();
        Rollups.ensureBuilt(
            store,
            (step, steps, what) ->
                System.err.printf(
                    "  rollups: %s (%d of %d, %.1f s)%n", what, step, steps, secs(b)));
        out.add(String.format(Locale.ROOT, "  rollups built in %.1f s", secs(b)));
      }
      if (prepareOnly) {
        out.forEach(System.out::println);
        return;
      }
      out.add(
          String.format(
              Locale.ROOT,
              "  %,d surveys, %,d agent states, %,d customers",
              store.count(RecordType.SURVEYS),
              store.count(RecordType.AGENT_STATES),
              store.count(RecordType.CUSTOMERS)));
      // Untimed: the engine's answers from the rollups equal the scan's.
      List<String> diff = new ArrayList<>();
      for (KpiQuery q : overview()) diff.addAll(RollupCheck.compare(new KpiEngine(store), q, 1e-9));
      out.add(
          "  rollups equal the scan on the overview's questions: "
              + (diff.isEmpty() ? "yes" : diff));
    }

    // Cold: each side on a store just opened (a new DuckDB instance: its buffers empty; the
    // operating system's file cache is warm for both sides alike).
    List<Double> coldEngine = new ArrayList<>();
    List<Double> coldBase = new ArrayList<>();
    String base56 =
        KpiBenchmark.singleScan(
            false,
            KpiQuery.of(FROM.minusDays(28), TO, KpiBenchmark.ZONE)
                .withGroupBy(List.of(Dimension.of("day"), Dimension.of("channel"))),
            true);
    for (int r = 0; r < rounds; r++) {
      for (int side = 0; side < 2; side++) {
        boolean engineSide = (side + r) % 2 == 0;
        long s = System.nanoTime();
        try (Store store = Store.open(db.toString())) {
          if (engineSide) {
            KpiEngine engine = new KpiEngine(store);
            for (KpiQuery q : overview()) engine.compute(q);
          } else {
            store.query(base56);
          }
        }
        (engineSide ? coldEngine : coldBase).add(secs(s));
      }
    }
    out.add(
        row(
            "cold overview (open + 5 questions: tiles 28 d + 28 before, sparklines, by channel)",
            coldEngine,
            coldBase));

    double warmBaseP95;
    try (Store store = Store.open(db.toString())) {
      KpiEngine engine = new KpiEngine(store);
      KpiQuery year =
          KpiQuery.of(TO.minusDays(364), TO, KpiBenchmark.ZONE)
              .withGroupBy(List.of(Dimension.of("day"), Dimension.of("channel")));
      String baseYear = KpiBenchmark.singleScan(false, year, true);
      out.add(
          "  year by day and channel answered from: "
              + engine.compute(year.withKpis(KpiBenchmark.SHARED)).answeredFrom()
              + " (13 contacts KPIs), "
              + engine.compute(year).answeredFrom()
              + " (whole catalog)");
      List<Double> y13 = new ArrayList<>();
      List<Double> yAll = new ArrayList<>();
      List<Double> yBase = new ArrayList<>();
      for (int r = 0; r < rounds; r++) {
        yBase.add(time(() -> store.query(baseYear)));
        y13.add(time(() -> engine.compute(year.withKpis(KpiBenchmark.SHARED))));
        yAll.add(time(() -> engine.compute(year)));
      }
      out.add(row("year by day and channel, the 13 KPIs of the single scan", y13, yBase));
      out.add(row("year by day and channel, the whole catalog", yAll, yBase));

      // Warm: 20 clients, each asking the overview's questions in turn (no result cache).
      List<KpiQuery> questions = overview();
      List<Double> engineLat =
          clients(
              clients, REQUESTS, i -> () -> engine.compute(questions.get(i % questions.size())));
      List<Double> baseLat = clients(clients, REQUESTS, i -> () -> store.query(base56));
      warmBaseP95 = p(baseLat, 0.95);
      out.add(
          String.format(
              Locale.ROOT,
              "warm, %d clients x %d requests: p95 %.3f s (median %.3f s) | single scan p95 %.3f s"
                  + " (median %.3f s) | ratio %.2f",
              clients,
              REQUESTS,
              p(engineLat, 0.95),
              p(engineLat, 0.5),
              p(baseLat, 0.95),
              p(baseLat, 0.5),
              p(engineLat, 0.95) / p(baseLat, 0.95)));
    }

    // Warm as `yardstick serve` answers: the same clients through the server's result cache
    // (io.yardstick.server.api.ResultCache, keyed by the question and the store's data version),
    // which the first asker of each question fills from the rollups.
    try (Store store = Store.open(db.toString())) {
      KpiEngine cached =
          new KpiEngine(
              store, KpiSettings.defaults(), new io.yardstick.server.api.ResultCache(64L << 20));
      List<KpiQuery> questions = overview();
      // First with the first asker of each question computing it; then again, each question
      // having been asked once since the data last changed (a page someone opened today), so
      // every answer comes from the cache.
      for (String phase :
          List.of("(the first of each question computes)", "once each question was asked before")) {
        List<Double> lat =
            clients(
                clients, REQUESTS, i -> () -> cached.compute(questions.get(i % questions.size())));
        out.add(
            String.format(
                Locale.ROOT,
                "warm through the server's result cache %s, %d clients x %d requests: p95 %.4f s"
                    + " (median %.4f s, max %.4f s) | single scan p95 %.3f s | ratio %.4f",
                phase,
                clients,
                REQUESTS,
                p(lat, 0.95),
                p(lat, 0.5),
                p(lat, 1.0),
                warmBaseP95,
                p(lat, 0.95) / warmBaseP95));
      }
    }

    // Size: the file, and the rollups' share by the storage blocks their tables use.
    long fileBytes = Files.size(db);
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + db);
        Statement st = c.createStatement()) {
      long all = 0;
      long rollups = 0;
      try (ResultSet rs =
          st.executeQuery(
              "SELECT table_name FROM duckdb_tables() WHERE database_name = current_database()")) {
        List<String> tables = new ArrayList<>();
        while (rs.next()) tables.add(rs.getString(1));
        for (String t : tables) {
          try (Statement s2 = c.createStatement();
              ResultSet b =
                  s2.executeQuery(
                      "SELECT COUNT(DISTINCT block_id) FROM pragma_storage_info('"
                          + t
                          + "') WHERE block_id >= 0")) {
            b.next();
            long blocks = b.getLong(1);
            all += blocks;
            if (t.startsWith("rollup_")) rollups += blocks;
          }
        }
      }
      out.add(
          String.format(
              Locale.ROOT,
              "store file %.2f GB; rollup tables %.1f%% of the table blocks (%d of %d blocks of 256 KiB)",
              fileBytes / 1e9,
              100.0 * rollups / Math.max(1, all),
              rollups,
              all));
      try (ResultSet rs =
          st.executeQuery(
              "SELECT (SELECT COUNT(*) FROM rollup_contacts), (SELECT COUNT(*) FROM rollup_values),"
                  + " (SELECT COUNT(*) FROM rollup_cases), (SELECT COUNT(*) FROM rollup_surveys),"
                  + " (SELECT COUNT(*) FROM rollup_agent_time)")) {
        rs.next();
        out.add(
            String.format(
                Locale.ROOT,
                "  rollup rows: contacts %,d, histograms %,d, cases %,d, surveys %,d, agent time %,d",
                rs.getLong(1),
                rs.getLong(2),
                rs.getLong(3),
                rs.getLong(4),
                rs.getLong(5)));
      }
    }

    if (!imports) {
      System.out.println();
      out.forEach(System.out::println);
      return;
    }
    imports(work, size, db, out);
    System.out.println();
    out.forEach(System.out::println);
  }

  /** Imports with the rollups kept: a whole file into a new store, then one more day. */
  static void imports(Path work, long size, Path db, List<String> out) throws Exception {
    // Imports with the rollups kept.
    Path csvDir = work.resolve("csv-" + size);
    if (!Files.exists(csvDir.resolve("contacts.csv"))) KpiBenchmark.exportCsv(db, csvDir);
    Path fresh = work.resolve("rollup-import-" + size + ".duckdb");
    Files.deleteIfExists(fresh);
    Files.deleteIfExists(work.resolve(fresh.getFileName() + ".wal"));
    // The same import into a new store that keeps no rollups (the default), for the ratio.
    double plainS;
    try (Store store = Store.open(fresh.toString())) {
      long s = System.nanoTime();
      store.importFile(
          RecordType.CONTACTS, ImportSource.of(csvDir.resolve("contacts.csv").toString()), b -> {});
      plainS = secs(s);
    }
    Files.deleteIfExists(fresh);
    Files.deleteIfExists(work.resolve(fresh.getFileName() + ".wal"));
    out.add(
        String.format(
            Locale.ROOT,
            "import of %,d contacts into a new store without rollups: %.1f s (%,.0f rows/s)",
            size,
            plainS,
            size / plainS));
    try (Store store = Store.open(fresh.toString())) {
      Rollups.ensureBuilt(store, Rollups.BuildProgress.NONE); // on: the import keeps them
      long s = System.nanoTime();
      store.importFile(
          RecordType.CONTACTS, ImportSource.of(csvDir.resolve("contacts.csv").toString()), b -> {});
      double importS = secs(s);
      s = System.nanoTime();
      Rollups.rebuild(store, KpiSettings.defaults(), Rollups.BuildProgress.NONE);
      double rebuildS = secs(s);
      out.add(
          String.format(
              Locale.ROOT,
              "import of %,d contacts into a new store, rollups built in its transaction: %.1f s"
                  + " (%,.0f rows/s); rebuilding the contacts' rollups alone: %.1f s (%.0f%% of the"
                  + " import)",
              size,
              importS,
              size / importS,
              rebuildS,
              100 * rebuildS / importS));
    }
    Files.deleteIfExists(fresh);
    Files.deleteIfExists(work.resolve(fresh.getFileName() + ".wal"));
    // One more day of contacts (the last day's, as new ids) into the full store: only its buckets
    // change.
    Path day = work.resolve("rollup-day.csv");
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement st = c.createStatement()) {
      st.execute(
          "COPY (SELECT 'again-' || contact_id AS contact_id, * EXCLUDE (contact_id) FROM read_csv('"
              + csvDir.resolve("contacts.csv")
              + "', all_varchar = true) WHERE arrived_at >= '"
              + TO
              + "') TO '"
              + day
              + "' (HEADER, DELIMITER ',')");
    }
    try (Store store = Store.open(db.toString())) {
      long s = System.nanoTime();
      long rows =
          store
              .importFile(RecordType.CONTACTS, ImportSource.of(day.toString()), b -> {})
              .inserted();
      out.add(
          String.format(
              Locale.ROOT,
              "import of one more day (%,d contacts) into the %,d-contact store, rollups kept: %.2f s",
              rows,
              size,
              secs(s)));
      store.update("DELETE FROM contacts WHERE contact_id LIKE 'again-%'");
      Rollups.rebuild(store, KpiSettings.defaults(), Rollups.BuildProgress.NONE);
    }
  }

  /** The overview page's five questions (web/js/pages/overview.js). */
  static List<KpiQuery> overview() {
    KpiQuery period = KpiQuery.of(FROM, TO, KpiBenchmark.ZONE);
    List<Filter> written = List.of(Filter.parse("channel=email,web,social,messaging,sms"));
    List<Dimension> day = List.of(Dimension.of("day"));
    return List.of(
        period.withKpis(TILES).withComparePrevious(true),
        period.withKpis(TILES).withGroupBy(day),
        period
            .withKpis(List.of(Kpi.CONTACTS))
            .withGroupBy(List.of(Dimension.of("day"), Dimension.of("channel"))),
        period.withKpis(List.of(Kpi.FRT_MEDIAN)).withFilters(written).withComparePrevious(true),
        period.withKpis(List.of(Kpi.FRT_MEDIAN)).withFilters(written).withGroupBy(day));
  }

  static List<Double> clients(int n, int each, java.util.function.IntFunction<Supplier<Object>> job)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(n);
    try {
      List<Future<List<Double>>> futures = new ArrayList<>();
      for (int c = 0; c < n; c++) {
        int client = c;
        futures.add(
            pool.submit(
                () -> {
                  List<Double> lat = new ArrayList<>();
                  for (int i = 0; i < each; i++) {
                    Supplier<Object> s = job.apply(client + i);
                    lat.add(time(s));
                  }
                  return lat;
                }));
      }
      List<Double> all = new ArrayList<>();
      for (Future<List<Double>> f : futures) all.addAll(f.get());
      return all;
    } finally {
      pool.shutdown();
    }
  }

  static double time(Supplier<Object> s) {
    long t = System.nanoTime();
    s.get();
    return secs(t);
  }

  static double secs(long since) {
    return (System.nanoTime() - since) / 1e9;
  }

  static double p(List<Double> v, double q) {
    List<Double> s = new ArrayList<>(v);
    Collections.sort(s);
    return s.get((int) Math.min(s.size() - 1, Math.ceil(q * s.size()) - 1));
  }

  static String row(String what, List<Double> engine, List<Double> base) {
    double e = KpiBenchmark.median(engine);
    double b = KpiBenchmark.median(base);
    return String.format(
        Locale.ROOT,
        "%s: engine %.3f s | single scan %.3f s | ratio %.2f (medians of %d; engine rounds %s)",
        what,
        e,
        b,
        e / b,
        engine.size(),
        engine.stream().map(x -> String.format(Locale.ROOT, "%.3f", x)).toList());
  }
}
