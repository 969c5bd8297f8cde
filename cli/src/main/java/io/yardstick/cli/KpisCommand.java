package io.yardstick.cli;

import io.yardstick.kpi.Kpi;
import io.yardstick.kpi.KpiSettings;
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
import picocli.CommandLine.Spec;

/** {@code yardstick kpis}: the catalog, from the one definition docs/kpis.md is generated from. */
@Command(
    name = "kpis",
    description = "List the KPI catalog: ids, units, definitions, sources and benchmarks.")
final class KpisCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "table",
      description = "table or json (default: ${DEFAULT-VALUE}).")
  KpiCommand.Format format;

  @Mixin SettingsOption settings;

  @Override
  public Integer call() throws Exception {
    KpiSettings s = settings.load();
    PrintWriter out = spec.commandLine().getOut();
    if (format == KpiCommand.Format.TABLE) {
      List<List<String>> rows = new ArrayList<>();
      rows.add(List.of("id", "name", "unit", "better", "definition"));
      for (Kpi k : Kpi.values()) {
        rows.add(
            List.of(
                k.id(),
                k.displayName(),
                lower(k.unit().name()),
                io.yardstick.kpi.KpiJson.better(k),
                k.formula()));
      }
      Tables.print(out, rows, 5);
      out.println("Sources, worked examples and benchmarks: docs/kpis.md, or --format json.");
      return 0;
    }
    Map<String, Object> root = io.yardstick.kpi.KpiJson.catalog(s);
    out.println(Json.MAPPER.writeValueAsString(root));
    return 0;
  }

  private static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }
}
