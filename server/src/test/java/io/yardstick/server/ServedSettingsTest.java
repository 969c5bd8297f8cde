package io.yardstick.server;

import static io.yardstick.server.TestServer.MIA;
import static io.yardstick.server.TestServer.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import io.yardstick.alert.AlertSettings;
import io.yardstick.server.ApiClient.Response;
import io.yardstick.settings.Settings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13: the server answers with the settings file it was started with, every section of it; it
 * used to read the goals' section from the environment's file whatever --settings said.
 */
class ServedSettingsTest {
  @Test
  void a_goal_to_the_end_of_the_fiscal_year_ends_where_the_served_settings_file_says(
      @TempDir Path dir) throws Exception {
    Path file =
        Files.writeString(
            dir.resolve("april.yaml"),
            """
        goals:
          fiscal_year_start_month: 4
        benchmarks:
          fcr: {low: 70, high: 75}
        """);
    Settings settings = Settings.load(file);
    TestServer shared = TestServer.get();
    try (YardstickServer server =
        YardstickServer.start(
            shared.store,
            settings,
            TestServer.CLOCK,
            0,
            AlertSettings.defaults(),
            YardstickServer.Network.everywhere())) {
      ApiClient manager =
          ApiClient.loggedIn(path -> "http://localhost:" + server.port() + path, MIA, PASSWORD);
      // From 1 July 2026 (the test clock's day) a fiscal year that starts in April ends on 31 March
      // 2027; with the
      // built-in January start it would end on 31 December 2026.
      Response made =
          manager.post(
              "/api/goals",
              Map.of(
                  "kpi",
                  "csat",
                  "target",
                  90,
                  "from",
                  "2026-07-01",
                  "by",
                  "end-of-fiscal-year",
                  "tz",
                  "Europe/Madrid",
                  "name",
                  "fiscal"));
      assertThat(made.status()).as(made.body().toString()).isEqualTo(201);
      assertThat(made.body().get("goal").get("by").asText()).isEqualTo("2027-03-31");
      manager.delete("/api/goals/" + made.body().get("goal").get("id").asLong());
      // The KPI part of the same file: its benchmark for FCR.
      for (var k : manager.get("/api/kpis").body().get("kpis")) {
        if (k.get("id").asText().equals("fcr")) {
          assertThat(k.get("benchmark").get("text").asText()).isEqualTo("70-75%");
          assertThat(k.get("benchmark").get("source").asText()).isEqualTo("settings file " + file);
        }
      }
    }
  }

  /**
   * Issue 12, part 11: the labels section of the served file names queues and topics per language;
   * GET /api/labels gives them to the pages (which show the language's name, else the English one,
   * else the id).
   */
  @Test
  void the_labels_of_the_served_settings_file_name_topics_and_queues_per_language(@TempDir Path dir)
      throws Exception {
    Path file =
        Files.writeString(
            dir.resolve("labels.yaml"),
            """
        labels:
          topic:
            product_info: {en: Product information, es: Información de producto, ca: Informació de producte}
            plan_change: Plan change
          queue:
            general: {en: General line, ro: Linia generală}
        """);
    TestServer shared = TestServer.get();
    try (YardstickServer server =
        YardstickServer.start(
            shared.store,
            Settings.load(file),
            TestServer.CLOCK,
            0,
            AlertSettings.defaults(),
            YardstickServer.Network.everywhere())) {
      ApiClient agent =
          ApiClient.loggedIn(path -> "http://localhost:" + server.port() + path, MIA, PASSWORD);
      var labels = agent.get("/api/labels").body().get("labels");
      assertThat(labels.get("topic").get("product_info").get("es").asText())
          .isEqualTo("Información de producto");
      assertThat(labels.get("topic").get("product_info").has("ro"))
          .isFalse(); // the page falls back to English
      assertThat(labels.get("topic").get("plan_change").get("ca").asText())
          .isEqualTo("Plan change");
      assertThat(labels.get("queue").get("general").get("ro").asText()).isEqualTo("Linia generală");

      // Issue 16: a report's PDF and CSV name them as the pages do; the CSV keeps the ids.
      long id =
          agent
              .post(
                  "/api/views",
                  java.util.Map.of(
                      "name", "Topics", "page", "topics", "period", "2026-06-01..2026-06-30"))
              .body()
              .get("id")
              .asLong();
      String pdf = ReportApiTest.text(agent.bytes("/api/views/" + id + "/pdf?lang=es"));
      assertThat(pdf).contains("Información de producto", "Plan change");
      String csv =
          new String(
              agent.bytes("/api/views/" + id + "/csv/2-breakdown.csv?lang=es"),
              java.nio.charset.StandardCharsets.UTF_8);
      assertThat(csv)
          .startsWith("topic,topic_name,")
          .contains("product_info,Información de producto,");
    }
  }
}
