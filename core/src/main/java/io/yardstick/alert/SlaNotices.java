package io.yardstick.alert;

import io.yardstick.kpi.Filter;
import io.yardstick.store.Store;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;

/**
 * The SLA rules (docs/alerts.md, "SLA rules"): {@code sla_due} notifies each open SLA target whose
 * due time falls within the rule's {@code within} from now, {@code sla_breached} each target whose
 * due time passed unmet; every target once per rule.
 *
 * <p>The targets are those the last SLA refresh stored (table sla_targets, docs/sla.md). An
 * evaluation that finds targets not notified yet records them (table sla_alert_notices, one
 * statement) and then one alert (table alerts) naming them, already resolved, so that {@link
 * Notifications} sends it once through the rule's targets and never a "resolved" notice. A stop
 * between the two statements leaves notices without their alert; the next evaluation writes it.
 */
final class SlaNotices {
  /**
   * The most targets one alert names; more wait for the next evaluation (every request bounded).
   */
  static final int MAX_PER_ALERT = 500;

  /** The most targets an alert's message lists one by one. */
  static final int LISTED = 20;

  private final Store store;

  SlaNotices(Store store) {
    this.store = store;
  }

  /**
   * The targets an alert notified (at most {@link #MAX_PER_ALERT}), by due time; none for an alert
   * of another kind of rule.
   */
  static List<Notification.SlaTarget> of(Store store, long alertId) {
    List<Notification.SlaTarget> out = new ArrayList<>();
    for (Object[] t :
        store.query(
            "SELECT case_id, metric, started_at, policy, due_at FROM sla_alert_notices WHERE"
                + " alert_id = ? ORDER BY due_at, case_id, metric, started_at",
            alertId)) {
      out.add(target(t));
    }
    return out;
  }

  /** The targets the rule speaks of now, notified or not (what {@code has_data} counts). */
  AlertEvaluator.Measure measure(AlertRule rule, Instant now) {
    List<Object> params = new ArrayList<>();
    String where = condition(rule, now, params);
    long n =
        ((Number)
                store.query("SELECT COUNT(*) FROM sla_targets t WHERE " + where, params.toArray())
                    .get(0)[0])
            .longValue();
    return new AlertEvaluator.Measure((double) n, n, null);
  }

  /**
   * Records and returns the alert of the targets newly concerned, or nothing; first writes the
   * alerts that earlier notices lack.
   */
  List<AlertEvaluator.Transition> evaluate(AlertRule rule, Instant now) {
    List<AlertEvaluator.Transition> out = new ArrayList<>();
    for (Object[] r :
        store.query(
            "SELECT DISTINCT n.alert_id FROM sla_alert_notices n WHERE n.rule_id = ? AND NOT EXISTS"
                + " (SELECT 1 FROM alerts a WHERE a.id = n.alert_id) ORDER BY n.alert_id",
            rule.id())) {
      long alertId = ((Number) r[0]).longValue();
      out.add(writeAlert(rule, alertId, of(store, alertId), now));
    }
    List<Object> params = new ArrayList<>();
    String where = condition(rule, now, params);
    params.add(rule.id());
    List<Notification.SlaTarget> fresh = new ArrayList<>();
    for (Object[] t :
        store.query(
            "SELECT t.case_id, t.metric, t.started_at, t.policy, t.due_at FROM sla_targets t WHERE "
                + where
                + " AND NOT EXISTS (SELECT 1 FROM sla_alert_notices n WHERE n.rule_id = ? AND"
                + " n.case_id = t.case_id AND n.metric = t.metric AND n.started_at = t.started_at)"
                + " ORDER BY t.due_at, t.case_id, t.metric, t.started_at LIMIT "
                + MAX_PER_ALERT,
            params.toArray())) {
      fresh.add(target(t));
    }
    if (fresh.isEmpty()) return out;
    long alertId =
        ((Number)
                store.query(
                        "SELECT GREATEST((SELECT COALESCE(MAX(id), 0) FROM alerts), (SELECT"
                            + " COALESCE(MAX(alert_id), 0) FROM sla_alert_notices)) + 1")
                    .get(0)[0])
            .longValue();
    // One statement: the targets are notified all or none, and a target already noticed by a
    // concurrent evaluation (another process) fails the statement instead of being sent twice.
    StringJoiner values = new StringJoiner(", ");
    List<Object> rows = new ArrayList<>();
    for (Notification.SlaTarget t : fresh) {
      values.add("(?, ?, ?, ?, ?, ?, ?, ?)");
      rows.addAll(List.of(rule.id(), t.caseId(), t.metric(), t.startedAt(), t.policy(), t.dueAt()));
      rows.add(alertId);
      rows.add(now);
    }
    store.update(
        "INSERT INTO sla_alert_notices (rule_id, case_id, metric, started_at, policy, due_at,"
            + " alert_id, noticed_at) VALUES "
            + values,
        rows.toArray());
    out.add(writeAlert(rule, alertId, fresh, now));
    return out;
  }

