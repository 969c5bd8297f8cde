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
    sb.append(
        String.format(
            Locale.ROOT,
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\""
                + " viewBox=\"0 0 %d %d\">",
            width,
            height,
            width,
            height));
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
    sb.append(
        String.format(
            Locale.ROOT,
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\""
                + " viewBox=\"0 0 %d %d\">",
            width,
            height,
            width,
            height));
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
