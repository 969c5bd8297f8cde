package io.yardstick.forecast.internal;

import org.hipparchus.distribution.continuous.TDistribution;

/**
 * The Diebold-Mariano test of equal forecast accuracy (Diebold and Mariano 1995, "Comparing
 * predictive accuracy", J. Business and Economic Statistics 13(3)), with the small-sample
 * correction of Harvey, Leybourne and Newbold (1997, "Testing the equality of prediction mean
 * squared errors", Int. J. Forecasting 13(2)): is one forecast's loss lower than another's by more
 * than the noise of the comparison?
 *
 * <p>Given the two losses per unit (here: the absolute errors of one backtest day), d_t = a_t -
 * b_t, the statistic is mean(d) / sqrt(V / T) with V the long-run variance of d, estimated with
 * Bartlett weights up to lag L = floor(4 (T / 100)^(2/9)) (Newey and West 1994's rule), since the
 * days of one backtest origin are forecast together and their errors are correlated. The HLN factor
 * sqrt((T - 1) / T) and Student's t with T - 1 degrees of freedom (Hipparchus) give the p-value.
 */
public final class DieboldMariano {
  private DieboldMariano() {}

  /**
   * One-sided p-value of "b's loss is lower than a's" (small when b is better beyond noise); 1 when
   * it cannot be told (fewer than 3 units, or no variation in the differences).
   */
  public static double pBetter(double[] lossA, double[] lossB) {
    int n = lossA.length;
    if (n != lossB.length) throw new IllegalArgumentException("losses of different lengths");
    if (n < 3) return 1;
    double[] d = new double[n];
    double mean = 0;
    for (int t = 0; t < n; t++) {
      d[t] = lossA[t] - lossB[t];
      mean += d[t] / n;
    }
    int lags = Math.min(n - 1, (int) Math.floor(4 * Math.pow(n / 100.0, 2.0 / 9)));
    double v = autocovariance(d, mean, 0);
    for (int k = 1; k <= lags; k++) {
      v += 2 * (1 - k / (lags + 1.0)) * autocovariance(d, mean, k);
    }
    if (!(v > 1e-12 * Math.max(1, mean * mean))) return 1;
    double stat = mean / Math.sqrt(v / n) * Math.sqrt((n - 1.0) / n);
    return 1 - new TDistribution(n - 1).cumulativeProbability(stat);
  }

  private static double autocovariance(double[] d, double mean, int k) {
    double s = 0;
    for (int t = k; t < d.length; t++) s += (d[t] - mean) * (d[t - k] - mean);
    return s / d.length;
  }
}
