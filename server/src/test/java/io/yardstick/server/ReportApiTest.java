package io.yardstick.server;

import static io.yardstick.server.TestServer.ANA;
import static io.yardstick.server.TestServer.MIA;
import static io.yardstick.server.TestServer.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.yardstick.kpi.Kpi;
import io.yardstick.report.ReportText;
import io.yardstick.server.ApiClient.Response;
import io.yardstick.server.api.ReportBundles;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Saved views over HTTP on the test server's demo (June 2026, Madrid): the PDF holds exactly the
 * numbers the API gives for the view, an agent's report is their own, and the PDF's first page is
 * rendered to PNG for a person to look at (server/target/reports/).
 */
class ReportApiTest {
  private static TestServer server;
  private static ApiClient manager;
  private static ApiClient agent;

  @BeforeAll
  static void start() {
    server = TestServer.get();
    manager = ApiClient.loggedIn(server, MIA, PASSWORD);
    agent = ApiClient.loggedIn(server, ANA, PASSWORD);
  }

  private static long save(ApiClient client, Map<String, Object> view) {
    Response r = client.post("/api/views", view);
    assertThat(r.status()).as(r.body().toString()).isEqualTo(201);
    return r.body().get("id").asLong();
  }

  private static Map<String, Object> juneByChannel() {
    return Map.of(
        "name",
        "June by channel",
        "page",
        "channels",
        "period",
        "2026-06-01..2026-06-30",
        "tz",
        "Europe/Madrid",
        "kpis",
        List.of("contacts", "abandonment_rate", "service_level", "asa", "aht", "csat"),
        "compare",
        true,
        "shared",
        List.of("manager"));
  }

