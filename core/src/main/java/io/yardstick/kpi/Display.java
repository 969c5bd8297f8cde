package io.yardstick.kpi;

import java.util.Locale;

/**
 * Values as people read them in the core's own sentences (goal names, realism explanations) and in
 * the command line's tables: durations as 8.4 s, 38 s, 1 min 8 s, 2 h 5 min, 3 d 4 h; a KPI's value
 * in its unit. The pages format in the browser's language from the raw values.
 */
public final class Display {
  private Display() {}

  /** A duration for people: 8.4 s, 38 s, 1 min 8 s, 2 h 5 min, 3 d 4 h. */
  public static String duration(double seconds) {
    if (seconds < 0) return "-" + duration(-seconds);
    if (seconds < 10) return String.format(Locale.ROOT, "%.1f s", seconds);
    long s = Math.round(seconds);
    if (s < 60) return s + " s";
    if (s < 3600) return (s / 60) + " min " + (s % 60) + " s";
    long m = Math.round(seconds / 60.0);
    if (m < 24 * 60) return (m / 60) + " h " + (m % 60) + " min";
    long h = Math.round(seconds / 3600.0);
    return (h / 24) + " d " + (h % 24) + " h";
  }

  /** A KPI value in its unit, for people; "-" without data. */
  public static String value(Kpi kpi, Number v) {
    if (v == null) return "-";
    double d = v.doubleValue();
    return switch (kpi.unit()) {
      case COUNT -> String.format(Locale.ENGLISH, "%,d", v.longValue());
      case PERCENT -> String.format(Locale.ENGLISH, "%.1f%%", d);
      case SECONDS -> duration(d);
      case SCORE -> String.format(Locale.ENGLISH, "%.1f", d);
      case RATIO -> String.format(Locale.ENGLISH, "%.2f", d);
      case MONEY -> String.format(Locale.ENGLISH, "%,.2f", d);
    };
  }
}
