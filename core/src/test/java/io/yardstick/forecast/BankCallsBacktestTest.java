package io.yardstick.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Acceptance (issue 6): on the real bank call series (fpp3 {@code bank_calls}: 5-minute counts of a
 * North American bank, weekdays 07:00-21:05, 164 days; Weinberg, Brown and Stroud 2007) the model
 * Yardstick chooses beats seasonal naive out of sample. The figures are in docs/forecasting.md.
 */
class BankCallsBacktestTest {
  static final int PER_DAY = 169; // 07:00 .. 21:00 starts, 5 minutes each: 14 h * 12 + 1
  static final int WEEK = 5 * PER_DAY; // weekdays only

  static double[] calls() {
    double[] calls = SharedData.column("csv_fpp3_bank_calls.csv", 2);
    assertThat(calls).hasSize(164 * PER_DAY);
    return calls;
  }

  @Test
  void chosen_model_beats_seasonal_naive_in_the_rolling_origin_backtest_one_week_ahead() {
    SeriesForecaster.Result r =
        new SeriesForecaster(PER_DAY, 5).origins(8).forecast(calls(), null, WEEK, p -> {});

    assertThat(r.origins()).isEqualTo(8);
    assertThat(r.chosen().intervals().wape()).isLessThan(r.baseline().intervals().wape());
    assertThat(r.chosen().days().wape()).isLessThan(r.baseline().days().wape());
  }

  @Test
  void chosen_model_beats_seasonal_naive_in_the_rolling_origin_backtest_one_day_ahead() {
    SeriesForecaster.Result r =
        new SeriesForecaster(PER_DAY, 5).origins(8).forecast(calls(), null, PER_DAY, p -> {});

    assertThat(r.chosen().intervals().wape()).isLessThan(r.baseline().intervals().wape());
  }

  /**
   * The selection itself out of sample: at each of the last 6 weekly origins, the whole procedure
   * (inner backtest, choice, fit) sees only the past, and its next week is scored against seasonal
   * naive's.
   */
  @Test
  void the_whole_selection_procedure_beats_seasonal_naive_on_weeks_it_never_saw() {
    double[] calls = calls();
    Accuracy.Builder chosen = new Accuracy.Builder();
    Accuracy.Builder naive = new Accuracy.Builder();
    for (int j = 6; j >= 1; j--) {
      int origin = calls.length - j * WEEK;
      double[] past = Arrays.copyOf(calls, origin);
      SeriesForecaster.Result r =
          new SeriesForecaster(PER_DAY, 5).origins(3).forecast(past, null, WEEK, p -> {});
      for (int i = 0; i < WEEK; i++) {
        chosen.add(calls[origin + i], r.forecast()[i]);
        naive.add(calls[origin + i], calls[origin + i - WEEK]);
      }
    }
    Accuracy c = chosen.build();
    Accuracy n = naive.build();
    System.out.printf(
        "bank_calls, 6 outer weekly origins: chosen WAPE %.2f%% MAPE %.2f%% bias %+.2f%%;"
            + " seasonal naive WAPE %.2f%% MAPE %.2f%% bias %+.2f%%%n",
        c.wape(), c.mape(), c.bias(), n.wape(), n.mape(), n.bias());

    assertThat(c.wape()).isLessThan(n.wape());
  }
}
