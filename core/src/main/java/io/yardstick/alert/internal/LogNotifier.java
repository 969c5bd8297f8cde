package io.yardstick.alert.internal;

import io.yardstick.alert.Notification;
import io.yardstick.alert.Notifier;

/**
 * Writes the notification's JSON as one line of the {@code yardstick.alerts} log (WARNING when
 * firing).
 */
public final class LogNotifier implements Notifier {
  private static final System.Logger LOG = System.getLogger("yardstick.alerts");

  @Override
  public void send(Notification n) {
    LOG.log(
        n.transition().equals("fired") ? System.Logger.Level.WARNING : System.Logger.Level.INFO,
        n.headline() + " " + Payloads.json(n));
  }
}
