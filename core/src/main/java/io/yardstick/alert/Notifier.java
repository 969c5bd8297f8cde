package io.yardstick.alert;

/**
 * Delivers notifications of one kind of target (webhook, email, log); retries are its own business.
 */
public interface Notifier {
  /**
   * Delivers one notification, retrying as it sees fit.
   *
   * @throws Exception when it could not be delivered; the message is kept with the notification
   */
  void send(Notification n) throws Exception;
}
