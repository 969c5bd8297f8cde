package io.yardstick.report;

import io.yardstick.YardstickException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.Arrays;
import java.util.Locale;

/**
 * The period of a saved view: relative, so that it moves with time ({@code last_7_days}, {@code
 * last_week}, {@code last_month}, {@code month_to_date}, {@code quarter_to_date}, {@code
 * year_to_date}, {@code yesterday}, each optionally {@code :last_year}, the same period a year
 * earlier), or fixed ({@code 2026-03-01..2026-03-31}). It resolves to local dates (both inclusive)
 * from "today" in the view's zone, which the caller takes from its clock.
 *
 * <p>Conventions (docs/reports.md): weeks start on Monday (ISO); "last 7 days" and "last
 * week/month" are complete days before today; "to date" periods run through today, so a report sent
 * on the 1st covers that one day; {@code :last_year} resolves the same rule at today minus one
 * year, so "last month" of March 2025 a year earlier is all of February 2024, its 29th included.
 *
 * <pre>{@code
 * Period.parse("month_to_date").resolve(LocalDate.parse("2026-03-10")) // 2026-03-01..2026-03-10
 * }</pre>
 */
public record Period(Relative relative, boolean lastYear, LocalDate fixedFrom, LocalDate fixedTo) {
  /** The relative periods, by their public ids. */
  public enum Relative {
    YESTERDAY,
    LAST_7_DAYS,
    LAST_WEEK,
    LAST_MONTH,
    MONTH_TO_DATE,
    QUARTER_TO_DATE,
    YEAR_TO_DATE;

    public String id() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** Local dates, both inclusive. */
  public record Dates(LocalDate from, LocalDate to) {}

  public Period {
    if (relative == null && (fixedFrom == null || fixedTo == null)) {
      throw new YardstickException("A period is relative or has both dates.");
    }
    if (relative == null && fixedTo.isBefore(fixedFrom)) {
      throw new YardstickException(
          "The {period} ends (" + fixedTo + ") before it starts (" + fixedFrom + ").");
    }
  }

  /**
   * The public form: {@code last_month}, {@code last_month:last_year} or {@code
   * 2026-03-01..2026-03-31}.
   */
  public String id() {
    if (relative == null) return fixedFrom + ".." + fixedTo;
    return relative.id() + (lastYear ? ":last_year" : "");
  }

  @Override
  public String toString() {
    return id();
  }

  /** Parses the public form, or says which forms there are. */
  public static Period parse(String text) {
    String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
    int dots = t.indexOf("..");
    if (dots > 0) {
      try {
        return new Period(
            null,
            false,
            LocalDate.parse(t.substring(0, dots)),
            LocalDate.parse(t.substring(dots + 2)));
      } catch (DateTimeParseException e) {
        throw bad(text);
      }
    }
    boolean lastYear = t.endsWith(":last_year");
    String rel = lastYear ? t.substring(0, t.length() - ":last_year".length()) : t;
    Relative r =
        Arrays.stream(Relative.values())
            .filter(x -> x.id().equals(rel))
            .findFirst()
            .orElseThrow(() -> bad(text));
    return new Period(r, lastYear, null, null);
  }

  private static YardstickException bad(String text) {
    return new YardstickException(
        "'"
            + text
            + "' is not a {period}; expected one of "
            + String.join(", ", Arrays.stream(Relative.values()).map(Relative::id).toList())
            + " (each may end in :last_year, the same period"
            + " a year earlier) or FROM..TO such as 2026-03-01..2026-03-31.");
  }

  /** The dates this period covers when today (in the view's zone) is {@code today}. */
  public Dates resolve(LocalDate today) {
    if (relative == null) return new Dates(fixedFrom, fixedTo);
    LocalDate d = lastYear ? today.minusYears(1) : today;
    return switch (relative) {
      case YESTERDAY -> new Dates(d.minusDays(1), d.minusDays(1));
      case LAST_7_DAYS -> new Dates(d.minusDays(7), d.minusDays(1));
      case LAST_WEEK -> {
        LocalDate monday = d.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).minusWeeks(1);
        yield new Dates(monday, monday.plusDays(6));
      }
      case LAST_MONTH -> {
        LocalDate first = d.withDayOfMonth(1).minusMonths(1);
        yield new Dates(first, first.with(TemporalAdjusters.lastDayOfMonth()));
      }
      case MONTH_TO_DATE -> new Dates(d.withDayOfMonth(1), d);
      case QUARTER_TO_DATE -> new Dates(d.with(IsoFields.DAY_OF_QUARTER, 1), d);
      case YEAR_TO_DATE -> new Dates(d.withDayOfYear(1), d);
    };
  }
}
