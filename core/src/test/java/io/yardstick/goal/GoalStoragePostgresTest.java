package io.yardstick.goal;

import io.yardstick.store.Store;
import io.yardstick.store.TestPostgres;

/** Goal storage on a real PostgreSQL server (see {@link TestPostgres}), a fresh database per test. */
class GoalStoragePostgresTest extends GoalStorageKit {
  @Override
  protected Store newStore() throws Exception {
    return TestPostgres.newStore("goals");
  }
}
