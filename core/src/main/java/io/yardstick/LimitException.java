package io.yardstick;

/**
 * A question refused or stopped because it would cost more than its limits allow: the store's
 * {@code Bounds} of a query, or the {@code Limits} of the settings file. The message names the
 * limit, its setting and how to narrow the question; {@link #timedOut()} tells a cancelled query
 * from a refused one.
 */
public final class LimitException extends YardstickException {
  private final boolean timedOut;

  public LimitException(String message, boolean timedOut) {
    super(message);
    this.timedOut = timedOut;
  }

  /**
   * Whether the question ran and was cancelled after its time (else it was refused, or stopped at a
   * row limit).
   */
  public boolean timedOut() {
    return timedOut;
  }
}
