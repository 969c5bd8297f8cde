package io.yardstick.alert.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.yardstick.alert.Alert;
import io.yardstick.alert.Notification;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** The JSON body of a notification and its signature. */
public final class Payloads {
  private static final ObjectMapper JSON = new ObjectMapper();

  private Payloads() {}

  /** The notification as the webhook body and the log line carry it (docs/alerts.md). */
  public static String json(Notification n) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("idempotency_key", n.idempotencyKey());
    body.put("transition", n.transition());
    body.put("sent_at", n.sentAt().toString());
    body.put("alert", alert(n.alert()));
    try {
      return JSON.writeValueAsString(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  public static Map<String, Object> alert(Alert a) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", a.id());
    m.put("rule_id", a.ruleId());
    m.put("rule", a.ruleName());
    m.put("status", a.firing() ? "firing" : "resolved");
    m.put("fired_at", a.firedAt().toString());
    m.put("value", a.firedValue());
    m.put("threshold", a.threshold());
    m.put("resolved_at", a.resolvedAt() == null ? null : a.resolvedAt().toString());
    m.put("resolved_value", a.resolvedValue());
    m.put("message", a.message());
    return m;
  }

  /** A number as people read it: 180, 7.5. */
  public static String number(Double d) {
    if (d == null) return "-";
    return d == Math.rint(d) && Math.abs(d) < 1e15 ? String.valueOf(d.longValue())
        : String.format(java.util.Locale.ROOT, "%.1f", d);
  }

  /** {@code sha256=} and the lowercase hex HMAC-SHA256 of the body under the secret (as GitHub signs webhooks). */
  public static String signature(String secret, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HMAC-SHA256 is not available: " + e.getMessage(), e);
    }
  }
}
