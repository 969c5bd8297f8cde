package io.yardstick.kpi;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The JSON shapes of KPI results, shared by the CLI and the HTTP API so that both say the same
 * thing: maps and lists ready for any JSON writer. Values stay raw (percentages 0-100, seconds),
 * null without data.
 */
public final class KpiJson {
  private KpiJson() {}

  /**
   * {"from","to","tz","rows":[{"group":{},"kpis":{id: value}}]}; with a comparison each value is
   * {"value", "previous","change","change_percent"} and the root carries previous_from and
   * previous_to; "warnings" (a list of sentences) when a filter value matches nothing in the store;
   * "answered_from": "rollups", "scan" or "mixed" (docs/rollups.md).
   */
  public static Map<String, Object> result(KpiResult result) {
    KpiQuery q = result.query();
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("from", q.from().toString());
    root.put("to", q.to().toString());
    root.put("tz", q.zone().getId());
    if (q.comparePrevious()) {
      KpiQuery p = q.previous();
      root.put("previous_from", p.from().toString());
      root.put("previous_to", p.to().toString());
    }
    List<Object> rows = new ArrayList<>();
    for (KpiResult.Row row : result.rows()) {
      Map<String, Object> r = new LinkedHashMap<>();
      r.put("group", row.group());
      Map<String, Object> values = new LinkedHashMap<>();
      for (Kpi k : q.kpis()) {
        Number v = row.values().get(k);
        if (q.comparePrevious()) {
          Number p = row.previous().get(k);
          Map<String, Object> c = new LinkedHashMap<>();
          c.put("value", v);
          c.put("previous", p);
          c.put("change", v == null || p == null ? null : change(v, p));
          c.put(
              "change_percent",
              v == null || p == null || p.doubleValue() == 0
                  ? null
                  : (v.doubleValue() - p.doubleValue()) * 100.0 / Math.abs(p.doubleValue()));
          values.put(k.id(), c);
        } else {
          values.put(k.id(), v);
        }
      }
      r.put("kpis", values);
      rows.add(r);
    }
    root.put("rows", rows);
    if (!result.warnings().isEmpty()) root.put("warnings", result.warnings());
    root.put("answered_from", result.answeredFrom());
    return root;
  }

  /** The difference of two values: whole for counts. */
  public static Number change(Number v, Number p) {
    if (v instanceof Long a && p instanceof Long b) return a - b;
    return v.doubleValue() - p.doubleValue();
  }

  /**
   * {"kpis":[{"id","name","unit","better","settles_late","definition","source","example","benchmark"?}]};
   * settles_late: it reads cases, whose recent days change until the cases close ({@link
   * Settling}).
   */
  public static Map<String, Object> catalog(KpiSettings settings) {
    List<Object> list = new ArrayList<>();
    for (Kpi k : Kpi.values()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("id", k.id());
      m.put("name", k.displayName());
      m.put("unit", k.unit().name().toLowerCase(Locale.ROOT));
      m.put("better", better(k));
      m.put("settles_late", k.bases().contains(Base.CASES));
      m.put("definition", k.formula());
      m.put("source", k.source());
      m.put("example", k.example());
      Benchmark b = settings.benchmarks().get(k);
      if (b != null) {
        Map<String, Object> bm = new LinkedHashMap<>();
        bm.put("low", b.low());
        bm.put("high", b.high());
        bm.put("text", b.text());
        bm.put("source", b.source());
        m.put("benchmark", bm);
      }
      list.add(m);
    }
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("kpis", list);
    return root;
  }

  public static String better(Kpi k) {
    return switch (k.direction()) {
      case HIGHER_IS_BETTER -> "higher";
      case LOWER_IS_BETTER -> "lower";
      case NEUTRAL -> "neither";
    };
  }

  /** The spread of agent KPIs. */
  public static Map<String, Object> consistency(Consistency c) {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("from", c.query().from().toString());
    root.put("to", c.query().to().toString());
    root.put("tz", c.query().zone().getId());
    root.put("min_contacts", c.minContacts());
    root.put("split", c.split().name().toLowerCase(Locale.ROOT));
    root.put("agents", c.agents());
    List<Object> kpis = new ArrayList<>();
    for (Consistency.Spread s : c.kpis()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("kpi", s.kpi().id());
      m.put("channel", s.channel());
      m.put("agents", s.agents());
      m.put("mean", s.mean());
      m.put("stddev", s.standardDeviation());
      m.put("cv_percent", s.coefficientOfVariation());
      m.put("q1", s.q1());
      m.put("median", s.median());
      m.put("q3", s.q3());
      m.put("iqr", s.iqr());
      m.put("low_fence", s.lowFence());
      m.put("high_fence", s.highFence());
      List<Object> outliers = new ArrayList<>();
      for (Consistency.Outlier o : s.outliers()) {
        Map<String, Object> om = new LinkedHashMap<>();
        om.put("agent", o.agent());
        om.put("value", o.value());
        om.put("side", o.high() ? "high" : "low");
        om.put("better", o.better());
        outliers.add(om);
      }
      m.put("outliers", outliers);
      List<Object> values = new ArrayList<>();
      for (Consistency.AgentValue v : s.values()) {
        Map<String, Object> vm = new LinkedHashMap<>();
        vm.put("agent", v.agent());
        vm.put("value", v.value());
        values.add(vm);
      }
      m.put("values", values);
      kpis.add(m);
    }
    root.put("kpis", kpis);
    root.put("unmeasured", c.unmeasured().stream().map(Kpi::id).toList());
    return root;
  }

  /** Top topics, the first {@code limit} (0: all). */
  public static Map<String, Object> topics(TopTopics t, int limit) {
    List<TopTopics.Topic> topics =
        limit > 0 && t.topics().size() > limit ? t.topics().subList(0, limit) : t.topics();
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("from", t.query().from().toString());
    root.put("to", t.query().to().toString());
    root.put("tz", t.query().zone().getId());
    root.put("contacts", t.contacts());
    // What a spike is, for a face to say (issue 12, part 13).
    root.put(
        "spike_rule",
        Map.of("ratio", TopTopics.SPIKE_RATIO, "share_points", TopTopics.SPIKE_SHARE_POINTS));
    List<Object> list = new ArrayList<>();
    for (TopTopics.Topic x : topics) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("topic", x.topic());
      m.put("contacts", x.contacts());
      m.put("share", x.share());
      m.put("previous_contacts", x.previousContacts());
      m.put("previous_share", x.previousShare());
      m.put("change_percent", x.changePercent());
      m.put("fcr", x.fcr());
      m.put("csat", x.csat());
      m.put("aht", x.aht());
      m.put("spike", x.spike());
      list.add(m);
    }
    root.put("topics", list);
    return root;
  }
}
