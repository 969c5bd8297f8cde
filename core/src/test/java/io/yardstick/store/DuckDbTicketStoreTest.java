package io.yardstick.store;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

class DuckDbTicketStoreTest extends TicketStoreKit {
  @TempDir Path dir;

  @Override
  protected Store newStore() {
    return Store.open(dir.resolve("test.duckdb").toString());
  }
}
