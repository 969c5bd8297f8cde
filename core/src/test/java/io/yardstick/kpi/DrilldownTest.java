package io.yardstick.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.yardstick.YardstickException;
import io.yardstick.demo.ContactCenterSimulation;
import io.yardstick.demo.DemoSettings;
import io.yardstick.store.Loader;
import io.yardstick.store.Store;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 12, part 7: a drill-down lists the rows its number counts. Every KPI is computed again from
 * its drill-down's rows alone (their count, their marks, their columns) and must equal the engine's
 * value: so the rows' count is the denominator where the KPI has one, and the marked rows are its
 * numerator.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DrilldownTest {
  static final ZoneId MADRID = ZoneId.of("Europe/Madrid");
  @TempDir static Path dir;
  private Store store;
  private KpiEngine engine;
  private final KpiSettings settings = KpiSettings.defaults();

  @BeforeAll
  void load() {
    store = Store.open(dir.resolve("drill.duckdb").toString());
    try (Loader loader = store.loader()) {
      new ContactCenterSimulation(new DemoSettings(3_000, 61, 7, LocalDate.of(2026, 6, 30), MADRID))
          .run(loader, n -> {});
      loader.commit();
    }
    engine = new KpiEngine(store, settings);
  }

  @AfterAll
  void close() {
    store.close();
  }

  private KpiQuery june(List<Filter> filters) {
    return KpiQuery.of(LocalDate.of(2026, 6, 1), LocalDate.of(2026, 6, 30), MADRID)
        .withFilters(filters);
  }

  @ParameterizedTest
  @EnumSource(Kpi.class)
  void every_kpi_is_computed_again_from_its_rows(Kpi kpi) {
    check(kpi, List.of());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"csat", "nps", "fcr", "resolution_rate", "aht", "abandonment_rate", "occupancy"})
  void a_filtered_drill_down_is_the_filtered_number(String id) {
    Kpi kpi = Kpi.byId(id).orElseThrow();
    Filter f =
        kpi.bases().contains(Base.AGENT_TIME)
            ? Filter.parse("agent=agent-003")
            : Filter.parse("channel=email");
    check(kpi, List.of(f));
  }

  @Test
  void a_csat_drill_down_lists_csat_surveys_with_their_score_not_contacts() {
    Drilldown.Page p = Drilldown.of(store, settings, june(List.of()), Kpi.CSAT, 0, 5);
    assertThat(p.rowsOf()).isEqualTo("surveys");
    assertThat(p.denominator()).isTrue();
    assertThat(p.columns()).contains("survey_id", "kind", "score", "counted");
    assertThat(p.rows())
        .hasSize(5)
        .allSatisfy(
            r -> {
              assertThat(r.get("kind")).isEqualTo("csat");
              assertThat(r.get("counted"))
                  .isEqualTo(((Number) r.get("score")).intValue() >= 4 ? "csat_satisfied" : null);
            });
    long contacts = Drilldown.of(store, settings, june(List.of()), null, 0, 1).total();
    assertThat(p.total()).isPositive().isLessThan(contacts);
  }

  @Test
  void cost_rows_cannot_be_filtered_by_agent() {
    assertThatThrownBy(
            () ->
                Drilldown.of(
                    store,
                    settings,
                    june(List.of(Filter.parse("agent=agent-003"))),
                    Kpi.COST_PER_CONTACT,
                    0,
                    5))
        .isInstanceOf(YardstickException.class)
        .hasMessage(
            "The rows of costs cannot be filtered by agent; remove that filter to list them.");
  }

  @Test
  void a_page_is_bounded() {
    assertThatThrownBy(() -> Drilldown.of(store, settings, june(List.of()), null, 0, 1001))
        .hasMessage("A page holds 1 to 1000 rows; got 1001.");
  }

  private void check(Kpi kpi, List<Filter> filters) {
    KpiQuery q = june(filters);
    Number value = engine.compute(q.withKpis(List.of(kpi))).overall().value(kpi);
    List<Map<String, Object>> rows = all(kpi, q);
    Double again = fromRows(kpi, rows, q);
    if (value == null) {
      assertThat(again == null || rows.isEmpty()).as(kpi.id()).isTrue();
      return;
    }
    assertThat(rows).as(kpi.id() + " rows").isNotEmpty();
    if (again != null) assertThat(again).as(kpi.id()).isCloseTo(value.doubleValue(), within(1e-6));
  }

  private List<Map<String, Object>> all(Kpi kpi, KpiQuery q) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (int page = 0; ; page++) {
      Drilldown.Page p = Drilldown.of(store, settings, q, kpi, page, 1000);
      rows.addAll(p.rows());
      if (rows.size() >= p.total()) {
        assertThat((long) rows.size()).isEqualTo(p.total());
        return rows;
      }
    }
  }

  /** The KPI from its rows (null: a KPI whose rows are checked by count only). */
  private Double fromRows(Kpi kpi, List<Map<String, Object>> rows, KpiQuery q) {
    double n = rows.size();
    return switch (kpi) {
      case CONTACTS -> n;
      case ABANDONMENT_RATE,
          SERVICE_LEVEL,
          WAIT_OVER_LIMIT,
          EMAIL_RESPONSE_24H,
          CONVERSION_RATE,
          RESOLUTION_RATE,
          FCR,
          CSAT,
          ESAT,
          RETENTION_RATE ->
          marked(rows, null) * 100.0 / n;
      case NPS -> (marked(rows, "nps_promoters") - marked(rows, "nps_detractors")) * 100.0 / n;
      case ASA -> mean(rows, "wait_s");
      case AHT, WRITTEN_HANDLE_TIME_AVG -> mean(rows, "handle_s");
      case FRT_AVG -> mean(rows, "frt_s");
      case FRT_MEDIAN -> quantile(rows, "frt_s", 0.5);
      case FRT_P90 -> quantile(rows, "frt_s", 0.9);
      case TALK_TIME_AVG -> null;
      case REVENUE -> sum(rows, "revenue", null);
      case CONTACTS_PER_RESOLUTION -> mean(rows, "n_contacts");
      case RESOLUTION_TIME_AVG -> mean(rows, "resolution_s");
      case RESOLUTION_TIME_MEDIAN -> quantile(rows, "resolution_s", 0.5);
      case CES -> mean(rows, "score");
      case OCCUPANCY ->
          (sum(rows, "seconds", "busy") + sum(rows, "seconds", "wrap"))
              * 100.0
              / sum(rows, "seconds", null);
      case ABSENCE_RATE -> sum(rows, "seconds", "break") * 100.0 / sum(rows, "seconds", null);
      case IDLE_TIME_AVG -> sum(rows, "seconds", null) / total(Kpi.AHT, q);
      case CONTACTS_PER_HOUR -> total(Kpi.AHT, q) / (sum(rows, "seconds", null) / 3600.0);
      case WRITTEN_CONTACTS_PER_HOUR ->
          total(Kpi.WRITTEN_HANDLE_TIME_AVG, q) / (sum(rows, "seconds", null) / 3600.0);
      case COST_PER_CONTACT -> sum(rows, "prorated", null) / total(Kpi.CONTACTS, q);
      case COST_PER_RESOLUTION ->
          sum(rows, "prorated", null) / total(Kpi.CONTACTS_PER_RESOLUTION, q);
      case FORECAST_WAPE -> sum(rows, "abs_error", null) * 100.0 / sum(rows, "actual", null);
      case SURVEY_INVITATIONS -> n;
      case SURVEY_RESPONSE_RATE -> marked(rows, null) * 100.0 / n;
      case SLA_ACHIEVEMENT,
          SLA_FIRST_REPLY_ACHIEVEMENT,
          SLA_NEXT_REPLY_ACHIEVEMENT,
          SLA_PERIODIC_UPDATE_ACHIEVEMENT,
          SLA_RESOLUTION_ACHIEVEMENT ->
          marked(rows, null) * 100.0 / n;
      case SLA_BREACHES -> (double) marked(rows, null);
      case SLA_OVERRUN_AVG -> mean(rows, "elapsed_s") - mean(rows, "target_s");
      case TICKETS_CREATED, TICKETS_SOLVED, BACKLOG -> n;
      case REOPEN_RATE, ONE_TOUCH_RESOLUTION -> marked(rows, null) * 100.0 / n;
      case REPLIES_PER_TICKET -> mean(rows, "agent_replies");
      case BACKLOG_OVER_7D,
          BACKLOG_STATUS_NEW,
          BACKLOG_STATUS_OPEN,
          BACKLOG_STATUS_PENDING,
          BACKLOG_STATUS_ON_HOLD,
          BACKLOG_AGE_UNDER_1D,
          BACKLOG_AGE_1_3D,
          BACKLOG_AGE_3_7D,
          BACKLOG_AGE_7_30D,
          BACKLOG_AGE_OVER_30D ->
          null;
    };
  }

  private double total(Kpi kpi, KpiQuery q) {
    return Drilldown.of(store, settings, q, kpi, 0, 1).total();
  }

  private static long marked(List<Map<String, Object>> rows, String part) {
    return rows.stream()
        .filter(r -> r.get("counted") != null && (part == null || part.equals(r.get("counted"))))
        .count();
  }

  private static double sum(List<Map<String, Object>> rows, String column, String state) {
    return rows.stream()
        .filter(r -> state == null || state.equals(r.get("state")))
        .map(r -> r.get(column))
        .filter(Objects::nonNull)
        .mapToDouble(v -> ((Number) v).doubleValue())
        .sum();
  }

  private static double mean(List<Map<String, Object>> rows, String column) {
    return sum(rows, column, null) / rows.size();
  }

  /** percentile_cont: linear interpolation between the ranks around q x (n - 1). */
  private static double quantile(List<Map<String, Object>> rows, String column, double q) {
    double[] v =
        rows.stream().mapToDouble(r -> ((Number) r.get(column)).doubleValue()).sorted().toArray();
    double rank = q * (v.length - 1);
    int lo = (int) Math.floor(rank);
    int hi = (int) Math.ceil(rank);
    return v[lo] + (rank - lo) * (v[hi] - v[lo]);
  }
}
