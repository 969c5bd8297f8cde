package io.yardstick.ingest.mapping.internal;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One record of the data file, read by column name (case-insensitive); values are stripped, empty
 * means absent.
 */
final class Row {
  private final Map<String, Integer> index;
  private List<String> fields;
  private long line;

  Row(Map<String, Integer> index) {
    this.index = index;
  }

  void set(long line, List<String> fields) {
    this.line = line;
    this.fields = fields;
  }

  long line() {
    return line;
  }

  /** The stripped value of a column, or null when it is empty or the file has no such column. */
  String get(String column) {
    Integer i = index.get(key(column));
    if (i == null) return null;
    String v = fields.get(i).strip();
    return v.isEmpty() ? null : v;
  }

  boolean has(String column) {
    return index.containsKey(key(column));
  }

  static String key(String column) {
    return column.replace("\uFEFF", "").strip().toLowerCase(Locale.ROOT);
  }
}
