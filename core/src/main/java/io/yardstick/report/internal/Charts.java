package io.yardstick.report.internal;

import java.util.List;
import java.util.Locale;

/**
 * SVG charts drawn on the server, for the PDF (no browser needed): a line over the days of a period
 * and horizontal bars over the groups of a breakdown. Plain SVG 1.1 that Batik (through
 * openhtmltopdf) renders.
 */
public final class Charts {
  private Charts() {}

  /**
   * A line chart of values (nulls leave a gap) with the first and last label under it and the top
   * value beside it.
   */
  public static String line(
      List<String> labels, List<Double> values, String valueMax, int width, int height) {
    double max =
        values.stream().filter(v -> v != null).mapToDouble(Double::doubleValue).max().orElse(0);
    double min =
        Math.min(
            0,
            values.stream()
                .filter(v -> v != null)
                .mapToDouble(Double::doubleValue)
                .min()
                .orElse(0));
    double span = max - min == 0 ? 1 : max - min;
    int left = 8;
    int right = 70;
    int top = 8;
    int bottom = 20;
    double w = width - left - right;
    double h = height - top - bottom;
    StringBuilder sb = new StringBuilder();
    sb.append(svg(width, height));
    sb.append(
        String.format(
            Locale.ROOT,
            "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"%.1f\" fill=\"#f6f7f9\"/>",
            left,
            top,
            w,
            h));
    StringBuilder path = new StringBuilder();
    boolean pen = false;
    int n = values.size();
    for (int i = 0; i < n; i++) {
      Double v = values.get(i);
      if (v == null) {
        pen = false;
        continue;
      }
      double x = left + (n == 1 ? w / 2 : w * i / (n - 1));
      double y = top + h - (v - min) / span * h;
      path.append(pen ? " L" : " M").append(String.format(Locale.ROOT, "%.1f %.1f", x, y));
      pen = true;
      if (n <= 62) {
        sb.append(
            String.format(
                Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"1.6\" fill=\"#1f5fa8\"/>", x, y));
      }
    }
    if (path.length() > 0) {
      sb.append("<path d=\"")
          .append(path.toString().strip())
          .append("\" fill=\"none\" stroke=\"#1f5fa8\"" + " stroke-width=\"1.5\"/>");
    }
    sb.append(
        String.format(
            Locale.ROOT,
            "<text x=\"%.1f\" y=\"%d\" font-size=\"8\" fill=\"#444\">%s</text>",
            left + w + 4,
            top + 8,
            esc(valueMax)));
    if (!labels.isEmpty()) {
      sb.append(
          String.format(
              Locale.ROOT,
              "<text x=\"%d\" y=\"%d\" font-size=\"8\" fill=\"#444\">%s</text>",
              left,
              height - 6,
              esc(labels.get(0))));
      sb.append(
          String.format(
              Locale.ROOT,
              "<text x=\"%.1f\" y=\"%d\" font-size=\"8\" fill=\"#444\""
                  + " text-anchor=\"end\">%s</text>",
              left + w,
              height - 6,
              esc(labels.get(labels.size() - 1))));
    }
    return sb.append("</svg>").toString();
  }

  /**
   * Horizontal bars, one per group, longest first as given, with the group's label and value text.
   */
  public static String bars(
      List<String> labels, List<Double> values, List<String> texts, int width) {
    int row = 14;
    int height = Math.max(row, labels.size() * row) + 4;
    double max =
        values.stream().filter(v -> v != null).mapToDouble(d -> Math.abs(d)).max().orElse(0);
    int labelW = 120;
    int textW = 70;
    double w = width - labelW - textW;
    StringBuilder sb = new StringBuilder();
    sb.append(svg(width, height));
    for (int i = 0; i < labels.size(); i++) {
      int y = 2 + i * row;
      Double v = values.get(i);
      double bw = v == null || max == 0 ? 0 : Math.abs(v) / max * w;
      sb.append(
          String.format(
              Locale.ROOT,
              "<text x=\"0\" y=\"%d\" font-size=\"8\" fill=\"#222\">%s</text>",
              y + 9,
              esc(clip(labels.get(i)))));
      sb.append(
          String.format(
              Locale.ROOT,
              "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"10\" fill=\"#1f5fa8\"/>",
              labelW,
              y,
              bw));
      sb.append(
          String.format(
              Locale.ROOT,
              "<text x=\"%.1f\" y=\"%d\" font-size=\"8\" fill=\"#222\">%s</text>",
              labelW + bw + 4,
              y + 9,
              esc(texts.get(i))));
    }
    return sb.append("</svg>").toString();
  }

  /**
   * A heat map: one row per label, one column per time, each cell shaded by its value against the
   * largest (white to dark blue) with its text in it; an empty text leaves the cell blank.
   */
  public static String heatmap(
      List<String> rows,
      List<String> times,
      Double[][] values,
      List<List<String>> texts,
      int width) {
    int labelW = 34;
    int top = 12;
    int cellH = 15;
    double cellW = (width - labelW) / (double) Math.max(1, times.size());
    int height = top + rows.size() * cellH + 2;
    double max = 0;
    for (Double[] r : values) for (Double v : r) if (v != null) max = Math.max(max, v);
    StringBuilder sb = new StringBuilder();
    sb.append(svg(width, height));
    int step = cellW < 18 ? 2 : 1;
    for (int i = 0; i < times.size(); i += step) {
      sb.append(
          String.format(
              Locale.ROOT,
              "<text x=\"%.1f\" y=\"9\" font-size=\"6.5\" fill=\"#555\">%s</text>",
              labelW + i * cellW + 1,
              esc(times.get(i))));
    }
    for (int r = 0; r < rows.size(); r++) {
      int y = top + r * cellH;
      sb.append(
          String.format(
              Locale.ROOT,
              "<text x=\"0\" y=\"%d\" font-size=\"8\" fill=\"#222\">%s</text>",
              y + 10,
              esc(clip(rows.get(r)))));
      for (int c = 0; c < times.size(); c++) {
        Double v = values[r][c];
        double share = v == null || max == 0 ? 0 : v / max;
        // white (242, 246, 251) to dark blue (20, 50, 79)
        int red = (int) Math.round(242 - share * (242 - 20));
        int green = (int) Math.round(246 - share * (246 - 50));
        int blue = (int) Math.round(251 - share * (251 - 79));
        sb.append(
            String.format(
                Locale.ROOT,
                "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"rgb(%d,%d,%d)\""
                    + " stroke=\"#fff\" stroke-width=\"0.5\"/>",
                labelW + c * cellW,
                y,
                cellW,
                cellH,
                red,
                green,
                blue));
        String text = texts.get(r).get(c);
        if (!text.isEmpty() && cellW >= 14) {
          sb.append(
              String.format(
                  Locale.ROOT,
                  "<text x=\"%.1f\" y=\"%d\" font-size=\"5.5\" text-anchor=\"middle\""
                      + " fill=\"%s\">%s</text>",
                  labelW + c * cellW + cellW / 2,
                  y + 10,
                  share > 0.55 ? "#fff" : "#222",
                  esc(text)));
        }
      }
    }
    return sb.append("</svg>").toString();
  }

  /** The opening tag of an SVG of that size. */
  private static String svg(int width, int height) {
    return String.format(
        Locale.ROOT,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\""
            + " viewBox=\"0 0 %d %d\">",
        width,
        height,
        width,
        height);
  }

  private static String clip(String s) {
    return s.length() > 24 ? s.substring(0, 23) + "…" : s;
  }

  static String esc(String s) {
    return s.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
