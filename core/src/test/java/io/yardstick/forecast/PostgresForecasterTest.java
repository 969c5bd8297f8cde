package io.yardstick.forecast;

import io.yardstick.store.Store;
import io.yardstick.store.TestPostgres;

class PostgresForecasterTest extends ForecasterKit {
  @Override
  protected Store newStore() throws Exception {
    return TestPostgres.newStore("forecast");
  }
}
