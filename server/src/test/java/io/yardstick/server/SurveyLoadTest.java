package io.yardstick.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.yardstick.alert.AlertSettings;
import io.yardstick.event.EventIngestor;
import io.yardstick.kpi.Kpi;
import io.yardstick.kpi.KpiEngine;
import io.yardstick.kpi.KpiSettings;
import io.yardstick.model.RecordType;
import io.yardstick.store.Loader;
import io.yardstick.store.Store;
import io.yardstick.survey.InvitationSender;
import io.yardstick.survey.SurveySettings;
import io.yardstick.survey.Surveys;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.threeten.extra.MutableClock;

/**
 * Issue 18's load acceptance: 1,000 answers through the public route from 32 concurrent clients,
 * then the same 1,000 again: every answer is kept once (1,000 survey rows, CSAT by hand), none
 * lost, none counted twice, in bounded time. Prints the time taken (docs/surveys.md quotes it).
 */
class SurveyLoadTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final int ANSWERS = 1_000;
  static final int CLIENTS = 32;
  static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

  @TempDir Path dir;

  @Test
  void a_thousand_concurrent_answers_are_each_counted_exactly_once() throws Exception {
    MutableClock clock = MutableClock.of(NOW, ZoneOffset.UTC);
    try (Store store = Store.open(dir.resolve("load.duckdb").toString())) {
      try (Loader loader = store.loader()) {
        var contacts = loader.sink(RecordType.CONTACTS);
        for (int i = 0; i < ANSWERS; i++) {
          Object[] row = new Object[RecordType.CONTACTS.fields().size()];
          row[RecordType.CONTACTS.indexOf("contact_id")] = "C" + i;
          row[RecordType.CONTACTS.indexOf("channel")] = i % 2 == 0 ? "chat" : "email";
          row[RecordType.CONTACTS.indexOf("direction")] = "inbound";
          row[RecordType.CONTACTS.indexOf("arrived_at")] = NOW.minusSeconds(3600);
          row[RecordType.CONTACTS.indexOf("resolved")] = true;
          row[RecordType.CONTACTS.indexOf("resolved_at")] = NOW.minusSeconds(600);
          contacts.accept(i + 1, row);
        }
        loader.commit();
      }
      SurveySettings settings =
          SurveySettings.parse(
              """
          surveys:
            base_url: http://localhost
            public_requests_per_minute: 100000
            rules:
              - {name: chat-csat, kind: csat, after: case_solved, send: link}
          """,
              "load settings");
      List<String> tokens = new ArrayList<>();
      try (EventIngestor setup = new EventIngestor(store, clock)) {
        Surveys surveys =
            new Surveys(
                store, clock, settings, setup, InvitationSender.standard(AlertSettings.defaults()));
        for (int i = 0; i < ANSWERS; i++)
          tokens.add(surveys.token(surveys.link("C" + i, "chat-csat")));
      }
      try (YardstickServer server =
          YardstickServer.start(
              store,
              KpiSettings.defaults(),
              clock,
              0,
              AlertSettings.defaults(),
              YardstickServer.Network.everywhere(),
              settings)) {
        HttpClient http =
            HttpClient.newBuilder().executor(Executors.newFixedThreadPool(CLIENTS)).build();
        Map<String, Integer> statuses = new ConcurrentHashMap<>();
        long started = System.nanoTime();
        answerAll(http, server.port(), tokens, statuses);
        double firstSeconds = (System.nanoTime() - started) / 1e9;
        answerAll(http, server.port(), tokens, statuses); // every answer again: unchanged
        double bothSeconds = (System.nanoTime() - started) / 1e9;

        System.out.printf(
            "Survey load: %d answers from %d clients in %.1f s (%.0f/s); the same again, unchanged,"
                + " %.1f s%n",
            ANSWERS, CLIENTS, firstSeconds, ANSWERS / firstSeconds, bothSeconds - firstSeconds);
        // Answer i scores i % 5 + 1: 200 of each score 1..5; satisfied (4, 5) 400 of 1,000: 40%.
        assertThat(statuses).isEqualTo(Map.of("200 recorded", ANSWERS, "200 unchanged", ANSWERS));
        assertThat(
                store
                    .query(
                        "SELECT COUNT(*), COUNT(DISTINCT survey_id), CAST(SUM(score) AS BIGINT) FROM"
                            + " surveys")
                    .get(0))
            .containsExactly(1000L, 1000L, 3000L); // 200 x (1 + 2 + 3 + 4 + 5) = 3,000
        var row =
            new KpiEngine(store)
                .computeWindow(
                    NOW.minusSeconds(86_400),
                    NOW.plusSeconds(86_400),
                    ZoneId.of("UTC"),
                    List.of(Kpi.CSAT, Kpi.SURVEY_INVITATIONS, Kpi.SURVEY_RESPONSE_RATE),
                    List.of());
        assertThat(row.values())
            .containsEntry(Kpi.CSAT, 40.0)
            .containsEntry(Kpi.SURVEY_INVITATIONS, 1000L)
            .containsEntry(Kpi.SURVEY_RESPONSE_RATE, 100.0);
        assertThat(firstSeconds).as("1,000 answers within the bound").isLessThan(120);
      }
    }
  }

  private static void answerAll(
      HttpClient http, int port, List<String> tokens, Map<String, Integer> statuses)
      throws Exception {
    ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int i = 0; i < tokens.size(); i++) {
        String body = JSON.writeValueAsString(Map.of("t", tokens.get(i), "score", i % 5 + 1));
        done.add(
            clients.submit(
                () -> {
                  HttpResponse<String> r =
                      http.send(
                          HttpRequest.newBuilder(
                                  URI.create("http://localhost:" + port + "/api/public/survey"))
                              .timeout(Duration.ofSeconds(60))
                              .header("Content-Type", "application/json")
                              .POST(HttpRequest.BodyPublishers.ofString(body))
                              .build(),
                          HttpResponse.BodyHandlers.ofString());
                  JsonNode json = JSON.readTree(r.body());
                  String key =
                      r.statusCode()
                          + " "
                          + (json.has("outcome")
                              ? json.get("outcome").asText()
                              : json.path("title").asText());
                  statuses.merge(key, 1, Integer::sum);
                  return null;
                }));
      }
      for (Future<?> f : done) f.get();
    } finally {
      clients.shutdown();
    }
  }
}
