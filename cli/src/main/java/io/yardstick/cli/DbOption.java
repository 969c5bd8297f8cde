package io.yardstick.cli;

import io.yardstick.YardstickException;
import io.yardstick.store.Store;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/** The {@code --db} option every command that reads or writes the store shares. */
final class DbOption {
  @Option(
      names = "--db",
      paramLabel = "LOCATION",
      description =
          "A DuckDB file path, a jdbc:postgresql:// URL, or spark:local[N]?path=DIR"
              + " for Apache Spark (docs/scale-out.md) (default: $YARDSTICK_DB, else "
              + Store.DEFAULT_LOCATION
              + ").")
  String location;

  /**
   * The store, which must exist (or, while {@code yardstick serve} holds the DuckDB file, {@link
   * LocalCommands.Served} so that the command is run by the serving process): a command that reads
   * (or adds a goal, a rule, a user to) a DuckDB file that is not there is refused with how to make
   * one, instead of creating an empty store and answering from nothing.
   */
  Store open() {
    String where = Store.resolveLocation(location);
    Optional<Path> duckDb = LocalCommands.duckDbFile(where);
    if (duckDb.isPresent()) {
      Optional<Store> borrowed = LocalCommands.borrowedOrCheck(duckDb.get());
      if (borrowed.isPresent()) return borrowed.get();
      if (!Files.exists(duckDb.get())) {
        throw new YardstickException(
            "There is no store at "
                + where
                + (location == null || location.isBlank()
                    ? " (the default; --db LOCATION or $YARDSTICK_DB names another)"
                    : "")
                + ". Create one with"
                + " ./yardstick import contacts FILE --db "
                + where
                + ", or fill it with a simulated contact center:"
                + " ./yardstick demo --db "
                + where
                + ".");
      }
    }
    return Store.open(where);
  }

  /** The store, created empty when it does not exist yet (imports and the demo fill it). */
  Store openOrCreate() {
    String where = Store.resolveLocation(location);
    Optional<Path> duckDb = LocalCommands.duckDbFile(where);
    if (duckDb.isPresent()) {
      Optional<Store> borrowed = LocalCommands.borrowedOrCheck(duckDb.get());
      if (borrowed.isPresent()) return borrowed.get();
    }
    return Store.open(where);
  }

  /**
   * " --db LOCATION" as the user gave it (quoted for a shell when needed), or "" for the default:
   * for printed hints.
   */
  String asOption() {
    if (location == null || location.isBlank()) return "";
    return " --db " + shellQuoted(location);
  }

  /** A location as a shell command line takes it: quoted when it holds anything unusual. */
  static String shellQuoted(String location) {
    return location.matches("[A-Za-z0-9_./:@%+=?&-]+")
        ? location
        : "'" + location.replace("'", "'\\''") + "'";
  }

  /** The location this option names (the option, else $YARDSTICK_DB, else the default file). */
  String location() {
    return Store.resolveLocation(location);
  }
}
