package io.yardstick.alert;

import static org.assertj.core.api.Assertions.assertThat;

import io.yardstick.ingest.ImportSource;
import io.yardstick.model.RecordType;
import io.yardstick.sla.SlaEvaluator;
import io.yardstick.sla.SlaSettings;
import io.yardstick.sla.SlaTargets;
import io.yardstick.store.Store;
import io.yardstick.store.StoreKit;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.threeten.extra.MutableClock;

/**
 * Issue 17, part 4: alerts before and at an SLA breach, on every store. Three tickets in calendar
 * time (no business hours, so every due time is creation or start plus the target):
 *
 * <pre>
 * policies: urgent (priority urgent): first_reply 1h, resolution 8h
 *           standard (the rest):      first_reply 4h, next_reply 2h, resolution 2d
 * a1 urgent, created 08:00, customer message 08:00, no reply yet
 *    first_reply due 08:00 + 1h = 09:00; resolution due 08:00 + 8h = 16:00
 * a2 normal, created 08:00, customer 08:00, agent 08:30 (first reply met), customer 09:00
 *    next_reply from 09:00, due 09:00 + 2h = 11:00; resolution due 08:00 + 48h = 05-06 08:00
 * a3 normal, tag vip, created 07:00, customer 07:00, no reply yet
 *    first_reply due 07:00 + 4h = 11:00; resolution due 07:00 + 48h = 05-06 07:00
 * </pre>
 *
 * (all on 2026-05-04, UTC). The targets are refreshed at each instant the test evaluates, as the
 * server and the import do.
 */
public abstract class SlaAlertKit extends StoreKit {
  static final SlaEvaluator SLA =
      SlaSettings.parse(
          """
          sla_policies:
            - name: urgent
              when: {priority: urgent}
              targets: {first_reply: 1h, resolution: 8h}
            - name: standard
              targets: {first_reply: 4h, next_reply: 2h, resolution: 2d}
          """,
          "yardstick.yaml");

  protected Store store;
  final MutableClock clock = MutableClock.of(at("08:00"), ZoneOffset.UTC);
  final List<Notification> sent = new ArrayList<>();

  static Instant at(String hhmm) {
    return Instant.parse("2026-05-04T" + hhmm + ":00Z");
  }

  @BeforeEach
  void fill() throws Exception {
    store = newStore();
    load(
        RecordType.TICKETS,
        "tickets.csv",
        """
        case_id,created_at,priority,status,tags
        a1,2026-05-04T08:00:00Z,urgent,new,
        a2,2026-05-04T08:00:00Z,normal,open,
        a3,2026-05-04T07:00:00Z,normal,new,vip
        """);
    load(
        RecordType.TICKET_EVENTS,
        "events.csv",
        """
        case_id,occurred_at,kind,status,priority,actor
        a1,2026-05-04T08:00:00Z,reply,,,customer
        a2,2026-05-04T08:00:00Z,reply,,,customer
        a2,2026-05-04T08:30:00Z,reply,,,agent
        a2,2026-05-04T08:30:00Z,status,open,,
        a2,2026-05-04T09:00:00Z,reply,,,customer
        a3,2026-05-04T07:00:00Z,reply,,,customer
        """);
  }

  @AfterEach
  void close() {
    store.close();
  }

  private void load(RecordType type, String name, String text) {
    store.importFile(type, ImportSource.of(name, text.getBytes(StandardCharsets.UTF_8)), b -> {});
  }

  private AlertRule add(AlertRule rule) {
    return new AlertRules(store, clock).add(rule);
  }

  /** Refreshes the targets at the instant, evaluates the SLA rules and sends what they found. */
  private List<AlertEvaluator.Transition> evaluateAt(String hhmm) {
    clock.setInstant(at(hhmm));
    SlaTargets.refresh(store, SLA, clock.instant());
    // a new evaluator each time: nothing is remembered in memory, as after a restart
    List<AlertEvaluator.Transition> t =
        AlertEvaluator.slaOnly(store, clock).evaluate(AlertEvaluator.Scope.SLA);
    new Notifications(store, clock, Map.of("log", sent::add)).dispatch();
    return t;
  }

  private static AlertRule due(String name, String within, String... where) {
    return AlertRule.builder(name, AlertRule.Kind.SLA_DUE)
        .within(Durations.parse(within))
        .where(where)
        .build();
  }

