package io.yardstick.forecast;

import io.yardstick.YardstickException;
import io.yardstick.forecast.internal.ForecastSql;
import io.yardstick.forecast.internal.SpecialDayRule;
import io.yardstick.store.Store;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleConsumer;

/**
 * Volume forecasts from a store's history, kept in the store when made, and the accuracy of past
 * ones.
 *
 * <pre>{@code
 * Forecaster forecaster = new Forecaster(store, Clock.systemUTC());
 * Forecast f = forecaster.forecast(new ForecastRequest("phone", null, 30, 14, zone, today, 84, Set.of()), p -> {});
 * forecaster.save(f);
 * PastAccuracy past = forecaster.accuracy("phone", null, 30, from, to, zone);
 * }</pre>
 *
 * <p>The series: inbound contacts by {@code arrived_at} per interval of local time in the request's
 * zone, zero where none came, over the whole days of history before the first forecast day (leading
 * days before the store's first contact of the series are dropped, so a young store does not teach
 * the model a run of zeros). On the day clocks go back, the repeated local hour holds both hours'
 * contacts; on the day they go forward, the missing hour holds none and is not forecast. {@link
 * SeriesForecaster} does the rest.
 */
public final class Forecaster {
  private final Store store;
  private final Clock clock;
  private final ForecastSettings settings;

  /** A forecaster without a settings file's {@code forecast} section. */
  public Forecaster(Store store, Clock clock) {
    this(store, clock, ForecastSettings.none());
  }

  /**
   * A forecaster whose forecasts follow the settings file's {@code forecast} section: each series'
   * holiday calendar (when the request names none) and its dated events.
   */
  public Forecaster(Store store, Clock clock, ForecastSettings settings) {
    this.store = store;
    this.clock = clock;
    this.settings = java.util.Objects.requireNonNull(settings);
  }

  /** The inbound contacts that came in one local interval. */
  public record Actual(Instant start, long contacts) {}

  /**
   * Inbound contacts per local interval of the request's series, from {@code daysBefore} days
   * before its first day to the end of its horizon, intervals started by now only (zero where none
   * came; an interval skipped by a DST change is left out), counted as {@link #forecast} counts its
   * history: what a forecast is shown against.
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
    List<Object[]> rows =
        r.queue() == null
            ? store.query(
                ForecastSql.history(zone, r.intervalMinutes(), false), r.channel(), from, to)
            : store.query(
                ForecastSql.history(zone, r.intervalMinutes(), true),
                r.channel(),
                r.queue(),
                from,
                to);
    for (Object[] row : rows)
      counts.merge(((Number) row[0]).longValue(), ((Number) row[1]).longValue(), Long::sum);
    LocalDateTime last = LocalDateTime.ofInstant(to, zone);
    for (LocalDateTime t = first.atStartOfDay();
        t.isBefore(last);
        t = t.plusMinutes(r.intervalMinutes())) {
      if (zone.getRules().getValidOffsets(t).isEmpty()) continue; // skipped by a DST change
      out.add(
          new Actual(
              t.atZone(zone).toInstant(),
              counts.getOrDefault(t.toEpochSecond(ZoneOffset.UTC) / step, 0L)));
    }
    return out;
  }

  /**
   * The forecast of one series of {@link #forecastAll}, or why there is none.
   *
   * @param forecast null when the series could not be forecast
   * @param error the reason, or null
   */
  public record SeriesForecast(ForecastRequest request, Forecast forecast, String error) {}

  /**
   * The most series {@link #forecastAll} forecasts in one call (each channel and each of its queues
   * counts one).
   */
  public static final int MAX_SERIES = 200;

