package io.yardstick.staffing;

import java.time.Duration;
import java.time.Instant;

/**
 * Contacts offered in one interval: from history, a forecast, or by hand. A forecast may give
 * fractional volumes.
 *
 * @param start the interval's first instant
 * @param length the interval's length (30 minutes in a usual plan)
 * @param contacts contacts offered
 */
public record IntervalVolume(Instant start, Duration length, double contacts) {
  public IntervalVolume {
    if (start == null || length == null)
      throw new StaffingException("an interval needs a start and a length");
    if (length.isNegative() || length.isZero()) {
      throw new StaffingException("an interval must be longer than 0, not " + length);
    }
    if (!(contacts >= 0) || Double.isInfinite(contacts)) {
      throw new StaffingException(
          "contacts must be 0 or more, not " + contacts + " (interval " + start + ")");
    }
  }

  public Instant end() {
    return start.plus(length);
  }
}
