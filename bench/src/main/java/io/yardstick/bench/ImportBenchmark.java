package io.yardstick.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * Import benchmark: {@code ./yardstick import contacts FILE} into a fresh DuckDB store, a whole
 * process with the Java heap capped at 512 MiB, side by side in the same run with DuckDB's own CSV
 * reader loading the same file into a plain table (the baseline, also a whole JVM process through
 * the DuckDB JDBC driver). Several shapes of data, because an import tuned to one shape can be slow
 * on another. Run it with {@code bench/run-import-benchmark.sh} (docs/benchmarks.md).
 *
 * <p>Usage: {@code ImportBenchmark WORKDIR ROUNDS SHAPES SIZE...}; SHAPES is a comma-separated list
 * of {@link Shape} names ({@code all} for every one) or {@code file:PATH} for a file made elsewhere
 * (held-out data, never generated here; SIZE is then its number of contacts), sizes such as 1000000
 * 10000000. {@code ImportBenchmark --baseline CSV DB} is the baseline's own process.
 *
 * <p>Besides the wall time of each process, its CPU time (user + system) is reported: on a machine
 * shared with other builds the wall-time ratio swings with the load, the CPU ratio much less.
 */
public final class ImportBenchmark {
  private static final String[] CHANNELS = {
    "phone", "phone", "phone", "chat", "chat", "email", "social", "messaging"
  };
  private static final String[] QUEUES = {"general", "billing", "sales", "tech", "support"};
  private static final String[] TOPICS = {
    "login", "billing", "buffering", "returns", "delivery", "account", "plan_change"
  };

  /** The generated shapes of contacts files. */
  enum Shape {
    /**
     * Every column in use; one contact in five has a case (the benchmark's file until issue 14).
     */
    CANONICAL,
    /** No case ids at all: a phone system's export. */
    NOCASES,
    /**
     * Every contact has a case, three contacts a case, spread over days (a case's contacts lie a
     * third of the file apart): a help desk's export, whose case refresh is the whole table.
     */
    CASES,
    /**
     * Most fields empty, long free-text topics (40-120 characters, 5,000 distinct) and long ids: an
     * export of a sparsely filled system.
     */
    SPARSE;