  /**
   * Every channel with inbound contacts in the template's history, whole and (when {@code queues})
   * each of its queues: the template's request for each, channel and queue replaced, in channel
   * then queue order.
   */
  public List<ForecastRequest> series(ForecastRequest template, boolean queues) {
    ZoneId zone = template.zone();
    Instant from =
        template.start().minusDays(template.historyDays()).atStartOfDay(zone).toInstant();
    Instant to = template.start().atStartOfDay(zone).toInstant();
    java.util.LinkedHashMap<String, List<String>> byChannel = new java.util.LinkedHashMap<>();
    for (Object[] row : store.query(ForecastSql.series(), from, to)) {
      List<String> qs = byChannel.computeIfAbsent((String) row[0], c -> new ArrayList<>());
      if (row[1] != null) qs.add((String) row[1]);
    }
    List<ForecastRequest> out = new ArrayList<>();
    for (var e : byChannel.entrySet()) {
      out.add(with(template, e.getKey(), null));
      if (queues) {
        for (String q : e.getValue()) out.add(with(template, e.getKey(), q));
      }
    }
    if (out.size() > MAX_SERIES) {
      throw new YardstickException(
          out.size()
              + " series (channels and queues) have contacts before "
              + template.start()
              + "; at most "
              + MAX_SERIES
              + " are forecast at once. Forecast the channels alone, or one channel's queues.");
    }
    return out;
  }

  private static ForecastRequest with(ForecastRequest t, String channel, String queue) {
    return new ForecastRequest(
        channel,
        queue,
        t.intervalMinutes(),
        t.horizonDays(),
        t.zone(),
        t.start(),
        t.historyDays(),
        t.excluded(),
        t.holidays(),
        t.holidaysClosed(),
        t.keepSpecialDays());
  }

  /**
   * Forecasts every series of {@link #series}: each channel as a whole and, when {@code queues},
   * each of its queues. A series that cannot be forecast (under a week of history) is listed with
   * the reason; the others go on.
   *
   * @param progress receives the fraction done, 0 to 1
   */
  public List<SeriesForecast> forecastAll(
      ForecastRequest template, boolean queues, DoubleConsumer progress) {
    List<ForecastRequest> all = series(template, queues);
    List<SeriesForecast> out = new ArrayList<>();
    for (int i = 0; i < all.size(); i++) {
      int done = i;
      try {
        out.add(
            new SeriesForecast(
                all.get(i),
                forecast(all.get(i), p -> progress.accept((done + p) / all.size())),
                null));
      } catch (YardstickException e) {
        out.add(new SeriesForecast(all.get(i), null, e.getMessage()));
      }
    }
    progress.accept(1);
    return out;
  }

  /**
   * Makes a forecast (not yet stored: see {@link #save}). The request is first completed by the
   * settings (a series without a calendar in the request takes its calendar there); the forecast
   * carries the completed request.
   */
  public Forecast forecast(ForecastRequest asked, DoubleConsumer progress) {
    ForecastRequest r = settings.complete(asked);
    List<ForecastSettings.Event> events = settings.eventsFor(r.channel(), r.queue());
    ZoneId zone = r.zone();
    long step = r.intervalMinutes() * 60L;
    int perDay = r.perDay();
    LocalDate historyFrom = r.start().minusDays(r.historyDays());
    Instant from = historyFrom.atStartOfDay(zone).toInstant();
    Instant to = r.start().atStartOfDay(zone).toInstant();
    List<Object[]> rows =
        r.queue() == null
            ? store.query(
                ForecastSql.history(zone, r.intervalMinutes(), false), r.channel(), from, to)
            : store.query(
                ForecastSql.history(zone, r.intervalMinutes(), true),
                r.channel(),
                r.queue(),
                from,
                to);
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
      unknownSeries(r);
      throw new YardstickException(
          "No inbound contacts of "
              + series
              + " from "
              + historyFrom
              + " to "
              + r.start().minusDays(1)
              + " ("
              + zone.getId()
              + "): nothing to forecast from. Check the channel and queue"
              + " names, or move {start} to where the data is.");
    }
    int skipDays = firstSeen / perDay;
    if (r.historyDays() - skipDays < 7) {
      throw new YardstickException(
          "Only "
              + (r.historyDays() - skipDays)
              + " days of "
              + series
              + " before "
              + r.start()
              + ": a forecast needs at least a week of history, better 8 weeks or more.");
    }
    historyFrom = historyFrom.plusDays(skipDays);
    double[] history = java.util.Arrays.copyOfRange(y, skipDays * perDay, n);
    int nDays = history.length / perDay;
    boolean[] excluded = new boolean[history.length];
    boolean[] skipDay = new boolean[nDays];
    boolean anyExcluded = false;
    for (int d = 0; d < nDays; d++) {
      if (r.excluded().contains(historyFrom.plusDays(d))) {
        java.util.Arrays.fill(excluded, d * perDay, (d + 1) * perDay, true);
        skipDay[d] = true;
        anyExcluded = true;
      }
    }
    double[] dayTotals = new double[nDays];
    for (int i = 0; i < nDays * perDay; i++) dayTotals[i / perDay] += history[i];

