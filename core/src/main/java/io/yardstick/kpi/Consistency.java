package io.yardstick.kpi;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.commons.statistics.descriptive.Mean;
import org.apache.commons.statistics.descriptive.Quantile;
import org.apache.commons.statistics.descriptive.StandardDeviation;

/**
 * How evenly the agents serve: for each agent KPI, the spread of the agents' values (standard
 * deviation, coefficient of variation, quartiles and interquartile range) and the agents outside
 * Tukey's fences (1.5 IQR beyond the quartiles), so a manager sees whether customers get the same
 * service from everyone.
 *
 * <p>Every agent's value is taken from one engine query grouped by agent (and channel), the same
 * computation as {@code kpi --by agent} (or {@code --by agent,channel}), so the report can never
 * show another number than the KPI table. Like is compared with like: by default each KPI of
 * contacts, cases and surveys is compared within each channel (an e-mail agent's handle time is not
 * set against a phone agent's); agent-time KPIs (occupancy, idle time, contacts per hour, absence)
 * and employee satisfaction have no channel and are compared across all agents. Abandonment is left
 * out: an abandoned contact was never answered, so it carries no agent and every agent's rate would
 * be a meaningless 0.
 *
 * <pre>{@code
 * Consistency c = Consistency.of(engine, query, 20, Consistency.Split.CHANNEL);
 * c.kpis().forEach(s -> System.out.println(s.kpi().id() + " " + s.channel() + " cv " + s.coefficientOfVariation()));
 * }</pre>
 *
 * <p>Statistics: sample standard deviation (n - 1); quartiles by linear interpolation (Hyndman and
 * Fan's method 7, as {@code percentile_cont} and R's default), from Apache Commons Statistics, on a
 * copy of the values (its quantile reorders the array it is given).
 */
