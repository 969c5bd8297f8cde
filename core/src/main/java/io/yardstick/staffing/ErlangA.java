package io.yardstick.staffing;

import io.yardstick.staffing.internal.ErlangMath;

/**
 * Palm's queue with impatient customers, M/M/n+M or "Erlang A" (Palm 1943; Garnett, Mandelbaum and
 * Reiman 2002; Mandelbaum and Zeltyn 2007): Erlang C's assumptions plus an exponential patience of
 * mean {@code patienceSeconds}; a customer whose wait would exceed their patience hangs up.
 * Abandons shorten the queue for the others, so Erlang C, which keeps everyone, asks for more
 * agents than a queue with real customers needs.
 *
 * <p>With x = n·patience/AHT, y = λ·patience, B = Erlang B and A(x, y) = 1 + Σ_{j>=1} y^j /
 * ((x+1)...(x+j)):
 *
 * <pre>
 *   P(wait)              = A B / (1 + (A - 1) B)
 *   P(wait and answered) = P(wait) / A · (x / y) (A - 1)
 *   P(abandon)           = P(wait) - P(wait and answered)
 *   service level        = 1 - P(wait) + P(wait and answered) (1 - γ(x+1, y e^(-t/patience)) / γ(x+1, y))
 *   ASA (answered only)  = P(wait and answered) · patience · ∫_0^∞ γ(x+1, y e^-s) / γ(x+1, y) ds / P(answered)
 *   occupancy            = a (1 - P(abandon)) / n
 * </pre>
 *
 * derived in docs/staffing.md. Stable for any load: the service rate no longer needs to exceed the
 * arrival rate.
 */
public final class ErlangA {
  private ErlangA() {}

  /** As {@link ErlangC#metrics}, with customers whose mean patience is {@code patienceSeconds}. */
  public static QueueMetrics metrics(
      Workload w, int agents, int concurrency, double answerSeconds, double patienceSeconds) {
    if (!(patienceSeconds > 0)) {
      throw new StaffingException(
          "the mean patience must be more than 0 seconds, not " + patienceSeconds);
    }
    int n = Math.multiplyExact(agents, concurrency);
    double a = w.trafficErlangs();
    if (a == 0) return new QueueMetrics("erlang_a", agents, n, 0, 1, 0, 0, 0, 0.0);
    if (n == 0)
      return new QueueMetrics("erlang_a", agents, 0, a, 0, Double.POSITIVE_INFINITY, 1, 0, 1.0);
    double thetaOverMu = w.ahtSeconds() / patienceSeconds;
    ErlangMath.ErlangAState s = ErlangMath.erlangA(a, n, thetaOverMu);
    double pw = s.probabilityWait();
    double pwa = s.probabilityWaitAndAnswered();
    double answered = 1 - pw + pwa;
    double abandon = pw - pwa;
    double sl = 1 - pw;
    double asa = 0;
    if (pwa > 0) {
      sl +=
          pwa
              * (1
                  - ErlangMath.answeredWaitSurvival(s.x(), s.y(), answerSeconds / patienceSeconds));
      asa =
          pwa * patienceSeconds * ErlangMath.answeredWaitSurvivalIntegral(s.x(), s.y()) / answered;
    }
    return new QueueMetrics(
        "erlang_a", agents, n, a, sl, asa, pw, Math.min(1, a * answered / n), abandon);
  }

  /** The service level alone (no ASA integral): what the staffing search evaluates at each step. */
  static double serviceLevel(
      Workload w, int servers, double answerSeconds, double patienceSeconds) {
    double a = w.trafficErlangs();
    if (a == 0) return 1;
    if (servers == 0) return 0;
    ErlangMath.ErlangAState s = ErlangMath.erlangA(a, servers, w.ahtSeconds() / patienceSeconds);
    double sl = 1 - s.probabilityWait();
    if (s.probabilityWaitAndAnswered() > 0) {
      sl +=
          s.probabilityWaitAndAnswered()
              * (1
                  - ErlangMath.answeredWaitSurvival(s.x(), s.y(), answerSeconds / patienceSeconds));
    }
    return sl;
  }

  /** Occupancy alone, for the staffing search. */
  static double occupancy(Workload w, int servers, double patienceSeconds) {
    double a = w.trafficErlangs();
    if (a == 0) return 0;
    if (servers == 0) return 1;
    ErlangMath.ErlangAState s = ErlangMath.erlangA(a, servers, w.ahtSeconds() / patienceSeconds);
    return Math.min(1, a * (1 - s.probabilityWait() + s.probabilityWaitAndAnswered()) / servers);
  }
}
