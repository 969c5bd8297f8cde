package io.yardstick.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SeriesForecasterTest {
  /** Daily totals, weeks of 7 days: a weekly shape, plus (day % 3) - 1 of noise, plus a trend. */
  static double[] series(int weeks, double trend) {
    double[] shape = {100, 90, 90, 95, 80, 20, 10};
    double[] y = new double[weeks * 7];
    for (int t = 0; t < y.length; t++) y[t] = shape[t % 7] + (t % 3) - 1 + trend * t;
    return y;
  }

  @Test
  void a_model_that_wins_by_little_does_not_replace_the_better_baseline() {
    // No trend: every model is within the +-1 noise of the others; the seasonal mean averages it,
    // and no smoothing model beats it by more than the backtest's noise.
    SeriesForecaster.Result r =
        new SeriesForecaster(1, 7).forecast(series(12, 0), null, 7, p -> {});
    SeriesForecaster.Score mean =
        r.scores().stream().filter(s -> s.model() == Model.SEASONAL_MEAN).findFirst().orElseThrow();
    assertThat(r.model()).isIn(Model.SEASONAL_MEAN, Model.SEASONAL_NAIVE);
    assertThat(r.chosen().intervals().wape())
        .isLessThanOrEqualTo(r.baseline().intervals().wape())
        .isLessThanOrEqualTo(mean.intervals().wape() + 0.0);
  }

  @Test
  void a_model_that_wins_beyond_noise_replaces_the_baselines() {
    // A trend of 2 a day: the same weekday a week before is 14 lower, the mean of four 29 lower;
    // Holt-Winters follows the trend and wins on every backtest day.
    SeriesForecaster.Result r =
        new SeriesForecaster(1, 7).forecast(series(12, 2), null, 7, p -> {});
    assertThat(r.model()).isIn(Model.HOLT_WINTERS_ADDITIVE, Model.HOLT_WINTERS_MULTIPLICATIVE);
    assertThat(r.chosen().intervals().wape()).isLessThan(r.baseline().intervals().wape() / 2);
  }
}