  private AlertEvaluator.Transition writeAlert(
      AlertRule rule, long alertId, List<Notification.SlaTarget> targets, Instant now) {
    String message = message(rule, targets);
    double count = targets.size();
    Double within =
        rule.kind() == AlertRule.Kind.SLA_DUE ? (double) rule.window().toSeconds() : null;
    // resolved at once: a notice, not a standing condition (Notifications sends no "resolved")
    store.update(
        "INSERT INTO alerts (id, rule_id, fired_at, fired_value, threshold, resolved_at,"
            + " resolved_value, message) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        alertId,
        rule.id(),
        now,
        count,
        within,
        now,
        count,
        message);
    return new AlertEvaluator.Transition(
        "fired",
        new Alert(alertId, rule.id(), rule.name(), now, count, within, now, count, message));
  }

  /**
   * "2 SLA targets fall due within 1h (priority=urgent): case t3 first_reply (policy urgent) due
   * 2026-03-04T09:30:00Z; ..."
   */
  static String message(AlertRule rule, List<Notification.SlaTarget> targets) {
    String filters =
        rule.filters().isEmpty()
            ? ""
            : " ("
                + String.join(", ", rule.filters().stream().map(AlertRules::filterText).toList())
                + ")";
    int n = targets.size();
    String what =
        n
            + (n == 1 ? " SLA target " : " SLA targets ")
            + (rule.kind() == AlertRule.Kind.SLA_DUE
                ? (n == 1 ? "falls" : "fall") + " due within " + Durations.format(rule.window())
                : (n == 1 ? "was" : "were") + " breached");
    StringJoiner list = new StringJoiner("; ");
    for (Notification.SlaTarget t : targets.subList(0, Math.min(LISTED, n))) {
      list.add(
          "case "
              + t.caseId()
              + " "
              + t.metric()
              + " (policy "
              + t.policy()
              + ") due "
              + t.dueAt());
    }
    return what + filters + ": " + list + (n > LISTED ? "; and " + (n - LISTED) + " more" : "");
  }

  /** The rule's condition on sla_targets t, its parameters appended. */
  private static String condition(AlertRule rule, Instant now, List<Object> params) {
    StringBuilder where = new StringBuilder();
    if (rule.kind() == AlertRule.Kind.SLA_DUE) {
      // open and not paused (a paused target has no due time); due after now, within the window
      where.append("t.state = 'open' AND t.due_at > ? AND t.due_at <= ?");
      params.add(now);
      params.add(now.plus(rule.window()));
    } else {
      // breached as stored, or open with its due time passed since the last refresh; only breaches
      // after the rule was made, so a new rule does not announce the store's whole past
      where.append(
          "(t.state = 'breached' OR t.state = 'open') AND t.due_at <= ? AND t.due_at >= ?");
      params.add(now);
      params.add(rule.createdAt() == null ? Instant.EPOCH : rule.createdAt());
    }
    for (Filter f : rule.filters()) {
      List<String> values =
          f.values().stream().map(v -> v.strip().toLowerCase(Locale.ROOT)).toList();
      switch (f.dimension().name()) {
        case "tag" -> {
          StringJoiner any = new StringJoiner(" OR ", " AND (", ")");
          for (String v : values) {
            any.add("POSITION(CAST(? AS TEXT) IN COALESCE(t.tags, '')) > 0");
            params.add("," + v + ",");
          }
          where.append(any);
        }
        case "priority", "metric" -> {
          StringJoiner in = new StringJoiner(", ", " AND t." + f.dimension().name() + " IN (", ")");
          for (String v : values) {
            in.add("?");
            params.add(v);
          }
          where.append(in);
        }
        default -> throw new IllegalStateException("an SLA rule cannot filter by " + f.dimension());
      }
    }
    return where.toString();
  }

  private static Notification.SlaTarget target(Object[] r) {
    return new Notification.SlaTarget(
        (String) r[0], (String) r[1], (Instant) r[2], (String) r[3], (Instant) r[4]);
  }
}
