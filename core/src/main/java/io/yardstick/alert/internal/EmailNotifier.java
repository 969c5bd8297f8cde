package io.yardstick.alert.internal;

import io.yardstick.alert.Alert;
import io.yardstick.alert.AlertSettings;
import io.yardstick.alert.Notification;
import io.yardstick.alert.Notifier;
import jakarta.mail.Authenticator;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.Date;
import java.util.Properties;

/**
 * Sends the notification as a plain-text e-mail over SMTP (Angus Mail). The Message-ID is made from
 * the idempotency key, so a repeat after a restart is recognisable as the same message. Network
 * failures are retried with back-off.
 */
public final class EmailNotifier implements Notifier {
  private final AlertSettings settings;
  private final Retrying retrying;

  public EmailNotifier(AlertSettings settings) {
    this.settings = settings;
    this.retrying = new Retrying(settings);
  }

  @Override
  public void send(Notification n) throws Exception {
    if (settings.smtpHost() == null || settings.smtpHost().isEmpty()) {
      throw new Retrying.Permanent(
          "No SMTP server is set; set YARDSTICK_SMTP_HOST (and YARDSTICK_SMTP_PORT,"
              + " YARDSTICK_SMTP_FROM) to send e-mail.");
    }
    Properties p = new Properties();
    p.put("mail.smtp.host", settings.smtpHost());
    p.put("mail.smtp.port", String.valueOf(settings.smtpPort()));
    p.put("mail.smtp.connectiontimeout", "5000");
    p.put("mail.smtp.timeout", "10000");
    p.put("mail.smtp.starttls.enable", String.valueOf(settings.smtpStartTls()));
    Authenticator auth = null;
    if (settings.smtpUser() != null) {
      p.put("mail.smtp.auth", "true");
      auth =
          new Authenticator() {
            @Override
            protected PasswordAuthentication getPasswordAuthentication() {
              return new PasswordAuthentication(settings.smtpUser(), settings.smtpPassword());
            }
          };
    }
    Session session = Session.getInstance(p, auth);
    String key = n.idempotencyKey();
    MimeMessage m =
        new MimeMessage(session) {
          @Override
          protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", "<" + key.replace('/', '.') + "@yardstick>");
          }
        };
    Alert a = n.alert();
    m.setFrom(new InternetAddress(settings.smtpFrom()));
    m.setRecipients(
        Message.RecipientType.TO, InternetAddress.parse(n.target().substring("email:".length())));
    m.setSubject("[Yardstick] " + n.headline() + ": " + a.ruleName(), "UTF-8");
    m.setSentDate(Date.from(n.sentAt()));
    m.setHeader("X-Yardstick-Idempotency-Key", key);
    m.setText(text(n), "UTF-8");
    retrying.run(() -> Transport.send(m));
  }

  private static String text(Notification n) {
    Alert a = n.alert();
    StringBuilder sb = new StringBuilder();
    sb.append(n.headline())
        .append(": ")
        .append(a.ruleName())
        .append("\n\n")
        .append(a.message())
        .append("\n\n");
    sb.append("Fired at:    ").append(a.firedAt()).append('\n');
    if (a.resolvedAt() != null) sb.append("Resolved at: ").append(a.resolvedAt()).append('\n');
    sb.append("Alert:       ").append(a.id()).append(" (rule ").append(a.ruleId()).append(")\n");
    return sb.toString();
  }
}
