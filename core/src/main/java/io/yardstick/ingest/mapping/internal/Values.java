package io.yardstick.ingest.mapping.internal;

import java.math.BigDecimal;

/** Typed values back to the canonical text the row parser reads (docs/data-format.md). */
final class Values {
  private Values() {}

  static String text(Object value) {
    return switch (value) {
      case null -> null;
      case BigDecimal d -> plain(d);
      case Double d -> plain(BigDecimal.valueOf(d));
      default -> value.toString(); // Instant (ISO with Z), LocalDate, Boolean, Integer, text
    };
  }

  private static String plain(BigDecimal d) {
    String s = d.stripTrailingZeros().toPlainString();
    return s;
  }
}
