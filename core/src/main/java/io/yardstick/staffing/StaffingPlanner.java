package io.yardstick.staffing;

import io.yardstick.forecast.Forecast;
import io.yardstick.forecast.ForecastRequest;
import io.yardstick.store.Store;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.function.Function;

/**
 * A staffing plan for every interval of a period, from the contacts that came (history: with the
 * agents who were logged in, and the gap) or from a volume forecast made now (days not yet come),
 * the one orchestration the CLI and the API share.
 *
 * <ul>
 *   <li>Volumes: history counts the inbound contacts per interval; a forecast is made from the
 *       {@value #FORECAST_HISTORY_DAYS} days before the plan's first day, and its intervals (never
 *       below 0) are the volumes.
 *   <li>AHT: the one given, else the channel's AHT over the plan's period (history) or over the
 *       {@value #DAYS_BEFORE} days before its first day (forecast: future days have no handle
 *       times); none there is an error that says to give one.
 *   <li>Patience (Erlang A): the one given in the target, or, when asked from history, the mean
 *       patience estimated from the abandons of the same days as the AHT.
 * </ul>
 *
 * <pre>{@code
 * StaffingPlanner.Result r = new StaffingPlanner(store, forecaster::forecastNow).plan(new StaffingPlanner.Request(
 *     StaffingPlanner.Source.FORECAST, "phone", from, to, zone, 30, null, false, target));
 * r.plan().peakAgents();
 * }</pre>
 */
public final class StaffingPlanner {
  /** Days of history a forecast for a plan learns from. */
  public static final int FORECAST_HISTORY_DAYS = 84;

  /** Days before a forecast plan whose AHT (and patience) stand for the days not yet come. */
  public static final int DAYS_BEFORE = 28;

  /** Where the volumes come from. */
  public enum Source {
    HISTORY,
    FORECAST;

    public String id() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /**
   * @param ahtSeconds the average handle time, or null for the channel's own (see the class
   *     comment)
   * @param patienceFromHistory estimate the mean patience from the abandons (Erlang A), replacing
   *     the target's
   */
  public record Request(
      Source source,
      String channel,
      LocalDate from,
      LocalDate to,
      ZoneId zone,
      int intervalMinutes,
      Double ahtSeconds,
      boolean patienceFromHistory,
      StaffingTarget target) {
    public Request {
      io.yardstick.Parse.period(from, to);
    }

    /** The plan's own days. */
    public StaffingHistory.Period period() {
      return new StaffingHistory.Period(from, to, zone, Duration.ofMinutes(intervalMinutes));
    }

    /** The days the AHT and patience are measured over when not given. */
    public StaffingHistory.Period measured() {
      return source == Source.HISTORY
          ? period()
          : new StaffingHistory.Period(
              from.minusDays(DAYS_BEFORE),
              from.minusDays(1),
              zone,
              Duration.ofMinutes(intervalMinutes));
    }
  }

  /**
   * @param ahtFromHistory whether the AHT was measured (over {@code request.measured()}) rather
   *     than given
   * @param patience the estimated patience, or null when none was asked from history
   * @param forecast the forecast the volumes came from, or null for history
   */
  public record Result(
      Request request,
      StaffingPlan plan,
      double ahtSeconds,
      boolean ahtFromHistory,
      Patience patience,
      Forecast forecast) {}

  private final Store store;
  private final Function<ForecastRequest, Forecast> forecasts;

  /**
   * @param forecasts makes (or finds in a cache) the forecast of a request
   */
  public StaffingPlanner(Store store, Function<ForecastRequest, Forecast> forecasts) {
    this.store = store;
    this.forecasts = forecasts;
  }

  public Result plan(Request r) {
    StaffingHistory.Period measured = r.measured();
    double aht;
    boolean ahtFromHistory = r.ahtSeconds() == null;
    if (ahtFromHistory) {
      OptionalDouble v = StaffingHistory.aht(store, r.channel(), measured);
      aht =
          v.orElseThrow(
              () ->
                  new StaffingException(
                      "no answered inbound "
                          + r.channel()
                          + " contact from "
                          + measured.from()
                          + " to "
                          + measured.to()
                          + " gives an AHT; give the AHT in seconds"));
    } else {
      aht = r.ahtSeconds();
    }
    StaffingTarget target = r.target();
    Patience patience = null;
    if (r.patienceFromHistory()) {
      patience = StaffingHistory.patience(store, r.channel(), measured);
      target =
          new StaffingTarget(
              target.serviceLevel(),
              target.answerSeconds(),
              target.maxOccupancy(),
              target.shrinkage(),
              patience.meanSeconds(),
              target.concurrency(),
              target.maxAgents());
    }
    StaffingHistory.Period period = r.period();
    if (r.source() == Source.HISTORY) {
      StaffingPlan plan =
          StaffingPlan.of(StaffingHistory.volumes(store, r.channel(), period), aht, target)
              .against(StaffingHistory.loggedIn(store, r.channel(), period));
      return new Result(r, plan, aht, ahtFromHistory, patience, null);
    }
    int days = (int) (r.to().toEpochDay() - r.from().toEpochDay() + 1);
    Forecast forecast =
        forecasts.apply(
            new ForecastRequest(
                r.channel(),
                null,
                r.intervalMinutes(),
                days,
                r.zone(),
                r.from(),
                FORECAST_HISTORY_DAYS,
                Set.of()));
    // the forecast's intervals become the plan's volumes; no one has logged in on days not yet come
    List<IntervalVolume> volumes =
        forecast.intervals().stream()
            .map(
                p ->
                    new IntervalVolume(
                        p.start(), Duration.between(p.start(), p.end()), Math.max(0, p.forecast())))
            .toList();
    return new Result(
        r, StaffingPlan.of(volumes, aht, target), aht, ahtFromHistory, patience, forecast);
  }
}
