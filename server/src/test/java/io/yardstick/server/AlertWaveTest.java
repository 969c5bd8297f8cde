package io.yardstick.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.yardstick.alert.AlertHistory;
import io.yardstick.alert.AlertSettings;
import io.yardstick.kpi.KpiSettings;
import io.yardstick.store.Store;
import io.yardstick.user.Role;
import io.yardstick.user.Users;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.threeten.extra.MutableClock;

/**
 * Issue 5's acceptance: a wave of long phone waits, sent through POST /api/events, fires the
 * 3-minute alarm once, notifies a real local webhook receiver and a real SMTP server (GreenMail)
 * exactly once, and resolves when the waits are answered; resent events change nothing, and a
 * restart sends nothing twice.
 */
class AlertWaveTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final String SECRET = "wave-secret";
  static final Instant NINE = Instant.parse("2026-11-25T09:00:00Z");

  @RegisterExtension static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP);

  @TempDir Path dir;
  Store store;
  YardstickServer server;
  WebhookReceiver receiver;
  final MutableClock clock = MutableClock.of(NINE, ZoneOffset.UTC);
  final HttpClient http = HttpClient.newHttpClient();
  String token;
  final ApiClient api =
      ApiClient.withToken(p -> "http://localhost:" + server.port() + p, () -> token);

  @BeforeEach
  void start() throws IOException {
    // The first call fails, so the delivery that counts comes from a retry with back-off.
    receiver = new WebhookReceiver(1);
    store = Store.open(dir.resolve("wave.duckdb").toString());
    Users users = new Users(store, clock);
    users.add("mia", Role.MANAGER, null, "test-password-1", false);
    token = users.createToken("mia", "events");
    server = startServer();
  }

  YardstickServer startServer() {
    return YardstickServer.start(
        store, KpiSettings.defaults(), clock, 0, alertSettings(ServerSetupTest.SMTP.getPort()));
  }

  /**
   * Alerts as these tests send them: signed webhooks to a local receiver, mail to a local SMTP
   * server, quick retries, and no evaluation on the timer (the tests evaluate).
   */
  static AlertSettings alertSettings(int smtpPort) {
    return AlertSettings.defaults()
        .withWebhookSecret(SECRET)
        .withPrivateWebhooks(true)
        .withSmtp("127.0.0.1", smtpPort, "yardstick@example.com")
        .withRetries(3, Duration.ofMillis(20), Duration.ofMillis(100))
        .withEvaluateEvery(Duration.ofHours(1));
  }

  @AfterEach
  void stop() {
    server.close();
    store.close();
    receiver.close();
  }

  /** Calls C{from}..C{to} arriving one second apart from the instant given. */
  static String arrivals(int from, int to, Instant first) {
    List<String> events = new ArrayList<>();
    for (int i = from; i <= to; i++) {
      events.add(
          "{\"id\": \"arr-"
              + i
              + "\", \"type\": \"arrived\", \"at\": \""
              + first.plusSeconds(i - from)
              + "\", \"contact_id\": \"C"
              + i
              + "\", \"channel\": \"phone\", \"queue\": \"billing\"}");
    }
    return "[" + String.join(", ", events) + "]";
  }

  static String answers(int from, int to, Instant at) {
    List<String> events = new ArrayList<>();
    for (int i = from; i <= to; i++) {
      events.add(
          "{\"id\": \"ans-"
              + i
              + "\", \"type\": \"answered\", \"at\": \""
              + at
              + "\", \"contact_id\": \"C"
              + i
              + "\", \"agent_id\": \"a1\"}");
    }
    return "[" + String.join(", ", events) + "]";
  }

  static String hmac(String body) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void a_wave_of_long_waits_fires_the_three_minute_alarm_once_notifies_once_and_resolves()
      throws Exception {
    String hook = receiver.url();
    JsonNode rule =
        api.postOk(
            "/api/alerts/rules",
            "{\"name\": \"Phone wait over 3 minutes\", \"kind\": \"longest_wait\","
                + " \"above\": 180, \"where\": [\"channel=phone\"], \"cool_down\": \"10m\", \"notify\": [\"webhook:"
                + hook
                + "\", \"email:supervisors@example.com\", \"log\"]}");
    assertThat(rule.get("id").asLong()).isEqualTo(1);

    // 09:00:00-09:00:19: twenty calls arrive and nobody answers.
    clock.setInstant(NINE.plusSeconds(20));
    assertThat(api.postOk("/api/events", arrivals(1, 20, NINE)).toString())
        .isEqualTo("{\"received\":20,\"applied\":20,\"duplicates\":0}");
    assertThat(new AlertHistory(store).latest(10)).isEmpty();

    // 09:03:10: the first call has waited 190 s; the next batch's live evaluation fires the alarm.
    clock.setInstant(NINE.plusSeconds(190));
    api.postOk("/api/events", arrivals(21, 25, NINE.plusSeconds(185)));
    server.alerts().awaitNotifications();
    assertThat(new AlertHistory(store).firing())
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.firedValue()).isEqualTo(190.0);
              assertThat(a.message())
                  .isEqualTo("longest wait (s) (channel=phone) is 190, above 180; 25 waiting");
            });

    // More calls, more long waits, a resend of the first batch: still the one alert, nothing new
    // stored.
    clock.setInstant(NINE.plusSeconds(230));
    api.postOk("/api/events", arrivals(26, 30, NINE.plusSeconds(225)));
    assertThat(api.postOk("/api/events", arrivals(1, 20, NINE)).toString())
        .isEqualTo("{\"received\":20,\"applied\":0,\"duplicates\":20}");
    assertThat(store.query("SELECT COUNT(*) FROM contacts").get(0)[0]).isEqualTo(30L);
    assertThat(api.getOk("/api/live").get("total").toString())
        .isEqualTo("{\"queue\":null,\"waiting\":30,\"longest_wait_s\":230,\"agents_available\":0}");
    server.alerts().evaluateAll();
    server.alerts().awaitNotifications();
    assertThat(new AlertHistory(store).latest(10)).hasSize(1);

    // 09:04: every call is answered; the alarm resolves.
    clock.setInstant(NINE.plusSeconds(240));
    api.postOk("/api/events", answers(1, 30, NINE.plusSeconds(240)));
    server.alerts().awaitNotifications();
    assertThat(new AlertHistory(store).firing()).isEmpty();
    assertThat(new AlertHistory(store).latest(10))
        .singleElement()
        .satisfies(a -> assertThat(a.resolvedAt()).isEqualTo(NINE.plusSeconds(240)));

    assertThat(receiver.deliveries())
        .extracting(WebhookReceiver.Delivery::key)
        .containsExactly("alert-1/fired/1", "alert-1/resolved/1");
    for (WebhookReceiver.Delivery d : receiver.deliveries()) {
      assertThat(d.signature()).isEqualTo(hmac(d.body()));
    }
    assertThat(JSON.readTree(receiver.deliveries().get(0).body()).get("alert").get("rule").asText())
        .isEqualTo("Phone wait over 3 minutes");
    assertThat(receiver.calls()).isEqualTo(3); // one 503, then the two deliveries
    MimeMessage[] mails = smtp.getReceivedMessages();
    assertThat(mails)
        .extracting(MimeMessage::getSubject)
        .containsExactly(
            "[Yardstick] FIRING: Phone wait over 3 minutes",
            "[Yardstick] RESOLVED: Phone wait over 3 minutes");
    assertThat(mails[0].getAllRecipients()[0].toString()).isEqualTo("supervisors@example.com");
    assertThat(new AlertHistory(store).notifications(1))
        .extracting(n -> n.target().replaceAll(":.*", "") + " " + n.transition() + " " + n.state())
        .containsExactly(
            "webhook fired sent",
            "email fired sent",
            "log fired sent",
            "webhook resolved sent",
            "email resolved sent",
            "log resolved sent");

    // A restart sends nothing again; the wave is over, so a new evaluation changes nothing.
    server.close();
    server = startServer();
    server.alerts().evaluateAll();
    server.alerts().awaitNotifications();
    assertThat(receiver.deliveries()).hasSize(2);
    assertThat(smtp.getReceivedMessages()).hasSize(2);
    assertThat(api.getOk("/api/alerts").get("history"))
        .as(api.getOk("/api/alerts").toString())
        .hasSize(1);
  }

  @Test
  void a_notification_left_sending_by_a_stop_is_sent_again_once_with_the_same_key()
      throws Exception {
    receiver.close();
    receiver = new WebhookReceiver(0); // no failing first call in this test
    String hook = receiver.url();
    api.postOk(
        "/api/alerts/rules",
        "{\"name\": \"Queue\", \"kind\": \"waiting\", \"above\": 2, \"notify\": [\"webhook:"
            + hook
            + "\"]}");
    server.close();
    // As if a server had recorded the alert and was stopped while sending: the row says sending.
    store.update(
        "INSERT INTO alerts (id, rule_id, fired_at, fired_value, threshold, message) VALUES (1, 1, ?, 3, 2,"
            + " 'contacts waiting is 3, above 2; 3 waiting')",
        NINE);
    store.update(
        "INSERT INTO alert_notifications (idempotency_key, alert_id, transition, target, state, attempts,"
            + " updated_at) VALUES ('alert-1/fired/1', 1, 'fired', ?, 'sending', 1, ?)",
        "webhook:" + hook,
        NINE);

    server = startServer();
    server.alerts().awaitNotifications();
    server.close();
    server = startServer();
    server.alerts().awaitNotifications();

    assertThat(receiver.deliveries())
        .extracting(WebhookReceiver.Delivery::key)
        .containsExactly("alert-1/fired/1");
    assertThat(new AlertHistory(store).notifications(1))
        .singleElement()
        .satisfies(n -> assertThat(n.state() + " " + n.attempts()).isEqualTo("sent 2"));
  }

  @Test
  void events_need_a_manager_and_a_bad_batch_is_refused_whole_with_the_reason() throws Exception {
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + "/api/events"))
                .header("Authorization", "Bearer " + token)
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "[{\"id\": \"b1\", \"type\": \"arrived\", \"at\": \"2026-11-25T09:00:00Z\", \"contact_id\": \"X1\","
                            + " \"channel\": \"chat\"}, {\"id\": \"b2\", \"type\": \"answerd\", \"at\": \"2026-11-25T09:00:05Z\","
                            + " \"contact_id\": \"X1\"}]"))
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(r.body()).get("details").asText())
        .isEqualTo(
            "Event 2 (id b2): type 'answerd' is not an"
                + " event type (did you mean answered?); expected one of arrived, answered, first_response, abandoned, resolved, transferred, survey,"
                + " agent_state.");
    assertThat(store.query("SELECT COUNT(*) FROM contacts").get(0)[0]).isEqualTo(0L);
    assertThat(Map.of("events", store.query("SELECT COUNT(*) FROM events").get(0)[0]))
        .containsEntry("events", 0L);
  }
}
