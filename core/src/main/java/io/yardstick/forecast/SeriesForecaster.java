package io.yardstick.forecast;

import io.yardstick.forecast.internal.DieboldMariano;
import io.yardstick.forecast.internal.Models;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.DoubleConsumer;

/**
 * Forecasts one series of interval counts: backtests every applicable {@link Model} with rolling
 * origins, keeps the seasonal mean unless a model beats it beyond the backtest's noise, and
 * forecasts with the model chosen, with prediction intervals from its backtest errors. Knows
 * nothing of stores or time: {@link Forecaster} turns the store's history into such a series.
 *
 * <pre>{@code
 * SeriesForecaster.Result r = new SeriesForecaster(48, 7).forecast(counts, null, 14 * 48, p -> {});
 * r.model();          // the model chosen
 * r.forecast();       // 14 days of 30-minute forecasts, r.low() and r.high() around them
 * }</pre>
 *
 * <p>Backtest: origins one week apart (for horizons under a week, a whole number of days apart, up
 * to two weeks of them, so that every weekday is scored), the last one {@code h} steps before the
 * end of the history; at each origin every model is fitted on the history before it and forecasts
 * the next {@code h} steps (the forecast horizon, capped so that the first origin keeps two weeks
 * and one interval of training, which Holt-Winters' start-up needs). Accuracy pools all origins.
 * Excluded points (holidays, events) are neither trained on nor scored.
 *
 * <p>Prediction intervals: the backtest errors of the chosen model, scaled as z = (a - f) /
 * sqrt(max(f, 1)) because the spread of counts grows like the square root of their level (Poisson),
 * give the empirical quantiles q_lo and q_hi of the level asked (80% by default: the 10th and 90th
 * percentiles); the interval is f + q sqrt(max(f, 1)), cut at 0. Daily totals get theirs the same
 * way from daily backtest errors.
 */
public final class SeriesForecaster {
  private final int perDay;
  private final int daysPerWeek;
  private int origins = 4;
  private double level = 0.8;

  /**
   * @param perDay intervals in a day of the series (48 for 30-minute intervals, 1 for a daily
   *     series)
   * @param daysPerWeek days in a week of the series (7; 5 for a weekdays-only series)
   */
  public SeriesForecaster(int perDay, int daysPerWeek) {
    if (perDay < 1 || daysPerWeek < 1 || perDay * daysPerWeek < 2) {
      throw new IllegalArgumentException(
          "a week needs at least 2 intervals: perDay " + perDay + ", daysPerWeek " + daysPerWeek);
    }
    this.perDay = perDay;
    this.daysPerWeek = daysPerWeek;
  }

  /** How many rolling origins the backtest uses (default 4). */
  public SeriesForecaster origins(int origins) {
    if (origins < 1)
      throw new IllegalArgumentException("origins must be at least 1, was " + origins);
    this.origins = origins;
    return this;
  }

  /** The coverage of the prediction intervals, in (0, 1) (default 0.8). */
  public SeriesForecaster level(double level) {
    if (!(level > 0 && level < 1))
      throw new IllegalArgumentException("level must be in (0, 1), was " + level);
    this.level = level;
    return this;
  }

  /** One model's backtest: accuracy per interval and per day, and whether it was chosen. */
  public record Score(Model model, Accuracy intervals, Accuracy days, boolean chosen) {}

  /**
   * The forecast of a series.
   *
   * @param forecast one value per step ahead; {@code low} and {@code high} around it (NaN without a
   *     backtest)
   * @param dayForecast daily totals of the forecast (whole days of the horizon), with their own
   *     intervals
   * @param scores the backtest of every model tried, seasonal naive first; empty when the history
   *     was too short
   * @param origins the backtest origins used
   * @param backtestHorizon the steps forecast at each origin
   */
  public record Result(
      Model model,
      double[] forecast,
      double[] low,
      double[] high,
      double[] dayForecast,
      double[] dayLow,
      double[] dayHigh,
      List<Score> scores,
      double level,
      int origins,
      int backtestHorizon) {
    /** The chosen model's backtest, or null. */
    public Score chosen() {
      return scores.stream().filter(Score::chosen).findFirst().orElse(null);
    }

    /** The seasonal-naive backtest, or null. */
    public Score baseline() {
      return scores.stream()
          .filter(s -> s.model() == Model.SEASONAL_NAIVE)
          .findFirst()
          .orElse(null);
    }
  }

