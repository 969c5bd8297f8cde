package io.yardstick.sources;

import io.yardstick.sources.freshdesk.FreshdeskImporter;
import io.yardstick.sources.queuelog.QueueLogImporter;
import io.yardstick.sources.zendesk.ZendeskImporter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The foreign formats Yardstick imports (docs/sources.md), by their command-line name. */
public final class Sources {
  private static final List<SourceImporter> ALL =
      List.of(
          new QueueLogImporter(),
          new ZendeskImporter(),
          new FreshdeskImporter(),
          new io.yardstick.sources.chatwoot.ChatwootImporter());

  private Sources() {}

  public static List<SourceImporter> all() {
    return ALL;
  }

  /** queue-log (also queue_log, queuelog), zendesk, freshdesk; case-insensitive. */
  public static Optional<SourceImporter> byName(String name) {
    String n = name.trim().toLowerCase(Locale.ROOT).replace('_', '-');
    if (n.equals("queuelog")) n = "queue-log";
    for (SourceImporter importer : ALL) {
      if (importer.name().equals(n)) return Optional.of(importer);
    }
    return Optional.empty();
  }
}
