package io.yardstick.kpi;

import io.yardstick.store.Store;
import io.yardstick.store.TestPostgres;

/** The KPI agreement kit on a real PostgreSQL server (see {@link TestPostgres}), in a fresh database. */
class PostgresKpiAgreementTest extends KpiAgreementKit {
  @Override
  protected Store newStore() throws Exception {
    return TestPostgres.newStore("kpi_agreement");
  }
}
