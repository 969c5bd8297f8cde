package io.yardstick.ingest;

import java.util.Locale;

/**
 * The ticket statuses of the canonical format and the few spellings read as them
 * (docs/data-format.md#tickets).
 */
public final class TicketStatus {
  private TicketStatus() {}

  private static final java.util.Map<String, String> SPELLINGS =
      java.util.Map.of(
          "new", "new",
          "open", "open",
          "pending", "pending",
          "on_hold", "on_hold",
          "solved", "solved",
          "closed", "closed",
          "hold", "on_hold",
          "resolved", "solved");

  /**
   * The stored status of each spelling, once lowercased and with hyphens and spaces made
   * underscores.
   */
  public static java.util.Map<String, String> spellings() {
    return SPELLINGS;
  }

  /** The stored status for a written one (any case), or null when it is none of them. */
  static String parse(String text) {
    return SPELLINGS.get(text.strip().toLowerCase(Locale.ROOT).replace('-', '_').replace(' ', '_'));
  }
}
