package io.yardstick.bench;

import io.yardstick.alert.AlertRule;
import io.yardstick.alert.AlertRules;
import io.yardstick.alert.AlertSettings;
import io.yardstick.kpi.KpiSettings;
import io.yardstick.model.RecordType;
import io.yardstick.server.YardstickServer;
import io.yardstick.store.Store;
import io.yardstick.user.Role;
import io.yardstick.user.Users;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sustained event ingestion through the HTTP API (issue 5, speed): CLIENTS concurrent clients each
 * POST batches of BATCH events to /api/events (a contact's arrived, answered and resolved events,
 * in order per contact) into a fresh DuckDB store, with two live alert rules evaluated after every
 * commit. Reports events per second, p50/p95/p99 latency per batch, then counts what the store
 * holds: every event id and every contact, so that no event was lost.
 *
 * <p>Usage: {@code EventBenchmark [EVENTS] [BATCH] [CLIENTS] [DIR]} (default 600000 1000 4
 * bench-data).
 */
public final class EventBenchmark {
  public static void main(String[] args) throws Exception {
    int events = args.length > 0 ? Integer.parseInt(args[0]) : 600_000;
    int batch = args.length > 1 ? Integer.parseInt(args[1]) : 1_000;
    int clients = args.length > 2 ? Integer.parseInt(args[2]) : 4;
    Path dir = Path.of(args.length > 3 ? args[3] : "bench-data");
    Files.createDirectories(dir);
    Path file = dir.resolve("events-bench.duckdb");
    Files.deleteIfExists(file);
    Files.deleteIfExists(dir.resolve("events-bench.duckdb.wal"));
    int contactsPerClient = events / clients / 3;
    int batchesPerClient = contactsPerClient * 3 / batch;
    System.out.printf(
        Locale.ROOT,
        "Event ingestion: %,d events (%,d contacts x 3) in batches of %,d from %d clients,"
            + " fresh DuckDB store %s%n",
        (long) contactsPerClient * 3 * clients,
        (long) contactsPerClient * clients,
        batch,
        clients,
        file);
    try (Store store = Store.open(file.toString())) {
      Users users = new Users(store, Clock.systemUTC());
      users.add("bench", Role.MANAGER, null);
      String token = users.createToken("bench", "event benchmark");
      AlertRules rules = new AlertRules(store, Clock.systemUTC());
      rules.add(
          AlertRule.builder("Wait over 3 minutes", AlertRule.Kind.LONGEST_WAIT).above(180).build());
      rules.add(AlertRule.builder("Over 5000 waiting", AlertRule.Kind.WAITING).above(5000).build());
      try (YardstickServer server =
          YardstickServer.start(
              store, KpiSettings.defaults(), Clock.systemUTC(), 0, AlertSettings.defaults())) {
        URI uri = URI.create("http://localhost:" + server.port() + "/api/events");
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        // Warm-up: a separate set of contacts, not timed.
        runClients(
            http,
            uri,
            token,
            "w",
            clients,
            Math.max(batch, 30_000 / clients / 3),
            batch,
            new ConcurrentLinkedQueue<>());
        long warm = ((Number) store.query("SELECT COUNT(*) FROM events").get(0)[0]).longValue();

        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        long t0 = System.nanoTime();
        long sent = runClients(http, uri, token, "c", clients, contactsPerClient, batch, latencies);
        double seconds = (System.nanoTime() - t0) / 1e9;

        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        long stored =
            ((Number) store.query("SELECT COUNT(*) FROM events").get(0)[0]).longValue() - warm;
        long contacts =
            ((Number)
                    store.query(
                            "SELECT COUNT(*) FROM contacts WHERE contact_id LIKE 'c%' AND"
                                + " resolved")
                        .get(0)[0])
                .longValue();
        System.out.printf(
            Locale.ROOT,
            "  %,d events in %.1f s: %,.0f events/s; %,d batches, latency p50 %.1f ms,"
                + " p95 %.1f ms, p99 %.1f ms, max %.1f ms%n",
            sent,
            seconds,
            sent / seconds,
            sorted.size(),
            pct(sorted, 0.50),
            pct(sorted, 0.95),
            pct(sorted, 0.99),
            sorted.get(sorted.size() - 1) / 1e6);
        System.out.printf(
            Locale.ROOT,
            "  stored: %,d event ids (%s), %,d contacts resolved (expected %,d), %,d"
                + " contacts in all%n",
            stored,
            stored == sent ? "none lost" : "MISMATCH",
            contacts,
            (long) contactsPerClient * clients,
            store.count(RecordType.CONTACTS));
        if (stored != sent || contacts != (long) contactsPerClient * clients) System.exit(1);
      }
    }
  }

