package io.yardstick.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.yardstick.alert.AlertSettings;
import io.yardstick.kpi.KpiSettings;
import io.yardstick.model.RecordType;
import io.yardstick.model.Survey;
import io.yardstick.model.SurveyKind;
import io.yardstick.store.Loader;
import io.yardstick.store.Store;
import io.yardstick.survey.SurveySettings;
import io.yardstick.user.Role;
import io.yardstick.user.Users;
import jakarta.mail.internet.MimeMessage;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.threeten.extra.MutableClock;

/**
 * Issue 18's acceptance, end to end: a case solved through POST /api/events invites its customer
 * once by e-mail (GreenMail, a real SMTP server), the e-mail's score link opens the public page in
 * real headless Chromium, which records the score with one click; a comment is added; CSAT and the
 * response rate change by exactly that answer; the same link clicked again changes nothing; a
 * forged token and, a fortnight later, the real one are refused.
 */
class SurveyEndToEndTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
  private static final String CHROMIUM = envOr("YARDSTICK_CHROMIUM", "/usr/bin/chromium");
  private static final String CHROMEDRIVER =
      envOr("YARDSTICK_CHROMEDRIVER", "/usr/bin/chromedriver");

  @RegisterExtension static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP);

  @TempDir Path dir;
  Store store;
  YardstickServer server;
  ChromeDriver browser;
  String token;
  int port;
  final MutableClock clock = MutableClock.of(NOW, ZoneOffset.UTC);
  final HttpClient http = HttpClient.newHttpClient();

  private static String envOr(String name, String fallback) {
    String v = System.getenv(name);
    return v == null || v.isBlank() ? fallback : v;
  }

  @BeforeEach
  void start() throws Exception {
    store = Store.open(dir.resolve("surveys.duckdb").toString());
    try (Loader loader = store.loader()) {
      loader
          .sink(RecordType.CUSTOMERS)
          .accept(
              1,
              new Object[] {
                "cust-1",
                LocalDate.of(2025, 1, 1),
                null,
                Map.of("email", "ana@example.com", "language", "es")
              });
      var surveys = loader.sink(RecordType.SURVEYS);
      int line = 0;
      for (int score : new int[] {5, 4, 2}) {
        surveys.accept(
            ++line,
            new Survey(
                    "old-" + line, SurveyKind.CSAT, score, NOW.minusSeconds(7200), null, null, null)
                .toRow());
      }
      loader.commit();
    }
    Users users = new Users(store, clock);
    users.add("mia", Role.MANAGER, null, "test-password-1", false);
    token = users.createToken("mia", "events");
    try (ServerSocket probe = new ServerSocket(0)) {
      port = probe.getLocalPort();
    }
    SurveySettings surveys =
        SurveySettings.parse(
            """
        surveys:
          base_url: http://localhost:%d
          rules:
            - name: csat-solved
              kind: csat
              after: case_solved
              channels: [email]
        """
                .formatted(port),
            "test settings");
    AlertSettings mail =
        AlertSettings.defaults()
            .withSmtp("127.0.0.1", ServerSetupTest.SMTP.getPort(), "surveys@example.com")
            .withRetries(2, Duration.ofMillis(20), Duration.ofMillis(100))
            .withEvaluateEvery(Duration.ofHours(1));
    server =
        YardstickServer.start(
            store,
            KpiSettings.defaults(),
            clock,
            port,
            mail,
            YardstickServer.Network.everywhere(),
            surveys);
  }

  @AfterEach
  void stop() {
    if (browser != null) browser.quit();
    server.close();
    store.close();
  }

  HttpResponse<String> call(String method, String path, String body, boolean auth)
      throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body))
            .header("Content-Type", "application/json");
    if (auth) b.header("Authorization", "Bearer " + token);
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  JsonNode kpis() throws Exception {
    HttpResponse<String> r =
        call(
            "GET",
            "/api/kpi?kpi=csat,survey_invitations,survey_response_rate"
                + "&from=2026-11-25&to=2026-11-25&tz=UTC",
            null,
            true);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return JSON.readTree(r.body()).get("rows").get(0).get("kpis");
  }

  long surveyRows() {
    return ((Number) store.query("SELECT COUNT(*) FROM surveys").get(0)[0]).longValue();
  }

  ChromeDriver browser() throws Exception {
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM);
    options.addArguments(
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--no-first-run",
        "--disable-dev-shm-usage",
        "--user-data-dir=" + Files.createTempDirectory(dir, "profile"),
        "--window-size=390,844",
        "--lang=es");
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(Path.of(CHROMEDRIVER).toFile())
            .usingAnyFreePort()
            .build();
    return new ChromeDriver(service, options);
  }

  WebDriverWait waiting() {
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(15));
    wait.pollingEvery(Duration.ofMillis(50));
    return wait;
  }

  @Test
  void a_solved_case_is_surveyed_once_and_its_answer_counts_exactly_once() throws Exception {
    String events =
        """
        [{"id": "e1", "type": "arrived", "at": "2026-11-25T09:00:00Z", "contact_id": "C1", "channel": "email",
          "case_id": "K1", "customer_id": "cust-1", "agent_id": "a1", "queue": "billing"},
         {"id": "e2", "type": "resolved", "at": "2026-11-25T09:30:00Z", "contact_id": "C1"}]""";
    assertThat(call("POST", "/api/events", events, true).statusCode()).isEqualTo(200);
    server.surveys().runSoon();
    server.surveys().await();
    assertThat(call("POST", "/api/events", events, true).statusCode()).isEqualTo(200); // a resend
    server.surveys().runSoon();
    server.surveys().await();

    MimeMessage[] mails = smtp.getReceivedMessages();
    assertThat(mails).hasSize(1);
    assertThat(mails[0].getAllRecipients()[0].toString()).isEqualTo("ana@example.com");
    String body = GreenMailUtil.getBody(mails[0]).replace("=\r\n", "").replace("=3D", "=");
    Matcher link =
        Pattern.compile(
                "http://localhost:" + port + "/survey\\.html\\?t=[A-Za-z0-9._%-]+&score=4&lang=es")
            .matcher(body);
    assertThat(link.find()).as(body).isTrue();
    String url = link.group();

    // Before: CSAT 5, 4, 2 -> 2 / 3 x 100 = 66.7%; 1 invitation sent, none answered -> response
    // rate 0%.
    JsonNode before = kpis();
    assertThat(before.get("csat").asDouble()).isEqualTo(200.0 / 3);
    assertThat(before.get("survey_invitations").asLong()).isEqualTo(1);
    assertThat(before.get("survey_response_rate").asDouble()).isEqualTo(0.0);
    long rows = surveyRows();

    browser = browser();
    browser.get(url);
    waiting()
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector(".status"), "Gracias: su puntuación 4 ha quedado registrada."));
    assertThat(browser.findElement(By.cssSelector("h1")).getText())
        .isEqualTo("¿Cuán satisfecho está con la ayuda recibida?");
    assertThat(browser.findElement(By.cssSelector(".scale button[aria-pressed=true]")).getText())
        .isEqualTo("4");
    browser.findElement(By.id("comment")).sendKeys("Rápido y amable");
    browser.findElement(By.cssSelector("button.send")).click();
    waiting()
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector(".status"), "Gracias por su respuesta."));

    // After: CSAT 5, 4, 2, 4 -> 3 / 4 x 100 = 75%; 1 of 1 invitation answered -> 100%; one more
    // survey row.
    JsonNode after = kpis();
    assertThat(after.get("csat").asDouble()).isEqualTo(75.0);
    assertThat(after.get("survey_response_rate").asDouble()).isEqualTo(100.0);
    assertThat(surveyRows()).isEqualTo(rows + 1);
    assertThat(
            store.query(
                "SELECT score, comment, contact_id, customer_id, agent_id FROM surveys WHERE survey_id"
                    + " LIKE 'invitation-%'"))
        .containsExactly(new Object[] {4L, "Rápido y amable", "C1", "cust-1", "a1"});

    // The same link again: the page shows the answer and nothing changes.
    browser.get(url);
    waiting()
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector(".status"), "Gracias: su puntuación 4 ha quedado registrada."));
    assertThat(browser.findElement(By.id("comment")).getDomProperty("value"))
        .isEqualTo("Rápido y amable");
    assertThat(kpis()).isEqualTo(after);
    assertThat(surveyRows()).isEqualTo(rows + 1);

    // A forged token: the same refusal as any link that is not ours.
    String forged = url.replaceFirst("t=([0-9a-f])", "t=" + (url.contains("t=0") ? "1" : "0"));
    browser.get(forged);
    waiting()
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector(".status"), "Este enlace de encuesta no es válido."));
    String t = URI.create(url).getQuery().split("&")[0].substring(2);
    int sig = t.lastIndexOf('.') + 1; // the signature's first character: all six of its bits count
    String altered =
        t.substring(0, sig) + (t.charAt(sig) == 'A' ? 'B' : 'A') + t.substring(sig + 1);
    assertThat(call("GET", "/api/public/survey?t=" + altered, null, false).statusCode())
        .isEqualTo(404);
    assertThat(call("GET", "/api/public/survey?t=nonsense", null, false).body())
        .contains("is not valid");

    // A fortnight and a day later the link has expired.
    clock.setInstant(NOW.plus(Duration.ofDays(15)));
    HttpResponse<String> expired =
        call(
            "POST",
            "/api/public/survey",
            "{\"t\": \""
                + java.net.URLDecoder.decode(t, java.nio.charset.StandardCharsets.UTF_8)
                + "\", \"score\": 1}",
            false);
    assertThat(expired.statusCode()).isEqualTo(410);
    browser.get(url);
    waiting()
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector(".status"), "Este enlace de encuesta ha caducado"));
    clock.setInstant(NOW);
    assertThat(kpis()).isEqualTo(after);
  }

  @Test
  void the_public_routes_are_bounded_and_say_nothing_about_customers() throws Exception {
    // Every unknown link answers the same, whatever customer it might have been for.
    HttpResponse<String> a = call("GET", "/api/public/survey?t=abc.def.ghi", null, false);
    HttpResponse<String> b =
        call("POST", "/api/public/survey/opt-out", "{\"t\": \"cust-1.x.y\"}", false);
    assertThat(a.statusCode()).isEqualTo(404);
    assertThat(b.statusCode()).isEqualTo(404);
    assertThat(JSON.readTree(a.body()).get("details"))
        .isEqualTo(JSON.readTree(b.body()).get("details"));
    // A body over 16 KB is refused before it is read.
    HttpResponse<String> big =
        call(
            "POST",
            "/api/public/survey",
            "{\"t\": \"x\", \"comment\": \"" + "x".repeat(20_000) + "\"}",
            false);
    assertThat(big.statusCode()).isEqualTo(413);
    // The manager routes need a log-in.
    assertThat(call("GET", "/api/surveys/invitations", null, false).statusCode()).isEqualTo(401);
    // 60 requests a minute per address (the default): the 61st and later are refused with
    // Retry-After.
    int refused = 0;
    for (int i = 0; i < 62; i++) {
      HttpResponse<String> r = call("GET", "/api/public/survey?t=x", null, false);
      if (r.statusCode() == 429) {
        refused++;
        assertThat(r.headers().firstValue("Retry-After")).contains("60");
      }
    }
    // 3 requests above came first: 62 + 3 = 65 in this minute, 5 over 60.
    assertThat(refused).isEqualTo(5);
  }
}
