package io.yardstick.cli;

import io.yardstick.YardstickException;
import io.yardstick.alert.AlertSettings;
import io.yardstick.kpi.Kpi;
import io.yardstick.kpi.KpiEngine;
import io.yardstick.report.Cadence;
import io.yardstick.report.Deliveries;
import io.yardstick.report.Report;
import io.yardstick.report.ReportCsv;
import io.yardstick.report.ReportJson;
import io.yardstick.report.ReportPdf;
import io.yardstick.report.ReportSettings;
import io.yardstick.report.ReportText;
import io.yardstick.report.Reports;
import io.yardstick.report.SavedView;
import io.yardstick.report.SavedViews;
import io.yardstick.report.Schedule;
import io.yardstick.report.Schedules;
import io.yardstick.server.api.ReportBundles;
import io.yardstick.store.Store;
import io.yardstick.user.Role;
import io.yardstick.user.User;
import io.yardstick.user.Users;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code yardstick report add|list|show|run|schedule|send|remove}: saved views, their PDF and CSV,
 * and their scheduled delivery (docs/reports.md). The command line acts for the view's owner: a
 * report is computed as that user may see it.
 */
@Command(
    name = "report",
    description =
        "Saved views and dashboards: their PDF and CSV, and delivery on a schedule"
            + " (docs/reports.md).",
    subcommands = {
      ReportCommand.Add.class,
      ReportCommand.ListViews.class,
      ReportCommand.Show.class,
      ReportCommand.Run.class,
      ReportCommand.ScheduleView.class,
      ReportCommand.Send.class,
      ReportCommand.Remove.class
    })
final class ReportCommand {

  /**
   * The user a report is computed for: the owner when they are a user, else a manager (the local
   * store's own).
   */
  static User reader(Store store, String owner) {
    return new Users(store, Clock.systemUTC())
        .find(owner)
        .orElse(new User(owner, Role.MANAGER, null, false));
  }

  @Command(name = "add", description = "Save a view under a name; prints its id.")
  static final class Add implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(
        names = "--name",
        required = true,
        paramLabel = "TEXT",
        description = "The view's name.")
    String name;

    @Option(
        names = "--page",
        defaultValue = "overview",
        paramLabel = "PAGE",
        description =
            "The page: overview, trends, channels, queues, topics, agents, agent, contacts (default:"
                + " ${DEFAULT-VALUE}).")
    String page;

    @Option(
        names = "--period",
        required = true,
        paramLabel = "PERIOD",
        description =
            "last_7_days, last_week,"
                + " last_month, month_to_date, quarter_to_date, year_to_date, yesterday (each may end in :last_year), or"
                + " FROM..TO.")
    String period;

    @Option(
        names = "--tz",
        defaultValue = "UTC",
        paramLabel = "ZONE",
        description = "IANA zone (default: UTC).")
    ZoneId tz;

    @Option(
        names = "--kpi",
        split = ",",
        paramLabel = "ID",
        description = "KPIs (default: the headline numbers).")
    List<Kpi> kpis = new ArrayList<>();

    @Option(
        names = "--by",
        split = ",",
        paramLabel = "DIM",
        description = "Group by these dimensions (at most two).")
    List<String> by = new ArrayList<>();

    @Option(names = "--where", paramLabel = "DIM=V[,V...]", description = "A filter; repeatable.")
    List<String> where = new ArrayList<>();

    @Option(
        names = "--compare",
        description = "Compare with the period of the same length just before.")
    boolean compare;

    @Option(
        names = "--share",
        split = ",",
        paramLabel = "ROLE",
        description = "Roles that see it (default: private).")
    List<String> share = new ArrayList<>();

    @Option(
        names = "--owner",
        defaultValue = "admin",
        paramLabel = "USER",
        description = "Its owner (default: admin).")
    String owner;

    @Mixin DbOption db;

    @Mixin SettingsOption settings;

