package io.yardstick.goal;

import io.yardstick.goal.internal.TheilSen;
import io.yardstick.kpi.Benchmark;
import io.yardstick.kpi.Dimension;
import io.yardstick.kpi.Kpi;
import io.yardstick.kpi.KpiEngine;
import io.yardstick.kpi.KpiQuery;
import io.yardstick.kpi.KpiResult;
import io.yardstick.kpi.TimeBucket;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.commons.statistics.descriptive.Median;
import org.apache.commons.statistics.descriptive.StandardDeviation;

/**
 * Tracks goals with the KPI engine: every figure is a KPI query over the goal's segment, so a goal
 * shows exactly what {@code yardstick kpi} shows for the same period and filters.
 *
 * <pre>{@code
 * GoalTracker tracker = new GoalTracker(new KpiEngine(store, settings), Clock.systemUTC());
 * GoalProgress p = tracker.track(goal);   // p.status(), p.current(), p.projected(), p.history()
 * }</pre>
 *
 * <p>The rules (docs/goals.md): the value so far covers the start to the day before today (a day
 * still running would weigh less than the others), or to the deadline once passed. The trend is a
 * Theil-Sen line through the weekly values; the projection is the value over the goal's whole
 * period if the days left follow that line (the days measured at the current value, the days left
 * at the line's mean over them, weighted by days). Status: met now = achieved; past the deadline
 * and not met = missed; else projection meets the target = on track; projection at least half of
 * the way from the baseline = at risk; else off track.
 */
public final class GoalTracker {
  /**
   * The fewest weekly values a trend is fitted to; with fewer, the projection is the current value.
   */
  public static final int MIN_TREND_WEEKS = 3;

  /**
   * KPIs whose value depends on the period's length: their history is cumulative from the goal's
   * start.
   */
  static final Set<Kpi> PERIOD_LENGTH_KPIS = Set.of(Kpi.CONTACTS, Kpi.REVENUE, Kpi.RETENTION_RATE);

  private static final Dimension WEEK = Dimension.of("week");

  private final KpiEngine engine;
  private final Clock clock;

  public GoalTracker(KpiEngine engine, Clock clock) {
    this.engine = engine;
    this.clock = clock;
  }

