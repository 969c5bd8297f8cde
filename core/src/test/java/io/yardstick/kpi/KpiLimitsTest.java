package io.yardstick.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.yardstick.LimitException;
import io.yardstick.demo.ContactCenterSimulation;
import io.yardstick.demo.DemoSettings;
import io.yardstick.settings.Settings;
import io.yardstick.store.Loader;
import io.yardstick.store.Store;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11, finding 1: the engine bounds the work of one question, for the CLI and the API alike.
 */
class KpiLimitsTest {
  private static final ZoneId UTC = ZoneId.of("UTC");
  @TempDir Path dir;
  private Store store;

  @BeforeEach
  void open() {
    store = Store.open(dir.resolve("limits.duckdb").toString());
    try (Loader loader = store.loader()) {
      new ContactCenterSimulation(new DemoSettings(400, 10, 3, LocalDate.of(2026, 6, 30), UTC))
          .run(loader, n -> {});
      loader.commit();
    }
  }

  @AfterEach
  void close() {
    store.close();
  }

  @Test
  void
      an_hourly_series_over_ten_years_is_refused_before_any_sql_naming_the_limit_and_how_to_narrow() {
    KpiQuery q =
        new KpiQuery(
                LocalDate.of(2016, 1, 1), LocalDate.of(2026, 12, 31), UTC, List.of(Kpi.CONTACTS))
            .withGroupBy(List.of(Dimension.of("hour")));
    // 2016-01-01..2026-12-31 is 4,018 days; x 24 = 96,432 hours
    assertThatThrownBy(() -> new KpiEngine(store).compute(q))
        .isInstanceOfSatisfying(LimitException.class, e -> assertThat(e.timedOut()).isFalse())
        .hasMessage(
            "The answer would have more than 10,000 rows (96,432 hour buckets over 4,018 days); 10,000 rows"
                + " per answer is the limit (limits.max_rows in the settings file). Narrow the question: a shorter period,"
                + " a coarser time unit (day, week or month), fewer group-by dimensions, or a filter.");
  }

  @Test
  void a_year_of_hours_fits_the_default_limit() {
    KpiQuery q =
        new KpiQuery(
                LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31), UTC, List.of(Kpi.CONTACTS))
            .withGroupBy(List.of(Dimension.of("hour")));
    assertThat(new KpiEngine(store).compute(q).rows()).hasSize(1 + 365 * 24);
  }

  @Test
  void groups_beyond_the_limit_are_refused_after_reading_no_more_than_the_limit() {
    KpiSettings three = KpiSettings.defaults().withLimits(Limits.defaults().withMaxRows(3));
    KpiQuery q =
        new KpiQuery(
                LocalDate.of(2026, 6, 21), LocalDate.of(2026, 6, 30), UTC, List.of(Kpi.CONTACTS))
            .withGroupBy(List.of(Dimension.of("agent")));
    assertThatThrownBy(() -> new KpiEngine(store, three).compute(q))
        .isInstanceOf(LimitException.class)
        .hasMessageStartingWith(
            "The answer would have more than 3 rows (groups of the group-by); 3 rows per answer"
                + " is the limit (limits.max_rows in the settings file).");
    assertThat(
            new KpiEngine(store, three)
                .compute(q.withGroupBy(List.of(Dimension.of("direction"))))
                .rows())
        .hasSizeLessThanOrEqualTo(4);
  }

  @Test
  void the_limits_come_from_the_settings_file() {
    KpiSettings s =
        Settings.parse(
                """
        limits:
          max_rows: 500
          query_timeout_seconds: 5
          cache_megabytes: 16
          max_body_kilobytes: 256
          max_events_per_batch: 100
          max_concurrent_queries: 2
          queue_wait_seconds: 1
        """,
                "limits.yaml")
            .kpi();
    assertThat(s.limits())
        .isEqualTo(
            new Limits(
                500,
                java.time.Duration.ofSeconds(5),
                16L << 20,
                256L << 10,
                100,
                2,
                java.time.Duration.ofSeconds(1)));
    assertThatThrownBy(() -> Settings.parse("limits: {max_rows: 0}", "bad.yaml").kpi())
        .hasMessage(
            "settings file bad.yaml, line 1, column 20: limits.max_rows: the value 0 is not valid; expected a whole number from 1"
                + " to 10000000");
  }
}
