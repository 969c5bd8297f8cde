package io.yardstick.survey;

import io.yardstick.store.Store;
import io.yardstick.store.TestPostgres;

/** Surveys on a real PostgreSQL server (see {@link TestPostgres}); a fresh database per test. */
class SurveysPostgresTest extends SurveysKit {
  @Override
  protected Store newStore() throws Exception {
    return TestPostgres.newStore("surveys");
  }
}
