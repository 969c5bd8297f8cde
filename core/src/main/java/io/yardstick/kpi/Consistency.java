package io.yardstick.kpi;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.statistics.descriptive.Mean;
import org.apache.commons.statistics.descriptive.Quantile;
import org.apache.commons.statistics.descriptive.StandardDeviation;

/**
 * How evenly the agents serve: for each agent KPI, the spread of the agents' values (standard deviation, coefficient
 * of variation, quartiles and interquartile range) and the agents outside Tukey's fences (1.5 IQR beyond the
 * quartiles), so a manager sees whether customers get the same service from everyone.
 *
 * <pre>{@code
 * Consistency c = Consistency.of(engine, query, 20);  // agents with at least 20 contacts
 * c.kpis().forEach(s -> System.out.println(s.kpi().id() + " cv " + s.coefficientOfVariation()));
 * }</pre>
 *
 * <p>Statistics: sample standard deviation (n - 1); quartiles by linear interpolation (Hyndman and Fan's method 7, as
 * {@code percentile_cont} and R's default), from Apache Commons Statistics.
 */
public record Consistency(KpiQuery query, int minContacts, int agents, List<Spread> kpis) {
  /** The KPIs that can be computed per agent. */
  public static List<Kpi> agentKpis() {
    Dimension agent = Dimension.of("agent");
    return java.util.Arrays.stream(Kpi.values()).filter(k -> k.bases().stream().allMatch(b -> b.groups(agent)))
        .toList();
  }

  /** The spread of one KPI across agents. Null statistics when fewer than two agents have a value. */
  public record Spread(Kpi kpi, int agents, Double mean, Double standardDeviation, Double coefficientOfVariation,
      Double q1, Double median, Double q3, Double iqr, Double lowFence, Double highFence, List<Outlier> outliers) {}

  /** An agent outside the fences; {@code better} says whether the value is on the good side of the KPI. */
  public record Outlier(String agent, double value, boolean high, Boolean better) {}

  /**
   * @param query the period, zone, filters and KPIs (null or empty: every agent KPI); its group-by is replaced by agent
   * @param minContacts agents with fewer contacts in the period are left out (their rates are noise)
   */
  public static Consistency of(KpiEngine engine, KpiQuery query, int minContacts) {
    List<Kpi> kpis = new ArrayList<>();
    for (Kpi k : query.kpis().isEmpty() ? agentKpis() : query.kpis()) {
      if (agentKpis().contains(k) && !kpis.contains(k)) kpis.add(k);
    }
    List<Kpi> asked = new ArrayList<>(kpis);
    if (!asked.contains(Kpi.CONTACTS)) asked.add(Kpi.CONTACTS);
    KpiQuery q = query.withKpis(asked).withGroupBy(List.of(Dimension.of("agent"))).withComparePrevious(false);
    KpiResult result = engine.compute(q);
    List<KpiResult.Row> agentRows = new ArrayList<>();
    for (KpiResult.Row row : result.rows()) {
      if (row.group().isEmpty() || row.group().get("agent") == null) continue;
      Number n = row.value(Kpi.CONTACTS);
      if (n == null || n.longValue() < minContacts) continue;
      agentRows.add(row);
    }
    List<Spread> spreads = new ArrayList<>();
    Quantile quantile = Quantile.withDefaults().with(Quantile.EstimationMethod.HF7);
    for (Kpi k : kpis) {
      List<String> names = new ArrayList<>();
      List<Double> values = new ArrayList<>();
      for (KpiResult.Row row : agentRows) {
        Number v = row.value(k);
        if (v != null) {
          names.add(row.group().get("agent"));
          values.add(v.doubleValue());
        }
      }
      double[] x = values.stream().mapToDouble(Double::doubleValue).toArray();
      if (x.length < 2) {
        spreads.add(new Spread(k, x.length, x.length == 1 ? x[0] : null, null, null, null, null, null, null, null,
            null, List.of()));
        continue;
      }
      double mean = Mean.of(x).getAsDouble();
      double sd = StandardDeviation.of(x).getAsDouble();
      double[] qs = quantile.evaluate(x, 0.25, 0.5, 0.75);
      double iqr = qs[2] - qs[0];
      double low = qs[0] - 1.5 * iqr;
      double high = qs[2] + 1.5 * iqr;
      List<Outlier> outliers = new ArrayList<>();
      for (int i = 0; i < x.length; i++) {
        if (x[i] < low || x[i] > high) {
          boolean isHigh = x[i] > high;
          Boolean better = switch (k.direction()) {
            case HIGHER_IS_BETTER -> isHigh;
            case LOWER_IS_BETTER -> !isHigh;
            case NEUTRAL -> null;
          };
          outliers.add(new Outlier(names.get(i), x[i], isHigh, better));
        }
      }
      outliers.sort(java.util.Comparator.comparingDouble(Outlier::value));
      spreads.add(new Spread(k, x.length, mean, sd, mean == 0 ? null : sd / Math.abs(mean) * 100, qs[0], qs[1], qs[2],
          iqr, low, high, List.copyOf(outliers)));
    }
    return new Consistency(q, minContacts, agentRows.size(), List.copyOf(spreads));
  }

  /** For faces: the spread of one KPI. */
  public Map<Kpi, Spread> byKpi() {
    java.util.LinkedHashMap<Kpi, Spread> m = new java.util.LinkedHashMap<>();
    kpis.forEach(s -> m.put(s.kpi(), s));
    return m;
  }
}
