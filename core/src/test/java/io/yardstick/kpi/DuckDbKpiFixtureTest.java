package io.yardstick.kpi;

import io.yardstick.store.Store;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The KPI fixtures on DuckDB: a new database file per test. */
class DuckDbKpiFixtureTest extends KpiFixtureKit {
  @TempDir Path dbDir;

  @Override
  protected Store newStore() {
    return Store.open(dbDir.resolve("kpi.duckdb").toString());
  }
}
