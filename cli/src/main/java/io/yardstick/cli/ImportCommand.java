package io.yardstick.cli;

import io.yardstick.ingest.ImportSource;
import io.yardstick.kpi.Vocabulary;
import io.yardstick.model.RecordType;
import io.yardstick.sources.SourceImporter;
import io.yardstick.sources.Sources;
import io.yardstick.store.LoadCounts;
import io.yardstick.store.Store;
import java.time.Duration;
import java.util.Arrays;
import java.util.Iterator;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code yardstick import <kind> FILE}: one canonical file into the store, all or nothing. */
@Command(
    name = "import",
    description = {
      "Import a canonical CSV or JSON Lines file (gzip accepted; - reads standard input) into the store.",
      "The import is all or nothing: a bad value stops it with the file, line, column and value, and nothing of the"
          + " file is kept. Records whose key is already stored are replaced, so importing a file again changes"
          + " nothing. Formats: docs/data-format.md."
    })
final class ImportCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(
      index = "0",
      paramLabel = "KIND",
      completionCandidates = Kinds.class,
      description = "What the file holds: ${COMPLETION-CANDIDATES}.")
  String kind;

  @Parameters(
      index = "1",
      paramLabel = "FILE",
      description = "The file to read; - for standard input.")
  String file;

  @picocli.CommandLine.Option(
      names = "--mapping",
      paramLabel = "MAPPING",
      description =
          "Read any CSV or tab-separated file through a mapping file (YAML) that says which column makes"
              + " each field and in which format: docs/mapping.md, examples in docs/mappings/.")
  String mapping;

  @Mixin DbOption db;
  @Mixin SettingsOption settings;

  static final class Kinds implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
      return java.util.stream.Stream.concat(
              Arrays.stream(RecordType.values()).map(RecordType::cliName),
              Sources.all().stream().map(SourceImporter::name))
          .iterator();
    }
  }

  @Override
  public Integer call() {
    if (mapping != null) {
      RecordType mapped =
          RecordType.fromName(kind)
              .orElseThrow(
                  () ->
                      new ParameterException(
                          spec.commandLine(),
                          "With --mapping, KIND is the kind of record to make: contacts, surveys, agent-states, customers or costs;"
                              + " got '"
                              + kind
                              + "'."));
      return MappedImport.run(mapped, mapping, file, db, spec.commandLine().getOut());
    }
    var foreign = Sources.byName(kind);
    if (foreign.isPresent()) {
      return SourceImport.run(
          foreign.get(), file, db, settings.settings(), spec.commandLine().getOut());
    }
    RecordType type =
        RecordType.fromName(kind)
            .orElseThrow(
                () ->
                    new ParameterException(
                        spec.commandLine(),
                        "Unknown kind '"
                            + kind
                            + "'"
                            + closestKind(kind)
                            + "; expected one of contacts, surveys, agent-states, customers, costs, tickets,"
                            + " ticket-events."
                            + " Or a foreign source: queue-log, zendesk, freshdesk, chatwoot (docs/sources.md)."));
    ImportSource source = ImportSource.of(file);
    long started = System.nanoTime();
    LoadCounts counts;
    try (Store store = db.openOrCreate();
        Progress progress =
            Progress.start(
                "Importing " + type.table(),
                source.sizeBytes(),
                " MiB",
                1 << 20,
                source.sizeBytes() < 0 || source.sizeBytes() > (8 << 20))) {
      counts = store.importFile(type, source, progress::stepTo);
      progress.stepTo(Math.max(source.sizeBytes(), 0));
      CliAudit.record(
          store,
          "data",
          "import " + type.cliName(),
          source.name(),
          counts.read()
              + " read, "
              + counts.inserted()
              + " inserted, "
              + counts.replaced()
              + " replaced");
      if (type == RecordType.CONTACTS
          || type == RecordType.TICKETS
          || type == RecordType.TICKET_EVENTS) {
        // what the SLA KPIs and SLA alerts read follows the data (docs/sla.md); nothing to do
        // without sla_policies
        SlaAfterImport.run(
            store, settings.settings(), java.time.Clock.systemUTC(), spec.commandLine().getOut());
      }
    }
    Duration took = Duration.ofNanos(System.nanoTime() - started);
    StringBuilder line =
        new StringBuilder()
            .append("Imported ")
            .append(type.table())
            .append(" from ")
            .append(source.name())
            .append(": ")
            .append(Formats.count(counts.read()))
            .append(" rows read, ")
            .append(Formats.count(counts.inserted()))
            .append(" inserted, ")
            .append(Formats.count(counts.replaced()))
            .append(" replaced");
    if (counts.duplicates() > 0) {
      line.append(", ")
          .append(Formats.count(counts.duplicates()))
          .append(" repeated in the file (the later line kept)");
    }
    line.append(" in ")
        .append(Formats.seconds(took))
        .append(" (")
        .append(Formats.rate(counts.read(), took))
        .append(" rows/s).");
    spec.commandLine().getOut().println(line);
    return 0;
  }

  /** " (did you mean contacts?)" for a misspelt kind, else "". */
  private static String closestKind(String kind) {
    String closest =
        Vocabulary.closest(
            kind.toLowerCase(java.util.Locale.ROOT),
            java.util.List.of(
                "contacts",
                "surveys",
                "agent-states",
                "customers",
                "costs",
                "tickets",
                "ticket-events",
                "queue-log",
                "zendesk",
                "freshdesk",
                "chatwoot"));
    return closest == null ? "" : " (did you mean " + closest + "?)";
  }
}
