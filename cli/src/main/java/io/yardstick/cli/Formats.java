package io.yardstick.cli;

import io.yardstick.kpi.Display;
import io.yardstick.kpi.Kpi;
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
    return s < 10
        ? String.format(Locale.ROOT, "%.2f s", s)
        : String.format(Locale.ROOT, "%.1f s", s);
  }

  static String rate(long rows, Duration d) {
    double s = Math.max(d.toNanos() / 1e9, 1e-9);
    return count(Math.round(rows / s));
  }

  /** A count with its noun: 1 day, 3 days, 0 intervals. */
  static String plural(long n, String noun) {
    return count(n) + " " + noun + (n == 1 ? "" : "s");
  }

  /**
   * A duration for people: 8.4 s, 38 s, 1 min 8 s, 2 h 5 min, 3 d 4 h (the core's {@link Display}).
   */
  static String duration(double seconds) {
    return Display.duration(seconds);
  }

  /** A KPI value in its unit, for people; "-" without data. */
  static String value(Kpi kpi, Number v) {
    return Display.value(kpi, v);
  }

  /** The change between two values, for people: +1.2 pp for percentages, +8 s, +3.4%. */
  static String change(Kpi kpi, Number now, Number before) {
    if (now == null || before == null) return "";
    double delta = now.doubleValue() - before.doubleValue();
    String sign = delta > 0 ? "+" : delta < 0 ? "-" : "±";
    double abs = Math.abs(delta);
    return switch (kpi.unit()) {
      case PERCENT -> String.format(Locale.ENGLISH, "%s%.1f pp", sign, abs);
      case SECONDS -> sign + duration(abs);
      case COUNT ->
          before.doubleValue() == 0
              ? sign + count(Math.round(abs))
              : String.format(
                  Locale.ENGLISH, "%s%.1f%%", sign, abs * 100 / Math.abs(before.doubleValue()));
      default -> String.format(Locale.ENGLISH, "%s%.2f", sign, abs);
    };
  }
}
