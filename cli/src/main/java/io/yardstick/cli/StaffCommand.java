package io.yardstick.cli;

import io.yardstick.forecast.Forecaster;
import io.yardstick.staffing.Patience;
import io.yardstick.staffing.QueueMetrics;
import io.yardstick.staffing.Staffing;
import io.yardstick.staffing.StaffingException;
import io.yardstick.staffing.StaffingJson;
import io.yardstick.staffing.StaffingPlan;
import io.yardstick.staffing.StaffingPlanner;
import io.yardstick.staffing.StaffingTarget;
import io.yardstick.staffing.Workload;
import io.yardstick.store.Store;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code yardstick staff}: agents for a service-level target, by Erlang C (or Erlang A with {@code
 * --patience}), for one interval ({@code --calls}) or interval by interval over the store's volumes
 * ({@code --from-history}). Percentages are 0-100 on input and output; see docs/staffing.md.
 */
@Command(
    name = "staff",
    description =
        "Agents needed for a service-level target (Erlang C, or Erlang A with"
            + " --patience): for one interval with --calls, or per interval of the store's volumes with --from-history."
            + " Percentages are 0-100.")
final class StaffCommand implements Callable<Integer> {
  enum Format {
    TABLE,
    JSON
  }

  /** History a --from-forecast plan learns from, as {@code yardstick forecast} does by default. */
  @Spec CommandSpec spec;

  @Option(names = "--calls", paramLabel = "N", description = "Contacts offered in the interval.")
  Double calls;

  @Option(
      names = "--interval-minutes",
      paramLabel = "M",
      defaultValue = "30",
      description = "Length of an interval in minutes (default: ${DEFAULT-VALUE}).")
  int intervalMinutes;

  @Option(
      names = "--aht",
      paramLabel = "S",
      description =
          "Average handle time in seconds (talk + hold + wrap;"
              + " for chats, the time one chat lasts). With --from-history, default: the period's own AHT.")
  Double aht;

  @Option(
      names = "--service-level",
      paramLabel = "P",
      defaultValue = "80",
      description =
          "Percent of contacts to answer within --answer-seconds, 0-100 (default: ${DEFAULT-VALUE}).")
  double serviceLevel;

  @Option(
      names = "--answer-seconds",
      paramLabel = "T",
      defaultValue = "20",
      description = "Answer time of the service-level target (default: ${DEFAULT-VALUE}).")
  double answerSeconds;

  @Option(
      names = "--max-occupancy",
      paramLabel = "X",
      defaultValue = "100",
      description = "Highest occupancy in percent (default: ${DEFAULT-VALUE}, no cap).")
  double maxOccupancy;

  @Option(
      names = "--shrinkage",
      paramLabel = "X",
      defaultValue = "0",
      description =
          "Percent of paid time agents do not answer (breaks, training, absence) (default: ${DEFAULT-VALUE}).")
  double shrinkage;

  @Option(
      names = "--patience",
      paramLabel = "S|history",
      description =
          "Mean customer patience in seconds, or"
              + " 'history' to estimate it from the period's waits and abandons: staffs with Erlang A instead of Erlang C.")
  String patience;

  @Option(
      names = "--concurrency",
      paramLabel = "K",
      defaultValue = "1",
      description = "Contacts one agent handles at once (chats) (default: ${DEFAULT-VALUE}).")
  int concurrency;

  @Option(
      names = "--from-history",
      description =
          "Plan every interval of --from..--to from the store's inbound"
              + " volumes of --channel, with the gap against the agents logged in.")
  boolean fromHistory;

  @Option(
      names = "--from-forecast",
      description =
          "Plan every interval of --from..--to from a volume forecast of"
              + " --channel made now from the 84 days before --from (as yardstick forecast does); needs --aht.")
  boolean fromForecast;

  @Option(
      names = "--from",
      paramLabel = "DATE",
      description = "First local date of the plan, YYYY-MM-DD.")
  LocalDate from;

  @Option(
      names = "--to",
      paramLabel = "DATE",
      description = "Last local date of the plan (inclusive), YYYY-MM-DD.")
  LocalDate to;

  @Option(
      names = "--tz",
      paramLabel = "ZONE",
      defaultValue = "UTC",
      description = "IANA time zone of the dates and intervals (default: ${DEFAULT-VALUE}).")
  ZoneId tz;

