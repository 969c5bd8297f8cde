package io.yardstick.survey.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeException;
import dev.failsafe.RetryPolicy;
import io.yardstick.alert.AlertSettings;
import io.yardstick.survey.InvitationSender;
import jakarta.mail.Authenticator;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * E-mail over SMTP (Angus Mail; plain text and HTML, each score a link) and signed webhooks, with
 * the alerts' retry back-off (Failsafe). A recipient the server refuses for good (5xx on RCPT) is a
 * bounce, not retried.
 */
public final class StandardSender implements InvitationSender {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final AlertSettings settings;
  private final RetryPolicy<Object> retry;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  /** A failure no retry mends. */
  private static final class Permanent extends Exception {
    final boolean bounce;

    Permanent(String message, boolean bounce) {
      super(message);
      this.bounce = bounce;
    }
  }

  public StandardSender(AlertSettings settings) {
    this.settings = settings;
    this.retry =
        RetryPolicy.builder()
            .handle(Exception.class)
            .abortOn(Permanent.class)
            .withBackoff(settings.firstBackoff(), settings.maxBackoff())
            .withMaxRetries(settings.retries())
            .build();
  }

  @Override
  public Outcome send(Message m) {
    try {
      Failsafe.with(retry)
          .run(
              () -> {
                if ("email".equals(m.via())) email(m);
                else webhook(m);
              });
      return Outcome.sent();
    } catch (FailsafeException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      if (cause instanceof Permanent p) {
        return new Outcome(p.bounce ? Outcome.State.BOUNCED : Outcome.State.FAILED, p.getMessage());
      }
      return new Outcome(
          Outcome.State.FAILED, cause.getMessage() == null ? cause.toString() : cause.getMessage());
    } catch (RuntimeException e) {
      return new Outcome(Outcome.State.FAILED, e.toString());
    }
  }

  private void email(Message m) throws Exception {
    if (settings.smtpHost() == null || settings.smtpHost().isEmpty()) {
      throw new Permanent(
          "No SMTP server is set; set YARDSTICK_SMTP_HOST (and YARDSTICK_SMTP_PORT,"
              + " YARDSTICK_SMTP_FROM) to send survey e-mails.",
          false);
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
    InternetAddress to;
    try {
      to = new InternetAddress(m.target(), true);
    } catch (AddressException e) {
      throw new Permanent("The address is not valid: " + e.getMessage(), true);
    }
    MimeMessage mail =
        new MimeMessage(Session.getInstance(p, auth)) {
          @Override
          protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", "<survey." + m.id() + "@yardstick>");
          }
        };
    mail.setFrom(new InternetAddress(settings.smtpFrom()));
    mail.setRecipient(RecipientType.TO, to);
    mail.setSubject(m.subject(), "UTF-8");
    mail.setHeader("X-Yardstick-Idempotency-Key", "survey/" + m.id());
    mail.setHeader("Content-Language", m.language());
    // RFC 8058 one-click unsubscribe: mail clients offer it beside the sender.
    mail.setHeader("List-Unsubscribe", "<" + m.optOutUrl() + ">");
    MimeBodyPart text = new MimeBodyPart();
    text.setText(text(m), "UTF-8");
    MimeBodyPart html = new MimeBodyPart();
    html.setContent(html(m), "text/html; charset=UTF-8");
    MimeMultipart alternative = new MimeMultipart("alternative", text, html);
    mail.setContent(alternative);
    try {
      Transport.send(mail);
    } catch (SendFailedException e) {
      if (e.getInvalidAddresses() != null && e.getInvalidAddresses().length > 0) {
        throw new Permanent("The mail server refused the address: " + e.getMessage(), true);
      }
      throw e;
    }
  }

