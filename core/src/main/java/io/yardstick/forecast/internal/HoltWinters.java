package io.yardstick.forecast.internal;

import java.util.Arrays;
import org.hipparchus.optim.InitialGuess;
import org.hipparchus.optim.MaxEval;
import org.hipparchus.optim.SimpleBounds;
import org.hipparchus.optim.nonlinear.scalar.GoalType;
import org.hipparchus.optim.nonlinear.scalar.ObjectiveFunction;
import org.hipparchus.optim.nonlinear.scalar.noderiv.BOBYQAOptimizer;

/**
 * Holt-Winters seasonal exponential smoothing exactly as R's {@code stats::HoltWinters} computes it
 * (Holt 1957, Winters 1960), so that its figures can be checked against R's published output.
 *
 * <p>Start-up (R's defaults, {@code start.periods = 2}): {@code decompose()} of the first two
 * seasons gives the seasonal start values (its "figure") and a centred moving-average trend; a
 * straight line fitted to the trend's defined values gives the start level (the intercept) and
 * trend (the slope). The recursion then runs from the second season on; for observation t, with m
 * the period and s the seasonal state of t's position in the season:
 *
 * <pre>
 * additive:       xhat = l + b + s             l' = alpha (x - s) + (1 - alpha)(l + b)    s' = gamma (x - l') + (1 - gamma) s
 * multiplicative: xhat = (l + b) s             l' = alpha (x / s) + (1 - alpha)(l + b)    s' = gamma (x / l') + (1 - gamma) s
 * both:           b' = beta (l' - l) + (1 - beta) b
 * </pre>
 *
 * <p>The parameters minimise the sum of squared one-step errors (SSE) over [0, 1]^3 from R's start
 * (0.3, 0.1, 0.1). R uses L-BFGS-B with finite-difference gradients; here BOBYQA (Powell 2009,
 * Hipparchus), a bounded derivative-free method, which lands on the same minimum for R's examples
 * (see docs/forecasting.md).
 *
 * <p>An observation marked as excluded (a holiday, a known event) neither contributes to the SSE
 * nor moves the states: the recursion takes its own forecast in its place, as a state-space model
 * does with a missing value.
 */
public final class HoltWinters {
  /** How the season combines with the level. */
  public enum Seasonality {
    ADDITIVE,
    MULTIPLICATIVE
  }

  /** Smoothing parameters, each in [0, 1]. */
  public record Params(double alpha, double beta, double gamma) {}

  /**
   * A fitted model: R's coefficients {@code a} (level), {@code b} (trend) and {@code s1..sm} (the
   * seasonal states of the next m steps, in order), the one-step fitted values (NaN before the
   * second season) and the SSE.
   */
  public record Fit(
      Seasonality seasonality,
      int period,
      Params params,
      double level,
      double trend,
      double[] season,
      double[] fitted,
      double sse) {
    /**
     * Forecasts of the next h steps: a + k b + s_k (additive) or (a + k b) s_k (multiplicative), k
     * = 1..h.
     */
    public double[] forecast(int h) {
      double[] f = new double[h];
      for (int k = 1; k <= h; k++) {
        double s = season[(k - 1) % period];
        double base = level + k * trend;
        f[k - 1] = seasonality == Seasonality.ADDITIVE ? base + s : base * s;
      }
      return f;
    }

    @Override
    public String toString() {
      return "Fit["
          + seasonality
          + ", m="
          + period
          + ", "
          + params
          + ", a="
          + level
          + ", b="
          + trend
          + ", s="
          + Arrays.toString(season)
          + ", sse="
          + sse
          + "]";
    }
  }

  /** R's optimiser start. */
  public static final Params R_START = new Params(0.3, 0.1, 0.1);

  private HoltWinters() {}

  /** Fits the parameters by minimising the SSE. */
  public static Fit fit(double[] x, boolean[] excluded, int period, Seasonality seasonality) {
    check(x, period, seasonality);
    Start start = start(x, period, seasonality);
    double[] work = x.clone();
    BOBYQAOptimizer optimizer = new BOBYQAOptimizer(7, 0.1, 1e-7);
    double[] best =
        optimizer
            .optimize(
                new MaxEval(4000),
                new ObjectiveFunction(
                    p -> run(work, excluded, period, seasonality, start, p[0], p[1], p[2], null)),
                GoalType.MINIMIZE,
                new InitialGuess(new double[] {R_START.alpha(), R_START.beta(), R_START.gamma()}),
                new SimpleBounds(new double[] {0, 0, 0}, new double[] {1, 1, 1}))
            .getPoint();
    return fit(x, excluded, period, seasonality, new Params(best[0], best[1], best[2]));
  }

  /** Runs the recursion with fixed parameters. */
  public static Fit fit(
      double[] x, boolean[] excluded, int period, Seasonality seasonality, Params p) {
    check(x, period, seasonality);
    Start start = start(x, period, seasonality);
    State out = new State(x.length, period);
    double sse =
        run(x.clone(), excluded, period, seasonality, start, p.alpha(), p.beta(), p.gamma(), out);
    return new Fit(seasonality, period, p, out.level, out.trend, out.season, out.fitted, sse);
  }

