package io.yardstick.bench;

import io.yardstick.ingest.ImportSource;
import io.yardstick.model.RecordType;
import io.yardstick.store.LoadCounts;
import io.yardstick.store.Store;
import java.io.BufferedWriter;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Import benchmark: Yardstick's validated import of a canonical contacts CSV into a fresh DuckDB
 * store, side by side in the same run with DuckDB's own CSV reader loading the same file into a
 * plain table (the baseline). Reports rows per second, the ratio, and the peak Java heap. Run it
 * with {@code bench/run-import-benchmark.sh} (README).
 *
 * <p>Usage: {@code ImportBenchmark WORKDIR ROUNDS SIZE...}; sizes such as 1000000 10000000.
 */
public final class ImportBenchmark {
  private static final String[] CHANNELS = {
    "phone", "phone", "phone", "chat", "chat", "email", "social", "messaging"
  };
  private static final String[] QUEUES = {"general", "billing", "sales", "tech", "support"};
  private static final String[] TOPICS = {
    "login", "billing", "buffering", "returns", "delivery", "account", "plan_change"
  };

  public static void main(String[] args) throws Exception {
    Path work = Path.of(args[0]);
    int rounds = Integer.parseInt(args[1]);
    Files.createDirectories(work);
    List<String> report = new ArrayList<>();
    report.add(
        String.format(
            Locale.ROOT,
            "%-12s %-10s %14s %14s %8s %14s",
            "rows",
            "round",
            "duckdb rows/s",
            "yardstick r/s",
            "ratio",
            "peak heap MiB"));
    for (int i = 2; i < args.length; i++) {
      long rows = Long.parseLong(args[i]);
      Path csv = work.resolve("contacts-" + rows + ".csv");
      if (!Files.exists(csv)) {
        System.err.printf("generating %,d contacts into %s...%n", rows, csv);
        generate(csv, rows);
      }
      System.err.printf("%s: %,d bytes%n", csv, Files.size(csv));
      for (int round = 1; round <= rounds; round++) {
        // Alternate which side goes first, so that neither always gets the warmer page cache.
        double duck;
        double ours;
        if (round % 2 == 1) {
          duck = duckdbReader(work, csv, rows);
          ours = yardstick(work, csv, rows);
        } else {
          ours = yardstick(work, csv, rows);
          duck = duckdbReader(work, csv, rows);
        }
        long peak = peakHeapMiB();
        String line =
            String.format(
                Locale.ROOT,
                "%-12d %-10d %14.0f %14.0f %7.2fx %14d",
                rows,
                round,
                rows / duck,
                rows / ours,
                ours / duck,
                peak);
        System.err.println(line);
        report.add(line);
      }
    }
    System.out.println();
    System.out.println(
        "ratio = Yardstick time / DuckDB read_csv time (lower is better; target <= 2.00x)");
    report.forEach(System.out::println);
  }

  /**
   * Baseline: DuckDB's own CSV reader into a plain table with the same column types, in a fresh
   * database file.
   */
  static double duckdbReader(Path work, Path csv, long rows) throws Exception {
    Path db = work.resolve("baseline.duckdb");
    Files.deleteIfExists(db);
    Files.deleteIfExists(work.resolve("baseline.duckdb.wal"));
    long start = System.nanoTime();
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
      try (var rs = st.executeQuery("SELECT COUNT(*) FROM plain")) {
        rs.next();
        if (rs.getLong(1) != rows)
          throw new IllegalStateException("baseline loaded " + rs.getLong(1) + " rows");
      }
    }
    return (System.nanoTime() - start) / 1e9;
  }

  /** Yardstick: parse, validate and load into a fresh store, all or nothing. */
  static double yardstick(Path work, Path csv, long rows) throws Exception {
    Path db = work.resolve("yardstick.duckdb");
    Files.deleteIfExists(db);
    Files.deleteIfExists(work.resolve("yardstick.duckdb.wal"));
    long start = System.nanoTime();
    try (Store store = Store.open(db.toString())) {
      LoadCounts counts =
          store.importFile(RecordType.CONTACTS, ImportSource.of(csv.toString()), bytes -> {});
      if (counts.inserted() != rows) throw new IllegalStateException("imported " + counts);
    }
    return (System.nanoTime() - start) / 1e9;
  }

  static long peakHeapMiB() {
    long peak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) peak += pool.getPeakUsage().getUsed();
    }
    return peak >> 20;
  }

  /** A canonical contacts file with every column in use, in the shapes real exports have. */
  static void generate(Path csv, long rows) throws IOException {
    SplittableRandom r = new SplittableRandom(7);
    long t0 = Instant.parse("2025-01-01T00:00:00Z").getEpochSecond();
    try (BufferedWriter w = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
      w.write(
          "contact_id,case_id,channel,direction,queue,topic,customer_id,agent_id,team,arrived_at,answered_at,"
              + "first_response_at,abandoned_at,resolved_at,talk_s,hold_s,wrap_s,resolved,converted,revenue\n");
      StringBuilder sb = new StringBuilder(512);
      for (long i = 0; i < rows; i++) {
        sb.setLength(0);
        long arrived = t0 + i * 3 + r.nextInt(3);
        String channel = CHANNELS[r.nextInt(CHANNELS.length)];
        boolean abandoned = r.nextInt(100) < 7;
        sb.append("c-").append(i).append(',');
        sb.append(r.nextInt(5) == 0 ? "case-" + (i / 3) : "").append(',');
        sb.append(channel)
            .append(',')
            .append(r.nextInt(30) == 0 ? "outbound" : "inbound")
            .append(',');
        sb.append(QUEUES[r.nextInt(QUEUES.length)])
            .append(',')
            .append(TOPICS[r.nextInt(TOPICS.length)])
            .append(',');
        sb.append("cust-").append(r.nextInt(1_000_000)).append(',');
        sb.append(abandoned ? "" : "agent-" + r.nextInt(300)).append(',');
        sb.append(abandoned ? "" : "team-" + r.nextInt(6)).append(',');
        sb.append(Instant.ofEpochSecond(arrived)).append(',');
        long wait = r.nextInt(240);
        boolean sync = channel.equals("phone") || channel.equals("chat");
        sb.append(!abandoned && sync ? Instant.ofEpochSecond(arrived + wait).toString() : "")
            .append(',');
        sb.append(!abandoned && !sync ? Instant.ofEpochSecond(arrived + wait * 30).toString() : "")
            .append(',');
        sb.append(abandoned ? Instant.ofEpochSecond(arrived + wait).toString() : "").append(',');
        boolean resolved = !abandoned && r.nextInt(10) < 8;
        sb.append(
                resolved
                    ? Instant.ofEpochSecond(arrived + wait + 600 + r.nextInt(3600)).toString()
                    : "")
            .append(',');
        sb.append(abandoned ? "" : Integer.toString(30 + r.nextInt(900))).append(',');
        sb.append(abandoned || r.nextInt(4) > 0 ? "" : Integer.toString(r.nextInt(120)))
            .append(',');
        sb.append(abandoned ? "" : Integer.toString(r.nextInt(90))).append(',');
        sb.append(resolved ? "true" : "false").append(',');
        boolean converted = !abandoned && r.nextInt(10) == 0;
        sb.append(converted ? "true" : "false").append(',');
        sb.append(converted ? (10 + r.nextInt(500)) + "." + (10 + r.nextInt(90)) : "").append('\n');
        w.write(sb.toString());
      }
    }
  }
}