    // Public holidays of the history: left out of learning (and of the special-day rule's
    // references).
    Map<LocalDate, String> holidays =
        r.holidays() == null
            ? Map.of()
            : Holidays.between(r.holidays(), historyFrom, r.start().plusDays(r.horizonDays() - 1));
    List<SpecialDay> special = new ArrayList<>();
    boolean[] holidayDay = new boolean[nDays];
    ForecastSettings.Event[] eventDay = new ForecastSettings.Event[nDays];
    for (int d = 0; d < nDays; d++) {
      LocalDate day = historyFrom.plusDays(d);
      eventDay[d] = skipDay[d] ? null : eventOn(events, day);
      String name = holidays.get(day);
      if ((name != null || eventDay[d] != null) && !skipDay[d]) holidayDay[d] = true;
    }
    boolean[] ruleSkip = new boolean[nDays];
    for (int d = 0; d < nDays; d++) ruleSkip[d] = skipDay[d] || holidayDay[d];
    Map<Integer, SpecialDayRule.Flag> flags = new java.util.HashMap<>();
    for (SpecialDayRule.Flag fl : SpecialDayRule.find(dayTotals, ruleSkip, 7))
      flags.put(fl.day(), fl);
    for (int d = 0; d < nDays; d++) {
      LocalDate day = historyFrom.plusDays(d);
      if (holidayDay[d]) {
        double[] ref = SpecialDayRule.reference(dayTotals, ruleSkip, 7, d);
        special.add(
            new SpecialDay(
                day,
                dayTotals[d],
                ref.length < SpecialDayRule.MIN_NEIGHBOURS ? null : SpecialDayRule.median(ref),
                eventDay[d] == null ? "holiday" : eventDay[d].kind().id(),
                eventDay[d] == null ? holidays.get(day) : eventDay[d].name(),
                false));
      } else if (flags.containsKey(d)) {
        SpecialDayRule.Flag fl = flags.get(d);
        special.add(
            new SpecialDay(day, dayTotals[d], fl.expected(), fl.why(), null, r.keepSpecialDays()));
      } else {
        continue;
      }
      if (holidayDay[d] || !r.keepSpecialDays()) {
        java.util.Arrays.fill(excluded, d * perDay, (d + 1) * perDay, true);
        anyExcluded = true;
      }
    }

    // Outages within ordinary days (docs/forecasting.md, "Outages within a day"): judged only on
    // days that are neither excluded nor special, nor at local times a clock change skips.
    List<SpecialInterval> outages = new ArrayList<>();
    if (perDay > 1) {
      boolean[] intervalSkip = excluded.clone();
      for (int d = 0; d < nDays; d++) {
        if (flags.containsKey(d) || holidayDay[d]) {
          java.util.Arrays.fill(intervalSkip, d * perDay, (d + 1) * perDay, true);
        }
        for (int i = 0; i < perDay; i++) {
          LocalDateTime local = localStart(historyFrom, d, i, r.intervalMinutes());
          if (zone.getRules().getValidOffsets(local).isEmpty()) intervalSkip[d * perDay + i] = true;
        }
      }
      for (SpecialDayRule.Outage o :
          SpecialDayRule.outages(history, intervalSkip, perDay, 7 * perDay)) {
        outages.add(
            new SpecialInterval(
                localStart(historyFrom, o.from() / perDay, o.from() % perDay, r.intervalMinutes()),
                localStart(
                    historyFrom,
                    o.from() / perDay,
                    o.to() - o.from() / perDay * perDay,
                    r.intervalMinutes()),
                o.volume(),
                o.expected(),
                "outage",
                r.keepSpecialDays()));
        if (!r.keepSpecialDays()) {
          java.util.Arrays.fill(excluded, o.from(), o.to(), true);
          anyExcluded = true;
        }
      }
    }

