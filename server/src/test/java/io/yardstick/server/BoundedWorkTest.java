package io.yardstick.server;

import static io.yardstick.server.TestServer.ANA;
import static io.yardstick.server.TestServer.MIA;
import static io.yardstick.server.TestServer.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import io.yardstick.kpi.Kpi;
import io.yardstick.kpi.KpiQuery;
import io.yardstick.kpi.KpiResult;
import io.yardstick.kpi.Limits;
import io.yardstick.server.ApiClient.Response;
import io.yardstick.server.api.Admission;
import io.yardstick.server.api.ResultCache;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 11, finding 1: no user can take the server down. Repeats the crash (distinct ten-year
 * hourly series, one after the other and all at once, by an agent) against the running test server
 * on 127.0.0.1, bounded in count and time, while /health is timed.
 */
class BoundedWorkTest {
  private static TestServer server;
  private static ApiClient agent;
  private static ApiClient manager;

  @BeforeAll
  static void start() {
    server = TestServer.get();
    agent = ApiClient.loggedIn(server, ANA, PASSWORD);
    manager = ApiClient.loggedIn(server, MIA, PASSWORD);
  }

  private static String hugeSeries(int day) {
    return String.format("/api/series?unit=hour&from=2016-01-%02d&to=2026-12-31&kpi=contacts", day);
  }

