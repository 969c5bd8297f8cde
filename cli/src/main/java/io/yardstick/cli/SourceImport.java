package io.yardstick.cli;

import io.yardstick.ingest.ImportSource;
import io.yardstick.settings.Settings;
import io.yardstick.sources.SourceImporter;
import io.yardstick.sources.SourceSummary;
import io.yardstick.store.Store;
import java.io.PrintWriter;
import java.time.Duration;

/**
 * {@code yardstick import queue-log|zendesk|freshdesk FILE}: a foreign source through its importer,
 * all or nothing, then the summary of what was read, kept and set aside (docs/sources.md).
 */
final class SourceImport {
  private SourceImport() {}

  static int run(
      SourceImporter importer, String file, DbOption db, Settings settings, PrintWriter out) {
    ImportSource source = ImportSource.of(file);
    long started = System.nanoTime();
    SourceSummary summary;
    try (Store store = db.openOrCreate();
        Progress progress =
            Progress.start(
                "Importing " + importer.description(),
                source.sizeBytes(),
                " MiB",
                1 << 20,
                source.sizeBytes() < 0 || source.sizeBytes() > (8 << 20))) {
      summary = importer.importInto(store, source, progress::stepTo);
      progress.stepTo(Math.max(source.sizeBytes(), 0));
      CliAudit.record(store, "data", "import " + importer.name(), source.name(), null);
      // a help-desk export brings tickets: the SLA targets and SLA alerts follow (docs/sla.md)
      SlaAfterImport.run(store, settings, java.time.Clock.systemUTC(), out);
    }
    Duration took = Duration.ofNanos(System.nanoTime() - started);
    for (String line : summary.lines()) {
      out.println(line);
    }
    out.println("  in " + Formats.seconds(took) + ".");
    return 0;
  }
}