  /** The goal's progress as of the clock's day. */
  public GoalProgress track(Goal goal) {
    LocalDate today = LocalDate.ofInstant(clock.instant(), goal.zone());
    LocalDate[] bp = goal.baseline() == null ? goal.baselinePeriod() : null;
    Double baseline = bp == null ? goal.baseline() : value(goal, bp[0], bp[1]);
    Double target = goal.target().valueFor(baseline);
    int sign = sign(goal, baseline, target);
    Realism realism = realism(goal, baseline, target, sign);
    LocalDate yesterday = today.minusDays(1);
    LocalDate measuredTo = yesterday.isBefore(goal.deadline()) ? yesterday : goal.deadline();
    LocalDate bFrom = bp == null ? null : bp[0];
    LocalDate bTo = bp == null ? null : bp[1];
    if (measuredTo.isBefore(goal.start())) {
      return new GoalProgress(
          goal,
          today,
          null,
          baseline,
          bFrom,
          bTo,
          target,
          null,
          null,
          0.0,
          List.of(),
          null,
          null,
          null,
          GoalStatus.NOT_STARTED,
          realism);
    }
    Double current = value(goal, goal.start(), measuredTo);
    List<GoalProgress.WeekValue> history = history(goal, measuredTo);
    boolean cumulative = PERIOD_LENGTH_KPIS.contains(goal.kpi());

    List<double[]> points = new ArrayList<>();
    for (GoalProgress.WeekValue w : history) {
      if (w.value() == null) continue;
      double x =
          cumulative
              ? index(goal, w.to()) + 1
              : (index(goal, w.from()) + index(goal, w.to())) / 2.0;
      points.add(new double[] {x, w.value()});
    }
    TheilSen.Line line =
        points.size() < MIN_TREND_WEEKS
            ? null
            : TheilSen.fit(
                points.stream().mapToDouble(p -> p[0]).toArray(),
                points.stream().mapToDouble(p -> p[1]).toArray());
    long last = index(goal, goal.deadline());
    long measured = index(goal, measuredTo);
    GoalProgress.Trend trend = null;
    Double projected = current;
    if (line != null) {
      // A cumulative value goes on from where it is: the line's slope, anchored at the current
      // value.
      double atDeadline =
          clamp(
              goal.kpi(),
              cumulative
                  ? (current == null
                      ? line.at(last + 1)
                      : current + line.slope() * (last - measured))
                  : line.at(last - 3));
      trend = new GoalProgress.Trend("Theil-Sen", line.slope() * 7, atDeadline, line.points());
      if (current != null && measured < last) {
        if (cumulative) {
          projected = atDeadline;
        } else {
          long elapsed = measured + 1;
          long remaining = last - measured;
          double meanLeft = clamp(goal.kpi(), line.at((measured + 1 + last) / 2.0));
          projected = (current * elapsed + meanLeft * remaining) / (elapsed + remaining);
        }
      }
    }
    Double progress = share(current, baseline, target);
    Double projectedProgress = share(projected, baseline, target);
    double timeElapsed = 100.0 * (measured + 1) / (last + 1);
    GoalStatus status;
    if (current == null || target == null) {
      status = GoalStatus.NO_DATA;
    } else if (meets(sign, current, target)) {
      status = GoalStatus.ACHIEVED;
    } else if (today.isAfter(goal.deadline())) {
      status = GoalStatus.MISSED;
    } else if (meets(sign, projected, target)) {
      status = GoalStatus.ON_TRACK;
    } else if (projectedProgress != null && projectedProgress >= 50) {
      status = GoalStatus.AT_RISK;
    } else {
      status = GoalStatus.OFF_TRACK;
    }
    return new GoalProgress(
        goal,
        today,
        measuredTo,
        baseline,
        bFrom,
        bTo,
        target,
        current,
        progress,
        timeElapsed,
        history,
        trend,
        projected,
        projectedProgress,
        status,
        realism);
  }

  /**
   * The realism check alone (as when a goal is set): its history is the year before the goal
   * starts.
   */
  public Realism realism(Goal goal) {
    LocalDate[] bp = goal.baselinePeriod();
    Double baseline = goal.baseline() != null ? goal.baseline() : value(goal, bp[0], bp[1]);
    Double target = goal.target().valueFor(baseline);
    return realism(goal, baseline, target, sign(goal, baseline, target));
  }

