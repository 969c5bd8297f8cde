package io.yardstick.sources.zendesk;

import io.yardstick.ingest.ImportSource;
import io.yardstick.sources.SourceImporter;
import io.yardstick.sources.SourceSummary;
import io.yardstick.store.Loader;
import java.util.function.LongConsumer;

/** Zendesk ticket export (to come). */
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
    throw new UnsupportedOperationException("not yet");
  }
}
