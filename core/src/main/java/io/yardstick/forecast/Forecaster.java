package io.yardstick.forecast;

import io.yardstick.YardstickException;
import io.yardstick.forecast.internal.ForecastSql;
import io.yardstick.store.Store;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleConsumer;

/**
 * Volume forecasts from a store's history, kept in the store when made, and the accuracy of past ones.
 *
 * <pre>{@code
 * Forecaster forecaster = new Forecaster(store, Clock.systemUTC());
 * Forecast f = forecaster.forecast(new ForecastRequest("phone", null, 30, 14, zone, today, 84, Set.of()), p -> {});
 * forecaster.save(f);
 * PastAccuracy past = forecaster.accuracy("phone", null, 30, from, to, zone);
 * }</pre>
 *
 * <p>The series: inbound contacts by {@code arrived_at} per interval of local time in the request's zone, zero where
 * none came, over the whole days of history before the first forecast day (leading days before the store's first
 * contact of the series are dropped, so a young store does not teach the model a run of zeros). On the day clocks go
 * back, the repeated local hour holds both hours' contacts; on the day they go forward, the missing hour holds none and
 * is not forecast. {@link SeriesForecaster} does the rest.
 */
public final class Forecaster {
  private final Store store;
  private final Clock clock;

  public Forecaster(Store store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  /** The inbound contacts that came in one local interval. */
  public record Actual(Instant start, long contacts) {}

  /**
   * Inbound contacts per local interval of the request's series, from {@code daysBefore} days before its first day to
   * the end of its horizon, intervals started by now only (zero where none came; an interval skipped by a DST change is
   * left out), counted as {@link #forecast} counts its history: what a forecast is shown against.
   */
  public List<Actual> actuals(ForecastRequest r, int daysBefore) {
    ZoneId zone = r.zone();
    long step = r.intervalMinutes() * 60L;
    LocalDate first = r.start().minusDays(daysBefore);
    Instant from = first.atStartOfDay(zone).toInstant();
    Instant now = clock.instant();
    Instant end = r.start().plusDays(r.horizonDays()).atStartOfDay(zone).toInstant();
    Instant to = end.isBefore(now) ? end : now;
    List<Actual> out = new ArrayList<>();
    if (!from.isBefore(to)) return out;
    java.util.Map<Long, Long> counts = new java.util.HashMap<>();
    List<Object[]> rows = r.queue() == null
        ? store.query(ForecastSql.history(zone, r.intervalMinutes(), false), r.channel(), from, to)
        : store.query(ForecastSql.history(zone, r.intervalMinutes(), true), r.channel(), r.queue(), from, to);
    for (Object[] row : rows) counts.merge(((Number) row[0]).longValue(), ((Number) row[1]).longValue(), Long::sum);
    LocalDateTime last = LocalDateTime.ofInstant(to, zone);
    for (LocalDateTime t = first.atStartOfDay(); t.isBefore(last); t = t.plusMinutes(r.intervalMinutes())) {
      if (zone.getRules().getValidOffsets(t).isEmpty()) continue; // skipped by a DST change
      out.add(new Actual(t.atZone(zone).toInstant(), counts.getOrDefault(t.toEpochSecond(ZoneOffset.UTC) / step, 0L)));
    }
    return out;
  }

  /** Makes a forecast (not yet stored: see {@link #save}). */
  public Forecast forecast(ForecastRequest r, DoubleConsumer progress) {
    ZoneId zone = r.zone();
    long step = r.intervalMinutes() * 60L;
    int perDay = r.perDay();
    LocalDate historyFrom = r.start().minusDays(r.historyDays());
    Instant from = historyFrom.atStartOfDay(zone).toInstant();
    Instant to = r.start().atStartOfDay(zone).toInstant();
    List<Object[]> rows = r.queue() == null
        ? store.query(ForecastSql.history(zone, r.intervalMinutes(), false), r.channel(), from, to)
        : store.query(ForecastSql.history(zone, r.intervalMinutes(), true), r.channel(), r.queue(), from, to);
    long firstSlot = historyFrom.atStartOfDay().toEpochSecond(ZoneOffset.UTC) / step;
    int n = r.historyDays() * perDay;
    double[] y = new double[n];
    long total = 0;
    int firstSeen = n;
    for (Object[] row : rows) {
      int i = (int) (((Number) row[0]).longValue() - firstSlot);
      if (i < 0 || i >= n) continue; // an instant just outside the local days (DST edges)
      long c = ((Number) row[1]).longValue();
      y[i] += c;
      total += c;
      firstSeen = Math.min(firstSeen, i);
    }
    String series = "channel " + r.channel() + (r.queue() == null ? "" : ", queue " + r.queue());
    if (total == 0) {
      throw new YardstickException("No inbound contacts of " + series + " from " + historyFrom + " to "
          + r.start().minusDays(1) + " (" + zone.getId() + "): nothing to forecast from. Check the channel and queue"
          + " names, or move {start} to where the data is.");
    }
    int skipDays = firstSeen / perDay;
    if (r.historyDays() - skipDays < 7) {
      throw new YardstickException("Only " + (r.historyDays() - skipDays) + " days of " + series + " before "
          + r.start() + ": a forecast needs at least a week of history, better 8 weeks or more.");
    }
    historyFrom = historyFrom.plusDays(skipDays);
    double[] history = java.util.Arrays.copyOfRange(y, skipDays * perDay, n);
    boolean[] excluded = new boolean[history.length];
    boolean anyExcluded = false;
    for (int d = 0; d < history.length / perDay; d++) {
      if (r.excluded().contains(historyFrom.plusDays(d))) {
        java.util.Arrays.fill(excluded, d * perDay, (d + 1) * perDay, true);
        anyExcluded = true;
      }
    }

    SeriesForecaster.Result res = new SeriesForecaster(perDay, 7)
        .forecast(history, anyExcluded ? excluded : null, r.horizonDays() * perDay, progress);

    List<Forecast.Point> intervals = new ArrayList<>();
    LocalDateTime t0 = r.start().atStartOfDay();
    for (int i = 0; i < res.forecast().length; i++) {
      LocalDateTime local = t0.plusMinutes((long) i * r.intervalMinutes());
      if (zone.getRules().getValidOffsets(local).isEmpty()) continue; // skipped by a DST change
      LocalDateTime next = local.plusMinutes(r.intervalMinutes());
      intervals.add(new Forecast.Point(local, local.atZone(zone).toInstant(), next.atZone(zone).toInstant(),
          res.forecast()[i], orNull(res.low()[i]), orNull(res.high()[i])));
    }
    List<Forecast.Point> days = new ArrayList<>();
    for (int d = 0; d < res.dayForecast().length; d++) {
      LocalDate day = r.start().plusDays(d);
      days.add(new Forecast.Point(day.atStartOfDay(), day.atStartOfDay(zone).toInstant(),
          day.plusDays(1).atStartOfDay(zone).toInstant(), res.dayForecast()[d], orNull(res.dayLow()[d]),
          orNull(res.dayHigh()[d])));
    }
    return new Forecast(r, clock.instant(), historyFrom, r.start().minusDays(1), total, res.model(), intervals, days,
        res.scores(), res.origins(), res.backtestHorizon(), res.level());
  }

  private static Double orNull(double v) {
    return Double.isNaN(v) ? null : v;
  }

  /** Stores a forecast's intervals in the {@code forecasts} table, so that its accuracy can be measured later. */
  public void save(Forecast f) {
    ForecastRequest r = f.request();
    List<Forecast.Point> points = f.intervals();
    int chunk = 1000;
    for (int from = 0; from < points.size(); from += chunk) {
      List<Forecast.Point> part = points.subList(from, Math.min(points.size(), from + chunk));
      List<Object> params = new ArrayList<>(part.size() * 11);
      for (Forecast.Point p : part) {
        params.add(f.madeAt());
        params.add(r.channel());
        params.add(r.queue());
        params.add(r.intervalMinutes());
        params.add(r.zone().getId());
        params.add(f.model().id());
        params.add(p.start());
        params.add(p.end());
        params.add(p.forecast());
        params.add(p.low());
        params.add(p.high());
      }
      store.update(ForecastSql.insert(part.size()), params.toArray());
    }
  }

  /**
   * The accuracy of stored forecasts against what came, over the intervals starting on local days {@code from} to
   * {@code to} that are over now: for each interval, the latest forecast made no later than its start.
   *
   * @param channel one channel, or null for every channel (each its own series, pooled)
   * @param queue one queue, or null for the forecasts of whole channels
   */
  public PastAccuracy accuracy(String channel, String queue, int intervalMinutes, LocalDate from, LocalDate to,
      ZoneId zone) {
    if (queue != null && channel == null) {
      throw new YardstickException("A queue (" + queue + ") needs its channel; give the channel too.");
    }
    List<Object> params = new ArrayList<>(List.of(from.atStartOfDay(zone).toInstant(),
        to.plusDays(1).atStartOfDay(zone).toInstant(), clock.instant()));
    if (channel != null) params.add(channel);
    if (queue != null) params.add(queue);
    List<Object[]> rows = store.query(ForecastSql.past(intervalMinutes, channel != null, queue != null),
        params.toArray());
    List<PastAccuracy.Row> out = new ArrayList<>();
    Accuracy.Builder all = new Accuracy.Builder();
    for (Object[] row : rows) {
      PastAccuracy.Row x = new PastAccuracy.Row((String) row[0], (String) row[1], (Instant) row[2], (Instant) row[3],
          (Instant) row[4], (String) row[5], ((Number) row[6]).doubleValue(), number(row[7]), number(row[8]),
          ((Number) row[9]).longValue());
      out.add(x);
      all.add(x.actual(), x.forecast());
    }
    return new PastAccuracy(from, to, zone, intervalMinutes, all.build(), out);
  }

  /**
   * The {@code forecast_wape} KPI for a period: the WAPE (%) of the stored whole-channel forecasts at
   * {@code intervalMinutes} whose intervals start in the period and are over, against the inbound contacts that came;
   * null when no such forecast was stored (or nothing came).
   */
  public Double forecastWape(String channel, int intervalMinutes, LocalDate from, LocalDate to, ZoneId zone) {
    return accuracy(channel, null, intervalMinutes, from, to, zone).accuracy().wape();
  }

  private static Double number(Object o) {
    return o == null ? null : ((Number) o).doubleValue();
  }
}
