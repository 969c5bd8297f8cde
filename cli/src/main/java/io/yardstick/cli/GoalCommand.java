package io.yardstick.cli;

import io.yardstick.goal.Goal;
import io.yardstick.goal.GoalDates;
import io.yardstick.goal.GoalJson;
import io.yardstick.goal.GoalProgress;
import io.yardstick.goal.GoalTracker;
import io.yardstick.goal.Goals;
import io.yardstick.goal.Target;
import io.yardstick.kpi.Kpi;
import io.yardstick.kpi.KpiEngine;
import io.yardstick.store.Store;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code yardstick goal add|list|show|remove}: goals tracked to their deadline (docs/goals.md). */
@Command(
    name = "goal",
    description = "Set goals for KPIs and track them to their deadline (docs/goals.md).",
    subcommands = {
      GoalCommand.Add.class,
      GoalCommand.ListGoals.class,
      GoalCommand.Show.class,
      GoalCommand.Remove.class
    })
final class GoalCommand {

  enum Format {
    TABLE,
    JSON
  }

  /** The day a goal is tracked on: --as-of, else today. */
  static Clock clock(LocalDate asOf) {
    if (asOf == null) return Clock.systemUTC();
    // noon UTC of the day: the same local day in every zone from UTC-11 to UTC+11
    return Clock.fixed(
        asOf.atTime(12, 0).toInstant(java.time.ZoneOffset.UTC), java.time.ZoneOffset.UTC);
  }

  @Command(
      name = "add",
      description = {
        "Set a goal and print its realism check and where it stands.",
        "--by takes a date, MM-DD (the next one), end-of-fiscal-year, start-of-next-quarter (the fiscal year starts in"
            + " the month goals.fiscal_year_start_month of the settings file, default January) or +N d|w|m|y (+2m:"
            + " within two months)."
      })
  static final class Add implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(
        names = "--kpi",
        required = true,
        paramLabel = "ID",
        description = "The KPI (yardstick kpis lists them).")
    Kpi kpi;

    @Option(
        names = "--where",
        paramLabel = "DIM=V[,V...]",
        description =
            "The segment: keep only data where DIM is any of the values; repeatable (all must hold);"
                + " age=55..70 for ranges.")
    List<String> where = new ArrayList<>();

    @ArgGroup(exclusive = true, multiplicity = "1")
    TargetOption target;

    static final class TargetOption {
      @Option(
          names = "--target",
          paramLabel = "VALUE",
          description = "The value to reach, in the KPI's unit.")
      Double value;

      @Option(
          names = "--change",
          paramLabel = "+N%|-N%",
          description = "The change from the baseline, in percent.")
      String change;
    }

    @Option(
        names = "--by",
        required = true,
        paramLabel = "DEADLINE",
        description = "The last day of the goal.")
    String by;

    @Option(
        names = "--from",
        paramLabel = "DATE",
        description = "The goal's first day (default: today).")
    LocalDate from;

    @Option(
        names = "--baseline-from",
        paramLabel = "DATE",
        description =
            "First day of the baseline period (default: as many days as the goal, just before it).")
    LocalDate baselineFrom;

    @Option(
        names = "--baseline-to",
        paramLabel = "DATE",
        description = "Last day of the baseline period.")
    LocalDate baselineTo;

    @Option(
        names = "--baseline",
        paramLabel = "VALUE",
        description = "The baseline value, instead of measuring it.")
    Double baseline;

    @Option(
        names = "--name",
        paramLabel = "TEXT",
        description = "A name (default: made from the KPI, segment and target).")
    String name;

    @Option(
        names = "--tz",
        paramLabel = "ZONE",
        defaultValue = "UTC",
        description = "IANA time zone of the dates (default: ${DEFAULT-VALUE}).")
    ZoneId tz;

    @Option(
        names = "--as-of",
        paramLabel = "DATE",
        description = "Act as on this day (default: today).")
    LocalDate asOf;

    @Mixin DbOption db;

    @Mixin SettingsOption settings;