    SeriesForecaster.Result res =
        new SeriesForecaster(perDay, 7)
            .forecast(history, anyExcluded ? excluded : null, r.horizonDays() * perDay, progress);

    // Future holidays: scaled by how past holidays compared with their weekdays, or closed. Future
    // events of the settings: closed (0), a campaign's multiplier, or how past events of the same
    // name compared with their weekdays. An event wins over a holiday on the same day.
    Double ratio = null;
    Lookback past = new Lookback(r, events);
    if (!holidays.isEmpty() || r.holidays() != null) {
      ratio =
          r.holidaysClosed()
              ? Double.valueOf(0)
              : past.ratio(day -> past.holidays.containsKey(day) && eventOn(events, day) == null);
    }
    Map<String, Double> learnt = new java.util.HashMap<>();
    for (int d = 0; d < r.horizonDays(); d++) {
      LocalDate day = r.start().plusDays(d);
      ForecastSettings.Event event = eventOn(events, day);
      String name = holidays.get(day);
      if (event == null && name == null) continue;
      Double factor;
      if (event == null) {
        factor = ratio;
      } else if (event.kind() == ForecastSettings.Kind.CLOSURE) {
        factor = 0.0;
      } else if (event.multiplier() != null) {
        factor = event.multiplier();
      } else {
        String key = event.name().toLowerCase(java.util.Locale.ROOT);
        if (!learnt.containsKey(key)) {
          learnt.put(
              key,
              past.ratio(
                  x -> {
                    ForecastSettings.Event e = eventOn(events, x);
                    return e != null
                        && e.kind() == ForecastSettings.Kind.CAMPAIGN
                        && e.name().toLowerCase(java.util.Locale.ROOT).equals(key);
                  }));
        }
        factor = learnt.get(key);
      }
      special.add(
          new SpecialDay(
              day,
              null,
              res.dayForecast().length > d ? res.dayForecast()[d] : null,
              event == null ? "holiday" : event.kind().id(),
              event == null ? name : event.name(),
              false,
              factor));
      if (factor == null) continue;
      for (int i = d * perDay; i < (d + 1) * perDay && i < res.forecast().length; i++) {
        res.forecast()[i] *= factor;
        res.low()[i] *= factor;
        res.high()[i] *= factor;
      }
      if (d < res.dayForecast().length) {
        res.dayForecast()[d] *= factor;
        res.dayLow()[d] *= factor;
        res.dayHigh()[d] *= factor;
      }
    }

