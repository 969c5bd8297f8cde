package io.yardstick.goal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.yardstick.goal.internal.TheilSen;
import io.yardstick.kpi.Kpi;
import io.yardstick.kpi.KpiEngine;
import io.yardstick.model.Contact;
import io.yardstick.model.RecordType;
import io.yardstick.store.Loader;
import io.yardstick.store.Store;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tracking arithmetic on a hand-made store: one answered call a week with handle times 300,
 * 290, 280 and 270 s in the four ISO weeks of 2026-03-02..2026-03-29 (Madrid), and an AHT goal over
 * exactly those four weeks with a given baseline of 300 s.
 */
class GoalTrackingArithmeticTest {
  static final ZoneId MADRID = ZoneId.of("Europe/Madrid");
  static final LocalDate START = LocalDate.parse("2026-03-02");
  static final LocalDate DEADLINE = LocalDate.parse("2026-03-29");

  @TempDir Path dir;
  Store store;

  @BeforeEach
  void load() {
    store = Store.open(dir.resolve("goals.duckdb").toString());
    try (Loader loader = store.loader()) {
      var sink = loader.sink(RecordType.CONTACTS);
      double[] handle = {300, 290, 280, 270};
      for (int w = 0; w < 4; w++) {
        // Wednesday of each week, 10:00 local: talk = handle time - 20 s, wrap 20 s
        var arrived =
            LocalDateTime.of(START.plusDays(7L * w + 2), java.time.LocalTime.of(10, 0))
                .atZone(MADRID)
                .toInstant();
        sink.accept(
            w + 1,
            Contact.builder("c" + w, "phone", arrived)
                .topic("login")
                .answeredAt(arrived.plusSeconds(5))
                .talkSeconds(handle[w] - 20)
                .wrapSeconds(20.0)
                .build()
                .toRow());
      }
      loader.commit();
    }
  }

  @AfterEach
  void close() {
    store.close();
  }

  GoalProgress track(Target target, String today) {
    Goal goal =
        Goal.builder(Kpi.AHT, START, DEADLINE, MADRID)
            .where("topic=login")
            .baseline(300.0)
            .target(target)
            .build();
    Clock clock =
        Clock.fixed(LocalDateTime.parse(today + "T09:00").atZone(MADRID).toInstant(), MADRID);
    return new GoalTracker(new KpiEngine(store), clock).track(goal);
  }

