package io.yardstick.cli;

import io.yardstick.store.Store;
import picocli.CommandLine.Option;

/** The {@code --db} option every command that reads or writes the store shares. */
final class DbOption {
  @Option(
      names = "--db",
      paramLabel = "LOCATION",
      description = "A DuckDB file path or a jdbc:postgresql:// URL (default: $YARDSTICK_DB, else "
          + Store.DEFAULT_LOCATION + ").")
  String location;

  Store open() {
    return Store.open(Store.resolveLocation(location));
  }
}
