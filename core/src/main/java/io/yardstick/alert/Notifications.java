package io.yardstick.alert;

import io.yardstick.alert.internal.EmailNotifier;
import io.yardstick.alert.internal.LogNotifier;
import io.yardstick.alert.internal.WebhookNotifier;
import io.yardstick.store.Store;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Sends the notifications of alert transitions, at most once each across restarts as far as the
 * store can tell.
 *
 * <p>For every transition (an alert fired, an alert resolved) one statement records a row per
 * target of the rule, {@code pending}, with the idempotency key {@code alert-ID/TRANSITION/N}. A
 * row becomes {@code sending} (stored) before it is sent and {@code sent} or {@code failed} after.
 * A restart thus never sends a {@code sent} row again, and resends a row left {@code sending} with
 * the same key (the receiver's Idempotency-Key header, the e-mail's Message-ID), so that the
 * receiver can drop it if the first try had arrived.
 *
 * <pre>{@code
 * Notifications notifications = Notifications.standard(store, clock, AlertSettings.fromEnvironment());
 * notifications.dispatch();   // after an evaluation; also at start-up, to finish what a stop interrupted
 * }</pre>
 */
public final class Notifications {
  private final Store store;
  private final Clock clock;
  private final Map<String, Notifier> notifiers;

  /**
   * @param notifiers by target kind: {@code log}, {@code webhook}, {@code email}
   */
  public Notifications(Store store, Clock clock, Map<String, Notifier> notifiers) {
    this.store = store;
    this.clock = clock;
    this.notifiers = Map.copyOf(notifiers);
  }

  /** The log, signed webhooks and SMTP e-mail, as the settings say. */
  public static Notifications standard(Store store, Clock clock, AlertSettings settings) {
    return new Notifications(
        store,
        clock,
        Map.of(
            "log",
            new LogNotifier(),
            "webhook",
            new WebhookNotifier(settings),
            "email",
            new EmailNotifier(settings)));
  }

  /**
   * Records the notifications of new transitions and sends every one not sent yet; returns how many
   * were sent.
   */
  public synchronized int dispatch() {
    record();
    int sent = 0;
    for (Object[] r :
        store.query(
            "SELECT n.idempotency_key, n.transition, n.target, n.attempts, n.alert_id"
                + " FROM alert_notifications n WHERE n.state IN ('pending', 'sending') ORDER BY n.updated_at,"
                + " n.idempotency_key")) {
      String key = (String) r[0];
      String transition = (String) r[1];
      String target = (String) r[2];
      long alertId = ((Number) r[4]).longValue();
      Alert alert =
          AlertHistory.read(
                  store.query(
                      "SELECT a.id, a.rule_id, r.name, a.fired_at, a.fired_value,"
                          + " a.threshold, a.resolved_at, a.resolved_value, a.message FROM alerts a LEFT JOIN alert_rules r ON r.id ="
                          + " a.rule_id WHERE a.id = ?",
                      alertId))
              .get(0);
      if (alert.ruleName() == null)
        alert =
            new Alert(
                alert.id(),
                alert.ruleId(),
                "rule " + alert.ruleId(),
                alert.firedAt(),
                alert.firedValue(),
                alert.threshold(),
                alert.resolvedAt(),
                alert.resolvedValue(),
                alert.message());
      store.update(
          "UPDATE alert_notifications SET state = 'sending', attempts = attempts + 1, updated_at = ? WHERE"
              + " idempotency_key = ?",
          clock.instant(),
          key);
      String kind = target.contains(":") ? target.substring(0, target.indexOf(':')) : target;
      Notifier notifier = notifiers.get(kind);
      try {
        if (notifier == null) throw new IllegalStateException("no notifier for " + kind);
        notifier.send(
            new Notification(
                key, transition, target, alert, clock.instant(), SlaNotices.of(store, alert.id())));
        store.update(
            "UPDATE alert_notifications SET state = 'sent', updated_at = ?, error = NULL WHERE"
                + " idempotency_key = ?",
            clock.instant(),
            key);
        sent++;
      } catch (Exception e) {
        String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        store.update(
            "UPDATE alert_notifications SET state = 'failed', updated_at = ?, error = ? WHERE"
                + " idempotency_key = ?",
            clock.instant(),
            why,
            key);
        System.getLogger("yardstick.alerts")
            .log(
                System.Logger.Level.WARNING,
                "Notification " + key + " to " + target + " failed: " + why);
      }
    }
    return sent;
  }

  /**
   * One INSERT per transition lacking its rows, all targets at once, so a stop leaves all of them
   * or none.
   */
  private void record() {
    List<Object[]> missing =
        new ArrayList<>(
            store.query(
                "SELECT a.id, 'fired', r.notify FROM alerts a JOIN"
                    + " alert_rules r ON r.id = a.rule_id WHERE NOT EXISTS (SELECT 1 FROM alert_notifications n WHERE n.alert_id"
                    + " = a.id AND n.transition = 'fired') ORDER BY a.id"));
    missing.addAll(
        store.query(
            "SELECT a.id, 'resolved', r.notify FROM alerts a JOIN alert_rules r ON r.id ="
                + " a.rule_id WHERE a.resolved_at IS NOT NULL AND r.kind NOT IN ('sla_due',"
                + " 'sla_breached') AND NOT EXISTS (SELECT 1 FROM alert_notifications n WHERE"
                + " n.alert_id = a.id AND n.transition = 'resolved') ORDER BY a.id"));
    for (Object[] m : missing) {
      long alertId = ((Number) m[0]).longValue();
      String transition = (String) m[1];
      List<String> targets = Arrays.asList(((String) m[2]).split("\n"));
      StringJoiner values = new StringJoiner(", ");
      List<Object> params = new ArrayList<>();
      for (int i = 0; i < targets.size(); i++) {
        values.add("(?, ?, ?, ?, 'pending', 0, ?)");
        params.addAll(
            List.of(
                "alert-" + alertId + "/" + transition + "/" + (i + 1),
                alertId,
                transition,
                targets.get(i),
                clock.instant()));
      }
      store.update(
          "INSERT INTO alert_notifications (idempotency_key, alert_id, transition, target, state, attempts,"
              + " updated_at) VALUES "
              + values,
          params.toArray());
    }
  }
}
