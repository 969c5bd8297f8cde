package io.yardstick.cli;

import io.yardstick.Parse;
import io.yardstick.alert.Alert;
import io.yardstick.alert.AlertEvaluator;
import io.yardstick.alert.AlertHistory;
import io.yardstick.alert.AlertJson;
import io.yardstick.alert.AlertRule;
import io.yardstick.alert.AlertRules;
import io.yardstick.alert.AlertSettings;
import io.yardstick.alert.Durations;
import io.yardstick.alert.Notifications;
import io.yardstick.event.LiveView;
import io.yardstick.kpi.Kpi;
import io.yardstick.kpi.KpiEngine;
import io.yardstick.store.Store;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code yardstick alert add|list|remove|history|evaluate}: alert rules and their alarms
 * (docs/alerts.md).
 */
@Command(
    name = "alert",
    description =
        "Alert rules on KPIs and live queues, and the alerts they raised" + " (docs/alerts.md).",
    subcommands = {
      AlertCommand.Add.class,
      AlertCommand.ListRules.class,
      AlertCommand.Remove.class,
      AlertCommand.History.class,
      AlertCommand.Evaluate.class
    })
final class AlertCommand {

  enum Format {
    TABLE,
    JSON
  }

  @Command(
      name = "add",
      description = {
        "Add a rule.",
        "--kind kpi (default; with --kpi and --window), longest_wait (seconds the longest-waiting contact has waited),"
            + " waiting (contacts waiting), volume_over_forecast (percent above the stored forecast this hour),"
            + " sla_due (SLA targets falling due within --within; no threshold) or sla_breached (SLA targets"
            + " breached; no threshold): each SLA target is notified once (docs/alerts.md)."
      })
  static final class Add implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(
        names = "--name",
        required = true,
        description = "What people read in the notification.")
    String name;

    @Option(
        names = "--kind",
        defaultValue = "kpi",
        description = "kpi, longest_wait, waiting, volume_over_forecast, sla_due, sla_breached.")
    String kind;

    @Option(
        names = "--kpi",
        paramLabel = "ID",
        description = "The KPI of a kpi rule (yardstick kpis lists them).")
    Kpi kpi;

    @Option(
        names = "--where",
        paramLabel = "DIM=V[,V...]",
        description =
            "Only data where DIM is any of the values;"
                + " repeatable. Live rules take channel and queue; SLA rules priority, tag and"
                + " metric.")
    List<String> where = new ArrayList<>();

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    Threshold threshold;

    static final class Threshold {
      @Option(
          names = "--above",
          paramLabel = "VALUE",
          description = "Alarm when the value is above this.")
      Double above;

      @Option(
          names = "--below",
          paramLabel = "VALUE",
          description = "Alarm when the value is below this.")
      Double below;

      @Option(
          names = "--above-goal",
          paramLabel = "GOAL",
          description = "Alarm above the target of goal GOAL.")
      Long aboveGoal;

      @Option(
          names = "--below-goal",
          paramLabel = "GOAL",
          description = "Alarm below the target of goal GOAL.")
      Long belowGoal;

      @Option(
          names = "--above-benchmark",
          description = "Alarm above the KPI's benchmark (its high end).")
      boolean aboveBenchmark;

      @Option(
          names = "--below-benchmark",
          description = "Alarm below the KPI's benchmark (its low end).")
      boolean belowBenchmark;
    }

    @Option(
        names = "--window",
        defaultValue = "15m",
        description = "The rolling window of a kpi rule: 15m, 1h, 1d.")
    String window;

    @Option(
        names = "--within",
        paramLabel = "DURATION",
        description = "sla_due: notify a target this long before it falls due: 30m, 2h.")
    String within;

    @Option(
        names = "--min-volume",
        defaultValue = "0",
        paramLabel = "N",
        description =
            "No alarm on fewer contacts than this (in the window; waiting, for live rules).")
    long minVolume;

    @Option(
        names = "--cool-down",
        defaultValue = "0s",
        description = "After an alert resolves, no new one for this" + " long: 30m.")
    String coolDown;

    @Option(
        names = "--notify",
        paramLabel = "TARGET",
        description = "log, webhook:URL or email:ADDRESS; repeatable" + " (default: log).")
    List<String> notify = new ArrayList<>();

