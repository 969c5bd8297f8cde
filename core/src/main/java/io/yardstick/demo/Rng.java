package io.yardstick.demo;

import java.util.SplittableRandom;

/**
 * Random draws the simulation needs, all from {@link SplittableRandom} so that a seed gives the
 * same year.
 */
final class Rng {
  private Rng() {}

  /** SplitMix64 finalizer: a well-mixed 64-bit hash. */
  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** A hash of the seed and a few numbers naming one purpose (a day, a customer...). */
  static long key(long seed, long a, long b) {
    return mix(mix(seed * 0x9E3779B97F4A7C15L + a) + b * 0xC2B2AE3D27D4EB4FL);
  }

  static SplittableRandom of(long seed, long a, long b) {
    return new SplittableRandom(key(seed, a, b));
  }

  /** A uniform double in [0, 1) from a hash. */
  static double unit(long hash) {
    return (hash >>> 11) * 0x1.0p-53;
  }

  static double exponential(SplittableRandom r, double mean) {
    return -mean * Math.log(1.0 - r.nextDouble());
  }

  /**
   * A lognormal draw with the given mean and shape (sigma of the underlying normal): long right
   * tail.
   */
  static double lognormal(SplittableRandom r, double mean, double sigma) {
    return mean * Math.exp(sigma * r.nextGaussian() - sigma * sigma / 2);
  }

  /** A Weibull draw with the given mean and shape (above 1: few very small values). */
  static double weibull(SplittableRandom r, double mean, double shape) {
    double scale = mean / gamma(1 + 1 / shape);
    return scale * Math.pow(-Math.log(1.0 - r.nextDouble()), 1 / shape);
  }

  /**
   * The gamma function for x in [1, 2] (Lanczos would be overkill): a short series accurate to
   * 1e-4.
   */
  static double gamma(double x) {
    double t = x - 1;
    return 1
        - 0.5748646 * t
        + 0.9512363 * t * t
        - 0.6998588 * t * t * t
        + 0.4245549 * t * t * t * t
        - 0.1010678 * t * t * t * t * t;
  }

  static boolean chance(SplittableRandom r, double p) {
    return r.nextDouble() < p;
  }

  /** Cumulative sums of weights, for {@link #pick}. */
  static double[] cumulative(double[] weights) {
    double[] cum = new double[weights.length];
    double sum = 0;
    for (int i = 0; i < weights.length; i++) {
      sum += Math.max(0, weights[i]);
      cum[i] = sum;
    }
    return cum;
  }

  /** An index drawn with probability proportional to its weight, given cumulative weights. */
  static int pick(SplittableRandom r, double[] cum) {
    double u = r.nextDouble() * cum[cum.length - 1];
    int lo = 0;
    int hi = cum.length - 1;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (cum[mid] > u) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    return lo;
  }

  /** A value rounded to the nearest whole number and kept within [min, max]. */
  static int clampRound(double v, int min, int max) {
    long n = Math.round(v);
    return (int) Math.max(min, Math.min(max, n));
  }
}
