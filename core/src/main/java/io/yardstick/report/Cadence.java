package io.yardstick.report;

import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import io.yardstick.YardstickException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * When a schedule delivers, in the view's zone: {@code daily@08:00}, {@code weekly:mon@08:00},
 * {@code first_working_day@08:00} (the first Monday-to-Friday of the month) or {@code cron:0 8 * *
 * 1-5} (a Unix cron expression of five fields, parsed and stepped by cron-utils). Local times that
 * a daylight-saving change skips move forward by the gap (02:30 on the spring-forward day is
 * 03:30); times that occur twice are sent at the first.
 *
 * <pre>{@code
 * Cadence.parse("weekly:mon@08:00").occurrences(after, until, ZoneId.of("Europe/Madrid"), 100)
 * }</pre>
 */
public record Cadence(Kind kind, LocalTime time, DayOfWeek day, String cron) {
  private static final CronParser CRON =
      new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX));

  /** The kinds of cadence. */
  public enum Kind {
    DAILY,
    WEEKLY,
    FIRST_WORKING_DAY,
    CRON
  }

  public Cadence {
    if (kind == Kind.CRON) {
      ExecutionTime et;
      try {
        et = ExecutionTime.forCron(CRON.parse(cron).validate());
      } catch (IllegalArgumentException e) {
        throw new YardstickException(
            "'"
                + cron
                + "' is not a cron expression of five fields (minute hour day-of-month"
                + " month day-of-week, such as 0 8 * * 1-5): "
                + e.getMessage());
      }
      // A report is read by people: at most hourly, and it must come at all (0 8 31 2 * never
      // does).
      ZonedDateTime t = ZonedDateTime.of(2026, 1, 1, 0, 0, 0, 0, java.time.ZoneOffset.UTC);
      ZonedDateTime last = null;
      for (int i = 0; i < 48; i++) {
        Optional<ZonedDateTime> next = et.nextExecution(t);
        if (next.isEmpty() || next.get().isAfter(t.plusYears(5))) {
          if (i == 0) {
            throw new YardstickException(
                "The cron expression '"
                    + cron
                    + "' never fires; give one that does, such as 0 8 * * 1-5.");
          }
          break;
        }
        if (last != null && java.time.Duration.between(last, next.get()).toMinutes() < 60) {
          throw new YardstickException(
              "The cron expression '"
                  + cron
                  + "' sends a report more often than hourly; a schedule is at most hourly.");
        }
        last = next.get();
        t = next.get();
      }
    }
  }

  /** The public form. */
  public String id() {
    String at = "@" + time;
    return switch (kind) {
      case DAILY -> "daily" + at;
      case WEEKLY -> "weekly:" + day.name().substring(0, 3).toLowerCase(Locale.ROOT) + at;
      case FIRST_WORKING_DAY -> "first_working_day" + at;
      case CRON -> "cron:" + cron;
    };
  }

  /** Parses the public form, or says which forms there are. */
  public static Cadence parse(String text) {
    String t = text == null ? "" : text.strip();
    if (t.startsWith("cron:")) return new Cadence(Kind.CRON, null, null, t.substring(5).strip());
    int at = t.indexOf('@');
    if (at < 0) throw bad(text);
    LocalTime time;
    try {
      time = LocalTime.parse(t.substring(at + 1));
    } catch (DateTimeParseException e) {
      throw bad(text);
    }
    String what = t.substring(0, at).toLowerCase(Locale.ROOT);
    if (what.equals("daily")) return new Cadence(Kind.DAILY, time, null, null);
    if (what.equals("first_working_day"))
      return new Cadence(Kind.FIRST_WORKING_DAY, time, null, null);
    if (what.startsWith("weekly:")) {
      String d = what.substring("weekly:".length());
      for (DayOfWeek w : DayOfWeek.values()) {
        if (d.length() >= 3 && w.name().toLowerCase(Locale.ROOT).startsWith(d)) {
          return new Cadence(Kind.WEEKLY, time, w, null);
        }
      }
    }
    throw bad(text);
  }

  private static YardstickException bad(String text) {
    return new YardstickException(
        "'"
            + text
            + "' is not a {cadence}; expected daily@08:00, weekly:mon@08:00,"
            + " first_working_day@08:00 or cron:MIN HOUR DAY MONTH WEEKDAY (such as cron:0 8 * * 1-5).");
  }

  /**
   * The instants of this cadence in {@code (after, until]}, the first {@code max} of them, in
   * order.
   */
  public List<Instant> occurrences(Instant after, Instant until, ZoneId zone, int max) {
    List<Instant> out = new ArrayList<>();
    if (!until.isAfter(after)) return out;
    if (kind == Kind.CRON) {
      ExecutionTime et = ExecutionTime.forCron(CRON.parse(cron));
      ZonedDateTime t = after.atZone(zone);
      while (out.size() < max) {
        Optional<ZonedDateTime> next = et.nextExecution(t);
        if (next.isEmpty() || next.get().toInstant().isAfter(until)) break;
        if (!next.get().isAfter(t)) break; // a library that does not move on would loop for ever
        out.add(next.get().toInstant());
        t = next.get();
      }
      return out;
    }
    LocalDate d = LocalDate.ofInstant(after, zone).minusDays(1);
    LocalDate last = LocalDate.ofInstant(until, zone).plusDays(1);
    for (; !d.isAfter(last) && out.size() < max; d = d.plusDays(1)) {
      if (!matches(d)) continue;
      Instant i =
          ZonedDateTime.of(d, time, zone)
              .toInstant(); // a gap moves forward, an overlap takes the first
      if (i.isAfter(after) && !i.isAfter(until)) out.add(i);
    }
    return out;
  }

  private boolean matches(LocalDate d) {
    return switch (kind) {
      case DAILY -> true;
      case WEEKLY -> d.getDayOfWeek() == day;
      case FIRST_WORKING_DAY -> d.equals(firstWorkingDay(d));
      case CRON -> throw new IllegalStateException();
    };
  }

  /** The first Monday-to-Friday of the date's month. */
  static LocalDate firstWorkingDay(LocalDate d) {
    LocalDate first = d.withDayOfMonth(1);
    while (first.getDayOfWeek() == DayOfWeek.SATURDAY || first.getDayOfWeek() == DayOfWeek.SUNDAY) {
      first = first.plusDays(1);
    }
    return first;
  }
}
