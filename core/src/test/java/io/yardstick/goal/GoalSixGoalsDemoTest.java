package io.yardstick.goal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.yardstick.demo.ContactCenterSimulation;
import io.yardstick.demo.DemoSettings;
import io.yardstick.kpi.Filter;
import io.yardstick.kpi.Kpi;
import io.yardstick.kpi.KpiEngine;
import io.yardstick.kpi.KpiQuery;
import io.yardstick.store.Loader;
import io.yardstick.store.Store;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The six goals of issue 5 on a demo store (seed 42, 60,000 contacts over the year ending
 * 2026-11-24, Madrid), tracked on 2026-11-25: each goal's baseline, target and current value are
 * the KPI engine's figures for the same segment and periods, and the target follows from the
 * baseline as the goal says.
 */
class GoalSixGoalsDemoTest {
  static final ZoneId MADRID = ZoneId.of("Europe/Madrid");
  static final LocalDate LAST_DAY = LocalDate.parse("2026-11-24");
  static final Clock TODAY =
      Clock.fixed(LocalDateTime.parse("2026-11-25T09:00").atZone(MADRID).toInstant(), MADRID);

  static Path dir;
  static Store store;
  static KpiEngine engine;
  static GoalTracker tracker;

  @BeforeAll
  static void demo() throws Exception {
    dir = Files.createTempDirectory("goals-demo");
    store = Store.open(dir.resolve("demo.duckdb").toString());
    try (Loader loader = store.loader()) {
      new ContactCenterSimulation(new DemoSettings(60_000, 365, 42, LAST_DAY, MADRID))
          .run(loader, n -> {});
      loader.commit();
    }
    engine = new KpiEngine(store);
    tracker = new GoalTracker(engine, TODAY);
  }

