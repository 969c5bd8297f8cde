package io.yardstick.kpi;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SequencedMap;

/**
 * The answer to a {@link KpiQuery}: rows in a stable order, the overall row first with an empty
 * group, then the groups sorted by their values (nulls last). A KPI without data has a null value,
 * never 0 or NaN. Counts are {@code Long}, everything else {@code Double}. {@code warnings} says
 * what in the question matched nothing (a filter value no contact has), so that an empty answer is
 * never mistaken for a real one. {@code answeredFrom} says which path computed it: {@link #ROLLUPS}
 * (every base from the rollups, docs/rollups.md), {@link #SCAN} (every base from the records) or
 * {@link #MIXED}.
 */
public record KpiResult(
    KpiQuery query, List<Row> rows, List<String> warnings, String answeredFrom) {
  /** Every base of the answer was read from the rollups. */
  public static final String ROLLUPS = "rollups";

  /** Every base of the answer was computed by scanning the records. */
  public static final String SCAN = "scan";

  /** Some bases from the rollups, the others by a scan. */
  public static final String MIXED = "mixed";

  public KpiResult {
    rows = List.copyOf(rows);
    warnings = List.copyOf(warnings);
    if (answeredFrom == null) answeredFrom = SCAN;
  }

  public KpiResult(KpiQuery query, List<Row> rows, List<String> warnings) {
    this(query, rows, warnings, SCAN);
  }

  public KpiResult(KpiQuery query, List<Row> rows) {
    this(query, rows, List.of());
  }

  /**
   * About how many bytes of heap this result holds (its rows, groups and values; the query's share
   * is ignored): what a cache bounded by bytes weighs it at.
   */
  public long estimatedBytes() {
    long bytes = 64;
    for (Row r : rows) {
      bytes += 96 + 48L * (r.values().size() + r.previous().size());
      for (Map.Entry<String, String> g : r.group().entrySet()) {
        bytes +=
            64 + 2L * (g.getKey().length() + (g.getValue() == null ? 0 : g.getValue().length()));
      }
    }
    return bytes;
  }

  /** The overall row. */
  public Row overall() {
    return rows.get(0);
  }

  /**
   * One group (empty for the overall row; a dimension's value may be null: contacts without a
   * queue) and its KPI values in the query's order; with {@code comparePrevious}, {@code previous}
   * holds the previous period's values of the same group (for time buckets: the bucket holding the
   * same moment one period earlier), else it is empty.
   */
  public record Row(
      Map<String, String> group,
      SequencedMap<Kpi, Number> values,
      SequencedMap<Kpi, Number> previous) {
    /**
     * Copies: a result is shared by the cache across threads, so no one may change it (nulls are
     * kept).
     */
    public Row {
      group = Collections.unmodifiableSequencedMap(new LinkedHashMap<>(group));
      values = Collections.unmodifiableSequencedMap(new LinkedHashMap<>(values));
      previous = Collections.unmodifiableSequencedMap(new LinkedHashMap<>(previous));
    }

    public Row(Map<String, String> group, SequencedMap<Kpi, Number> values) {
      this(group, values, new java.util.LinkedHashMap<>());
    }

    public Number value(Kpi kpi) {
      return values.get(kpi);
    }
  }
}