    @Override
    public Integer call() throws Exception {
      Kpi k = kpi;
      ZoneId zone = tz;
      Clock clock = clock(asOf);
      LocalDate start = from == null ? LocalDate.ofInstant(clock.instant(), zone) : from;
      LocalDate deadline =
          GoalDates.deadline(by, start, settings.settings().goals().fiscalYearStartMonth());
      Target t =
          target.value != null ? Target.absolute(target.value) : Target.parseChange(target.change);
      Goal goal =
          Goal.builder(k, start, deadline, zone)
              .where(where)
              .name(name)
              .baseline(baseline)
              .baselinePeriod(baselineFrom, baselineTo)
              .target(t)
              .build();
      PrintWriter out = spec.commandLine().getOut();
      try (Store store = db.open()) {
        Goal stored = new Goals(store, clock).add(goal);
        GoalProgress p =
            new GoalTracker(new KpiEngine(store, settings.load()), clock).track(stored);
        out.println(
            "Added goal "
                + stored.id()
                + ": "
                + stored.name()
                + " ("
                + stored.start()
                + " to "
                + stored.deadline()
                + ", "
                + zone.getId()
                + ").");
        out.println("Realism: " + p.realism().verdict().label() + ".");
        p.realism().explanation().forEach(s -> out.println("  " + s));
        out.println("Now: " + p.status().label() + "; goal show " + stored.id() + " tracks it.");
      }
      return 0;
    }
  }

  /** The options list and show share: output format and the day to track as on. */
  static final class TrackOptions {
    @Option(
        names = "--format",
        paramLabel = "FORMAT",
        defaultValue = "table",
        description = "table or json (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(
        names = "--as-of",
        paramLabel = "DATE",
        description = "Track as on this day (default: today).")
    LocalDate asOf;
  }

  @Command(name = "list", description = "List the goals with where they stand.")
  static final class ListGoals implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin TrackOptions track;

    @Mixin DbOption db;

    @Mixin SettingsOption settings;

    @Override
    public Integer call() throws Exception {
      PrintWriter out = spec.commandLine().getOut();
      Clock clock = clock(track.asOf);
      try (Store store = db.open()) {
        GoalTracker tracker = new GoalTracker(new KpiEngine(store, settings.load()), clock);
        List<GoalProgress> all = new ArrayList<>();
        for (Goal g : new Goals(store, clock).list()) {
          all.add(tracker.track(g));
        }
        if (track.format == Format.JSON) {
          out.println(
              Json.MAPPER.writeValueAsString(
                  java.util.Map.of("goals", all.stream().map(GoalJson::summary).toList())));
          return 0;
        }
        if (all.isEmpty()) {
          out.println("No goals yet; goal add sets one.");
          return 0;
        }
        List<List<String>> rows = new ArrayList<>();
        rows.add(
            List.of(
                "id",
                "name",
                "by",
                "baseline",
                "target",
                "current",
                "progress",
                "projected",
                "status"));
        for (GoalProgress p : all) {
          Kpi k = p.goal().kpi();
          rows.add(
              List.of(
                  Long.toString(p.goal().id()),
                  p.goal().name(),
                  p.goal().deadline().toString(),
                  Formats.value(k, p.baseline()),
                  Formats.value(k, p.target()),
                  Formats.value(k, p.current()),
                  percent(p.progress()),
                  Formats.value(k, p.projected()),
                  p.status().label()));
        }
        Tables.print(out, rows, 2, true);
      }
      return 0;
    }
  }

  @Command(
      name = "show",
      description = "Show a goal: figures, weekly history, trend, projection and realism.")
  static final class Show implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "ID", description = "The goal's id (goal list shows them).")
    long id;

    @Mixin TrackOptions track;

    @Mixin DbOption db;

    @Mixin SettingsOption settings;

    @Override
    public Integer call() throws Exception {
      PrintWriter out = spec.commandLine().getOut();
      Clock clock = clock(track.asOf);
      try (Store store = db.open()) {
        Goal g = new Goals(store, clock).get(id);
        GoalProgress p = new GoalTracker(new KpiEngine(store, settings.load()), clock).track(g);
        if (track.format == Format.JSON) {
          out.println(Json.MAPPER.writeValueAsString(GoalJson.progress(p)));
          return 0;
        }
        Kpi k = g.kpi();
        out.println("Goal " + g.id() + ": " + g.name());
        out.println(
            "  "
                + k.displayName()
                + " ("
                + k.id()
                + ")"
                + (g.where().isEmpty() ? "" : " where " + String.join(" and ", g.where()))
                + ", "
                + g.start()
                + " to "
                + g.deadline()
                + " ("
                + g.zone().getId()
                + ")");
        out.println(
            "  baseline "
                + Formats.value(k, p.baseline())
                + (p.baselineFrom() == null
                    ? " (given)"
                    : " (" + p.baselineFrom() + " to " + p.baselineTo() + ")")
                + ", target "
                + Formats.value(k, p.target())
                + (g.target().kind() == io.yardstick.goal.Target.Kind.CHANGE
                    ? " (" + g.target().text() + ")"
                    : ""));
        out.println(
            "  current "
                + Formats.value(k, p.current())
                + (p.measuredTo() == null ? "" : " (" + g.start() + " to " + p.measuredTo() + ")")
                + ", "
                + percent(p.progress())
                + " of the way, "
                + percent(p.timeElapsed())
                + " of the time");
        out.println(
            "  projected "
                + Formats.value(k, p.projected())
                + " by "
                + g.deadline()
                + (p.trend() == null
                    ? " (no trend: fewer than " + GoalTracker.MIN_TREND_WEEKS + " weekly values)"
                    : " (Theil-Sen trend over "
                        + p.trend().weeks()
                        + " weeks, "
                        + Formats.change(k, p.trend().slopePerWeek(), 0.0)
                        + " a week)"));
        out.println("  status: " + p.status().label());
        out.println("Realism: " + p.realism().verdict().label());
        p.realism().explanation().forEach(s -> out.println("  " + s));
        if (!p.history().isEmpty()) {
          List<List<String>> rows = new ArrayList<>();
          rows.add(List.of("week", "from", "to", k.id()));
          for (GoalProgress.WeekValue w : p.history()) {
            rows.add(
                List.of(
                    w.week(), w.from().toString(), w.to().toString(), Formats.value(k, w.value())));
          }
          Tables.print(out, rows, 3);
        }
      }
      return 0;
    }
  }

  @Command(name = "remove", description = "Remove a goal.")
  static final class Remove implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "ID", description = "The goal's id.")
    long id;

    @Mixin DbOption db;

    @Override
    public Integer call() {
      try (Store store = db.open()) {
        Goals goals = new Goals(store, Clock.systemUTC());
        Goal g = goals.get(id);
        goals.remove(id);
        spec.commandLine().getOut().println("Removed goal " + id + ": " + g.name() + ".");
      }
      return 0;
    }
  }

  static String percent(Double v) {
    return v == null ? "-" : String.format(java.util.Locale.ENGLISH, "%.0f%%", v);
  }
}
