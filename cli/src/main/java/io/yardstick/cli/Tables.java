package io.yardstick.cli;

import java.io.PrintWriter;
import java.util.List;

/**
 * Aligned text tables for people: the first row is the header; text columns left, the rest
 * right-aligned.
 */
final class Tables {
  private Tables() {}

  /**
   * @param textColumns how many leading columns are text (left-aligned)
   */
  static void print(PrintWriter out, List<List<String>> rows, int textColumns) {
    print(out, rows, textColumns, false);
  }

  /**
   * As {@link #print(PrintWriter, List, int)}, with the last column left-aligned text when {@code
   * lastText}.
   */
  static void print(PrintWriter out, List<List<String>> rows, int textColumns, boolean lastText) {
    int columns = rows.stream().mapToInt(List::size).max().orElse(0);
    int[] width = new int[columns];
    for (List<String> row : rows) {
      for (int c = 0; c < row.size(); c++) {
        width[c] = Math.max(width[c], row.get(c).length());
      }
    }
    for (int r = 0; r < rows.size(); r++) {
      List<String> row = rows.get(r);
      StringBuilder line = new StringBuilder();
      for (int c = 0; c < row.size(); c++) {
        if (c > 0) line.append("  ");
        String cell = row.get(c);
        String pad = " ".repeat(width[c] - cell.length());
        boolean left = c < textColumns || (lastText && c == columns - 1);
        line.append(left ? cell + pad : pad + cell);
      }
      out.println(line.toString().stripTrailing());
      if (r == 0) {
        StringBuilder rule = new StringBuilder();
        for (int c = 0; c < columns; c++) {
          if (c > 0) rule.append("  ");
          rule.append("-".repeat(width[c]));
        }
        out.println(rule);
      }
    }
  }
}
