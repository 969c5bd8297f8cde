package io.yardstick.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.yardstick.YardstickException;
import io.yardstick.calendar.BusinessCalendar.Day;
import io.yardstick.calendar.BusinessCalendar.Window;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BusinessCalendarTest {
  private static final ZoneId MADRID = ZoneId.of("Europe/Madrid");

  /**
   * Mon-Fri 09:00-18:00, Sat 10:00-14:00 and 16:00-18:00, closed on Sundays and on Christmas Day
   * 2026 (a Friday).
   */
  private static final BusinessCalendar SUPPORT =
      BusinessCalendar.parse(
          "support",
          MADRID,
          hours("mon-fri", "09:00-18:00", "sat", "10:00-14:00, 16:00-18:00"),
          Set.of(LocalDate.parse("2026-12-25")));

  private static Map<String, String> hours(String... pairs) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      m.put(pairs[i], pairs[i + 1]);
    }
    return m;
  }

  private static BusinessCalendar calendar(String... pairs) {
    return BusinessCalendar.parse("test", MADRID, hours(pairs), Set.of());
  }

  /** A local date-time in Madrid (never an ambiguous one in these tests). */
  private static Instant madrid(String localDateTime) {
    return LocalDateTime.parse(localDateTime).atZone(MADRID).toInstant();
  }

  private static double epoch(String instant) {
    return Instant.parse(instant).getEpochSecond();
  }

  @Test
  void time_within_one_weekday_window_counts_fully() {
    // Monday 10:00 to 12:30: 2.5 h = 9,000 s
    assertThat(SUPPORT.businessSeconds(madrid("2026-03-02T10:00"), madrid("2026-03-02T12:30")))
        .isEqualTo(9_000);
  }

  @Test
  void the_night_between_two_weekdays_does_not_count() {
    // Monday 17:00-18:00 (1 h) + Tuesday 09:00-10:00 (1 h) = 7,200 s
    assertThat(SUPPORT.businessSeconds(madrid("2026-03-02T17:00"), madrid("2026-03-03T10:00")))
        .isEqualTo(7_200);
  }

  @Test
  void a_contact_arriving_while_closed_counts_from_the_next_opening() {
    // arrives Monday 07:00, answered 09:30: counts from 09:00, 30 min = 1,800 s
    assertThat(SUPPORT.businessSeconds(madrid("2026-03-02T07:00"), madrid("2026-03-02T09:30")))
        .isEqualTo(1_800);
    // arrives Monday 20:00, answered Tuesday 09:15: 15 min = 900 s
    assertThat(SUPPORT.businessSeconds(madrid("2026-03-02T20:00"), madrid("2026-03-03T09:15")))
        .isEqualTo(900);
    // arrives and is answered while closed: 0
    assertThat(SUPPORT.businessSeconds(madrid("2026-03-02T19:00"), madrid("2026-03-03T08:59")))
        .isZero();
  }

  @Test
  void an_empty_or_reversed_span_is_zero() {
    Instant t = madrid("2026-03-02T10:00");
    assertThat(SUPPORT.businessSeconds(t, t)).isZero();
    assertThat(SUPPORT.businessSeconds(t, t.minusSeconds(60))).isZero();
  }

  @Test
  void fractions_of_a_second_count() {
    // Monday 10:00:00.250 to 10:00:01: 0.75 s
    Instant a = madrid("2026-03-02T10:00").plusMillis(250);
    assertThat(SUPPORT.businessSeconds(a, madrid("2026-03-02T10:00:01")))
        .isCloseTo(0.75, within(1e-6));
  }

  @Test
  void a_weekend_counts_only_its_open_windows() {
    // Friday 17:00-18:00 (1 h) + Saturday 10-14 (4 h) and 16-18 (2 h) + Sunday closed + Monday
    // 09-10 (1 h)
    // = 8 h = 28,800 s
    assertThat(SUPPORT.businessSeconds(madrid("2026-03-06T17:00"), madrid("2026-03-09T10:00")))
        .isEqualTo(28_800);
    // the same span when closed all weekend: 1 h + 1 h = 7,200 s
    BusinessCalendar weekdays = calendar("mon-fri", "09:00-18:00");
    assertThat(weekdays.businessSeconds(madrid("2026-03-06T17:00"), madrid("2026-03-09T10:00")))
        .isEqualTo(7_200);
  }

  @Test
  void a_holiday_is_closed_all_day() {
    // Thursday 24 Dec 17:00-18:00 (1 h) + Friday 25 Dec holiday (0) + Saturday 26 (4 h + 2 h) +
    // Sunday (0)
    // + Monday 28 09:00-10:00 (1 h) = 8 h = 28,800 s
    assertThat(SUPPORT.businessSeconds(madrid("2026-12-24T17:00"), madrid("2026-12-28T10:00")))
        .isEqualTo(28_800);
    // within the holiday alone: 0
    assertThat(SUPPORT.businessSeconds(madrid("2026-12-25T09:00"), madrid("2026-12-25T18:00")))
        .isZero();
    // the Friday before is an ordinary weekday: 9 h = 32,400 s
    assertThat(SUPPORT.businessSeconds(madrid("2026-12-18T00:00"), madrid("2026-12-19T00:00")))
        .isEqualTo(32_400);
  }

  @Test
  void the_gap_between_two_windows_of_a_day_does_not_count() {
    // Saturday 11:00-14:00 (3 h) + 16:00-17:00 (1 h) = 4 h = 14,400 s
    assertThat(SUPPORT.businessSeconds(madrid("2026-03-07T11:00"), madrid("2026-03-07T17:00")))
        .isEqualTo(14_400);
    // arriving in the midday gap counts from 16:00: 16:00-16:20 = 1,200 s
    assertThat(SUPPORT.businessSeconds(madrid("2026-03-07T14:30"), madrid("2026-03-07T16:20")))
        .isEqualTo(1_200);
    assertThat(SUPPORT.businessSeconds(madrid("2026-03-07T14:00"), madrid("2026-03-07T16:00")))
        .isZero();
    assertThat(SUPPORT.maxWindowsPerDay()).isEqualTo(2);
  }

  @Test
  void on_the_spring_forward_day_a_window_across_the_change_is_an_hour_shorter() {
    // Europe/Madrid, Sunday 2026-03-29: 02:00 CET (+01:00) jumps to 03:00 CEST (+02:00).
    BusinessCalendar night = calendar("sun", "01:00-04:00");
    // 01:00 CET = 00:00Z, 04:00 CEST = 02:00Z: 2 h = 7,200 s (3 h by the clock's face)
    assertThat(night.businessSeconds(madrid("2026-03-29T00:00"), madrid("2026-03-30T00:00")))
        .isEqualTo(7_200);
    // a week earlier, no change: 3 h = 10,800 s
    assertThat(night.businessSeconds(madrid("2026-03-22T00:00"), madrid("2026-03-23T00:00")))
        .isEqualTo(10_800);
    // 01:30 CET (00:30Z) to 03:30 CEST (01:30Z): 1 h = 3,600 s
    assertThat(
            night.businessSeconds(
                Instant.parse("2026-03-29T00:30:00Z"), Instant.parse("2026-03-29T01:30:00Z")))
        .isEqualTo(3_600);
    // open all day: the day has 23 h = 82,800 s
    BusinessCalendar always = calendar("mon-sun", "00:00-24:00");
    assertThat(always.businessSeconds(madrid("2026-03-29T00:00"), madrid("2026-03-30T00:00")))
        .isEqualTo(82_800);
    // a window inside the skipped hour never opens that day
    BusinessCalendar skipped = calendar("sun", "02:00-02:30, 05:00-06:00");
    // only 05:00-06:00 remains: 3,600 s
    assertThat(skipped.businessSeconds(madrid("2026-03-29T00:00"), madrid("2026-03-30T00:00")))
        .isEqualTo(3_600);
    assertThat(
            skipped
                .days(LocalDate.parse("2026-03-29"), LocalDate.parse("2026-03-29"))
                .get(0)
                .windows())
        .hasSize(1);
    // an ordinary 09:00-18:00 is unaffected by the change at 02:00: Sat 12-18 (6 h) + Sun 9-18 (9
    // h) + Mon 9-12 (3 h)
    // = 18 h = 64,800 s
    BusinessCalendar daily = calendar("mon-sun", "09:00-18:00");
    assertThat(daily.businessSeconds(madrid("2026-03-28T12:00"), madrid("2026-03-30T12:00")))
        .isEqualTo(64_800);
  }

  @Test
  void on_the_fall_back_day_a_window_across_the_change_is_an_hour_longer() {
    // Europe/Madrid, Sunday 2026-10-25: 03:00 CEST (+02:00) falls back to 02:00 CET (+01:00).
    BusinessCalendar night = calendar("sun", "01:00-04:00");
    // 01:00 CEST = 23:00Z on the 24th, 04:00 CET = 03:00Z: 4 h = 14,400 s
    assertThat(night.businessSeconds(madrid("2026-10-25T00:00"), madrid("2026-10-26T00:00")))
        .isEqualTo(14_400);
    // the repeated hour counts once each time it passes: 02:30 CEST (00:30Z) to 02:30 CET (01:30Z)
    // = 3,600 s
    Instant first = OffsetDateTime.parse("2026-10-25T02:30+02:00").toInstant();
    Instant second = OffsetDateTime.parse("2026-10-25T02:30+01:00").toInstant();
    assertThat(night.businessSeconds(first, second)).isEqualTo(3_600);
    // open all day: the day has 25 h = 90,000 s
    BusinessCalendar always = calendar("mon-sun", "00:00-24:00");
    assertThat(always.businessSeconds(madrid("2026-10-25T00:00"), madrid("2026-10-26T00:00")))
        .isEqualTo(90_000);
    // a window that opens in the repeated hour opens at its first occurrence: 02:30 CEST = 00:30Z
    // to 05:00 CET =
    // 04:00Z, 3.5 h = 12,600 s
    BusinessCalendar late = calendar("sun", "02:30-05:00");
    assertThat(late.businessSeconds(madrid("2026-10-25T00:00"), madrid("2026-10-26T00:00")))
        .isEqualTo(12_600);
  }

  @Test
  void days_lists_each_date_with_its_windows_in_epoch_seconds_and_the_business_time_before_it() {
    List<Day> days = SUPPORT.days(LocalDate.parse("2026-03-27"), LocalDate.parse("2026-03-30"));
    assertThat(days)
        .extracting(Day::date)
        .containsExactly(
            LocalDate.parse("2026-03-27"),
            LocalDate.parse("2026-03-28"),
            LocalDate.parse("2026-03-29"),
            LocalDate.parse("2026-03-30"));
    // Friday 09:00-18:00 CET = 08:00Z-17:00Z, nothing before it
    assertThat(days.get(0).cumulativeBefore()).isZero();
    assertThat(days.get(0).windows())
        .containsExactly(
            new double[] {epoch("2026-03-27T08:00:00Z"), epoch("2026-03-27T17:00:00Z")});
    // Saturday: after Friday's 9 h = 32,400 s; 10-14 and 16-18 CET
    assertThat(days.get(1).cumulativeBefore()).isEqualTo(32_400);
    assertThat(days.get(1).windows())
        .containsExactly(
            new double[] {epoch("2026-03-28T09:00:00Z"), epoch("2026-03-28T13:00:00Z")},
            new double[] {epoch("2026-03-28T15:00:00Z"), epoch("2026-03-28T17:00:00Z")});
    // Sunday (closed): 32,400 + 6 h = 54,000 s before it
    assertThat(days.get(2).cumulativeBefore()).isEqualTo(54_000);
    assertThat(days.get(2).windows()).isEmpty();
    // Monday, now in summer time: 09:00-18:00 CEST = 07:00Z-16:00Z
    assertThat(days.get(3).cumulativeBefore()).isEqualTo(54_000);
    assertThat(days.get(3).windows())
        .containsExactly(
            new double[] {epoch("2026-03-30T07:00:00Z"), epoch("2026-03-30T16:00:00Z")});
    // a day covers [startOf(date), startOf(date + 1)): Monday 30 March begins at 00:00 CEST =
    // 22:00Z on the 29th
    assertThat(SUPPORT.startOf(LocalDate.parse("2026-03-30")))
        .isEqualTo(Instant.parse("2026-03-29T22:00:00Z"));
    // the holiday has no windows
    assertThat(
            SUPPORT
                .days(LocalDate.parse("2026-12-25"), LocalDate.parse("2026-12-25"))
                .get(0)
                .windows())
        .isEmpty();
  }

  @Test
  void business_time_from_days_agrees_with_business_seconds_for_random_instants() {
    BusinessCalendar[] calendars = {
      SUPPORT,
      calendar("mon-sun", "00:00-24:00"),
      calendar(
          "sun", "01:00-04:00, 12:00-13:00", "mon-sat", "08:00-12:00, 12:00-16:30, 22:00-24:00"),
      BusinessCalendar.parse(
          "new-york",
          ZoneId.of("America/New_York"),
          hours("mon-fri", "08:30-17:00"),
          Set.of(LocalDate.parse("2026-07-03"))),
    };
    LocalDate first = LocalDate.parse("2026-01-01");
    LocalDate last = LocalDate.parse("2026-12-31");
    Random random = new Random(42);
    for (BusinessCalendar c : calendars) {
      List<Day> days = c.days(first, last);
      long lo = first.atStartOfDay(c.zone()).toEpochSecond();
      long hi = last.plusDays(1).atStartOfDay(c.zone()).toEpochSecond();
      for (int i = 0; i < 2_000; i++) {
        Instant a =
            Instant.ofEpochSecond(
                lo + (long) (random.nextDouble() * (hi - lo)), random.nextInt(1_000_000_000));
        // half the pairs are short (up to 3 days), half span months
        long span =
            i % 2 == 0 ? random.nextInt(3 * 86_400) : (long) (random.nextDouble() * (hi - lo));
        Instant b = a.plusSeconds(span);
        if (b.getEpochSecond() >= hi) {
          b = Instant.ofEpochSecond(hi - 1);
        }
        if (b.isBefore(a)) {
          continue;
        }
        assertThat(businessTime(c, days, first, b) - businessTime(c, days, first, a))
            .as("%s: %s to %s", c.name(), a, b)
            .isCloseTo(c.businessSeconds(a, b), within(1e-5));
      }
    }
  }

  /** B(t) as the SQL engine computes it from {@link BusinessCalendar#days}. */
  private static double businessTime(
      BusinessCalendar c, List<Day> days, LocalDate first, Instant t) {
    Day day = days.get((int) ChronoUnit.DAYS.between(first, LocalDate.ofInstant(t, c.zone())));
    double e = t.getEpochSecond() + t.getNano() / 1e9;
    double sum = day.cumulativeBefore();
    for (double[] w : day.windows()) {
      sum += Math.min(Math.max(e - w[0], 0), w[1] - w[0]);
    }
    return sum;
  }

  @Test
  void day_specifications_take_abbreviations_full_names_ranges_and_lists() {
    assertThat(BusinessCalendar.parseDays("mon-fri"))
        .containsExactly(
            DayOfWeek.MONDAY,
            DayOfWeek.TUESDAY,
            DayOfWeek.WEDNESDAY,
            DayOfWeek.THURSDAY,
            DayOfWeek.FRIDAY);
    assertThat(BusinessCalendar.parseDays("Saturday")).containsExactly(DayOfWeek.SATURDAY);
    assertThat(BusinessCalendar.parseDays("fri-mon"))
        .containsExactly(DayOfWeek.MONDAY, DayOfWeek.FRIDAY, DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
    assertThat(BusinessCalendar.parseDays("mon, wed,fri-sat"))
        .containsExactly(
            DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY, DayOfWeek.FRIDAY, DayOfWeek.SATURDAY);
  }

  @Test
  void a_window_may_close_at_24_00_which_is_the_end_of_the_day() {
    Window w = Window.parse("18:00-24:00");
    assertThat(w.close()).isEqualTo(LocalTime.MIDNIGHT);
    assertThat(w.closesAtEndOfDay()).isTrue();
    assertThat(w.nominalSeconds()).isEqualTo(21_600);
    assertThat(w).hasToString("18:00-24:00");
    // Monday 18:00 to Tuesday 00:00 in Madrid: 6 h = 21,600 s, and nothing after midnight
    BusinessCalendar evening = calendar("mon", "18:00-24:00");
    assertThat(evening.businessSeconds(madrid("2026-03-02T12:00"), madrid("2026-03-03T12:00")))
        .isEqualTo(21_600);
  }

  @Test
  void overlapping_windows_are_refused() {
    assertThatThrownBy(() -> calendar("sat", "10:00-14:00, 13:00-18:00"))
        .isInstanceOf(YardstickException.class)
        .hasMessage(
            "business-hours calendar 'test': on Saturday the windows 10:00-14:00 and 13:00-18:00 overlap;"
                + " give each open time once");
  }

  @Test
  void a_window_closing_before_it_opens_is_refused() {
    assertThatThrownBy(() -> calendar("mon", "18:00-09:00"))
        .isInstanceOf(YardstickException.class)
        .hasMessage(
            "window 18:00-09:00 closes at 09:00, not after it opens at 18:00; a window may not cross midnight"
                + " (use 24:00 for the end of the day and give the rest to the next day)");
    assertThatThrownBy(() -> calendar("mon", "09:00-00:00"))
        .hasMessage("window '09:00-00:00' closes at 00:00; write 24:00 for the end of the day");
    assertThatThrownBy(() -> calendar("mon", "9am-5pm"))
        .hasMessage(
            "'9am' in window '9am-5pm' is not a time; expected HH:MM such as 09:00 (00:00 to 24:00)");
    assertThatThrownBy(() -> calendar("mon", "09:00"))
        .hasMessage(
            "opening hours '09:00' are not a window; expected HH:MM-HH:MM such as 09:00-18:00");
  }

  @Test
  void unknown_day_names_are_refused() {
    assertThatThrownBy(() -> calendar("mon-fry", "09:00-18:00"))
        .isInstanceOf(YardstickException.class)
        .hasMessage(
            "unknown day name 'fry' in 'mon-fry'; expected mon, tue, wed, thu, fri, sat, sun (or the full"
                + " English names), a range such as mon-fri, or a comma-separated list");
  }

  @Test
  void a_day_given_twice_is_refused() {
    assertThatThrownBy(() -> calendar("mon-fri", "09:00-18:00", "fri", "09:00-15:00"))
        .hasMessage(
            "day 'fri' gives the hours of Friday again (already given by 'mon-fri'); name each day once");
  }

  @Test
  void a_calendar_that_never_opens_is_refused() {
    assertThatThrownBy(() -> calendar("mon-sun", "closed"))
        .hasMessage(
            "business-hours calendar 'test' is never open; give at least one day with opening hours, such as"
                + " mon-fri: \"09:00-18:00\"");
  }
}
