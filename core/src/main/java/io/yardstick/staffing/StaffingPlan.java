package io.yardstick.staffing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Required agents interval by interval for a series of volumes (from history today, from {@code
 * forecast} when it comes: anything that yields {@link IntervalVolume}s), with the agents to
 * schedule after shrinkage and, where the agents actually logged in are known, the gap.
 *
 * <pre>{@code
 * StaffingPlan plan = StaffingPlan.of(volumes, 240, StaffingTarget.serviceLevel(0.8, 20).shrinkage(0.3).build());
 * plan = plan.against(StaffingHistory.loggedIn(store, "phone", period));
 * for (StaffingPlan.Row r : plan.rows()) { ... r.agents(), r.scheduledAgents(), r.gap() ... }
 * }</pre>
 *
 * @param rows one row per interval, in time order
 * @param ahtSeconds the handle time the plan used
 * @param target the target the plan meets
 */
public record StaffingPlan(List<Row> rows, double ahtSeconds, StaffingTarget target) {
  /**
   * One interval of the plan.
   *
   * @param volume the interval and its contacts
   * @param staffing the agents required and what the model predicts with them
   * @param loggedIn agents logged in (available, busy or wrap) on average over the interval; null
   *     when unknown
   */
  public record Row(IntervalVolume volume, Staffing staffing, Double loggedIn) {
    public int agents() {
      return staffing.agents();
    }

    public int scheduledAgents() {
      return staffing.scheduledAgents();
    }

    /**
     * Logged-in agents minus required agents (negative: short of staff); null when logged-in agents
     * are unknown. Logged-in agents are those answering, so they meet the required agents, not the
     * scheduled ones (shrinkage is the time scheduled agents are not logged in).
     */
    public Double gap() {
      return loggedIn == null ? null : loggedIn - agents();
    }
  }

  public StaffingPlan {
    rows = List.copyOf(rows);
  }

  /** The plan for {@code volumes} (sorted by start here) with handle time {@code ahtSeconds}. */
  public static StaffingPlan of(
      List<IntervalVolume> volumes, double ahtSeconds, StaffingTarget target) {
    List<Row> rows = new ArrayList<>();
    volumes.stream()
        .sorted(Comparator.comparing(IntervalVolume::start))
        .forEach(
            v ->
                rows.add(
                    new Row(
                        v,
                        Staffing.required(
                            Workload.of(v.contacts(), v.length().toMillis() / 1000.0, ahtSeconds),
                            target),
                        null)));
    return new StaffingPlan(rows, ahtSeconds, target);
  }

  /**
   * The same plan with the agents logged in per interval start (an interval absent from the map had
   * none).
   */
  public StaffingPlan against(Map<Instant, Double> loggedIn) {
    return new StaffingPlan(
        rows.stream()
            .map(
                r ->
                    new Row(
                        r.volume(), r.staffing(), loggedIn.getOrDefault(r.volume().start(), 0.0)))
            .toList(),
        ahtSeconds,
        target);
  }

  /** The most agents any interval needs. */
  public int peakAgents() {
    return rows.stream().mapToInt(Row::agents).max().orElse(0);
  }

  /** Agent-hours required over the plan: the sum of agents x interval length. */
  public double agentHours() {
    return rows.stream()
        .mapToDouble(r -> r.agents() * r.volume().length().toMillis() / 3_600_000.0)
        .sum();
  }

  /** Scheduled agent-hours over the plan, shrinkage included. */
  public double scheduledHours() {
    return rows.stream()
        .mapToDouble(r -> r.scheduledAgents() * r.volume().length().toMillis() / 3_600_000.0)
        .sum();
  }
}
