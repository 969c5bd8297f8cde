package io.yardstick.bench;

import io.yardstick.ingest.RowSink;
import io.yardstick.model.RecordType;
import io.yardstick.sla.SlaEvaluator;
import io.yardstick.sla.SlaSettings;
import io.yardstick.sla.SlaTargets;
import io.yardstick.store.Loader;
import io.yardstick.store.Store;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Random;

/**
 * The SLA refresh (issue 17, docs/sla.md "Measured"): TICKETS generated tickets with their
 * timelines (a customer message, one to four agent replies with pending and reopen cycles, a solve;
 * a tenth urgent, measured in business hours, the rest in calendar time) in a fresh DuckDB store,
 * then the refreshes a server runs: the first (every target written), the same instant again and
 * five minutes later (nothing changed: nothing should be written and the data version should stay),
 * a day later (breach times passed) and after an import of new replies to 1% of the tickets. Each
 * line gives the time, what the refresh wrote and whether the data version rose.
 *
 * <p>Usage: {@code SlaBenchmark [TICKETS] [DIR] [postgres]} (default 5000 bench-data).
 */
public final class SlaBenchmark {
  static final String POLICIES =
      """
      business_hours:
        support:
          zone: Europe/Madrid
          hours: {mon-fri: "09:00-18:00"}
      sla_policies:
        - name: urgent
          when: {priority: urgent}
          business_hours: support
          targets: {first_reply: 1h, next_reply: 2h, resolution: 8h}
        - name: standard
          targets: {first_reply: 8h, next_reply: 8h, periodic_update: 1d, resolution: 5d}
      """;

  public static void main(String[] args) throws Exception {
    int tickets = args.length > 0 ? Integer.parseInt(args[0]) : 5_000;
    Path dir = Path.of(args.length > 1 ? args[1] : "bench-data");
    boolean postgres = args.length > 2 && args[2].equals("postgres");
    Files.createDirectories(dir);
    SlaEvaluator sla = SlaSettings.parse(POLICIES, "sla-bench.yaml");
    Instant start = Instant.parse("2026-01-05T08:00:00Z");
    Instant asOf = start.plus(Duration.ofDays(90));
    if (postgres) {
      try (var pg = io.zonky.test.db.postgres.embedded.EmbeddedPostgres.start();
          Store store = Store.open(pg.getJdbcUrl("postgres", "postgres"))) {
        run(store, sla, tickets, start, asOf);
      }
      return;
    }
    Path file = dir.resolve("sla-bench.duckdb");
    Files.deleteIfExists(file);
    Files.deleteIfExists(dir.resolve("sla-bench.duckdb.wal"));
    try (Store store = Store.open(file.toString())) {
      run(store, sla, tickets, start, asOf);
    }
  }

  static void run(Store store, SlaEvaluator sla, int tickets, Instant start, Instant asOf) {
    long events = generate(store, tickets, start, asOf, new Random(17));
    System.out.printf(
        Locale.ROOT, "%,d tickets, %,d events, %s%n", tickets, events, store.describe());
    // Tickets created over the last day before asOf are still open at asOf: some of their targets
    // fall due during the following day.
    refresh(store, sla, asOf, "first refresh");
    refresh(store, sla, asOf, "again, same instant");
    refresh(store, sla, asOf.plus(Duration.ofMinutes(5)), "5 minutes later");
    refresh(store, sla, asOf.plus(Duration.ofMinutes(10)), "10 minutes later");
    refresh(store, sla, asOf.plus(Duration.ofMinutes(65)), "65 minutes later (overruns)");
    refresh(store, sla, asOf.plus(Duration.ofMinutes(70)), "70 minutes later");
    refresh(store, sla, asOf.plus(Duration.ofDays(1)), "a day later");
    Instant later = asOf.plus(Duration.ofDays(1)).plus(Duration.ofMinutes(5));
    try (Loader loader = store.loader()) {
      RowSink ev = loader.sink(RecordType.TICKET_EVENTS);
      for (int i = 0; i < tickets; i += 100) {
        ev.accept(
            i, new Object[] {"T" + i, later.minusSeconds(60), "reply", null, null, "agent", "a1"});
      }
      loader.commit();
    }
    refresh(store, sla, later, "after new replies to 1% of tickets");
  }

  static void refresh(Store store, SlaEvaluator sla, Instant asOf, String what) {
    long before = store.dataVersion();
    long t0 = System.nanoTime();
    SlaTargets.Refresh r = SlaTargets.update(store, sla, asOf);
    long ms = (System.nanoTime() - t0) / 1_000_000;
    long after = store.dataVersion();
    System.out.printf(
        Locale.ROOT,
        "%-38s %7d ms  %,7d targets, %,6d tickets measured, %,6d rewritten (%,7d rows); data"
            + " version %s%n",
        what,
        ms,
        r.targets(),
        r.measured(),
        r.rewritten(),
        r.written(),
        after == before ? "unchanged" : "raised");
  }

  /** Tickets and timelines spread over the 90 days before {@code asOf}; returns the events. */
  static long generate(Store store, int tickets, Instant start, Instant asOf, Random r) {
    long events = 0;
    long span = Duration.between(start, asOf).toSeconds();
    try (Loader loader = store.loader()) {
      RowSink tk = loader.sink(RecordType.TICKETS);
      RowSink ev = loader.sink(RecordType.TICKET_EVENTS);
      for (int i = 0; i < tickets; i++) {
        String id = "T" + i;
        Instant t = start.plusSeconds((long) (span * (i + 0.5) / tickets));
        String priority = r.nextInt(10) == 0 ? "urgent" : r.nextInt(3) == 0 ? "high" : "normal";
        tk.accept(
            i,
            new Object[] {id, t, priority, null, "acme", null, r.nextBoolean() ? ",vip," : null});
        ev.accept(events++, new Object[] {id, t, "reply", null, null, "customer", null});
        ev.accept(events++, new Object[] {id, t, "status", "new", null, null, null});
        int replies = 1 + r.nextInt(4);
        for (int k = 0; k < replies; k++) {
          t = t.plusSeconds(600 + r.nextInt(6 * 3600));
          if (t.isAfter(asOf)) break;
          ev.accept(
              events++, new Object[] {id, t, "reply", null, null, "agent", "a" + r.nextInt(20)});
          ev.accept(events++, new Object[] {id, t, "status", "pending", null, null, null});
          t = t.plusSeconds(300 + r.nextInt(12 * 3600));
          if (t.isAfter(asOf)) break;
          ev.accept(events++, new Object[] {id, t, "reply", null, null, "customer", null});
          ev.accept(events++, new Object[] {id, t, "status", "open", null, null, null});
        }
        t = t.plusSeconds(60 + r.nextInt(3600));
        if (!t.isAfter(asOf) && r.nextInt(10) > 0) {
          ev.accept(events++, new Object[] {id, t, "status", "solved", null, null, null});
        }
      }
      loader.commit();
    }
    return events;
  }
}
