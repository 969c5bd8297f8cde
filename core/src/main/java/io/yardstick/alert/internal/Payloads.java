package io.yardstick.alert.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.yardstick.alert.Notification;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
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
    body.put("alert", io.yardstick.alert.AlertJson.alert(n.alert()));
    if (!n.slaTargets().isEmpty()) {
      List<Map<String, Object>> targets = new ArrayList<>();
      for (Notification.SlaTarget t : n.slaTargets()) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("case_id", t.caseId());
        m.put("metric", t.metric());
        m.put("policy", t.policy());
        m.put("started_at", t.startedAt().toString());
        m.put("due_at", t.dueAt().toString());
        targets.add(m);
      }
      body.put("sla_targets", targets);
    }
    try {
      return JSON.writeValueAsString(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * {@code sha256=} and the lowercase hex HMAC-SHA256 of the body under the secret (as GitHub signs
   * webhooks).
   */
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
