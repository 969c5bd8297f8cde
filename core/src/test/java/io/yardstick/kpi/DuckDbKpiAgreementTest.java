package io.yardstick.kpi;

import io.yardstick.store.Store;

/** The KPI agreement kit on an embedded DuckDB file. */
class DuckDbKpiAgreementTest extends KpiAgreementKit {
  @Override
  protected Store newStore() {
    return Store.open(dir.resolve("agreement.duckdb").toString());
  }
}
