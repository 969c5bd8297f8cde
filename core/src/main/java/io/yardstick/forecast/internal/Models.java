package io.yardstick.forecast.internal;

import io.yardstick.forecast.Model;

/**
 * Point forecasts of each {@link Model} from a history; the mechanics behind {@code
 * SeriesForecaster}.
 */
public final class Models {
  private Models() {}

  /** Whether a model can be fitted on this history with season length {@code week}. */
  public static boolean applicable(Model model, double[] y, int perDay, int week) {
    return switch (model) {
      case SEASONAL_NAIVE -> y.length >= week;
      case SEASONAL_MEAN -> y.length >= week;
      case COMBINED -> {
        for (Model c : COMBINED_OF) {
          if (!applicable(c, y, perDay, week)) yield false;
        }
        yield true;
      }
      case HOLT_WINTERS_ADDITIVE -> y.length > 2 * week;
      case DOUBLE_SEASONAL -> y.length > 2 * week && perDay > 1 && perDay < week;
      case HOLT_WINTERS_MULTIPLICATIVE -> {
        if (y.length <= 2 * week) yield false;
        for (double v : y) {
          if (!(v > 0)) yield false;
        }
        yield true;
      }
    };
  }

  /**
   * Forecasts {@code h} steps after the history {@code y}, whose excluded points were already
   * filled (see {@link #fillExcluded}) and are left out of the fit. Negative forecasts are cut to
   * 0: volumes are counts.
   */
  public static double[] forecast(
      Model model, double[] y, boolean[] excluded, int perDay, int week, int h) {
    double[] f =
        switch (model) {
          case SEASONAL_NAIVE -> seasonalNaive(y, week, h);
          case SEASONAL_MEAN -> seasonalMean(y, excluded, week, MEAN_WEEKS, h);
          case HOLT_WINTERS_ADDITIVE ->
              HoltWinters.fit(y, excluded, week, HoltWinters.Seasonality.ADDITIVE).forecast(h);
          case HOLT_WINTERS_MULTIPLICATIVE ->
              HoltWinters.fit(y, excluded, week, HoltWinters.Seasonality.MULTIPLICATIVE)
                  .forecast(h);
          case DOUBLE_SEASONAL -> DoubleSeasonal.forecast(y, excluded, perDay, week, h);
          case COMBINED -> {
            double[][] parts = new double[COMBINED_OF.size()][];
            for (int i = 0; i < parts.length; i++)
              parts[i] = forecast(COMBINED_OF.get(i), y, excluded, perDay, week, h);
            yield combine(parts);
          }
        };
    for (int i = 0; i < f.length; i++) {
      if (!(f[i] > 0)) f[i] = 0;
    }
    return f;
  }

  /** The models whose forecasts {@link Model#COMBINED} averages. */
  public static final java.util.List<Model> COMBINED_OF =
      java.util.List.of(Model.SEASONAL_MEAN, Model.HOLT_WINTERS_ADDITIVE, Model.DOUBLE_SEASONAL);

  /** The mean of forecasts of the same steps (each already cut at 0). */
  public static double[] combine(double[][] parts) {
    double[] f = new double[parts[0].length];
    for (double[] p : parts) {
      for (int i = 0; i < f.length; i++) f[i] += p[i] / parts.length;
    }
    return f;
  }

  /** Weeks averaged by {@link Model#SEASONAL_MEAN} (fewer when the history is shorter). */
  public static final int MEAN_WEEKS = 4;

  /**
   * f(n + k) = mean over j = 0..w-1 of y(n + k - m * ceil(k / m) - j m), where excluded points
   * (special days, holidays) are skipped for the next earlier same position, as far back as the
   * history goes: the mean of the latest w ordinary same weekdays. With fewer than w of them, the
   * mean of those there are; with none, the filled values' mean.
   */
  static double[] seasonalMean(double[] y, boolean[] excluded, int m, int weeks, int h) {
    double[] f = new double[h];
    int n = y.length;
    for (int k = 1; k <= h; k++) {
      int back = m * ((k + m - 1) / m);
      double sum = 0;
      int found = 0;
      for (int p = n + k - 1 - back; p >= 0 && found < weeks; p -= m) {
        if (excluded != null && p < excluded.length && excluded[p]) continue;
        sum += y[p];
        found++;
      }
      if (found == 0) {
        for (int p = n + k - 1 - back; p >= 0 && found < weeks; p -= m) {
          sum += y[p];
          found++;
        }
      }
      f[k - 1] = sum / found;
    }
    return f;
  }

  /**
   * f(n + k) = y(n + k - m * ceil(k / m)): the latest observed value of the same position in the
   * season.
   */
  static double[] seasonalNaive(double[] y, int m, int h) {
    double[] f = new double[h];
    int n = y.length;
    for (int k = 1; k <= h; k++) {
      int back = m * ((k + m - 1) / m);
      f[k - 1] = y[n + k - 1 - back];
    }
    return f;
  }

  /**
   * A copy of {@code y} where each excluded point takes the value of the same position one season
   * before (or, at the start, the nearest season after that is not excluded), so that start-up
   * values and seasonal-naive forecasts do not see holidays. Points with no such neighbour keep
   * their value.
   */
  public static double[] fillExcluded(double[] y, boolean[] excluded, int m) {
    double[] out = y.clone();
    if (excluded == null) return out;
    for (int i = 0; i < y.length; i++) {
      if (!excluded[i]) continue;
      if (i - m >= 0) {
        out[i] = out[i - m];
        continue;
      }
      for (int j = i + m; j < y.length; j += m) {
        if (!excluded[j]) {
          out[i] = y[j];
          break;
        }
      }
    }
    return out;
  }
}
