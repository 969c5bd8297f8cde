package io.yardstick.ingest;

import java.util.Locale;

/**
 * The ticket statuses of the canonical format and the few spellings read as them
 * (docs/data-format.md#tickets).
 */
final class TicketStatus {
  private TicketStatus() {}

  /** The stored status for a written one (any case), or null when it is none of them. */
  static String parse(String text) {
    String t = text.strip().toLowerCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
    return switch (t) {
      case "new", "open", "pending", "on_hold", "solved", "closed" -> t;
      case "hold" -> "on_hold";
      case "resolved" -> "solved";
      default -> null;
    };
  }
}
