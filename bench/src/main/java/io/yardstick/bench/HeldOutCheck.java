package io.yardstick.bench;

import io.yardstick.kpi.Dimension;
import io.yardstick.kpi.KpiQuery;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The held-out check of issue 14's acceptance, every figure a whole process, in one run: a contacts
 * file made elsewhere is imported by {@code ./yardstick import contacts} beside DuckDB's own {@code
 * read_csv} into a plain table; then on the imported store {@code ./yardstick kpi} answers the
 * issue's questions (30 days by channel, the whole catalog; the whole file's days by day and
 * channel, the whole catalog and the 13 contacts KPIs) beside one hand-written single-scan query of
 * those 13 KPIs ({@link KpiBenchmark#singleScan}, run by a process of its own); first by the scan,
 * then again after {@code ./yardstick rollups rebuild}. Rounds alternate which side goes first;
 * medians and their ratios are printed with the load average. Run it with {@code
 * bench/run-heldout-check.sh} (docs/benchmarks.md).
 *
 * <p>Usage: {@code HeldOutCheck WORKDIR FILE ROWS FROM TO ZONE [ROUNDS]} (FROM and TO: the file's
 * first and last local days).
 */
public final class HeldOutCheck {
  public static void main(String[] args) throws Exception {
    if (args[0].equals("--scan")) {
      scan(Path.of(args[1]), args[2], args[3], args[4], Boolean.parseBoolean(args[5]));
      return;
    }
    Path work = Path.of(args[0]).toAbsolutePath();
    Path csv = Path.of(args[1]).toAbsolutePath();
    long rows = Long.parseLong(args[2].replace("_", ""));
    LocalDate from = LocalDate.parse(args[3]);
    LocalDate to = LocalDate.parse(args[4]);
    String zone = ZoneId.of(args[5]).getId();
    int rounds = args.length > 6 ? Integer.parseInt(args[6]) : 3;
    Files.createDirectories(work);
    List<String> out = new ArrayList<>();
    out.add("held-out check: " + csv + " (" + String.format(Locale.ROOT, "%,d", rows) + " rows)");

    // 1. The import, against DuckDB's reader.
    double[] duck = new double[rounds];
    double[] ys = new double[rounds];
    double[] duckCpu = new double[rounds];
    double[] ysCpu = new double[rounds];
    for (int r = 0; r < rounds; r++) {
      String before = ImportBenchmark.load();
      for (int side = 0; side < 2; side++) {
        if ((side + r) % 2 == 0) {
          ImportBenchmark.Run run = ImportBenchmark.duckdbReader(work, csv, rows);
          duck[r] = run.seconds();
          duckCpu[r] = run.cpuSeconds();
        } else {
          ImportBenchmark.Run run = ImportBenchmark.yardstick(work, csv, rows);
          ys[r] = run.seconds();
          ysCpu[r] = run.cpuSeconds();
        }
      }
      System.err.printf(
          Locale.ROOT,
          "import round %d: duckdb %.1f s, yardstick %.1f s (load %s)%n",
          r + 1,
          duck[r],
          ys[r],
          before);
    }
    out.add(
        String.format(
            Locale.ROOT,
            "import contacts: %.1f s | DuckDB read_csv %.1f s | ratio %.2fx (CPU %.1f s | %.1f s |"
                + " %.2fx)",
            ImportBenchmark.median(ys),
            ImportBenchmark.median(duck),
            ImportBenchmark.median(ys) / ImportBenchmark.median(duck),
            ImportBenchmark.median(ysCpu),
            ImportBenchmark.median(duckCpu),
            ImportBenchmark.median(ysCpu) / ImportBenchmark.median(duckCpu)));

    // The store the questions read: one more import, kept.
    Path db = work.resolve("heldout.duckdb");
    ImportBenchmark.fresh(db);
    ImportBenchmark.timed(
        List.of("./yardstick", "import", "contacts", csv.toString(), "--db", db.toString()),
        Map.of("YARDSTICK_HEAP", "512m"));

    // 2. The questions, by the scan, then from the rollups.
    LocalDate from30 = to.minusDays(29);
    questions(out, "scan", db, from30, from, to, zone, rounds);
    long s = System.nanoTime();
    ImportBenchmark.timed(
        List.of("./yardstick", "rollups", "rebuild", "--db", db.toString()), Map.of());
    out.add(
        String.format(
            Locale.ROOT,
            "rollups rebuild: %.1f s (load %s)",
            (System.nanoTime() - s) / 1e9,
            ImportBenchmark.load()));
    questions(out, "rollups", db, from30, from, to, zone, rounds);
    System.out.println();
    out.forEach(System.out::println);
  }

  private static void questions(
      List<String> out,
      String path,
      Path db,
      LocalDate from30,
      LocalDate from,
      LocalDate to,
      String zone,
      int rounds)
      throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    record Question(String label, List<String> kpi, LocalDate from, boolean byDay) {}
    List<Question> qs =
        List.of(
            new Question("30 days by channel, whole catalog", List.of(), from30, false),
            new Question("all days by day and channel, whole catalog", List.of(), from, true),
            new Question(
                "all days by day and channel, the 13 KPIs of the single scan",
                List.of(
                    "--kpi",
                    String.join(",", KpiBenchmark.SHARED.stream().map(k -> k.id()).toList())),
                from,
                true));
    for (Question q : qs) {
      List<String> kpi =
          new ArrayList<>(
              List.of(
                  "./yardstick",
                  "kpi",
                  "--db",
                  db.toString(),
                  "--from",
                  q.from().toString(),
                  "--to",
                  to.toString(),
                  "--tz",
                  zone,
                  "--by",
                  q.byDay() ? "day,channel" : "channel",
                  "--format",
                  "json"));
      kpi.addAll(q.kpi());
      List<String> base =
          List.of(
              java,
              "-Xmx512m",
              "--enable-native-access=ALL-UNNAMED",
              "-cp",
              System.getProperty("java.class.path"),
              HeldOutCheck.class.getName(),
              "--scan",
              db.toString(),
              q.from().toString(),
              to.toString(),
              zone,
              Boolean.toString(q.byDay()));
      double[] e = new double[rounds];
      double[] b = new double[rounds];
      for (int r = 0; r < rounds; r++) {
        for (int side = 0; side < 2; side++) {
          if ((side + r) % 2 == 0) e[r] = ImportBenchmark.timed(kpi, Map.of()).seconds();
          else b[r] = ImportBenchmark.timed(base, Map.of()).seconds();
        }
      }
      double em = ImportBenchmark.median(e);
      double bm = ImportBenchmark.median(b);
      out.add(
          String.format(
              Locale.ROOT,
              "%-8s %-62s yardstick kpi %6.2f s | single scan %6.2f s | ratio %.2fx (answered from"
                  + " %s; load %s)",
              path,
              q.label(),
              em,
              bm,
              em / bm,
              answeredFrom(kpi),
              ImportBenchmark.load()));
    }
  }

  /** The path the KPI JSON says answered ({@code answered_from}), from one more untimed run. */
  private static String answeredFrom(List<String> kpi) throws Exception {
    Process p = new ProcessBuilder(kpi).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    String json = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    p.waitFor();
    Matcher m = Pattern.compile("\"answered_from\"\\s*:\\s*\"([a-z]+)\"").matcher(json);
    return m.find() ? m.group(1) : "?";
  }

  /** The baseline process: the single-scan query over the days, every row read. */
  static void scan(Path db, String from, String to, String zone, boolean byDay) throws Exception {
    KpiQuery q =
        KpiQuery.of(LocalDate.parse(from), LocalDate.parse(to), ZoneId.of(zone))
            .withGroupBy(
                byDay
                    ? List.of(Dimension.of("day"), Dimension.of("channel"))
                    : List.of(Dimension.of("channel")));
    Properties p = new Properties();
    p.setProperty("duckdb.read_only", "true");
    long n = 0;
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + db, p);
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery(KpiBenchmark.singleScan(false, q, byDay))) {
      int cols = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        for (int i = 1; i <= cols; i++) rs.getObject(i);
        n++;
      }
    }
    System.out.println(n + " rows");
  }
}
