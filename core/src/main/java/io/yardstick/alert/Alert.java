package io.yardstick.alert;

import java.time.Instant;

/**
 * One alarm of a rule: it fired (with the value and threshold then) and, once the condition
 * cleared, resolved.
 *
 * @param resolvedAt null while it is firing
 */
public record Alert(
    long id,
    long ruleId,
    String ruleName,
    Instant firedAt,
    Double firedValue,
    Double threshold,
    Instant resolvedAt,
    Double resolvedValue,
    String message) {
  public boolean firing() {
    return resolvedAt == null;
  }
}
