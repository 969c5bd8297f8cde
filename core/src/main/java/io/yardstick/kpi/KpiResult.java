package io.yardstick.kpi;

import java.util.List;
import java.util.Map;
import java.util.SequencedMap;

/**
 * The answer to a {@link KpiQuery}: rows in a stable order, the overall row first with an empty group. A KPI without
 * data has a null value, never 0 or NaN.
 */
public record KpiResult(KpiQuery query, List<Row> rows) {
  public KpiResult {
    rows = List.copyOf(rows);
  }

  /** One group (empty for the overall row) and its KPI values in catalog order. */
  public record Row(Map<String, String> group, SequencedMap<Kpi, Number> values) {}
}