    List<Forecast.Point> intervals = new ArrayList<>();
    LocalDateTime t0 = r.start().atStartOfDay();
    for (int i = 0; i < res.forecast().length; i++) {
      LocalDateTime local = t0.plusMinutes((long) i * r.intervalMinutes());
      if (zone.getRules().getValidOffsets(local).isEmpty()) continue; // skipped by a DST change
      LocalDateTime next = local.plusMinutes(r.intervalMinutes());
      intervals.add(
          new Forecast.Point(
              local,
              local.atZone(zone).toInstant(),
              next.atZone(zone).toInstant(),
              res.forecast()[i],
              orNull(res.low()[i]),
              orNull(res.high()[i])));
    }
    List<Forecast.Point> days = new ArrayList<>();
    for (int d = 0; d < res.dayForecast().length; d++) {
      LocalDate day = r.start().plusDays(d);
      days.add(
          new Forecast.Point(
              day.atStartOfDay(),
              day.atStartOfDay(zone).toInstant(),
              day.plusDays(1).atStartOfDay(zone).toInstant(),
              res.dayForecast()[d],
              orNull(res.dayLow()[d]),
              orNull(res.dayHigh()[d])));
    }
    return new Forecast(
        r,
        clock.instant(),
        historyFrom,
        r.start().minusDays(1),
        total,
        res.model(),
        intervals,
        days,
        res.scores(),
        res.origins(),
        res.backtestHorizon(),
        res.level(),
        special,
        ratio,
        outages);
  }

  /** The local start of interval i of day d of a history that starts on {@code from}. */
  private static LocalDateTime localStart(LocalDate from, int d, int i, int minutes) {
    return from.plusDays(d).atStartOfDay().plusMinutes((long) i * minutes);
  }

  /**
   * Days of past data looked at for how holidays (and past events of a campaign's name) compare
   * with their weekdays: a year.
   */
  static final int HOLIDAY_LOOKBACK_DAYS = 366;

  /** The first event of the list that covers a day, closures before campaigns; or null. */
  static ForecastSettings.Event eventOn(List<ForecastSettings.Event> events, LocalDate day) {
    ForecastSettings.Event found = null;
    for (ForecastSettings.Event e : events) {
      if (!e.covers(day)) continue;
      if (e.kind() == ForecastSettings.Kind.CLOSURE) return e;
      if (found == null) found = e;
    }
    return found;
  }

  /**
   * The daily volumes of the year before a request's start, read once when first needed: how past
   * holidays and past events compared with their weekdays.
   */
  private final class Lookback {
    private final ForecastRequest r;
    private final List<ForecastSettings.Event> events;
    private final LocalDate from;
    private double[] days;
    private boolean[] skip;
    private int seen;
    Map<LocalDate, String> holidays = Map.of();

    Lookback(ForecastRequest r, List<ForecastSettings.Event> events) {
      this.r = r;
      this.events = events;
      this.from = r.start().minusDays(HOLIDAY_LOOKBACK_DAYS);
      if (r.holidays() != null) {
        this.holidays = Holidays.between(r.holidays(), from, r.start().minusDays(1));
      }
    }

    private void load() {
      if (days != null) return;
      ZoneId zone = r.zone();
      Instant a = from.atStartOfDay(zone).toInstant();
      Instant b = r.start().atStartOfDay(zone).toInstant();
      List<Object[]> rows =
          r.queue() == null
              ? store.query(ForecastSql.history(zone, 1440, false), r.channel(), a, b)
              : store.query(ForecastSql.history(zone, 1440, true), r.channel(), r.queue(), a, b);
      long first = from.toEpochDay();
      days = new double[HOLIDAY_LOOKBACK_DAYS];
      seen = days.length;
      for (Object[] row : rows) {
        int i = (int) (((Number) row[0]).longValue() - first);
        if (i < 0 || i >= days.length) continue;
        days[i] += ((Number) row[1]).doubleValue();
        seen = Math.min(seen, i);
      }
      // The references leave out the days before the first contact, every holiday, every event
      // and every excluded day.
      skip = new boolean[days.length];
      for (int i = 0; i < days.length; i++) {
        LocalDate d = from.plusDays(i);
        skip[i] =
            i < seen
                || holidays.containsKey(d)
                || eventOn(events, d) != null
                || r.excluded().contains(d);
      }
    }

    /**
     * The sum of the volumes of the past days {@code counted} (after the first contact, not
     * excluded, on a weekday with contacts) over the sum of their weekdays' medians; null when
     * there was no such day.
     */
    Double ratio(java.util.function.Predicate<LocalDate> counted) {
      load();
      double volume = 0;
      double expected = 0;
      for (int i = seen; i < days.length; i++) {
        LocalDate d = from.plusDays(i);
        if (!counted.test(d) || r.excluded().contains(d)) continue;
        double[] ref = SpecialDayRule.reference(days, skip, 7, i);
        if (ref.length < SpecialDayRule.MIN_NEIGHBOURS) continue;
        double m = SpecialDayRule.median(ref);
        if (m <= 0) continue;
        volume += days[i];
        expected += m;
      }
      return expected > 0 ? volume / expected : null;
    }
  }

  private static Double orNull(double v) {
    return Double.isNaN(v) ? null : v;
  }

  /**
   * Stores a forecast's intervals in the {@code forecasts} table, so that its accuracy can be
   * measured later.
   */
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
    // forecast_wape reads the stored forecasts: results cached by data version must not outlive
    // them.
    store.update(ForecastSql.dataChanged());
  }

  /**
   * The accuracy of stored forecasts against what came, over the intervals starting on local days
   * {@code from} to {@code to} that are over now: for each interval, the latest forecast made no
   * later than its start.
   *
   * @param channel one channel, or null for every channel (each its own series, pooled)
   * @param queue one queue, or null for the forecasts of whole channels
   */
  public PastAccuracy accuracy(
      String channel,
      String queue,
      int intervalMinutes,
      LocalDate from,
      LocalDate to,
      ZoneId zone) {
    if (queue != null && channel == null) {
      throw new YardstickException(
          "A queue (" + queue + ") needs its channel; give the channel too.");
    }
    List<Object> params =
        new ArrayList<>(
            List.of(
                from.atStartOfDay(zone).toInstant(),
                to.plusDays(1).atStartOfDay(zone).toInstant(),
                clock.instant()));
    if (channel != null) params.add(channel);
    if (queue != null) params.add(queue);
    List<Object[]> rows =
        store.query(
            ForecastSql.past(intervalMinutes, channel != null, queue != null), params.toArray());
    List<PastAccuracy.Row> out = new ArrayList<>();
    Accuracy.Builder all = new Accuracy.Builder();
    for (Object[] row : rows) {
      PastAccuracy.Row x =
          new PastAccuracy.Row(
              (String) row[0],
              (String) row[1],
              (Instant) row[2],
              (Instant) row[3],
              (Instant) row[4],
              (String) row[5],
              ((Number) row[6]).doubleValue(),
              number(row[7]),
              number(row[8]),
              ((Number) row[9]).longValue());
      out.add(x);
      all.add(x.actual(), x.forecast());
    }
    return new PastAccuracy(from, to, zone, intervalMinutes, all.build(), out);
  }

  /** When the latest stored forecast (of any series) was made; empty when none is stored. */
  public java.util.Optional<Instant> lastMadeAt() {
    List<Object[]> rows = store.query(ForecastSql.lastMadeAt());
    return rows.isEmpty() || rows.get(0)[0] == null
        ? java.util.Optional.empty()
        : java.util.Optional.of((Instant) rows.get(0)[0]);
  }

  /**
   * The {@code forecast_wape} KPI for a period: the WAPE (%) of the stored whole-channel forecasts
   * at {@code intervalMinutes} whose intervals start in the period and are over, against the
   * inbound contacts that came; null when no such forecast was stored (or nothing came).
   */
  public Double forecastWape(
      String channel, int intervalMinutes, LocalDate from, LocalDate to, ZoneId zone) {
    return accuracy(channel, null, intervalMinutes, from, to, zone).accuracy().wape();
  }

  private static Double number(Object o) {
    return o == null ? null : ((Number) o).doubleValue();
  }

  /**
   * Refuses a channel, or a queue of the channel, that no inbound contact of the store has at any
   * time, naming the ones there are and the one it looks like (a typo is not an empty history).
   */
  private void unknownSeries(ForecastRequest r) {
    refuseUnknown(
        r.channel(),
        values("channel", "", List.of()),
        "No inbound contact of this store has the channel '",
        "channels with inbound contacts",
        "{channel}");
    if (r.queue() == null) return;
    refuseUnknown(
        r.queue(),
        values("queue", " AND channel = ?", List.of(r.channel())),
        "No inbound contact of channel " + r.channel() + " has the queue '",
        "its queues",
        "{queue}");
  }

  /** The distinct values of a column of the inbound contacts (at most 1,000), sorted. */
  private List<String> values(String column, String and, List<Object> params) {
    List<String> out = new ArrayList<>();
    for (Object[] v :
        store.query(
            "SELECT DISTINCT "
                + column
                + " FROM contacts WHERE direction = 'inbound' AND "
                + column
                + " IS NOT NULL"
                + and
                + " ORDER BY 1 LIMIT 1000",
            params.toArray())) {
      out.add((String) v[0]);
    }
    return out;
  }

  private static void refuseUnknown(
      String said, List<String> known, String prefix, String knownLabel, String field) {
    if (known.contains(said)) return;
    String closest = io.yardstick.kpi.Vocabulary.closest(said, known);
    throw new YardstickException(
        prefix
            + said
            + "'"
            + (closest == null ? "" : " (did you mean " + closest + "?)")
            + "; "
            + knownLabel
            + ": "
            + (known.isEmpty() ? "none" : String.join(", ", known))
            + " ("
            + field
            + ").");
  }
}
