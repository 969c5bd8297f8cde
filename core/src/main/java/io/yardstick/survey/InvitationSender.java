package io.yardstick.survey;

import io.yardstick.alert.AlertSettings;
import io.yardstick.survey.internal.StandardSender;
import java.time.Instant;
import java.util.Map;

/**
 * Sends one invitation: an e-mail with one-click score links (SMTP, as alerts: {@code
 * YARDSTICK_SMTP_*}), or a signed JSON POST to a webhook for a chat or SMS system ({@code
 * YARDSTICK_WEBHOOK_SECRET}). Never throws: the outcome says sent, bounced (the mail server refused
 * the address for good) or failed (after its retries).
 */
public interface InvitationSender {
  Outcome send(Message m);

  /** SMTP and webhooks as the alert settings say (docs/alerts.md, docs/surveys.md). */
  static InvitationSender standard(AlertSettings settings) {
    return new StandardSender(settings);
  }

  /**
   * One invitation to send.
   *
   * @param id the invitation id: the e-mail's Message-ID and the webhook's Idempotency-Key, the
   *     same on a resend
   * @param via {@code email} or {@code webhook}
   * @param target the address or the webhook URL
   * @param links the page with each score chosen, by score
   */
  record Message(
      String id,
      String via,
      String target,
      String language,
      String subject,
      String question,
      String low,
      String high,
      String intro,
      String optOut,
      Map<Integer, String> links,
      String pageUrl,
      String optOutUrl,
      String kind,
      String contactId,
      String caseId,
      String customerId,
      Instant expiresAt) {}

  /** What became of a sending. */
  record Outcome(State state, String error) {
    public enum State {
      SENT,
      BOUNCED,
      FAILED
    }

    public static Outcome sent() {
      return new Outcome(State.SENT, null);
    }
  }
}
