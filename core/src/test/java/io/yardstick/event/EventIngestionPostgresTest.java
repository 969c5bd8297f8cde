package io.yardstick.event;

import io.yardstick.store.Store;
import io.yardstick.store.TestPostgres;

/** Event ingestion on a real PostgreSQL server (see {@link TestPostgres}), a fresh database per test. */
class EventIngestionPostgresTest extends EventIngestionKit {
  @Override
  protected Store newStore() throws Exception {
    return TestPostgres.newStore("events");
  }
}
