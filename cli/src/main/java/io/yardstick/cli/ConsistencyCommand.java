package io.yardstick.cli;

import io.yardstick.YardstickException;
import io.yardstick.kpi.Consistency;
import io.yardstick.kpi.Kpi;
import io.yardstick.kpi.KpiEngine;
import io.yardstick.kpi.KpiJson;
import io.yardstick.kpi.KpiQuery;
import io.yardstick.store.Store;
import java.io.PrintWriter;
import java.util.ArrayList;
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

/** {@code yardstick consistency}: how evenly the agents serve, KPI by KPI. */
@Command(
    name = "consistency",
    description =
        "The spread of every agent KPI across agents (standard deviation,"
            + " coefficient of variation, interquartile range) and the agents outside 1.5 IQR.")
final class ConsistencyCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin QueryOptions period;

  @Option(
      names = "--kpi",
      paramLabel = "ID",
      split = ",",
      description = "Agent KPI ids (default: every agent KPI).")
  List<Kpi> kpis;

  @Option(
      names = "--min-contacts",
      paramLabel = "N",
      defaultValue = "20",
      description =
          "Leave out agents with fewer contacts in the period (default: ${DEFAULT-VALUE}).")
  int minContacts;

  @Option(
      names = "--split",
      paramLabel = "SPLIT",
      defaultValue = "channel",
      description =
          "channel: compare agents within each channel (the default; agent-time KPIs have no channel and"
              + " are compared across all agents); none: across all channels at once.")
  String split;

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
    List<Kpi> list = new ArrayList<>();
    for (Kpi k : kpis == null ? List.<Kpi>of() : kpis) {
      if (!Consistency.agentKpis().contains(k)) {
        throw new ParameterException(
            spec.commandLine(),
            "--kpi: "
                + k.id()
                + " is not measured per agent; agent KPIs: "
                + String.join(", ", Consistency.agentKpis().stream().map(Kpi::id).toList())
                + ".");
      }
      list.add(k);
    }
    if (list.isEmpty()) list = Consistency.agentKpis();
    Consistency.Split how;
    try {
      how = Consistency.Split.parse(split);
    } catch (YardstickException e) {
      throw new ParameterException(spec.commandLine(), "--split: " + e.getMessage());
    }
    Main.bounded(spec.commandLine(), "--min-contacts", minContacts, 0, 1_000_000); // as the API
    KpiQuery query = period.query(spec.commandLine(), list);
    Consistency c;
    try (Store store = db.open()) {
      c = Consistency.of(new KpiEngine(store, settings.load()), query, minContacts, how);
    }
    PrintWriter out = spec.commandLine().getOut();
    switch (format) {
      case JSON -> out.println(Json.MAPPER.writeValueAsString(json(c)));
      case CSV -> csv(out, c);
      case TABLE -> table(out, c);
    }
    return 0;
  }

  static Map<String, Object> json(Consistency c) {
    return KpiJson.consistency(c);
  }

  private static void csv(PrintWriter out, Consistency c) {
    Csv csv =
        Csv.to(out)
            .row(
                "kpi",
                "channel",
                "agents",
                "mean",
                "stddev",
                "cv_percent",
                "q1",
                "median",
                "q3",
                "iqr",
                "low_fence",
                "high_fence",
                "outliers");
    for (Consistency.Spread s : c.kpis()) {
      csv.row(
          s.kpi().id(),
          s.channel(),
          s.agents(),
          s.mean(),
          s.standardDeviation(),
          s.coefficientOfVariation(),
          s.q1(),
          s.median(),
          s.q3(),
          s.iqr(),
          s.lowFence(),
          s.highFence(),
          String.join(" ", s.outliers().stream().map(Consistency.Outlier::agent).toList()));
    }
    csv.flush();
  }

  private static void table(PrintWriter out, Consistency c) {
    KpiQuery q = c.query();
    boolean split = c.split() == Consistency.Split.CHANNEL;
    out.println(
        "Consistency of "
            + c.agents()
            + " agents with at least "
            + c.minContacts()
            + " contacts"
            + (split ? " in a channel" : "")
            + ", "
            + q.from()
            + " .. "
            + q.to()
            + " ("
            + q.zone().getId()
            + ")");
    List<List<String>> rows = new ArrayList<>();
    rows.add(
        List.of(
            "KPI",
            "channel",
            "agents",
            "mean",
            "std dev",
            "CV",
            "Q1",
            "median",
            "Q3",
            "IQR",
            "outside 1.5 IQR"));
    for (Consistency.Spread s : c.kpis()) {
      Kpi k = s.kpi();
      List<String> outliers = new ArrayList<>();
      for (Consistency.Outlier o : s.outliers()) {
        if (outliers.size() == 3) {
          outliers.add("and " + (s.outliers().size() - 3) + " more (--format json lists all)");
          break;
        }
        outliers.add(
            o.agent()
                + " "
                + Formats.value(k, o.value())
                + (o.better() == null ? "" : o.better() ? " (better)" : " (worse)"));
      }
      rows.add(
          List.of(
              k.displayName(),
              s.channel() == null ? "all" : s.channel(),
              String.valueOf(s.agents()),
              Formats.value(k, s.mean()),
              s.standardDeviation() == null ? "-" : spread(k, s.standardDeviation()),
              s.coefficientOfVariation() == null
                  ? "-"
                  : String.format(Locale.ENGLISH, "%.1f%%", s.coefficientOfVariation()),
              Formats.value(k, s.q1()),
              Formats.value(k, s.median()),
              Formats.value(k, s.q3()),
              s.iqr() == null ? "-" : spread(k, s.iqr()),
              outliers.isEmpty() ? "none" : String.join(", ", outliers)));
    }
    Tables.print(out, rows, 2, true);
    if (!c.unmeasured().isEmpty()) {
      out.println(
          "No agent has a value of: "
              + String.join(", ", c.unmeasured().stream().map(Kpi::displayName).toList())
              + ".");
    }
    out.println(
        (split
                ? "Each channel's agents are compared with each other (--split none: all together). "
                : "")
            + "Outliers lie outside [Q1 - 1.5 IQR, Q3 + 1.5 IQR]; CV = std dev / mean. Definitions: docs/kpis.md.");
  }

  /** A spread in the KPI's unit: percentage points for percentages. */
  private static String spread(Kpi k, double v) {
    return k.unit() == Kpi.Unit.PERCENT
        ? String.format(Locale.ENGLISH, "%.1f pp", v)
        : Formats.value(k, v);
  }
}
