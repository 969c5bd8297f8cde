package io.yardstick.report;

import io.yardstick.kpi.Kpi;
import io.yardstick.kpi.KpiJson;
import io.yardstick.kpi.KpiResult;
import java.util.ArrayList;
import java.util.List;

/**
 * The headline numbers of a report as lines of words (the e-mail's body, the Slack and Teams
 * cards).
 */
public final class Headline {
  private Headline() {}

  /**
   * One line per KPI of the first tiles section: its name, value and, when compared, the change.
   */
  public record Line(String name, String value, String change) {}

  public static List<Line> lines(Report r, ReportText t) {
    KpiResult result = r.headline().result();
    List<Line> out = new ArrayList<>();
    if (result == null) return out;
    KpiResult.Row row = result.overall();
    for (Kpi k : result.query().kpis()) {
      Number v = row.values().get(k);
      Number p = row.previous().get(k);
      out.add(
          new Line(
              t.kpiName(k),
              t.value(k, v),
              result.query().comparePrevious() && v != null && p != null
                  ? t.change(k, KpiJson.change(v, p))
                  : null));
    }
    return out;
  }

  /** The subject line: the view's name and its period in words. */
  public static String subject(Report r, ReportText t) {
    return r.view().name() + " · " + t.period(r.view().period(), r.from(), r.to());
  }
}
