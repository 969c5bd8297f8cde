package io.yardstick.staffing;

import io.yardstick.forecast.ForecastJson;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A staffing plan as JSON, the same from the CLI and the API: percentages 0-100, contacts,
 * logged-in agents and gaps to three decimals (forecast volumes are fractional), queue figures null
 * in intervals without contacts.
 */
public final class StaffingJson {
  private StaffingJson() {}

  public static Map<String, Object> plan(StaffingPlanner.Result result) {
    StaffingPlanner.Request r = result.request();
    StaffingPlan plan = result.plan();
    StaffingTarget target = plan.target();
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("source", r.source().id());
    root.put("channel", r.channel());
    root.put("from", r.from().toString());
    root.put("to", r.to().toString());
    root.put("tz", r.zone().getId());
    root.put("interval_minutes", r.intervalMinutes());
    root.put("aht", result.ahtSeconds());
    root.put("aht_source", result.ahtFromHistory() ? "history" : "given");
    root.put("service_level_target", target.serviceLevel() * 100);
    root.put("answer_seconds", target.answerSeconds());
    root.put("shrinkage", target.shrinkage() * 100);
    root.put("max_occupancy", target.maxOccupancy() * 100);
    root.put("concurrency", target.concurrency());
    root.put("model", target.erlangA() ? "erlang_a" : "erlang_c");
    root.put("patience", target.patienceSeconds());
    root.put(
        "patience_source",
        result.patience() != null ? "history" : target.patienceSeconds() == null ? null : "given");
    root.put("forecast_model", result.forecast() == null ? null : result.forecast().model().id());
    root.put("peak_agents", plan.peakAgents());
    root.put("agent_hours", plan.agentHours());
    root.put("scheduled_hours", plan.scheduledHours());
    List<Object> intervals = new ArrayList<>();
    for (StaffingPlan.Row row : plan.rows()) {
      QueueMetrics m = row.staffing().metrics();
      boolean none = row.volume().contacts() == 0;
      Map<String, Object> i = new LinkedHashMap<>();
      i.put("start", row.volume().start().atZone(r.zone()).toOffsetDateTime().toString());
      i.put("contacts", ForecastJson.round(row.volume().contacts()));
      i.put("agents", row.agents());
      i.put("scheduled_agents", row.scheduledAgents());
      i.put("logged_in", row.loggedIn() == null ? null : ForecastJson.round(row.loggedIn()));
      i.put("gap", row.gap() == null ? null : ForecastJson.round(row.gap()));
      i.put("service_level", none ? null : m.serviceLevel() * 100);
      i.put("asa", none || !Double.isFinite(m.asaSeconds()) ? null : m.asaSeconds());
      i.put("probability_wait", none ? null : m.probabilityWait() * 100);
      i.put("occupancy", none ? null : m.occupancy() * 100);
      if (m.abandonment() != null) i.put("abandonment", none ? null : m.abandonment() * 100);
      intervals.add(i);
    }
    root.put("intervals", intervals);
    return root;
  }
}
