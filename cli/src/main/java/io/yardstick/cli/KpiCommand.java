package io.yardstick.cli;

import io.yardstick.kpi.Dimension;
import io.yardstick.kpi.Kpi;
import io.yardstick.kpi.KpiEngine;
import io.yardstick.kpi.KpiQuery;
import io.yardstick.kpi.KpiResult;
import io.yardstick.store.Store;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code yardstick kpi}: KPI values over local dates in a zone, grouped and filtered, as a table,
 * JSON or CSV.
 */
@Command(
    name = "kpi",
    description =
        "Compute KPIs over a period of local dates (both inclusive) in a time zone."
            + " Definitions: docs/kpis.md.")
final class KpiCommand implements Callable<Integer> {

  enum Format {
    TABLE,
    JSON,
    CSV
  }

  enum Compare {
    PREVIOUS
  }

  @Spec CommandSpec spec;

  @Mixin QueryOptions period;

  @Option(
      names = "--by",
      paramLabel = "DIM",
      split = ",",
      description =
          "Group by channel, direction, queue, topic, team, agent, priority (of the ticket), a customer"
              + " attribute (age, tier...) or a time bucket (hour, day, week, month); comma-separated.")
  List<String> by;

  @Option(
      names = "--kpi",
      paramLabel = "ID",
      split = ",",
      description = "KPI ids, comma-separated (default: all). Known: ${COMPLETION-CANDIDATES}.",
      completionCandidates = KpiIds.class)
  List<Kpi> kpis;

