package io.yardstick.event;

import io.yardstick.store.Store;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** Event ingestion on DuckDB: a new database file per test. */
class EventIngestionDuckDbTest extends EventIngestionKit {
  @TempDir Path dir;

  @Override
  protected Store newStore() {
    return Store.open(dir.resolve("events.duckdb").toString());
  }
}
