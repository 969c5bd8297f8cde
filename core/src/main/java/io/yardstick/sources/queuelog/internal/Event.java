package io.yardstick.sources.queuelog.internal;

import io.yardstick.ingest.ImportException;
import java.time.Instant;
import java.util.Locale;

/**
 * One queue_log line, whatever its form: the event's parameters in the positions of the native text
 * log ({@code data1} is {@code data(0)}), and for each the column it came from, so that an error
 * names what the user sees.
 *
 * @param line the line in the file (a CSV header is line 1)
 * @param agent the member as logged (Agent/1001, SIP/1001, Local/1001@ctx, a name) or null for NONE
 */
public record Event(
    String file,
    long line,
    Instant at,
    String callid,
    String queue,
    String agent,
    String name,
    String[] data,
    String[] origin) {

  /** The event name, uppercase. */
  public Event {
    name = name.toUpperCase(Locale.ROOT);
  }

  /** The text of parameter i (0-based), or null when absent or empty. */
  public String text(int i) {
    if (i >= data.length || data[i] == null) return null;
    String s = data[i].strip();
    return s.isEmpty() ? null : s;
  }

  /**
   * Parameter i as seconds (a whole or decimal number, 0 or more), or null when absent. {@code
   * divisor} 1000 reads milliseconds (RINGNOANSWER).
   */
  public Double seconds(int i, String meaning, double divisor) {
    String s = text(i);
    if (s == null) return null;
    double v;
    try {
      v = Double.parseDouble(s);
    } catch (NumberFormatException e) {
      v = Double.NaN;
    }
    if (!(v >= 0)
        || Double.isInfinite(v)
        || !s.chars().allMatch(c -> (c >= '0' && c <= '9') || c == '.')) {
      throw new ImportException(
          file,
          line,
          column(i, meaning),
          s,
          "is not a duration for "
              + name
              + "; expected "
              + (divisor == 1000 ? "whole milliseconds" : "a number of seconds")
              + ", 0 or more");
    }
    if (v / divisor > MAX_SECONDS) {
      throw new ImportException(
          file,
          line,
          column(i, meaning),
          s,
          "is more than three years; expected the "
              + meaning
              + " of one call"
              + (divisor == 1000 ? " in milliseconds" : " in seconds"));
    }
    return v / divisor;
  }

  /**
   * No queue event lasts three years; a longer value is a broken line, and would overflow instant
   * arithmetic.
   */
  private static final double MAX_SECONDS = 1e8;

  /** The column name an error should show for parameter i: the source column and what it means. */
  public String column(int i, String meaning) {
    String col = i < origin.length && origin[i] != null ? origin[i] : "data" + (i + 1);
    return col + " (" + meaning + ")";
  }

  /** Whether the call id names a call (not NONE, REALTIME, MANAGER or empty). */
  public boolean hasCall() {
    return callid != null
        && !callid.isEmpty()
        && !callid.equals("NONE")
        && !callid.equals("REALTIME")
        && !callid.equals("MANAGER");
  }
}
