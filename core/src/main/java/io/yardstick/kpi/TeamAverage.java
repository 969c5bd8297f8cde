package io.yardstick.kpi;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A team's counts per agent, to stand beside one agent's count (issue 12, part 8): a team's 11,847
 * contacts beside an agent's 900 compares nothing; the team's contacts divided by its agents with
 * contacts in the slice does. Rates, means and times are already comparable and are not here.
 *
 * <pre>{@code
 * TeamAverage.Counts c = TeamAverage.of(engine, teamQuery);  // agents 13, perAgent {contacts=911.3}
 * }</pre>
 */
public final class TeamAverage {
  private TeamAverage() {}

  /**
   * The agents with at least one contact in the slice, and each count KPI of the query divided by
   * them.
   */
  public record Counts(int agents, Map<String, Double> perAgent) {}

  /** The team of an agent's latest contact that names one, or empty. */
  public static java.util.Optional<String> teamOf(io.yardstick.store.Store store, String agentId) {
    List<Object[]> rows =
        store.query(
            "SELECT team FROM contacts WHERE agent_id = ? AND team IS NOT NULL"
                + " ORDER BY arrived_at DESC LIMIT 1",
            agentId);
    return rows.isEmpty()
        ? java.util.Optional.empty()
        : java.util.Optional.of((String) rows.get(0)[0]);
  }

  public static Counts of(KpiEngine engine, KpiQuery team) {
    List<Kpi> counts = team.kpis().stream().filter(k -> k.unit() == Kpi.Unit.COUNT).toList();
    KpiQuery byAgent =
        team.withKpis(List.of(Kpi.CONTACTS))
            .withGroupBy(List.of(Dimension.of("agent")))
            .withComparePrevious(false);
    int agents =
        (int)
            engine.compute(byAgent).rows().stream()
                .skip(1)
                .filter(r -> r.group().get("agent") != null)
                .filter(r -> r.value(Kpi.CONTACTS) instanceof Number n && n.longValue() > 0)
                .count();
    Map<String, Double> perAgent = new LinkedHashMap<>();
    if (!counts.isEmpty()) {
      KpiResult.Row total =
          engine.compute(team.withKpis(counts).withComparePrevious(false)).overall();
      for (Kpi k : counts) {
        perAgent.put(
            k.id(),
            agents == 0 || !(total.value(k) instanceof Number n) ? null : n.doubleValue() / agents);
      }
    }
    return new Counts(agents, perAgent);
  }
}
