package io.yardstick.ingest.mapping.internal;

import io.yardstick.ingest.Timestamps;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The formats a mapping can read source text in: timestamps, dates and times of day (ISO, java.time
 * patterns, Excel serials, epoch numbers), durations (seconds, milliseconds, minutes, mm:ss,
 * hh:mm:ss, Excel day fractions) and booleans. Each reader returns a typed value or throws {@link
 * BadValue} saying what was expected.
 */
final class Formats {
  /**
   * Excel's day 0 in its 1900 date system (serial 1 is 1900-01-01; serials from 61 on are right
   * after Lotus' bug).
   */
  static final LocalDate EXCEL_EPOCH = LocalDate.of(1899, 12, 30);

  private static final BigDecimal MS_PER_DAY = BigDecimal.valueOf(86_400_000L);
  private static final BigDecimal THOUSAND = BigDecimal.valueOf(1000);
  private static final Pattern MM_SS = Pattern.compile("(\\d+):([0-5]\\d)(\\.\\d+)?");
  private static final Pattern HH_MM_SS = Pattern.compile("(\\d+):([0-5]\\d):([0-5]\\d)(\\.\\d+)?");

  private Formats() {}

  /** Reads one source text. */
  interface Reader {
    Object read(String text) throws BadValue;
  }

  /** A format name or pattern the mapping cannot use; the message says why. */
  static final class BadFormat extends Exception {
    BadFormat(String problem) {
      super(problem, null, false, false);
    }
  }

  // ---- timestamps
  // -------------------------------------------------------------------------------------------------

  static final String INSTANT_FORMATS =
      "iso, excel, epoch_seconds, epoch_millis or a java.time pattern such as"
          + " yyyy-MM-dd HH:mm:ss";

  /**
   * A reader of instants; {@code zone} may be null when the format needs none (then local times are
   * refused).
   */
  static Reader instant(String format, ZoneId zone) throws BadFormat {
    switch (format) {
      case "iso":
        return text -> {
          Instant i = Timestamps.parse(text);
          if (i != null) return i;
          if (zone != null) {
            try {
              return inZone(LocalDateTime.parse(text.replace(' ', 'T')), zone);
            } catch (DateTimeParseException e) {
              // fall through to the message below
            }
          }
          throw new BadValue(
              "is not an ISO-8601 timestamp; expected one such as 2026-03-01T09:15:00"
                  + (zone == null
                      ? "+01:00 (with an offset: the mapping sets no time_zone)"
                      : " (in " + zone.getId() + ") or" + " 2026-03-01T09:15:00+01:00"));
        };
      case "excel":
        requireZone(zone, format);
        return text -> {
          BigDecimal serial =
              number(
                  text,
                  "an Excel date serial such as 44197.5 (days since 1899-12-30, the"
                      + " fraction is the time of day)");
          return inZone(excelDateTime(serial), zone);
        };
      case "epoch_seconds":
        return text ->
            Instant.ofEpochSecond(
                0,
                number(text, "seconds since 1970-01-01T00:00:00Z such as 1614589200")
                    .movePointRight(9)
                    .setScale(0, RoundingMode.HALF_UP)
                    .longValueExact());
      case "epoch_millis":
        return text ->
            Instant.ofEpochMilli(
                number(text, "milliseconds since 1970-01-01T00:00:00Z such as 1614589200000")
                    .setScale(0, RoundingMode.HALF_UP)
                    .longValueExact());
      default:
        {
          DateTimeFormatter f = pattern(format);
          ZonedDateTime sample =
              ZonedDateTime.of(2021, 3, 14, 15, 9, 26, 0, zone == null ? ZoneId.of("UTC") : zone);
          TemporalAccessor parsed;
          try {
            parsed =
                f.parseBest(
                    f.format(sample), ZonedDateTime::from, LocalDateTime::from, LocalDate::from);
          } catch (DateTimeException e) {
            throw new BadFormat("does not read a date (and time); expected " + INSTANT_FORMATS);
          }
          if (!(parsed instanceof ZonedDateTime))
            requireZone(zone, "a pattern without an offset or zone");
          String expected = "a timestamp like " + f.format(sample) + " (pattern " + format + ")";
          return text -> {
            TemporalAccessor t;
            try {
              t = f.parseBest(text, ZonedDateTime::from, LocalDateTime::from, LocalDate::from);
            } catch (DateTimeException e) {
              throw new BadValue("is not " + expected);
            }
            if (t instanceof ZonedDateTime z) return z.toInstant();
            if (t instanceof LocalDateTime l) return inZone(l, zone);
            return inZone(((LocalDate) t).atStartOfDay(), zone);
          };
        }
    }
  }

