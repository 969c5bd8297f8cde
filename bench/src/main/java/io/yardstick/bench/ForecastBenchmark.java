package io.yardstick.bench;

import io.yardstick.forecast.ForecastRequest;
import io.yardstick.forecast.Forecaster;
import io.yardstick.store.Store;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Forecast benchmark (issue 20; docs/benchmarks.md): the forecast of every channel and queue of a
 * large demo store ({@link Forecaster#forecastAll}, as {@code yardstick forecast --all} and the
 * daily forecast make it) against the forecast of one series (the phone channel as a whole), same
 * store, same run, alternating which goes first. Reports the seconds of each, the series count and
 * the ratio all / one (lower is better; the natural scale is the number of series, since each is
 * its own history query, backtest and fit).
 *
 * <p>Usage: ForecastBenchmark WORK_DIR ROUNDS SIZE... (the demo stores of {@link KpiBenchmark},
 * generated once into WORK_DIR and reused). 30-minute intervals, 14 days ahead from 2026-06-17, 84
 * days of history, Europe/Madrid.
 */
public final class ForecastBenchmark {
  private ForecastBenchmark() {}

  public static void main(String[] args) throws Exception {
    Path work = Path.of(args[0]);
    int rounds = Integer.parseInt(args[1]);
    List<String> report = new ArrayList<>();
    for (int i = 2; i < args.length; i++) {
      long size = Long.parseLong(args[i]);
      Path db = KpiBenchmark.dataFor(work, size);
      try (Store store = Store.open(db.toString())) {
        Forecaster forecaster =
            new Forecaster(
                store,
                Clock.fixed(
                    LocalDate.of(2026, 6, 17).atStartOfDay().toInstant(ZoneOffset.UTC),
                    ZoneOffset.UTC));
        ForecastRequest one =
            new ForecastRequest(
                "phone", null, 30, 14, KpiBenchmark.ZONE, LocalDate.of(2026, 6, 17), 84, Set.of());
        int series = forecaster.series(one, true).size();
        double[] tOne = new double[rounds];
        double[] tAll = new double[rounds];
        for (int r = 0; r < rounds; r++) {
          boolean oneFirst = r % 2 == 0;
          for (int side = 0; side < 2; side++) {
            boolean doOne = (side == 0) == oneFirst;
            long t0 = System.nanoTime();
            if (doOne) {
              forecaster.forecast(one, p -> {});
              tOne[r] = (System.nanoTime() - t0) / 1e9;
            } else {
              forecaster.forecastAll(one, true, p -> {});
              tAll[r] = (System.nanoTime() - t0) / 1e9;
            }
          }
          report.add(
              String.format(
                  Locale.ROOT,
                  "| %,d | %d | %d | %.2f | %.2f | %.1fx | %.2fx |",
                  size,
                  r + 1,
                  series,
                  tOne[r],
                  tAll[r],
                  tAll[r] / tOne[r],
                  tAll[r] / tOne[r] / series));
          System.err.println(report.get(report.size() - 1));
        }
        Arrays.sort(tOne);
        Arrays.sort(tAll);
      }
    }
    System.out.println(
        "| contacts | round | series | one series (s) | every channel and queue (s) | all / one |"
            + " all / one / series |");
    System.out.println("| --- | --- | --- | --- | --- | --- | --- |");
    report.forEach(System.out::println);
  }
}
