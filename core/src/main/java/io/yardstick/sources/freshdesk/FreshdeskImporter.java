package io.yardstick.sources.freshdesk;

import io.yardstick.ingest.ImportException;
import io.yardstick.ingest.ImportSource;
import io.yardstick.sources.SourceImporter;
import io.yardstick.sources.SourceSummary;
import io.yardstick.sources.freshdesk.internal.FreshdeskTickets;
import io.yardstick.sources.internal.Inputs;
import io.yardstick.sources.internal.JsonItems;
import io.yardstick.store.Loader;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.LongConsumer;

/**
 * Freshdesk's tickets as its API v2 lists them with their stats ({@code GET
 * /api/v2/tickets?include=stats}: a JSON array, one page or several one after another, or one
 * ticket per line), one ticket ({@code GET /api/v2/tickets/:id}), a search response ({@code GET
 * /api/v2/search/tickets}: {@code {"total": 2, "results": [...]}}), and its satisfaction ratings
 * ({@code GET /api/v2/surveys/satisfaction_ratings}) in the same file or a file of their own.
 * Tickets become contacts (each its own case), ratings CSAT surveys; the mapping is in
 * docs/sources.md. Any other shape is refused; a truly empty file reads as 0 tickets.
 */
public final class FreshdeskImporter implements SourceImporter {
  @Override
  public String name() {
    return "freshdesk";
  }

  @Override
  public String description() {
    return "Freshdesk ticket export";
  }

  @Override
  public SourceSummary read(ImportSource source, Loader loader, LongConsumer progress) {
    return Inputs.guarded(
        source,
        () -> {
          FreshdeskTickets tickets = new FreshdeskTickets();
          int values;
          try (InputStream in = Inputs.open(source, progress)) {
            values =
                JsonItems.read(
                    in,
                    source.name(),
                    FreshdeskTickets.ARRAYS,
                    FreshdeskTickets.EXPECTED,
                    tickets::take);
          } catch (IOException e) {
            throw new ImportException(
                source.name(), 0, null, null, "could not be read: " + e.getMessage());
          }
          if (values == 0)
            return SourceSummary.empty("Freshdesk tickets", source.name(), "tickets and ratings");
          if (tickets.read() == 0) {
            throw new ImportException(
                source.name(),
                0,
                null,
                null,
                "lists no tickets or ratings; expected "
                    + FreshdeskTickets.EXPECTED
                    + " (an empty file imports nothing)");
          }
          return tickets.finish(source.name(), loader);
        });
  }
}