  @Option(
      names = "--channel",
      paramLabel = "CHANNEL",
      defaultValue = "phone",
      description = "Channel of the plan (default: ${DEFAULT-VALUE}).")
  String channel;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "table",
      description = "table or json (default: ${DEFAULT-VALUE}).")
  Format format;

  @Mixin DbOption db;

  @Mixin SettingsOption settings;

  @Override
  public Integer call() {
    if (fromForecast && fromHistory)
      throw usage("give --from-history or --from-forecast, not both");
    if ((fromHistory || fromForecast) == (calls != null)) {
      throw usage(
          "give either --calls N (one interval) or --from-history / --from-forecast with --from and --to"
              + " (a plan)");
    }
    if (intervalMinutes <= 0)
      throw usage("--interval-minutes must be 1 or more, not " + intervalMinutes);
    StaffingTarget.Builder target =
        StaffingTarget.serviceLevel(percent("--service-level", serviceLevel, false), answerSeconds)
            .maxOccupancy(percent("--max-occupancy", maxOccupancy, false))
            .shrinkage(percent("--shrinkage", shrinkage, true))
            .concurrency(concurrency);
    return fromHistory || fromForecast ? plan(target) : single(target);
  }

  private int single(StaffingTarget.Builder builder) {
    if (aht == null) throw usage("--aht S is required with --calls");
    if ("history".equalsIgnoreCase(patience))
      throw usage("--patience history needs --from-history");
    StaffingTarget target = builder.patienceSeconds(patienceSeconds()).build();
    Workload w = Workload.of(calls, intervalMinutes * 60.0, aht);
    Staffing s = Staffing.required(w, target);
    QueueMetrics m = s.metrics();
    PrintWriter out = spec.commandLine().getOut();
    if (format == Format.JSON) {
      Map<String, Object> root = metrics(s);
      root.put("model", m.model());
      root.put("traffic_erlangs", m.trafficErlangs());
      root.put("servers", m.servers());
      root.put("bound_by", s.boundBy());
      out.println(json(root));
      return 0;
    }
    out.println(
        String.format(
            Locale.ENGLISH,
            "%s: %s contacts in %d min, AHT %s = %.2f Erlangs; target %s within" + " %s%s",
            model(target),
            num(calls),
            intervalMinutes,
            Formats.duration(aht),
            m.trafficErlangs(),
            pct(target.serviceLevel() * 100),
            num(answerSeconds) + " s",
            concurrency > 1 ? ", " + concurrency + " contacts per agent" : ""));
    List<List<String>> rows = new ArrayList<>();
    rows.add(List.of("figure", "value", "note"));
    rows.add(
        List.of(
            "Agents needed",
            String.valueOf(s.agents()),
            s.boundBy().equals("occupancy")
                ? "set by the occupancy cap of " + pct(maxOccupancy)
                : "-"));
    rows.add(
        List.of(
            "Service level", pct(m.serviceLevel() * 100), "within " + num(answerSeconds) + " s"));
    rows.add(
        List.of(
            "Average speed of answer",
            Formats.duration(m.asaSeconds()),
            "mean wait of answered contacts"));
    rows.add(
        List.of(
            "Probability of waiting",
            pct(m.probabilityWait() * 100),
            "contacts not answered at once"));
    rows.add(List.of("Occupancy", pct(m.occupancy() * 100), "time agents handle contacts"));
    if (m.abandonment() != null) {
      rows.add(
          List.of("Abandonment", pct(m.abandonment() * 100), "customers who hang up (Erlang A)"));
    }
    rows.add(
        List.of(
            "Agents scheduled",
            String.valueOf(s.scheduledAgents()),
            "with " + pct(shrinkage) + " shrinkage"));
    Tables.print(out, rows, 1, true);
    return 0;
  }

  private int plan(StaffingTarget.Builder builder) {
    String mode = fromForecast ? "--from-forecast" : "--from-history";
    if (from == null || to == null) throw usage(mode + " needs --from DATE and --to DATE");
    ZoneId zone = tz;
    LocalDate f = from;
    LocalDate t = to;
    if (t.isBefore(f))
      throw usage("--to (" + t + ") is before --from (" + f + "); give --to on or after --from");
    boolean patienceFromHistory = "history".equalsIgnoreCase(patience);
    StaffingTarget target =
        builder.patienceSeconds(patienceFromHistory ? null : patienceSeconds()).build();
    StaffingPlanner.Result result;
    try (Store store = db.open()) {
      Forecaster forecaster =
          new Forecaster(
              store,
              Clock.systemUTC(),
              settings.settings().get(io.yardstick.settings.Settings.FORECAST));
      result =
          new StaffingPlanner(store, r -> forecaster.forecast(r, progress -> {}))
              .plan(
                  new StaffingPlanner.Request(
                      fromForecast
                          ? StaffingPlanner.Source.FORECAST
                          : StaffingPlanner.Source.HISTORY,
                      channel,
                      f,
                      t,
                      zone,
                      intervalMinutes,
                      aht,
                      patienceFromHistory,
                      target));
    } catch (StaffingException e) {
      throw new StaffingException(Main.message(e) + (aht == null ? " (--aht S)" : ""));
    }
    StaffingPlan plan = result.plan();
    double handle = result.ahtSeconds();
    Patience estimated = result.patience();
    PrintWriter out = spec.commandLine().getOut();
    if (format == Format.JSON) {
      out.println(json(StaffingJson.plan(result)));
      return 0;
    }
    out.println(
        String.format(
            Locale.ENGLISH,
            (fromForecast ? "Forecast staffing" : "Staffing")
                + " %s %s .. %s (%s), %d-minute intervals, AHT %s, %s, target %s"
                + " within %s s%s",
            channel,
            f,
            t,
            zone.getId(),
            intervalMinutes,
            Formats.duration(handle),
            model(plan.target()),
            pct(plan.target().serviceLevel() * 100),
            num(answerSeconds),
            estimated == null
                ? ""
                : String.format(
                    Locale.ENGLISH,
                    " (patience %s from %d abandons)",
                    Formats.duration(estimated.meanSeconds()),
                    estimated.abandoned())));
    DateTimeFormatter time =
        f.equals(t)
            ? DateTimeFormatter.ofPattern("HH:mm")
            : DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    List<List<String>> rows = new ArrayList<>();
    rows.add(
        List.of(
            "interval", "contacts", "agents", "scheduled", "logged in", "gap", "service level"));
    int shown = 0;
    for (StaffingPlan.Row r : plan.rows()) {
      if (r.volume().contacts() == 0 && (r.loggedIn() == null || r.loggedIn() == 0)) continue;
      shown++;
      double c = r.volume().contacts();
      rows.add(
          List.of(
              r.volume().start().atZone(zone).format(time),
              c == Math.rint(c) ? num(c) : String.format(Locale.ENGLISH, "%.1f", c),
              String.valueOf(r.agents()),
              String.valueOf(r.scheduledAgents()),
              r.loggedIn() == null ? "-" : String.format(Locale.ENGLISH, "%.1f", r.loggedIn()),
              r.gap() == null ? "-" : String.format(Locale.ENGLISH, "%+.1f", r.gap()),
              r.volume().contacts() == 0 ? "-" : pct(r.staffing().metrics().serviceLevel() * 100)));
    }
    Tables.print(out, rows, 1);
    out.println(
        String.format(
            Locale.ENGLISH,
            "%d of %d intervals with contacts or agents; peak %d agents; %.1f"
                + " agent-hours required, %.1f scheduled with %s shrinkage.",
            shown,
            plan.rows().size(),
            plan.peakAgents(),
            plan.agentHours(),
            plan.scheduledHours(),
            pct(shrinkage)));
    return 0;
  }

  /**
   * The documented keys, percentages 0-100: agents, service_level, asa, probability_wait,
   * occupancy, ...
   */
  private static Map<String, Object> metrics(Staffing s) {
    QueueMetrics m = s.metrics();
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("agents", s.agents());
    root.put("service_level", m.serviceLevel() * 100);
    root.put("asa", Double.isFinite(m.asaSeconds()) ? m.asaSeconds() : null);
    root.put("probability_wait", m.probabilityWait() * 100);
    root.put("occupancy", m.occupancy() * 100);
    root.put("scheduled_agents", s.scheduledAgents());
    if (m.abandonment() != null) root.put("abandonment", m.abandonment() * 100);
    return root;
  }

  private Double patienceSeconds() {
    if (patience == null) return null;
    try {
      return io.yardstick.Parse.number(patience);
    } catch (io.yardstick.Parse.InvalidValueException e) {
      throw usage("--patience: '" + patience + "' is neither a number of seconds nor 'history'");
    }
  }

  /** A percentage option (0-100, the core's rule) as a fraction. */
  private double percent(String option, double value, boolean zeroAllowed) {
    try {
      return io.yardstick.Parse.percentage(value, zeroAllowed, true) / 100;
    } catch (io.yardstick.Parse.InvalidValueException e) {
      throw usage(option + ": " + e.getMessage());
    }
  }

  private ParameterException usage(String message) {
    return new ParameterException(spec.commandLine(), message);
  }

  private static String model(StaffingTarget t) {
    return t.erlangA()
        ? "Erlang A (mean patience " + Formats.duration(t.patienceSeconds()) + ")"
        : "Erlang C";
  }

  private static String json(Object o) {
    try {
      return Json.MAPPER.writeValueAsString(o);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String pct(double v) {
    return String.format(Locale.ENGLISH, "%.1f%%", v);
  }

  private static String num(double v) {
    return io.yardstick.Parse.number(v);
  }
}
