package io.yardstick.forecast;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON shapes of a forecast shared by the CLI and the HTTP API (maps and lists for any JSON
 * writer).
 */
public final class ForecastJson {
  private ForecastJson() {}

  /**
   * A forecast, as the CLI prints it and the API answers it: the request, when it was made and
   * whether it was stored, the model and level, the history it learnt from, its accuracy against
   * seasonal naive, the backtest, and the days and intervals with their 80% band (values to three
   * decimals). The API adds what came ({@code actuals}).
   */
  public static Map<String, Object> forecast(Forecast f, boolean saved) {
    ForecastRequest r = f.request();
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("channel", r.channel());
    root.put("queue", r.queue());
    root.put("tz", r.zone().getId());
    root.put("interval_minutes", r.intervalMinutes());
    root.put("start", r.start().toString());
    root.put("horizon_days", r.horizonDays());
    root.put("made_at", f.madeAt().toString());
    root.put("saved", saved);
    root.put("model", f.model().id());
    root.put("level", f.level());
    Map<String, Object> hist = new LinkedHashMap<>();
    hist.put("from", f.historyFrom().toString());
    hist.put("to", f.historyTo().toString());
    hist.put("contacts", f.historyContacts());
    hist.put("excluded", r.excludedSorted().stream().map(java.time.LocalDate::toString).toList());
    root.put("history", hist);
    SeriesForecaster.Score chosen = f.chosen();
    SeriesForecaster.Score naive = f.baseline();
    Map<String, Object> accuracy = new LinkedHashMap<>();
    accuracy.put("model", f.model().id());
    accuracy.put("wape", chosen == null ? null : chosen.intervals().wape());
    accuracy.put("seasonal_naive_wape", naive == null ? null : naive.intervals().wape());
    accuracy.put(
        "improvement",
        chosen == null
                || naive == null
                || chosen.intervals().wape() == null
                || naive.intervals().wape() == null
            ? null
            : naive.intervals().wape() - chosen.intervals().wape());
    root.put("accuracy", accuracy);
    root.put("backtest", backtest(f));
    root.put("holidays", r.holidays());
    root.put("holiday_ratio", f.holidayRatio() == null ? null : round(f.holidayRatio()));
    root.put("special_days", specialDays(f));
    root.put("special_intervals", specialIntervals(f));
    root.put("days", points(f.days(), r.zone(), true, f));
    root.put("intervals", points(f.intervals(), r.zone(), false, f));
    return root;
  }

  /**
   * The special days of the history and the holidays of the horizon: {@code date}, {@code volume}
   * (null ahead), {@code expected} (the weekday's median; ahead, the forecast as an ordinary day),
   * {@code why}, {@code name} and {@code kept} (true when the user kept it in learning).
   */
  public static List<Object> specialDays(Forecast f) {
    List<Object> out = new ArrayList<>();
    for (SpecialDay s : f.specialDays()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("date", s.date().toString());
      m.put("volume", s.volume() == null ? null : Math.round(s.volume()));
      m.put("expected", s.expected() == null ? null : round(s.expected()));
      m.put("why", s.why());
      m.put("name", s.name());
      m.put("kept", s.kept());
      if (s.volume() == null) m.put("factor", s.factor() == null ? null : round(s.factor()));
      out.add(m);
    }
    return out;
  }

  /**
   * The outages found within ordinary days of the history: {@code start} and {@code end} (local
   * times with their offset), {@code volume}, {@code expected} (the sum of the same intervals'
   * medians), {@code why} ({@code outage}) and {@code kept}.
   */
  public static List<Object> specialIntervals(Forecast f) {
    List<Object> out = new ArrayList<>();
    java.time.ZoneId zone = f.request().zone();
    for (SpecialInterval s : f.specialIntervals()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("start", s.start().atZone(zone).toOffsetDateTime().toString());
      m.put("end", s.end().atZone(zone).toOffsetDateTime().toString());
      m.put("volume", Math.round(s.volume()));
      m.put("expected", round(s.expected()));
      m.put("why", s.why());
      m.put("kept", s.kept());
      out.add(m);
    }
    return out;
  }

  /**
   * Forecasts of every channel and queue: per series its {@code channel}, {@code queue}, and either
   * {@code model}, the backtest's {@code wape} and {@code seasonal_naive_wape}, {@code
   * special_days} and the {@code days} (totals with their band), or the {@code error} saying why it
   * has none.
   */
  public static Map<String, Object> all(List<Forecaster.SeriesForecast> all, boolean saved) {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("saved", saved);
    List<Object> series = new ArrayList<>();
    for (Forecaster.SeriesForecast s : all) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("channel", s.request().channel());
      m.put("queue", s.request().queue());
      if (s.forecast() == null) {
        m.put("error", s.error());
      } else {
        Forecast f = s.forecast();
        m.put("model", f.model().id());
        m.put("wape", f.chosen() == null ? null : f.chosen().intervals().wape());
        m.put("seasonal_naive_wape", f.baseline() == null ? null : f.baseline().intervals().wape());
        m.put("special_days", specialDays(f));
        m.put("days", points(f.days(), s.request().zone(), true, f));
      }
      series.add(m);
    }
    root.put("series", series);
    return root;
  }

  private static List<Object> points(
      List<Forecast.Point> points, java.time.ZoneId zone, boolean days, Forecast f) {
    List<Object> out = new ArrayList<>();
    for (Forecast.Point p : points) {
      Map<String, Object> m = new LinkedHashMap<>();
      if (days) {
        m.put("date", p.local().toLocalDate().toString());
        SpecialDay s = f.special(p.local().toLocalDate());
        if (s != null) m.put("holiday", s.name());
      } else {
        m.put("start", p.start().atZone(zone).toOffsetDateTime().toString());
      }
      m.put("forecast", round(p.forecast()));
      m.put("low", p.low() == null ? null : round(p.low()));
      m.put("high", p.high() == null ? null : round(p.high()));
      out.add(m);
    }
    return out;
  }

  /** To three decimals, as forecasts are shown. */
  public static double round(double v) {
    return Math.round(v * 1000) / 1000.0;
  }

  /**
   * The rolling-origin backtest: origins, horizon and each model's WAPE, MAPE and bias, the chosen
   * one marked.
   */
  public static Map<String, Object> backtest(Forecast f) {
    Map<String, Object> bt = new LinkedHashMap<>();
    bt.put("origins", f.origins());
    bt.put("horizon_intervals", f.backtestIntervals());
    List<Object> models = new ArrayList<>();
    for (SeriesForecaster.Score s : f.scores()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("model", s.model().id());
      m.put("chosen", s.chosen());
      m.put("wape", s.intervals().wape());
      m.put("mape", s.intervals().mape());
      m.put("bias", s.intervals().bias());
      m.put("day_wape", s.days().wape());
      m.put("day_mape", s.days().mape());
      models.add(m);
    }
    bt.put("models", models);
    return bt;
  }
}