public record Consistency(
    KpiQuery query,
    int minContacts,
    Split split,
    int agents,
    List<Spread> kpis,
    List<Kpi> unmeasured) {
  /** How agents are compared: within each channel (the default) or across all channels at once. */
  public enum Split {
    CHANNEL,
    NONE;

    /** {@code channel} or {@code none}, as the CLI and the API spell it. */
    public static Split parse(String text) {
      for (Split s : values()) {
        if (s.name().equalsIgnoreCase(text.strip())) return s;
      }
      throw new io.yardstick.YardstickException(
          "Unknown split '" + text + "'; expected channel or none.");
    }
  }

  /** KPIs an agent cannot have: their contacts never carry an agent. */
  private static final Set<Kpi> NOT_PER_AGENT = Set.of(Kpi.ABANDONMENT_RATE);

  /** KPIs about the agent rather than a contact: employee surveys have no channel. */
  private static final Set<Kpi> NOT_BY_CHANNEL = Set.of(Kpi.ESAT);

  /**
   * Per-hour KPIs compared only among the agents who handle that kind of contact (issue 12, part
   * 8): contacts per hour among agents with live contacts (an aht), written contacts per hour among
   * agents with written ones, so a desk agent's 0 live contacts an hour is not set against a phone
   * agent's.
   */
  private static final Map<Kpi, Kpi> HANDLES =
      Map.of(
          Kpi.CONTACTS_PER_HOUR, Kpi.AHT,
          Kpi.WRITTEN_CONTACTS_PER_HOUR, Kpi.WRITTEN_HANDLE_TIME_AVG);

  private static final Dimension AGENT = Dimension.of("agent");
  private static final Dimension CHANNEL = Dimension.of("channel");

  /**
   * The KPIs that can be compared across agents: every base groups by agent, and an agent can have
   * the value.
   */
  public static List<Kpi> agentKpis() {
    return Arrays.stream(Kpi.values())
        .filter(
            k -> !NOT_PER_AGENT.contains(k) && k.bases().stream().allMatch(b -> b.groups(AGENT)))
        .toList();
  }

  /**
   * Whether a KPI is compared within each channel under {@link Split#CHANNEL}: every base has a
   * channel, and it is about contacts (not ESAT, whose employee surveys have no channel).
   */
  public static boolean splitsByChannel(Kpi kpi) {
    return !NOT_BY_CHANNEL.contains(kpi) && kpi.bases().stream().allMatch(b -> b.groups(CHANNEL));
  }

  /**
   * The spread of one KPI across agents, within one channel ({@code channel} null: all channels).
   * Null statistics when fewer than two agents have a value. {@code values} holds every compared
   * agent's value, in agent order.
   */
  public record Spread(
      Kpi kpi,
      String channel,
      int agents,
      Double mean,
      Double standardDeviation,
      Double coefficientOfVariation,
      Double q1,
      Double median,
      Double q3,
      Double iqr,
      Double lowFence,
      Double highFence,
      List<Outlier> outliers,
      List<AgentValue> values) {}

  /**
   * One agent's value of a KPI, exactly as {@code kpi --by agent} (or {@code --by agent,channel})
   * gives it.
   */
  public record AgentValue(String agent, double value) {}

  /**
   * An agent outside the fences; {@code better} says whether the value is on the good side of the
   * KPI.
   */
  public record Outlier(String agent, double value, boolean high, Boolean better) {}

  /** As {@link #of(KpiEngine, KpiQuery, int, Split)} within each channel. */
  public static Consistency of(KpiEngine engine, KpiQuery query, int minContacts) {
    return of(engine, query, minContacts, Split.CHANNEL);
  }

  /**
   * @param query the period, zone, filters and KPIs (null or empty: every agent KPI); its group-by
   *     is replaced by agent (and channel)
   * @param minContacts agents with fewer contacts in the period (in the channel, when split) are
   *     left out: their rates are noise
   */
  public static Consistency of(KpiEngine engine, KpiQuery query, int minContacts, Split split) {
    List<Kpi> agentKpis = agentKpis();
    List<Kpi> kpis = new ArrayList<>();
    for (Kpi k : query.kpis().isEmpty() ? agentKpis : query.kpis()) {
      if (agentKpis.contains(k) && !kpis.contains(k)) kpis.add(k);
    }
    List<Kpi> byChannel =
        split == Split.CHANNEL
            ? kpis.stream().filter(Consistency::splitsByChannel).toList()
            : List.of();
    List<Kpi> whole = kpis.stream().filter(k -> !byChannel.contains(k)).toList();

    KpiQuery base = query.withComparePrevious(false);
    Set<String> agents = new LinkedHashSet<>();
    List<Spread> spreads = new ArrayList<>();
    List<Kpi> unmeasured = new ArrayList<>();
    // Per KPI and channel (null: all channels), the agents' rows with enough contacts.
    Map<Kpi, Map<String, List<KpiResult.Row>>> compared = new LinkedHashMap<>();
    if (!whole.isEmpty()) {
      KpiResult r = engine.compute(base.withKpis(withContacts(whole)).withGroupBy(List.of(AGENT)));
      List<KpiResult.Row> rows = agentRows(r, minContacts, false);
      for (Kpi k : whole) {
        Map<String, List<KpiResult.Row>> m =
            new TreeMap<>(Comparator.nullsFirst(Comparator.naturalOrder()));
        m.put(null, rows);
        compared.put(k, m);
      }
    }
    if (!byChannel.isEmpty()) {
      KpiResult r =
          engine.compute(
              base.withKpis(withContacts(byChannel)).withGroupBy(List.of(AGENT, CHANNEL)));
      Map<String, List<KpiResult.Row>> rowsByChannel = new TreeMap<>();
      for (KpiResult.Row row : agentRows(r, minContacts, true)) {
        rowsByChannel.computeIfAbsent(row.group().get("channel"), c -> new ArrayList<>()).add(row);
      }
      for (Kpi k : byChannel) {
        compared.put(k, rowsByChannel);
      }
    }
    Quantile quantile = Quantile.withDefaults().with(Quantile.EstimationMethod.HF7);
    for (Kpi k : kpis) {
      boolean any = false;
      for (Map.Entry<String, List<KpiResult.Row>> e : compared.get(k).entrySet()) {
        List<AgentValue> values = new ArrayList<>();
        for (KpiResult.Row row : e.getValue()) {
          Number v = row.value(k);
          if (HANDLES.containsKey(k) && row.value(HANDLES.get(k)) == null) continue;
          if (v != null) values.add(new AgentValue(row.group().get("agent"), v.doubleValue()));
        }
        if (values.isEmpty()) continue;
        any = true;
        values.forEach(v -> agents.add(v.agent()));
        spreads.add(spread(k, e.getKey(), values, quantile));
      }
      if (!any) unmeasured.add(k);
    }
    return new Consistency(
        base.withKpis(kpis).withGroupBy(List.of(AGENT)),
        minContacts,
        split,
        agents.size(),
        List.copyOf(spreads),
        List.copyOf(unmeasured));
  }

  private static List<Kpi> withContacts(List<Kpi> kpis) {
    List<Kpi> asked = new ArrayList<>(kpis);
    if (!asked.contains(Kpi.CONTACTS)) asked.add(Kpi.CONTACTS);
    for (Kpi k : kpis) {
      Kpi handles = HANDLES.get(k);
      if (handles != null && !asked.contains(handles)) asked.add(handles);
    }
    return asked;
  }

  /** The rows of one agent (and one channel) with at least minContacts contacts. */
  private static List<KpiResult.Row> agentRows(
      KpiResult result, int minContacts, boolean needChannel) {
    List<KpiResult.Row> rows = new ArrayList<>();
    for (KpiResult.Row row : result.rows()) {
      if (row.group().isEmpty() || row.group().get("agent") == null) continue;
      if (needChannel && row.group().get("channel") == null) continue;
      Number n = row.value(Kpi.CONTACTS);
      if (n == null || n.longValue() < minContacts) continue;
      rows.add(row);
    }
    return rows;
  }

  private static Spread spread(Kpi k, String channel, List<AgentValue> values, Quantile quantile) {
    double[] x = values.stream().mapToDouble(AgentValue::value).toArray();
    List<AgentValue> kept = List.copyOf(values);
    if (x.length < 2) {
      return new Spread(
          k, channel, x.length, x[0], null, null, null, null, null, null, null, null, List.of(),
          kept);
    }
    double mean = Mean.of(x).getAsDouble();
    double sd = StandardDeviation.of(x).getAsDouble();
    double[] qs = quantile.evaluate(x.clone(), 0.25, 0.5, 0.75);
    double iqr = qs[2] - qs[0];
    double low = qs[0] - 1.5 * iqr;
    double high = qs[2] + 1.5 * iqr;
    List<Outlier> outliers = new ArrayList<>();
    for (AgentValue v : values) {
      if (v.value() < low || v.value() > high) {
        boolean isHigh = v.value() > high;
        Boolean better =
            switch (k.direction()) {
              case HIGHER_IS_BETTER -> isHigh;
              case LOWER_IS_BETTER -> !isHigh;
              case NEUTRAL -> null;
            };
        outliers.add(new Outlier(v.agent(), v.value(), isHigh, better));
      }
    }
    outliers.sort(Comparator.comparingDouble(Outlier::value));
    return new Spread(
        k,
        channel,
        x.length,
        mean,
        sd,
        mean == 0 ? null : sd / Math.abs(mean) * 100,
        qs[0],
        qs[1],
        qs[2],
        iqr,
        low,
        high,
        List.copyOf(outliers),
        kept);
  }
}
