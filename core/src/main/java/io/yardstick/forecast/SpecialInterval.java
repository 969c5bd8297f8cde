package io.yardstick.forecast;

import java.time.LocalDateTime;

/**
 * A run of intervals of an otherwise ordinary day of the history that brought far fewer contacts
 * than the same intervals of its weekday (an outage: a phone line down for an afternoon), found by
 * the rule in {@code docs/forecasting.md} ("Outages within a day").
 *
 * @param start the local start of its first interval
 * @param end the local end of its last interval
 * @param volume the inbound contacts that came in those intervals
 * @param expected the sum of the same intervals' medians over the same weekday in the nearest weeks
 * @param why {@code outage}
 * @param kept whether it was kept in learning and scoring (the user asked to keep special days);
 *     otherwise its intervals were left out, as an excluded day's are
 */
public record SpecialInterval(
    LocalDateTime start,
    LocalDateTime end,
    double volume,
    double expected,
    String why,
    boolean kept) {}
