package io.yardstick.report.internal;

import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeException;
import dev.failsafe.RetryPolicy;
import io.yardstick.alert.AlertSettings;
import io.yardstick.report.Headline;
import io.yardstick.report.ReportMessage;
import io.yardstick.report.ReportSender;
import io.yardstick.report.ReportText;
import jakarta.activation.DataHandler;
import jakarta.mail.Authenticator;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.Map;
import java.util.Properties;

/**
 * Sends a report by SMTP (Angus Mail): the headline numbers and a link in the body, the PDF and
 * every table's CSV attached. The Message-ID is made from the idempotency key, so a repeat after a
 * restart is the same message.
 */
public final class EmailReportSender implements ReportSender {
  private final AlertSettings settings;
  private final RetryPolicy<Object> retry;

  public EmailReportSender(AlertSettings settings) {
    this.settings = settings;
    this.retry =
        RetryPolicy.builder()
            .handle(MessagingException.class)
            .withBackoff(settings.firstBackoff(), settings.maxBackoff())
            .withMaxRetries(settings.retries())
            .build();
  }

  @Override
  public void send(ReportMessage m) throws Exception {
    if (settings.smtpHost() == null || settings.smtpHost().isEmpty()) {
      throw new IllegalStateException(
          "No SMTP server is set; set YARDSTICK_SMTP_HOST (and YARDSTICK_SMTP_PORT,"
              + " YARDSTICK_SMTP_FROM) to send e-mail.");
    }
    Properties p = new Properties();
    p.put("mail.smtp.host", settings.smtpHost());
    p.put("mail.smtp.port", String.valueOf(settings.smtpPort()));
    p.put("mail.smtp.connectiontimeout", "5000");
    p.put("mail.smtp.timeout", "20000");
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
    String key = m.idempotencyKey();
    MimeMessage mail =
        new MimeMessage(Session.getInstance(p, auth)) {
          @Override
          protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", "<" + key.replace('/', '.').replace(':', '-') + "@yardstick>");
          }
        };
    ReportText t = m.text();
    mail.setFrom(new InternetAddress(settings.smtpFrom()));
    mail.setRecipients(
        Message.RecipientType.TO, InternetAddress.parse(m.target().substring("email:".length())));
    mail.setSubject("[Yardstick] " + Headline.subject(m.report(), t), "UTF-8");
    mail.setSentDate(Date.from(m.sentAt()));
    mail.setHeader("X-Yardstick-Idempotency-Key", key);
    MimeMultipart parts = new MimeMultipart();
    MimeBodyPart body = new MimeBodyPart();
    body.setText(body(m), "UTF-8");
    parts.addBodyPart(body);
    parts.addBodyPart(attachment(m.pdf(), "application/pdf", fileName(m) + ".pdf"));
    for (Map.Entry<String, String> csv : m.csv().entrySet()) {
      parts.addBodyPart(
          attachment(
              csv.getValue().getBytes(StandardCharsets.UTF_8),
              "text/csv; charset=UTF-8",
              fileName(m) + "-" + csv.getKey()));
    }
    mail.setContent(parts);
    try {
      Failsafe.with(retry).run(() -> Transport.send(mail));
    } catch (FailsafeException e) {
      throw e.getCause() instanceof Exception cause ? cause : e;
    }
  }

  private static MimeBodyPart attachment(byte[] bytes, String type, String name)
      throws MessagingException {
    MimeBodyPart part = new MimeBodyPart();
    part.setDataHandler(new DataHandler(new ByteArrayDataSource(bytes, type)));
    part.setFileName(name);
    return part;
  }

  /** The view's name as a file name: letters, digits and dashes. */
  static String fileName(ReportMessage m) {
    String s =
        m.report().view().name().replaceAll("[^\\p{L}\\p{N}]+", "-").replaceAll("(^-|-$)", "");
    return (s.isEmpty() ? "report" : s) + "-" + m.report().from() + "-" + m.report().to();
  }

  static String body(ReportMessage m) {
    ReportText t = m.text();
    StringBuilder sb = new StringBuilder();
    sb.append(m.report().view().name()).append('\n');
    sb.append(t.period(m.report().view().period(), m.report().from(), m.report().to()))
        .append('\n');
    sb.append(t.t("period.zone"))
        .append(": ")
        .append(t.zone(m.report().view().zone()))
        .append("\n\n");
    for (Headline.Line l : Headline.lines(m.report(), t)) {
      sb.append(l.name()).append(": ").append(l.value());
      if (l.change() != null) sb.append(" (").append(l.change()).append(')');
      sb.append('\n');
    }
    sb.append('\n').append(t.t("report.attached")).append('\n');
    sb.append(t.t("report.open")).append(": ").append(m.link()).append('\n');
    return sb.toString();
  }
}
