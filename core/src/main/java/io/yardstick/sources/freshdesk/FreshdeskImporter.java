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
import java.util.Set;
import java.util.function.LongConsumer;

/**
 * Freshdesk's tickets as its API v2 lists them with their stats ({@code GET /api/v2/tickets?include=stats}: a JSON
 * array, one page or several one after another, or one ticket per line), and its satisfaction ratings ({@code GET
 * /api/v2/surveys/satisfaction_ratings}) in the same file or a file of their own. Tickets become contacts (each its own
 * case), ratings CSAT surveys; the mapping is in docs/sources.md.
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
    FreshdeskTickets tickets = new FreshdeskTickets();
    try (InputStream in = Inputs.open(source, progress)) {
      JsonItems.read(in, source.name(), Set.of("tickets", "satisfaction_ratings"), tickets::take);
    } catch (IOException e) {
      throw new ImportException(source.name(), 0, null, null, "could not be read: " + e.getMessage());
    }
    return tickets.finish(source.name(), loader);
  }
}
