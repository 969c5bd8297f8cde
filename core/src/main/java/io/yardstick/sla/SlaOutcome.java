package io.yardstick.sla;

import java.time.Instant;

/**
 * One measured SLA target of one ticket: a first reply, one next reply (one per unanswered customer
 * reply), one update period, or the resolution.
 *
 * @param policy the policy whose target applies: the one in force when the target was fulfilled, or
 *     at the evaluation instant while it is still open
 * @param targetSeconds the time allowed, in business seconds when the policy has business hours
 * @param startedAt when its clock started
 * @param fulfilledAt when it was fulfilled (the reply, the solve), or null while open
 * @param dueAt when the target falls due if the clock keeps running; null while an open target is
 *     paused
 * @param elapsedSeconds the counted time from the start to the fulfilment (or the evaluation
 *     instant), without pauses and, with business hours, without closed time
 * @param state met, breached, or open (not fulfilled and not yet breached)
 */
public record SlaOutcome(
    String caseId,
    SlaMetric metric,
    String policy,
    double targetSeconds,
    Instant startedAt,
    Instant fulfilledAt,
    Instant dueAt,
    double elapsedSeconds,
    State state) {

  public enum State {
    MET,
    BREACHED,
    OPEN
  }

  /** The counted time left before the breach (negative once breached). */
  public double secondsToBreach() {
    return targetSeconds - elapsedSeconds;
  }
}
