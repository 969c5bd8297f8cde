package io.yardstick.report;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer;
import io.yardstick.kpi.Benchmark;
import io.yardstick.kpi.Kpi;
import io.yardstick.kpi.KpiJson;
import io.yardstick.kpi.KpiResult;
import io.yardstick.report.internal.Charts;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.text.StringEscapeUtils;

/**
 * A report as a PDF a director would forward: title, period in words, zone, filters, the numbers
 * with their change and benchmark, server-drawn SVG charts, the definitions of the KPIs shown, page
 * numbers, in the report's language.
 *
 * <p>Why openhtmltopdf: it lays out XHTML and CSS (paged media: page counters in the margins) onto
 * Apache PDFBox, draws SVG through Batik, is pure Java (no browser, no native code) and is
 * maintained (the io.github.openhtmltopdf line). The font is Liberation Sans from PDFBox's own jar,
 * embedded, so Romanian ș and ț print on every machine.
 *
 * <pre>{@code
 * byte[] pdf = ReportPdf.render(report, text);
 * }</pre>
 */
public final class ReportPdf {
  private ReportPdf() {}

  public static byte[] render(Report report, ReportText text) {
    String html = html(report, text);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      PdfRendererBuilder builder = new PdfRendererBuilder();
      builder.useFastMode();
      builder.useSVGDrawer(new BatikSVGDrawer());
      builder.useFont(() -> font(), "Liberation Sans");
      builder.withHtmlContent(html, null);
      builder.toStream(out);
      builder.run();
    } catch (IOException e) {
      throw new UncheckedIOException("The PDF could not be written: " + e.getMessage(), e);
    }
    return out.toByteArray();
  }

  private static InputStream font() {
    InputStream in =
        org.apache.pdfbox.pdmodel.PDDocument.class.getResourceAsStream(
            "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf");
    if (in == null)
      throw new IllegalStateException(
          "PDFBox's Liberation Sans font is missing from the class path.");
    return in;
  }

  /** The XHTML the PDF is laid out from (a test and a person can read it). */
  public static String html(Report r, ReportText t) {
    StringBuilder sb = new StringBuilder();
    String pageOf =
        t.t("report.pageOf", "page", "\" counter(page) \"", "pages", "\" counter(pages) \"");
    sb.append("<!DOCTYPE html><html lang=\"")
        .append(esc(t.language()))
        .append("\"><head><meta charset=\"UTF-8\"/>")
        .append("<title>")
        .append(esc(r.view().name()))
        .append("</title><style>")
        .append("@page { size: A4; margin: 16mm 14mm 18mm 14mm;")
        .append(" @bottom-center { content: \"")
        .append(pageOf.replace("\\", ""))
        .append("\";")
        .append(" font-family: 'Liberation Sans'; font-size: 8pt; color: #555; }")
        .append(
            " @bottom-left { content: \"Yardstick\"; font-family: 'Liberation Sans'; font-size: 8pt; color: #555; } }")
        .append("body { font-family: 'Liberation Sans'; font-size: 9.5pt; color: #111; }")
        .append(
            "h1 { font-size: 17pt; margin: 0 0 4pt 0; } h2 { font-size: 12pt; margin: 14pt 0 5pt 0; }")
        .append("table { border-collapse: collapse; width: 100%; -fs-table-paginate: paginate; }")
        .append("th, td { border-bottom: 0.5pt solid #ccc; padding: 3pt 4pt; text-align: left; }")
        .append("th { background: #eef1f5; } td.n, th.n { text-align: right; }")
        .append(
            ".meta td { border: none; padding: 1pt 6pt 1pt 0; } .meta td.k { color: #555; width: 28%; }")
        .append(".def { margin: 0 0 5pt 0; page-break-inside: avoid; } .def b { display: block; }")
        .append(".chart { margin: 4pt 0 8pt 0; page-break-inside: avoid; }")
        .append("tr { page-break-inside: avoid; }")
        .append("</style></head><body>");
    sb.append("<h1>").append(esc(r.view().name())).append("</h1>");
    sb.append("<table class=\"meta\">");
    meta(sb, t.t("report.period"), t.period(r.view().period(), r.from(), r.to()));
    meta(sb, t.t("period.zone"), t.zone(r.view().zone()));
    List<String> filters = r.view().filters();
    meta(
        sb,
        t.t("report.filters"),
        filters.isEmpty()
            ? t.t("report.noFilters")
            : String.join("; ", filters.stream().map(t::filter).toList()));
    if (!r.restriction().isEmpty())
      meta(
          sb,
          t.t("report.restricted"),
          String.join("; ", r.restriction().stream().map(t::filter).toList()));
    if (r.view().compare() && r.headline().result() != null) {
      var previous = r.headline().result().query().previous();
      meta(
          sb,
          t.t("report.compared"),
          t.t("period.range", "from", t.date(previous.from()), "to", t.date(previous.to())));
    }
    meta(
        sb,
        t.t("report.computed"),
        DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM)
            .withLocale(t.locale())
            .withZone(r.view().zone())
            .format(r.computedAt()));
    sb.append("</table>");
    Set<Kpi> shown = new LinkedHashSet<>();
    List<String> bodies = new ArrayList<>();
    for (Report.Section s : r.sections()) {
      StringBuilder b = new StringBuilder();
      switch (s.type()) {
        case TILES -> tiles(b, s, r.benchmarks(), t, shown);
        case TREND -> trend(b, s, t, shown);
        case BREAKDOWN -> breakdown(b, s, t, shown);
        case GOAL -> goal(b, s, t, shown);
        case HEATMAP -> heatmap(b, s, t);
      }
      bodies.add(b.toString());
    }
    bodies.forEach(sb::append);
    // A dashboard of heat maps alone has no KPI to define.
    if (!shown.isEmpty()) sb.append("<h2>").append(esc(t.t("report.definitions"))).append("</h2>");
    for (Kpi k : shown) {
      sb.append("<div class=\"def\"><b>")
          .append(esc(t.kpiName(k)))
          .append("</b>")
          .append(esc(t.kpiDefinition(k)))
          .append("</div>");
    }
    sb.append("</body></html>");
    return sb.toString();
  }

  private static void meta(StringBuilder sb, String k, String v) {
    sb.append("<tr><td class=\"k\">")
        .append(esc(k))
        .append("</td><td>")
        .append(esc(v))
        .append("</td></tr>");
  }

  private static String heading(Report.Section s, String fallback, ReportText t) {
    String h = s.title() != null ? s.title() : fallback;
    if (!s.filters().isEmpty())
      h += " (" + String.join("; ", s.filters().stream().map(t::filter).toList()) + ")";
    return "<h2>" + esc(h) + "</h2>";
  }

  private static void tiles(
      StringBuilder b,
      Report.Section s,
      Map<Kpi, Benchmark> benchmarks,
      ReportText t,
      Set<Kpi> shown) {
    KpiResult result = s.result();
    boolean compare = result.query().comparePrevious();
    b.append(heading(s, t.t("report.numbers"), t));
    b.append("<table><tr><th>")
        .append(esc(t.t("report.kpi")))
        .append("</th><th class=\"n\">")
        .append(esc(t.t("report.value")))
        .append("</th>");
    if (compare) {
      b.append("<th class=\"n\">")
          .append(esc(t.t("report.previous")))
          .append("</th><th class=\"n\">")
          .append(esc(t.t("report.change")))
          .append("</th>");
    }
    b.append("<th>").append(esc(t.t("report.benchmark"))).append("</th></tr>");
    KpiResult.Row row = result.overall();
    for (Kpi k : result.query().kpis()) {
      shown.add(k);
      Number v = row.values().get(k);
      b.append("<tr><td>")
          .append(esc(t.kpiName(k)))
          .append("</td><td class=\"n\">")
          .append(esc(t.value(k, v)))
          .append("</td>");
      if (compare) {
        Number p = row.previous().get(k);
        b.append("<td class=\"n\">")
            .append(esc(t.value(k, p)))
            .append("</td><td class=\"n\">")
            .append(esc(v == null || p == null ? "–" : t.change(k, KpiJson.change(v, p))))
            .append("</td>");
      }
      b.append("<td>").append(esc(t.benchmark(k, benchmarks.get(k)))).append("</td></tr>");
    }
    b.append("</table>");
  }

  private static void trend(StringBuilder b, Report.Section s, ReportText t, Set<Kpi> shown) {
    KpiResult result = s.result();
    b.append(heading(s, t.t("report.trend"), t));
    List<KpiResult.Row> days = result.rows().subList(1, result.rows().size());
    List<String> labels = days.stream().map(r -> String.valueOf(r.group().get("day"))).toList();
    for (Kpi k : result.query().kpis().subList(0, Math.min(4, result.query().kpis().size()))) {
      shown.add(k);
      List<Double> values =
          days.stream()
              .map(r -> r.values().get(k) == null ? null : r.values().get(k).doubleValue())
              .toList();
      Double max = values.stream().filter(v -> v != null).max(Double::compare).orElse(null);
      b.append("<div class=\"chart\"><div>").append(esc(t.kpiName(k))).append("</div>");
      b.append(Charts.line(labels, values, max == null ? "–" : t.value(k, max), 520, 90))
          .append("</div>");
    }
  }

  private static void breakdown(StringBuilder b, Report.Section s, ReportText t, Set<Kpi> shown) {
    KpiResult result = s.result();
    List<String> dims = result.query().groupBy().stream().map(d -> d.name()).toList();
    String dimNames = String.join(", ", dims.stream().map(d -> t.dimension(d)).toList());
    b.append(heading(s, t.t("report.breakdown", "dimension", dimNames), t));
    List<KpiResult.Row> groups = result.rows().subList(1, result.rows().size());
    Kpi first = result.query().kpis().get(0);
    List<KpiResult.Row> top = groups.subList(0, Math.min(12, groups.size()));
    b.append("<div class=\"chart\">")
        .append(
            Charts.bars(
                top.stream().map(r -> group(r, t)).toList(),
                top.stream()
                    .map(
                        r ->
                            r.values().get(first) == null
                                ? null
                                : r.values().get(first).doubleValue())
                    .toList(),
                top.stream().map(r -> t.value(first, r.values().get(first))).toList(),
                520))
        .append("</div>");
    b.append("<table><tr>");
    for (String d : dims) b.append("<th>").append(esc(t.dimension(d))).append("</th>");
    for (Kpi k : result.query().kpis()) {
      shown.add(k);
      b.append("<th class=\"n\">").append(esc(t.kpiName(k))).append("</th>");
    }
    b.append("</tr>");
    for (KpiResult.Row row : result.rows()) {
      b.append("<tr>");
      for (String d : dims) {
        String v = row.group().isEmpty() ? t.t("report.all") : t.dimValue(d, row.group().get(d));
        b.append("<td>").append(esc(v == null ? "–" : v)).append("</td>");
      }
      for (Kpi k : result.query().kpis()) {
        b.append("<td class=\"n\">").append(esc(t.value(k, row.values().get(k)))).append("</td>");
      }
      b.append("</tr>");
    }
    b.append("</table>");
  }

  /** The staffing heat map: weekdays by hours, each cell the mean agents needed, and what it is. */
  private static void heatmap(StringBuilder b, Report.Section s, ReportText t) {
    StaffingHeatmap m = s.heatmap();
    String channel = t.dimValue("channel", m.channel());
    // Its filter is the channel, already in the title.
    b.append("<h2>")
        .append(esc(s.title() != null ? s.title() : t.t("report.heatmap", "channel", channel)))
        .append("</h2>");
    if (m.isEmpty()) {
      b.append("<p>").append(esc(t.t("report.heatmapNone", "channel", channel))).append("</p>");
      return;
    }
    b.append("<p>")
        .append(
            esc(
                t.t(
                    "report.heatmapNote",
                    "channel",
                    channel,
                    "sl",
                    t.decimals(m.serviceLevel() * 100, 0) + " %",
                    "seconds",
                    t.whole(Math.round(m.answerSeconds())),
                    "aht",
                    t.duration(m.aht()))))
        .append("</p>");
    List<String> days =
        m.days().stream()
            .map(d -> d.getDisplayName(java.time.format.TextStyle.SHORT, t.locale()))
            .toList();
    List<String> times = m.times().stream().map(x -> x.toString()).toList();
    List<List<String>> texts = new ArrayList<>();
    for (Double[] row : m.agents()) {
      List<String> line = new ArrayList<>();
      for (Double v : row) line.add(v == null ? "" : t.decimals(v, 1));
      texts.add(line);
    }
    b.append("<div class=\"chart\">")
        .append(Charts.heatmap(days, times, m.agents(), texts, 520))
        .append("</div>");
  }

  private static void goal(StringBuilder b, Report.Section s, ReportText t, Set<Kpi> shown) {
    var p = s.goal();
    Kpi k = p.goal().kpi();
    shown.add(k);
    b.append(heading(s, p.goal().name(), t));
    b.append("<table class=\"meta\">");
    meta(b, t.kpiName(k), t.value(k, p.current()));
    meta(
        b,
        t.t("report.goalTarget"),
        t.value(k, p.target()) + " (" + t.date(p.goal().deadline()) + ")");
    meta(b, t.t("report.goalBaseline"), t.value(k, p.baseline()));
    meta(b, t.t("report.goalStatus"), t.t("goals.status." + p.status().id()));
    b.append("</table>");
  }

  static String group(KpiResult.Row r, ReportText t) {
    return String.join(
        " · ",
        r.group().entrySet().stream()
            .map(e -> e.getValue() == null ? "–" : t.dimValue(e.getKey(), e.getValue()))
            .toList());
  }

  private static String esc(String s) {
    return StringEscapeUtils.escapeXml10(s);
  }
}
