package io.yardstick.report;

import io.yardstick.Parse;
import io.yardstick.YardstickException;
import io.yardstick.goal.GoalJson;
import io.yardstick.kpi.Kpi;
import io.yardstick.kpi.KpiJson;
import io.yardstick.user.Role;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The JSON shapes of saved views, reports, schedules and deliveries, shared by the API and the CLI;
 * and the reading of a view from such JSON (the API's body, the CLI's file), with errors naming the
 * field.
 */
public final class ReportJson {
  private ReportJson() {}

  /**
   * {"id","name","owner","shared":[roles],"page","arg","period","tz","kpis","by","where","compare","panels","created_at"}.
   */
  public static Map<String, Object> view(SavedView v) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", v.id());
    m.put("name", v.name());
    m.put("owner", v.owner());
    m.put("kind", v.isDashboard() ? "dashboard" : "view");
    m.put("shared", new TreeSet<>(v.shared().stream().map(Role::id).toList()));
    m.put("page", v.page());
    m.put("arg", v.arg());
    m.put("period", v.period().id());
    m.put("tz", v.zone().getId());
    m.put("kpis", v.kpis().stream().map(Kpi::id).toList());
    m.put("by", v.groupBy());
    m.put("where", v.filters());
    m.put("compare", v.compare());
    m.put("panels", v.panels().stream().map(ReportJson::panel).toList());
    m.put("created_at", v.createdAt() == null ? null : v.createdAt().toString());
    return m;
  }

  public static Map<String, Object> panel(Panel p) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("type", p.type().id());
    if (p.title() != null) m.put("title", p.title());
    m.put("kpis", p.kpis().stream().map(Kpi::id).toList());
    m.put("where", p.filters());
    if (p.by() != null) m.put("by", p.by());
    if (p.goalId() != null) m.put("goal", p.goalId());
    m.put("x", p.x());
    m.put("y", p.y());
    m.put("w", p.w());
    m.put("h", p.h());
    return m;
  }

  /** A panel from its JSON; defaults: x 0, y 0, w 12, h 2. */
  public static Panel readPanel(Map<?, ?> m) {
    Object goal = m.get("goal");
    if (goal != null && !(goal instanceof Number))
      throw new YardstickException("{panels}: goal must be a goal id.");
    return new Panel(
        Panel.Type.of(text(m, "type", "panels")),
        text(m, "title", "panels"),
        kpis(m.get("kpis"), "panels"),
        strings(m.get("where"), "panels"),
        text(m, "by", "panels"),
        goal == null ? null : ((Number) goal).longValue(),
        integer(m, "x", 0),
        integer(m, "y", 0),
        integer(m, "w", 12),
        integer(m, "h", 2));
  }

  /**
   * A view from a JSON object:
   * {"name","page","period","tz","kpis":[...]|"a,b","by":[...],"where":[...],
   * "compare":bool,"shared":["manager"],"arg","panels":[...]}; name, page and period are required,
   * tz defaults to UTC.
   */
  public static SavedView readView(Map<?, ?> body, String owner) {
    String name = text(body, "name", null);
    if (name == null) throw new YardstickException("A view needs a {name}.");
    String page = text(body, "page", null);
    if (page == null)
      throw new YardstickException(
          "A view needs the {page} it shows, one of " + String.join(", ", SavedView.PAGES) + ".");
    String period = text(body, "period", null);
    if (period == null)
      throw new YardstickException("A view needs a {period}, such as last_week or month_to_date.");
    String tz = text(body, "tz", null);
    ZoneId zone = Parse.zone(tz == null ? "UTC" : tz);
    Object compare = body.get("compare");
    if (compare != null && !(compare instanceof Boolean))
      throw new YardstickException("{compare}: expected true or false.");
    Set<Role> shared = new java.util.HashSet<>();
    for (String r : strings(body.get("shared"), "shared")) shared.add(Role.of(r));
    List<Panel> panels = new ArrayList<>();
    Object ps = body.get("panels");
    if (ps != null) {
      if (!(ps instanceof List<?> list))
        throw new YardstickException("{panels}: expected a list of panels.");
      for (Object p : list) {
        if (!(p instanceof Map<?, ?> pm))
          throw new YardstickException("{panels}: each panel is an object.");
        panels.add(readPanel(pm));
      }
    }
    return new SavedView(
        0,
        name,
        owner,
        shared,
        page,
        text(body, "arg", null),
        Period.parse(period),
        zone,
        kpis(body.get("kpis"), "kpis"),
        strings(body.get("by"), "by"),
        strings(body.get("where"), "where"),
        Boolean.TRUE.equals(compare),
        panels,
        null);
  }

  /**
   * {"view":{...},"from","to","tz","restriction":[...],"sections":[{"type","title","where","result"|"goal"}]}.
   */
  public static Map<String, Object> report(Report r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("view", view(r.view()));
    m.put("from", r.from().toString());
    m.put("to", r.to().toString());
    m.put("tz", r.view().zone().getId());
    m.put("restriction", r.restriction());
    List<Object> sections = new ArrayList<>();
    for (Report.Section s : r.sections()) {
      Map<String, Object> sm = new LinkedHashMap<>();
      sm.put("type", s.type().id());
      sm.put("title", s.title());
      sm.put("where", s.filters());
      if (s.result() != null) sm.put("result", KpiJson.result(s.result()));
      if (s.goal() != null) sm.put("goal", GoalJson.summary(s.goal()));
      if (s.heatmap() != null) sm.put("heatmap", heatmap(s.heatmap()));
      sections.add(sm);
    }
    m.put("sections", sections);
    return m;
  }

  /**
   * {"channel","interval","service_level","answer_seconds","aht","from","to","days":["monday",...],
   * "times":["08:00",...],"agents":[[mean agents by time] by day]}: a staffing heat map.
   */
  public static Map<String, Object> heatmap(StaffingHeatmap h) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("channel", h.channel());
    m.put("interval", h.intervalMinutes());
    m.put("service_level", h.serviceLevel() * 100);
    m.put("answer_seconds", h.answerSeconds());
    m.put("aht", h.aht());
    m.put("from", h.from().toString());
    m.put("to", h.to().toString());
    m.put("days", h.days().stream().map(d -> d.name().toLowerCase(java.util.Locale.ROOT)).toList());
    m.put("times", h.times().stream().map(Object::toString).toList());
    List<Object> rows = new ArrayList<>();
    for (Double[] r : h.agents()) rows.add(java.util.Arrays.asList(r));
    m.put("agents", rows);
    return m;
  }

  public static Map<String, Object> schedule(Schedule s) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", s.id());
    m.put("view", s.viewId());
    m.put("owner", s.owner());
    m.put("cadence", s.cadence().id());
    m.put("language", s.language());
    m.put("targets", s.targets());
    m.put("created_at", s.createdAt() == null ? null : s.createdAt().toString());
    return m;
  }

  public static Map<String, Object> delivery(Delivery d) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("idempotency_key", d.idempotencyKey());
    m.put("schedule", d.scheduleId());
    m.put("occurrence", d.occurrence().toString());
    m.put("target", d.target());
    m.put("kind", d.kind());
    m.put("state", d.state());
    m.put("attempts", d.attempts());
    m.put("updated_at", d.updatedAt().toString());
    m.put("error", d.error());
    return m;
  }

  private static String text(Map<?, ?> m, String key, String within) {
    Object v = m.get(key);
    if (v != null && !(v instanceof String)) {
      throw new YardstickException(
          (within == null ? "" : "{" + within + "}: ")
              + key
              + ": expected a string, got "
              + v
              + ".");
    }
    return (String) v;
  }

  private static int integer(Map<?, ?> m, String key, int fallback) {
    Object v = m.get(key);
    if (v == null) return fallback;
    if (v instanceof Integer i) return i;
    throw new YardstickException("{panels}: " + key + " must be a whole number, got " + v + ".");
  }

  private static List<String> strings(Object v, String field) {
    if (v == null) return List.of();
    if (v instanceof String s) {
      return s.isBlank() ? List.of() : List.of(s);
    }
    if (!(v instanceof List<?> list))
      throw new YardstickException("{" + field + "}: expected a list of strings.");
    List<String> out = new ArrayList<>();
    for (Object o : list) {
      if (!(o instanceof String s))
        throw new YardstickException("{" + field + "}: '" + o + "' is not a string.");
      out.add(s);
    }
    return out;
  }

  private static List<Kpi> kpis(Object v, String field) {
    if (v instanceof String s) return s.isBlank() ? List.of() : Parse.kpis(s);
    List<String> ids = strings(v, field);
    return ids.isEmpty() ? List.of() : Parse.kpis(String.join(",", ids));
  }
}
