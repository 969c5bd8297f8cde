package io.yardstick.cli;

import java.text.NumberFormat;
import java.time.Duration;
import java.util.Locale;

/** Number and duration formatting for people (tables, summaries); JSON and CSV stay raw. */
final class Formats {
  private Formats() {}

  static String count(long n) {
    return NumberFormat.getIntegerInstance(Locale.ENGLISH).format(n);
  }

  static String seconds(Duration d) {
    double s = d.toNanos() / 1e9;
    return s < 10 ? String.format(Locale.ROOT, "%.2f s", s) : String.format(Locale.ROOT, "%.1f s", s);
  }

  static String rate(long rows, Duration d) {
    double s = Math.max(d.toNanos() / 1e9, 1e-9);
    return count(Math.round(rows / s));
  }
}
