package io.yardstick.forecast.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.hipparchus.distribution.continuous.TDistribution;
import org.junit.jupiter.api.Test;

class DieboldMarianoTest {
  @Test
  void the_statistic_uses_the_bartlett_long_run_variance_and_the_hln_factor() {
    // d = a - b = 1, 3, 1, 3: mean 2; T = 4, lags L = floor(4 (4/100)^(2/9)) = floor(1.96) = 1.
    // gamma0 = (1 + 1 + 1 + 1) / 4 = 1; gamma1 = ((-1)(1) + (1)(-1) + (-1)(1)) / 4 = -0.75;
    // V = 1 + 2 (1 - 1/2) (-0.75) = 0.25; DM = 2 / sqrt(0.25 / 4) = 8; HLN: 8 sqrt(3/4) = 6.9282;
    // p = 1 - t3(6.9282).
    double p = DieboldMariano.pBetter(new double[] {2, 4, 2, 4}, new double[] {1, 1, 1, 1});
    assertThat(p)
        .isCloseTo(
            1 - new TDistribution(3).cumulativeProbability(8 * Math.sqrt(0.75)), within(1e-12))
        .isLessThan(0.01);
  }

  @Test
  void equal_or_worse_forecasts_are_not_better() {
    double[] a = {5, 7, 6, 9, 4, 8};
    assertThat(DieboldMariano.pBetter(a, a)).isEqualTo(1.0);
    // b is worse on every day: p is above one half.
    assertThat(DieboldMariano.pBetter(a, new double[] {6, 9, 7, 10, 6, 9})).isGreaterThan(0.5);
    // Too few days to tell.
    assertThat(DieboldMariano.pBetter(new double[] {5, 5}, new double[] {1, 1})).isEqualTo(1.0);
  }
}