  private Realism realism(Goal goal, Double baseline, Double target, int sign) {
    Kpi kpi = goal.kpi();
    Double required = baseline == null || target == null ? null : target - baseline;
    Double requiredPercent =
        required == null || baseline == 0 ? null : 100.0 * required / Math.abs(baseline);
    // Levels (chronological) and the lag between two of them that spans the goal's length.
    List<Double> levels = new ArrayList<>();
    Double noise = null;
    int lag;
    Integer windowWeeks;
    LocalDate historyFrom = goal.start().minusDays(364);
    if (PERIOD_LENGTH_KPIS.contains(kpi)) {
      long d = goal.days();
      int windows =
          (int)
              Math.max(
                  1, 365 / d); // back-to-back windows of the goal's length within the past year
      for (int k = windows - 1; k >= 0; k--) {
        LocalDate end = goal.start().minusDays(1 + k * d);
        Double v = value(goal, end.minusDays(d - 1), end);
        if (v != null) levels.add(v);
      }
      lag = 1;
      windowWeeks = (int) Math.round(d / 7.0);
    } else {
      List<Double> weekly = new ArrayList<>();
      KpiResult r =
          engine.compute(
              query(goal, historyFrom, goal.start().minusDays(1)).withGroupBy(List.of(WEEK)));
      for (KpiResult.Row row : r.rows().subList(1, r.rows().size())) {
        Number v = row.value(kpi);
        if (v != null) weekly.add(v.doubleValue());
      }
      if (weekly.size() >= 2) {
        StandardDeviation sd = StandardDeviation.create();
        for (int i = 1; i < weekly.size(); i++) {
          sd.accept(weekly.get(i) - weekly.get(i - 1));
        }
        noise = sd.getAsDouble();
      }
      for (int j = 3; j < weekly.size(); j++) {
        levels.add((weekly.get(j - 3) + weekly.get(j - 2) + weekly.get(j - 1) + weekly.get(j)) / 4);
      }
      int goalWeeks = (int) Math.max(1, Math.round(goal.days() / 7.0));
      lag = Math.min(goalWeeks, levels.size() - 1);
      windowWeeks = lag >= 1 ? lag : null;
    }
    Double bestChange = null;
    for (int j = 0; lag >= 1 && j + lag < levels.size(); j++) {
      double c = levels.get(j + lag) - levels.get(j);
      if (bestChange == null || sign * c > sign * bestChange) bestChange = c;
    }
    Double bestLevel = null;
    for (Double v : levels) {
      if (bestLevel == null || sign * v > sign * bestLevel) bestLevel = v;
    }
    // The level reached half of the time: a best level alone is often just the noise's luckiest
    // stretch.
    Double typicalLevel =
        levels.isEmpty()
            ? null
            : Median.withDefaults()
                .evaluate(levels.stream().mapToDouble(Double::doubleValue).toArray());
    if (bestChange == null) windowWeeks = null;

    Realism.Verdict verdict;
    String u = unit(kpi);
    Reasons why = new Reasons();
    boolean periods = PERIOD_LENGTH_KPIS.contains(kpi);
    if (required == null) {
      verdict = Realism.Verdict.UNKNOWN;
      why.add(
          "no_baseline",
          "No baseline: nothing measured for "
              + kpi.id()
              + " in the baseline period, so the change"
              + " cannot be judged.");
    } else {
      why.add(
          "asks",
          "The goal asks "
              + signed(required, pp(u))
              + (requiredPercent == null ? "" : " (" + signed(requiredPercent, "%") + ")")
              + ": from "
              + fmt(baseline, u)
              + " to "
              + fmt(target, u)
              + ".",
          "required_change",
          required,
          "required_change_percent",
          requiredPercent,
          "baseline",
          baseline,
          "target",
          target);
      boolean impossible = kpi.unit() == Kpi.Unit.PERCENT && (target > 100 || target < 0);
      if (impossible) {
        verdict = Realism.Verdict.AMBITIOUS;
        why.add(
            target > 100 ? "percent_above_100" : "percent_below_0",
            "A percentage cannot go "
                + (target > 100 ? "above 100" : "below 0")
                + ": the target is out of reach.");
      } else if (sign * required <= 0) {
        verdict = Realism.Verdict.BELOW_WHAT_YOU_ALREADY_REACH;
        why.add("baseline_meets", "The baseline already meets the target.");
      } else if (typicalLevel != null && sign * (typicalLevel - target) >= 0) {
        verdict = Realism.Verdict.BELOW_WHAT_YOU_ALREADY_REACH;
        why.add(
            periods ? "typical_meets_periods" : "typical_meets_stretches",
            (periods ? "Periods of the goal's length" : "4-week stretches")
                + " of the past year were at "
                + fmt(typicalLevel, u)
                + " (median), which meets the target.",
            "typical_level",
            typicalLevel);
      } else if (bestChange == null) {
        verdict = Realism.Verdict.UNKNOWN;
        why.add(
            "too_little_history",
            "Too little history in the year before " + goal.start() + " to compare with.",
            "start",
            goal.start());
      } else if (sign * bestChange >= sign * required) {
        verdict = Realism.Verdict.REALISTIC;
        why.add(
            "best_change_enough",
            "The best change over "
                + windowWeeks
                + " weeks in the past year was "
                + signed(bestChange, pp(u))
                + ", at least as much as the goal needs.",
            "weeks",
            windowWeeks,
            "best_change",
            bestChange);
      } else {
        verdict = Realism.Verdict.AMBITIOUS;
        boolean none = sign * bestChange <= 0;
        why.add(
            none ? "best_change_none" : "best_change_short",
            "The best change over "
                + windowWeeks
                + " weeks in the past year was "
                + signed(bestChange, pp(u))
                + (none ? " (no improvement at all)" : "")
                + "; the goal needs more.",
            "weeks",
            windowWeeks,
            "best_change",
            bestChange);
      }
      if (bestLevel != null && verdict != Realism.Verdict.BELOW_WHAT_YOU_ALREADY_REACH) {
        boolean metOnce = sign * (bestLevel - target) >= 0;
        why.add(
            (periods ? "best_level_periods" : "best_level_stretches") + (metOnce ? "_met" : ""),
            "The best "
                + (periods ? "period of the goal's length" : "4-week stretch")
                + " of the past year was at "
                + fmt(bestLevel, u)
                + (metOnce ? ", which met the target once." : "."),
            "best_level",
            bestLevel);
      }
      if (noise != null) {
        boolean large = Math.abs(required) <= noise;
        why.add(
            large ? "noise_large" : "noise",
            "Weekly values move by "
                + fmt(noise, pp(u))
                + " from one week to the next (standard deviation)"
                + (large
                    ? ", as much as the change asked: a week's figure alone will not show it."
                    : "."),
            "noise",
            noise);
      }
    }
    if (goal.baseline() != null) {
      LocalDate[] bp = goal.baselinePeriod();
      Double measured = value(goal, bp[0], bp[1]);
      if (measured != null) {
        why.add(
            "given_baseline",
            "The given baseline "
                + fmt(baseline, u)
                + " against the data: "
                + fmt(measured, u)
                + " over the "
                + goal.days()
                + " days before the start ("
                + bp[0]
                + " to "
                + bp[1]
                + ").",
            "baseline",
            baseline,
            "measured",
            measured,
            "days",
            goal.days(),
            "from",
            bp[0],
            "to",
            bp[1]);
      }
    }
    String benchmark = benchmark(kpi, target, sign, why);
    return new Realism(
        verdict,
        required,
        requiredPercent,
        bestChange,
        windowWeeks,
        bestLevel,
        typicalLevel,
        noise,
        benchmark,
        why.english,
        why.reasons);
  }

