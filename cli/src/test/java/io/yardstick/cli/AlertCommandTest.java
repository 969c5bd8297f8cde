package io.yardstick.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.yardstick.model.Contact;
import io.yardstick.model.RecordType;
import io.yardstick.store.Loader;
import io.yardstick.store.Store;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code yardstick alert} as a user meets it: add, list, evaluate once, history; exit codes and
 * messages.
 */
class AlertCommandTest {
  @TempDir Path dir;

  record Run(int code, String out, String err) {}

  Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
    return new Run(code, out.toString(), err.toString());
  }

  String db() {
    return dir.resolve("alerts.duckdb").toString();
  }

  @Test
  void a_rule_is_added_listed_evaluated_once_and_its_alert_shows_in_the_history() {
    Instant nine = Instant.parse("2026-11-25T09:00:00Z");
    try (Store store = Store.open(db());
        Loader loader = store.loader()) {
      var sink = loader.sink(RecordType.CONTACTS);
      sink.accept(1, Contact.builder("C1", "phone", nine).queue("billing").build().toRow());
      sink.accept(
          2, Contact.builder("C2", "phone", nine.plusSeconds(60)).queue("billing").build().toRow());
      sink.accept(
          3,
          Contact.builder("C3", "chat", nine)
              .queue("billing")
              .answeredAt(nine.plusSeconds(5))
              .build()
              .toRow());
      loader.commit();
    }

    Run add =
        run(
            "alert",
            "add",
            "--name",
            "Long waits",
            "--kind",
            "longest_wait",
            "--above",
            "180",
            "--where",
            "channel=phone",
            "--cool-down",
            "30m",
            "--db",
            db());
    assertThat(add.err()).isEmpty();
    assertThat(add.out())
        .isEqualTo(
            "Added alert rule 1: longest wait (s) where channel=phone above 180, cool-down"
                + " 30m; notify log.\n");
    Run kpi =
        run(
            "alert",
            "add",
            "--name",
            "Abandons",
            "--kpi",
            "abandonment_rate",
            "--above-benchmark",
            "--window",
            "1h",
            "--min-volume",
            "20",
            "--db",
            db());
    assertThat(kpi.out())
        .isEqualTo(
            "Added alert rule 2: abandonment_rate over 1h above the benchmark, at least 20"
                + " contacts; notify log.\n");

    // 09:03:30: C1 has waited 210 s
    Run evaluate = run("alert", "evaluate", "--at", "2026-11-25T09:03:30Z", "--db", db());
    assertThat(evaluate.code()).isZero();
    assertThat(evaluate.out())
        .isEqualTo(
            "FIRED Long waits: longest wait (s) (channel=phone) is 210, above 180; 2"
                + " waiting\n1 alert(s) changed; 1 notification(s) sent.\n");
    assertThat(run("alert", "evaluate", "--at", "2026-11-25T09:04:00Z", "--db", db()).out())
        .isEqualTo("No alert changed.\n");

    Run list = run("alert", "list", "--db", db());
    assertThat(list.out())
        .startsWith("id  name        state   rule")
        .contains("1   Long waits  FIRING")
        .contains("2   Abandons    ok");
    Run history = run("alert", "history", "--format", "json", "--db", db());
    assertThat(history.out())
        .startsWith(
            "{\"alerts\":[{\"id\":1,\"rule_id\":1,\"rule\":\"Long waits\",\"status\":"
                + "\"firing\",\"fired_at\":\"2026-11-25T09:03:30Z\",\"value\":210.0,\"threshold\":180.0");
  }

  @Test
  void a_rule_without_a_threshold_is_a_usage_error() {
    Run r = run("alert", "add", "--name", "x", "--kind", "waiting", "--db", db());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("Error: Missing required argument");
  }

  @Test
  void an_sla_rule_notifies_each_target_falling_due_once_when_tickets_are_imported()
      throws Exception {
    // t1 (urgent) was created 30 minutes ago without a reply; its first reply (1h) falls due in
    // 30 minutes, within the rule's 1h. The import runs on the real clock, so the times are
    // relative to now.
    Instant created = Instant.now().minusSeconds(1800).truncatedTo(ChronoUnit.SECONDS);
    Path settings = dir.resolve("yardstick.yaml");
    Files.writeString(
        settings,
        """
        sla_policies:
          - name: urgent
            when: {priority: urgent}
            targets: {first_reply: 1h}
        """);
    Path tickets = dir.resolve("tickets.csv");
    Files.writeString(
        tickets, "case_id,created_at,priority,status\nt1," + created + ",urgent,new\n");
    Store.open(db()).close();
    Run add =
        run(
            "alert",
            "add",
            "--name",
            "Urgent replies due",
            "--kind",
            "sla_due",
            "--within",
            "1h",
            "--where",
            "priority=urgent",
            "--db",
            db());
    assertThat(add.err()).isEmpty();
    assertThat(add.out())
        .isEqualTo(
            "Added alert rule 1: SLA targets falling due within 1h where priority=urgent, each"
                + " target once; notify log.\n");

    String[] importArgs = {
      "import", "tickets", tickets.toString(), "--settings", settings.toString(), "--db", db()
    };
    Run first = run(importArgs);
    assertThat(first.err()).isEmpty();
    assertThat(first.out())
        .contains(
            "SLA alerts: 1 target notified by 1 alert (1 notification sent; yardstick alert"
                + " history shows them).");
    // the same file again: the target was notified already
    Run again = run(importArgs);
    assertThat(again.code()).isZero();
    assertThat(again.out()).doesNotContain("SLA alerts");
    Run history = run("alert", "history", "--format", "json", "--db", db());
    assertThat(history.out())
        .contains(
            "1 SLA target falls due within 1h (priority=urgent): case t1 first_reply (policy"
                + " urgent) due "
                + created.plusSeconds(3600));
  }

  @Test
  void an_sla_rule_takes_within_and_no_threshold() {
    Run noWithin = run("alert", "add", "--name", "x", "--kind", "sla_due", "--db", db());
    assertThat(noWithin.code()).isEqualTo(1);
    assertThat(noWithin.err())
        .isEqualTo(
            "yardstick: An sla_due rule needs --within: how long before its due time a target is"
                + " notified, such as 2h.\n");
    Run threshold =
        run("alert", "add", "--name", "x", "--kind", "sla_breached", "--above", "1", "--db", db());
    assertThat(threshold.err())
        .isEqualTo(
            "yardstick: An sla_breached rule takes no threshold: it notifies each SLA target"
                + " once.\n");
    Run metric =
        run(
            "alert",
            "add",
            "--name",
            "x",
            "--kind",
            "sla_due",
            "--within",
            "1h",
            "--where",
            "metric=first_response",
            "--db",
            db());
    assertThat(metric.err())
        .isEqualTo(
            "yardstick: metric 'first_response' is not an SLA target; expected first_reply,"
                + " next_reply, periodic_update or resolution.\n");
  }
}
