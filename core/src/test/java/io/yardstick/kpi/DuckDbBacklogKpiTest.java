package io.yardstick.kpi;

import io.yardstick.store.Store;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

class DuckDbBacklogKpiTest extends BacklogKpiKit {
  @TempDir Path dir;

  @Override
  protected Store newStore() {
    return Store.open(dir.resolve("backlog.duckdb").toString());
  }
}
