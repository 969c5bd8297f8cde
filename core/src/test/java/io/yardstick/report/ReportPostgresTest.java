package io.yardstick.report;

import io.yardstick.store.Store;
import io.yardstick.store.TestPostgres;

/** Saved views, reports and scheduled delivery on a real PostgreSQL server, a fresh database per test. */
class ReportPostgresTest extends ReportKit {
  @Override
  protected Store newStore() throws Exception {
    return TestPostgres.newStore("reports");
  }
}
