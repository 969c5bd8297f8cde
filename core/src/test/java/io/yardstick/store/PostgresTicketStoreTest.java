package io.yardstick.store;

/** The ticket kit against a real PostgreSQL server (see {@link TestPostgres}); a fresh database per test. */
class PostgresTicketStoreTest extends TicketStoreKit {
  @Override
  protected Store newStore() throws Exception {
    return TestPostgres.newStore("tickets");
  }
}