  private static void requireZone(ZoneId zone, String what) throws BadFormat {
    if (zone == null) {
      throw new BadFormat(
          "gives local times, so a time zone is needed: add input.time_zone (or time_zone here) with"
              + " an IANA name such as Europe/Madrid ("
              + what
              + ")");
    }
  }

  /**
   * The instant of a local date and time; a time skipped by a clock change is refused, a repeated
   * one is the first.
   */
  static Instant inZone(LocalDateTime local, ZoneId zone) throws BadValue {
    if (zone.getRules().getValidOffsets(local).isEmpty()) {
      throw new BadValue(
          "is a local time that does not exist in "
              + zone.getId()
              + " (the clocks jumped forward"
              + " over it); expected a time that exists there");
    }
    return ZonedDateTime.ofLocal(local, zone, null).toInstant();
  }

  private static LocalDateTime excelDateTime(BigDecimal serial) throws BadValue {
    if (serial.signum() < 0 || serial.compareTo(BigDecimal.valueOf(2_958_466)) >= 0) {
      throw new BadValue(
          "is outside Excel's dates; expected a serial from 0 (1899-12-30) to 2958465 (9999-12-31)");
    }
    long ms = serial.multiply(MS_PER_DAY).setScale(0, RoundingMode.HALF_UP).longValueExact();
    return EXCEL_EPOCH.atStartOfDay().plusNanos(ms * 1_000_000L);
  }

  // ---- dates and times of day
  // ---------------------------------------------------------------------------------------

  static final String DATE_FORMATS = "iso, excel or a java.time pattern such as dd/MM/yyyy";
  static final String TIME_FORMATS = "excel or a java.time pattern such as H:mm:ss";

  /** A reader of dates (LocalDate). */
  static Reader date(String format) throws BadFormat {
    switch (format) {
      case "iso":
        return text -> {
          try {
            return LocalDate.parse(text);
          } catch (DateTimeParseException e) {
            throw new BadValue("is not an ISO date; expected one such as 2026-03-01");
          }
        };
      case "excel":
        return text -> {
          BigDecimal serial =
              number(text, "an Excel date serial such as 44197 (days since 1899-12-30)");
          if (serial.stripTrailingZeros().scale() > 0) {
            throw new BadValue(
                "has a fraction of a day; expected a whole Excel day number such as 44197");
          }
          return excelDateTime(serial).toLocalDate();
        };
      default:
        {
          DateTimeFormatter f = pattern(format);
          LocalDate sample = LocalDate.of(2021, 3, 14);
          try {
            LocalDate.from(f.parse(f.format(sample)));
          } catch (DateTimeException e) {
            throw new BadFormat("does not read a whole date; expected " + DATE_FORMATS);
          }
          String expected = "a date like " + f.format(sample) + " (pattern " + format + ")";
          return text -> {
            try {
              return LocalDate.from(f.parse(text));
            } catch (DateTimeException e) {
              throw new BadValue("is not " + expected);
            }
          };
        }
    }
  }

  /** A reader of times of day (LocalTime). */
  static Reader timeOfDay(String format) throws BadFormat {
    if (format.equals("excel")) {
      return text -> {
        BigDecimal fraction =
            number(text, "an Excel time of day, a fraction of a day such as 0.375 (9:00)");
        if (fraction.compareTo(BigDecimal.ONE) >= 0) {
          throw new BadValue(
              "is a day or more; expected an Excel time of day, a fraction from 0 to under 1 such as"
                  + " 0.375 (9:00)");
        }
        long ms = fraction.multiply(MS_PER_DAY).setScale(0, RoundingMode.HALF_UP).longValueExact();
        // A fraction just under 1 can round to 24:00, which is the start of the next day.
        return ms >= 86_400_000L ? Duration24.INSTANCE : LocalTime.ofNanoOfDay(ms * 1_000_000L);
      };
    }
    DateTimeFormatter f = pattern(format);
    LocalTime sample = LocalTime.of(15, 9, 26);
    try {
      LocalTime.from(f.parse(f.format(sample)));
    } catch (DateTimeException e) {
      throw new BadFormat("does not read a time of day; expected " + TIME_FORMATS);
    }
    String expected = "a time of day like " + f.format(sample) + " (pattern " + format + ")";
    return text -> {
      try {
        return LocalTime.from(f.parse(text));
      } catch (DateTimeException e) {
        throw new BadValue("is not " + expected);
      }
    };
  }

  /**
   * 24:00, the end of a day, which {@link LocalTime} cannot hold: an Excel fraction that rounds up
   * to 1.
   */
  enum Duration24 {
    INSTANCE
  }