  /** The season length in intervals: one week. */
  public int week() {
    return perDay * daysPerWeek;
  }

  /**
   * Forecasts {@code horizon} steps after {@code y}.
   *
   * @param excluded points to leave out of training and scoring (null: none); same length as y
   * @param progress receives the fraction done, 0 to 1
   */
  public Result forecast(double[] y, boolean[] excluded, int horizon, DoubleConsumer progress) {
    int week = week();
    if (excluded != null && excluded.length != y.length) {
      throw new IllegalArgumentException(
          "excluded has " + excluded.length + " points, the series " + y.length);
    }
    if (y.length < week) {
      throw new IllegalArgumentException(
          "the history has "
              + y.length
              + " intervals, less than one week ("
              + week
              + "): nothing to forecast from");
    }
    double[] filled = Models.fillExcluded(y, excluded, week);
    int minTrain = 2 * week + 1;
    int h = Math.min(horizon, y.length - minTrain);
    List<Integer> starts = new ArrayList<>();
    if (h >= 1) {
      // Shorter than a week ahead: origins a whole number of days apart, so that every weekday is
      // scored (one week
      // apart, a one-day horizon would be judged on one weekday only, perhaps a closed Sunday), at
      // most two weeks.
      int spacing = week;
      int count = origins;
      if (h < week) {
        spacing = Math.min(week, (h + perDay - 1) / perDay * perDay);
        count =
            Math.min(
                origins * ((week + spacing - 1) / spacing), Math.max(origins, 2 * daysPerWeek));
      }
      for (int j = 0; j < count; j++) {
        int o = y.length - h - j * spacing;
        if (o < minTrain) break;
        starts.add(o);
      }
    }
    List<Model> models = new ArrayList<>();
    for (Model m : Model.values()) {
      if (starts.isEmpty()
          ? Models.applicable(m, filled, perDay, week)
          : Models.applicable(m, Arrays.copyOf(filled, starts.get(starts.size() - 1)), perDay, week)
              && Models.applicable(m, filled, perDay, week)) {
        models.add(m);
      }
    }
    int total = starts.size() * models.size() + 1;
    int done = 0;
    progress.accept(0);

    // Backtest: per model, the pooled (actual, forecast) pairs of every origin.
    List<double[][]> pairs = new ArrayList<>();
    List<Model> failed = new ArrayList<>();
    java.util.Map<Model, List<double[]>> byOrigin = new java.util.EnumMap<>(Model.class);
    for (Model m : models) {
      List<double[]> mine = new ArrayList<>();
      byOrigin.put(m, mine);
      double[] a = new double[starts.size() * h];
      double[] f = new double[starts.size() * h];
      int k = 0;
      for (int o : starts) {
        double[] train = Arrays.copyOf(filled, o);
        boolean[] ex = excluded == null ? null : Arrays.copyOf(excluded, o);
        double[] fc;
        try {
          if (m == Model.COMBINED) {
            // The components' forecasts at this origin, already made above (a failed component
            // fails it too).
            double[][] parts = new double[Models.COMBINED_OF.size()][];
            for (int c = 0; c < parts.length; c++) {
              List<double[]> part = byOrigin.get(Models.COMBINED_OF.get(c));
              if (part == null
                  || part.size() <= mine.size()
                  || failed.contains(Models.COMBINED_OF.get(c))) {
                throw new org.hipparchus.exception.MathIllegalStateException(
                    org.hipparchus.exception.LocalizedCoreFormats.SIMPLE_MESSAGE,
                    "component missing");
              }
              parts[c] = part.get(mine.size());
            }
            fc = Models.combine(parts);
          } else {
            fc = Models.forecast(m, train, ex, perDay, week, h);
          }
          mine.add(fc);
        } catch (org.hipparchus.exception.MathRuntimeException e) {
          // The optimiser could not fit this model here (a flat or near-empty series): it is not a
          // candidate.
          failed.add(m);
          break;
        }
        for (int i = 0; i < h; i++) {
          boolean skip = excluded != null && excluded[o + i];
          a[k] = skip ? Double.NaN : y[o + i];
          f[k] = fc[i];
          k++;
        }
        progress.accept(++done / (double) total);
      }
      pairs.add(new double[][] {a, f});
    }
    for (Model m : failed) {
      pairs.remove(models.indexOf(m));
      models.remove(m);
    }
    List<Score> scores = new ArrayList<>();
    Model best = choose(models, pairs, h, y.length);
    double[][] bestPairs = null;
    for (int i = 0; i < models.size(); i++) {
      double[][] p = pairs.get(i);
      double[][] days = daily(p[0], p[1], h);
      scores.add(
          new Score(
              models.get(i),
              Accuracy.of(p[0], p[1]),
              Accuracy.of(days[0], days[1]),
              models.get(i) == best));
      if (models.get(i) == best) bestPairs = p;
    }

    double[] f;
    try {
      f = Models.forecast(best, filled, excluded, perDay, week, horizon);
    } catch (org.hipparchus.exception.MathRuntimeException e) {
      best = Model.SEASONAL_NAIVE;
      f = Models.forecast(best, filled, excluded, perDay, week, horizon);
      scores.replaceAll(
          s -> new Score(s.model(), s.intervals(), s.days(), s.model() == Model.SEASONAL_NAIVE));
      bestPairs = null;
    }
    progress.accept(1);
    double[] low = new double[horizon];
    double[] high = new double[horizon];
    int nDays = horizon / perDay;
    double[] dayF = new double[nDays];
    for (int d = 0; d < nDays; d++) {
      for (int i = 0; i < perDay; i++) {
        dayF[d] += f[d * perDay + i];
      }
    }
    double[] dayLow = new double[nDays];
    double[] dayHigh = new double[nDays];
    if (bestPairs == null) {
      Arrays.fill(low, Double.NaN);
      Arrays.fill(high, Double.NaN);
      Arrays.fill(dayLow, Double.NaN);
      Arrays.fill(dayHigh, Double.NaN);
    } else {
      band(bestPairs[0], bestPairs[1], f, low, high);
      double[][] days = daily(bestPairs[0], bestPairs[1], h);
      band(days[0], days[1], dayF, dayLow, dayHigh);
    }
    return new Result(
        best, f, low, high, dayF, dayLow, dayHigh, List.copyOf(scores), level, starts.size(), h);
  }

