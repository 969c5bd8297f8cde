package io.yardstick.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import io.yardstick.ingest.ImportSource;
import io.yardstick.kpi.reference.KpiReference;
import io.yardstick.kpi.reference.RandomContactCenter;
import io.yardstick.model.RecordType;
import io.yardstick.store.Store;
import io.yardstick.store.StoreKit;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 3's acceptance: every KPI, overall and by channel, equals an independent computation from
 * its written definition ({@link KpiReference}, plain Java over the parsed CSV files) on a seeded,
 * awkward contact center ({@link RandomContactCenter}: mixed UTC offsets, DST changes, short
 * abandons, multi-contact cases), on each store (a kit of the StoreTck). One store per store under
 * test, loaded once.
 *
 * <p>Doubles agree to 1e-9 relative, counts exactly; a group that one side lacks counts as a row of
 * nulls (contacts 0). A mismatch names the KPI, the group and both values, and every mismatch of
 * the query is listed at once.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class KpiAgreementKit extends StoreKit {
  static final long SEED = 20260329L;
  static final int CONTACTS = 3000;
  static final ZoneId MADRID = ZoneId.of("Europe/Madrid");
  static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
  static final double RELATIVE_TOLERANCE = 1e-9;

  @TempDir static Path dir;
  private KpiReference reference;
  private Store store;
  private KpiEngine engine;

  @BeforeAll
  void generateAndLoad() throws Exception {
    RandomContactCenter.DataFiles files = RandomContactCenter.write(dir, SEED, CONTACTS);
    KpiSettings settings = KpiSettings.defaults();
    reference =
        new KpiReference(
            dir,
            new KpiReference.Settings(
                settings.shortAbandonSeconds(),
                settings.serviceLevelSeconds(),
                settings.waitLimitSeconds()));
    store = newStore();
    store.importFile(RecordType.CONTACTS, ImportSource.of(files.contacts().toString()), b -> {});
    store.importFile(RecordType.SURVEYS, ImportSource.of(files.surveys().toString()), b -> {});
    store.importFile(
        RecordType.AGENT_STATES, ImportSource.of(files.agentStates().toString()), b -> {});
    store.importFile(RecordType.CUSTOMERS, ImportSource.of(files.customers().toString()), b -> {});
    store.importFile(RecordType.COSTS, ImportSource.of(files.costs().toString()), b -> {});
    assertThat(store.count(RecordType.CONTACTS)).isEqualTo(reference.contactCount());
    engine = new KpiEngine(store, settings);
  }

  @AfterAll
  void closeStore() {
    if (store != null) store.close();
  }

  // ---------------------------------------------------------------------------------------------------------------
  // The questions

  /**
   * 15 March - 10 April in Madrid: across the spring change (29 March), cutting through cases,
   * states and costs.
   */
  @Test
  void every_kpi_overall_in_madrid_across_the_spring_change() {
    assertAgree(question("2026-03-15", "2026-04-10", MADRID));
  }

  @Test
  void every_kpi_overall_and_by_channel_in_madrid_across_the_spring_change() {
    assertAgree(question("2026-03-15", "2026-04-10", MADRID).groupBy("channel"));
  }

  /** The 23-hour day, 29 March, and its neighbours, one row per local day. */
  @Test
  void every_kpi_by_day_across_the_dst_day() {
    assertAgree(question("2026-03-27", "2026-03-31", MADRID).groupBy("day"));
  }

  @Test
  void every_kpi_by_channel_and_day_across_the_dst_day() {
    assertAgree(question("2026-03-28", "2026-03-30", MADRID).groupBy("channel", "day"));
  }

  /** New York changes on 8 March. */
  @Test
  void every_kpi_overall_and_by_channel_in_new_york() {
    assertAgree(question("2026-03-01", "2026-03-20", NEW_YORK).groupBy("channel"));
  }

  @Test
  void every_kpi_by_day_in_new_york_across_its_spring_change() {
    assertAgree(question("2026-03-07", "2026-03-09", NEW_YORK).groupBy("day"));
  }

  @Test
  void every_kpi_overall_and_by_channel_over_all_the_data_in_utc() {
    assertAgree(question("2026-02-01", "2026-05-31", ZoneId.of("UTC")).groupBy("channel"));
  }

  @Test
  void every_kpi_with_a_channel_filter() {
    assertAgree(
        question("2026-03-15", "2026-04-10", MADRID)
            .groupBy("channel")
            .where("channel=phone,chat"));
  }

  @Test
  void every_kpi_with_an_age_range() {
    assertAgree(
        question("2026-03-15", "2026-04-10", MADRID).groupBy("channel").where("age=30..50"));
  }

  @Test
  void every_kpi_with_a_channel_filter_and_an_age_range() {
    assertAgree(
        question("2026-03-15", "2026-04-10", MADRID).where("channel=phone,chat", "age=30..50"));
  }

  @Test
  void every_kpi_by_tier_with_an_age_range() {
    assertAgree(question("2026-03-15", "2026-04-10", MADRID).groupBy("tier").where("age=30..50"));
  }

  @Test
  void a_period_without_data_gives_nulls_and_zero_contacts() {
    Question q = question("2020-01-01", "2020-01-31", MADRID).groupBy("channel");
    assertAgree(q);

    KpiResult result = engine.compute(q.engineQuery());
    assertThat(result.overall().group()).isEmpty();
    assertThat(result.overall().value(Kpi.CONTACTS)).isEqualTo(0L);
    for (Kpi kpi : Kpi.values()) {
      if (kpi != Kpi.CONTACTS) assertThat(result.overall().value(kpi)).as(kpi.id()).isNull();
    }
  }

  /** The reference itself has something to say on these data: no KPI is null everywhere. */
  @Test
  void the_data_exercise_every_kpi() {
    Map<List<String>, Map<String, Number>> rows =
        reference.compute(question("2026-03-15", "2026-04-10", MADRID).ref);
    for (String id : KpiReference.KPIS) {
      assertThat(rows.get(List.of()).get(id)).as(id).isNotNull();
    }
  }

  // ---------------------------------------------------------------------------------------------------------------
  // The comparison

  /** The same question for the engine and the reference. */
  record Question(KpiQuery engine, KpiReference.Query ref) {
    Question groupBy(String... dims) {
      return new Question(
          engine.withGroupBy(Arrays.stream(dims).map(Dimension::of).toList()),
          ref.withGroupBy(dims));
    }

    Question where(String... filters) {
      return new Question(
          engine.withFilters(Arrays.stream(filters).map(Filter::parse).toList()),
          ref.withFilters(filters));
    }

    KpiQuery engineQuery() {
      return engine;
    }

    @Override
    public String toString() {
      return ref.from()
          + ".."
          + ref.to()
          + " "
          + ref.zone()
          + (ref.groupBy().isEmpty() ? "" : " by " + ref.groupBy())
          + (ref.filters().isEmpty() ? "" : " where " + ref.filters());
    }
  }

  static Question question(String from, String to, ZoneId zone) {
    LocalDate f = LocalDate.parse(from);
    LocalDate t = LocalDate.parse(to);
    return new Question(KpiQuery.of(f, t, zone), new KpiReference.Query(f, t, zone));
  }

  /** Every KPI of every group (of either side) agrees; otherwise fails listing each mismatch. */
  void assertAgree(Question q) {
    assertAgree(q, Set.of());
  }

  /**
   * The same, leaving out the KPIs in which engine and reference are known to disagree (each one
   * commented).
   */
  void assertAgree(Question q, Set<Kpi> knownDisagreements) {
    KpiResult result = engine.compute(q.engineQuery());
    Map<List<String>, Map<String, Number>> expected = reference.compute(q.ref());

    List<String> dims = q.ref().groupBy();
    assertThat(result.overall().group()).as("the first row is the overall row").isEmpty();
    Map<List<String>, KpiResult.Row> actual = new LinkedHashMap<>();
    for (KpiResult.Row row : result.rows()) {
      List<String> key = new ArrayList<>();
      for (String d : dims) key.add(row.group().isEmpty() ? null : row.group().get(d));
      List<String> k = row.group().isEmpty() ? List.of() : key;
      assertThat(actual.put(k, row))
          .as("a second row for the group " + describe(dims, k) + " in " + q)
          .isNull();
    }

    Set<List<String>> groups = new LinkedHashSet<>(expected.keySet());
    groups.addAll(actual.keySet());
    List<String> mismatches = new ArrayList<>();
    for (List<String> group : groups) {
      Map<String, Number> want = expected.get(group);
      KpiResult.Row got = actual.get(group);
      for (Kpi kpi : Kpi.values()) {
        if (knownDisagreements.contains(kpi)) continue;
        Number w = want == null ? (kpi == Kpi.CONTACTS ? 0L : null) : want.get(kpi.id());
        Number g = got == null ? (kpi == Kpi.CONTACTS ? 0L : null) : got.value(kpi);
        if (!agree(kpi, g, w)) {
          mismatches.add(
              kpi.id()
                  + " in group "
                  + describe(dims, group)
                  + ": engine "
                  + g
                  + ", reference "
                  + w
                  + (got == null ? " (the engine has no such row)" : "")
                  + (want == null ? " (the reference has no such row)" : ""));
        }
      }
    }
    assertThat(mismatches)
        .as("KPIs where the engine and the reference disagree, for " + q)
        .isEmpty();
  }

  static boolean agree(Kpi kpi, Number engine, Number reference) {
    if (engine == null || reference == null) return engine == null && reference == null;
    if (kpi == Kpi.CONTACTS) {
      return engine instanceof Long && engine.longValue() == reference.longValue();
    }
    double a = engine.doubleValue();
    double b = reference.doubleValue();
    if (Double.isNaN(a) || Double.isInfinite(a)) return false;
    if (Math.abs(a - b) <= RELATIVE_TOLERANCE * Math.max(Math.abs(a), Math.abs(b))
        || Math.abs(a - b) < 1e-12) {
      return true;
    }
    return false;
  }

  static String describe(List<String> dims, List<String> group) {
    if (group.isEmpty()) return "(overall)";
    StringBuilder sb = new StringBuilder("{");
    for (int i = 0; i < dims.size(); i++) {
      if (i > 0) sb.append(", ");
      sb.append(dims.get(i)).append('=').append(group.get(i));
    }
    return sb.append('}').toString();
  }
}
