package io.yardstick.goal.internal;

import java.util.Arrays;
import org.apache.commons.statistics.descriptive.Median;

/**
 * The Theil-Sen line: the slope is the median of the slopes of every pair of points with different
 * x (Theil 1950, "A rank-invariant method of linear and polynomial regression analysis", Proc. KNAW
 * 53; Sen 1968, "Estimates of the regression coefficient based on Kendall's tau", JASA
 * 63(324):1379-1389); the intercept is the median of y - slope x (Conover 1980, Practical
 * Nonparametric Statistics, section 5.5). Up to about 29% of the points may be wild without moving
 * the line, where least squares follows a single outlier week. Medians come from Apache Commons
 * Statistics (the mean of the two middle values for an even count).
 */
public final class TheilSen {
  private TheilSen() {}

  /** A fitted line y = intercept + slope x. */
  public record Line(double slope, double intercept, int points) {
    public double at(double x) {
      return intercept + slope * x;
    }
  }

  /** Fits a line to at least two points with at least two different x; null otherwise. */
  public static Line fit(double[] x, double[] y) {
    int n = x.length;
    if (n != y.length)
      throw new IllegalArgumentException("x and y differ in length: " + n + " and " + y.length);
    double[] slopes = new double[n * (n - 1) / 2];
    int k = 0;
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        if (x[j] != x[i]) slopes[k++] = (y[j] - y[i]) / (x[j] - x[i]);
      }
    }
    if (k == 0) return null;
    double slope = Median.withDefaults().evaluate(Arrays.copyOf(slopes, k));
    double[] intercepts = new double[n];
    for (int i = 0; i < n; i++) {
      intercepts[i] = y[i] - slope * x[i];
    }
    return new Line(slope, Median.withDefaults().evaluate(intercepts), n);
  }
}