  @AfterAll
  static void close() throws Exception {
    store.close();
    try (var files = Files.walk(dir)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  static Double kpi(Kpi kpi, List<String> where, LocalDate from, LocalDate to) {
    Number v =
        engine
            .compute(
                KpiQuery.of(from, to, MADRID)
                    .withKpis(List.of(kpi))
                    .withFilters(where.stream().map(Filter::parse).toList()))
            .overall()
            .value(kpi);
    return v == null ? null : v.doubleValue();
  }

  static LocalDate d(String s) {
    return LocalDate.parse(s);
  }

  /** Tracks a goal and checks its figures against the engine; prints them for the record. */
  static GoalProgress tracked(Goal goal, LocalDate baselineFrom, LocalDate baselineTo) {
    GoalProgress p = tracker.track(goal);
    Double baseline =
        goal.baseline() != null
            ? goal.baseline()
            : kpi(goal.kpi(), goal.where(), baselineFrom, baselineTo);
    LocalDate measuredTo = goal.deadline().isBefore(LAST_DAY) ? goal.deadline() : LAST_DAY;
    assertThat(p.measuredTo()).isEqualTo(measuredTo);
    assertThat(p.baseline()).isEqualTo(baseline);
    assertThat(p.current()).isEqualTo(kpi(goal.kpi(), goal.where(), goal.start(), measuredTo));
    System.out.printf(
        java.util.Locale.ROOT,
        "goal %-60s baseline %s target %s current %s progress %s projected %s"
            + " status %s realism %s%n",
        goal.name(),
        r(p.baseline()),
        r(p.target()),
        r(p.current()),
        r(p.progress()),
        r(p.projected()),
        p.status().label(),
        p.realism().verdict().label());
    p.realism().explanation().forEach(s -> System.out.println("    " + s));
    return p;
  }

  static String r(Double v) {
    return v == null ? "null" : String.format(java.util.Locale.ROOT, "%.2f", v);
  }

  @Test
  void
      goal_1_raise_csat_among_customers_aged_55_to_70_by_25_percent_by_the_end_of_the_fiscal_year() {
    LocalDate start = d("2026-07-01");
    LocalDate by =
        GoalDates.deadline(
            "end-of-fiscal-year", start, GoalSettings.defaults().fiscalYearStartMonth());
    assertThat(by).isEqualTo("2026-12-31");
    Goal g =
        Goal.builder(Kpi.CSAT, start, by, MADRID)
            .where("age=55..70")
            .target(Target.change(25))
            .build();
    // 184 days: the baseline period is the 184 days before, 2025-12-29..2026-06-30
    GoalProgress p = tracked(g, d("2025-12-29"), d("2026-06-30"));
    assertThat(p.target()).isCloseTo(p.baseline() * 1.25, within(1e-9));
    assertThat(p.history())
        .hasSize(22); // ISO weeks 2026-W27 (from Wed 1 July) to 2026-W48 (to Tue 24 Nov)
    assertThat(p.status()).isIn(GoalStatus.ON_TRACK, GoalStatus.AT_RISK, GoalStatus.OFF_TRACK);
  }

  @Test
  void goal_2_cut_the_average_handle_time_of_login_problems_by_10_percent_by_20_november() {
    LocalDate start = d("2026-09-01");
    Goal g =
        Goal.builder(Kpi.AHT, start, GoalDates.deadline("11-20", start, 1), MADRID)
            .where("topic=login")
            .target(Target.change(-10))
            .build();
    // 81 days: 2026-06-12..2026-08-31
    GoalProgress p = tracked(g, d("2026-06-12"), d("2026-08-31"));
    assertThat(p.target()).isCloseTo(p.baseline() * 0.9, within(1e-9));
    assertThat(p.status()).isIn(GoalStatus.ACHIEVED, GoalStatus.MISSED); // the deadline has passed
  }

  @Test
  void
      goal_3_cut_the_average_response_time_to_blog_comments_by_5_percent_by_the_start_of_next_quarter() {
    LocalDate start = d("2026-10-01");
    LocalDate by = GoalDates.deadline("start-of-next-quarter", start, 1);
    assertThat(by).isEqualTo("2026-12-31");
    Goal g =
        Goal.builder(Kpi.FRT_AVG, start, by, MADRID)
            .where("channel=social", "queue=blog")
            .target(Target.change(-5))
            .build();
    // 92 days: 2026-07-01..2026-09-30
    GoalProgress p = tracked(g, d("2026-07-01"), d("2026-09-30"));
    assertThat(p.baseline()).isNotNull();
    assertThat(p.target()).isCloseTo(p.baseline() * 0.95, within(1e-9));
  }

  @Test
  void goal_3_on_a_queue_the_data_does_not_have_is_still_tracked_with_null_values() {
    Goal g =
        Goal.builder(Kpi.FRT_AVG, d("2026-10-01"), d("2026-12-31"), MADRID)
            .where("channel=social", "queue=vlog")
            .target(Target.change(-5))
            .build();
    GoalProgress p = tracker.track(g);
    assertThat(p.baseline()).isNull();
    assertThat(p.target()).isNull();
    assertThat(p.current()).isNull();
    assertThat(p.history()).allSatisfy(w -> assertThat(w.value()).isNull());
    assertThat(p.status()).isEqualTo(GoalStatus.NO_DATA);
  }

  @Test
  void goal_4_raise_customer_retention_from_85_to_90_percent_by_31_december() {
    LocalDate start = d("2026-07-01");
    Goal g =
        Goal.builder(Kpi.RETENTION_RATE, start, GoalDates.deadline("12-31", start, 1), MADRID)
            .baseline(85.0)
            .target(Target.absolute(90))
            .build();
    GoalProgress p = tracked(g, null, null);
    assertThat(p.baseline()).isEqualTo(85.0);
    assertThat(p.target()).isEqualTo(90.0);
    // retention depends on the period's length: the history is cumulative from the start, its last
    // point the current
    assertThat(p.history().getLast().value()).isEqualTo(p.current());
    assertThat(p.history().getFirst().value())
        .isEqualTo(kpi(Kpi.RETENTION_RATE, List.of(), start, d("2026-07-05")));
  }

  @Test
  void goal_5_raise_fcr_by_18_percent_within_the_next_two_months_for_customers_with_buffering() {
    LocalDate start = d("2026-10-01");
    LocalDate by = GoalDates.deadline("+2m", start, 1);
    assertThat(by).isEqualTo("2026-11-30");
    Goal g =
        Goal.builder(Kpi.FCR, start, by, MADRID)
            .where("topic=buffering")
            .target(Target.change(18))
            .build();
    // 61 days: 2026-08-01..2026-09-30
    GoalProgress p = tracked(g, d("2026-08-01"), d("2026-09-30"));
    assertThat(p.target()).isCloseTo(p.baseline() * 1.18, within(1e-9));
  }

  @Test
  void goal_6_cut_the_customer_effort_score_of_product_returns_by_20_percent_by_8_june() {
    LocalDate start = d("2026-03-09");
    Goal g =
        Goal.builder(Kpi.CES, start, GoalDates.deadline("06-08", start, 1), MADRID)
            .where("topic=returns")
            .target(Target.change(-20))
            .build();
    // 2026-03-09..2026-06-08 is 92 days: 2025-12-07..2026-03-08
    GoalProgress p = tracked(g, d("2025-12-07"), d("2026-03-08"));
    assertThat(p.target()).isCloseTo(p.baseline() * 0.8, within(1e-9));
    assertThat(p.measuredTo()).isEqualTo("2026-06-08");
    assertThat(p.status()).isIn(GoalStatus.ACHIEVED, GoalStatus.MISSED);
  }
}
