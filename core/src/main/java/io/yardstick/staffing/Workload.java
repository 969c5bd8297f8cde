package io.yardstick.staffing;

/**
 * Contacts offered in one interval and their mean handle time (talk + hold + wrap): the traffic a
 * queue must carry.
 *
 * <pre>{@code
 * Workload w = Workload.of(100, 1800, 180); // 100 calls in 30 minutes, 3 minutes each
 * w.trafficErlangs();                       // 100 x 180 / 1800 = 10
 * }</pre>
 *
 * @param contacts contacts offered in the interval (a forecast may be fractional)
 * @param intervalSeconds the interval's length
 * @param ahtSeconds mean handle time of one contact; for chats, the time one chat holds one of the
 *     agent's slots
 */
public record Workload(double contacts, double intervalSeconds, double ahtSeconds) {
  public Workload {
    if (!(contacts >= 0) || Double.isInfinite(contacts)) {
      throw new StaffingException("contacts must be a number of 0 or more, not " + contacts);
    }
    if (!(intervalSeconds > 0) || Double.isInfinite(intervalSeconds)) {
      throw new StaffingException(
          "the interval must be longer than 0 seconds, not " + intervalSeconds);
    }
    if (!(ahtSeconds > 0) || Double.isInfinite(ahtSeconds)) {
      throw new StaffingException(
          "the average handle time must be more than 0 seconds, not " + ahtSeconds);
    }
  }

  public static Workload of(double contacts, double intervalSeconds, double ahtSeconds) {
    return new Workload(contacts, intervalSeconds, ahtSeconds);
  }

  /**
   * Offered load in Erlangs: contacts x AHT / interval (the average number of busy agents or
   * slots).
   */
  public double trafficErlangs() {
    return contacts * ahtSeconds / intervalSeconds;
  }

  /** Arrivals per second. */
  public double arrivalRate() {
    return contacts / intervalSeconds;
  }
}
