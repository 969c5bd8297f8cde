package io.yardstick.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.yardstick.ingest.ImportSource;
import io.yardstick.kpi.KpiSettings;
import io.yardstick.model.RecordType;
import io.yardstick.sla.SlaSettings;
import io.yardstick.sla.SlaTargets;
import io.yardstick.store.Store;
import io.yardstick.user.Role;
import io.yardstick.user.Users;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.threeten.extra.MutableClock;

/**
 * Issue 17, part 4: an SLA rule made through the API, evaluated after an event batch, notifies a
 * real local webhook receiver (signed) and a real SMTP server (GreenMail) once per target; more
 * batches, an evaluation and a restart send nothing again.
 *
 * <p>Ticket t1 (urgent, policy first_reply 1h) was created at 09:00 with no reply: its first reply
 * falls due at 09:00 + 1h = 10:00. At 09:30 a rule "due within 1h" sees it (10:00 is in (09:30,
 * 10:30]).
 */
class SlaAlertTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final String SECRET = AlertWaveTest.SECRET;
  static final Instant NINE = Instant.parse("2026-11-25T09:00:00Z");

  @RegisterExtension
  static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

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
  void start() throws Exception {
    receiver = new WebhookReceiver(0);
    store = Store.open(dir.resolve("sla.duckdb").toString());
    store.importFile(
        RecordType.TICKETS,
        ImportSource.of(
            "tickets.csv",
            "case_id,created_at,priority,status\nt1,2026-11-25T09:00:00Z,urgent,new\n"
                .getBytes(StandardCharsets.UTF_8)),
        b -> {});
    Users users = new Users(store, clock);
    users.add("mia", Role.MANAGER, null, "test-password-1", false);
    token = users.createToken("mia", "events");
    server = startServer();
  }

  YardstickServer startServer() {
    return YardstickServer.start(
        store,
        KpiSettings.defaults(),
        clock,
        0,
        AlertWaveTest.alertSettings(smtp.getSmtp().getPort()));
  }

  @AfterEach
  void stop() {
    server.close();
    store.close();
    receiver.close();
  }

  static String arrival(int i, Instant at) {
    return "[{\"id\": \"arr-"
        + i
        + "\", \"type\": \"arrived\", \"at\": \""
        + at
        + "\", \"contact_id\": \"C"
        + i
        + "\", \"channel\": \"email\"}]";
  }

  @Test
  void a_target_falling_due_is_notified_once_by_webhook_and_email_after_an_event_batch()
      throws Exception {
    String hook = receiver.url();
    JsonNode rule =
        api.postOk(
            "/api/alerts/rules",
            "{\"name\": \"Urgent replies due\", \"kind\": \"sla_due\", \"within\": \"1h\","
                + " \"where\": [\"priority=urgent\"], \"notify\": [\"webhook:"
                + hook
                + "\", \"email:supervisors@example.com\"]}");
    assertThat(rule.get("kind").asText()).isEqualTo("sla_due");
    assertThat(rule.get("within").asText()).isEqualTo("1h");
    assertThat(rule.get("threshold").isNull()).isTrue();

    // 09:30: the targets as the server's refresh leaves them; the next event batch evaluates
    clock.setInstant(NINE.plusSeconds(1800));
    SlaTargets.refresh(
        store,
        SlaSettings.parse(
            "sla_policies:\n  - name: urgent\n    when: {priority: urgent}\n"
                + "    targets: {first_reply: 1h}\n",
            "yardstick.yaml"),
        clock.instant());
    api.postOk("/api/events", arrival(1, NINE.plusSeconds(1790)));
    server.alerts().awaitNotifications();
    assertThat(receiver.deliveries()).hasSize(1);
    WebhookReceiver.Delivery d = receiver.deliveries().get(0);
    assertThat(d.signature()).isEqualTo(AlertWaveTest.hmac(d.body()));
    JsonNode body = JSON.readTree(d.body());
    assertThat(body.get("transition").asText()).isEqualTo("fired");
    // the targets as data too, so that a receiver can act on each case
    assertThat(body.get("sla_targets").toString())
        .isEqualTo(
            "[{\"case_id\":\"t1\",\"metric\":\"first_reply\",\"policy\":\"urgent\","
                + "\"started_at\":\"2026-11-25T09:00:00Z\",\"due_at\":\"2026-11-25T10:00:00Z\"}]");
    assertThat(body.get("alert").get("message").asText())
        .isEqualTo(
            "1 SLA target falls due within 1h (priority=urgent): case t1 first_reply (policy"
                + " urgent) due 2026-11-25T10:00:00Z");
    MimeMessage[] mails = smtp.getReceivedMessages();
    assertThat(mails)
        .extracting(MimeMessage::getSubject)
        .containsExactly("[Yardstick] FIRING: Urgent replies due");

    // 09:40: another batch, an evaluation of every rule, a restart: still once
    clock.setInstant(NINE.plusSeconds(2400));
    api.postOk("/api/events", arrival(2, NINE.plusSeconds(2390)));
    server.alerts().evaluateAll();
    server.alerts().awaitNotifications();
    server.close();
    server = startServer();
    server.alerts().evaluateAll();
    server.alerts().awaitNotifications();
    assertThat(receiver.deliveries()).hasSize(1);
    assertThat(smtp.getReceivedMessages()).hasSize(1);
  }

  @Test
  void an_sla_rule_with_a_threshold_or_without_within_is_refused_before_it_is_stored()
      throws Exception {
    for (String[] c :
        new String[][] {
          {
            "{\"name\": \"x\", \"kind\": \"sla_due\"}",
            "An sla_due rule needs 'within': how long before its due time a target is notified,"
                + " such as 2h."
          },
          {
            "{\"name\": \"x\", \"kind\": \"sla_breached\", \"above\": 3}",
            "An sla_breached rule takes no threshold: it notifies each SLA target once."
          },
          {
            "{\"name\": \"x\", \"kind\": \"sla_due\", \"within\": \"1h\", \"where\":"
                + " [\"channel=email\"]}",
            "An SLA rule filters by priority, tag and metric only; 'channel' is not known of an"
                + " SLA target."
          }
        }) {
      HttpResponse<String> r =
          http.send(
              HttpRequest.newBuilder(
                      URI.create("http://localhost:" + server.port() + "/api/alerts/rules"))
                  .header("Authorization", "Bearer " + token)
                  .header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofString(c[0]))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
      assertThat(JSON.readTree(r.body()).toString()).contains(JSON.writeValueAsString(c[1]));
    }
    assertThat(store.query("SELECT COUNT(*) FROM alert_rules").get(0)[0]).isEqualTo(0L);
  }
}
