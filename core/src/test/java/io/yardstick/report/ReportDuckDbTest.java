package io.yardstick.report;

import io.yardstick.store.Store;

/** Saved views, reports and scheduled delivery on DuckDB: a new database file per test. */
class ReportDuckDbTest extends ReportKit {
  @Override
  protected Store newStore() {
    return Store.open(dir.resolve("reports.duckdb").toString());
  }
}