  /**
   * The one-sided level at which a model must beat the best baseline in the backtest to replace it
   * (a Diebold-Mariano test on the backtest's daily absolute errors).
   */
  static final double SIGNIFICANCE = 0.05;

  /**
   * The selection: the reference is the seasonal mean (seasonal naive when the history is under its
   * four weeks), and another model, seasonal naive included, replaces it only when it beats it
   * beyond the backtest's noise (one-sided Diebold-Mariano test at {@link #SIGNIFICANCE} on the
   * absolute errors of each backtest day); among those that do, the one with the lowest WAPE. On a
   * short or noisy backtest (a few days of a quiet series) the model that happened to fit those
   * days best does not replace a baseline it does not really beat. Why the mean as reference: on a
   * series whose level holds, it averages four weeks of noise (error variance about 1.25 times the
   * count's, against 2 times for the one week of seasonal naive), so a lower seasonal-naive
   * backtest over a few days is more often luck than a moving level.
   */
  private Model choose(List<Model> models, List<double[][]> pairs, int h, int fullLength) {
    Double[] wape = new Double[models.size()];
    int mean = -1;
    int naive = -1;
    for (int i = 0; i < models.size(); i++) {
      wape[i] = Accuracy.of(pairs.get(i)[0], pairs.get(i)[1]).wape();
      if (wape[i] == null) continue;
      if (models.get(i) == Model.SEASONAL_MEAN) mean = i;
      if (models.get(i) == Model.SEASONAL_NAIVE) naive = i;
    }
    // The mean is the reference once the history holds its four weeks (at early backtest origins it
    // may have averaged fewer); before that, seasonal naive.
    int ref = mean >= 0 && fullLength >= Models.MEAN_WEEKS * week() ? mean : naive;
    if (ref < 0) ref = mean;
    if (ref < 0) return Model.SEASONAL_NAIVE;
    double[] refLoss = dayLosses(pairs.get(ref), h);
    int best = ref;
    for (int i = 0; i < models.size(); i++) {
      if (i == ref || wape[i] == null || wape[i] >= wape[best]) continue;
      if (DieboldMariano.pBetter(refLoss, dayLosses(pairs.get(i), h)) < SIGNIFICANCE) best = i;
    }
    return models.get(best);
  }

