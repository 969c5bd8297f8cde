package io.yardstick.staffing;

/**
 * Mean customer patience estimated from waits, for Erlang A. Every inbound contact that waited is
 * an observation of its customer's patience: an abandon after {@code w} seconds saw the patience
 * run out at {@code w}; an answer after {@code w} seconds only shows the patience was longer than
 * {@code w} (a right-censored observation). For exponential patience the maximum-likelihood
 * estimate with censoring is
 *
 * <pre>
 *   mean patience = (sum of the waits of all inbound contacts, answered and abandoned) / (number abandoned)
 * </pre>
 *
 * the total time at risk over the number of events (Cox and Oakes 1984, ch. 3), which is also θ =
 * P(abandon) / E[wait] of Mandelbaum and Zeltyn (2007). Without abandons there is no finite
 * estimate (Erlang C applies).
 *
 * <pre>{@code
 * Patience p = Patience.estimate(3_000, 10);  // waits add up to 3,000 s, 10 callers hung up
 * p.meanSeconds();                            // 300
 * }</pre>
 *
 * @param meanSeconds the estimated mean patience
 * @param totalWaitSeconds the waits of all inbound contacts, answered and abandoned
 * @param abandoned the number of abandons
 */
public record Patience(double meanSeconds, double totalWaitSeconds, long abandoned) {
  /** The estimate; {@link StaffingException} when nobody abandoned or nobody waited. */
  public static Patience estimate(double totalWaitSeconds, long abandoned) {
    if (abandoned <= 0) {
      throw new StaffingException(
          "no contact abandoned in the period, so patience cannot be estimated: staff with"
              + " Erlang C (no {patience}) or give the mean patience in seconds");
    }
    if (!(totalWaitSeconds > 0)) {
      throw new StaffingException(
          "abandons without any waiting time give no patience estimate; check the contacts'"
              + " abandoned_at times");
    }
    return new Patience(totalWaitSeconds / abandoned, totalWaitSeconds, abandoned);
  }
}
