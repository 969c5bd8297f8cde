package io.yardstick.forecast.internal;

import org.hipparchus.optim.InitialGuess;
import org.hipparchus.optim.MaxEval;
import org.hipparchus.optim.SimpleBounds;
import org.hipparchus.optim.nonlinear.scalar.GoalType;
import org.hipparchus.optim.nonlinear.scalar.ObjectiveFunction;
import org.hipparchus.optim.nonlinear.scalar.noderiv.BOBYQAOptimizer;

/**
 * Double seasonal exponential smoothing (Taylor 2003, "Short-term electricity demand forecasting
 * using double seasonal exponential smoothing", JORS 54; used for call-centre arrivals in Taylor
 * 2008, Management Science 54(2)), additive, without trend: a level l, a daily season d of m1
 * intervals and a weekly season w of m2 = k m1 intervals, so that the daily shape learns from every
 * day while the weekly one keeps what differs between weekdays.
 *
 * <pre>
 * xhat_t = l_{t-1} + d_{t-m1} + w_{t-m2}
 * l_t = alpha (x_t - d_{t-m1} - w_{t-m2}) + (1 - alpha) l_{t-1}
 * d_t = delta (x_t - l_t - w_{t-m2}) + (1 - delta) d_{t-m1}
 * w_t = omega (x_t - l_t - d_{t-m1}) + (1 - omega) w_{t-m2}
 * forecast x_{n+k} = l_n + d_{n+k-m1 ceil(k/m1)} + w_{n+k-m2 ceil(k/m2)}
 * </pre>
 *
 * <p>Start-up from the first two weeks: l = their mean, d = the mean deviation of each daily
 * position from it, w = the mean remaining deviation of each weekly position. Parameters minimise
 * the one-step SSE over [0, 1]^3 (BOBYQA), from (0.1, 0.1, 0.1). Excluded points take their own
 * forecast, as in {@link HoltWinters}.
 */
public final class DoubleSeasonal {
  private DoubleSeasonal() {}

  /** Fits and forecasts h steps. */
  public static double[] forecast(double[] x, boolean[] excluded, int m1, int m2, int h) {
    if (m2 % m1 != 0 || x.length <= 2 * m2) {
      throw new IllegalArgumentException(
          "double seasonal smoothing needs m2 a multiple of m1 and over two weeks of"
              + " data; got m1 "
              + m1
              + ", m2 "
              + m2
              + ", "
              + x.length
              + " values");
    }
    double[] p =
        new BOBYQAOptimizer(7, 0.1, 1e-6)
            .optimize(
                new MaxEval(3000),
                new ObjectiveFunction(q -> run(x, excluded, m1, m2, q[0], q[1], q[2], 0, null)),
                GoalType.MINIMIZE,
                new InitialGuess(new double[] {0.1, 0.1, 0.1}),
                new SimpleBounds(new double[] {0, 0, 0}, new double[] {1, 1, 1}))
            .getPoint();
    double[] f = new double[h];
    run(x, excluded, m1, m2, p[0], p[1], p[2], h, f);
    return f;
  }

  private static double run(
      double[] x,
      boolean[] excluded,
      int m1,
      int m2,
      double alpha,
      double delta,
      double omega,
      int h,
      double[] out) {
    int n0 = 2 * m2;
    double level = 0;
    for (int i = 0; i < n0; i++) level += x[i];
    level /= n0;
    double[] d = new double[m1];
    double[] w = new double[m2];
    for (int i = 0; i < n0; i++) d[i % m1] += (x[i] - level) / (n0 / (double) m1);
    for (int i = 0; i < n0; i++) w[i % m2] += (x[i] - level - d[i % m1]) / 2.0;
    double sse = 0;
    for (int i = n0; i < x.length; i++) {
      int p1 = i % m1;
      int p2 = i % m2;
      double xhat = level + d[p1] + w[p2];
      double xi = x[i];
      if (excluded != null && excluded[i]) {
        xi = xhat;
      } else {
        double e = xi - xhat;
        sse += e * e;
      }
      double newLevel = alpha * (xi - d[p1] - w[p2]) + (1 - alpha) * level;
      double newD = delta * (xi - newLevel - w[p2]) + (1 - delta) * d[p1];
      w[p2] = omega * (xi - newLevel - d[p1]) + (1 - omega) * w[p2];
      d[p1] = newD;
      level = newLevel;
    }
    for (int k = 0; k < h; k++) {
      int i = x.length + k;
      out[k] = level + d[i % m1] + w[i % m2];
    }
    return Double.isFinite(sse) ? sse : Double.MAX_VALUE;
  }
}
