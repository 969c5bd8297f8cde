package io.yardstick.kpi;

import io.yardstick.YardstickException;
import java.util.List;
import java.util.Optional;

/**
 * Privacy of small groups: an aggregate shown to an agent (their team's numbers beside theirs) is
 * withheld unless at least {@code minOtherAgents} other agents have contacts in its slice, so that
 * no filter can narrow a "team" to one colleague and show that colleague's numbers. Settings file:
 * {@code privacy: {min_other_agents: 3}}.
 *
 * <pre>{@code
 * Optional<String> why = settings.privacy().withheld(engine, teamQuery, "agent-001");
 * // Optional[fewer than 3 other agents in this slice]
 * }</pre>
 */
public record Privacy(int minOtherAgents) {
  public Privacy {
    if (minOtherAgents < 0) {
      throw new YardstickException(
          "privacy.min_other_agents must be 0 or more; got " + minOtherAgents + ".");
    }
  }

  /** At least 3 other agents. */
  public static Privacy defaults() {
    return new Privacy(3);
  }

  /**
   * Why an aggregate over the slice (period, zone, filters; and the previous period when it
   * compares) may not be shown to {@code agent}, or empty when it may: fewer than {@link
   * #minOtherAgents()} other agents have contacts there.
   */
  public Optional<String> withheld(KpiEngine engine, KpiQuery slice, String agent) {
    KpiQuery byAgent =
        slice
            .withKpis(List.of(Kpi.CONTACTS))
            .withGroupBy(List.of(Dimension.of("agent")))
            .withComparePrevious(false);
    boolean enough =
        others(engine.compute(byAgent), agent) >= minOtherAgents
            && (!slice.comparePrevious()
                || others(engine.compute(byAgent.previous()), agent) >= minOtherAgents);
    return enough
        ? Optional.empty()
        : Optional.of("fewer than " + minOtherAgents + " other agents in this slice");
  }

  private static long others(KpiResult r, String agent) {
    return r.rows().stream()
        .skip(1)
        .filter(row -> row.group().get("agent") != null && !row.group().get("agent").equals(agent))
        .filter(row -> row.value(Kpi.CONTACTS) instanceof Number n && n.longValue() > 0)
        .count();
  }
}