  private static void check(double[] x, int period, Seasonality seasonality) {
    if (period < 2) throw new IllegalArgumentException("period must be at least 2, was " + period);
    if (x.length < 2 * period + 1) {
      throw new IllegalArgumentException(
          "Holt-Winters needs more than two seasons of data ("
              + (2 * period + 1)
              + " values at period "
              + period
              + "), got "
              + x.length);
    }
    if (seasonality == Seasonality.MULTIPLICATIVE) {
      for (double v : x) {
        if (!(v > 0))
          throw new IllegalArgumentException(
              "multiplicative Holt-Winters needs positive values, got " + v);
      }
    }
  }

  private record Start(double level, double trend, double[] season) {}

  private static final class State {
    double level;
    double trend;
    double[] season;
    final double[] fitted;

    State(int n, int period) {
      fitted = new double[n];
      Arrays.fill(fitted, Double.NaN);
      season = new double[period];
    }
  }

  /**
   * R's start values: decompose() of the first two seasons, then a straight line through its trend.
   */
  static Start start(double[] x, int period, Seasonality seasonality) {
    int wind = 2 * period;
    double[] head = Arrays.copyOf(x, wind);
    double[] trend = movingAverage(head, period);
    double[] figure = seasonalFigure(head, trend, period, seasonality);
    // Least-squares line through the defined trend values at positions 1..k (R: .lm.fit(cbind(1,
    // seq_along(dat)), dat)).
    int k = 0;
    double sx = 0;
    double sy = 0;
    double sxx = 0;
    double sxy = 0;
    for (double v : trend) {
      if (Double.isNaN(v)) continue;
      k++;
      sx += k;
      sy += v;
      sxx += (double) k * k;
      sxy += k * v;
    }
    double slope = (k * sxy - sx * sy) / (k * sxx - sx * sx);
    double intercept = (sy - slope * sx) / k;
    return new Start(intercept, slope, figure);
  }

  /**
   * R's {@code filter(x, w, sides = 2)} with decompose()'s weights: for an even period m, (1/2, 1,
   * ..., 1, 1/2) / m over m + 1 values; for an odd one, m equal weights; NaN where the window does
   * not fit.
   */
  static double[] movingAverage(double[] x, int m) {
    double[] w;
    if (m % 2 == 0) {
      w = new double[m + 1];
      Arrays.fill(w, 1.0 / m);
      w[0] = w[m] = 0.5 / m;
    } else {
      w = new double[m];
      Arrays.fill(w, 1.0 / m);
    }
    int half = w.length / 2;
    double[] out = new double[x.length];
    Arrays.fill(out, Double.NaN);
    for (int i = half; i + half < x.length; i++) {
      double sum = 0;
      for (int j = 0; j < w.length; j++) {
        sum += w[j] * x[i - half + j];
      }
      out[i] = sum;
    }
    return out;
  }

  /**
   * decompose()'s figure: the mean detrended value per seasonal position, centred (additive) or
   * normalised (mult).
   */
  static double[] seasonalFigure(double[] x, double[] trend, int m, Seasonality seasonality) {
    double[] figure = new double[m];
    for (int pos = 0; pos < m; pos++) {
      double sum = 0;
      int n = 0;
      for (int i = pos; i < x.length; i += m) {
        if (Double.isNaN(trend[i])) continue;
        sum += seasonality == Seasonality.ADDITIVE ? x[i] - trend[i] : x[i] / trend[i];
        n++;
      }
      figure[pos] = sum / n;
    }
    double mean = Arrays.stream(figure).average().orElseThrow();
    for (int pos = 0; pos < m; pos++) {
      figure[pos] = seasonality == Seasonality.ADDITIVE ? figure[pos] - mean : figure[pos] / mean;
    }
    return figure;
  }

  /**
   * The recursion of R's C routine {@code HoltWinters}; returns the SSE and fills {@code out} when
   * given.
   */
  private static double run(
      double[] x,
      boolean[] excluded,
      int m,
      Seasonality seasonality,
      Start start,
      double alpha,
      double beta,
      double gamma,
      State out) {
    boolean additive = seasonality == Seasonality.ADDITIVE;
    // Seasonal states in a ring: ring[i % m] holds the latest state of the position of observation
    // i.
    double[] ring = start.season().clone();
    double level = start.level();
    double trend = start.trend();
    double sse = 0;
    for (int i = m; i < x.length; i++) {
      int pos = i % m;
      double s = ring[pos];
      double xhat = additive ? level + trend + s : (level + trend) * s;
      if (out != null) out.fitted[i] = xhat;
      double xi = x[i];
      if (excluded != null && excluded[i]) {
        xi = xhat;
      } else {
        double e = xi - xhat;
        sse += e * e;
      }
      double newLevel =
          additive
              ? alpha * (xi - s) + (1 - alpha) * (level + trend)
              : alpha * (xi / s) + (1 - alpha) * (level + trend);
      trend = beta * (newLevel - level) + (1 - beta) * trend;
      level = newLevel;
      ring[pos] =
          additive
              ? gamma * (xi - level) + (1 - gamma) * s
              : gamma * (xi / level) + (1 - gamma) * s;
    }
    if (out != null) {
      out.level = level;
      out.trend = trend;
      for (int k = 0; k < m; k++) {
        out.season[k] = ring[(x.length + k) % m];
      }
    }
    return Double.isFinite(sse) ? sse : Double.MAX_VALUE;
  }
}
