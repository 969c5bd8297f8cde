package io.yardstick.sources.freshdesk;

import io.yardstick.ingest.ImportSource;
import io.yardstick.sources.SourceImporter;
import io.yardstick.sources.SourceSummary;
import io.yardstick.store.Loader;
import java.util.function.LongConsumer;

/** Freshdesk ticket export (to come). */
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
    throw new UnsupportedOperationException("not yet");
  }
}
