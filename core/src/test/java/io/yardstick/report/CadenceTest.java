package io.yardstick.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.yardstick.YardstickException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Cadences step in the view's zone: the local time stays, the UTC instant moves with daylight
 * saving.
 */
class CadenceTest {
  private static final ZoneId MADRID = ZoneId.of("Europe/Madrid");

  private static List<Instant> between(String cadence, String after, String until) {
    return Cadence.parse(cadence)
        .occurrences(Instant.parse(after), Instant.parse(until), MADRID, 100);
  }

  @Test
  void weekly_on_monday_at_eight_keeps_eight_local_across_the_autumn_change() {
    // Madrid leaves summer time on Sunday 2026-10-25: 08:00 is 06:00Z on Monday 10-19 and 07:00Z on
    // Monday 10-26.
    assertThat(between("weekly:mon@08:00", "2026-10-15T00:00:00Z", "2026-11-03T00:00:00Z"))
        .containsExactly(
            Instant.parse("2026-10-19T06:00:00Z"),
            Instant.parse("2026-10-26T07:00:00Z"),
            Instant.parse("2026-11-02T07:00:00Z"));
  }

  @Test
  void a_daily_time_in_the_spring_gap_moves_forward_by_the_gap() {
    // 2026-03-29 02:30 does not exist in Madrid (02:00 -> 03:00): it is sent at 03:30 CEST =
    // 01:30Z.
    assertThat(between("daily@02:30", "2026-03-28T00:00:00Z", "2026-03-30T12:00:00Z"))
        .containsExactly(
            Instant.parse("2026-03-28T01:30:00Z"),
            Instant.parse("2026-03-29T01:30:00Z"),
            Instant.parse("2026-03-30T00:30:00Z"));
  }

  @Test
  void the_first_working_day_skips_a_weekend_start_of_the_month() {
    // 2026-08-01 is a Saturday: the first working day is Monday 08-03; 2026-09-01 is a Tuesday.
    assertThat(between("first_working_day@09:00", "2026-07-31T00:00:00Z", "2026-09-30T00:00:00Z"))
        .containsExactly(
            Instant.parse("2026-08-03T07:00:00Z"), Instant.parse("2026-09-01T07:00:00Z"));
  }

  @Test
  void a_cron_expression_is_stepped_by_cron_utils_in_the_zone() {
    // Weekdays at 08:00 local, Friday 2026-10-23 to Tuesday 10-27: Fri (CEST), Mon and Tue (CET).
    assertThat(between("cron:0 8 * * 1-5", "2026-10-23T00:00:00Z", "2026-10-27T23:00:00Z"))
        .containsExactly(
            Instant.parse("2026-10-23T06:00:00Z"),
            Instant.parse("2026-10-26T07:00:00Z"),
            Instant.parse("2026-10-27T07:00:00Z"));
  }

  @Test
  void the_bounds_are_exclusive_then_inclusive() {
    assertThat(between("daily@08:00", "2026-10-19T06:00:00Z", "2026-10-20T06:00:00Z"))
        .containsExactly(Instant.parse("2026-10-20T06:00:00Z"));
  }

  @Test
  void ids_round_trip_and_bad_cadences_say_the_forms() {
    assertThat(Cadence.parse("weekly:Monday@08:00").id()).isEqualTo("weekly:mon@08:00");
    assertThat(Cadence.parse("cron:0 8 * * 1-5").id()).isEqualTo("cron:0 8 * * 1-5");
    assertThatThrownBy(() -> Cadence.parse("hourly"))
        .isInstanceOf(YardstickException.class)
        .hasMessageStartingWith(
            "'hourly' is not a 'cadence'; expected daily@08:00, weekly:mon@08:00,");
    assertThatThrownBy(() -> Cadence.parse("cron:61 8 * * *"))
        .isInstanceOf(YardstickException.class)
        .hasMessageStartingWith("'61 8 * * *' is not a cron expression of five fields");
    // A probe of the running server: a report every minute, and one that never comes, were
    // accepted.
    assertThatThrownBy(() -> Cadence.parse("cron:* * * * *"))
        .hasMessage(
            "The cron expression '* * * * *' sends a report more often than hourly; a schedule is at"
                + " most hourly.");
    assertThatThrownBy(() -> Cadence.parse("cron:*/30 8-17 * * *"))
        .hasMessageContaining("more often than hourly");
    assertThatThrownBy(() -> Cadence.parse("cron:0 8 31 2 *"))
        .hasMessage(
            "The cron expression '0 8 31 2 *' never fires; give one that does, such as 0 8 * * 1-5.");
    assertThat(Cadence.parse("cron:0 * * * *").id()).isEqualTo("cron:0 * * * *");
    assertThat(Cadence.parse("cron:0 8 29 2 *").id())
        .isEqualTo("cron:0 8 29 2 *"); // leap years only
  }
}
