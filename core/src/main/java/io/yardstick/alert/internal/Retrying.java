package io.yardstick.alert.internal;

import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeException;
import dev.failsafe.RetryPolicy;
import dev.failsafe.function.CheckedRunnable;
import io.yardstick.alert.AlertSettings;

/**
 * Retries with exponential back-off (Failsafe), except on {@link Permanent} failures, which no
 * retry can mend.
 */
final class Retrying {
  /** A failure that retrying cannot fix (a 4xx answer, no server configured). */
  static final class Permanent extends Exception {
    Permanent(String message) {
      super(message);
    }
  }

  private final RetryPolicy<Object> policy;

  Retrying(AlertSettings settings) {
    this.policy =
        RetryPolicy.builder()
            .handle(Exception.class)
            .abortOn(Permanent.class)
            .withBackoff(settings.firstBackoff(), settings.maxBackoff())
            .withMaxRetries(settings.retries())
            .build();
  }

  void run(CheckedRunnable attempt) throws Exception {
    try {
      Failsafe.with(policy).run(attempt);
    } catch (FailsafeException e) {
      throw e.getCause() instanceof Exception cause ? cause : e;
    }
  }
}
