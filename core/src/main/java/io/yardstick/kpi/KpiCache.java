package io.yardstick.kpi;

import java.util.function.Supplier;

/**
 * Keeps KPI results for a face that asks the same questions often (the dashboard). A result is
 * valid for the store's data version it was computed at ({@link
 * io.yardstick.store.Store#dataVersion()}), which every import raises, so an import in any process
 * makes the next question recompute.
 */
@FunctionalInterface
public interface KpiCache {
  /**
   * The result for the query at that data version: the kept one, or {@code compute}'s, kept for
   * next time.
   */
  KpiResult get(KpiQuery query, long dataVersion, Supplier<KpiResult> compute);
}
