package io.yardstick.kpi;

import io.yardstick.store.Store;
import io.yardstick.store.TestPostgres;

/** The KPI fixtures on a real PostgreSQL server (see {@link TestPostgres}), a fresh database per test. */
class PostgresKpiFixtureTest extends KpiFixtureKit {
  @Override
  protected Store newStore() throws Exception {
    return TestPostgres.newStore("kpi_fixture");
  }
}
