package io.yardstick.forecast.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Finds the special days of a series of daily totals: a Hampel filter on the same weekday (Hampel
 * 1974; Pearson 2002, "Outlier detection in dynamic systems"; Leys et al. 2013, "Detecting
 * outliers: do not use standard deviation around the mean, use absolute deviation around the
 * median", J. Exp. Soc. Psych. 49(4)).
 *
 * <p>For each day x_d, the reference is the same weekday in the nearest {@link #NEIGHBOURS} weeks
 * around it (up to {@link #WEEKS} before and after; at the edges of the history, more on the side
 * that has them), the day itself and days already excluded by the user left out. With m their
 * median and MAD their median absolute deviation from m:
 *
 * <pre>
 * sigma = max(1.4826 MAD, sqrt(max(m, 1)))       (1.4826 MAD estimates a normal sigma; sqrt(m) is the Poisson floor)
 * special when |x_d - m| > 3 sigma               (low or high; "closed" when x_d = 0)
 *          or  x_d = 0 and m >= 5                (closed: a zero has probability e^-5 < 0.7% under Poisson(m))
 * </pre>
 *
 * Why this rule: the median and MAD are not moved by the special days themselves (a breakdown point
 * of 50%: up to half the neighbours may be holidays or campaign days), the weekday keeps Monday's
 * peak from looking special, and the Poisson floor keeps quiet series (a few contacts a day, MAD
 * near 0) from flagging ordinary noise. Comparing days rather than intervals keeps the count large
 * enough for the floor to be meaningful.
 */
public final class SpecialDayRule {
  private SpecialDayRule() {}

  /** Weeks looked at on each side. */
  public static final int WEEKS = 4;

  /** Same weekdays used as the reference, at most. */
  public static final int NEIGHBOURS = 2 * WEEKS;

  /** Fewest same weekdays needed to judge a day. */
  public static final int MIN_NEIGHBOURS = 2;

  /**
   * Robust z-score beyond which a day is special (Hampel's and Pearson's 3; Leys et al. call it
   * very conservative).
   */
  public static final double THRESHOLD = 3;

  /** Median at or above which a day without contacts is special. */
  public static final double CLOSED_MEDIAN = 5;

  /** A special day: its index, its weekday's median and why (closed, low or high). */
  public record Flag(int day, double expected, String why) {}

  /**
   * @param days daily totals
   * @param skip days neither judged nor used as reference (null: none)
   * @param daysPerWeek the season in days (7)
   */
  public static List<Flag> find(double[] days, boolean[] skip, int daysPerWeek) {
    List<Flag> out = new ArrayList<>();
    for (int d = 0; d < days.length; d++) {
      if (skip != null && skip[d]) continue;
      double[] ref = reference(days, skip, daysPerWeek, d);
      if (ref.length < MIN_NEIGHBOURS) continue;
      double m = median(ref);
      double[] dev = new double[ref.length];
      for (int i = 0; i < ref.length; i++) dev[i] = Math.abs(ref[i] - m);
      double sigma = Math.max(1.4826 * median(dev), Math.sqrt(Math.max(m, 1)));
      double x = days[d];
      if (x == 0 && m >= CLOSED_MEDIAN || Math.abs(x - m) > THRESHOLD * sigma) {
        out.add(new Flag(d, m, x == 0 ? "closed" : x < m ? "low" : "high"));
      }
    }
    return out;
  }

  /** Consecutive low intervals that make an outage, at least. */
  public static final int MIN_RUN = 2;

  /**
   * An outage found in an otherwise ordinary day: intervals {@code from} (inclusive) to {@code to}
   * (exclusive) of the series, their total and the sum of their medians.
   */
  public record Outage(int from, int to, double volume, double expected) {}

  /**
   * Finds outages: runs of at least {@link #MIN_RUN} consecutive intervals of one day, each low by
   * the same Hampel rule as a day (against the same interval of the same weekday in the nearest
   * weeks, with the Poisson floor) or empty where its median is at least {@link #CLOSED_MEDIAN}.
   * One interval alone is not enough: a history of 12 weeks at 30 minutes holds about 4,000
   * intervals, and a 3-sigma rule flags about 0.13% of ordinary intervals on the low side (some 5
   * of them); two in a row by chance is about 0.13%^2 x 4,000 = 0.007 per history. Only low runs:
   * an outage loses contacts (a day with a campaign's extra contacts is found by the day rule).
   *
   * @param y interval counts
   * @param skip intervals neither judged nor used as reference (excluded and special days; local
   *     times that do not exist on a clock-change day)
   * @param perDay intervals in a day
   * @param week intervals in a week
   */
  public static List<Outage> outages(double[] y, boolean[] skip, int perDay, int week) {
    List<Outage> out = new ArrayList<>();
    if (perDay < 2) return out;
    boolean[] low = new boolean[y.length];
    double[] median = new double[y.length];
    for (int i = 0; i < y.length; i++) {
      if (skip != null && skip[i]) continue;
      double[] ref = reference(y, skip, week, i);
      if (ref.length < MIN_NEIGHBOURS) continue;
      double m = median(ref);
      double[] dev = new double[ref.length];
      for (int k = 0; k < ref.length; k++) dev[k] = Math.abs(ref[k] - m);
      double sigma = Math.max(1.4826 * median(dev), Math.sqrt(Math.max(m, 1)));
      median[i] = m;
      low[i] = y[i] == 0 && m >= CLOSED_MEDIAN || m - y[i] > THRESHOLD * sigma;
    }
    for (int i = 0; i < y.length; ) {
      if (!low[i]) {
        i++;
        continue;
      }
      int j = i;
      double volume = 0;
      double expected = 0;
      while (j < y.length && low[j] && j / perDay == i / perDay) {
        volume += y[j];
        expected += median[j];
        j++;
      }
      if (j - i >= MIN_RUN) out.add(new Outage(i, j, volume, expected));
      i = j;
    }
    return out;
  }

  /**
   * The same weekday in the nearest weeks around day d, nearest first, alternating before and
   * after.
   */
  public static double[] reference(double[] days, boolean[] skip, int week, int d) {
    double[] ref = new double[NEIGHBOURS];
    int n = 0;
    for (int w = 1; n < NEIGHBOURS; w++) {
      int before = d - w * week;
      int after = d + w * week;
      if (before < 0 && after >= days.length) break;
      if (before >= 0 && (skip == null || !skip[before])) ref[n++] = days[before];
      if (n < NEIGHBOURS && after < days.length && (skip == null || !skip[after]))
        ref[n++] = days[after];
    }
    return Arrays.copyOf(ref, n);
  }

  public static double median(double[] v) {
    double[] s = v.clone();
    Arrays.sort(s);
    int n = s.length;
    return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
  }
}
