package io.yardstick.store;

/** The store kit against a real PostgreSQL server (see {@link TestPostgres}); a fresh database per test. */
class PostgresStoreTest extends StoreCompatibilityKit {
  @Override
  protected Store newStore() throws Exception {
    return TestPostgres.newStore("store");
  }
}