    @Override
    public Integer call() {
      SavedView v =
          new SavedView(
              0,
              name,
              owner,
              share.stream().map(Role::of).collect(Collectors.toSet()),
              page,
              null,
              io.yardstick.report.Period.parse(period),
              tz,
              kpis,
              by,
              where,
              compare,
              List.of(),
              null);
      try (Store store = db.open()) {
        new Reports(store, new KpiEngine(store, settings.load()))
            .compute(
                v,
                reader(store, owner),
                Clock.systemUTC().instant()); // checked whole before it is stored
        SavedView stored = new SavedViews(store, Clock.systemUTC()).add(v);
        spec.commandLine()
            .getOut()
            .println(
                "Saved view "
                    + stored.id()
                    + ": "
                    + stored.name()
                    + " ("
                    + stored.period()
                    + ", "
                    + stored.zone().getId()
                    + ").");
      }
      return 0;
    }
  }

  @Command(name = "list", description = "List the saved views and their schedules.")
  static final class ListViews implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(
        names = "--format",
        defaultValue = "table",
        description = "table or json (default: ${DEFAULT-VALUE}).")
    GoalCommand.Format format;

    @Mixin DbOption db;

    @Override
    public Integer call() throws Exception {
      PrintWriter out = spec.commandLine().getOut();
      try (Store store = db.open()) {
        List<SavedView> views = new SavedViews(store, Clock.systemUTC()).list();
        List<Schedule> schedules = new Schedules(store, Clock.systemUTC()).list();
        if (format == GoalCommand.Format.JSON) {
          Map<String, Object> root = new LinkedHashMap<>();
          root.put("views", views.stream().map(ReportJson::view).toList());
          root.put("schedules", schedules.stream().map(ReportJson::schedule).toList());
          out.println(Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root));
          return 0;
        }
        if (views.isEmpty()) out.println("No saved views; report add saves one.");
        for (SavedView v : views) {
          out.println(
              v.id()
                  + "  "
                  + v.name()
                  + "  ["
                  + v.page()
                  + ", "
                  + v.period()
                  + ", "
                  + v.zone().getId()
                  + ", "
                  + (v.shared().isEmpty()
                      ? "private to " + v.owner()
                      : "shared with "
                          + v.shared().stream()
                              .map(Role::id)
                              .sorted()
                              .collect(Collectors.joining(",")))
                  + "]");
          for (Schedule s : schedules) {
            if (s.viewId() == v.id()) {
              out.println(
                  "    schedule "
                      + s.id()
                      + ": "
                      + s.cadence().id()
                      + " ("
                      + s.language()
                      + ") to "
                      + String.join(", ", s.targets()));
            }
          }
        }
      }
      return 0;
    }
  }

  @Command(
      name = "show",
      description = "Print a view's numbers as JSON (the API's /api/views/ID/report).")
  static final class Show implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "ID")
    long id;

    @Option(
        names = "--as-of",
        paramLabel = "DATE",
        description = "Resolve the period as on this day (default: today).")
    LocalDate asOf;

    @Mixin DbOption db;

    @Mixin SettingsOption settings;

    @Override
    public Integer call() throws Exception {
      try (Store store = db.open()) {
        Report r = compute(store, id, asOf, settings);
        spec.commandLine()
            .getOut()
            .println(
                Json.MAPPER
                    .writerWithDefaultPrettyPrinter()
                    .writeValueAsString(ReportJson.report(r)));
      }
      return 0;
    }
  }

  static Report compute(Store store, long id, LocalDate asOf, SettingsOption settings) {
    SavedView v =
        new SavedViews(store, Clock.systemUTC())
            .find(id)
            .orElseThrow(
                () ->
                    new YardstickException("There is no view " + id + "; report list shows them."));
    java.time.Instant at =
        asOf == null
            ? Clock.systemUTC().instant()
            : asOf.atTime(12, 0).atZone(v.zone()).toInstant();
    return new Reports(store, new KpiEngine(store, settings.load()))
        .compute(v, reader(store, v.owner()), at);
  }

  @Command(
      name = "run",
      description = {
        "Write a view's PDF and the CSV of each of its tables to a folder, for a"
            + " person or a cron job; prints the files written."
      })
  static final class Run implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "ID")
    long id;

    @Option(
        names = "--out",
        defaultValue = ".",
        paramLabel = "DIR",
        description = "The folder (default: here).")
    Path out;

    @Option(
        names = "--lang",
        defaultValue = "en",
        paramLabel = "LANG",
        description = "en, es, ca or ro.")
    String lang;

    @Option(
        names = "--as-of",
        paramLabel = "DATE",
        description = "Resolve the period as on this day (default: today).")
    LocalDate asOf;

    @Mixin DbOption db;

    @Mixin SettingsOption settings;

    @Override
    public Integer call() throws Exception {
      PrintWriter w = spec.commandLine().getOut();
      try (Store store = db.open()) {
        Report r = compute(store, id, asOf, settings);
        Files.createDirectories(out);
        String base = "report-" + id + "-" + r.from() + "-" + r.to();
        Path pdf = out.resolve(base + ".pdf");
        ReportText text =
            ReportBundles.text(lang)
                .withLabels(settings.settings().get(io.yardstick.settings.Settings.LABELS));
        Files.write(pdf, ReportPdf.render(r, text));
        w.println(pdf);
        for (Map.Entry<String, String> csv : ReportCsv.tables(r, text).entrySet()) {
          Path f = out.resolve(base + "-" + csv.getKey());
          Files.writeString(f, csv.getValue());
          w.println(f);
        }
      }
      return 0;
    }
  }

  @Command(
      name = "schedule",
      description = "Deliver a view on a schedule in its zone; the server sends it.")
  static final class ScheduleView implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "VIEW")
    long view;

    @Option(
        names = "--cadence",
        required = true,
        paramLabel = "WHEN",
        description =
            "daily@08:00, weekly:mon@08:00," + " first_working_day@08:00 or cron:0 8 * * 1-5.")
    String cadence;

    @Option(
        names = "--to",
        required = true,
        paramLabel = "TARGET",
        description = "email:ADDRESS, slack:URL or" + " teams:URL; repeatable.")
    List<String> targets = new ArrayList<>();

    @Option(
        names = "--lang",
        defaultValue = "en",
        paramLabel = "LANG",
        description = "en, es, ca or ro.")
    String lang;

    @Mixin DbOption db;

    @Override
    public Integer call() {
      try (Store store = db.open()) {
        SavedView v =
            new SavedViews(store, Clock.systemUTC())
                .find(view)
                .orElseThrow(
                    () ->
                        new YardstickException(
                            "There is no view " + view + "; report list shows them."));
        Schedule s =
            new Schedules(store, Clock.systemUTC())
                .add(
                    new Schedule(
                        0, v.id(), v.owner(), Cadence.parse(cadence), lang, targets, null));
        spec.commandLine()
            .getOut()
            .println(
                "Scheduled view "
                    + v.id()
                    + " as schedule "
                    + s.id()
                    + ": "
                    + s.cadence().id()
                    + " in "
                    + v.zone().getId()
                    + ".");
      }
      return 0;
    }
  }

  @Command(
      name = "send",
      description =
          "Send a view now to the targets of its schedules (SMTP and webhooks as for"
              + " alerts: YARDSTICK_SMTP_HOST, ...); prints each delivery's state.")
  static final class Send implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "VIEW")
    long view;

    @Mixin DbOption db;

    @Mixin SettingsOption settings;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      int failed = 0;
      try (Store store = db.open()) {
        Schedules schedules = new Schedules(store, Clock.systemUTC());
        List<Schedule> of = schedules.ofView(view);
        if (of.isEmpty()) {
          throw new YardstickException(
              "View " + view + " has no schedule, so no targets; report schedule adds one.");
        }
        Deliveries d =
            Deliveries.standard(
                store,
                new KpiEngine(store, settings.load()),
                Clock.systemUTC(),
                AlertSettings.fromEnvironment(),
                ReportSettings.fromEnvironment(),
                l ->
                    ReportBundles.text(l)
                        .withLabels(
                            settings.settings().get(io.yardstick.settings.Settings.LABELS)));
        for (Schedule s : of) {
          Set<String> keys = Set.copyOf(d.sendNow(s));
          for (var h : schedules.history(s.id(), 1000)) {
            if (!keys.contains(h.idempotencyKey())) continue;
            out.println(
                h.target() + ": " + h.state() + (h.error() == null ? "" : " (" + h.error() + ")"));
            if (!h.state().equals("sent")) failed++;
          }
        }
      }
      return failed == 0 ? 0 : 1;
    }
  }

  @Command(name = "remove", description = "Remove a saved view and its schedules.")
  static final class Remove implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "ID")
    long id;

    @Mixin DbOption db;

    @Override
    public Integer call() {
      try (Store store = db.open()) {
        if (!new SavedViews(store, Clock.systemUTC()).remove(id)) {
          throw new YardstickException("There is no view " + id + "; report list shows them.");
        }
        spec.commandLine().getOut().println("Removed view " + id + " and its schedules.");
      }
      return 0;
    }
  }
}
