package io.yardstick.cli;

import java.time.Duration;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * A progress bar on the terminal (standard error) for long work, and nothing at all when output is
 * not a terminal (scripts, CI, tests), so that logs stay clean.
 */
final class Progress implements AutoCloseable {
  private final ProgressBar bar;
  private final long scale;

  private Progress(ProgressBar bar, long scale) {
    this.bar = bar;
    this.scale = scale;
  }

  /**
   * A bar for {@code max} units (bytes, contacts...), shown only on a terminal and when {@code
   * show} holds.
   */
  static Progress start(String task, long max, String unit, long unitSize, boolean show) {
    if (!show || System.console() == null) {
      return new Progress(null, 1);
    }
    ProgressBar bar =
        new ProgressBarBuilder()
            .setTaskName(task)
            .setInitialMax(max > 0 ? max / unitSize : -1)
            .setUnit(unit, 1)
            .setStyle(ProgressBarStyle.COLORFUL_UNICODE_BLOCK)
            .setUpdateIntervalMillis(200)
            .showSpeed()
            .setSpeedUnit(java.time.temporal.ChronoUnit.SECONDS)
            .setMaxRenderedLength(100)
            .setEtaFunction(
                state ->
                    state.getMax() > 0 && state.getCurrent() > 0
                        ? java.util.Optional.of(
                            Duration.ofMillis(
                                (long)
                                    (state.getElapsedAfterStart().toMillis()
                                        * (double) (state.getMax() - state.getCurrent())
                                        / state.getCurrent())))
                        : java.util.Optional.empty())
            .continuousUpdate()
            .build();
    return new Progress(bar, unitSize);
  }

  /** A few words beside the bar on what is being done now. */
  void message(String text) {
    if (bar != null) bar.setExtraMessage(" " + text);
  }

  /** Whether a bar is shown (else the caller may print its own lines). */
  boolean shown() {
    return bar != null;
  }

  /** A new end for the bar, once the work knows how much there is. */
  void max(long units) {
    if (bar != null) bar.maxHint(units / scale);
  }

  void stepTo(long units) {
    if (bar != null) bar.stepTo(units / scale);
  }

  @Override
  public void close() {
    if (bar != null) bar.close();
  }
}
