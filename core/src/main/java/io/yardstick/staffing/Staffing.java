package io.yardstick.staffing;

/**
 * The agents one interval needs: the fewest whose predicted service level meets the target and
 * whose occupancy stays under the cap, and the agents to schedule once shrinkage is counted.
 *
 * <pre>{@code
 * Staffing s = Staffing.required(Workload.of(100, 1800, 180),
 *     StaffingTarget.serviceLevel(0.80, 20).maxOccupancy(0.85).shrinkage(0.30).build());
 * s.agents();          // 14 (Erlang C: 13 agents answer 79.6% within 20 s, 14 answer 88.8%)
 * s.scheduledAgents(); // 20 = ceil(14 / (1 - 0.30))
 * }</pre>
 *
 * @param metrics the model's prediction with {@link #agents} agents
 * @param scheduledAgents agents to schedule: ceil(agents / (1 - shrinkage))
 * @param boundBy what set the number: {@code service_level}, {@code occupancy}, or {@code none} for
 *     no contacts
 */
public record Staffing(QueueMetrics metrics, int scheduledAgents, String boundBy) {
  public int agents() {
    return metrics.agents();
  }

  /** The fewest agents that meet {@code target} for workload {@code w}. */
  public static Staffing required(Workload w, StaffingTarget target) {
    double a = w.trafficErlangs();
    int k = target.concurrency();
    if (a == 0) return new Staffing(evaluate(w, 0, target), 0, "none");
    // Lower bounds: Erlang C needs more slots than Erlangs, and occupancy <= cap needs slots >= a /
    // cap in both
    // models' reach; the service level cannot exceed the carried share, so slots >= target x a
    // (Erlang A).
    int start = Math.max(1, (int) Math.floor(target.serviceLevel() * a / k));
    if (!target.erlangA()) {
      start = Math.max(start, (int) Math.floor(a / k) + 1);
    }
    int slMet = -1;
    int occMet = -1;
    for (int n = start; n <= target.maxAgents(); n++) {
      if (slMet < 0 && serviceLevel(w, n, target) >= target.serviceLevel()) slMet = n;
      if (occMet < 0 && occupancy(w, n, target) <= target.maxOccupancy() + 1e-12) occMet = n;
      if (slMet >= 0 && occMet >= 0) {
        int agents = Math.max(slMet, occMet);
        return new Staffing(
            evaluate(w, agents, target),
            scheduled(agents, target.shrinkage()),
            occMet > slMet ? "occupancy" : "service_level");
      }
    }
    throw new StaffingException(
        String.format(
            java.util.Locale.ROOT,
            "no staffing up to %d agents meets the target for %.1f Erlangs; raise the agent limit or check the volume"
                + " and handle time",
            target.maxAgents(),
            a));
  }

  /**
   * The prediction for a given number of agents under the target's model (Erlang A with patience,
   * else C).
   */
  public static QueueMetrics evaluate(Workload w, int agents, StaffingTarget target) {
    return target.erlangA()
        ? ErlangA.metrics(
            w, agents, target.concurrency(), target.answerSeconds(), target.patienceSeconds())
        : ErlangC.metrics(w, agents, target.concurrency(), target.answerSeconds());
  }

  /**
   * Agents to schedule so that {@code agents} are answering after shrinkage: ceil(agents / (1 -
   * shrinkage)).
   */
  public static int scheduled(int agents, double shrinkage) {
    // 14 / (1 - 0.3) is 20.000000000000004 in doubles: the tolerance keeps it 20
    return (int) Math.ceil(agents / (1 - shrinkage) - 1e-9);
  }

  private static double serviceLevel(Workload w, int agents, StaffingTarget t) {
    int n = agents * t.concurrency();
    return t.erlangA()
        ? ErlangA.serviceLevel(w, n, t.answerSeconds(), t.patienceSeconds())
        : ErlangC.metrics(w, agents, t.concurrency(), t.answerSeconds()).serviceLevel();
  }

  private static double occupancy(Workload w, int agents, StaffingTarget t) {
    int n = agents * t.concurrency();
    return t.erlangA()
        ? ErlangA.occupancy(w, n, t.patienceSeconds())
        : Math.min(1, w.trafficErlangs() / n);
  }
}
