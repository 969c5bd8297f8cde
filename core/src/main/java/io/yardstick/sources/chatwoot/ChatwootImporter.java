package io.yardstick.sources.chatwoot;

import io.yardstick.ingest.ImportException;
import io.yardstick.ingest.ImportSource;
import io.yardstick.sources.SourceImporter;
import io.yardstick.sources.SourceSummary;
import io.yardstick.sources.chatwoot.internal.ChatwootItems;
import io.yardstick.sources.internal.Inputs;
import io.yardstick.sources.internal.JsonItems;
import io.yardstick.store.Loader;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.LongConsumer;

/**
 * Chatwoot's API payloads: conversations ({@code GET /api/v1/accounts/:id/conversations}: {@code
 * {"data": {"meta": ..., "payload": [...]}}}, or one conversation), their messages ({@code GET
 * .../conversations/:id/messages}: {@code {"meta": ..., "payload": [...]}}), reporting events
 * ({@code {"meta": ..., "payload": [...]}}) and CSAT survey responses ({@code GET
 * .../csat_survey_responses}: an array), one file or several, pages one after another or one object
 * per line. Conversations become contacts and tickets, messages and reporting events ticket events,
 * CSAT responses surveys; the mapping is in docs/sources.md#chatwoot.
 */
public final class ChatwootImporter implements SourceImporter {
  @Override
  public String name() {
    return "chatwoot";
  }

  @Override
  public String description() {
    return "Chatwoot conversations, messages, reporting events and CSAT responses";
  }

  @Override
  public SourceSummary read(ImportSource source, Loader loader, LongConsumer progress) {
    return Inputs.guarded(
        source,
        () -> {
          ChatwootItems items = new ChatwootItems();
          int values;
          try (InputStream in = Inputs.open(source, progress)) {
            values =
                JsonItems.read(
                    in, source.name(), ChatwootItems.ARRAYS, ChatwootItems.EXPECTED, items::take);
          } catch (IOException e) {
            throw new ImportException(
                source.name(), 0, null, null, "could not be read: " + e.getMessage());
          }
          if (values == 0) return SourceSummary.empty("Chatwoot", source.name(), "records");
          if (items.read() == 0) {
            throw new ImportException(
                source.name(),
                0,
                null,
                null,
                "lists no conversations, messages, reporting events"
                    + " or CSAT responses; expected "
                    + ChatwootItems.EXPECTED
                    + " (an empty file imports nothing)");
          }
          return items.finish(source.name(), loader);
        });
  }
}
