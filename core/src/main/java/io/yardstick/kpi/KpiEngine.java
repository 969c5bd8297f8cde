package io.yardstick.kpi;

import io.yardstick.store.Store;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Computes KPI values from a store. Faces never compute a KPI themselves; they format what this returns. */
public final class KpiEngine {
  private final Store store;

  public KpiEngine(Store store) {
    this.store = store;
  }

  public KpiResult compute(KpiQuery query) {
    LinkedHashMap<Kpi, Number> values = new LinkedHashMap<>();
    for (Kpi kpi : query.kpis()) {
      values.put(kpi, switch (kpi) {
        case CONTACTS -> ((Number) store.query(
                "SELECT COUNT(*) FROM contacts WHERE arrived_at >= ? AND arrived_at < ?", query.start(), query.end())
            .get(0)[0]).longValue();
      });
    }
    return new KpiResult(query, List.of(new KpiResult.Row(Map.of(), values)));
  }
}
