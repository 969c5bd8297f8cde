package io.yardstick.goal;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Whether a goal asks for more than the KPI has done: the required change against the best change
 * over a window of the goal's length in the year before it starts, the best level reached, the
 * week-to-week noise, and the benchmark.
 *
 * @param requiredChange target - baseline, in the KPI's unit
 * @param requiredChangePercent the same in percent of the baseline
 * @param bestChange the largest improvement over a window of the goal's length in the past year
 *     (signed like {@code requiredChange}), or null without enough history
 * @param windowWeeks the window's length in weeks (shorter than the goal when the history is; for
 *     period-length KPIs, the goal's length)
 * @param bestLevel the best 4-week level in the past year (for period-length KPIs: the best window
 *     of the goal's length)
 * @param typicalLevel the median of the same levels: what the KPI reaches half of the time
 * @param noise the standard deviation of week-to-week changes, or null
 * @param benchmark where the target stands against the KPI's benchmark, or null without one
 * @param explanation the verdict with its figures, one sentence each (English)
 * @param reasons the same sentences as codes with their figures, for faces that speak other
 *     languages
 */
public record Realism(
    Verdict verdict,
    Double requiredChange,
    Double requiredChangePercent,
    Double bestChange,
    Integer windowWeeks,
    Double bestLevel,
    Double typicalLevel,
    Double noise,
    String benchmark,
    List<String> explanation,
    List<Reason> reasons) {

  public Realism {
    explanation = List.copyOf(explanation);
    reasons = List.copyOf(reasons);
  }

  /**
   * One sentence of the explanation as a code (for example {@code best_change_short}) and its
   * figures (in the KPI's unit; changes of a percentage in points; dates as ISO text), in the order
   * of {@link #explanation}.
   */
  public record Reason(String code, Map<String, Object> values) {
    public Reason {
      values = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(values));
    }
  }

  public enum Verdict {
    /**
     * The target needs more than the best change of the past year, or is beyond what the unit
     * allows.
     */
    AMBITIOUS,
    /** The target needs no more than the best change over the same length in the past year. */
    REALISTIC,
    /** The baseline, or the median 4-week level of the past year, already meets the target. */
    BELOW_WHAT_YOU_ALREADY_REACH,
    /** Not enough history or no baseline to judge. */
    UNKNOWN;

    public String id() {
      return name().toLowerCase(Locale.ROOT);
    }

    public String label() {
      return this == BELOW_WHAT_YOU_ALREADY_REACH ? "below what you already reach" : id();
    }
  }
}
