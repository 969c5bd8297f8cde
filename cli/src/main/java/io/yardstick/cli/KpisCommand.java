package io.yardstick.cli;

import io.yardstick.kpi.Benchmark;
import io.yardstick.kpi.Kpi;
import io.yardstick.kpi.KpiSettings;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code yardstick kpis}: the catalog, from the one definition docs/kpis.md is generated from. */
@Command(name = "kpis", description = "List the KPI catalog: ids, units, definitions, sources and benchmarks.")
final class KpisCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
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
        rows.add(List.of(k.id(), k.displayName(), lower(k.unit().name()), better(k), k.formula()));
      }
      Tables.print(out, rows, 5);
      out.println("Sources, worked examples and benchmarks: docs/kpis.md, or --format json.");
      return 0;
    }
    List<Object> list = new ArrayList<>();
    for (Kpi k : Kpi.values()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("id", k.id());
      m.put("name", k.displayName());
      m.put("unit", lower(k.unit().name()));
      m.put("better", better(k));
      m.put("definition", k.formula());
      m.put("source", k.source());
      m.put("example", k.example());
      Benchmark b = s.benchmarks().get(k);
      if (b != null) {
        Map<String, Object> bm = new LinkedHashMap<>();
        bm.put("low", b.low());
        bm.put("high", b.high());
        bm.put("text", b.text());
        bm.put("source", b.source());
        m.put("benchmark", bm);
      }
      list.add(m);
    }
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("kpis", list);
    out.println(KpiCommand.JSON.writeValueAsString(root));
    return 0;
  }

  private static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }

  private static String better(Kpi k) {
    return switch (k.direction()) {
      case HIGHER_IS_BETTER -> "higher";
      case LOWER_IS_BETTER -> "lower";
      case NEUTRAL -> "neither";
    };
  }
}
