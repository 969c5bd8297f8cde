package io.yardstick.cli;

import io.yardstick.ingest.ImportSource;
import io.yardstick.ingest.mapping.Mapping;
import io.yardstick.ingest.mapping.MappingSummary;
import io.yardstick.model.RecordType;
import io.yardstick.store.LoadCounts;
import io.yardstick.store.Loader;
import io.yardstick.store.Store;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

/**
 * {@code yardstick import KIND FILE --mapping MAPPING.yaml}: any delimited file through a mapping
 * (docs/mapping.md), all or nothing, then what was read, kept and set aside, and why.
 */
final class MappedImport {
  private MappedImport() {}

  static int run(RecordType type, String mappingFile, String file, DbOption db, PrintWriter out) {
    Mapping mapping = Mapping.load(Path.of(mappingFile));
    ImportSource source = ImportSource.of(file);
    long started = System.nanoTime();
    MappingSummary summary;
    LoadCounts counts;
    try (Store store = db.openOrCreate();
        Progress progress =
            Progress.start(
                "Importing " + type.table(),
                source.sizeBytes(),
                " MiB",
                1 << 20,
                source.sizeBytes() < 0 || source.sizeBytes() > (8 << 20));
        Loader loader = store.loader()) {
      summary = mapping.read(source, Set.of(type), loader::sink, progress::stepTo);
      counts = loader.commit().getOrDefault(type, new LoadCounts(0, 0, 0, 0));
      progress.stepTo(Math.max(source.sizeBytes(), 0));
      CliAudit.record(
          store,
          "data",
          "import " + type.cliName() + " --mapping " + mapping.file(),
          source.name(),
          summary.rowsRead()
              + " read, "
              + counts.inserted()
              + " inserted, "
              + counts.replaced()
              + " replaced");
    }
    Duration took = Duration.ofNanos(System.nanoTime() - started);
    StringBuilder line =
        new StringBuilder()
            .append("Imported ")
            .append(type.table())
            .append(" from ")
            .append(source.name())
            .append(" through mapping ")
            .append(mapping.file())
            .append(": ")
            .append(Formats.count(summary.rowsRead()))
            .append(" rows read, ")
            .append(Formats.count(summary.kept(type)))
            .append(" kept (")
            .append(Formats.count(counts.inserted()))
            .append(" inserted, ")
            .append(Formats.count(counts.replaced()))
            .append(" replaced");
    if (counts.duplicates() > 0) {
      line.append(", ")
          .append(Formats.count(counts.duplicates()))
          .append(" repeated in the file, the later line kept");
    }
    line.append("), ")
        .append(Formats.count(summary.setAsideCount(type)))
        .append(" set aside in ")
        .append(Formats.seconds(took))
        .append(" (")
        .append(Formats.rate(summary.rowsRead(), took))
        .append(" rows/s).");
    out.println(line);
    for (Map.Entry<String, Long> e : summary.setAside(type).entrySet()) {
      out.println("  set aside: " + Formats.count(e.getValue()) + " " + e.getKey());
    }
    for (Map.Entry<String, Long> e : summary.cleared(type).entrySet()) {
      out.println(
          "  cleared: "
              + Formats.count(e.getValue())
              + " "
              + e.getKey()
              + " (the value left empty, the row"
              + " kept)");
    }
    for (RecordType other : mapping.types()) {
      if (other != type) {
        out.println(
            "  The mapping also makes "
                + other.table()
                + ": yardstick import "
                + other.cliName()
                + " "
                + file
                + " --mapping "
                + mappingFile);
      }
    }
    return 0;
  }
}
