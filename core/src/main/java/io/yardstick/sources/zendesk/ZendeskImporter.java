package io.yardstick.sources.zendesk;

import io.yardstick.ingest.ImportException;
import io.yardstick.ingest.ImportSource;
import io.yardstick.sources.SourceImporter;
import io.yardstick.sources.SourceSummary;
import io.yardstick.sources.internal.Inputs;
import io.yardstick.sources.internal.JsonItems;
import io.yardstick.sources.zendesk.internal.Tickets;
import io.yardstick.store.Loader;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.LongConsumer;

/**
 * Zendesk's ticket export, as its incremental export API returns it with the metric sets
 * side-loaded ({@code GET
 * /api/v2/incremental/tickets/cursor.json?start_time=...&include=metric_sets}: pages of {@code
 * {"tickets": [...], "metric_sets": [...]}}), one page or several saved one after another, a search
 * response ({@code {"results": [...]}}), one ticket ({@code {"ticket": {...}}}), an array of
 * tickets, or one ticket per line. Any other shape is refused; a truly empty file reads as 0
 * tickets. Each ticket becomes one contact (its own case) and, when rated, a CSAT survey; the
 * mapping is in docs/sources.md.
 *
 * <pre>{@code
 * SourceSummary s = new ZendeskImporter().importInto(store, ImportSource.of("tickets.json"), b -> {});
 * }</pre>
 */
public final class ZendeskImporter implements SourceImporter {
  @Override
  public String name() {
    return "zendesk";
  }

  @Override
  public String description() {
    return "Zendesk ticket export";
  }

  @Override
  public SourceSummary read(ImportSource source, Loader loader, LongConsumer progress) {
    return Inputs.guarded(
        source,
        () -> {
          Tickets tickets = new Tickets();
          int values;
          try (InputStream in = Inputs.open(source, progress)) {
            values =
                JsonItems.read(in, source.name(), Tickets.ARRAYS, Tickets.EXPECTED, tickets::take);
          } catch (IOException e) {
            throw new ImportException(
                source.name(), 0, null, null, "could not be read: " + e.getMessage());
          }
          if (values == 0) return SourceSummary.empty("Zendesk tickets", source.name(), "tickets");
          if (tickets.listed() == 0) {
            throw new ImportException(
                source.name(),
                0,
                null,
                null,
                "lists no tickets; expected "
                    + Tickets.EXPECTED
                    + " (an empty file imports nothing)");
          }
          return tickets.finish(source.name(), loader);
        });
  }
}
