package io.yardstick.forecast;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads the third-party data sets in ../shared/data/forecasting (never copied into the repository:
 * their licences are not ours). A test that needs them is skipped, with a message saying so, when
 * the folder is absent.
 */
final class SharedData {
  private SharedData() {}

  static Path file(String name) {
    Path dir = Path.of("..", "shared", "data", "forecasting").toAbsolutePath().normalize();
    if (!Files.isDirectory(dir))
      dir = Path.of("..", "..", "shared", "data", "forecasting").toAbsolutePath().normalize();
    Path file = dir.resolve(name);
    assumeTrue(
        Files.isReadable(file),
        "Skipped: "
            + file
            + " is absent (the shared data folder ../shared/data is not"
            + " beside this checkout; CI always has it).");
    return file;
  }

  /**
   * One numeric column (0-based, after the row-name column) of a simple Rdatasets CSV with a header
   * line.
   */
  static double[] column(String name, int col) {
    try {
      List<String> lines = Files.readAllLines(file(name));
      double[] v = new double[lines.size() - 1];
      for (int i = 1; i < lines.size(); i++) {
        String[] f = lines.get(i).split(",");
        v[i - 1] = Double.parseDouble(f[col]);
      }
      return v;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