  /**
   * The explanation twice from one place: English sentences (CLI, JSON) and coded reasons the pages
   * translate.
   */
  private static final class Reasons {
    final List<String> english = new ArrayList<>();
    final List<Realism.Reason> reasons = new ArrayList<>();

    void add(String code, String sentence, Object... values) {
      english.add(sentence);
      Map<String, Object> v = new java.util.LinkedHashMap<>();
      for (int i = 0; i < values.length; i += 2) {
        if (values[i + 1] != null)
          v.put(
              (String) values[i],
              values[i + 1] instanceof LocalDate d ? d.toString() : values[i + 1]);
      }
      reasons.add(new Realism.Reason(code, v));
    }
  }

  private String benchmark(Kpi kpi, Double target, int sign, Reasons why) {
    Benchmark b = engine.settings().benchmarks().get(kpi);
    if (b == null || target == null) return null;
    String u = unit(kpi);
    String where;
    String code;
    Double bound = null;
    Double better = sign > 0 ? b.high() : b.low();
    Double worse = sign > 0 ? b.low() : b.high();
    if (better != null && sign * (target - better) >= 0) {
      where = "at or beyond the benchmark's best end (" + fmt(better, u) + ")";
      code = "benchmark_beyond";
      bound = better;
    } else if (worse != null && sign * (target - worse) < 0) {
      where = "short of the benchmark's range (" + fmt(worse, u) + ")";
      code = "benchmark_short";
      bound = worse;
    } else if (b.low() == null && b.high() == null) {
      where = "to be read against it";
      code = "benchmark_read";
    } else {
      where = "within the benchmark's range";
      code = "benchmark_within";
    }
    String sentence =
        "Benchmark: " + b.text() + "; the target " + fmt(target, u) + " is " + where + ".";
    why.add(code, sentence, "target", target, "bound", bound);
    return sentence;
  }

