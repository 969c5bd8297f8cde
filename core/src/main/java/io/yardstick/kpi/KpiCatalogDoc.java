package io.yardstick.kpi;

import java.util.Locale;

/** Renders the KPI catalog as Markdown: docs/kpis.md is this text, checked by a test to stay in step. */
public final class KpiCatalogDoc {
  private KpiCatalogDoc() {}

  public static String markdown() {
    StringBuilder md = new StringBuilder();
    md.append("# KPI catalog\n\n");
    md.append("Generated from `io.yardstick.kpi.Kpi` (the one place a formula is written); do not edit by hand.\n");
    md.append("Regenerate with `./mvnw -q -pl core test -Dtest=KpiCatalogDocTest -Dyardstick.regenerateDocs=true`.\n\n");
    md.append("Conventions for every KPI: the period is the local dates from..to (both inclusive) in the report's time"
        + " zone, that is [from 00:00, to+1 00:00) local time, whatever daylight-saving time does in between."
        + " Percentages are 0-100, durations are seconds, and a KPI without data is null, never 0.\n\n");
    md.append("| id | name | unit | better |\n| --- | --- | --- | --- |\n");
    for (Kpi k : Kpi.values()) {
      md.append("| `").append(k.id()).append("` | ").append(k.displayName()).append(" | ")
          .append(k.unit().name().toLowerCase(Locale.ROOT)).append(" | ").append(better(k)).append(" |\n");
    }
    for (Kpi k : Kpi.values()) {
      md.append("\n## ").append(k.displayName()).append(" (`").append(k.id()).append("`)\n\n");
      md.append("- **Formula:** ").append(k.formula()).append("\n");
      md.append("- **Convention and source:** ").append(k.source()).append("\n");
    }
    return md.toString();
  }

  private static String better(Kpi k) {
    return switch (k.direction()) {
      case HIGHER_IS_BETTER -> "higher";
      case LOWER_IS_BETTER -> "lower";
      case NEUTRAL -> "neither";
    };
  }
}
