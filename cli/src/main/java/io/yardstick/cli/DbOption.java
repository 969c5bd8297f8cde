package io.yardstick.cli;

import io.yardstick.YardstickException;
import io.yardstick.store.Store;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --db} option every command that reads or writes the store shares. */
final class DbOption {
  @Option(
      names = "--db",
      paramLabel = "LOCATION",
      description = "A DuckDB file path or a jdbc:postgresql:// URL (default: $YARDSTICK_DB, else "
          + Store.DEFAULT_LOCATION + ").")
  String location;

  /**
   * The store, which must exist: a command that reads (or adds a goal, a rule, a user to) a DuckDB file that is not
   * there is refused with how to make one, instead of creating an empty store and answering from nothing.
   */
  Store open() {
    String where = Store.resolveLocation(location);
    if (!where.startsWith("jdbc:postgresql:")) {
      Path file = Path.of(where.startsWith("jdbc:duckdb:") ? where.substring("jdbc:duckdb:".length()) : where);
      if (!Files.exists(file)) {
        throw new YardstickException("There is no store at " + where + (location == null || location.isBlank()
            ? " (the default; --db LOCATION or $YARDSTICK_DB names another)" : "") + ". Create one with"
            + " ./yardstick import contacts FILE --db " + where + ", or fill it with a simulated contact center:"
            + " ./yardstick demo --db " + where + ".");
      }
    }
    return Store.open(where);
  }

  /** The store, created empty when it does not exist yet (imports and the demo fill it). */
  Store openOrCreate() {
    return Store.open(Store.resolveLocation(location));
  }
}
