package io.yardstick.goal;

import java.util.Locale;

/**
 * Where a goal stands; the rules are in docs/goals.md and {@link GoalTracker}. "Meets" reads the
 * KPI's direction: for a higher-is-better KPI the value is at or above the target, for a
 * lower-is-better one at or below (for a KPI with neither direction, the goal's own: from the
 * baseline towards the target).
 */
public enum GoalStatus {
  /** The goal's first day is not over yet. */
  NOT_STARTED,
  /**
   * No value (nothing measured in the segment), or no target (a change target without a baseline).
   */
  NO_DATA,
  /**
   * The value from the start meets the target (after the deadline: the value over the goal's whole
   * period).
   */
  ACHIEVED,
  /** Not yet met, but the value projected to the deadline meets it. */
  ON_TRACK,
  /**
   * The projection falls short, but covers at least half of the way from the baseline to the
   * target.
   */
  AT_RISK,
  /** The projection covers less than half of the way, or moves away from the target. */
  OFF_TRACK,
  /** The deadline has passed and the value over the goal's period does not meet the target. */
  MISSED;

  /** The JSON form: {@code on_track}. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** As a person reads it: {@code on track}. */
  public String label() {
    return id().replace('_', ' ');
  }
}
