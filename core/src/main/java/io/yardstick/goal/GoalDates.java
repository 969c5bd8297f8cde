package io.yardstick.goal;

import io.yardstick.YardstickException;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Deadlines as people say them, resolved against the goal's start date and the fiscal year (whose
 * first month is a setting, default January). The deadline is the last day counted, so "by the
 * start of next quarter" is the last day of the current quarter.
 *
 * <table>
 *   <tr><td>{@code 2026-11-20}</td><td>that date</td></tr>
 *   <tr><td>{@code 11-20}</td><td>the next 20 November on or after the start</td></tr>
 *   <tr><td>{@code end-of-fiscal-year}</td><td>the last day of the fiscal year holding the start</td></tr>
 *   <tr><td>{@code start-of-next-quarter}</td><td>the last day of the fiscal quarter holding the start</td></tr>
 *   <tr><td>{@code +2m}, {@code +6w}, {@code +30d}</td><td>within that time: start + 2 months - 1 day, ...</td></tr>
 * </table>
 */
public final class GoalDates {
  private static final Pattern WITHIN = Pattern.compile("\\+(\\d{1,4})\\s*([dwmy])");

  private GoalDates() {}

  /**
   * The deadline an expression names.
   *
   * @param fiscalYearStartMonth 1 (January, the default) to 12
   */
  public static LocalDate deadline(String text, LocalDate start, int fiscalYearStartMonth) {
    checkMonth(fiscalYearStartMonth);
    String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
    switch (t) {
      case "end-of-fiscal-year", "fiscal-year-end" -> {
        return fiscalYearStart(start, fiscalYearStartMonth).plusYears(1).minusDays(1);
      }
      case "start-of-next-quarter", "next-quarter" -> {
        return quarterStart(start, fiscalYearStartMonth).plusMonths(3).minusDays(1);
      }
      default -> {}
    }
    Matcher m = WITHIN.matcher(t);
    if (m.matches()) {
      int n = Integer.parseInt(m.group(1));
      LocalDate after =
          switch (m.group(2)) {
            case "d" -> start.plusDays(n);
            case "w" -> start.plusWeeks(n);
            case "m" -> start.plusMonths(n);
            default -> start.plusYears(n);
          };
      return after.minusDays(1);
    }
    try {
      if (t.matches("\\d{2}-\\d{2}")) {
        MonthDay md = MonthDay.parse("--" + t);
        LocalDate d = md.atYear(start.getYear());
        return d.isBefore(start) ? md.atYear(start.getYear() + 1) : d;
      }
      return LocalDate.parse(t);
    } catch (DateTimeParseException e) {
      throw new YardstickException(
          "'"
              + text
              + "' is not a deadline; expected a date (2026-11-20), a month and day"
              + " (11-20: the next one), end-of-fiscal-year, start-of-next-quarter, or +N followed by d, w, m or y (+2m:"
              + " within two months).");
    }
  }

  /** The first day of the fiscal year holding a date. */
  public static LocalDate fiscalYearStart(LocalDate date, int fiscalYearStartMonth) {
    checkMonth(fiscalYearStartMonth);
    LocalDate s = LocalDate.of(date.getYear(), fiscalYearStartMonth, 1);
    return s.isAfter(date) ? s.minusYears(1) : s;
  }

  /** The first day of the fiscal quarter holding a date. */
  public static LocalDate quarterStart(LocalDate date, int fiscalYearStartMonth) {
    LocalDate fy = fiscalYearStart(date, fiscalYearStartMonth);
    long months = java.time.temporal.ChronoUnit.MONTHS.between(fy, date.withDayOfMonth(1));
    return fy.plusMonths(months / 3 * 3);
  }

  private static void checkMonth(int month) {
    if (month < 1 || month > 12) {
      throw new YardstickException(
          "The fiscal year's first month must be 1 to 12, not " + month + ".");
    }
  }
}
