package io.yardstick.cli;

import io.yardstick.kpi.Kpi;
import io.yardstick.kpi.KpiEngine;
import io.yardstick.kpi.KpiJson;
import io.yardstick.kpi.KpiQuery;
import io.yardstick.kpi.TopTopics;
import io.yardstick.store.Store;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code yardstick topics}: topics ranked by volume, with share, change, FCR, CSAT and AHT; spikes
 * marked.
 */
@Command(
    name = "topics",
    description =
        "Rank topics by volume with their share, the change against the previous"
            + " period, and each topic's FCR, CSAT and AHT; spikes are marked.")
final class TopicsCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin QueryOptions period;

  @Option(
      names = "--limit",
      paramLabel = "N",
      defaultValue = "20",
      description = "Show the N largest topics (default: ${DEFAULT-VALUE}; 0 for all).")
  int limit;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "table",
      description = "table, json or csv (default: ${DEFAULT-VALUE}).")
  KpiCommand.Format format;

  @Mixin DbOption db;

  @Mixin SettingsOption settings;

  @Override
  public Integer call() throws Exception {
    Main.bounded(spec.commandLine(), "--limit", limit, 0, 10_000); // as /api/topics
    KpiQuery query = period.query(spec.commandLine(), List.of(Kpi.CONTACTS));
    TopTopics t;
    try (Store store = db.open()) {
      t = TopTopics.of(new KpiEngine(store, settings.load()), query);
    }
    List<TopTopics.Topic> topics =
        limit > 0 && t.topics().size() > limit ? t.topics().subList(0, limit) : t.topics();
    PrintWriter out = spec.commandLine().getOut();
    switch (format) {
      case JSON -> out.println(Json.MAPPER.writeValueAsString(KpiJson.topics(t, limit)));
      case CSV -> {
        Csv csv =
            Csv.to(out)
                .row(
                    "topic",
                    "contacts",
                    "share",
                    "previous_contacts",
                    "previous_share",
                    "change_percent",
                    "fcr",
                    "csat",
                    "aht",
                    "spike");
        for (TopTopics.Topic x : topics) {
          csv.row(
              x.topic(),
              x.contacts(),
              x.share(),
              x.previousContacts(),
              x.previousShare(),
              x.changePercent(),
              x.fcr(),
              x.csat(),
              x.aht(),
              x.spike());
        }
        csv.flush();
      }
      case TABLE -> {
        KpiQuery q = t.query();
        out.println(
            "Topics "
                + q.from()
                + " .. "
                + q.to()
                + " ("
                + q.zone().getId()
                + "), "
                + Formats.count(t.contacts())
                + " contacts; change against "
                + q.previous().from()
                + " .. "
                + q.previous().to());
        List<List<String>> rows = new ArrayList<>();
        rows.add(
            List.of("#", "topic", "contacts", "share", "change", "FCR", "CSAT", "AHT", "spike"));
        int rank = 0;
        for (TopTopics.Topic x : topics) {
          rows.add(
              List.of(
                  String.valueOf(++rank),
                  x.topic() == null ? "(none)" : x.topic(),
                  Formats.count(x.contacts()),
                  pct(x.share()),
                  x.changePercent() == null
                      ? (x.previousContacts() == null || x.previousContacts() == 0 ? "new" : "-")
                      : String.format(Locale.ENGLISH, "%+.1f%%", x.changePercent()),
                  Formats.value(Kpi.FCR, x.fcr()),
                  Formats.value(Kpi.CSAT, x.csat()),
                  Formats.value(Kpi.AHT, x.aht()),
                  x.spike() ? "SPIKE" : "-"));
        }
        Tables.print(out, rows, 2);
      }
    }
    return 0;
  }

  private static String pct(Double d) {
    return d == null ? "-" : String.format(Locale.ENGLISH, "%.1f%%", d);
  }
}
