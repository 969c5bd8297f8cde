package io.yardstick.kpi;

import io.yardstick.YardstickException;
import io.yardstick.kpi.sql.SqlRenderer;
import io.yardstick.store.Store;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rows behind a number (drill-down): for a KPI, the rows its number counts as {@link Kpi#rows}
 * says (the surveys behind a CSAT with their score, the cases behind an FCR with their contacts,
 * the agent states behind an occupancy), each marked with the numerator's part it meets; without a
 * KPI, the contacts of the period. Same period and filters as the number, newest first, a bounded
 * page at a time.
 *
 * <pre>{@code
 * Drilldown.Page page = Drilldown.of(store, settings, query, Kpi.CSAT, 0, 50);
 * page.total();  // the csat responses of the period: CSAT's denominator
 * }</pre>
 */
public final class Drilldown {
  private Drilldown() {}

  /** The most rows one page may hold. */
  public static final int MAX_PAGE_SIZE = 1000;

  /**
   * One page: what the rows are (the base, lower case: contacts, cases, surveys, agent_time, costs,
   * customers, forecasts), whether their count is the KPI's denominator (or the rows of its mean),
   * the column names, the rows (each a map of column to value) and the total count.
   */
  public record Page(
      String rowsOf,
      boolean denominator,
      List<String> columns,
      long total,
      int page,
      int size,
      List<Map<String, Object>> rows) {}

  public static Page of(
      Store store, KpiSettings settings, KpiQuery query, Kpi kpi, int page, int size) {
    if (size < 1 || size > MAX_PAGE_SIZE) {
      throw new YardstickException(
          "A page holds 1 to " + MAX_PAGE_SIZE + " rows; got " + size + ".");
    }
    // A misspelt dimension is refused here as by the KPI engine, not answered with no rows.
    new Vocabulary(store).check(query);
    Kpi.Rows what = (kpi == null ? Kpi.CONTACTS : kpi).rows(settings);
    SqlRenderer r =
        new SqlRenderer(
            store.dialect(),
            settings,
            query.zone(),
            query.from(),
            query.to(),
            query.filters(),
            null,
            null);
    long total =
        ((Number)
                store.query(
                        r.renderRows(what.base(), what.population(), what.counted(), 0, 0, true))
                    .get(0)[0])
            .longValue();
    List<String> columns = SqlRenderer.rowColumns(what.base());
    List<Map<String, Object>> rows = new ArrayList<>();
    String sql =
        r.renderRows(
            what.base(), what.population(), what.counted(), size, (long) page * size, false);
    for (Object[] row : store.query(sql)) {
      Map<String, Object> m = new LinkedHashMap<>();
      for (int i = 0; i < columns.size(); i++) m.put(columns.get(i), json(row[i]));
      rows.add(m);
    }
    return new Page(
        what.base().name().toLowerCase(java.util.Locale.ROOT),
        what.counts(),
        columns,
        total,
        page,
        size,
        rows);
  }

  private static Object json(Object v) {
    if (v instanceof Instant || v instanceof java.time.LocalDate) return v.toString();
    if (v instanceof java.time.OffsetDateTime o) return o.toInstant().toString();
    if (v instanceof BigDecimal d) return d.doubleValue();
    return v;
  }
}
