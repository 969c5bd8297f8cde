package io.yardstick.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.yardstick.YardstickException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/**
 * Relative periods resolve to the right local dates at month, quarter and year boundaries and
 * across DST.
 */
class PeriodTest {
  private static Period.Dates at(String period, String today) {
    return Period.parse(period).resolve(LocalDate.parse(today));
  }

  private static Period.Dates dates(String from, String to) {
    return new Period.Dates(LocalDate.parse(from), LocalDate.parse(to));
  }

  @Test
  void last_7_days_are_the_seven_complete_days_before_today_across_a_month_and_a_year_boundary() {
    assertThat(at("last_7_days", "2026-03-03"))
        .isEqualTo(dates("2026-02-24", "2026-03-02")); // Feb has 28 days
    assertThat(at("last_7_days", "2027-01-02")).isEqualTo(dates("2026-12-26", "2027-01-01"));
  }

  @Test
  void last_week_is_the_last_complete_monday_to_sunday() {
    // 2026-12-06 is a Sunday: the week running now began Monday 11-30, so the last complete one is
    // 11-23..11-29.
    assertThat(at("last_week", "2026-12-06")).isEqualTo(dates("2026-11-23", "2026-11-29"));
    // 2026-12-07 is a Monday: last week is 11-30..12-06.
    assertThat(at("last_week", "2026-12-07")).isEqualTo(dates("2026-11-30", "2026-12-06"));
    // Across the year: Friday 2027-01-01 -> 2026-12-21..27.
    assertThat(at("last_week", "2027-01-01")).isEqualTo(dates("2026-12-21", "2026-12-27"));
  }

  @Test
  void last_month_on_the_first_day_of_a_month_and_of_a_year() {
    assertThat(at("last_month", "2026-03-01")).isEqualTo(dates("2026-02-01", "2026-02-28"));
    assertThat(at("last_month", "2024-03-31"))
        .isEqualTo(dates("2024-02-01", "2024-02-29")); // leap year
    assertThat(at("last_month", "2027-01-01")).isEqualTo(dates("2026-12-01", "2026-12-31"));
  }

  @Test
  void to_date_periods_run_through_today() {
    assertThat(at("month_to_date", "2026-03-01")).isEqualTo(dates("2026-03-01", "2026-03-01"));
    assertThat(at("month_to_date", "2026-03-31")).isEqualTo(dates("2026-03-01", "2026-03-31"));
    assertThat(at("quarter_to_date", "2026-06-30")).isEqualTo(dates("2026-04-01", "2026-06-30"));
    assertThat(at("quarter_to_date", "2026-10-01")).isEqualTo(dates("2026-10-01", "2026-10-01"));
    assertThat(at("year_to_date", "2027-01-01")).isEqualTo(dates("2027-01-01", "2027-01-01"));
  }

  @Test
  void the_same_period_last_year_resolves_the_rule_a_year_earlier() {
    // Last month seen from 2025-03-10 a year earlier: from 2024-03-10 it is February 2024, 29 days.
    assertThat(at("last_month:last_year", "2025-03-10"))
        .isEqualTo(dates("2024-02-01", "2024-02-29"));
    // Month to date from 2024-02-29 a year earlier: 2023-02-28 (no 29th), so 2023-02-01..28.
    assertThat(at("month_to_date:last_year", "2024-02-29"))
        .isEqualTo(dates("2023-02-01", "2023-02-28"));
    assertThat(at("last_7_days:last_year", "2027-01-02"))
        .isEqualTo(dates("2025-12-26", "2026-01-01"));
  }

  @Test
  void today_is_the_local_day_of_the_view_zone_so_the_same_instant_gives_different_periods() {
    // 2026-12-31T23:30Z is already 2027-01-01 in Madrid (UTC+1) but still 2026-12-31 in New York
    // (UTC-5).
    Instant i = Instant.parse("2026-12-31T23:30:00Z");
    Period p = Period.parse("month_to_date");
    assertThat(p.resolve(LocalDate.ofInstant(i, ZoneId.of("Europe/Madrid"))))
        .isEqualTo(dates("2027-01-01", "2027-01-01"));
    assertThat(p.resolve(LocalDate.ofInstant(i, ZoneId.of("America/New_York"))))
        .isEqualTo(dates("2026-12-01", "2026-12-31"));
  }

  @Test
  void across_the_dst_change_a_week_is_seven_local_days() {
    // Madrid springs forward on Sunday 2026-03-29 (02:00 -> 03:00): the week 03-23..29 has a
    // 23-hour day, and is still
    // seven local dates. The KPI query counts [from 00:00, to+1 00:00) local time, 167 hours.
    Period.Dates week = at("last_week", "2026-03-30");
    assertThat(week).isEqualTo(dates("2026-03-23", "2026-03-29"));
    ZoneId madrid = ZoneId.of("Europe/Madrid");
    long hours =
        java.time.Duration.between(
                week.from().atStartOfDay(madrid), week.to().plusDays(1).atStartOfDay(madrid))
            .toHours();
    assertThat(hours).isEqualTo(7 * 24 - 1);
  }

  @Test
  void ids_round_trip_and_a_bad_period_names_the_forms() {
    assertThat(Period.parse("Last_Month:last_year").id()).isEqualTo("last_month:last_year");
    assertThat(Period.parse("2026-03-01..2026-03-31").resolve(LocalDate.parse("2030-01-01")))
        .isEqualTo(dates("2026-03-01", "2026-03-31"));
    assertThatThrownBy(() -> Period.parse("last_fortnight"))
        .isInstanceOf(YardstickException.class)
        .hasMessage(
            "'last_fortnight' is not a 'period'; expected one of yesterday, last_7_days, last_week, last_month,"
                + " month_to_date, quarter_to_date, year_to_date (each may end in :last_year, the same period a year"
                + " earlier) or FROM..TO such as 2026-03-01..2026-03-31.");
  }
}
