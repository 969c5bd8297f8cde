package io.yardstick.goal;

import io.yardstick.YardstickException;
import java.util.Locale;

/**
 * Where a goal wants its KPI: an absolute value ({@code 90} for retention 90%) or a change in
 * percent of the baseline ({@code +25%}, {@code -10%}).
 *
 * @param value the absolute value, or the change in percent (-10 is -10%)
 */
public record Target(Kind kind, double value) {
  public Target {
    if (!Double.isFinite(value))
      throw new YardstickException("A target must be a number, not " + value + ".");
    if (kind == Kind.CHANGE && value == 0) {
      throw new YardstickException(
          "A change of 0% is no goal; give a {change} such as +25% or -10%.");
    }
    if (kind == Kind.CHANGE && value <= -100) {
      throw new YardstickException(
          "A change of "
              + value
              + "% would take the KPI to zero or below; give a change"
              + " above -100%.");
    }
  }

  /** An absolute target value. */
  public static Target absolute(double value) {
    return new Target(Kind.ABSOLUTE, value);
  }

  /** A change in percent of the baseline: {@code change(-10)} is -10%. */
  public static Target change(double percent) {
    return new Target(Kind.CHANGE, percent);
  }

  /** Parses a change as written: {@code +25%}, {@code -10%}, {@code 18%} (the % optional). */
  public static Target parseChange(String text) {
    String t = text == null ? "" : text.strip();
    if (t.endsWith("%")) t = t.substring(0, t.length() - 1).strip();
    try {
      return change(Double.parseDouble(t));
    } catch (NumberFormatException e) {
      throw new YardstickException(
          "'" + text + "' is not a change; expected a percentage such as +25% or -10%.");
    }
  }

  /**
   * The target value for a baseline: the absolute value, or the baseline changed by the percentage;
   * null without one.
   */
  public Double valueFor(Double baseline) {
    if (kind == Kind.ABSOLUTE) return value;
    return baseline == null ? null : baseline * (1 + value / 100.0);
  }

  /** How a person reads it: "to 90", "+25%", "-10%". */
  public String text() {
    return kind == Kind.ABSOLUTE
        ? "to " + number(value)
        : (value > 0 ? "+" : "") + number(value) + "%";
  }

  static String number(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15
        ? Long.toString((long) v)
        : String.format(Locale.ROOT, "%s", v);
  }

  public enum Kind {
    /** The KPI should reach this value. */
    ABSOLUTE,
    /** The KPI should change by this percentage of its baseline. */
    CHANGE;

    public String id() {
      return name().toLowerCase(Locale.ROOT);
    }
  }
}
