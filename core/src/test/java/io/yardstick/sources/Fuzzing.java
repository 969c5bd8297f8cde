package io.yardstick.sources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.yardstick.ingest.ImportException;

/**
 * The one outcome the importers' fuzz tests allow for each case: read and checked, or refused
 * naming the file.
 */
public final class Fuzzing {
  private Fuzzing() {}

  /**
   * Runs one case. Returns true when {@code attempt} read the input (and its own checks passed),
   * false when it was refused with an import error naming {@code file} and saying nothing was
   * imported; an unforeseen failure (reported as "could not be imported"), any other exception or a
   * failed check fails the test, with the seed and the input.
   */
  public static boolean readOrRefused(long seed, String file, String input, Runnable attempt) {
    try {
      attempt.run();
      return true;
    } catch (ImportException e) {
      assertThat(e.getMessage())
          .as("seed %d", seed)
          .startsWith(file)
          .endsWith("Nothing from this file was imported.")
          .doesNotContain("could not be imported");
      return false;
    } catch (RuntimeException | AssertionError e) {
      fail("seed " + seed + " failed with " + e + " on:\n" + input, e);
      return false;
    }
  }
}