  /**
   * The sum of absolute errors of each day of each backtest origin (a trailing part day counts as
   * one), days without a scored interval left out; the same days for every model.
   */
  private double[] dayLosses(double[][] p, int h) {
    double[] a = p[0];
    double[] f = p[1];
    List<Double> out = new ArrayList<>();
    for (int o = 0; o + h <= a.length && h > 0; o += h) {
      for (int d = 0; d < h; d += perDay) {
        double loss = 0;
        boolean any = false;
        for (int i = d; i < Math.min(h, d + perDay); i++) {
          if (Double.isNaN(a[o + i])) continue;
          loss += Math.abs(a[o + i] - f[o + i]);
          any = true;
        }
        if (any) out.add(loss);
      }
    }
    return out.stream().mapToDouble(Double::doubleValue).toArray();
  }

  /**
   * Daily totals of backtest pairs laid out as origins of h steps each (whole days only; NaN if a
   * point is).
   */
  private double[][] daily(double[] a, double[] f, int h) {
    int daysPerOrigin = h / perDay;
    int originsHere = a.length / Math.max(h, 1);
    double[] da = new double[originsHere * daysPerOrigin];
    double[] df = new double[da.length];
    for (int o = 0; o < originsHere; o++) {
      for (int d = 0; d < daysPerOrigin; d++) {
        double sa = 0;
        double sf = 0;
        for (int i = 0; i < perDay; i++) {
          int k = o * h + d * perDay + i;
          sa += a[k];
          sf += f[k];
        }
        da[o * daysPerOrigin + d] = sa;
        df[o * daysPerOrigin + d] = sf;
      }
    }
    return new double[][] {da, df};
  }

  /** Empirical quantiles of z = (a - f) / sqrt(max(f, 1)) applied to new forecasts. */
  private void band(double[] a, double[] f, double[] forecast, double[] low, double[] high) {
    double[] z = new double[a.length];
    int n = 0;
    for (int i = 0; i < a.length; i++) {
      if (Double.isNaN(a[i]) || Double.isNaN(f[i])) continue;
      z[n++] = (a[i] - f[i]) / Math.sqrt(Math.max(f[i], 1));
    }
    if (n == 0) {
      Arrays.fill(low, Double.NaN);
      Arrays.fill(high, Double.NaN);
      return;
    }
    z = Arrays.copyOf(z, n);
    Arrays.sort(z);
    double qLo = quantile(z, (1 - level) / 2);
    double qHi = quantile(z, (1 + level) / 2);
    for (int i = 0; i < forecast.length; i++) {
      double s = Math.sqrt(Math.max(forecast[i], 1));
      low[i] = Math.max(0, forecast[i] + qLo * s);
      high[i] = Math.max(low[i], forecast[i] + qHi * s);
    }
  }

  /** Hyndman-Fan type 7 (R's default, percentile_cont) on sorted values. */
  static double quantile(double[] sorted, double p) {
    double pos = p * (sorted.length - 1);
    int lo = (int) Math.floor(pos);
    int hi = Math.min(lo + 1, sorted.length - 1);
    return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
  }
}
