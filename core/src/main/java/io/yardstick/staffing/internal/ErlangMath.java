package io.yardstick.staffing.internal;

import org.apache.commons.numbers.gamma.LogGamma;
import org.apache.commons.numbers.gamma.RegularizedGamma;

/**
 * The numerics behind Erlang B, C and A, stable from a fraction of an Erlang to many thousands.
 *
 * <p>Erlang B by the recursion {@code B(0) = 1, B(k) = a B(k-1) / (k + a B(k-1))}: every step stays
 * in [0, 1], so nothing overflows however large the traffic (the textbook sum of {@code a^k / k!}
 * overflows a double past about 170 Erlangs). Erlang C comes from B ({@code C = n B / (n - a (1 -
 * B))}); Erlang A needs the lower incomplete gamma function, kept in log space here (see {@link
 * #logLowerGamma}).
 */
public final class ErlangMath {
  private ErlangMath() {}

  /**
   * Erlang B: the probability that all {@code n} servers are busy in a loss system offered {@code
   * a} Erlangs.
   */
  public static double erlangB(double a, int n) {
    if (a < 0 || n < 0)
      throw new IllegalArgumentException("traffic and servers must be non-negative");
    double b = 1;
    for (int k = 1; k <= n; k++) {
      b = a * b / (k + a * b);
    }
    return b;
  }

  /**
   * Erlang C: the probability that an arrival waits in a delay system with {@code n} servers
   * offered {@code a} Erlangs; 1 when {@code n <= a} (the queue grows without end).
   */
  public static double erlangC(double a, int n) {
    if (n <= a) return 1;
    double b = erlangB(a, n);
    return n * b / (n - a * (1 - b));
  }

  /**
   * The natural log of the lower incomplete gamma function {@code γ(s, z) = ∫_0^z t^(s-1) e^-t dt},
   * for s > 0 and z >= 0 (negative infinity at z = 0). Below {@code z < s + 1} it sums the series
   * {@code γ(s, z) = z^s e^-z Σ_j z^j / (s (s+1) ... (s+j))} in log form, which cannot underflow
   * where the regularized function would (s = 1000, z = 100: γ is about e^-1400 times Γ(s)); above,
   * {@code log Γ(s) + log P(s, z)} from Commons Numbers, where P is at least about a half.
   */
  public static double logLowerGamma(double s, double z) {
    if (z <= 0) return Double.NEGATIVE_INFINITY;
    if (z < s + 1) {
      return s * Math.log(z) - z + Math.log(kummerSeries(s, z));
    }
    return LogGamma.value(s) + Math.log(RegularizedGamma.P.value(s, z));
  }

  /**
   * {@code Σ_j z^j / (s (s+1) ... (s+j))}, for z < s + 1 where its terms fall from the first or
   * second on.
   */
  static double kummerSeries(double s, double z) {
    double term = 1 / s;
    double sum = term;
    for (int j = 1; j < 10_000_000; j++) {
      term *= z / (s + j);
      sum += term;
      if (term < sum * 1e-17) return sum;
    }
    throw new ArithmeticException(
        "incomplete gamma series did not converge for s=" + s + ", z=" + z);
  }

  /**
   * The function {@code A(x, y) = x e^y y^-x γ(x, y) = 1 + Σ_{j>=1} y^j / ((x+1) ... (x+j))} of
   * Garnett, Mandelbaum and Reiman (2002), as its natural log.
   */
  public static double logA(double x, double y) {
    if (y <= 0) return 0;
    return Math.log(x) + y - x * Math.log(y) + logLowerGamma(x, y);
  }

  /**
   * The Erlang A quantities that the staffing search and the reports need, for one number of
   * servers.
   */
  public record ErlangAState(
      double probabilityWait, double probabilityWaitAndAnswered, double x, double y) {}

  /**
   * Erlang A (M/M/n+M, Palm 1943) with {@code n} servers, offered load {@code a = λ/μ} Erlangs and
   * {@code θ/μ} = (mean service time / mean patience), following Garnett, Mandelbaum and Reiman
   * (2002) with x = nμ/θ, y = λ/θ: {@code π_n = B / (1 + (A(x,y) - 1) B)} with B = Erlang B(n, a);
   * P(wait) = A π_n; P(wait and answered) = π_n (x/y) (A - 1) = π_n x/(x+1) A(x+1, y), written so
   * that nothing cancels when A is close to 1.
   */
  public static ErlangAState erlangA(double a, int n, double thetaOverMu) {
    double x = n / thetaOverMu;
    double y = a / thetaOverMu;
    double b = erlangB(a, n);
    if (b == 0 || y == 0) return new ErlangAState(0, 0, x, y);
    double logA = logA(x, y);
    // P(wait) = A B / (1 + (A - 1) B) = 1 / (1 + (1 - B) / (A B))
    double pw = 1 / (1 + Math.exp(Math.log1p(-b) - logA - Math.log(b)));
    // π_n = P(wait) / A
    double logPiN = Math.log(pw) - logA;
    double pwa = Math.exp(logPiN + Math.log(x / (x + 1)) + logA(x + 1, y));
    return new ErlangAState(pw, Math.min(pw, pwa), x, y);
  }

  /**
   * Among arrivals who wait and are answered, the share still waiting after {@code t} (in units of
   * the mean patience, θt): {@code γ(x+1, y e^-θt) / γ(x+1, y)}. See docs/staffing.md for the
   * derivation.
   */
  public static double answeredWaitSurvival(double x, double y, double thetaT) {
    if (thetaT <= 0) return 1;
    return Math.exp(logLowerGamma(x + 1, y * Math.exp(-thetaT)) - logLowerGamma(x + 1, y));
  }

  /**
   * ∫_0^∞ of {@link #answeredWaitSurvival} over θt, by Simpson's rule on a range where the tail is
   * below 1e-12.
   */
  public static double answeredWaitSurvivalIntegral(double x, double y) {
    double end = 1e-6;
    while (answeredWaitSurvival(x, y, end) > 1e-12 && end < 1e6) {
      end *= 2;
    }
    int steps = 4096;
    double h = end / steps;
    double sum = answeredWaitSurvival(x, y, 0) + answeredWaitSurvival(x, y, end);
    for (int i = 1; i < steps; i++) {
      sum += (i % 2 == 0 ? 2 : 4) * answeredWaitSurvival(x, y, i * h);
    }
    return sum * h / 3;
  }
}
