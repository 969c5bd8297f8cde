package io.yardstick.goal;

import java.time.LocalDate;
import java.util.List;

/**
 * A goal tracked on a day: baseline, target, the value so far, the share of the way, the weekly
 * history, the trend and where it leads by the deadline, and the status. Values are in the KPI's
 * unit; null where there is no data.
 *
 * @param today the local day of the clock in the goal's zone
 * @param measuredTo the last day measured: the day before today, or the deadline once passed (null
 *     before the start)
 * @param baselineFrom the baseline period measured (null when the baseline was given)
 * @param current the KPI from the start to {@code measuredTo}
 * @param progress the share of the way from the baseline to the target, in percent (100: target
 *     met; negative: worse than the baseline)
 * @param timeElapsed the share of the goal's days measured, in percent
 * @param history the KPI by ISO week from the start (for contacts, revenue and retention, which
 *     depend on the period's length: from the start to the end of each week)
 * @param trend the robust line through the history, or null with fewer than {@value
 *     GoalTracker#MIN_TREND_WEEKS} weekly values
 * @param projected the value expected over the goal's whole period by the deadline if the trend
 *     holds (without a trend: the current value; for period-length KPIs the current value continued
 *     at the trend's slope)
 * @param projectedProgress {@code progress} of the projected value
 */
public record GoalProgress(
    Goal goal,
    LocalDate today,
    LocalDate measuredTo,
    Double baseline,
    LocalDate baselineFrom,
    LocalDate baselineTo,
    Double target,
    Double current,
    Double progress,
    Double timeElapsed,
    List<WeekValue> history,
    Trend trend,
    Double projected,
    Double projectedProgress,
    GoalStatus status,
    Realism realism) {

  public GoalProgress {
    history = List.copyOf(history);
  }

  /** One point of the history: an ISO week (clipped to the goal's period) and the KPI's value. */
  public record WeekValue(String week, LocalDate from, LocalDate to, Double value) {}

  /**
   * The trend: a Theil-Sen line over the weekly values (see {@link
   * io.yardstick.goal.internal.TheilSen}).
   *
   * @param slopePerWeek the change of the KPI per week
   * @param atDeadline the line's value in the week ending on the deadline (a weekly level; for
   *     period-length KPIs, the value over the whole period)
   * @param weeks the weekly values the line was fitted to
   */
  public record Trend(String method, double slopePerWeek, double atDeadline, int weeks) {}
}
