package io.yardstick.forecast;

import io.yardstick.store.Store;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

class DuckDbSpecialDaysTest extends SpecialDaysKit {
  @TempDir Path dir;

  @Override
  protected Store newStore() {
    return Store.open(dir.resolve("special.duckdb").toString());
  }
}
