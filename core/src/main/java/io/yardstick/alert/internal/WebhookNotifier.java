package io.yardstick.alert.internal;

import io.yardstick.alert.AlertSettings;
import io.yardstick.alert.Notification;
import io.yardstick.alert.Notifier;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * POSTs the notification's JSON to the target URL, signed: {@code X-Yardstick-Signature:
 * sha256=HEX} is the HMAC-SHA256 of the body under the shared secret, {@code Idempotency-Key} lets
 * the receiver drop a repeat. A 2xx answer is delivery; 5xx, 408, 429 and network errors are
 * retried with back-off; any other answer is final.
 */
public final class WebhookNotifier implements Notifier {
  private final AlertSettings settings;
  private final Retrying retrying;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  public WebhookNotifier(AlertSettings settings) {
    this.settings = settings;
    this.retrying = new Retrying(settings);
  }

  @Override
  public void send(Notification n) throws Exception {
    if (settings.webhookSecret() == null || settings.webhookSecret().isEmpty()) {
      throw new Retrying.Permanent(
          "No webhook secret is set; set YARDSTICK_WEBHOOK_SECRET so that receivers can"
              + " check the signature.");
    }
    try {
      io.yardstick.alert.Targets.checkWebhookHost(n.target(), settings.privateWebhooks());
    } catch (io.yardstick.YardstickException e) {
      throw new Retrying.Permanent(e.getMessage());
    }
    byte[] body = Payloads.json(n).getBytes(StandardCharsets.UTF_8);
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(n.target().substring("webhook:".length())))
            .timeout(Duration.ofSeconds(10))
            .header("Content-Type", "application/json")
            .header("User-Agent", "Yardstick-Alerts")
            .header("Idempotency-Key", n.idempotencyKey())
            .header("X-Yardstick-Signature", Payloads.signature(settings.webhookSecret(), body))
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build();
    retrying.run(
        () -> {
          HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
          int s = r.statusCode();
          if (s >= 200 && s < 300) return;
          String what = "The webhook answered HTTP " + s;
          if (s >= 500 || s == 408 || s == 429) throw new IOException(what);
          throw new Retrying.Permanent(what + "; not retried.");
        });
  }
}
