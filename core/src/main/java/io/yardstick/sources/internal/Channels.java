package io.yardstick.sources.internal;

import java.util.Locale;
import java.util.Map;

/**
 * A help desk's channel names in Yardstick's words (phone, email, chat, web, social, messaging,
 * sms...).
 */
public final class Channels {
  private Channels() {}

  /**
   * The channel word for a source's name: from the map when listed, else the name itself as one
   * lowercase word (letters, digits and underscores), else "unknown".
   */
  public static String word(String name, Map<String, String> known) {
    if (name == null || name.isBlank()) return "unknown";
    String n = name.strip().toLowerCase(Locale.ROOT);
    String w = known.get(n);
    if (w != null) return w;
    String cleaned = n.replaceAll("[^a-z0-9_]+", "_").replaceAll("^_+|_+$", "");
    return cleaned.isEmpty() ? "unknown" : cleaned;
  }
}