  @Test
  void a_target_falling_due_within_the_window_is_notified_once() {
    AlertRule rule = add(due("Due within 1h", "1h"));
    // 08:10: due in (08:10, 09:10]: a1 first_reply (09:00) only; a2's next reply (11:00), a3's
    // first reply (11:00) and the resolutions are later
    List<AlertEvaluator.Transition> first = evaluateAt("08:10");
    assertThat(first).hasSize(1);
    Alert a = first.get(0).alert();
    assertThat(a.firedValue()).isEqualTo(1.0);
    assertThat(a.threshold()).isEqualTo(3600.0);
    assertThat(a.message())
        .isEqualTo(
            "1 SLA target falls due within 1h: case a1 first_reply (policy urgent) due"
                + " 2026-05-04T09:00:00Z");
    assertThat(sent).hasSize(1);
    assertThat(sent.get(0).transition()).isEqualTo("fired");
    assertThat(sent.get(0).idempotencyKey()).isEqualTo("alert-" + a.id() + "/fired/1");
    assertThat(sent.get(0).alert().ruleId()).isEqualTo(rule.id());

    // 08:20 and 08:55: a1 first_reply still due within the hour, already notified: nothing
    assertThat(evaluateAt("08:20")).isEmpty();
    assertThat(evaluateAt("08:55")).isEmpty();
    assertThat(sent).hasSize(1);

    // 10:05: due in (10:05, 11:05]: a2 next_reply and a3 first_reply (both 11:00), in one alert,
    // ordered by due time then case; a1 first_reply is breached now (not open), not due
    List<AlertEvaluator.Transition> second = evaluateAt("10:05");
    assertThat(second).hasSize(1);
    assertThat(second.get(0).alert().message())
        .isEqualTo(
            "2 SLA targets fall due within 1h: case a2 next_reply (policy standard) due"
                + " 2026-05-04T11:00:00Z; case a3 first_reply (policy standard) due"
                + " 2026-05-04T11:00:00Z");
    assertThat(sent).hasSize(2);
    assertThat(
            store.query("SELECT COUNT(*) FROM sla_alert_notices WHERE rule_id = ?", rule.id())
                .get(0)[0])
        .isEqualTo(3L);
  }

  @Test
  void a_breach_is_notified_once_when_its_due_time_has_passed() {
    add(AlertRule.builder("Breached", AlertRule.Kind.SLA_BREACHED).build()); // made at 08:00
    // 08:59: nothing due yet
    assertThat(evaluateAt("08:59")).isEmpty();
    // 10:05: a1 first_reply fell due at 09:00 unanswered: breached
    List<AlertEvaluator.Transition> first = evaluateAt("10:05");
    assertThat(first).hasSize(1);
    assertThat(first.get(0).alert().message())
        .isEqualTo(
            "1 SLA target was breached: case a1 first_reply (policy urgent) due"
                + " 2026-05-04T09:00:00Z");
    assertThat(first.get(0).alert().threshold()).isNull();
    // 10:30: still breached, already notified
    assertThat(evaluateAt("10:30")).isEmpty();
    // 11:30: a2 next_reply and a3 first_reply fell due at 11:00
    List<AlertEvaluator.Transition> second = evaluateAt("11:30");
    assertThat(second).hasSize(1);
    assertThat(second.get(0).alert().firedValue()).isEqualTo(2.0);
    assertThat(sent).extracting(Notification::transition).containsExactly("fired", "fired");
    // each notification names its targets as data, by due time (a2 and a3 both at 11:00: by case)
    assertThat(sent.get(0).slaTargets())
        .extracting(t -> t.caseId() + " " + t.metric() + " " + t.dueAt())
        .containsExactly("a1 first_reply 2026-05-04T09:00:00Z");
    assertThat(sent.get(1).slaTargets())
        .extracting(t -> t.caseId() + " " + t.metric() + " " + t.dueAt())
        .containsExactly(
            "a2 next_reply 2026-05-04T11:00:00Z", "a3 first_reply 2026-05-04T11:00:00Z");
  }

  @Test
  void a_breach_seen_before_the_refresh_marks_it_is_notified_from_its_due_time() {
    add(AlertRule.builder("Breached", AlertRule.Kind.SLA_BREACHED).build());
    SlaTargets.refresh(store, SLA, at("08:10")); // a1 first_reply stored open, due 09:00
    clock.setInstant(at("09:01")); // no refresh since: the stored target is still open, but overdue
    List<AlertEvaluator.Transition> t =
        AlertEvaluator.slaOnly(store, clock).evaluate(AlertEvaluator.Scope.SLA);
    assertThat(t).hasSize(1);
    assertThat(t.get(0).alert().message()).contains("case a1 first_reply");
  }

