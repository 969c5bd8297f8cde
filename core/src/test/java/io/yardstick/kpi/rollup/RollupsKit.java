package io.yardstick.kpi.rollup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.yardstick.ingest.ImportSource;
import io.yardstick.kpi.Dimension;
import io.yardstick.kpi.Filter;
import io.yardstick.kpi.Kpi;
import io.yardstick.kpi.KpiEngine;
import io.yardstick.kpi.KpiQuery;
import io.yardstick.kpi.KpiResult;
import io.yardstick.kpi.KpiSettings;
import io.yardstick.kpi.reference.RandomContactCenter;
import io.yardstick.model.RecordType;
import io.yardstick.store.Store;
import io.yardstick.store.StoreKit;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14's equality test: every KPI of the catalog, in every slice, in zones with half- and
 * quarter-hour offsets and across daylight-saving changes, is the same from the rollups as from the
 * scan (1e-9 relative, counts exactly), on a seeded, awkward contact center ({@link
 * RandomContactCenter}: mixed offsets, DST days, short abandons, multi-contact cases) and after
 * every kind of change; and a drifted rollup part is caught. The hand-computed fixtures of {@code
 * KpiFixtureKit} run through the rollups too (the engine answers from them whenever it can).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class RollupsKit extends StoreKit {
  static final List<ZoneId> ZONES =
      List.of(
          ZoneId.of("UTC"),
          ZoneId.of("Asia/Kolkata"),
          ZoneId.of("Asia/Kathmandu"),
          ZoneId.of("America/St_Johns"),
          ZoneId.of("Europe/Madrid"),
          ZoneId.of("America/New_York"));

  /**
   * The definitions, with a query timeout for a busy machine: the scans this kit compares with run
   * hundreds of times (hourly agent time over 70 days on PostgreSQL is the slowest).
   */
  static final List<ZoneId> KEPT_ZONES =
      ZONES.stream().filter(z -> !z.getId().equals("America/New_York")).toList();

  static final KpiSettings SETTINGS =
      KpiSettings.defaults()
          .withLimits(KpiSettings.defaults().limits().withQueryTimeout(Duration.ofMinutes(10)));

  @TempDir static Path dir;
  private Store store;
  private KpiEngine engine;

  @BeforeAll
  void generateAndLoad() throws Exception {
    RandomContactCenter.DataFiles files = RandomContactCenter.write(dir, 20261206L, 1500);
    store = newStore();
    store.importFile(RecordType.CONTACTS, ImportSource.of(files.contacts().toString()), b -> {});
    store.importFile(RecordType.SURVEYS, ImportSource.of(files.surveys().toString()), b -> {});
    store.importFile(
        RecordType.AGENT_STATES, ImportSource.of(files.agentStates().toString()), b -> {});
    store.importFile(RecordType.CUSTOMERS, ImportSource.of(files.customers().toString()), b -> {});
    // Every zone keeps its days, weeks and months but New York's: its questions read the
    // histograms, and both paths are compared with the scan.
    Rollups.keepZones(store, KEPT_ZONES, Rollups.BuildProgress.NONE);
    Rollups.ensureBuilt(store, Rollups.BuildProgress.NONE);
    engine = new KpiEngine(store, SETTINGS);
  }

  @AfterAll
  void closeStore() {
    if (store != null) store.close();
  }

  @Test
  void every_kpi_in_every_slice_and_zone_is_the_same_from_the_rollups_and_the_scan() {
    List<String> differences = new ArrayList<>();
    for (ZoneId zone : ZONES) {
      // The whole data, and the days around the spring changes of America (03-08) and Europe
      // (03-29).
      differences.addAll(
          RollupCheck.verify(
              engine, RandomContactCenter.FIRST_DAY, RandomContactCenter.LAST_DAY, zone));
      differences.addAll(
          RollupCheck.verify(engine, LocalDate.of(2026, 3, 7), LocalDate.of(2026, 3, 9), zone));
      differences.addAll(
          RollupCheck.verify(engine, LocalDate.of(2026, 3, 28), LocalDate.of(2026, 3, 30), zone));
      for (String unit : List.of("week", "month")) {
        differences.addAll(
            RollupCheck.compare(
                engine,
                KpiQuery.of(RandomContactCenter.FIRST_DAY, RandomContactCenter.LAST_DAY, zone)
                    .withGroupBy(List.of(Dimension.of(unit))),
                1e-9));
      }
    }
    assertThat(differences).isEmpty();
  }

  @Test
  void filtered_and_two_dimension_questions_are_the_same_from_the_rollups_and_the_scan() {
    ZoneId madrid = ZoneId.of("Europe/Madrid");
    KpiQuery all = KpiQuery.of(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 4, 15), madrid);
    List<KpiQuery> questions =
        List.of(
            all.withFilters(List.of(Filter.parse("channel=phone,chat")))
                .withGroupBy(List.of(Dimension.of("queue"))),
            all.withFilters(List.of(Filter.parse("queue=billing")))
                .withGroupBy(List.of(Dimension.of("agent"), Dimension.of("week"))),
            all.withGroupBy(List.of(Dimension.of("team"), Dimension.of("topic"))),
            all.withFilters(List.of(Filter.parse("agent=a1,a2,a3")))
                .withGroupBy(List.of(Dimension.of("day"))),
            all.withComparePrevious(true).withGroupBy(List.of(Dimension.of("channel"))));
    List<String> differences = new ArrayList<>();
    for (KpiQuery q : questions) differences.addAll(RollupCheck.compare(engine, q, 1e-9));
    assertThat(differences).isEmpty();
  }

  @Test
  void the_answer_says_which_path_gave_it() {
    ZoneId zone = ZoneId.of("Asia/Kathmandu");
    KpiQuery q =
        KpiQuery.of(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31), zone)
            .withKpis(List.of(Kpi.CONTACTS, Kpi.SERVICE_LEVEL, Kpi.FRT_MEDIAN, Kpi.OCCUPANCY))
            .withGroupBy(List.of(Dimension.of("day")));
    assertThat(engine.compute(q).answeredFrom()).isEqualTo(KpiResult.ROLLUPS);
    assertThat(engine.scanOnly().compute(q).answeredFrom()).isEqualTo(KpiResult.SCAN);
    // A customer attribute is not in the rollups: the scan answers, and the answer says so.
    KpiQuery byAttribute = q.withFilters(List.of(Filter.parse("tier=gold")));
    assertThat(engine.compute(byAttribute).answeredFrom()).isEqualTo(KpiResult.SCAN);
    // Occupancy by team reads agent time by team, which only the scan knows: the rest comes from
    // the rollups.
    assertThat(engine.compute(q.withGroupBy(List.of(Dimension.of("team")))).answeredFrom())
        .isEqualTo(KpiResult.MIXED);
    // No set holds two dimensions: the scan answers. A percentile by queue has no histogram: the
    // count comes from the rollups, the median from a narrow scan.
    assertThat(
            engine
                .compute(
                    q.withKpis(List.of(Kpi.CONTACTS))
                        .withGroupBy(List.of(Dimension.of("channel"), Dimension.of("queue"))))
                .answeredFrom())
        .isEqualTo(KpiResult.SCAN);
    KpiQuery medianByQueue =
        q.withKpis(List.of(Kpi.CONTACTS, Kpi.FRT_MEDIAN))
            .withGroupBy(List.of(Dimension.of("queue")));
    assertThat(engine.compute(medianByQueue).answeredFrom()).isEqualTo(KpiResult.MIXED);
    assertThat(RollupCheck.compare(engine, medianByQueue, 1e-9)).isEmpty();
    // A filter's values are looked up in the rollups' rows of its dimension: a stored one warns of
    // nothing, an unknown one is named.
    assertThat(engine.compute(q.withFilters(List.of(Filter.parse("channel=phone")))).warnings())
        .isEmpty();
    assertThat(engine.compute(q.withFilters(List.of(Filter.parse("channel=fone")))).warnings())
        .singleElement()
        .asString()
        .contains("'fone'")
        .contains("did you mean phone");
    // Other thresholds than the rollups were built with: those parts are the scan's.
    KpiSettings d = KpiSettings.defaults();
    KpiSettings other =
        new KpiSettings(
            d.shortAbandonSeconds(),
            45,
            Map.of(),
            d.serviceLevelFormula(),
            d.waitLimitSeconds(),
            d.fcrDenominator(),
            d.cesMode(),
            Map.of(),
            d.benchmarks());
    KpiEngine strict = new KpiEngine(store, other);
    assertThat(strict.compute(q).answeredFrom()).isEqualTo(KpiResult.MIXED);
    assertThat(RollupCheck.compare(strict, q, 1e-9)).isEmpty();
    assertThat(KpiResult.class).isNotNull();
  }

  @Test
  void a_drifted_rollup_part_is_caught_and_a_rebuild_mends_it() {
    ZoneId zone = ZoneId.of("America/St_Johns");
    LocalDate from = RandomContactCenter.FIRST_DAY;
    LocalDate to = RandomContactCenter.LAST_DAY;
    try {
      // One answered inbound contact more in one bucket of the overall rows.
      store.update(
          "UPDATE rollup_contacts SET answered_in = answered_in + 1 WHERE gset = 0 AND bucket ="
              + " (SELECT MIN(bucket) FROM rollup_contacts WHERE gset = 0 AND answered_in > 0 AND"
              + " bucket >= "
              + Instant.parse("2026-03-10T00:00:00Z").getEpochSecond()
              + ")");
      List<String> differences = RollupCheck.verify(engine, from, to, zone);
      assertThat(differences).isNotEmpty();
      assertThat(differences.get(0)).contains("from the rollups").contains("from the scan");
      assertThat(String.join("\n", differences)).contains("abandonment_rate overall");
    } finally {
      Rollups.rebuild(store, KpiSettings.defaults(), Rollups.BuildProgress.NONE);
    }
    assertThat(RollupCheck.verify(engine, from, to, zone)).isEmpty();
  }

  @Test
  void questions_by_day_in_a_kept_zone_read_the_kept_percentiles_and_a_drifted_one_is_caught() {
    ZoneId zone = ZoneId.of("Asia/Kathmandu");
    LocalDate from = RandomContactCenter.FIRST_DAY;
    LocalDate to = RandomContactCenter.LAST_DAY;
    // Kept: every whole day, week and month of the five zones, for both measures.
    assertThat(
            ((Number)
                    store.query(
                            "SELECT COUNT(*) FROM rollup_spans WHERE measure = 'frt' AND e - s ="
                                + " 86400")
                        .get(0)[0])
                .longValue())
        .isGreaterThan(100);
    assertThat(Rollups.keptZones(store)).containsExactlyInAnyOrderElementsOf(KEPT_ZONES);
    try {
      // One kept median of one Kathmandu day moves: only the question by day sees it (the
      // histograms still hold the right values), so the answer by day came from the kept row.
      long day = LocalDate.of(2026, 3, 10).atStartOfDay(zone).toEpochSecond();
      store.update(
          "UPDATE rollup_span_values SET p50 = p50 + 1 WHERE measure = 'frt' AND gset = 0 AND s = "
              + day
              + " AND e = "
              + (day + 86400));
      List<String> differences = RollupCheck.verify(engine, from, to, zone);
      assertThat(differences)
          .singleElement()
          .asString()
          .startsWith("frt_median {day=2026-03-10}, by day ");
    } finally {
      Rollups.rebuild(store, KpiSettings.defaults(), Rollups.BuildProgress.NONE);
    }
    assertThat(RollupCheck.verify(engine, from, to, zone)).isEmpty();
  }

  @Test
  void a_total_over_whole_kept_months_merges_their_histograms_and_a_drifted_one_is_caught() {
    ZoneId zone = ZoneId.of("Asia/Kolkata");
    // March 2026: a kept month of each kept zone, inside the period; the period's other days
    // come from the buckets.
    KpiQuery q =
        KpiQuery.of(LocalDate.of(2026, 2, 20), LocalDate.of(2026, 4, 10), zone)
            .withKpis(List.of(Kpi.FRT_MEDIAN, Kpi.FRT_P90, Kpi.RESOLUTION_TIME_MEDIAN));
    assertThat(RollupCheck.compare(engine, q, 1e-9)).isEmpty();
    assertThat(RollupCheck.compare(engine, q.withGroupBy(List.of(Dimension.of("channel"))), 1e-9))
        .isEmpty();
    assertThat(
            RollupCheck.compare(
                engine,
                q.withFilters(List.of(Filter.parse("channel=phone,chat")))
                    .withGroupBy(List.of(Dimension.of("channel"))),
                1e-9))
        .isEmpty();
    try {
      // The slowest FRT of every kept month counted 10,000 times more: only a question that merges
      // a month's histogram sees it (five zones keep their months; the total merges the earliest
      // March that fits, Kathmandu's, then the buckets of the rest).
      store.update(
          "UPDATE rollup_span_histograms SET n = n + 10000 WHERE measure = 'frt' AND gset = 0 AND"
              + " value = (SELECT MAX(h.value) FROM rollup_span_histograms h WHERE h.measure ="
              + " 'frt' AND h.gset = 0 AND h.s = rollup_span_histograms.s)");
      assertThat(RollupCheck.compare(engine, q, 1e-9))
          .anyMatch(d -> d.startsWith("frt_median overall, overall 2026-02-20..2026-04-10"));
    } finally {
      Rollups.rebuild(store, KpiSettings.defaults(), Rollups.BuildProgress.NONE);
    }
    assertThat(RollupCheck.compare(engine, q, 1e-9)).isEmpty();
  }

  @Test
  void a_build_stopped_between_parts_leaves_every_answer_right_and_the_next_build_finishes_it() {
    KpiQuery q =
        KpiQuery.of(RandomContactCenter.FIRST_DAY, RandomContactCenter.LAST_DAY, ZoneId.of("UTC"))
            .withGroupBy(List.of(Dimension.of("day")))
            .withKpis(List.of(Kpi.CONTACTS, Kpi.ABANDONMENT_RATE, Kpi.FRT_MEDIAN));
    try {
      // Stopped in the second of 4 parts (step 15 of 42), as a killed process would be.
      assertThatThrownBy(
              () ->
                  Rollups.rebuild(
                      store,
                      KpiSettings.defaults(),
                      (step, of, what) -> {
                        if (step == 15) throw new IllegalStateException("stopped");
                      },
                      400))
          .hasMessage("stopped");
      // DuckDB committed the first part, and keeps the rollups off until the last: every question
      // scans. PostgreSQL's one transaction rolled back: the rollups as they were.
      boolean built = Rollups.built(store);
      assertThat(built).isEqualTo(store.dialect() != Store.Dialect.DUCKDB);
      assertThat(engine.compute(q).answeredFrom())
          .isEqualTo(built ? KpiResult.ROLLUPS : KpiResult.SCAN);
      assertThat(RollupCheck.compare(engine, q, 1e-9)).isEmpty();
      Rollups.ensureBuilt(store, Rollups.BuildProgress.NONE);
      assertThat(Rollups.built(store)).isTrue();
      assertThat(engine.compute(q).answeredFrom()).isEqualTo(KpiResult.ROLLUPS);
      assertThat(
              RollupCheck.verify(
                  engine,
                  RandomContactCenter.FIRST_DAY,
                  RandomContactCenter.LAST_DAY,
                  ZoneId.of("Asia/Kathmandu")))
          .isEmpty();
    } finally {
      Rollups.rebuild(store, KpiSettings.defaults(), Rollups.BuildProgress.NONE);
    }
  }

  @Test
  void a_build_in_parts_of_a_period_each_equals_the_scan() {
    // 1,500 contacts in parts of 400: 4 parts of whole buckets, each statement once a part.
    List<String> steps = new ArrayList<>();
    try {
      Rollups.rebuild(
          store,
          KpiSettings.defaults(),
          (step, of, what) -> steps.add(what + " (" + step + " of " + of + ")"),
          400);
      assertThat(steps).hasSize(42);
      assertThat(steps.get(0))
          .isEqualTo("contacts: each bucket and combination (part 1 of 4) (1 of 42)");
      // Part by part (on DuckDB each part is committed on its own), then the kept percentiles.
      assertThat(steps.get(9)).isEqualTo("agent time: totals by set (part 1 of 4) (10 of 42)");
      assertThat(steps.get(39)).isEqualTo("agent time: totals by set (part 4 of 4) (40 of 42)");
      assertThat(steps.get(40)).isEqualTo("contacts: " + Rollups.SPANS_STEP + " (41 of 42)");
      assertThat(steps.get(41)).isEqualTo("cases: " + Rollups.SPANS_STEP + " (42 of 42)");
      List<String> differences = new ArrayList<>();
      for (ZoneId zone : List.of(ZoneId.of("America/St_Johns"), ZoneId.of("Asia/Kathmandu"))) {
        differences.addAll(
            RollupCheck.verify(
                engine, RandomContactCenter.FIRST_DAY, RandomContactCenter.LAST_DAY, zone));
      }
      assertThat(differences).isEmpty();
    } finally {
      Rollups.rebuild(store, KpiSettings.defaults(), Rollups.BuildProgress.NONE);
    }
  }

  @Test
  void imports_replacements_and_erasures_keep_the_rollups_equal_to_the_scan() throws Exception {
    try (Store s = newStore()) {
      Rollups.keepZones(
          s, List.of(ZoneId.of("UTC"), ZoneId.of("Asia/Kathmandu")), Rollups.BuildProgress.NONE);
      Rollups.ensureBuilt(s, Rollups.BuildProgress.NONE);
      KpiEngine e = new KpiEngine(s, SETTINGS);
      String header =
          "contact_id,case_id,channel,direction,queue,topic,customer_id,agent_id,team,arrived_at,"
              + "answered_at,first_response_at,abandoned_at,resolved_at,talk_s,hold_s,wrap_s,resolved\n";
      importContacts(
          s,
          header
              + "c1,k1,phone,inbound,billing,bills,u1,a1,red,2026-03-02T09:00:00Z,2026-03-02T09:00:15Z,,,"
              + ",300,20,40,false\n"
              + "c2,,chat,inbound,sales,buy,u2,a2,blue,2026-03-02T09:20:00Z,,,2026-03-02T09:21:00Z,,,,,false\n"
              + "c3,k2,email,inbound,billing,bills,u1,a1,red,2026-03-05T23:50:00Z,,2026-03-06T01:00:00Z,,"
              + "2026-03-06T02:00:00Z,,,,true\n");
      // A bucket no later change touches, drifted on purpose: only touched buckets are recomputed,
      // so it stays drifted.
      s.update(
          "UPDATE rollup_contacts SET n = n + 100 WHERE bucket = "
              + Instant.parse("2026-03-05T23:45:00Z").getEpochSecond());
      String drifted = String.join("\n", check(e));
      assertThat(drifted).contains("contacts overall");
      s.update(
          "UPDATE rollup_contacts SET n = n - 100 WHERE bucket = "
              + Instant.parse("2026-03-05T23:45:00Z").getEpochSecond());
      assertThat(check(e)).isEmpty();
      // c1 moves to another day and channel, a second contact joins case k1 days later (the case
      // resolves), c2 gets a survey.
      importContacts(
          s,
          header
              + "c1,k1,chat,inbound,billing,bills,u1,a1,red,2026-03-03T10:00:00Z,2026-03-03T10:00:05Z,,,"
              + ",100,0,10,false\n"
              + "c4,k1,phone,outbound,billing,bills,u1,a3,red,2026-03-09T08:00:00Z,2026-03-09T08:00:00Z,,,"
              + "2026-03-09T08:30:00Z,60,0,0,true\n");
      Path surveys = dir.resolve("surveys-" + System.nanoTime() + ".csv");
      Files.writeString(
          surveys,
          "survey_id,kind,score,submitted_at,contact_id,customer_id,agent_id\n"
              + "s1,csat,5,2026-03-02T10:00:00Z,c2,u2,\n"
              + "s2,nps,3,2026-03-04T10:00:00Z,c1,u1,\n",
          StandardCharsets.UTF_8);
      s.importFile(RecordType.SURVEYS, ImportSource.of(surveys.toString()), b -> {});
      Path states = dir.resolve("states-" + System.nanoTime() + ".csv");
      Files.writeString(
          states,
          "agent_id,state,started_at,ended_at\n"
              + "a1,available,2026-03-02T08:50:00Z,2026-03-02T11:07:30Z\n"
              + "a1,busy,2026-03-02T11:07:30Z,2026-03-03T00:10:00Z\n",
          StandardCharsets.UTF_8);
      s.importFile(RecordType.AGENT_STATES, ImportSource.of(states.toString()), b -> {});
      assertThat(check(e)).isEmpty();
      // c2 now belongs to another queue: its survey's slice moves with it.
      importContacts(
          s,
          header
              + "c2,,chat,inbound,retention,buy,u2,a2,blue,2026-03-02T09:20:00Z,,,2026-03-02T09:21:00Z,,,,,false\n");
      assertThat(check(e)).isEmpty();
      s.erase(new Store.Erasure.Customer("u2"));
      assertThat(check(e)).isEmpty();
      s.erase(new Store.Erasure.Before(Instant.parse("2026-03-04T00:00:00Z")));
      assertThat(check(e)).isEmpty();
      assertThat(
              e.compute(
                      KpiQuery.of(
                          LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31), ZoneId.of("UTC")))
                  .overall()
                  .value(Kpi.CONTACTS))
          .isEqualTo(2L);
    }
  }

  @Test
  void a_store_without_rollups_builds_them_and_says_how_far_it_got() throws Exception {
    try (Store s = newStore()) {
      importContacts(
          s,
          "contact_id,channel,direction,arrived_at,answered_at,resolved\n"
              + "c1,phone,inbound,2026-01-02T09:00:00Z,2026-01-02T09:00:10Z,true\n"
              + "c2,phone,inbound,2026-02-02T09:00:00Z,,false\n");
      // As a store of an older version: no rollups at all.
      for (String t :
          List.of(
              "rollup_contacts",
              "rollup_cases",
              "rollup_surveys",
              "rollup_agent_time",
              "rollup_values",
              "rollup_meta")) {
        s.update("DELETE FROM " + t);
      }
      KpiEngine e = new KpiEngine(s, SETTINGS);
      KpiQuery q =
          KpiQuery.of(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 2, 28), ZoneId.of("UTC"))
              .withKpis(List.of(Kpi.CONTACTS, Kpi.ABANDONMENT_RATE, Kpi.FCR, Kpi.CSAT));
      assertThat(e.compute(q).answeredFrom()).isEqualTo(KpiResult.SCAN);
      List<String> steps = new ArrayList<>();
      Rollups.ensureBuilt(s, (step, of, what) -> steps.add(what + " (" + step + " of " + of + ")"));
      assertThat(steps)
          .containsExactly(
              "contacts: each bucket and combination (1 of 12)",
              "contacts: totals by set (2 of 12)",
              "contacts: frt values (3 of 12)",
              "cases: each bucket and combination (4 of 12)",
              "cases: totals by set (5 of 12)",
              "cases: resolution values (6 of 12)",
              "surveys: each bucket and combination (7 of 12)",
              "surveys: totals by set (8 of 12)",
              "agent time: each bucket and combination (9 of 12)",
              "agent time: totals by set (10 of 12)",
              "contacts: percentiles of whole days, weeks and months (11 of 12)",
              "cases: percentiles of whole days, weeks and months (12 of 12)");
      assertThat(e.compute(q).answeredFrom()).isEqualTo(KpiResult.ROLLUPS);
      assertThat(e.compute(q).overall().value(Kpi.CONTACTS)).isEqualTo(2L);
      assertThat(check(e)).isEmpty();
    }
  }

  private static List<String> check(KpiEngine e) {
    List<String> out = new ArrayList<>();
    for (ZoneId zone : List.of(ZoneId.of("UTC"), ZoneId.of("Asia/Kathmandu"))) {
      out.addAll(RollupCheck.verify(e, LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 14), zone));
    }
    return out;
  }

  private static void importContacts(Store s, String csv) throws Exception {
    Path file = dir.resolve("contacts-" + System.nanoTime() + ".csv");
    Files.writeString(file, csv, StandardCharsets.UTF_8);
    s.importFile(RecordType.CONTACTS, ImportSource.of(file.toString()), b -> {});
  }
}
