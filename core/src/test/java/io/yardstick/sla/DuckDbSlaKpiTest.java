package io.yardstick.sla;

import io.yardstick.store.Store;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

class DuckDbSlaKpiTest extends SlaKpiKit {
  @TempDir Path dir;

  @Override
  protected Store newStore() {
    return Store.open(dir.resolve("sla.duckdb").toString());
  }
}