  private List<GoalProgress.WeekValue> history(Goal goal, LocalDate to) {
    List<TimeBucket> buckets =
        TimeBucket.of(Dimension.TimeUnit.WEEK, goal.start(), to, goal.zone());
    List<GoalProgress.WeekValue> out = new ArrayList<>();
    if (PERIOD_LENGTH_KPIS.contains(goal.kpi())) {
      for (TimeBucket b : buckets) {
        out.add(
            new GoalProgress.WeekValue(
                b.label(), b.firstDay(), b.lastDay(), value(goal, goal.start(), b.lastDay())));
      }
      return out;
    }
    KpiResult r = engine.compute(query(goal, goal.start(), to).withGroupBy(List.of(WEEK)));
    Map<String, Number> byWeek = new HashMap<>();
    for (KpiResult.Row row : r.rows().subList(1, r.rows().size())) {
      byWeek.put(row.group().get("week"), row.value(goal.kpi()));
    }
    for (TimeBucket b : buckets) {
      Number v = byWeek.get(b.label());
      out.add(
          new GoalProgress.WeekValue(
              b.label(), b.firstDay(), b.lastDay(), v == null ? null : v.doubleValue()));
    }
    return out;
  }

  private Double value(Goal goal, LocalDate from, LocalDate to) {
    Number v = engine.compute(query(goal, from, to)).overall().value(goal.kpi());
    return v == null ? null : v.doubleValue();
  }

  private static KpiQuery query(Goal goal, LocalDate from, LocalDate to) {
    return KpiQuery.of(from, to, goal.zone())
        .withKpis(List.of(goal.kpi()))
        .withFilters(goal.filters());
  }

  private static long index(Goal goal, LocalDate d) {
    return ChronoUnit.DAYS.between(goal.start(), d);
  }

  /** +1 when a higher value meets the target, -1 when a lower one does. */
  static int sign(Goal goal, Double baseline, Double target) {
    return switch (goal.kpi().direction()) {
      case HIGHER_IS_BETTER -> 1;
      case LOWER_IS_BETTER -> -1;
      case NEUTRAL ->
          goal.target().kind() == Target.Kind.CHANGE
              ? (goal.target().value() > 0 ? 1 : -1)
              : baseline == null || target >= baseline ? 1 : -1;
    };
  }

  private static boolean meets(int sign, Double value, double target) {
    // A relative tolerance, so that a target computed as baseline x 1.1 is met by the value it was
    // computed from.
    return value != null && sign * (value - target) >= -1e-9 * Math.max(1, Math.abs(target));
  }

  private static Double share(Double value, Double baseline, Double target) {
    if (value == null || baseline == null || target == null || target.equals(baseline)) return null;
    return 100.0 * (value - baseline) / (target - baseline);
  }

  /** Projections stay within what the unit allows. */
  private static double clamp(Kpi kpi, double v) {
    return switch (kpi.unit()) {
      case PERCENT -> Math.max(0, Math.min(100, v));
      case SCORE -> kpi == Kpi.NPS ? Math.max(-100, Math.min(100, v)) : v;
      default -> Math.max(0, v);
    };
  }

  static String unit(Kpi kpi) {
    return switch (kpi.unit()) {
      case PERCENT -> "%";
      case SECONDS -> " s";
      default -> "";
    };
  }

  /** A value with its unit; seconds as a duration people read (7 min 16 s, not 435.7 s). */
  static String fmt(double v, String unit) {
    if (unit.equals(" s")) return io.yardstick.kpi.Display.duration(v);
    return String.format(Locale.ROOT, "%.1f", v) + unit;
  }

  /** A change of a percentage is in percentage points. */
  static String pp(String unit) {
    return unit.equals("%") ? " pp" : unit;
  }

  static String signed(double v, String unit) {
    return (v > 0 ? "+" : "") + fmt(v, unit);
  }
}
