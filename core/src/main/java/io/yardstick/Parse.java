package io.yardstick;

import io.yardstick.kpi.Kpi;
import io.yardstick.kpi.Vocabulary;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The one parser of each value a person types, for every face: dates, time zones, KPI ids, numbers
 * and percentages. Each failure is one {@link InvalidValueException} whose message names the value
 * and the fix but no option or parameter: the CLI adds its flag (a picocli converter), the API its
 * parameter name.
 *
 * <pre>{@code
 * Parse.date("2026-03-01");      // 2026-03-01
 * Parse.zone("Z");               // UTC (an offset of zero is UTC, everywhere)
 * Parse.kpis("aht, csat");       // [AHT, CSAT]
 * Parse.percentage("80");        // 80.0; "0.8" is refused as a likely fraction
 * }</pre>
 */
public final class Parse {
  private Parse() {}

  /** A value a person typed that cannot be read; the message names it and the expected form. */
  public static class InvalidValueException extends UnknownNameException {
    public InvalidValueException(String message) {
      super(message);
    }
  }

  /** A local date, YYYY-MM-DD. */
  public static LocalDate date(String text) {
    try {
      return LocalDate.parse(text.strip());
    } catch (DateTimeParseException e) {
      throw new InvalidValueException(
          "'" + text + "' is not a date; expected YYYY-MM-DD, such as 2026-03-01.");
    }
  }

  /** An IANA time zone; an offset of zero (Z, UTC, GMT, +00:00) is UTC. */
  public static ZoneId zone(String text) {
    try {
      ZoneId z = ZoneId.of(text.strip());
      return z.normalized().equals(ZoneOffset.UTC) ? ZoneId.of("UTC") : z;
    } catch (DateTimeException e) {
      String closest = closestZone(text.strip());
      throw new InvalidValueException(
          "'"
              + text
              + "' is not a time zone"
              + (closest == null ? "" : " (did you mean " + closest + "?)")
              + "; expected an IANA name such as Europe/Madrid,"
              + " America/New_York or UTC.");
    }
  }

  /** The zone a person likely meant: a city named alone (Madrid), else a small typo away. */
  private static String closestZone(String text) {
    java.util.Set<String> ids = ZoneId.getAvailableZoneIds();
    String city = text.replace(' ', '_');
    List<String> byCity =
        ids.stream()
            .filter(
                id ->
                    id.contains("/")
                        && id.substring(id.lastIndexOf('/') + 1).equalsIgnoreCase(city))
            .sorted()
            .toList();
    if (!byCity.isEmpty()) return byCity.get(0);
    if (text.length() < 4 || text.length() > 64) return null;
    return Vocabulary.closest(text, ids.stream().sorted().toList());
  }

  /** A period of local dates, both inclusive: {@code to} on or after {@code from}. */
  public static void period(LocalDate from, LocalDate to) {
    if (to.isBefore(from)) {
      throw new InvalidValueException(
          "the period ends ("
              + to
              + ") before it starts ("
              + from
              + "); give a last day"
              + " on or after the first.");
    }
  }

  /** A KPI id of the catalog, with the closest one when it is a typo. */
  public static Kpi kpi(String text) {
    return Kpi.byId(text)
        .orElseThrow(
            () -> {
              String closest = Vocabulary.closest(text.strip().toLowerCase(Locale.ROOT), Kpi.ids());
              return new InvalidValueException(
                  "unknown KPI '"
                      + text
                      + "'"
                      + (closest == null ? "" : " (did you mean " + closest + "?)")
                      + "; expected one of "
                      + String.join(", ", Kpi.ids())
                      + ".");
            });
  }

  /** Comma-separated KPI ids, each once, in the order given. */
  public static List<Kpi> kpis(String text) {
    List<Kpi> out = new ArrayList<>();
    for (String id :
        Arrays.stream(text.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList()) {
      Kpi k = kpi(id);
      if (!out.contains(k)) out.add(k);
    }
    return out;
  }

  /** A finite number. */
  public static double number(String text) {
    try {
      double v = Double.parseDouble(text.strip());
      if (Double.isFinite(v)) return v;
    } catch (NumberFormatException e) {
      // answered below
    }
    throw new InvalidValueException("'" + text + "' is not a number.");
  }

  /** A whole number from {@code min} to {@code max}: "12", not "12.0", "1e3" or "12 days". */
  public static long wholeNumber(String text, long min, long max) {
    try {
      long v = Long.parseLong(text.strip());
      if (v >= min && v <= max) return v;
    } catch (NumberFormatException e) {
      // answered below
    }
    throw outOfRange(text, min, max);
  }

  /**
   * A whole number already read (by picocli, say) checked against the same range, in the same
   * words.
   */
  public static long within(long value, long min, long max) {
    if (value >= min && value <= max) return value;
    throw outOfRange(Long.toString(value), min, max);
  }

  private static InvalidValueException outOfRange(String text, long min, long max) {
    return new InvalidValueException(
        "'" + text + "' is not a whole number from " + min + " to " + max + ".");
  }

  /** A whole number that fits an int: "20", not "20.5" or "2e1". */
  public static int wholeNumber(String text) {
    try {
      return Integer.parseInt(text.strip());
    } catch (NumberFormatException e) {
      throw new InvalidValueException("'" + text + "' is not a whole number, such as 20.");
    }
  }

  /** The id of a stored object (an alert rule, a goal, a report): a whole number from 1. */
  public static long id(String text) {
    try {
      long v = Long.parseLong(text.strip());
      if (v >= 1) return v;
    } catch (NumberFormatException e) {
      // answered below
    }
    throw new InvalidValueException(
        "'" + text + "' is not an id; ids are whole numbers such as 12.");
  }

  /** An instant in ISO-8601 UTC, such as 2026-03-01T09:00:00Z. */
  public static java.time.Instant instant(String text) {
    try {
      return java.time.Instant.parse(text.strip());
    } catch (DateTimeParseException e) {
      throw new InvalidValueException(
          "'"
              + text
              + "' is not an instant; expected ISO-8601 in UTC, such as 2026-03-01T09:00:00Z.");
    }
  }

  /**
   * A percentage typed as text ("80" or "80%"): see {@link #percentage(double, boolean, boolean)}.
   */
  public static double percentage(String text, boolean zeroAllowed, boolean hundredAllowed) {
    String t = text.strip();
    return percentage(
        number(t.endsWith("%") ? t.substring(0, t.length() - 1) : t), zeroAllowed, hundredAllowed);
  }

  /**
   * A percentage from 0 to 100. A value above 0 and below 1 (and 1 itself where 0 is not allowed)
   * is refused as a likely fraction: nobody targets 0.8% service level or occupancy.
   */
  public static double percentage(double v, boolean zeroAllowed, boolean hundredAllowed) {
    if (v < 0 || v > 100 || (!zeroAllowed && v == 0) || (!hundredAllowed && v == 100)) {
      throw new InvalidValueException(
          number(v)
              + " is out of range; expected a percentage "
              + (zeroAllowed ? "from 0" : "above 0")
              + (hundredAllowed ? " up to 100" : " and below 100")
              + ".");
    }
    if (v > 0 && (zeroAllowed ? v < 1 : v <= 1)) {
      throw new InvalidValueException(
          number(v)
              + " looks like a fraction; give a percentage from 0 to 100, such as "
              + number(v * 100)
              + ".");
    }
    return v;
  }

  /** A number as a person writes it: 80, not 80.0. */
  public static String number(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.valueOf((long) v) : String.valueOf(v);
  }
}
