package io.yardstick.report.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeException;
import dev.failsafe.RetryPolicy;
import io.yardstick.YardstickException;
import io.yardstick.alert.AlertSettings;
import io.yardstick.alert.Targets;
import io.yardstick.report.Headline;
import io.yardstick.report.ReportMessage;
import io.yardstick.report.ReportSender;
import io.yardstick.report.ReportText;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Posts a report's headline numbers and a link to a Slack incoming webhook (Block Kit: a header, a
 * section of fields, a context line, a button) or a Microsoft Teams incoming webhook (a message
 * with an Adaptive Card 1.4: a title, a FactSet, an Action.OpenUrl). The address is checked against
 * internal networks as alert webhooks are; 5xx, 408, 429 and network errors are retried with
 * back-off, any other answer is final.
 */
public final class ChatReportSender implements ReportSender {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Which card format. */
  public enum Format {
    SLACK,
    TEAMS
  }

  private final AlertSettings settings;
  private final Format format;
  private final RetryPolicy<Object> retry;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  public ChatReportSender(AlertSettings settings, Format format) {
    this.settings = settings;
    this.format = format;
    this.retry =
        RetryPolicy.builder()
            .handle(IOException.class)
            .withBackoff(settings.firstBackoff(), settings.maxBackoff())
            .withMaxRetries(settings.retries())
            .build();
  }

  @Override
  public void send(ReportMessage m) throws Exception {
    String url = m.target().substring(m.target().indexOf(':') + 1);
    try {
      Targets.checkWebhookHost("webhook:" + url, settings.privateWebhooks());
    } catch (YardstickException e) {
      throw new IllegalStateException(e.getMessage());
    }
    byte[] body = JSON.writeValueAsBytes(format == Format.SLACK ? slack(m) : teams(m));
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(url))
            .timeout(Duration.ofSeconds(10))
            .header("Content-Type", "application/json")
            .header("User-Agent", "Yardstick-Reports")
            .header("Idempotency-Key", m.idempotencyKey())
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build();
    try {
      Failsafe.with(retry)
          .run(
              () -> {
                HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
                int s = r.statusCode();
                if (s >= 200 && s < 300) return;
                String what =
                    "The "
                        + format.name().toLowerCase(java.util.Locale.ROOT)
                        + " webhook answered HTTP "
                        + s;
                if (s >= 500 || s == 408 || s == 429) throw new IOException(what);
                throw new IllegalStateException(what + "; not retried.");
              });
    } catch (FailsafeException e) {
      throw e.getCause() instanceof Exception cause ? cause : e;
    }
  }

  /**
   * Block Kit: header, one section with a field per headline number, a context line with the zone,
   * a link button.
   */
  public static Map<String, Object> slack(ReportMessage m) {
    ReportText t = m.text();
    List<Object> blocks = new ArrayList<>();
    blocks.add(
        Map.of(
            "type",
            "header",
            "text",
            Map.of("type", "plain_text", "text", clip(m.report().view().name(), 150))));
    blocks.add(
        Map.of(
            "type",
            "section",
            "text",
            Map.of(
                "type",
                "mrkdwn",
                "text",
                t.period(m.report().view().period(), m.report().from(), m.report().to()))));
    List<Object> fields = new ArrayList<>();
    for (Headline.Line l : Headline.lines(m.report(), t)) {
      if (fields.size() == 10) break; // Block Kit allows ten fields in a section
      fields.add(
          Map.of(
              "type",
              "mrkdwn",
              "text",
              "*"
                  + l.name()
                  + "*\n"
                  + l.value()
                  + (l.change() == null ? "" : " (" + l.change() + ")")));
    }
    if (!fields.isEmpty()) blocks.add(Map.of("type", "section", "fields", fields));
    blocks.add(
        Map.of(
            "type",
            "context",
            "elements",
            List.of(
                Map.of(
                    "type",
                    "mrkdwn",
                    "text",
                    t.t("period.zone") + ": " + m.report().view().zone().getId()))));
    blocks.add(
        Map.of(
            "type",
            "actions",
            "elements",
            List.of(
                Map.of(
                    "type",
                    "button",
                    "text",
                    Map.of("type", "plain_text", "text", t.t("report.open")),
                    "url",
                    m.link()))));
    Map<String, Object> body = new LinkedHashMap<>();
    body.put(
        "text",
        Headline.subject(m.report(), t)); // the notification's text, where blocks cannot show
    body.put("blocks", blocks);
    return body;
  }

  /**
   * A Teams message carrying one Adaptive Card 1.4: title, period, a FactSet of the headline
   * numbers, a link.
   */
  public static Map<String, Object> teams(ReportMessage m) {
    ReportText t = m.text();
    List<Object> facts = new ArrayList<>();
    for (Headline.Line l : Headline.lines(m.report(), t)) {
      facts.add(
          Map.of(
              "title",
              l.name(),
              "value",
              l.value() + (l.change() == null ? "" : " (" + l.change() + ")")));
    }
    Map<String, Object> card = new LinkedHashMap<>();
    card.put("$schema", "http://adaptivecards.io/schemas/adaptive-card.json");
    card.put("type", "AdaptiveCard");
    card.put("version", "1.4");
    card.put(
        "body",
        List.of(
            Map.of(
                "type",
                "TextBlock",
                "text",
                m.report().view().name(),
                "weight",
                "Bolder",
                "size",
                "Medium",
                "wrap",
                true),
            Map.of(
                "type",
                "TextBlock",
                "text",
                t.period(m.report().view().period(), m.report().from(), m.report().to())
                    + " · "
                    + m.report().view().zone().getId(),
                "isSubtle",
                true,
                "wrap",
                true),
            Map.of("type", "FactSet", "facts", facts)));
    card.put(
        "actions",
        List.of(Map.of("type", "Action.OpenUrl", "title", t.t("report.open"), "url", m.link())));
    return Map.of(
        "type",
        "message",
        "attachments",
        List.of(Map.of("contentType", "application/vnd.microsoft.card.adaptive", "content", card)));
  }

  private static String clip(String s, int n) {
    return s.length() <= n ? s : s.substring(0, n - 1) + "…";
  }
}
