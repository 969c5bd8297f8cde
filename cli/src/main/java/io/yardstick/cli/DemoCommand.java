package io.yardstick.cli;

import io.yardstick.demo.ContactCenterSimulation;
import io.yardstick.demo.DemoSettings;
import io.yardstick.demo.DemoSummary;
import io.yardstick.model.RecordType;
import io.yardstick.store.LoadCounts;
import io.yardstick.store.Loader;
import io.yardstick.store.Store;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code yardstick demo}: fills the store with a simulated year of a contact center. */
@Command(
    name = "demo",
    description = {
      "Fill the store with a simulated contact center: arrivals with daily and weekly patterns, queues served by agents"
          + " on shifts (waits, abandons and service level come out of the simulation), cases with repeat contacts,"
          + " topics with trends, surveys, customers, costs and agent states.",
      "Without --end it runs up to now, leaving the contacts still waiting and the agents on shift for the wallboard;"
          + " the same seed and --end date give the same data. A store that already holds contacts is left as it is"
          + " unless --fresh is given."
    })
final class DemoCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--contacts",
      paramLabel = "N",
      defaultValue = "250000",
      description = "Contacts to generate (default: ${DEFAULT-VALUE}).")
  long contacts;

  @Option(
      names = "--days",
      paramLabel = "D",
      defaultValue = "365",
      description = "Days of history (default: ${DEFAULT-VALUE}).")
  int days;

  @Option(
      names = "--seed",
      paramLabel = "S",
      defaultValue = "42",
      description = "Random seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--end",
      paramLabel = "DATE",
      description =
          "Last simulated local day, YYYY-MM-DD, simulated whole (default: today in the zone, up to now).")
  LocalDate end;

  @Option(
      names = "--tz",
      paramLabel = "ZONE",
      defaultValue = "Europe/Madrid",
      description = "Time zone of the contact center (default: ${DEFAULT-VALUE}).")
  ZoneId tz;

  @Option(names = "--fresh", description = "Replace whatever the store holds with the demo data.")
  boolean fresh;

  @Option(names = "--no-serve", description = "Only fill the store; do not start the dashboard.")
  boolean noServe;

  @Option(
      names = "--port",
      paramLabel = "PORT",
      defaultValue = "8080",
      description = "Port of the dashboard (default: ${DEFAULT-VALUE}).")
  int port;

  @Mixin DbOption db;

  @Mixin SettingsOption settingsOption;

  @Mixin LogOption log;

  private String logTo;

  @Override
  public Integer call() throws Exception {
    if (!noServe) logTo = log.configure(db.location());
    if (contacts < 1)
      throw new ParameterException(spec.commandLine(), "--contacts must be at least 1.");
    if (days < 1) throw new ParameterException(spec.commandLine(), "--days must be at least 1.");
    ZoneId zone = tz;
    Instant now = Instant.now();
    LocalDate lastDay = end == null ? LocalDate.ofInstant(now, zone) : end;
    DemoSettings settings =
        new DemoSettings(contacts, days, seed, lastDay, zone, end == null ? now : null);
    PrintWriter out = spec.commandLine().getOut();
    try (Store store = db.openOrCreate()) {
      long existing = store.count(RecordType.CONTACTS);
      if (existing > 0 && !fresh) {
        out.println(
            store.describe()
                + " already holds "
                + Formats.count(existing)
                + " contacts; the demo left it as it is. Add --fresh to replace its contents with demo data, or use"
                + " --db for another store.");
        return serve(store, out);
      }
      long started = System.nanoTime();
      DemoSummary summary;
      Map<RecordType, LoadCounts> counts;
      try (Loader loader = store.loader();
          Progress progress = Progress.start("Simulating", contacts, " contacts", 1, true)) {
        if (fresh) loader.replacingAll();
        summary = new ContactCenterSimulation(settings).run(loader, progress::stepTo);
        progress.stepTo(contacts);
        counts = loader.commit();
      }
      // The demo is read in its zone: its days, weeks and months keep their percentiles.
      if (store.dialect() != Store.Dialect.SPARK
          && !io.yardstick.kpi.rollup.Rollups.keptZones(store).contains(zone)) {
        List<ZoneId> kept =
            new java.util.ArrayList<>(io.yardstick.kpi.rollup.Rollups.keptZones(store));
        kept.add(zone);
        io.yardstick.kpi.rollup.Rollups.keepZones(store, kept, null);
      }
      Duration took = Duration.ofNanos(System.nanoTime() - started);
      LocalDate first = lastDay.minusDays(days - 1L);
      out.println(
          "Simulated a contact center from "
              + first
              + " to "
              + lastDay
              + (settings.stopAt() == null
                  ? ""
                  : " "
                      + settings.stopAt().atZone(zone).toLocalTime().withNano(0).withSecond(0)
                      + " (now)")
              + " ("
              + zone.getId()
              + "), seed "
              + seed
              + ":");
      StringBuilder rows = new StringBuilder("  ");
      for (RecordType type : RecordType.values()) {
        LoadCounts c = counts.get(type);
        if (c == null || c.read() == 0) continue;
        if (rows.length() > 2) rows.append(", ");
        rows.append(Formats.count(c.read())).append(' ').append(type.table().replace('_', ' '));
      }
      out.println(rows);
      for (String highlight : summary.highlights()) {
        out.println("  " + highlight);
      }
      out.println("Stored in " + store.describe() + " in " + Formats.seconds(took) + ".");
      out.println(
          "Try: ./yardstick kpi --kpi contacts --from "
              + lastDay.withDayOfMonth(1)
              + " --to "
              + lastDay
              + " --tz "
              + zone.getId()
              + db.asOption()
              + (noServe ? "" : "   (it works while the dashboard is served)"));
      return serve(store, out);
    }
  }

  private int serve(Store store, PrintWriter out) throws InterruptedException, java.io.IOException {
    if (!noServe)
      Serving.serveUntilStopped(store, db.location(), settingsOption.settings(), port, logTo, out);
    return 0;
  }
}
