package io.yardstick.cli;

import java.nio.file.Files;

/** The agreement suite across faces on an embedded DuckDB file. */
class DuckDbFaceAgreementTest extends FaceAgreementKit {
  @Override
  protected String newLocation() throws Exception {
    return Files.createTempDirectory("yardstick-agreement").resolve("faces.duckdb").toString();
  }
}
