package io.yardstick.survey;

import io.yardstick.store.Store;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** Surveys on DuckDB: a new database file per test. */
class SurveysDuckDbTest extends SurveysKit {
  @TempDir Path dir;

  @Override
  protected Store newStore() {
    return Store.open(dir.resolve("surveys.duckdb").toString());
  }
}
