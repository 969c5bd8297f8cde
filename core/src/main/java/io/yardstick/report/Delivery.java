package io.yardstick.report;

import java.time.Instant;

/**
 * One delivery of a report to one target, recorded before it is sent.
 *
 * @param kind {@code scheduled} (an occurrence of the cadence) or {@code now} (sent on request)
 * @param state {@code pending}, {@code sending}, {@code sent}, {@code failed} or {@code skipped}
 *     (missed longer than the catch-up age)
 */
public record Delivery(
    String idempotencyKey,
    long scheduleId,
    Instant occurrence,
    String target,
    String kind,
    String state,
    int attempts,
    Instant updatedAt,
    String error) {
  static Delivery of(Object[] r) {
    return new Delivery(
        (String) r[0],
        ((Number) r[1]).longValue(),
        (Instant) r[2],
        (String) r[3],
        (String) r[4],
        (String) r[5],
        ((Number) r[6]).intValue(),
        (Instant) r[7],
        (String) r[8]);
  }
}
