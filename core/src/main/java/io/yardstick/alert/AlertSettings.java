package io.yardstick.alert;

import java.time.Duration;
import java.util.Map;

/**
 * How notifications go out: the webhook signing secret, the SMTP server for e-mail, the retry
 * back-off, and how often the server evaluates every rule. {@link #fromEnvironment} reads the
 * {@code YARDSTICK_*} variables of docs/alerts.md.
 *
 * @param webhookSecret the shared secret of the HMAC-SHA256 signature of webhook bodies; null:
 *     webhooks fail with a message saying so
 * @param smtpHost null: e-mails fail with a message saying so
 * @param retries attempts after the first, per notification
 * @param firstBackoff the wait before the first retry; it doubles up to {@code maxBackoff}
 * @param evaluateEvery how often the server evaluates every rule (live rules also after each event
 *     batch)
 * @param privateWebhooks whether webhooks may go to loopback, private, link-local and other
 *     internal addresses ({@code YARDSTICK_WEBHOOK_ALLOW_PRIVATE=true}); off by default, so a rule
 *     cannot reach the server's own network
 */
public record AlertSettings(
    String webhookSecret,
    String smtpHost,
    int smtpPort,
    String smtpFrom,
    String smtpUser,
    String smtpPassword,
    boolean smtpStartTls,
    int retries,
    Duration firstBackoff,
    Duration maxBackoff,
    Duration evaluateEvery,
    boolean privateWebhooks) {

  public static AlertSettings defaults() {
    return new AlertSettings(
        null,
        null,
        25,
        "yardstick@localhost",
        null,
        null,
        false,
        5,
        Duration.ofMillis(500),
        Duration.ofSeconds(30),
        Duration.ofSeconds(30),
        false);
  }

  public static AlertSettings fromEnvironment() {
    return from(System.getenv());
  }

  static AlertSettings from(Map<String, String> env) {
    AlertSettings d = defaults();
    return new AlertSettings(
        env.get("YARDSTICK_WEBHOOK_SECRET"),
        env.get("YARDSTICK_SMTP_HOST"),
        env.containsKey("YARDSTICK_SMTP_PORT")
            ? Integer.parseInt(env.get("YARDSTICK_SMTP_PORT"))
            : d.smtpPort(),
        env.getOrDefault("YARDSTICK_SMTP_FROM", d.smtpFrom()),
        env.get("YARDSTICK_SMTP_USER"),
        env.get("YARDSTICK_SMTP_PASSWORD"),
        "true".equalsIgnoreCase(env.get("YARDSTICK_SMTP_STARTTLS")),
        d.retries(),
        d.firstBackoff(),
        d.maxBackoff(),
        env.containsKey("YARDSTICK_ALERT_EVALUATE_SECONDS")
            ? Duration.ofSeconds(Long.parseLong(env.get("YARDSTICK_ALERT_EVALUATE_SECONDS")))
            : d.evaluateEvery(),
        "true".equalsIgnoreCase(env.get("YARDSTICK_WEBHOOK_ALLOW_PRIVATE")));
  }

  public AlertSettings withWebhookSecret(String secret) {
    return new AlertSettings(
        secret,
        smtpHost,
        smtpPort,
        smtpFrom,
        smtpUser,
        smtpPassword,
        smtpStartTls,
        retries,
        firstBackoff,
        maxBackoff,
        evaluateEvery,
        privateWebhooks);
  }

  public AlertSettings withSmtp(String host, int port, String from) {
    return new AlertSettings(
        webhookSecret,
        host,
        port,
        from,
        smtpUser,
        smtpPassword,
        smtpStartTls,
        retries,
        firstBackoff,
        maxBackoff,
        evaluateEvery,
        privateWebhooks);
  }

  public AlertSettings withRetries(int retries, Duration firstBackoff, Duration maxBackoff) {
    return new AlertSettings(
        webhookSecret,
        smtpHost,
        smtpPort,
        smtpFrom,
        smtpUser,
        smtpPassword,
        smtpStartTls,
        retries,
        firstBackoff,
        maxBackoff,
        evaluateEvery,
        privateWebhooks);
  }

  public AlertSettings withEvaluateEvery(Duration every) {
    return new AlertSettings(
        webhookSecret,
        smtpHost,
        smtpPort,
        smtpFrom,
        smtpUser,
        smtpPassword,
        smtpStartTls,
        retries,
        firstBackoff,
        maxBackoff,
        every,
        privateWebhooks);
  }

  /** Lets webhooks go to internal addresses (a receiver on this machine or the office network). */
  public AlertSettings withPrivateWebhooks(boolean allowed) {
    return new AlertSettings(
        webhookSecret,
        smtpHost,
        smtpPort,
        smtpFrom,
        smtpUser,
        smtpPassword,
        smtpStartTls,
        retries,
        firstBackoff,
        maxBackoff,
        evaluateEvery,
        allowed);
  }
}