  @Test
  void a_new_breached_rule_does_not_announce_the_breaches_before_it() {
    clock.setInstant(at("12:00")); // a1, a2 and a3 breached a target before the rule was made
    add(AlertRule.builder("Breached", AlertRule.Kind.SLA_BREACHED).build());
    assertThat(evaluateAt("12:05")).isEmpty();
    // a1 resolution falls due at 16:00, after the rule: notified
    assertThat(evaluateAt("16:01"))
        .singleElement()
        .satisfies(
            tr -> assertThat(tr.alert().message()).contains("case a1 resolution (policy urgent)"));
  }

  @Test
  void rules_filter_by_priority_tag_and_metric() {
    AlertRule urgent = add(due("Urgent", "8h", "priority=urgent"));
    AlertRule vip = add(due("VIP", "8h", "tag=VIP"));
    AlertRule resolution = add(due("Resolutions", "8h", "metric=resolution"));
    // 08:10, due in (08:10, 16:10]: a1 first_reply 09:00 and resolution 16:00 (urgent), a3
    // first_reply 11:00 (vip), a2 first_reply 12:00 (normal, no tag: its reply at 08:30 is still
    // to come at 08:10); a2's next reply has not started (the customer writes at 09:00)
    evaluateAt("08:10");
    assertThat(messagesOf(urgent))
        .containsExactly(
            "2 SLA targets fall due within 8h (priority=urgent): case a1 first_reply (policy"
                + " urgent) due 2026-05-04T09:00:00Z; case a1 resolution (policy urgent) due"
                + " 2026-05-04T16:00:00Z");
    assertThat(messagesOf(vip))
        .containsExactly(
            "1 SLA target falls due within 8h (tag=vip): case a3 first_reply (policy standard) due"
                + " 2026-05-04T11:00:00Z");
    assertThat(messagesOf(resolution))
        .containsExactly(
            "1 SLA target falls due within 8h (metric=resolution): case a1 resolution (policy"
                + " urgent) due 2026-05-04T16:00:00Z");
  }

  @Test
  void notices_left_without_their_alert_by_a_stop_are_sent_at_the_next_evaluation() {
    AlertRule rule = add(due("Due within 1h", "1h"));
    // a stop after the notices were written and before their alert: the notice of a1 first_reply
    // points at alert 7, which does not exist
    store.update(
        "INSERT INTO sla_alert_notices (rule_id, case_id, metric, started_at, policy, due_at,"
            + " alert_id, noticed_at) VALUES (?, 'a1', 'first_reply', ?, 'urgent', ?, 7, ?)",
        rule.id(),
        at("08:00"),
        at("09:00"),
        at("08:10"));
    List<AlertEvaluator.Transition> t = evaluateAt("08:15");
    // alert 7 is written for it; a1 first_reply is not noticed a second time
    assertThat(t).singleElement().satisfies(tr -> assertThat(tr.alert().id()).isEqualTo(7L));
    assertThat(t.get(0).alert().message()).contains("case a1 first_reply");
    assertThat(sent).singleElement().satisfies(n -> assertThat(n.alert().id()).isEqualTo(7L));
    assertThat(evaluateAt("08:20")).isEmpty();
  }

  @Test
  void an_sla_alert_is_a_notice_with_no_resolved_notification_and_nothing_left_firing() {
    add(due("Due within 1h", "1h"));
    evaluateAt("08:10");
    evaluateAt("08:20");
    assertThat(new AlertHistory(store).firing()).isEmpty();
    assertThat(sent).extracting(Notification::transition).containsExactly("fired");
  }

  @Test
  void measure_counts_the_targets_the_rule_speaks_of_now() {
    AlertRule rule = add(due("Due within 3h", "3h"));
    clock.setInstant(at("08:10"));
    SlaTargets.refresh(store, SLA, clock.instant());
    // due in (08:10, 11:10]: a1 first_reply 09:00, a3 first_reply 11:00
    AlertEvaluator e = AlertEvaluator.slaOnly(store, clock);
    assertThat(e.measureNow(rule)).isEqualTo(new AlertEvaluator.Measure(2.0, 2, null));
    e.evaluate(AlertEvaluator.Scope.SLA);
    // notified or not, they are what the rule watches
    assertThat(e.measureNow(rule)).isEqualTo(new AlertEvaluator.Measure(2.0, 2, null));
  }

  private List<String> messagesOf(AlertRule rule) {
    return sent.stream()
        .filter(n -> n.alert().ruleId() == rule.id())
        .map(n -> n.alert().message())
        .toList();
  }
}
