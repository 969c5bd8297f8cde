package io.yardstick.cli;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Every CSV the command line prints: FastCSV's writer (RFC 4180 quoting), numbers as they are,
 * empty for null, and text that a spreadsheet would run as a formula (starting with =, +, -, @, tab
 * or carriage return) prefixed with a single quote, as OWASP's CSV-injection advice says; numbers
 * are never changed, so -5.2 stays a number.
 *
 * <pre>{@code
 * Csv csv = Csv.to(out);
 * csv.row("channel", "contacts");
 * csv.row("phone", 3L);
 * csv.flush();
 * }</pre>
 */
final class Csv {
  private final CsvWriter writer;

  private Csv(CsvWriter writer) {
    this.writer = writer;
  }

  static Csv to(PrintWriter out) {
    return new Csv(CsvWriter.builder().lineDelimiter(LineDelimiter.LF).build(out));
  }

  /**
   * One record: each cell a String (text, guarded), a Number or Boolean (as is), or null (empty).
   */
  Csv row(Object... cells) {
    return row(java.util.Arrays.asList(cells));
  }

  Csv row(List<?> cells) {
    List<String> out = new ArrayList<>(cells.size());
    for (Object c : cells) {
      out.add(c == null ? "" : c instanceof String s ? text(s) : c.toString());
    }
    writer.writeRecord(out);
    return this;
  }

  void flush() {
    try {
      writer.flush();
    } catch (java.io.IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Text a spreadsheet reads as text. */
  static String text(String s) {
    if (s.isEmpty()) return s;
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