  @Test
  void distinct_ten_year_hourly_series_are_refused_and_health_stays_fast_meanwhile()
      throws Exception {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    URI health = URI.create(server.url("/health"));
    http.send(
        HttpRequest.newBuilder(health).build(),
        HttpResponse.BodyHandlers.ofString()); // warm the connection
    List<Long> healthMillis = Collections.synchronizedList(new ArrayList<>());
    AtomicBoolean done = new AtomicBoolean();
    Thread prober =
        Thread.ofPlatform()
            .start(
                () -> {
                  while (!done.get()) {
                    long t = System.nanoTime();
                    try {
                      HttpResponse<String> r =
                          http.send(
                              HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(5)).build(),
                              HttpResponse.BodyHandlers.ofString());
                      healthMillis.add(
                          r.statusCode() == 200
                              ? (System.nanoTime() - t) / 1_000_000
                              : Long.MAX_VALUE);
                      Thread.sleep(20);
                    } catch (Exception e) {
                      healthMillis.add(Long.MAX_VALUE);
                    }
                  }
                });
    List<Response> answers = new ArrayList<>();
    for (int day = 1;
        day <= 12;
        day++) { // the 16 of the report crashed it; 12 filled the old generation
      answers.add(agent.get(hugeSeries(day)));
    }
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<Response>> concurrent = new ArrayList<>();
      for (int day = 13; day <= 28; day++) {
        int d = day;
        concurrent.add(pool.submit(() -> agent.get(hugeSeries(d))));
      }
      for (Future<Response> f : concurrent) {
        answers.add(f.get(60, TimeUnit.SECONDS));
      }
      // And work that is allowed: a year of hours each (8,760 buckets), distinct, all at once.
      List<Future<Response>> allowed = new ArrayList<>();
      for (int day = 1; day <= 8; day++) {
        String year =
            String.format(
                "/api/series?unit=hour&from=2025-07-%02d&to=2026-07-%02d&kpi=contacts,aht",
                day, day);
        allowed.add(pool.submit(() -> agent.get(year)));
      }
      for (Future<Response> f : allowed) {
        Response r = f.get(60, TimeUnit.SECONDS);
        assertThat(r.status()).as(r.body().toString()).isIn(200, 503);
        if (r.status() == 200) assertThat(r.body().get("rows").size()).isGreaterThan(8_700);
      }
    } finally {
      pool.shutdownNow();
      done.set(true);
      prober.join(10_000);
    }
    assertThat(answers)
        .hasSize(28)
        .allSatisfy(
            r -> {
              assertThat(r.status()).isEqualTo(400);
              assertThat(r.body().get("details").asText())
                  .contains(
                      "10,000 rows per answer is the limit (limits.max_rows in the settings file)")
                  .contains("a coarser time unit (day, week or month)");
            });
    assertThat(healthMillis).isNotEmpty();
    // The fault this guards against stalled /health for tens of seconds; 2 s leaves room for a
    // shared, loaded machine
    // (the probes' figures are printed below, and the API benchmark measures latency properly).
    assertThat(Collections.max(healthMillis))
        .as("slowest /health in ms of %s", healthMillis.size())
        .isLessThan(2000);
    List<Long> sorted = new ArrayList<>(healthMillis);
    Collections.sort(sorted);
    System.out.printf(
        "BoundedWorkTest: %d /health probes during the load, median %d ms, slowest %d ms%n",
        sorted.size(), sorted.get(sorted.size() / 2), sorted.get(sorted.size() - 1));
    assertThat(
            agent.get("/api/series?unit=day&from=2026-06-01&to=2026-06-30&kpi=contacts").status())
        .isEqualTo(200);
  }

  @Test
  void a_batch_over_the_event_limit_is_refused_naming_the_limit() {
    List<Map<String, Object>> events = new ArrayList<>();
    for (int i = 0; i < 1_001; i++) {
      events.add(
          Map.of(
              "id",
              "bounded-" + i,
              "type",
              "arrived",
              "at",
              "2026-06-30T10:00:00Z",
              "contact_id",
              "bounded-c" + i,
              "channel",
              "phone",
              "queue",
              "billing"));
    }
    Response r = manager.post("/api/events", events);
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.body().get("details").asText())
        .isEqualTo(
            "The batch has 1001 events; send at most 1000 per request"
                + " (limits.max_events_per_batch in the settings file), in several batches.");
  }

  @Test
  void a_body_over_the_limit_is_refused_before_it_is_read_on_every_route() {
    String big = "[" + "0,".repeat(1_100_000) + "0]"; // 2.2 MB, over the 2 MiB of every route
    for (String path : List.of("/api/events", "/api/login", "/api/goals", "/api/alerts/rules")) {
      Response r = manager.postRaw(path, big);
      assertThat(r.status()).as(path).isEqualTo(413);
      assertThat(r.body().get("details").asText())
          .as(path)
          .startsWith(
              "The body has 2200003 bytes; at most 2097152"
                  + " bytes are read per request (limits.max_body_kilobytes in the settings file).");
    }
  }

  @Test
  void a_body_of_unknown_length_is_refused() {
    Response r = manager.postStream("/api/events", new ByteArrayInputStream("[]".getBytes()));
    assertThat(r.status()).isEqualTo(411);
    assertThat(r.body().get("title").asText()).isEqualTo("Length required");
  }

  @Test
  void the_result_cache_is_bounded_by_bytes_not_entries() {
    ResultCache cache = new ResultCache(1L << 20);
    for (int day = 1; day <= 20; day++) {
      KpiQuery q =
          new KpiQuery(
              LocalDate.of(2026, 1, day),
              LocalDate.of(2026, 12, 31),
              ZoneId.of("UTC"),
              List.of(Kpi.CONTACTS));
      KpiResult big = result(q, 2_000); // about 330 KB each
      assertThat(cache.get(q, 1, () -> big)).isSameAs(big);
    }
    assertThat(cache.bytes()).isPositive().isLessThanOrEqualTo(1L << 20);
  }

  private static KpiResult result(KpiQuery q, int rows) {
    List<KpiResult.Row> list = new ArrayList<>();
    for (int i = 0; i < rows; i++) {
      LinkedHashMap<Kpi, Number> values = new LinkedHashMap<>();
      values.put(Kpi.CONTACTS, (long) i);
      list.add(new KpiResult.Row(Map.of("hour", "2026-01-01T" + i), values));
    }
    return new KpiResult(q, list);
  }

  @Test
  void a_heavy_question_beyond_the_concurrent_limit_waits_then_answers_503_with_retry_after()
      throws Exception {
    CountDownLatch running = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    Admission admission =
        new Admission(Limits.defaults().withMaxConcurrentQueries(1, Duration.ofMillis(100)));
    Javalin app = Javalin.create(c -> c.showJavalinBanner = false);
    admission.guard(app, List.of("/api/kpi"));
    app.exception(
        io.yardstick.server.api.ApiException.class,
        (e, ctx) ->
            ctx.status(e.status())
                .header("Retry-After", Long.toString(e.retryAfterSeconds()))
                .result(e.getMessage()));
    app.get(
        "/api/kpi",
        ctx -> {
          running.countDown();
          release.await(10, TimeUnit.SECONDS);
          ctx.result("done");
        });
    app.get("/health", ctx -> ctx.result("ok"));
    app.start("127.0.0.1", 0);
    try {
      HttpClient http = HttpClient.newHttpClient();
      URI kpi = URI.create("http://127.0.0.1:" + app.port() + "/api/kpi");
      var first =
          http.sendAsync(HttpRequest.newBuilder(kpi).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(running.await(5, TimeUnit.SECONDS)).isTrue();
      HttpResponse<String> second =
          http.send(HttpRequest.newBuilder(kpi).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(second.statusCode()).isEqualTo(503);
      assertThat(second.headers().firstValue("Retry-After")).hasValue("5");
      assertThat(second.body()).contains("limits.max_concurrent_queries");
      HttpResponse<String> health =
          http.send(
              HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + "/health"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(health.statusCode()).isEqualTo(200);
      release.countDown();
      assertThat(first.get(5, TimeUnit.SECONDS).body()).isEqualTo("done");
      assertThat(admission.free()).isEqualTo(1);
    } finally {
      app.stop();
    }
  }
}
