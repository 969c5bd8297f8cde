package io.yardstick.alert;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An alert as JSON-ready maps (keys in a stable order), for notifications, the CLI's JSON and the
 * API alike.
 */
public final class AlertJson {
  private AlertJson() {}

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
}