  static String text(byte[] pdf) throws IOException {
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      return new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
    }
  }

  @Test
  void the_pdf_holds_exactly_the_numbers_the_api_gives_for_the_view() throws IOException {
    long id = save(manager, juneByChannel());
    JsonNode report = manager.get("/api/views/" + id + "/report").body();
    assertThat(report.get("from").asText()).isEqualTo("2026-06-01");
    // The report's numbers are /api/kpi's for the same question.
    JsonNode kpi =
        manager
            .get(
                "/api/kpi?from=2026-06-01&to=2026-06-30&tz=Europe/Madrid&compare=previous"
                    + "&kpi=contacts,abandonment_rate,service_level,asa,aht,csat")
            .body();
    JsonNode tiles = report.get("sections").get(0).get("result");
    assertThat(tiles.get("rows").get(0)).isEqualTo(kpi.get("rows").get(0));

    String pdf = text(manager.bytes("/api/views/" + id + "/pdf?lang=en"));
    ReportText en = ReportBundles.text("en");
    List<String> expected = new ArrayList<>();
    JsonNode overall = tiles.get("rows").get(0).get("kpis");
    for (String k :
        List.of("contacts", "abandonment_rate", "service_level", "asa", "aht", "csat")) {
      Kpi kpiOf = Kpi.byId(k).orElseThrow();
      JsonNode c = overall.get(k);
      // One row of the numbers table: name, value, previous, change, exactly as the API's values
      // print.
      expected.add(
          en.kpiName(kpiOf)
              + " "
              + en.value(kpiOf, number(c.get("value")))
              + " "
              + en.value(kpiOf, number(c.get("previous")))
              + " "
              + en.change(kpiOf, number(c.get("change"))));
    }
    JsonNode byChannel = report.get("sections").get(1).get("result").get("rows");
    for (JsonNode row : byChannel) {
      if (row.get("group").isEmpty()) continue;
      StringBuilder line =
          new StringBuilder(en.dimValue("channel", row.get("group").get("channel").asText()));
      for (String k :
          List.of("contacts", "abandonment_rate", "service_level", "asa", "aht", "csat")) {
        line.append(' ')
            .append(en.value(Kpi.byId(k).orElseThrow(), number(row.get("kpis").get(k))));
      }
      expected.add(line.toString());
    }
    assertThat(expected).hasSizeGreaterThan(6);
    assertThat(pdf).contains(expected);
    assertThat(pdf)
        .contains(
            "June by channel",
            "June 1, 2026 – June 30, 2026",
            "Europe/Madrid",
            Kpi.ASA.formula(),
            "Page 1 of");

    // The CSV of the breakdown has one line per channel and the raw values.
    assertThat(report.get("csv").toString())
        .isEqualTo("[\"1-tiles.csv\",\"2-breakdown.csv\",\"3-trend.csv\"]");
  }

  /** Issue 16: channels are named as the pages name them; the CSV keeps the ids beside. */
  @Test
  void the_pdf_and_csv_name_channels_in_the_report_language_and_the_csv_keeps_their_ids()
      throws IOException {
    Map<String, Object> body = new java.util.HashMap<>(juneByChannel());
    body.put("where", List.of("channel=phone,email"));
    long id = save(manager, body);
    String pdf = text(manager.bytes("/api/views/" + id + "/pdf?lang=es"));
    // The filter and the breakdown's rows: "Canal: teléfono, correo electrónico", "teléfono 703".
    assertThat(pdf)
        .contains("Canal: teléfono, correo electrónico")
        .containsPattern("teléfono \\d")
        .containsPattern("correo electrónico \\d");
    assertThat(pdf).doesNotContain("channel=phone", " email ");
    String csv =
        new String(
            manager.bytes("/api/views/" + id + "/csv/2-breakdown.csv?lang=es"),
            java.nio.charset.StandardCharsets.UTF_8);
    assertThat(csv.lines().findFirst().orElseThrow()).startsWith("channel,channel_name,contacts,");
    assertThat(csv).contains("\r\nemail,correo electrónico,", "\r\nphone,teléfono,");
    String english =
        new String(
            manager.bytes("/api/views/" + id + "/csv/2-breakdown.csv?lang=en"),
            java.nio.charset.StandardCharsets.UTF_8);
    assertThat(english).contains("\r\nemail,e-mail,");
  }

  @Test
  void the_pdf_in_each_language_renders_and_its_first_page_is_kept_as_png() throws IOException {
    long id = save(manager, juneByChannel());
    Path out = Path.of("target", "reports");
    Files.createDirectories(out);
    for (String lang : List.of("en", "es", "ca", "ro")) {
      byte[] bytes = manager.bytes("/api/views/" + id + "/pdf?lang=" + lang);
      Files.write(out.resolve("report-" + lang + ".pdf"), bytes);
      try (PDDocument doc = Loader.loadPDF(bytes)) {
        BufferedImage page = new PDFRenderer(doc).renderImageWithDPI(0, 110);
        ImageIO.write(page, "png", out.resolve("report-" + lang + "-page-1.png").toFile());
        assertThat(doc.getNumberOfPages()).isGreaterThanOrEqualTo(2);
      }
      String text = text(bytes);
      ReportText t = ReportBundles.text(lang);
      assertThat(text).contains(t.t("report.definitions"), t.kpiName(Kpi.ABANDONMENT_RATE));
    }
    assertThat(text(Files.readAllBytes(out.resolve("report-ro.pdf"))))
        .contains("Definițiile indicatorilor");
    assertThat(text(Files.readAllBytes(out.resolve("report-es.pdf")))).contains("Página 1 de");
  }

  @Test
  void
      an_agent_sees_a_view_shared_with_agents_but_only_their_own_numbers_and_cannot_see_private_ones() {
    Map<String, Object> body = new java.util.HashMap<>(juneByChannel());
    body.put("shared", List.of("agent"));
    body.put("where", List.of("agent=agent-001"));
    long shared = save(manager, body);
    long priv = save(manager, Map.of("name", "Mine", "page", "overview", "period", "last_month"));
    JsonNode views = agent.get("/api/views").body().get("views");
    List<Long> ids = new ArrayList<>();
    views.forEach(v -> ids.add(v.get("id").asLong()));
    assertThat(ids).contains(shared).doesNotContain(priv);
    assertThat(agent.get("/api/views/" + priv + "/report").status()).isEqualTo(404);
    JsonNode report = agent.get("/api/views/" + shared + "/report").body();
    assertThat(report.get("restriction").toString()).isEqualTo("[\"agent=agent-003\"]");
    JsonNode own =
        agent.get("/api/kpi?from=2026-06-01&to=2026-06-30&tz=Europe/Madrid&kpi=contacts").body();
    assertThat(
            report
                .get("sections")
                .get(0)
                .get("result")
                .get("rows")
                .get(0)
                .get("kpis")
                .get("contacts")
                .get("value"))
        .isEqualTo(own.get("rows").get(0).get("kpis").get("contacts"));
    // An agent cannot change or schedule a manager's view.
    assertThat(agent.delete("/api/views/" + shared).status()).isEqualTo(403);
    assertThat(
            agent
                .post(
                    "/api/views/" + shared + "/schedules",
                    Map.of("cadence", "daily@08:00", "targets", List.of("email:a@example.com")))
                .status())
        .isEqualTo(403);
  }

  @Test
  void a_bad_view_is_refused_with_the_field_named_and_nothing_is_stored() {
    int before = manager.get("/api/views").body().get("views").size();
    Response r =
        manager.post(
            "/api/views", Map.of("name", "x", "page", "overview", "period", "last_fortnight"));
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.body().get("details").asText())
        .startsWith("'last_fortnight' is not a 'period'; expected one of");
    Response s =
        manager.post(
            "/api/views",
            Map.of(
                "name",
                "x",
                "page",
                "overview",
                "period",
                "last_week",
                "where",
                List.of("channel")));
    assertThat(s.status()).isEqualTo(400);
    assertThat(manager.get("/api/views").body().get("views").size()).isEqualTo(before);
  }

  @Test
  void a_manager_schedules_a_view_sends_it_now_and_reads_the_history() {
    long id = save(manager, juneByChannel());
    Response s =
        manager.post(
            "/api/views/" + id + "/schedules",
            Map.of(
                "cadence",
                "weekly:mon@08:00",
                "language",
                "es",
                "targets",
                List.of("teams:https://example.invalid/hook")));
    assertThat(s.status()).as(s.body().toString()).isEqualTo(201);
    long sid = s.body().get("id").asLong();
    assertThat(s.body().get("cadence").asText()).isEqualTo("weekly:mon@08:00");
    Response sent = manager.post("/api/schedules/" + sid + "/send", Map.of());
    assertThat(sent.body().get("recorded").toString()).startsWith("[\"report-" + sid + "/now-");
    JsonNode history = manager.get("/api/schedules/" + sid + "/history").body().get("deliveries");
    assertThat(history).hasSize(1);
    // example.invalid never resolves: the delivery failed and says why.
    assertThat(history.get(0).get("state").asText()).isEqualTo("failed");
    Response bad =
        manager.post(
            "/api/views/" + id + "/schedules",
            Map.of("cadence", "hourly", "targets", List.of("email:a@example.com")));
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.body().get("details").asText()).startsWith("'hourly' is not a 'cadence'");
    // A probe of the running server: internal webhook addresses were stored and only refused when
    // sent; now, as for
    // alert rules, they are refused when the schedule is made.
    for (String internal :
        List.of(
            "teams:http://169.254.169.254/latest/meta-data/",
            "slack:http://127.0.0.1:8080/hook",
            "slack:http://[::1]/x",
            "teams:http://10.0.0.5/x")) {
      Response refused =
          manager.post(
              "/api/views/" + id + "/schedules",
              Map.of("cadence", "daily@08:00", "targets", List.of(internal)));
      assertThat(refused.status()).as(internal).isEqualTo(400);
      assertThat(refused.body().get("details").asText()).contains("internal address");
    }
  }

  private static Number number(JsonNode n) {
    if (n == null || n.isNull()) return null;
    return n.isIntegralNumber() ? (Number) n.asLong() : (Number) n.asDouble();
  }
}