    @Option(
        names = "--tz",
        defaultValue = "UTC",
        description = "The zone of 'this hour' (volume_over_forecast).")
    ZoneId tz;

    @Mixin DbOption db;

    @Override
    public Integer call() throws Exception {
      AlertRule.Kind k = AlertRule.Kind.of(kind);
      if (threshold == null && !k.sla()) {
        throw new picocli.CommandLine.ParameterException(
            spec.commandLine(),
            "Error: Missing required argument: a threshold (--above, --below, --above-goal,"
                + " --below-goal, --above-benchmark or --below-benchmark); only sla_due and"
                + " sla_breached rules take none.");
      }
      AlertRule.Builder b = AlertRule.builder(name, k);
      if (kpi != null) b.kpi(kpi);
      Threshold t = threshold == null ? new Threshold() : threshold;
      if (within != null) b.within(Durations.parse(within));
      if (t.above != null) b.above(t.above);
      if (t.below != null) b.below(t.below);
      if (t.aboveGoal != null) b.comparison(AlertRule.Comparison.ABOVE).goal(t.aboveGoal);
      if (t.belowGoal != null) b.comparison(AlertRule.Comparison.BELOW).goal(t.belowGoal);
      if (t.aboveBenchmark) b.comparison(AlertRule.Comparison.ABOVE).benchmark();
      if (t.belowBenchmark) b.comparison(AlertRule.Comparison.BELOW).benchmark();
      b.zone(tz);
      b.where(where.toArray(String[]::new))
          .window(Durations.parse(window))
          .minVolume(minVolume)
          .coolDown(Durations.parse(coolDown))
          .notify(notify);
      AlertRule rule = b.build();
      try (Store store = db.open()) {
        AlertRule stored = new AlertRules(store, Clock.systemUTC()).add(rule);
        spec.commandLine()
            .getOut()
            .println("Added alert rule " + stored.id() + ": " + describe(stored) + ".");
      }
      return 0;
    }
  }

  static String describe(AlertRule r) {
    String threshold =
        switch (r.thresholdSource()) {
          case VALUE -> r.threshold() == null ? "-" : Parse.number(r.threshold());
          case GOAL -> "the target of goal " + r.goalId();
          case BENCHMARK -> "the benchmark";
        };
    String filters =
        r.filters().isEmpty()
            ? ""
            : " where "
                + String.join(
                    " and ",
                    r.filters().stream()
                        .map(
                            f ->
                                f.dimension().name()
                                    + "="
                                    + (f.isRange()
                                        ? f.low() + ".." + f.high()
                                        : String.join(",", f.values())))
                        .toList());
    if (r.kind().sla())
      return r.measure() + filters + ", each target once; notify " + String.join(", ", r.targets());
    return r.measure()
        + filters
        + " "
        + r.comparison().id()
        + " "
        + threshold
        + (r.minVolume() > 0 ? ", at least " + r.minVolume() + " contacts" : "")
        + (r.coolDown().isZero() ? "" : ", cool-down " + Durations.format(r.coolDown()))
        + "; notify "
        + String.join(", ", r.targets());
  }

  @Command(name = "list", description = "List the rules, and which are firing.")
  static final class ListRules implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--format", defaultValue = "table", description = "table or json.")
    String format;

    @Mixin DbOption db;

    @Override
    public Integer call() throws Exception {
      PrintWriter out = spec.commandLine().getOut();
      try (Store store = db.open()) {
        List<AlertRule> rules = new AlertRules(store, Clock.systemUTC()).list();
        List<Alert> firing = new AlertHistory(store).firing();
        if (format.equalsIgnoreCase("json")) {
          List<Object> list = new ArrayList<>();
          for (AlertRule r : rules) {
            list.add(
                Map.of(
                    "id",
                    r.id(),
                    "name",
                    r.name(),
                    "rule",
                    describe(r),
                    "firing",
                    firing.stream().anyMatch(a -> a.ruleId() == r.id())));
          }
          out.println(Json.MAPPER.writeValueAsString(Map.of("rules", list)));
          return 0;
        }
        if (rules.isEmpty()) {
          out.println("No alert rules yet; alert add sets one.");
          return 0;
        }
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("id", "name", "state", "rule"));
        for (AlertRule r : rules) {
          rows.add(
              List.of(
                  Long.toString(r.id()),
                  r.name(),
                  firing.stream().anyMatch(a -> a.ruleId() == r.id()) ? "FIRING" : "ok",
                  describe(r)));
        }
        Tables.print(out, rows, 4);
      }
      return 0;
    }
  }

  @Command(name = "remove", description = "Remove a rule (its alerts stay in the history).")
  static final class Remove implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "ID")
    long id;

    @Mixin DbOption db;

    @Override
    public Integer call() {
      try (Store store = db.open()) {
        if (!new AlertRules(store, Clock.systemUTC()).remove(id)) {
          spec.commandLine()
              .getErr()
              .println("There is no alert rule " + id + "; alert list shows the rules.");
          return 1;
        }
        spec.commandLine().getOut().println("Removed alert rule " + id + ".");
      }
      return 0;
    }
  }

  @Command(
      name = "history",
      description = "The latest alerts, newest first: when they fired and resolved.")
  static final class History implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--rule", paramLabel = "ID", description = "Only this rule's alerts.")
    Long rule;

    @Option(names = "--limit", defaultValue = "50")
    int limit;

    @Option(names = "--format", defaultValue = "table", description = "table or json.")
    String format;

    @Mixin DbOption db;

    @Override
    public Integer call() throws Exception {
      PrintWriter out = spec.commandLine().getOut();
      try (Store store = db.open()) {
        AlertHistory h = new AlertHistory(store);
        List<Alert> alerts = rule == null ? h.latest(limit) : h.ofRule(rule, limit);
        if (format.equalsIgnoreCase("json")) {
          out.println(
              Json.MAPPER.writeValueAsString(
                  Map.of("alerts", alerts.stream().map(AlertJson::alert).toList())));
          return 0;
        }
        if (alerts.isEmpty()) {
          out.println("No alerts yet.");
          return 0;
        }
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("id", "rule", "fired", "resolved", "message"));
        for (Alert a : alerts) {
          rows.add(
              List.of(
                  Long.toString(a.id()),
                  a.ruleName() == null ? "#" + a.ruleId() : a.ruleName(),
                  a.firedAt().toString(),
                  a.resolvedAt() == null ? "FIRING" : a.resolvedAt().toString(),
                  a.message()));
        }
        Tables.print(out, rows, 5);
      }
      return 0;
    }
  }

  @Command(
      name = "evaluate",
      description = {
        "Evaluate every rule once now (live rules from the contacts the store"
            + " shows waiting) and send the notifications of what changed.",
        "Notifications use YARDSTICK_WEBHOOK_SECRET and YARDSTICK_SMTP_HOST/PORT/FROM (docs/alerts.md)."
      })
  static final class Evaluate implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(
        names = "--at",
        paramLabel = "INSTANT",
        description =
            "Evaluate as of this instant (default: now), such" + " as 2026-11-24T10:00:00Z.")
    Instant at;

    @Mixin DbOption db;

    @Mixin SettingsOption settings;

    @Override
    public Integer call() {
      Clock clock = Clock.systemUTC();
      if (at != null) clock = Clock.fixed(at, ZoneOffset.UTC);
      PrintWriter out = spec.commandLine().getOut();
      try (Store store = db.open()) {
        LiveView live = LiveView.load(store, clock.instant());
        List<AlertEvaluator.Transition> changes =
            new AlertEvaluator(store, new KpiEngine(store, settings.load()), () -> live, clock)
                .evaluate(AlertEvaluator.Scope.ALL);
        for (AlertEvaluator.Transition t : changes) {
          out.println(
              t.transition().toUpperCase(Locale.ROOT)
                  + " "
                  + t.alert().ruleName()
                  + ": "
                  + t.alert().message());
        }
        int sent = Notifications.standard(store, clock, AlertSettings.fromEnvironment()).dispatch();
        out.println(
            changes.isEmpty()
                ? "No alert changed."
                : changes.size() + " alert(s) changed; " + sent + " notification(s) sent.");
      }
      return 0;
    }
  }
}
