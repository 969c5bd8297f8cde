package io.yardstick.cli;

import io.yardstick.model.RecordType;
import io.yardstick.store.LoadCounts;
import io.yardstick.store.Store;
import io.yardstick.store.StoreCopy;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code yardstick export --to LOCATION}: copies the records of the store into another, such as a
 * Spark lake ({@code --to spark:local[2]?path=DIR}), in one load (docs/scale-out.md).
 */
@Command(
    name = "export",
    description = {
      "Copy every record of the store (--db) into another store, merged by key in one load:",
      "  export --to 'spark:local[2]?path=/data/lake'   the Spark lake layout (docs/scale-out.md)"
    })
final class ExportCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--to",
      required = true,
      paramLabel = "LOCATION",
      description =
          "The target store: spark:MASTER?path=DIR (a Spark lake), a DuckDB file, a PostgreSQL URL.")
  String to;

  @Mixin DbOption db;

  @Override
  public Integer call() {
    try (Store from = db.open();
        Store target = Store.open(to)) {
      Map<RecordType, LoadCounts> counts = StoreCopy.copy(from, target);
      counts.forEach(
          (type, c) ->
              spec.commandLine()
                  .getOut()
                  .printf(
                      "%s: %d copied (%d new, %d replaced)%n",
                      type.table(), c.read(), c.inserted(), c.replaced()));
      spec.commandLine().getOut().println("Exported to " + target.describe() + ".");
    }
    return 0;
  }
}
