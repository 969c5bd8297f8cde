package io.yardstick.staffing;

/**
 * What the staffing must achieve and how agents are counted. Shares are fractions 0..1 (the CLI
 * takes percentages).
 *
 * <pre>{@code
 * StaffingTarget t = StaffingTarget.serviceLevel(0.80, 20)   // 80% answered within 20 s
 *     .maxOccupancy(0.85)                                   // agents busy at most 85% of the time
 *     .shrinkage(0.30)                                      // 30% of paid time off the phones
 *     .patienceSeconds(120.0)                               // Erlang A; null (the default) for Erlang C
 *     .build();
 * }</pre>
 *
 * @param serviceLevel the share of contacts to answer within {@code answerSeconds}, above 0 and
 *     below 1
 * @param answerSeconds the answer time of the service-level target, 0 or more
 * @param maxOccupancy the highest acceptable occupancy, above 0 and at most 1 (1: no cap)
 * @param shrinkage the share of paid time agents are not available to answer (breaks, training,
 *     absence), 0 or more and below 1; scheduled agents = ceil(agents / (1 - shrinkage))
 * @param patienceSeconds mean customer patience: staffs with Erlang A when given, Erlang C when
 *     null
 * @param concurrency contacts one agent handles at once (chats), 1 or more
 * @param maxAgents the search gives up above this many agents
 */
public record StaffingTarget(
    double serviceLevel,
    double answerSeconds,
    double maxOccupancy,
    double shrinkage,
    Double patienceSeconds,
    int concurrency,
    int maxAgents) {
  /**
   * The longest answer time a target may name: a week, beyond any service level a contact centre
   * sets (e-mail targets are hours to a day or two); larger values are typos.
   */
  public static final double MAX_ANSWER_SECONDS = 7 * 86_400;

  public StaffingTarget {
    if (!(serviceLevel > 0 && serviceLevel < 1)) {
      throw new StaffingException(
          "the service-level target must be above 0% and below 100% (no queue of random"
              + " arrivals answers every contact in time), not "
              + serviceLevel * 100
              + "%");
    }
    if (!(answerSeconds >= 0 && answerSeconds <= MAX_ANSWER_SECONDS)) {
      throw new StaffingException(
          "the answer time must be from 0 seconds to 7 days (604800 s), not " + answerSeconds);
    }
    if (!(maxOccupancy > 0 && maxOccupancy <= 1)) {
      throw new StaffingException(
          "the maximum occupancy must be above 0% and at most 100%, not "
              + maxOccupancy * 100
              + "%");
    }
    if (!(shrinkage >= 0 && shrinkage < 1)) {
      throw new StaffingException(
          "shrinkage must be 0% or more and below 100%, not " + shrinkage * 100 + "%");
    }
    if (patienceSeconds != null && !(patienceSeconds > 0 && !patienceSeconds.isInfinite())) {
      throw new StaffingException(
          "the mean patience must be more than 0 seconds, not " + patienceSeconds);
    }
    if (concurrency < 1)
      throw new StaffingException("concurrency must be 1 or more, not " + concurrency);
    if (maxAgents < 1)
      throw new StaffingException("the agent limit must be 1 or more, not " + maxAgents);
  }

  /** Starts a target of {@code share} (0..1) of contacts answered within {@code answerSeconds}. */
  public static Builder serviceLevel(double share, double answerSeconds) {
    return new Builder(share, answerSeconds);
  }

  /** Whether the target models abandonment (Erlang A). */
  public boolean erlangA() {
    return patienceSeconds != null;
  }

  /**
   * Builds a {@link StaffingTarget}; defaults: no occupancy cap, no shrinkage, Erlang C, one
   * contact at a time.
   */
  public static final class Builder {
    private final double serviceLevel;
    private final double answerSeconds;
    private double maxOccupancy = 1;
    private double shrinkage;
    private Double patienceSeconds;
    private int concurrency = 1;
    private int maxAgents = 1_000_000;

    private Builder(double serviceLevel, double answerSeconds) {
      this.serviceLevel = serviceLevel;
      this.answerSeconds = answerSeconds;
    }

    public Builder maxOccupancy(double share) {
      this.maxOccupancy = share;
      return this;
    }

    public Builder shrinkage(double share) {
      this.shrinkage = share;
      return this;
    }

    public Builder patienceSeconds(Double seconds) {
      this.patienceSeconds = seconds;
      return this;
    }

    public Builder concurrency(int contacts) {
      this.concurrency = contacts;
      return this;
    }

    public Builder maxAgents(int agents) {
      this.maxAgents = agents;
      return this;
    }

    public StaffingTarget build() {
      return new StaffingTarget(
          serviceLevel,
          answerSeconds,
          maxOccupancy,
          shrinkage,
          patienceSeconds,
          concurrency,
          maxAgents);
    }
  }
}