  static String text(Message m) {
    StringBuilder sb = new StringBuilder();
    sb.append(m.question()).append("\n\n").append(m.intro()).append("\n\n");
    for (Map.Entry<Integer, String> e : m.links().entrySet()) {
      sb.append(e.getKey());
      if (e.getKey() == m.links().keySet().iterator().next())
        sb.append(" (").append(m.low()).append(')');
      if (e.getKey().equals(lastKey(m.links()))) sb.append(" (").append(m.high()).append(')');
      sb.append(": ").append(e.getValue()).append('\n');
    }
    sb.append("\n").append(m.optOut()).append(' ').append(m.optOutUrl()).append('\n');
    return sb.toString();
  }

  private static Integer lastKey(Map<Integer, String> links) {
    Integer last = null;
    for (Integer k : links.keySet()) last = k;
    return last;
  }

  static String html(Message m) {
    StringBuilder sb = new StringBuilder();
    sb.append("<!doctype html><html lang=\"")
        .append(esc(m.language()))
        .append("\"><body style=\"font-family:sans-serif\">")
        .append("<p style=\"font-size:18px\">")
        .append(esc(m.question()))
        .append("</p><p>")
        .append(esc(m.intro()))
        .append("</p><table role=\"presentation\"><tr>");
    for (Map.Entry<Integer, String> e : m.links().entrySet()) {
      sb.append("<td><a href=\"")
          .append(esc(e.getValue()))
          .append("\" style=\"display:inline-block;min-width:32px;")
          .append(
              "padding:10px;border:1px solid #555;border-radius:6px;text-align:center;text-decoration:none\">")
          .append(e.getKey())
          .append("</a></td>");
    }
    sb.append("</tr></table><p>")
        .append(m.links().keySet().iterator().next())
        .append(" = ")
        .append(esc(m.low()))
        .append(", ")
        .append(lastKey(m.links()))
        .append(" = ")
        .append(esc(m.high()))
        .append("</p>")
        .append("<p style=\"font-size:12px\">")
        .append(esc(m.optOut()))
        .append(" <a href=\"")
        .append(esc(m.optOutUrl()))
        .append("\">")
        .append(esc(m.optOutUrl()))
        .append("</a></p></body></html>");
    return sb.toString();
  }

  private static String esc(String s) {
    return s == null
        ? ""
        : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }

  private void webhook(Message m) throws Exception {
    if (settings.webhookSecret() == null || settings.webhookSecret().isEmpty()) {
      throw new Permanent(
          "No webhook secret is set; set YARDSTICK_WEBHOOK_SECRET so that receivers can check the"
              + " signature.",
          false);
    }
    try {
      io.yardstick.alert.Targets.checkWebhookHost(
          "webhook:" + m.target(), settings.privateWebhooks());
    } catch (io.yardstick.YardstickException e) {
      throw new Permanent(e.getMessage(), false);
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("invitation_id", m.id());
    body.put("kind", m.kind());
    body.put("language", m.language());
    body.put("question", m.question());
    body.put("url", m.pageUrl());
    body.put("score_urls", m.links());
    body.put("opt_out_url", m.optOutUrl());
    body.put("contact_id", m.contactId());
    body.put("case_id", m.caseId());
    body.put("customer_id", m.customerId());
    body.put("expires_at", m.expiresAt().toString());
    byte[] bytes = JSON.writeValueAsBytes(body);
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(
        new SecretKeySpec(settings.webhookSecret().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(m.target()))
            .timeout(Duration.ofSeconds(10))
            .header("Content-Type", "application/json")
            .header("User-Agent", "Yardstick-Surveys")
            .header("Idempotency-Key", "survey/" + m.id())
            .header(
                "X-Yardstick-Signature", "sha256=" + HexFormat.of().formatHex(mac.doFinal(bytes)))
            .POST(HttpRequest.BodyPublishers.ofByteArray(bytes))
            .build();
    HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
    int s = r.statusCode();
    if (s >= 200 && s < 300) return;
    if (s >= 500 || s == 408 || s == 429) throw new IOException("The webhook answered HTTP " + s);
    throw new Permanent("The webhook answered HTTP " + s + "; not retried.", false);
  }
}