  @Option(
      names = "--compare",
      paramLabel = "previous",
      description =
          "previous: also compute the period of the same length just before, and the change.")
  Compare compare;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "table",
      description = "table (for people), json or csv (default: ${DEFAULT-VALUE}).")
  Format format;

  @Mixin DbOption db;

  @Mixin SettingsOption settings;

  static final class KpiIds implements Iterable<String> {
    @Override
    public java.util.Iterator<String> iterator() {
      return Kpi.ids().iterator();
    }
  }

  @Override
  public Integer call() throws Exception {
    KpiQuery query =
        period
            .query(spec.commandLine(), kpis())
            .withGroupBy(QueryOptions.dimensions(spec.commandLine(), "--by", by))
            .withComparePrevious(compare == Compare.PREVIOUS);
    KpiResult result;
    io.yardstick.kpi.KpiSettings engineSettings = settings.load();
    try (Store store = db.open()) {
      result = new KpiEngine(store, engineSettings).compute(query);
    }
    result.warnings().forEach(w -> spec.commandLine().getErr().println("yardstick: warning: " + w));
    PrintWriter out = spec.commandLine().getOut();
    switch (format) {
      case JSON -> out.println(Json.MAPPER.writeValueAsString(json(result)));
      case CSV -> printCsv(out, result);
      case TABLE -> printTable(out, result, engineSettings);
    }
    return 0;
  }

  private List<Kpi> kpis() {
    if (kpis == null || kpis.isEmpty()) return List.of(Kpi.values());
    return kpis.stream().distinct().toList();
  }

  static Map<String, Object> json(KpiResult result) {
    return io.yardstick.kpi.KpiJson.result(result);
  }

  private static Number change(Number v, Number p) {
    return io.yardstick.kpi.KpiJson.change(v, p);
  }

  private static void printCsv(PrintWriter out, KpiResult result) {
    KpiQuery q = result.query();
    List<Object> header = new ArrayList<>();
    q.groupBy().forEach(d -> header.add(d.name()));
    for (Kpi k : q.kpis()) {
      header.add(k.id());
      if (q.comparePrevious()) {
        header.add(k.id() + "_previous");
        header.add(k.id() + "_change");
      }
    }
    Csv csv = Csv.to(out).row(header);
    for (KpiResult.Row row : result.rows()) {
      List<Object> cells = new ArrayList<>();
      for (Dimension d : q.groupBy()) {
        cells.add(row.group().isEmpty() ? "(all)" : row.group().get(d.name()));
      }
      for (Kpi k : q.kpis()) {
        Number v = row.values().get(k);
        cells.add(v);
        if (q.comparePrevious()) {
          Number p = row.previous().get(k);
          cells.add(p);
          cells.add(v == null || p == null ? null : change(v, p));
        }
      }
      csv.row(cells);
    }
    csv.flush();
  }

  private static void printTable(
      PrintWriter out, KpiResult result, io.yardstick.kpi.KpiSettings settings) {
    KpiQuery q = result.query();
    out.println(
        q.from()
            + " .. "
            + q.to()
            + " ("
            + q.zone().getId()
            + ")"
            + (q.filters().isEmpty()
                ? ""
                : ", where "
                    + String.join(
                        " and ",
                        q.filters().stream()
                            .map(
                                f ->
                                    f.dimension().name()
                                        + (f.isRange()
                                            ? " in " + range(f.low()) + ".." + range(f.high())
                                            : " = " + String.join(" or ", f.values())))
                            .toList()))
            + (q.comparePrevious()
                ? ", against " + q.previous().from() + " .. " + q.previous().to()
                : ""));
    List<KpiResult.Row> rows = result.rows();
    boolean wide = rows.size() > 9;
    List<List<String>> table = new ArrayList<>();
    if (!wide) {
      // KPIs down, groups across.
      List<String> head = new ArrayList<>();
      head.add("KPI");
      for (KpiResult.Row row : rows) {
        head.add(row.group().isEmpty() ? "All" : groupLabel(row.group()));
        if (q.comparePrevious()) head.add("change");
      }
      boolean benchmarks = q.kpis().stream().anyMatch(k -> settings.benchmarks().containsKey(k));
      if (benchmarks) head.add("benchmark");
      table.add(head);
      for (Kpi k : q.kpis()) {
        List<String> line = new ArrayList<>();
        line.add(k.displayName());
        for (KpiResult.Row row : rows) {
          line.add(Formats.value(k, row.values().get(k)));
          if (q.comparePrevious())
            line.add(Formats.change(k, row.values().get(k), row.previous().get(k)));
        }
        if (benchmarks) {
          io.yardstick.kpi.Benchmark b = settings.benchmarks().get(k);
          line.add(b == null ? "" : b.text());
        }
        table.add(line);
      }
    } else {
      // Groups down, KPIs across.
      List<String> head = new ArrayList<>();
      q.groupBy().forEach(d -> head.add(d.name()));
      for (Kpi k : q.kpis()) {
        head.add(k.id());
        if (q.comparePrevious()) head.add("change");
      }
      table.add(head);
      for (KpiResult.Row row : rows) {
        List<String> line = new ArrayList<>();
        for (Dimension d : q.groupBy()) {
          String v = row.group().isEmpty() ? "All" : row.group().get(d.name());
          line.add(v == null ? "(none)" : v);
        }
        for (Kpi k : q.kpis()) {
          line.add(Formats.value(k, row.values().get(k)));
          if (q.comparePrevious())
            line.add(Formats.change(k, row.values().get(k), row.previous().get(k)));
        }
        table.add(line);
      }
    }
    boolean benchmarkColumn =
        !wide && table.get(0).get(table.get(0).size() - 1).equals("benchmark");
    Tables.print(out, table, 1, benchmarkColumn);
    if (benchmarkColumn) {
      out.println(
          "Benchmarks and their sources: docs/kpis.md; yours in the settings file (docs/settings.md).");
    }
  }

  private static String range(Double d) {
    return d == null ? "" : (d == Math.rint(d) ? String.valueOf(d.longValue()) : d.toString());
  }

  private static String groupLabel(Map<String, String> group) {
    List<String> parts = new ArrayList<>();
    group.values().forEach(v -> parts.add(v == null ? "(none)" : v));
    return String.join(" / ", parts);
  }
}