  @Test
  void
      a_goal_projected_half_of_the_way_is_at_risk_with_progress_trend_and_projection_computed_by_hand() {
    // today 2026-03-23: measured 03-02..03-22, weeks 1-3 (300, 290, 280); target 300 x (1 - 10%) =
    // 270
    GoalProgress p = track(Target.change(-10), "2026-03-23");

    assertThat(p.measuredTo()).isEqualTo(LocalDate.parse("2026-03-22"));
    assertThat(p.target()).isCloseTo(270.0, within(1e-9));
    // current = (300 + 290 + 280) / 3 = 290; progress = (290 - 300) / (270 - 300) = 33.3%
    assertThat(p.current()).isCloseTo(290.0, within(1e-9));
    assertThat(p.progress()).isCloseTo(100.0 / 3, within(1e-9));
    // 21 of 28 days measured
    assertThat(p.timeElapsed()).isCloseTo(75.0, within(1e-9));
    assertThat(p.history())
        .extracting(GoalProgress.WeekValue::week, GoalProgress.WeekValue::value)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("2026-W10", 300.0),
            org.assertj.core.groups.Tuple.tuple("2026-W11", 290.0),
            org.assertj.core.groups.Tuple.tuple("2026-W12", 280.0));
    // points at each week's middle day (days from the start): (3, 300), (10, 290), (17, 280): every
    // pair's slope is
    // -10/7 per day, so -10 per week; intercept = median(300 + 30/7, ...) = 304.2857; the week
    // ending on the
    // deadline (days 21..27) has its middle at day 24: 304.2857 - 24 x 10/7 = 270
    assertThat(p.trend().method()).isEqualTo("Theil-Sen");
    assertThat(p.trend().slopePerWeek()).isCloseTo(-10.0, within(1e-9));
    assertThat(p.trend().atDeadline()).isCloseTo(270.0, within(1e-9));
    assertThat(p.trend().weeks()).isEqualTo(3);
    // projection: 21 days at 290, the 7 days left at the line's mean over days 21..27 (its value at
    // day 24, 270):
    // (290 x 21 + 270 x 7) / 28 = 7980 / 28 = 285; projected progress (285 - 300) / (270 - 300) =
    // 50%
    assertThat(p.projected()).isCloseTo(285.0, within(1e-9));
    assertThat(p.projectedProgress()).isCloseTo(50.0, within(1e-9));
    assertThat(p.status()).isEqualTo(GoalStatus.AT_RISK);
  }

  @Test
  void the_status_follows_where_the_projection_and_the_current_value_stand_against_the_target() {
    // same figures: current 290, projected 285
    assertThat(track(Target.change(-3), "2026-03-23").status())
        .isEqualTo(GoalStatus.ACHIEVED); // 291: 290 meets
    assertThat(track(Target.change(-5), "2026-03-23").status())
        .isEqualTo(GoalStatus.ON_TRACK); // 285: projected
    // 240: projected progress (285 - 300) / (240 - 300) = 25% < 50%
    GoalProgress off = track(Target.change(-20), "2026-03-23");
    assertThat(off.projectedProgress()).isCloseTo(25.0, within(1e-9));
    assertThat(off.status()).isEqualTo(GoalStatus.OFF_TRACK);
    // an absolute target works the same: 270 s
    assertThat(track(Target.absolute(270), "2026-03-23").status()).isEqualTo(GoalStatus.AT_RISK);
  }

  @Test
  void after_the_deadline_the_whole_period_decides_between_achieved_and_missed() {
    // today 2026-03-30: measured 03-02..03-29, current (300 + 290 + 280 + 270) / 4 = 285
    GoalProgress missed = track(Target.change(-10), "2026-03-30");
    assertThat(missed.measuredTo()).isEqualTo(DEADLINE);
    assertThat(missed.current()).isCloseTo(285.0, within(1e-9));
    assertThat(missed.projected()).isCloseTo(285.0, within(1e-9));
    assertThat(missed.status()).isEqualTo(GoalStatus.MISSED);
    // later days change nothing: the measure stops at the deadline
    assertThat(track(Target.change(-10), "2026-06-01").current()).isCloseTo(285.0, within(1e-9));
    assertThat(track(Target.change(-5), "2026-03-30").status()).isEqualTo(GoalStatus.ACHIEVED);
  }

  @Test
  void
      with_fewer_than_three_weekly_values_there_is_no_trend_and_the_projection_is_the_current_value() {
    // today 2026-03-16: weeks 1-2, current (300 + 290) / 2 = 295
    GoalProgress p = track(Target.change(-10), "2026-03-16");
    assertThat(p.trend()).isNull();
    assertThat(p.current()).isCloseTo(295.0, within(1e-9));
    assertThat(p.projected()).isCloseTo(295.0, within(1e-9));
    // (295 - 300) / (270 - 300) = 16.7%: off track
    assertThat(p.status()).isEqualTo(GoalStatus.OFF_TRACK);
  }

  @Test
  void a_goal_whose_first_day_is_not_over_has_not_started() {
    GoalProgress p = track(Target.change(-10), "2026-03-02");
    assertThat(p.status()).isEqualTo(GoalStatus.NOT_STARTED);
    assertThat(p.current()).isNull();
    assertThat(p.history()).isEmpty();
  }

  @Test
  void a_segment_without_data_gives_null_values_and_no_data() {
    Goal goal =
        Goal.builder(Kpi.AHT, START, DEADLINE, MADRID)
            .where("topic=billing")
            .target(Target.change(-10))
            .build();
    Clock clock =
        Clock.fixed(LocalDateTime.parse("2026-03-23T09:00").atZone(MADRID).toInstant(), MADRID);
    GoalProgress p = new GoalTracker(new KpiEngine(store), clock).track(goal);
    assertThat(p.baseline()).isNull();
    assertThat(p.target()).isNull();
    assertThat(p.current()).isNull();
    assertThat(p.progress()).isNull();
    assertThat(p.status()).isEqualTo(GoalStatus.NO_DATA);
    assertThat(p.realism().verdict()).isEqualTo(Realism.Verdict.UNKNOWN);
    assertThat(p.realism().reasons())
        .extracting(Realism.Reason::code)
        .containsExactly("no_baseline");
  }

  @Test
  void theil_sen_ignores_one_wild_point_in_five() {
    // y = x + 1 except (4, 100): six pair slopes of 1 and four of 24.75..96, median of the ten = 1;
    // intercepts y - x = 1, 1, 1, 1, 96: median 1
    TheilSen.Line line = TheilSen.fit(new double[] {0, 1, 2, 3, 4}, new double[] {1, 2, 3, 4, 100});
    assertThat(line.slope()).isEqualTo(1.0);
    assertThat(line.intercept()).isEqualTo(1.0);
    assertThat(TheilSen.fit(new double[] {2, 2}, new double[] {1, 5})).isNull();
  }

  @Test
  void goals_refuse_a_change_against_the_kpi_direction_and_a_deadline_before_the_start() {
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> Goal.builder(Kpi.CSAT, START, DEADLINE, MADRID).target(Target.change(-5)).build())
        .hasMessage(
            "The goal moves Customer satisfaction (CSAT) -5%, but higher is better for this KPI; a goal"
                + " must improve it.");
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> Goal.builder(Kpi.CSAT, DEADLINE, START, MADRID).target(Target.change(5)).build())
        .hasMessage(
            "The deadline 2026-03-02 is before the goal starts (2026-03-29); give a deadline ('by') on or after the start"
                + " ('from').");
    assertThat(
            Goal.builder(Kpi.AHT, START, DEADLINE, MADRID)
                .where("topic=login")
                .target(Target.change(-10))
                .build()
                .name())
        .isEqualTo("Average handle time [topic=login] -10% by 2026-03-29");
    assertThat(
            List.of(
                Target.parseChange("+25%"), Target.parseChange("-10 %"), Target.parseChange("18")))
        .containsExactly(Target.change(25), Target.change(-10), Target.change(18));
  }

  @Test
  void realism_gives_each_sentence_as_a_code_with_its_figures_for_pages_in_other_languages() {
    // baseline 300 given, target 300 x (1 - 10%) = 270: the goal asks -30 s (-10%); nothing before
    // 2026-03-02 to
    // compare with, and no measured baseline to set beside the given one (no data in February)
    Realism r = track(Target.change(-10), "2026-03-23").realism();
    assertThat(r.reasons())
        .extracting(Realism.Reason::code)
        .containsExactly("asks", "too_little_history");
    assertThat(r.reasons()).hasSameSizeAs(r.explanation());
    assertThat(r.reasons().get(0).values())
        .containsEntry("required_change", -30.0)
        .containsEntry("baseline", 300.0)
        .containsEntry("target", 270.0);
    assertThat((Double) r.reasons().get(0).values().get("required_change_percent"))
        .isCloseTo(-10.0, within(1e-9));
    assertThat(r.reasons().get(1).values()).containsEntry("start", "2026-03-02");
    assertThat(r.explanation().get(0))
        .isEqualTo("The goal asks -30 s (-10.0%): from 5 min 0 s to 4 min 30 s.");
  }

  @Test
  void realism_speaks_of_durations_as_people_do() {
    // 435.7 s is 7 min 16 s, -26.6 s is -27 s (whole seconds from 10 s); percentages keep one
    // decimal and their unit; changes of percentages are points.
    assertThat(GoalTracker.fmt(435.7, GoalTracker.unit(io.yardstick.kpi.Kpi.AHT)))
        .isEqualTo("7 min 16 s");
    assertThat(
            GoalTracker.signed(-26.6, GoalTracker.pp(GoalTracker.unit(io.yardstick.kpi.Kpi.AHT))))
        .isEqualTo("-27 s");
    assertThat(GoalTracker.fmt(72.14, GoalTracker.unit(io.yardstick.kpi.Kpi.CSAT)))
        .isEqualTo("72.1%");
    assertThat(GoalTracker.signed(2.5, GoalTracker.pp(GoalTracker.unit(io.yardstick.kpi.Kpi.CSAT))))
        .isEqualTo("+2.5 pp");
  }
}
