package io.yardstick.staffing;

import io.yardstick.store.Store;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** Staffing history on DuckDB: a new database file per test. */
class DuckDbStaffingHistoryTest extends StaffingHistoryKit {
  @TempDir Path dbDir;

  @Override
  protected Store newStore() {
    return Store.open(dbDir.resolve("staffing.duckdb").toString());
  }
}
