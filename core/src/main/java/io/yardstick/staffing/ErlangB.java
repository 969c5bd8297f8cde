package io.yardstick.staffing;

import io.yardstick.staffing.internal.ErlangMath;

/**
 * Erlang's loss formula (Erlang 1917): the probability that a call offered {@code a} Erlangs finds
 * all {@code n} lines busy and is lost. Computed by the recursion {@code B(k) = a B(k-1) / (k + a
 * B(k-1))}, finite at any traffic.
 *
 * <pre>{@code
 * ErlangB.lines(22.5, 0.01); // 33 lines keep blocking at or below 1% for 22.5 Erlangs
 * }</pre>
 */
public final class ErlangB {
  private ErlangB() {}

  /** The blocking probability with {@code lines} lines offered {@code trafficErlangs}. */
  public static double blocking(double trafficErlangs, int lines) {
    check(trafficErlangs);
    if (lines < 0) throw new StaffingException("lines must be 0 or more, not " + lines);
    return ErlangMath.erlangB(trafficErlangs, lines);
  }

  /** The fewest lines whose blocking is at most {@code maxBlocking} (a fraction, above 0). */
  public static int lines(double trafficErlangs, double maxBlocking) {
    check(trafficErlangs);
    if (!(maxBlocking > 0 && maxBlocking <= 1)) {
      throw new StaffingException(
          "blocking must be a fraction above 0 and at most 1, not " + maxBlocking);
    }
    double b = 1;
    int n = 0;
    while (b > maxBlocking) {
      n++;
      b = trafficErlangs * b / (n + trafficErlangs * b);
    }
    return n;
  }

  private static void check(double a) {
    if (!(a >= 0) || Double.isInfinite(a))
      throw new StaffingException("traffic must be 0 Erlangs or more, not " + a);
  }
}