  /** The instant of a date and a time of day read from two columns. */
  static Instant combine(LocalDate date, Object time, ZoneId zone) throws BadValue {
    LocalDateTime local =
        time == Duration24.INSTANCE
            ? date.plusDays(1).atStartOfDay()
            : date.atTime((LocalTime) time);
    return inZone(local, zone);
  }

  // ---- durations
  // ----------------------------------------------------------------------------------------------------

  static final String DURATION_FORMATS = "seconds, milliseconds, minutes, mm:ss, hh:mm:ss or excel";

  /** A reader of durations: a non-negative number of seconds as a BigDecimal. */
  static Reader duration(String format) throws BadFormat {
    return switch (format) {
      case "seconds" -> text -> number(text, "a number of seconds such as 95 or 12.5");
      case "milliseconds" ->
          text -> number(text, "a number of milliseconds such as 95000").divide(THOUSAND);
      case "minutes" ->
          text -> number(text, "a number of minutes such as 1.5").multiply(BigDecimal.valueOf(60));
      case "mm:ss" ->
          text -> {
            Matcher m = MM_SS.matcher(text);
            if (!m.matches())
              throw new BadValue("is not a duration like 12:05 (mm:ss: minutes, then seconds)");
            return new BigDecimal(m.group(1))
                .multiply(BigDecimal.valueOf(60))
                .add(seconds(m.group(2), m.group(3)));
          };
      case "hh:mm:ss" ->
          text -> {
            Matcher m = HH_MM_SS.matcher(text);
            if (!m.matches())
              throw new BadValue(
                  "is not a duration like 1:02:05 (hh:mm:ss: hours, minutes, seconds)");
            return new BigDecimal(m.group(1))
                .multiply(BigDecimal.valueOf(3600))
                .add(new BigDecimal(m.group(2)).multiply(BigDecimal.valueOf(60)))
                .add(seconds(m.group(3), m.group(4)));
          };
      case "excel" ->
          text ->
              number(text, "an Excel duration, a fraction of a day such as 0.00165 (142.6 s)")
                  .multiply(MS_PER_DAY)
                  .setScale(0, RoundingMode.HALF_UP)
                  .divide(THOUSAND);
      default -> throw new BadFormat("is not a duration format; expected " + DURATION_FORMATS);
    };
  }

  private static BigDecimal seconds(String whole, String fraction) {
    return new BigDecimal(fraction == null ? whole : whole + fraction);
  }

  // ---- booleans
  // -----------------------------------------------------------------------------------------------------

  /** true/false, yes/no, y/n and 1/0, in any case. */
  static Boolean yesNo(String text) throws BadValue {
    switch (text.toLowerCase(Locale.ROOT)) {
      case "true", "yes", "y", "1":
        return Boolean.TRUE;
      case "false", "no", "n", "0":
        return Boolean.FALSE;
      default:
        throw new BadValue(
            "is not a yes or no; expected Y or N, yes or no, 1 or 0, true or false (any case)");
    }
  }

  // ---- helpers
  // ------------------------------------------------------------------------------------------------------

  /**
   * A plain non-negative decimal number (an exponent such as 1.6E-3 is accepted: Excel writes
   * them).
   */
  static BigDecimal number(String text, String expected) throws BadValue {
    BigDecimal n;
    try {
      n = new BigDecimal(text);
    } catch (NumberFormatException e) {
      throw new BadValue("is not a number; expected " + expected);
    }
    if (n.signum() < 0) throw new BadValue("is negative; expected " + expected);
    return n;
  }

  /**
   * A java.time pattern, parsed strictly (30 February is refused) and case-insensitively.
   * Year-of-era letters ({@code yyyy}) are read as the proleptic year ({@code uuuu}) unless the
   * pattern has an era, because strict resolution needs an era to make a date of a year-of-era.
   */
  static DateTimeFormatter pattern(String format) throws BadFormat {
    String p = format;
    if (p.indexOf('G') < 0) {
      StringBuilder sb = new StringBuilder(p.length());
      boolean quoted = false;
      for (char c : p.toCharArray()) {
        if (c == '\'') quoted = !quoted;
        sb.append(!quoted && c == 'y' ? 'u' : c);
      }
      p = sb.toString();
    }
    try {
      return new DateTimeFormatterBuilder()
          .parseCaseInsensitive()
          .appendPattern(p)
          .toFormatter(Locale.ROOT)
          .withResolverStyle(ResolverStyle.STRICT);
    } catch (IllegalArgumentException e) {
      throw new BadFormat("is not a valid java.time pattern (" + e.getMessage() + ")");
    }
  }
}
