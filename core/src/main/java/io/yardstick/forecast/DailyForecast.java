package io.yardstick.forecast;

import io.yardstick.YardstickException;
import io.yardstick.store.Store;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.Set;

/**
 * The daily scheduled forecast: once a day, at a local time, the forecast of every channel (whole
 * and queue by queue) from that day on is made and stored, so that {@code forecast accuracy} and
 * the {@code forecast_wape} KPI always have data without anyone remembering to run a command.
 * {@code yardstick serve} schedules it; tests do not.
 *
 * <p>Configured by environment variables (docs/forecasting.md, "Daily forecast"): {@code
 * YARDSTICK_DAILY_FORECAST} ({@code on}, the default, or {@code off}), {@code
 * YARDSTICK_DAILY_FORECAST_AT} (local time, 02:00), {@code YARDSTICK_DAILY_FORECAST_TZ} (UTC),
 * {@code YARDSTICK_DAILY_FORECAST_INTERVAL} (minutes, 30), {@code YARDSTICK_DAILY_FORECAST_HORIZON}
 * (days, 14), {@code YARDSTICK_DAILY_FORECAST_HISTORY} (days, 84) and {@code
 * YARDSTICK_DAILY_FORECAST_HOLIDAYS} (a Jollyday calendar such as ES-CT, or none).
 */
public record DailyForecast(
    boolean enabled,
    LocalTime at,
    ZoneId zone,
    int intervalMinutes,
    int horizonDays,
    int historyDays,
    String holidays) {

  public static DailyForecast defaults() {
    return new DailyForecast(true, LocalTime.of(2, 0), ZoneId.of("UTC"), 30, 14, 84, null);
  }

  /**
   * The settings of the environment variables named above; a bad value is an error naming its
   * variable.
   */
  public static DailyForecast from(Map<String, String> env) {
    DailyForecast d = defaults();
    String on =
        env.getOrDefault("YARDSTICK_DAILY_FORECAST", "on")
            .strip()
            .toLowerCase(java.util.Locale.ROOT);
    if (!on.equals("on") && !on.equals("off")) {
      throw new YardstickException("YARDSTICK_DAILY_FORECAST is '" + on + "'; give on or off.");
    }
    try {
      DailyForecast r =
          new DailyForecast(
              on.equals("on"),
              LocalTime.parse(
                  env.getOrDefault("YARDSTICK_DAILY_FORECAST_AT", d.at().toString()).strip()),
              ZoneId.of(env.getOrDefault("YARDSTICK_DAILY_FORECAST_TZ", d.zone().getId()).strip()),
              Integer.parseInt(env.getOrDefault("YARDSTICK_DAILY_FORECAST_INTERVAL", "30").strip()),
              Integer.parseInt(env.getOrDefault("YARDSTICK_DAILY_FORECAST_HORIZON", "14").strip()),
              Integer.parseInt(env.getOrDefault("YARDSTICK_DAILY_FORECAST_HISTORY", "84").strip()),
              env.get("YARDSTICK_DAILY_FORECAST_HOLIDAYS"));
      r.template(LocalDate.of(2000, 1, 3)); // validates interval, horizon, history
      if (r.holidays() != null && !r.holidays().isBlank()) Holidays.check(r.holidays());
      return r;
    } catch (java.time.DateTimeException | NumberFormatException e) {
      throw new YardstickException(
          "The daily forecast's settings (YARDSTICK_DAILY_FORECAST_*) are not valid: "
              + e.getMessage());
    }
  }

  public static DailyForecast fromEnvironment() {
    return from(System.getenv());
  }

  /** The request every series is forecast with, from {@code start}. */
  public ForecastRequest template(LocalDate start) {
    return new ForecastRequest(
        "*",
        null,
        intervalMinutes,
        horizonDays,
        zone,
        start,
        historyDays,
        Set.of(),
        holidays == null || holidays.isBlank() ? null : holidays,
        false,
        false);
  }

  /**
   * Whether the latest run due by now was missed: no forecast stored since it was due (a new store,
   * or a server that was down at that time). {@code serve} then runs at once, as anacron does, so
   * that {@code forecast_wape} has data without waiting for the next day.
   *
   * @param lastMade when the latest stored forecast was made, or null when none is stored
   */
  public boolean missed(java.time.Instant lastMade, Clock clock) {
    ZonedDateTime now = ZonedDateTime.now(clock.withZone(zone));
    ZonedDateTime due = now.toLocalDate().atTime(at).atZone(zone);
    if (due.isAfter(now)) due = now.toLocalDate().minusDays(1).atTime(at).atZone(zone);
    return lastMade == null || lastMade.isBefore(due.toInstant());
  }

  /** The time until the next run, from now. */
  public Duration untilNext(Clock clock) {
    ZonedDateTime now = ZonedDateTime.now(clock.withZone(zone));
    ZonedDateTime next = now.toLocalDate().atTime(at).atZone(zone);
    if (!next.isAfter(now)) next = now.toLocalDate().plusDays(1).atTime(at).atZone(zone);
    return Duration.between(now, next);
  }

  /**
   * Forecasts every channel and queue from today (in the zone) and stores each forecast.
   *
   * @return the series stored
   */
  public int run(Store store, Clock clock) {
    return run(store, clock, ForecastSettings.none());
  }

  /**
   * {@link #run(Store, Clock)} following the settings file's {@code forecast} section: each series'
   * holiday calendar (when no {@code YARDSTICK_DAILY_FORECAST_HOLIDAYS} is given) and its closures
   * and campaigns.
   */
  public int run(Store store, Clock clock, ForecastSettings settings) {
    Forecaster forecaster = new Forecaster(store, clock, settings);
    int stored = 0;
    for (Forecaster.SeriesForecast s :
        forecaster.forecastAll(template(LocalDate.now(clock.withZone(zone))), true, p -> {})) {
      if (s.forecast() == null) continue;
      forecaster.save(s.forecast());
      stored++;
    }
    return stored;
  }
}
