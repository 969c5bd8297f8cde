package io.yardstick.cli;

import io.yardstick.kpi.KpiEngine;
import io.yardstick.kpi.rollup.RollupCheck;
import io.yardstick.kpi.rollup.Rollups;
import io.yardstick.store.Store;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code yardstick rollups rebuild} and {@code yardstick rollups verify}: the exact rollups that
 * answer dashboards without a scan (docs/rollups.md).
 */
@Command(
    name = "rollups",
    subcommands = {
      RollupsCommand.Rebuild.class,
      RollupsCommand.Verify.class,
      RollupsCommand.Off.class,
      RollupsCommand.Zones.class
    },
    description = {
      "The exact per-15-minute rollups the KPI engine answers from (docs/rollups.md); 'serve' builds"
          + " them for a store of 5,000,000 contacts or more, 'rollups rebuild' for any store.",
      "  rollups rebuild   build (or recompute) them from the records, with the thresholds of the settings"
          + " file; imports keep them from then on",
      "  rollups verify    compare every KPI from them with a scan of the records (exit 1 on a difference)",
      "  rollups off       drop them and keep them off: every question is a scan again",
      "  rollups zones     list or set the zones whose whole days, weeks and months keep their"
          + " exact percentiles"
    })
final class RollupsCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getOut());
    return 2;
  }

  @Command(
      name = "rebuild",
      description =
          "Recompute the rollups from the records in one transaction, with the thresholds (service level,"
              + " short abandon, wait limit) of the settings file.")
  static final class Rebuild implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin SettingsOption settings;

    @Mixin DbOption db;

    @Override
    public Integer call() {
      PrintWriter err = spec.commandLine().getErr();
      long t0 = System.nanoTime();
      try (Store store = db.open()) {
        Rollups.rebuild(
            store,
            settings.load(),
            (step, steps, what) -> {
              err.println("Rebuilding the rollups: " + what + " (" + step + " of " + steps + ")");
              err.flush();
            });
      }
      spec.commandLine()
          .getOut()
          .printf("Rollups rebuilt in %.1f s.%n", (System.nanoTime() - t0) / 1e9);
      return 0;
    }
  }

  @Command(
      name = "off",
      description =
          "Drop the rollups in one transaction and keep them off: imports stop keeping them, every"
              + " question scans, and 'serve' does not build them again.")
  static final class Off implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin DbOption db;

    @Override
    public Integer call() {
      try (Store store = db.open()) {
        if (!Rollups.built(store)) {
          spec.commandLine().getOut().println("This store keeps no rollups: nothing to drop.");
          return 0;
        }
        Rollups.drop(store);
      }
      spec.commandLine().getOut().println("Rollups dropped: every question is answered by a scan.");
      return 0;
    }
  }

  @Command(
      name = "zones",
      description = {
        "List the zones whose whole local days, weeks and months keep their exact percentiles"
            + " (frt_median, frt_p90, resolution_time_median), or set them: a question by day, week"
            + " or month in a kept zone reads one row a group, in another zone every value of the"
            + " period (docs/rollups.md). None set: UTC.",
        "  yardstick rollups zones Europe/Madrid America/New_York"
      })
  static final class Zones implements Callable<Integer> {
    @Spec CommandSpec spec;

    @picocli.CommandLine.Parameters(
        arity = "0..*",
        paramLabel = "ZONE",
        description = "IANA zones to keep (they replace those kept); none: list them.")
    List<ZoneId> zones = List.of();

    @Mixin DbOption db;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      try (Store store = db.open()) {
        if (zones.isEmpty()) {
          List<ZoneId> kept = Rollups.keptZones(store);
          out.println(
              "Zones whose days, weeks and months keep their percentiles: "
                  + (kept.isEmpty()
                      ? "UTC (none set)"
                      : String.join(", ", kept.stream().map(ZoneId::getId).toList()))
                  + (Rollups.built(store) ? "." : "; this store keeps no rollups yet."));
          return 0;
        }
        long t0 = System.nanoTime();
        PrintWriter err = spec.commandLine().getErr();
        Rollups.keepZones(
            store,
            zones,
            (step, steps, what) -> {
              err.println("Keeping the percentiles: " + what + " (" + step + " of " + steps + ")");
              err.flush();
            });
        out.printf(
            java.util.Locale.ROOT,
            "Zones kept: %s%s (%.1f s).%n",
            String.join(", ", zones.stream().map(ZoneId::getId).distinct().sorted().toList()),
            Rollups.built(store)
                ? "; their percentiles computed"
                : "; their percentiles are computed when the rollups are built",
            (System.nanoTime() - t0) / 1e9);
      }
      return 0;
    }
  }

  @Command(
      name = "verify",
      description =
          "Compute every KPI overall, by day, by hour, by each contact dimension and by channel and day from the"
              + " rollups and by a scan, and list every difference (exit 1 when there is one).")
  static final class Verify implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(
        names = "--from",
        paramLabel = "DATE",
        description = "First local day (default: the first day with contacts).")
    LocalDate from;

    @Option(
        names = "--to",
        paramLabel = "DATE",
        description = "Last local day (default: the last day with contacts).")
    LocalDate to;

    @Option(
        names = "--tz",
        paramLabel = "ZONE",
        description = "The IANA zone of the days (default: UTC).")
    ZoneId zone = ZoneId.of("UTC");

    @Mixin SettingsOption settings;

    @Mixin DbOption db;

    @Override
    public Integer call() {
      try (Store store = db.open()) {
        if (!Rollups.built(store)) {
          spec.commandLine()
              .getErr()
              .println(
                  "This store keeps no rollups, so there is nothing to verify: 'yardstick rollups"
                      + " rebuild' turns them on.");
          return 1;
        }
        Object[] extent =
            store.query("SELECT MIN(arrived_at), MAX(arrived_at) FROM contacts").get(0);
        if (extent[0] == null && (from == null || to == null)) {
          spec.commandLine().getOut().println("No contacts stored: nothing to verify.");
          return 0;
        }
        LocalDate f = from != null ? from : LocalDate.ofInstant((Instant) extent[0], zone);
        LocalDate t = to != null ? to : LocalDate.ofInstant((Instant) extent[1], zone);
        List<String> differences =
            RollupCheck.verify(new KpiEngine(store, settings.load()), f, t, zone);
        if (differences.isEmpty()) {
          spec.commandLine()
              .getOut()
              .println(
                  "The rollups agree with the scan: every KPI, "
                      + RollupCheck.slices().size()
                      + " slices, "
                      + f
                      + ".."
                      + t
                      + " "
                      + zone.getId()
                      + ".");
          return 0;
        }
        PrintWriter err = spec.commandLine().getErr();
        differences.stream().limit(100).forEach(err::println);
        err.println(
            differences.size()
                + " differences between the rollups and the scan; 'yardstick rollups rebuild'"
                + " recomputes the rollups.");
        return 1;
      }
    }
  }
}
