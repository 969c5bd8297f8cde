package io.yardstick.sources;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The real exports in ../shared/data (never copied into the repository: they are not ours). A test
 * that needs one is skipped, with a message saying so, when the folder is absent.
 */
public final class SharedSourceData {
  private SharedSourceData() {}

  public static Path file(String relative) {
    Path dir = Path.of("..", "shared", "data").toAbsolutePath().normalize();
    if (!Files.isDirectory(dir))
      dir = Path.of("..", "..", "shared", "data").toAbsolutePath().normalize();
    Path file = dir.resolve(relative);
    assumeTrue(
        Files.isReadable(file),
        "Skipped: "
            + file
            + " is absent (the shared data folder ../shared/data is not"
            + " beside this checkout).");
    return file;
  }
}
