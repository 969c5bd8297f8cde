package io.yardstick.ingest.mapping;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The third-party call-center files in ../shared/data (never copied into the repository: their
 * licences are not ours), and the example mappings in docs/mappings. A test that needs a file is
 * skipped, saying so, when it is absent.
 */
final class SharedFiles {
  private SharedFiles() {}

  static Path data(String folder, String name) {
    Path dir = Path.of("..", "shared", "data", folder).toAbsolutePath().normalize();
    if (!Files.isDirectory(dir))
      dir = Path.of("..", "..", "shared", "data", folder).toAbsolutePath().normalize();
    Path file = dir.resolve(name);
    assumeTrue(
        Files.isReadable(file),
        "Skipped: "
            + file
            + " is absent (the shared data folder ../shared/data is not"
            + " beside this checkout).");
    return file;
  }

  /** An example mapping of docs/mappings (tests run in core/, the docs are one level up). */
  static Path exampleMapping(String name) {
    Path p = Path.of("..", "docs", "mappings", name);
    return Files.isReadable(p) ? p : Path.of("docs", "mappings", name);
  }
}
