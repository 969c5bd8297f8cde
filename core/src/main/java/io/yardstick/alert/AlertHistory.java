package io.yardstick.alert;

import io.yardstick.store.Store;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The alerts that fired, newest first (table alerts), and the notifications sent for them. */
public final class AlertHistory {
  private static final String SELECT =
      "SELECT a.id, a.rule_id, r.name, a.fired_at, a.fired_value, a.threshold,"
          + " a.resolved_at, a.resolved_value, a.message FROM alerts a LEFT JOIN alert_rules r ON r.id = a.rule_id";

  private final Store store;

  public AlertHistory(Store store) {
    this.store = store;
  }

  /** The alerts firing now. */
  public List<Alert> firing() {
    return read(store.query(SELECT + " WHERE a.resolved_at IS NULL ORDER BY a.id DESC"));
  }

  /** The latest alerts, firing or resolved, newest first. */
  public List<Alert> latest(int limit) {
    return read(store.query(SELECT + " ORDER BY a.id DESC LIMIT " + Math.max(1, limit)));
  }

  /** The alerts of one rule, newest first. */
  public List<Alert> ofRule(long ruleId, int limit) {
    return read(
        store.query(
            SELECT + " WHERE a.rule_id = ? ORDER BY a.id DESC LIMIT " + Math.max(1, limit),
            ruleId));
  }

  Optional<Alert> open(long ruleId) {
    return read(
            store.query(
                SELECT + " WHERE a.rule_id = ? AND a.resolved_at IS NULL ORDER BY a.id DESC",
                ruleId))
        .stream()
        .findFirst();
  }

  Optional<Instant> lastResolved(long ruleId) {
    Object v =
        store.query("SELECT MAX(resolved_at) FROM alerts WHERE rule_id = ?", ruleId).get(0)[0];
    return Optional.ofNullable((Instant) v);
  }

  /**
   * The notifications of an alert: target, transition, state (pending, sending, sent, failed),
   * attempts, in the order they were recorded.
   */
  public List<Notification.Record> notifications(long alertId) {
    List<Notification.Record> out = new ArrayList<>();
    for (Object[] r :
        store.query(
            "SELECT idempotency_key, alert_id, transition, target, state, attempts, updated_at,"
                + " error FROM alert_notifications WHERE alert_id = ? ORDER BY idempotency_key",
            alertId)) {
      out.add(Notification.Record.of(r));
    }
    return out;
  }

  static List<Alert> read(List<Object[]> rows) {
    List<Alert> out = new ArrayList<>();
    for (Object[] r : rows) {
      out.add(
          new Alert(
              ((Number) r[0]).longValue(),
              ((Number) r[1]).longValue(),
              (String) r[2],
              (Instant) r[3],
              dbl(r[4]),
              dbl(r[5]),
              (Instant) r[6],
              dbl(r[7]),
              (String) r[8]));
    }
    return out;
  }

  private static Double dbl(Object o) {
    return o == null ? null : ((Number) o).doubleValue();
  }
}
