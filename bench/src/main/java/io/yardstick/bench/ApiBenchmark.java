package io.yardstick.bench;

import io.yardstick.ingest.ImportSource;
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
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The dashboard's overview API under load (issue 4, item 7): the three requests an overview page
 * makes (headline tiles with the previous period, daily sparklines, volume by channel) against a
 * store, from N concurrent clients for a while, with and without a channel filter. Reports the
 * first (cold) page, then p50/p95/p99 latency and requests per second while the cache is warm, then
 * the first page after an import (which must recompute: the data version moved).
 *
 * <p>Usage: {@code ApiBenchmark STORE [CLIENTS] [SECONDS]}.
 */
public final class ApiBenchmark {
  private static final String HEADLINE =
      "contacts,abandonment_rate,service_level,asa,aht,fcr,csat,nps,occupancy,"
          + "cost_per_contact";

  public static void main(String[] args) throws Exception {
    String location = args[0];
    int clients = args.length > 1 ? Integer.parseInt(args[1]) : 20;
    int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 20;
    try (Store store = Store.open(location)) {
      Instant last = (Instant) store.query("SELECT MAX(arrived_at) FROM contacts").get(0)[0];
      ZoneId zone = ZoneId.of("Europe/Madrid");
      LocalDate to = LocalDate.ofInstant(last, zone).minusDays(1);
      LocalDate from = to.minusDays(29);
      long contacts = store.count(RecordType.CONTACTS);
      Users users = new Users(store, Clock.systemUTC());
      if (users.find("bench").isEmpty()) users.add("bench", Role.MANAGER, null);
      String token = users.createToken("bench", "api benchmark");
      try (YardstickServer server =
          YardstickServer.start(store, KpiSettings.defaults(), Clock.systemUTC(), 0)) {
        String base = "http://localhost:" + server.port();
        String period = "from=" + from + "&to=" + to + "&tz=" + zone.getId();
        List<String> overview =
            List.of(
                base + "/api/kpi?" + period + "&compare=previous&kpi=" + HEADLINE,
                base + "/api/series?" + period + "&unit=day&kpi=contacts,service_level,csat,aht",
                base + "/api/kpi?" + period + "&by=channel&kpi=contacts");
        HttpClient http =
            HttpClient.newBuilder().executor(Executors.newVirtualThreadPerTaskExecutor()).build();
        System.out.printf(
            Locale.ROOT,
            "store %s: %,d contacts; overview of %s..%s (%s); %d clients, %d s a phase%n",
            location,
            contacts,
            from,
            to,
            zone,
            clients,
            seconds);

        System.out.printf(
            Locale.ROOT,
            "cold overview (first page after start): %.0f ms%n",
            page(http, token, overview));
        System.out.printf(
            Locale.ROOT, "second overview (cached): %.1f ms%n", page(http, token, overview));
        load(http, token, overview, List.of(""), clients, seconds, "warm, no filter");
        List<String> filters =
            List.of(
                "",
                "&where=channel=phone",
                "&where=channel=chat",
                "&where=channel=email",
                "&where=channel=phone,chat",
                "&where=channel=social");
        load(http, token, overview, filters, clients, seconds, "warm, 6 filter variants");

        Path one = Files.createTempFile("bench-contact", ".csv");
        Files.writeString(
            one,
            "contact_id,channel,arrived_at\nbench-import-"
                + System.nanoTime()
                + ",phone,"
                + to.atTime(12, 0).atZone(zone).toInstant()
                + "\n");
        long before = store.dataVersion();
        store.importFile(RecordType.CONTACTS, ImportSource.of(one.toString()), b -> {});
        System.out.printf(
            Locale.ROOT,
            "after an import (data version %d -> %d): first overview %.0f ms, then %.1f ms%n",
            before,
            store.dataVersion(),
            page(http, token, overview),
            page(http, token, overview));
        Files.deleteIfExists(one);
      }
    }
  }

  /** One overview page: its three requests in parallel, as a browser makes them; milliseconds. */
  private static double page(HttpClient http, String token, List<String> urls) throws Exception {
    long t = System.nanoTime();
    List<java.util.concurrent.CompletableFuture<HttpResponse<String>>> all = new ArrayList<>();
    for (String u : urls) {
      all.add(http.sendAsync(request(token, u), HttpResponse.BodyHandlers.ofString()));
    }
    for (var f : all) {
      HttpResponse<String> r = f.get();
      if (r.statusCode() != 200) throw new IllegalStateException(r.statusCode() + " " + r.body());
    }
    return (System.nanoTime() - t) / 1e6;
  }

  private static void load(
      HttpClient http,
      String token,
      List<String> overview,
      List<String> filters,
      int clients,
      int seconds,
      String label)
      throws Exception {
    ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
    AtomicLong errors = new AtomicLong();
    long end = System.nanoTime() + seconds * 1_000_000_000L;
    try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int c = 0; c < clients; c++) {
        int client = c;
        pool.submit(
            () -> {
              int i = client;
              while (System.nanoTime() < end) {
                String url =
                    overview.get(i % overview.size())
                        + filters.get((i / overview.size()) % filters.size());
                i++;
                long t = System.nanoTime();
                try {
                  HttpResponse<String> r =
                      http.send(request(token, url), HttpResponse.BodyHandlers.ofString());
                  if (r.statusCode() != 200) errors.incrementAndGet();
                } catch (Exception e) {
                  errors.incrementAndGet();
                }
                latencies.add(System.nanoTime() - t);
              }
              return null;
            });
      }
    }
    List<Long> sorted = new ArrayList<>(latencies);
    Collections.sort(sorted);
    System.out.printf(
        Locale.ROOT,
        "%-24s requests %,d (%.0f/s), errors %d, p50 %.1f ms, p95 %.1f ms, p99 %.1f ms,"
            + " max %.0f ms%n",
        label,
        sorted.size(),
        sorted.size() / (double) seconds,
        errors.get(),
        pct(sorted, 0.50),
        pct(sorted, 0.95),
        pct(sorted, 0.99),
        sorted.get(sorted.size() - 1) / 1e6);
  }

  private static double pct(List<Long> sorted, double p) {
    return sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(p * sorted.size()) - 1)) / 1e6;
  }

  private static HttpRequest request(String token, String url) {
    return HttpRequest.newBuilder(URI.create(url))
        .header("Authorization", "Bearer " + token)
        .GET()
        .build();
  }
}
