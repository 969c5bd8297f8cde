package io.yardstick.staffing;

/**
 * Agents for deferrable work (e-mail, tickets, messages answered later): no queue formula, a fluid
 * workload. The contacts that arrive must be handled as they keep coming, and the backlog already
 * waiting must be cleared within the response-time target; agents work at most {@code maxOccupancy}
 * of their time (Koole, Call Center Optimization, ch. on multi-channel and deferrable work):
 *
 * <pre>
 *   agents = ceil((arrivals x AHT / interval + backlog x AHT / response target) / max occupancy)
 * </pre>
 *
 * <pre>{@code
 * EmailWorkload.agents(60, 3600, 300, 120, 4 * 3600, 0.85);
 * // (60 x 300 / 3600 + 120 x 300 / 14400) / 0.85 = (5 + 2.5) / 0.85 = 8.82 -> 9 agents
 * }</pre>
 */
public final class EmailWorkload {
  private EmailWorkload() {}

  /**
   * @param arrivals contacts arriving per interval
   * @param intervalSeconds the interval's length
   * @param ahtSeconds handle time of one contact
   * @param backlog contacts already waiting
   * @param responseSeconds the response-time target within which the backlog must be answered
   * @param maxOccupancy the share of time agents handle contacts (0..1)
   * @return the agents needed, before shrinkage
   */
  public static int agents(
      double arrivals,
      double intervalSeconds,
      double ahtSeconds,
      double backlog,
      double responseSeconds,
      double maxOccupancy) {
    Workload w = Workload.of(arrivals, intervalSeconds, ahtSeconds);
    if (!(backlog >= 0))
      throw new StaffingException("the backlog must be 0 or more contacts, not " + backlog);
    if (!(responseSeconds > 0)) {
      throw new StaffingException(
          "the response-time target must be more than 0 seconds, not " + responseSeconds);
    }
    if (!(maxOccupancy > 0 && maxOccupancy <= 1)) {
      throw new StaffingException(
          "the maximum occupancy must be above 0% and at most 100%, not "
              + maxOccupancy * 100
              + "%");
    }
    double busy = w.trafficErlangs() + backlog * ahtSeconds / responseSeconds;
    return (int) Math.ceil(busy / maxOccupancy - 1e-9);
  }
}
