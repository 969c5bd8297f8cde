package io.yardstick.goal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Goals and their progress as JSON-ready maps (keys in a stable order), for the CLI's JSON and the
 * API.
 */
public final class GoalJson {
  private GoalJson() {}

  public static Map<String, Object> goal(Goal g) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", g.id());
    m.put("name", g.name());
    m.put("kpi", g.kpi().id());
    m.put("where", g.where());
    m.put("tz", g.zone().getId());
    m.put("from", g.start().toString());
    m.put("by", g.deadline().toString());
    m.put("baseline", g.baseline());
    m.put("baseline_from", g.baselineFrom() == null ? null : g.baselineFrom().toString());
    m.put("baseline_to", g.baselineTo() == null ? null : g.baselineTo().toString());
    Map<String, Object> t = new LinkedHashMap<>();
    t.put("kind", g.target().kind().id());
    t.put("value", g.target().value());
    t.put("text", g.target().text());
    m.put("target", t);
    m.put("created_at", g.createdAt() == null ? null : g.createdAt().toString());
    return m;
  }

  /** A goal's summary line: definition, figures and status, without history. */
  public static Map<String, Object> summary(GoalProgress p) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("goal", goal(p.goal()));
    m.put("today", p.today().toString());
    m.put("measured_to", p.measuredTo() == null ? null : p.measuredTo().toString());
    m.put("baseline", p.baseline());
    m.put("baseline_from", p.baselineFrom() == null ? null : p.baselineFrom().toString());
    m.put("baseline_to", p.baselineTo() == null ? null : p.baselineTo().toString());
    m.put("target", p.target());
    m.put("current", p.current());
    m.put("progress_percent", p.progress());
    m.put("time_elapsed_percent", p.timeElapsed());
    m.put("projected", p.projected());
    m.put("projected_progress_percent", p.projectedProgress());
    m.put("status", p.status().id());
    return m;
  }

  /** Everything: the summary, the trend, the weekly history and the realism check. */
  public static Map<String, Object> progress(GoalProgress p) {
    Map<String, Object> m = summary(p);
    if (p.trend() == null) {
      m.put("trend", null);
    } else {
      Map<String, Object> t = new LinkedHashMap<>();
      t.put("method", p.trend().method());
      t.put("slope_per_week", p.trend().slopePerWeek());
      t.put("at_deadline", p.trend().atDeadline());
      t.put("weeks", p.trend().weeks());
      m.put("trend", t);
    }
    List<Object> h = new ArrayList<>();
    for (GoalProgress.WeekValue w : p.history()) {
      Map<String, Object> e = new LinkedHashMap<>();
      e.put("week", w.week());
      e.put("from", w.from().toString());
      e.put("to", w.to().toString());
      e.put("value", w.value());
      h.add(e);
    }
    m.put("history", h);
    m.put("realism", realism(p.realism()));
    return m;
  }

  public static Map<String, Object> realism(Realism r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("verdict", r.verdict().id());
    m.put("label", r.verdict().label());
    m.put("required_change", r.requiredChange());
    m.put("required_change_percent", r.requiredChangePercent());
    m.put("best_change", r.bestChange());
    m.put("window_weeks", r.windowWeeks());
    m.put("best_level", r.bestLevel());
    m.put("typical_level", r.typicalLevel());
    m.put("noise", r.noise());
    m.put("benchmark", r.benchmark());
    m.put("explanation", r.explanation());
    List<Map<String, Object>> reasons = new ArrayList<>();
    for (Realism.Reason reason : r.reasons()) {
      Map<String, Object> one = new LinkedHashMap<>();
      one.put("code", reason.code());
      one.put("values", reason.values());
      reasons.add(one);
    }
    m.put("reasons", reasons);
    return m;
  }
}
