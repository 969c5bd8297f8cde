package io.yardstick.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.yardstick.kpi.Kpi;
import io.yardstick.kpi.KpiEngine;
import io.yardstick.kpi.KpiQuery;
import io.yardstick.kpi.KpiResult;
import io.yardstick.store.Store;
import java.io.PrintWriter;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code yardstick kpi}: KPI values over local dates in a zone, as a table, JSON or CSV. */
@Command(name = "kpi", description = "Compute KPIs over a period of local dates (both inclusive) in a time zone."
    + " Definitions: docs/kpis.md.")
final class KpiCommand implements Callable<Integer> {
  private static final ObjectMapper JSON = new ObjectMapper();

  enum Format { TABLE, JSON, CSV }

  @Spec CommandSpec spec;

  @Option(names = "--from", required = true, paramLabel = "DATE", description = "First local date, YYYY-MM-DD.")
  String from;

  @Option(names = "--to", required = true, paramLabel = "DATE", description = "Last local date (inclusive), YYYY-MM-DD.")
  String to;

  @Option(names = "--tz", paramLabel = "ZONE", defaultValue = "UTC",
      description = "IANA time zone of the dates, such as Europe/Madrid (default: ${DEFAULT-VALUE}).")
  String tz;

  @Option(names = "--kpi", paramLabel = "ID", split = ",",
      description = "KPI ids, comma-separated (default: all). Known: ${COMPLETION-CANDIDATES}.",
      completionCandidates = KpiIds.class)
  List<String> kpis;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
      description = "table (for people), json or csv (default: ${DEFAULT-VALUE}).")
  Format format;

  @Mixin DbOption db;

  static final class KpiIds implements Iterable<String> {
    @Override
    public java.util.Iterator<String> iterator() {
      return Kpi.ids().iterator();
    }
  }

  @Override
  public Integer call() throws Exception {
    KpiQuery query = new KpiQuery(date("--from", from), date("--to", to), zone(), kpis());
    KpiResult result;
    try (Store store = db.open()) {
      result = new KpiEngine(store).compute(query);
    }
    PrintWriter out = spec.commandLine().getOut();
    switch (format) {
      case JSON -> out.println(JSON.writeValueAsString(json(result)));
      case CSV -> printCsv(out, result);
      case TABLE -> printTable(out, result);
    }
    return 0;
  }

  private LocalDate date(String option, String text) {
    try {
      return LocalDate.parse(text.strip());
    } catch (DateTimeParseException e) {
      throw new ParameterException(spec.commandLine(),
          option + ": '" + text + "' is not a date; expected YYYY-MM-DD, such as 2026-03-01.");
    }
  }

  private ZoneId zone() {
    try {
      return ZoneId.of(tz.strip());
    } catch (DateTimeException e) {
      throw new ParameterException(spec.commandLine(),
          "--tz: '" + tz + "' is not a time zone; expected an IANA name such as Europe/Madrid, America/New_York or UTC.");
    }
  }

  private List<Kpi> kpis() {
    if (kpis == null || kpis.isEmpty()) return List.of(Kpi.values());
    List<Kpi> list = new ArrayList<>();
    for (String id : kpis) {
      list.add(Kpi.byId(id).orElseThrow(() -> new ParameterException(spec.commandLine(),
          "--kpi: unknown KPI '" + id + "'; expected one of " + String.join(", ", Kpi.ids()) + ".")));
    }
    return list;
  }

  /** The JSON shape of the API: {"from","to","tz","rows":[{"group":{},"kpis":{...}}]}; null for no data. */
  static Map<String, Object> json(KpiResult result) {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("from", result.query().from().toString());
    root.put("to", result.query().to().toString());
    root.put("tz", result.query().zone().getId());
    List<Object> rows = new ArrayList<>();
    for (KpiResult.Row row : result.rows()) {
      Map<String, Object> r = new LinkedHashMap<>();
      r.put("group", row.group());
      Map<String, Object> values = new LinkedHashMap<>();
      row.values().forEach((k, v) -> values.put(k.id(), v));
      r.put("kpis", values);
      rows.add(r);
    }
    root.put("rows", rows);
    return root;
  }

  private static void printCsv(PrintWriter out, KpiResult result) {
    List<Kpi> kpis = result.query().kpis();
    out.println(String.join(",", kpis.stream().map(Kpi::id).toList()));
    for (KpiResult.Row row : result.rows()) {
      List<String> cells = new ArrayList<>();
      for (Kpi k : kpis) {
        Number v = row.values().get(k);
        cells.add(v == null ? "" : v.toString());
      }
      out.println(String.join(",", cells));
    }
  }

  private static void printTable(PrintWriter out, KpiResult result) {
    KpiQuery q = result.query();
    out.println(q.from() + " .. " + q.to() + " (" + q.zone().getId() + ")");
    int width = q.kpis().stream().mapToInt(k -> k.displayName().length()).max().orElse(3);
    for (KpiResult.Row row : result.rows()) {
      for (Kpi k : q.kpis()) {
        Number v = row.values().get(k);
        String text = v == null ? "-" : Formats.count(v.longValue());
        out.printf("  %-" + width + "s  %12s%n", k.displayName(), text);
      }
    }
  }
}
