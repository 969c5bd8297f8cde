package io.yardstick.report;

/** Delivers reports to one kind of target (email, slack, teams); retries are its own business. */
public interface ReportSender {
  /**
   * Delivers one report, retrying as it sees fit.
   *
   * @throws Exception when it could not be delivered; the message is kept in the history
   */
  void send(ReportMessage m) throws Exception;
}
