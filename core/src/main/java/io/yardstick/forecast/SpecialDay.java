package io.yardstick.forecast;

import java.time.LocalDate;

/**
 * A day of the history (or of the horizon) that is not an ordinary day of its weekday, found by the
 * rule in {@code docs/forecasting.md} ("Special days") or named by a holiday calendar or the
 * settings.
 *
 * @param date the local day
 * @param volume the inbound contacts that came that day (for a future day: null)
 * @param expected what its weekday normally brings: the median of the same weekday in the
 *     surrounding weeks (null when there were too few such days)
 * @param why {@code closed} (no contacts where its weekday normally has them), {@code low}, {@code
 *     high} (far from the median, see the rule), {@code holiday} (a public holiday of the calendar
 *     asked), {@code closure} or {@code campaign} (a dated event of the settings)
 * @param name the holiday's or event's name, or null
 * @param kept whether it was kept in learning and scoring (the user asked to keep special days);
 *     otherwise it was left out, as an excluded day is
 * @param factor for a day ahead: what its ordinary-day forecast ({@code expected}) was multiplied
 *     by (0 closed, a campaign's multiplier, the ratio learnt from past holidays or events), or
 *     null when it is forecast as an ordinary day; null for a day of the history
 */
public record SpecialDay(
    LocalDate date,
    Double volume,
    Double expected,
    String why,
    String name,
    boolean kept,
    Double factor) {
  /** A day of the history. */
  public SpecialDay(
      LocalDate date, Double volume, Double expected, String why, String name, boolean kept) {
    this(date, volume, expected, why, name, kept, null);
  }
}
