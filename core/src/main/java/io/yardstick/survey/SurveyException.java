package io.yardstick.survey;

import io.yardstick.YardstickException;

/**
 * A survey link or answer that cannot be taken; {@link #reason()} tells a face which answer to
 * give.
 */
public final class SurveyException extends YardstickException {
  /** Why: a face maps these to its statuses (404, 410, 409, 400). */
  public enum Reason {
    /**
     * Forged, altered, unknown or erased: the same for all, so nothing is learnt about customers.
     */
    NOT_VALID,
    /** The link's time is over. */
    EXPIRED,
    /** Answered, and the time to change the answer is over. */
    CLOSED,
    /** A bad score or comment. */
    BAD_ANSWER
  }

  private final Reason reason;

  public SurveyException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
