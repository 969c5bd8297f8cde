package io.yardstick.sources;

import io.yardstick.ingest.ImportSource;
import io.yardstick.store.Loader;
import io.yardstick.store.Store;
import java.util.function.LongConsumer;

/**
 * Turns one foreign format (a phone system's log, a help desk's export) into canonical records. An
 * importer only feeds a {@link Loader}; it never knows which store it writes to. The first bad
 * value stops it with an {@link io.yardstick.ingest.ImportException} naming file, line (or JSON
 * pointer), field and value, and the load is then discarded whole.
 *
 * <pre>{@code
 * SourceSummary s = Sources.byName("queue-log").orElseThrow()
 *     .importInto(store, ImportSource.of("queue_log"), bytes -> {});
 * s.lines().forEach(System.out::println);
 * }</pre>
 */
public interface SourceImporter {
  /** The name on the command line: queue-log, zendesk, freshdesk. */
  String name();

  /** What the source is, for messages: "Asterisk queue_log", "Zendesk ticket export"... */
  String description();

  /**
   * Reads the whole source into the loader's sinks, without committing.
   *
   * @param progress receives the number of bytes read so far
   * @return what was read, kept and set aside (load counts still empty)
   */
  SourceSummary read(ImportSource source, Loader loader, LongConsumer progress);

  /** Reads the source and commits it to the store in one transaction, all or nothing. */
  default SourceSummary importInto(Store store, ImportSource source, LongConsumer progress) {
    try (Loader loader = store.loader()) {
      SourceSummary summary = read(source, loader, progress);
      return summary.withLoaded(loader.commit());
    }
  }
}
