package io.yardstick.forecast;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/**
 * A volume forecast as made: the request, the model chosen and the backtest behind the choice, and
 * the forecast per interval and per day with prediction intervals.
 *
 * @param madeAt when it was made (the injected clock)
 * @param historyFrom first local day of the history used (later than asked when the store's data
 *     starts later)
 * @param historyTo last local day of the history used
 * @param historyContacts inbound contacts in the history
 * @param intervals one point per interval of the horizon (local intervals that do not exist on a
 *     DST day are left out)
 * @param days one point per day: the day's total
 * @param scores the backtest of every model tried (seasonal naive first); the chosen one is marked
 * @param level the coverage of the prediction intervals (0.8: low and high are the 10th and 90th
 *     percentiles)
 * @param specialDays the special days of the history (found, or holidays of the calendar asked) and
 *     the holidays of the horizon, by date
 * @param holidayRatio how past holidays compared with their weekdays (volume / expected, pooled),
 *     by which future holidays are forecast; null when no holiday calendar was asked or no past
 *     holiday was seen
 */
public record Forecast(
    ForecastRequest request,
    Instant madeAt,
    LocalDate historyFrom,
    LocalDate historyTo,
    long historyContacts,
    Model model,
    List<Point> intervals,
    List<Point> days,
    List<SeriesForecaster.Score> scores,
    int origins,
    int backtestIntervals,
    double level,
    List<SpecialDay> specialDays,
    Double holidayRatio,
    List<SpecialInterval> specialIntervals) {
  public Forecast {
    intervals = List.copyOf(intervals);
    days = List.copyOf(days);
    scores = List.copyOf(scores);
    specialDays = List.copyOf(specialDays);
    specialIntervals = List.copyOf(specialIntervals);
  }

  /** The special day of a date, or null. */
  public SpecialDay special(LocalDate date) {
    return specialDays.stream().filter(s -> s.date().equals(date)).findFirst().orElse(null);
  }

  /**
   * One forecast value.
   *
   * @param local the local start of the interval (or day)
   * @param start its instant
   * @param end the instant it ends
   * @param low the lower prediction bound, or null when there was no backtest to derive it from
   */
  public record Point(
      LocalDateTime local, Instant start, Instant end, double forecast, Double low, Double high) {}

  /** The chosen model's backtest, or null when the history was too short for one. */
  public SeriesForecaster.Score chosen() {
    return scores.stream().filter(SeriesForecaster.Score::chosen).findFirst().orElse(null);
  }

  /** The seasonal-naive backtest, or null. */
  public SeriesForecaster.Score baseline() {
    return scores.stream().filter(s -> s.model() == Model.SEASONAL_NAIVE).findFirst().orElse(null);
  }
}
