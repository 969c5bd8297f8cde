package io.yardstick.ingest.mapping;

import io.yardstick.YardstickException;

/**
 * A mapping file that cannot be used. The message names the mapping file, the line and column, the
 * key path inside it (such as {@code contacts.arrived_at.format}), the value found there and what
 * was expected; no data file was read.
 */
public final class MappingException extends YardstickException {
  private final String file;
  private final String key;

  public MappingException(String file, String key, String value, String problem) {
    this(file, null, key, value, problem);
  }

  /** With the place in the mapping file, such as {@code line 4, column 17} (null when unknown). */
  public MappingException(String file, String where, String key, String value, String problem) {
    super(format(file, where, key, value, problem));
    this.file = file;
    this.key = key;
  }

  private static String format(
      String file, String where, String key, String value, String problem) {
    StringBuilder sb = new StringBuilder(file);
    if (where != null) sb.append(", ").append(where);
    if (key != null && !key.isEmpty()) sb.append(", key ").append(key);
    sb.append(": ");
    if (value != null)
      sb.append('"')
          .append(value.length() > 80 ? value.substring(0, 77) + "..." : value)
          .append("\" ");
    sb.append(problem);
    if (!problem.endsWith(".")) sb.append('.');
    sb.append(" See docs/mapping.md.");
    return sb.toString();
  }

  /** The mapping file, as named by the user. */
  public String file() {
    return file;
  }

  /**
   * The key path of the bad entry, such as {@code contacts.arrived_at.format}; empty for the whole
   * file.
   */
  public String key() {
    return key;
  }
}
