package io.yardstick.forecast;

import io.yardstick.YardstickException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Set;
import java.util.TreeSet;

/**
 * What to forecast: inbound contacts of a channel (and optionally one queue), per interval of local
 * time in a zone.
 *
 * @param channel the channel, as stored (phone, chat, email...)
 * @param queue one queue, or null for all the channel's queues together
 * @param intervalMinutes 15, 30, 60, or 1440 for a daily forecast
 * @param horizonDays days to forecast, 1 to 56 (8 weeks)
 * @param start the first local day forecast; the history is the {@code historyDays} whole days
 *     before it
 * @param historyDays days of history to learn from (at least 7; 84 by default in the CLI)
 * @param excluded local days left out of training and scoring (holidays, known events)
 * @param holidays a public-holiday calendar (Jollyday: ES, ES-CT, RO, US-NY...), or null: past
 *     holidays are left out of learning and future ones forecast from how past ones compared with
 *     their weekdays
 * @param holidaysClosed whether the centre is closed on those holidays (then they are forecast as
 *     0)
 * @param keepSpecialDays whether the special days found automatically are kept in learning and
 *     scoring (they are still listed); by default they are left out as excluded days are
 */
public record ForecastRequest(
    String channel,
    String queue,
    int intervalMinutes,
    int horizonDays,
    ZoneId zone,
    LocalDate start,
    int historyDays,
    Set<LocalDate> excluded,
    String holidays,
    boolean holidaysClosed,
    boolean keepSpecialDays) {
  /** A request without holiday calendar, special days found and left out. */
  public ForecastRequest(
      String channel,
      String queue,
      int intervalMinutes,
      int horizonDays,
      ZoneId zone,
      LocalDate start,
      int historyDays,
      Set<LocalDate> excluded) {
    this(
        channel,
        queue,
        intervalMinutes,
        horizonDays,
        zone,
        start,
        historyDays,
        excluded,
        null,
        false,
        false);
  }

  /** The interval sizes accepted. */
  public static final Set<Integer> INTERVALS = Set.of(15, 30, 60, 1440);

  /** The longest horizon: 8 weeks. */
  public static final int MAX_HORIZON_DAYS = 56;

  public ForecastRequest {
    if (channel == null || channel.isBlank())
      throw new YardstickException("A forecast needs a channel, such as phone.");
    if (!INTERVALS.contains(intervalMinutes)) {
      throw new YardstickException(
          "Interval "
              + intervalMinutes
              + " minutes is not supported; use 15, 30 or 60"
              + " minutes, or 1440 (a day).");
    }
    if (horizonDays < 1 || horizonDays > MAX_HORIZON_DAYS) {
      throw new YardstickException(
          "Horizon "
              + horizonDays
              + " days is out of range; forecast 1 to "
              + MAX_HORIZON_DAYS
              + " days (8 weeks).");
    }
    if (historyDays < 7) {
      throw new YardstickException(
          "History of "
              + historyDays
              + " days is too short; give at least 7 days (a week),"
              + " better 8 weeks or more.");
    }
    excluded = Set.copyOf(excluded == null ? Set.of() : excluded);
    if (holidays != null && holidays.isBlank()) holidays = null;
  }

  /** The same request with another holiday calendar. */
  public ForecastRequest withHolidays(String calendar, boolean closed) {
    return new ForecastRequest(
        channel,
        queue,
        intervalMinutes,
        horizonDays,
        zone,
        start,
        historyDays,
        excluded,
        calendar,
        closed,
        keepSpecialDays);
  }

  /** The same request, keeping special days in (or not). */
  public ForecastRequest keepingSpecialDays(boolean keep) {
    return new ForecastRequest(
        channel,
        queue,
        intervalMinutes,
        horizonDays,
        zone,
        start,
        historyDays,
        excluded,
        holidays,
        holidaysClosed,
        keep);
  }

  /** Intervals in a day. */
  public int perDay() {
    return 1440 / intervalMinutes;
  }

  /** The excluded days, sorted. */
  public TreeSet<LocalDate> excludedSorted() {
    return new TreeSet<>(excluded);
  }
}
