package io.yardstick.report;

import io.yardstick.goal.GoalProgress;
import io.yardstick.kpi.Benchmark;
import io.yardstick.kpi.KpiResult;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A view or dashboard computed for one person on one day: its resolved dates and, per section, the
 * engine's result. Every face (the API's JSON, the PDF, the CSV, the e-mail's body, the Slack and
 * Teams cards) writes from this one value, so they say the same numbers.
 *
 * @param restriction the filters added because of who asked (an agent's own id, a lead's teams),
 *     shown in the PDF
 */
public record Report(
    SavedView view,
    LocalDate from,
    LocalDate to,
    Instant computedAt,
    List<String> restriction,
    List<Section> sections,
    Map<io.yardstick.kpi.Kpi, Benchmark> benchmarks) {
  public Report {
    restriction = List.copyOf(restriction);
    sections = List.copyOf(sections);
    benchmarks = Map.copyOf(benchmarks);
  }

  /**
   * One part of the report: KPI tiles (the overall row, with the previous period when the view
   * compares), a trend (by day), a breakdown table (by a dimension), a goal's progress, or a
   * staffing heat map.
   *
   * @param filters the section's own filters beyond the view's
   */
  public record Section(
      Panel.Type type,
      String title,
      List<String> filters,
      KpiResult result,
      GoalProgress goal,
      StaffingHeatmap heatmap) {
    public Section {
      filters = List.copyOf(filters);
    }

    public Section(
        Panel.Type type, String title, List<String> filters, KpiResult result, GoalProgress goal) {
      this(type, title, filters, result, goal, null);
    }
  }

  /** The first tiles section: the headline numbers of the e-mail body and the chat cards. */
  public Section headline() {
    return sections.stream()
        .filter(s -> s.type() == Panel.Type.TILES)
        .findFirst()
        .orElse(sections.get(0));
  }
}
