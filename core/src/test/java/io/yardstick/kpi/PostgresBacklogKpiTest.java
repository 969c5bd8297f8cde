package io.yardstick.kpi;

import io.yardstick.store.Store;
import io.yardstick.store.TestPostgres;

class PostgresBacklogKpiTest extends BacklogKpiKit {
  @Override
  protected Store newStore() throws Exception {
    return TestPostgres.newStore("backlog");
  }
}
