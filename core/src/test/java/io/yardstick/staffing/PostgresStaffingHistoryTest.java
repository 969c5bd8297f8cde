package io.yardstick.staffing;

import io.yardstick.store.Store;
import io.yardstick.store.TestPostgres;

/** Staffing history on a real PostgreSQL server (see {@link TestPostgres}), a fresh database per test. */
class PostgresStaffingHistoryTest extends StaffingHistoryKit {
  @Override
  protected Store newStore() throws Exception {
    return TestPostgres.newStore("staffing");
  }
}
