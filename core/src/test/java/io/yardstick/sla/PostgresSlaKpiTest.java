package io.yardstick.sla;

import io.yardstick.store.Store;
import io.yardstick.store.TestPostgres;

class PostgresSlaKpiTest extends SlaKpiKit {
  @Override
  protected Store newStore() throws Exception {
    return TestPostgres.newStore("sla");
  }
}
