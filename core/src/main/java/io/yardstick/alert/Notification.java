package io.yardstick.alert;

import java.time.Instant;
import java.util.List;

/**
 * One message about an alert's transition (fired or resolved) to one target, with the idempotency
 * key that a receiver uses to drop a repeat (sent again after a restart that came between the send
 * and its record).
 *
 * @param transition {@code fired} or {@code resolved}
 * @param target {@code log}, {@code webhook:URL} or {@code email:ADDRESS}
 * @param slaTargets the SLA targets an {@code sla_due} or {@code sla_breached} alert names (empty
 *     for other rules), so that a receiver can act on each case without parsing the message
 */
public record Notification(
    String idempotencyKey,
    String transition,
    String target,
    Alert alert,
    Instant sentAt,
    List<SlaTarget> slaTargets) {

  /**
   * One SLA target an alert names: the case, the target's metric ({@code first_reply}, {@code
   * resolution}...), when it started, the policy that set it, and its due time.
   */
  public record SlaTarget(
      String caseId, String metric, Instant startedAt, String policy, Instant dueAt) {}

  public Notification {
    slaTargets = List.copyOf(slaTargets);
  }

  /** A notification of an alert that names no SLA targets. */
  public Notification(
      String idempotencyKey, String transition, String target, Alert alert, Instant sentAt) {
    this(idempotencyKey, transition, target, alert, sentAt, List.of());
  }

  /** The stored state of a notification. */
  public record Record(
      String idempotencyKey,
      long alertId,
      String transition,
      String target,
      String state,
      int attempts,
      Instant updatedAt,
      String error) {
    static Record of(Object[] r) {
      return new Record(
          (String) r[0],
          ((Number) r[1]).longValue(),
          (String) r[2],
          (String) r[3],
          (String) r[4],
          ((Number) r[5]).intValue(),
          (Instant) r[6],
          (String) r[7]);
    }
  }

  /** "FIRING" or "RESOLVED", for subjects and log lines. */
  public String headline() {
    return transition.equals("fired") ? "FIRING" : "RESOLVED";
  }
}
