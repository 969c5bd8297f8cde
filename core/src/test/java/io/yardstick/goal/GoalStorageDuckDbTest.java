package io.yardstick.goal;

import io.yardstick.store.Store;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** Goal storage on DuckDB: a new database file per test. */
class GoalStorageDuckDbTest extends GoalStorageKit {
  @TempDir Path dir;

  @Override
  protected Store newStore() {
    return Store.open(dir.resolve("goals.duckdb").toString());
  }
}
