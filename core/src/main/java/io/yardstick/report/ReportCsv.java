package io.yardstick.report;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import io.yardstick.kpi.Kpi;
import io.yardstick.kpi.KpiResult;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every table of a report as CSV, one file per section ({@code 1-tiles.csv}, {@code
 * 2-breakdown.csv}, {@code 3-trend.csv}, ...): the group's dimensions, then each KPI's raw value by
 * its id (percentages 0-100, seconds), and with a comparison {@code ID_previous}; empty for no
 * data. Text that a spreadsheet would run as a formula is prefixed with a quote (OWASP's
 * CSV-injection advice); numbers are never changed.
 */
public final class ReportCsv {
  private ReportCsv() {}

  /** The dimensions whose values have names (the settings' labels, channels in the language). */
  static final List<String> NAMED =
      List.of("channel", "direction", "queue", "topic", "team", "agent");

  /** The CSV files of the report by file name, in section order (ids only). */
  public static Map<String, String> tables(Report report) {
    return tables(report, null);
  }

  /**
   * The CSV files of the report by file name, in section order; with a text, each named dimension
   * (channel, direction, queue, topic, team, agent) keeps its id column and gains {@code DIM_name}:
   * the value as the pages and the PDF name it in that language.
   */
  public static Map<String, String> tables(Report report, ReportText text) {
    Map<String, String> out = new LinkedHashMap<>();
    int i = 1;
    for (Report.Section s : report.sections()) {
      if (s.result() != null) out.put(i + "-" + s.type().id() + ".csv", table(s.result(), text));
      if (s.heatmap() != null) out.put(i + "-" + s.type().id() + ".csv", heatmap(s.heatmap()));
      i++;
    }
    return out;
  }

  /** One result as CSV (ids only). */
  public static String table(KpiResult result) {
    return table(result, null);
  }

  /** One result as CSV, with names of the named dimensions' values when a text is given. */
  public static String table(KpiResult result, ReportText t) {
    StringWriter sw = new StringWriter();
    CsvWriter w = CsvWriter.builder().lineDelimiter(LineDelimiter.CRLF).build(sw);
    boolean compare = result.query().comparePrevious();
    List<String> dims = result.query().groupBy().stream().map(d -> d.name()).toList();
    List<String> header = new ArrayList<>();
    for (String d : dims) {
      header.add(d);
      if (t != null && NAMED.contains(d)) header.add(d + "_name");
    }
    for (Kpi k : result.query().kpis()) {
      header.add(k.id());
      if (compare) header.add(k.id() + "_previous");
    }
    w.writeRecord(header);
    for (KpiResult.Row row : result.rows()) {
      if (!dims.isEmpty() && row.group().isEmpty()) continue; // the overall row is the tiles' table
      List<String> cells = new ArrayList<>();
      for (String d : dims) {
        cells.add(text(row.group().get(d)));
        if (t != null && NAMED.contains(d)) cells.add(text(t.dimValue(d, row.group().get(d))));
      }
      for (Kpi k : result.query().kpis()) {
        cells.add(number(row.values().get(k)));
        if (compare) cells.add(number(row.previous().get(k)));
      }
      w.writeRecord(cells);
    }
    try {
      w.flush();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return sw.toString();
  }

  /** A staffing heat map as CSV: channel, weekday (1 Monday .. 7 Sunday), hour, agents. */
  public static String heatmap(StaffingHeatmap h) {
    StringWriter sw = new StringWriter();
    CsvWriter w = CsvWriter.builder().lineDelimiter(LineDelimiter.CRLF).build(sw);
    w.writeRecord("channel", "weekday", "time", "agents");
    for (int d = 0; d < h.days().size(); d++) {
      for (int i = 0; i < h.times().size(); i++) {
        w.writeRecord(
            text(h.channel()),
            String.valueOf(h.days().get(d).getValue()),
            h.times().get(i).toString(),
            number(h.agents()[d][i]));
      }
    }
    try {
      w.flush();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return sw.toString();
  }

  private static String number(Number n) {
    return n == null ? "" : n.toString();
  }

  static String text(String s) {
    if (s == null || s.isEmpty()) return "";
    char first = s.charAt(0);
    return first == '='
            || first == '+'
            || first == '-'
            || first == '@'
            || first == '\t'
            || first == '\r'
        ? "'" + s
        : s;
  }
}
