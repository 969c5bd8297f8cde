package io.yardstick.store.internal;

/**
 * Customer attribute values are text; those that are plain numbers also get their number, for range
 * filters.
 */
final class Attributes {
  private Attributes() {}

  static Double number(String value) {
    String s = value.strip();
    if (s.isEmpty() || s.length() > 30) return null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean ok = (c >= '0' && c <= '9') || c == '.' || ((c == '-' || c == '+') && i == 0);
      if (!ok) return null;
    }
    try {
      double d = Double.parseDouble(s);
      return Double.isFinite(d) ? d : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
