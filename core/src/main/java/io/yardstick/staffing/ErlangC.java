package io.yardstick.staffing;

import io.yardstick.staffing.internal.ErlangMath;

/**
 * Erlang's delay formula (Erlang 1917; Cooper 1981, ch. 3): Poisson arrivals, exponential handle
 * times, {@code n} servers, and customers who wait as long as it takes. With load {@code a}
 * Erlangs, AHT {@code h} and answer time {@code t}:
 *
 * <pre>
 *   P(wait) = C(n, a) = n B(n, a) / (n - a (1 - B(n, a)))      B = Erlang B, by its stable recursion
 *   service level = 1 - C e^(-(n - a) t / h)
 *   ASA = C h / (n - a)
 *   occupancy = a / n
 * </pre>
 *
 * <pre>{@code
 * QueueMetrics m = ErlangC.metrics(Workload.of(100, 1800, 180), 14, 1, 20);
 * m.serviceLevel(); // 0.88835
 * }</pre>
 */
public final class ErlangC {
  private ErlangC() {}

  /** The probability of waiting, C(n, a); 1 when {@code servers <= trafficErlangs}. */
  public static double probabilityWait(double trafficErlangs, int servers) {
    return ErlangMath.erlangC(trafficErlangs, servers);
  }

  /**
   * The metrics of {@code agents} agents each handling {@code concurrency} contacts at once (1 for
   * calls; the servers are agents x concurrency) answering within {@code answerSeconds}.
   */
  public static QueueMetrics metrics(
      Workload w, int agents, int concurrency, double answerSeconds) {
    int n = Math.multiplyExact(agents, concurrency);
    double a = w.trafficErlangs();
    if (a == 0) return new QueueMetrics("erlang_c", agents, n, 0, 1, 0, 0, 0, null);
    if (n <= a) {
      return new QueueMetrics("erlang_c", agents, n, a, 0, Double.POSITIVE_INFINITY, 1, 1, null);
    }
    double c = ErlangMath.erlangC(a, n);
    double h = w.ahtSeconds();
    double sl = 1 - c * Math.exp(-(n - a) * answerSeconds / h);
    double asa = c * h / (n - a);
    return new QueueMetrics("erlang_c", agents, n, a, sl, asa, c, a / n, null);
  }
}