    String id() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public static void main(String[] args) throws Exception {
    if (args[0].equals("--baseline")) {
      baseline(Path.of(args[1]), Path.of(args[2]));
      return;
    }
    Path work = Path.of(args[0]).toAbsolutePath();
    int rounds = Integer.parseInt(args[1]);
    List<String> shapes =
        args[2].equals("all")
            ? Arrays.stream(Shape.values()).map(Shape::id).toList()
            : Arrays.stream(args[2].split(",")).map(String::strip).toList();
    Files.createDirectories(work);
    List<String> report = new ArrayList<>();
    report.add(
        String.format(
            Locale.ROOT,
            "%-10s %11s %6s %10s %10s %8s %12s %12s %10s %8s %8s %8s",
            "shape",
            "rows",
            "round",
            "duckdb s",
            "yardstick s",
            "ratio",
            "duckdb r/s",
            "yardstick r/s",
            "max RSS MiB",
            "duck cpu",
            "ys cpu",
            "cpu ratio"));
    List<String> summary = new ArrayList<>();
    for (int i = 3; i < args.length; i++) {
      long rows = Long.parseLong(args[i]);
      for (String spec : shapes) {
        Path csv;
        String label;
        if (spec.startsWith("file:")) {
          csv = Path.of(spec.substring("file:".length())).toAbsolutePath();
          label = csv.getFileName().toString().replaceFirst("\\.csv$", "");
          if (!Files.exists(csv)) throw new IllegalArgumentException("no file " + csv);
        } else {
          Shape shape = Shape.valueOf(spec.toUpperCase(Locale.ROOT));
          label = shape.id();
          csv = work.resolve("contacts-" + shape.id() + "-" + rows + ".csv");
          if (!Files.exists(csv)) {
            System.err.printf("generating %,d %s contacts into %s...%n", rows, shape.id(), csv);
            Path tmp = csv.resolveSibling(csv.getFileName() + ".tmp");
            generate(tmp, rows, shape);
            Files.move(tmp, csv);
          }
        }
        System.err.printf("%s: %,d bytes%n", csv, Files.size(csv));
        double[] duck = new double[rounds];
        double[] ours = new double[rounds];
        double[] duckCpu = new double[rounds];
        double[] oursCpu = new double[rounds];
        for (int round = 1; round <= rounds; round++) {
          // Alternate which side goes first, so that neither always gets the warmer page cache.
          Run d;
          Run y;
          if (round % 2 == 1) {
            d = duckdbReader(work, csv, rows);
            y = yardstick(work, csv, rows);
          } else {
            y = yardstick(work, csv, rows);
            d = duckdbReader(work, csv, rows);
          }
          duck[round - 1] = d.seconds();
          ours[round - 1] = y.seconds();
          duckCpu[round - 1] = d.cpuSeconds();
          oursCpu[round - 1] = y.cpuSeconds();
          String line =
              String.format(
                  Locale.ROOT,
                  "%-10s %11d %6d %10.2f %10.2f %7.2fx %12.0f %12.0f %10d %8.2f %8.2f %7.2fx",
                  label,
                  rows,
                  round,
                  d.seconds(),
                  y.seconds(),
                  y.seconds() / d.seconds(),
                  rows / d.seconds(),
                  rows / y.seconds(),
                  y.maxRssMiB(),
                  d.cpuSeconds(),
                  y.cpuSeconds(),
                  y.cpuSeconds() / d.cpuSeconds());
          System.err.println(line + "   load " + load());
          report.add(line);
        }
        double md = median(duck);
        double my = median(ours);
        double mdc = median(duckCpu);
        double myc = median(oursCpu);
        summary.add(
            String.format(
                Locale.ROOT,
                "%-10s %11d %10.2f %10.2f %7.2fx %10.2f %10.2f %7.2fx",
                label,
                rows,
                md,
                my,
                my / md,
                mdc,
                myc,
                myc / mdc));
      }
    }
    System.out.println();
    System.out.println(
        "Whole processes; ratio = Yardstick time / DuckDB read_csv time (lower is better; target <= 1.50x);"
            + " load at the end "
            + load());
    report.forEach(System.out::println);
    System.out.println();
    System.out.printf(
        Locale.ROOT,
        "%-10s %11s %10s %10s %8s %10s %10s %8s%n",
        "shape",
        "rows",
        "duckdb med",
        "ystick med",
        "ratio",
        "duck cpu",
        "ys cpu",
        "cpu ratio");
    summary.forEach(System.out::println);
  }

  /** One timed process: wall seconds, maximum resident memory, and CPU seconds (user + system). */
  record Run(double seconds, long maxRssMiB, double cpuSeconds) {}

  static double median(double[] values) {
    double[] v = values.clone();
    Arrays.sort(v);
    return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
  }

  static String load() {
    try {
      String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
      return parts[0] + " " + parts[1] + " " + parts[2];
    } catch (IOException e) {
      return "?";
    }
  }

  /** Runs a command, timing the whole process; returns its time and maximum resident memory. */
  static Run timed(List<String> command, Map<String, String> env) throws Exception {
    Path rss = Files.createTempFile("yardstick-bench-rss", ".txt");
    List<String> full =
        new ArrayList<>(List.of("/usr/bin/time", "-f", "%M %U %S", "-o", rss.toString()));
    full.addAll(command);
    ProcessBuilder pb = new ProcessBuilder(full).redirectErrorStream(true);
    pb.environment().putAll(env);
    long start = System.nanoTime();
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(2, TimeUnit.HOURS) || p.exitValue() != 0) {
      throw new IllegalStateException("failed: " + command + "\n" + out);
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    String[] last =
        Files.readString(rss).strip().lines().reduce((a, b) -> b).orElse("0 0 0").split(" ");
    Files.deleteIfExists(rss);
    long kib = Long.parseLong(last[0]);
    double cpu = Double.parseDouble(last[1]) + Double.parseDouble(last[2]);
    return new Run(seconds, kib >> 10, cpu);
  }

