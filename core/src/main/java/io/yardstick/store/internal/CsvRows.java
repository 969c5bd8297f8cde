package io.yardstick.store.internal;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * Typed row values as CSV text that a database's bulk reader takes back exactly: strings always
 * quoted (so an empty unquoted field is NULL), decimals in plain notation, instants as ISO-8601 or
 * as microseconds since the epoch.
 */
final class CsvRows {
  private CsvRows() {}

  /** Appends one value; returns true when it was a string holding a line break. */
  static boolean append(StringBuilder sb, Object v, boolean instantsAsMicros) {
    if (v == null) {
      return false;
    }
    if (v instanceof String s) {
      boolean lineBreak = false;
      sb.append('"');
      for (int i = 0; i < s.length(); i++) {
        char c = s.charAt(i);
        if (c == '"') {
          sb.append('"');
        } else if (c == '\n' || c == '\r') {
          lineBreak = true;
        }
        sb.append(c);
      }
      sb.append('"');
      return lineBreak;
    }
    if (v instanceof Instant t) {
      if (instantsAsMicros) {
        sb.append(
            Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000L), t.getNano() / 1000));
      } else {
        sb.append(t);
      }
    } else if (v instanceof BigDecimal d) {
      sb.append(d.toPlainString());
    } else if (v instanceof Double d) {
      sb.append(d.doubleValue());
    } else {
      sb.append(v); // Boolean, Integer, Long, LocalDate: their toString is what the readers take
    }
    return false;
  }
}