  private static double pct(List<Long> sorted, double p) {
    return sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(p * sorted.size()) - 1)) / 1e6;
  }

  /**
   * Each client sends its own contacts' events in order: arrived(i), answered(i-100),
   * resolved(i-200).
   */
  private static long runClients(
      HttpClient http,
      URI uri,
      String token,
      String prefix,
      int clients,
      int contacts,
      int batch,
      ConcurrentLinkedQueue<Long> latencies)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    AtomicLong sent = new AtomicLong();
    List<Future<?>> futures = new ArrayList<>();
    Instant start = Instant.now().minus(Duration.ofHours(1));
    for (int c = 0; c < clients; c++) {
      int client = c;
      futures.add(
          pool.submit(
              () -> {
                StringBuilder body = new StringBuilder(batch * 160);
                int inBatch = 0;
                for (int step = 0; step < contacts + 200; step++) {
                  for (int kind = 0; kind < 3; kind++) {
                    int i = step - kind * 100;
                    if (i < 0 || i >= contacts) continue;
                    String id = prefix + client + "-" + i;
                    Instant at = start.plusMillis(i * 10L + kind * 20_000L);
                    body.append(inBatch == 0 ? "[" : ",");
                    switch (kind) {
                      case 0 ->
                          body.append("{\"id\":\"")
                              .append(id)
                              .append("-a\",\"type\":\"arrived\",\"at\":\"")
                              .append(at)
                              .append("\",\"contact_id\":\"")
                              .append(id)
                              .append("\",\"channel\":\"phone\",\"queue\":\"q")
                              .append(i % 7)
                              .append("\"}");
                      case 1 ->
                          body.append("{\"id\":\"")
                              .append(id)
                              .append("-b\",\"type\":\"answered\",\"at\":\"")
                              .append(at)
                              .append("\",\"contact_id\":\"")
                              .append(id)
                              .append("\",\"agent_id\":\"a")
                              .append(i % 50)
                              .append("\"}");
                      default ->
                          body.append("{\"id\":\"")
                              .append(id)
                              .append("-c\",\"type\":\"resolved\",\"at\":\"")
                              .append(at)
                              .append("\",\"contact_id\":\"")
                              .append(id)
                              .append("\",\"talk_s\":180}");
                    }
                    if (++inBatch == batch) {
                      send(http, uri, token, body.append(']').toString(), latencies);
                      sent.addAndGet(inBatch);
                      body.setLength(0);
                      inBatch = 0;
                    }
                  }
                }
                if (inBatch > 0) {
                  send(http, uri, token, body.append(']').toString(), latencies);
                  sent.addAndGet(inBatch);
                }
                return null;
              }));
    }
    for (Future<?> f : futures) f.get();
    pool.shutdown();
    return sent.get();
  }

  private static void send(
      HttpClient http, URI uri, String token, String body, ConcurrentLinkedQueue<Long> latencies)
      throws Exception {
    long t = System.nanoTime();
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(uri)
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    latencies.add(System.nanoTime() - t);
    if (r.statusCode() != 200)
      throw new IllegalStateException("HTTP " + r.statusCode() + ": " + r.body());
  }
}
