package io.yardstick.alert;

import io.yardstick.YardstickException;
import java.time.Duration;

/** Durations as people write them in rules: {@code 90s}, {@code 15m}, {@code 1h}, {@code 1d}. */
public final class Durations {
  private Durations() {}

  public static Duration parse(String text) {
    String t = text.strip().toLowerCase(java.util.Locale.ROOT);
    if (t.length() >= 2) {
      char unit = t.charAt(t.length() - 1);
      try {
        long n = Long.parseLong(t.substring(0, t.length() - 1));
        if (n >= 0) {
          switch (unit) {
            case 's':
              return Duration.ofSeconds(n);
            case 'm':
              return Duration.ofMinutes(n);
            case 'h':
              return Duration.ofHours(n);
            case 'd':
              return Duration.ofDays(n);
            default:
              break;
          }
        }
      } catch (NumberFormatException e) {
        // falls through to the message
      }
    }
    throw new YardstickException(
        "'"
            + text
            + "' is not a duration; expected a whole number and s, m, h or d, such"
            + " as 15m or 1h.");
  }

  /** The shortest of the forms {@link #parse} reads: 15m, 1h, 90s. */
  public static String format(Duration d) {
    long s = d.toSeconds();
    if (s != 0 && s % 86_400 == 0) return s / 86_400 + "d";
    if (s != 0 && s % 3_600 == 0) return s / 3_600 + "h";
    if (s != 0 && s % 60 == 0) return s / 60 + "m";
    return s + "s";
  }
}
