package io.yardstick.cli;

import io.yardstick.alert.AlertEvaluator;
import io.yardstick.alert.AlertSettings;
import io.yardstick.alert.Notifications;
import io.yardstick.settings.Settings;
import io.yardstick.sla.SlaEvaluator;
import io.yardstick.sla.SlaTargets;
import io.yardstick.store.Store;
import java.io.PrintWriter;
import java.time.Clock;

/**
 * After an import of tickets, ticket events, contacts or a help-desk export: the SLA targets follow
 * the data (docs/sla.md, "Refreshing") and the SLA alert rules (sla_due, sla_breached) are
 * evaluated on them and their notifications sent (docs/alerts.md, "SLA rules"). Nothing to do
 * without {@code sla_policies} in the settings file.
 */
final class SlaAfterImport {
  private SlaAfterImport() {}

  static void run(Store store, Settings settings, Clock clock, PrintWriter out) {
    SlaEvaluator sla = settings.get(Settings.SLA);
    if (sla.policies().isEmpty()) return;
    SlaTargets.refresh(store, sla, clock.instant());
    var notices = AlertEvaluator.slaOnly(store, clock).evaluate(AlertEvaluator.Scope.SLA);
    if (notices.isEmpty()) return;
    int sent = Notifications.standard(store, clock, AlertSettings.fromEnvironment()).dispatch();
    int targets = notices.stream().mapToInt(t -> (int) (double) t.alert().firedValue()).sum();
    out.println(
        "SLA alerts: "
            + targets
            + (targets == 1 ? " target" : " targets")
            + " notified by "
            + notices.size()
            + (notices.size() == 1 ? " alert" : " alerts")
            + " ("
            + sent
            + (sent == 1 ? " notification" : " notifications")
            + " sent; yardstick alert history shows them).");
  }
}
