package io.yardstick.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * {@code --verbose} of the commands that serve (issue 12, part 14): by default the server's log
 * (Jetty's and Javalin's start-up lines, the access log, errors) goes to a log file beside the
 * store, so that the start-up block with the URL and the log-in is what the terminal shows; {@code
 * --verbose} writes the log to the terminal (stderr) instead. slf4j-simple reads its configuration
 * once, when the first logger is made, so {@link #configure} runs before the store is opened.
 */
final class LogOption {
  @Option(
      names = "--verbose",
      description =
          "Print the server's log (start-up, access log) here instead of to the"
              + " log file beside the store.")
  boolean verbose;

  /**
   * Points the log at its file (unless verbose) and answers where it goes, for the start-up block.
   */
  String configure(String storeLocation) {
    if (verbose) return "this terminal (--verbose)";
    Path file = file(storeLocation);
    System.setProperty("org.slf4j.simpleLogger.logFile", file.toString());
    System.setProperty("org.slf4j.simpleLogger.showDateTime", "true");
    System.setProperty("org.slf4j.simpleLogger.dateTimeFormat", "yyyy-MM-dd'T'HH:mm:ss.SSSZ");
    return file + " (--verbose prints it here)";
  }

  /**
   * The log file: beside a DuckDB file (NAME.log), else yardstick-serve.log in the working
   * directory.
   */
  static Path file(String storeLocation) {
    return LocalCommands.duckDbFile(storeLocation)
        .map(p -> p.resolveSibling(p.getFileName() + ".log"))
        .orElse(Path.of("yardstick-serve.log").toAbsolutePath());
  }
}