  static void fresh(Path db) throws IOException {
    Files.deleteIfExists(db);
    Files.deleteIfExists(db.resolveSibling(db.getFileName() + ".wal"));
  }

  static long count(Path db, String table) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + db);
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM " + table)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /** Baseline: its own JVM, DuckDB's CSV reader into a plain table in a fresh database file. */
  static Run duckdbReader(Path work, Path csv, long rows) throws Exception {
    Path db = work.resolve("baseline.duckdb");
    fresh(db);
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Run run =
        timed(
            List.of(
                java,
                "-Xmx512m",
                "-XX:+UseSerialGC",
                "--enable-native-access=ALL-UNNAMED",
                "-cp",
                System.getProperty("java.class.path"),
                ImportBenchmark.class.getName(),
                "--baseline",
                csv.toString(),
                db.toString()),
            Map.of());
    long n = count(db, "plain");
    if (n != rows) throw new IllegalStateException("baseline loaded " + n + " rows");
    fresh(db);
    return run;
  }

  /** The same column types as Yardstick's contacts table. */
  static void baseline(Path csv, Path db) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + db);
        Statement st = c.createStatement()) {
      st.execute(
          "CREATE TABLE plain AS SELECT * FROM read_csv('"
              + csv
              + "', header = true, columns = {"
              + "'contact_id': 'VARCHAR', 'case_id': 'VARCHAR', 'channel': 'VARCHAR', 'direction': 'VARCHAR',"
              + " 'queue': 'VARCHAR', 'topic': 'VARCHAR', 'customer_id': 'VARCHAR', 'agent_id': 'VARCHAR', 'team': 'VARCHAR',"
              + " 'arrived_at': 'TIMESTAMPTZ', 'answered_at': 'TIMESTAMPTZ', 'first_response_at': 'TIMESTAMPTZ',"
              + " 'abandoned_at': 'TIMESTAMPTZ', 'resolved_at': 'TIMESTAMPTZ', 'talk_s': 'DOUBLE', 'hold_s': 'DOUBLE',"
              + " 'wrap_s': 'DOUBLE', 'resolved': 'BOOLEAN', 'converted': 'BOOLEAN', 'revenue': 'DECIMAL(18,4)'})");
    }
  }

  /**
   * Yardstick: the launcher's command, parse, validate and load into a fresh store, all or nothing.
   */
  static Run yardstick(Path work, Path csv, long rows) throws Exception {
    Path db = work.resolve("yardstick.duckdb");
    fresh(db);
    Run run =
        timed(
            List.of("./yardstick", "import", "contacts", csv.toString(), "--db", db.toString()),
            Map.of("YARDSTICK_HEAP", "512m"));
    long n = count(db, "contacts");
    if (n != rows) throw new IllegalStateException("imported " + n + " rows, expected " + rows);
    fresh(db);
    return run;
  }

  /** A contacts file of the given shape. */
  static void generate(Path csv, long rows, Shape shape) throws IOException {
    SplittableRandom r = new SplittableRandom(7);
    long t0 = Instant.parse("2025-01-01T00:00:00Z").getEpochSecond();
    long cases = Math.max(1, rows / 3);
    String[] longTopics = new String[5000];
    String words =
        "billing invoice duplicate charge after plan change refund request delivery late parcel"
            + " damaged login password reset two factor account locked streaming buffering on smart tv"
            + " app crash after update cancel subscription upgrade downgrade address change warranty";
    String[] w = words.split(" ");
    SplittableRandom tr = new SplittableRandom(11);
    for (int i = 0; i < longTopics.length; i++) {
      StringBuilder t = new StringBuilder();
      int target = 40 + tr.nextInt(81);
      while (t.length() < target) t.append(w[tr.nextInt(w.length)]).append(' ');
      t.append(i);
      longTopics[i] = t.toString();
    }
    try (BufferedWriter out = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
      out.write(
          "contact_id,case_id,channel,direction,queue,topic,customer_id,agent_id,team,arrived_at,answered_at,"
              + "first_response_at,abandoned_at,resolved_at,talk_s,hold_s,wrap_s,resolved,converted,revenue\n");
      StringBuilder sb = new StringBuilder(512);
      for (long i = 0; i < rows; i++) {
        sb.setLength(0);
        long arrived = t0 + i * 3 + r.nextInt(3);
        String channel = CHANNELS[r.nextInt(CHANNELS.length)];
        boolean abandoned = r.nextInt(100) < 7;
        boolean sparse = shape == Shape.SPARSE;
        if (sparse) {
          sb.append("contact-2025-")
              .append(Long.toHexString(i * 2654435761L))
              .append('-')
              .append(i);
        } else {
          sb.append("c-").append(i);
        }
        sb.append(',');
        String caseId =
            switch (shape) {
              case CANONICAL -> r.nextInt(5) == 0 ? "case-" + (i / 3) : "";
              case NOCASES -> "";
              // contact i belongs to case i mod (rows / 3): its three contacts are rows/3 lines
              // (days) apart, scrambled so that case ids do not follow the file order
              case CASES -> "case-" + Long.toHexString(((i % cases) * 0x9E3779B97F4A7C15L) >>> 20);
              case SPARSE -> r.nextInt(20) == 0 ? "case-" + (i / 2) : "";
            };
        sb.append(caseId).append(',');
        sb.append(channel).append(',');
        sb.append(sparse ? "" : r.nextInt(30) == 0 ? "outbound" : "inbound").append(',');
        sb.append(sparse && r.nextInt(2) == 0 ? "" : QUEUES[r.nextInt(QUEUES.length)]).append(',');
        sb.append(
                sparse
                    ? longTopics[r.nextInt(longTopics.length)]
                    : TOPICS[r.nextInt(TOPICS.length)])
            .append(',');
        sb.append(sparse && r.nextInt(3) > 0 ? "" : "cust-" + r.nextInt(1_000_000)).append(',');
        boolean noAgent = abandoned || (sparse && r.nextInt(3) > 0);
        sb.append(noAgent ? "" : "agent-" + r.nextInt(300)).append(',');
        sb.append(noAgent || sparse ? "" : "team-" + r.nextInt(6)).append(',');
        sb.append(Instant.ofEpochSecond(arrived)).append(',');
        long wait = r.nextInt(240);
        boolean sync = channel.equals("phone") || channel.equals("chat");
        boolean times = !sparse || r.nextInt(4) == 0;
        sb.append(
                times && !abandoned && sync ? Instant.ofEpochSecond(arrived + wait).toString() : "")
            .append(',');
        sb.append(
                times && !abandoned && !sync
                    ? Instant.ofEpochSecond(arrived + wait * 30).toString()
                    : "")
            .append(',');
        sb.append(times && abandoned ? Instant.ofEpochSecond(arrived + wait).toString() : "")
            .append(',');
        boolean resolved = !abandoned && r.nextInt(10) < 8;
        sb.append(
                times && resolved
                    ? Instant.ofEpochSecond(arrived + wait + 600 + r.nextInt(3600)).toString()
                    : "")
            .append(',');
        if (sparse) {
          sb.append(",,,,,\n"); // no durations, flags or revenue
          out.write(sb.toString());
          continue;
        }
        sb.append(abandoned ? "" : Integer.toString(30 + r.nextInt(900))).append(',');
        sb.append(abandoned || r.nextInt(4) > 0 ? "" : Integer.toString(r.nextInt(120)))
            .append(',');
        sb.append(abandoned ? "" : Integer.toString(r.nextInt(90))).append(',');
        sb.append(resolved ? "true" : "false").append(',');
        boolean converted = !abandoned && r.nextInt(10) == 0;
        sb.append(converted ? "true" : "false").append(',');
        sb.append(converted ? (10 + r.nextInt(500)) + "." + (10 + r.nextInt(90)) : "").append('\n');
        out.write(sb.toString());
      }
    }
  }
}
