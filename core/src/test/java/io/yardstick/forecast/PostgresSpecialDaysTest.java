package io.yardstick.forecast;

import io.yardstick.store.Store;
import io.yardstick.store.TestPostgres;

class PostgresSpecialDaysTest extends SpecialDaysKit {
  @Override
  protected Store newStore() throws Exception {
    return TestPostgres.newStore("special");
  }
}
