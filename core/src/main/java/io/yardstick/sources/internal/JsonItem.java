package io.yardstick.sources.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.yardstick.ingest.ImportException;
import io.yardstick.ingest.Timestamps;
import java.time.Instant;

/**
 * One record of a JSON export with where it is (line where it starts, JSON pointer), and typed
 * accessors whose errors name file, line, pointer and value. A path such as {@code "via",
 * "channel"} reads nested fields; a missing or null value is null. The item remembers the last
 * field read, so that an unexpected failure while mapping it can still name the record and the
 * field ({@link #unexpected}).
 */
public final class JsonItem {
  private final String file;
  private final long line;
  private final String pointer;
  private final JsonNode node;
  private String[] lastRead = new String[0];

  public JsonItem(String file, long line, String pointer, JsonNode node) {
    this.file = file;
    this.line = line;
    this.pointer = pointer;
    this.node = node;
  }

  public String file() {
    return file;
  }

  public long line() {
    return line;
  }

  public String pointer() {
    return pointer;
  }

  public JsonNode node() {
    return node;
  }

  /**
   * The nested item at a path (a ticket inside {@code {"ticket": ...}}, a metric set inside its
   * ticket).
   */
  public JsonItem child(String... path) {
    return new JsonItem(file, line, at(path), get(path));
  }

  public JsonNode get(String... path) {
    lastRead = path;
    JsonNode n = node;
    for (String p : path) {
      if (n == null || !n.isObject()) return null;
      n = n.get(p);
    }
    return n == null || n.isNull() || n.isMissingNode() ? null : n;
  }

  /** The pointer of a field, for messages: /tickets/3/via/channel. */
  public String at(String... path) {
    return pointer + "/" + String.join("/", path);
  }

  /**
   * A scalar as text (numbers as written); null when absent or empty. Objects and arrays are
   * errors.
   */
  public String text(String... path) {
    JsonNode n = get(path);
    if (n == null) return null;
    if (n.isContainerNode()) {
      throw bad(
          n.toString(),
          "is " + (n.isArray() ? "an array" : "an object") + "; expected a single value",
          path);
    }
    String s = n.asText().strip();
    return s.isEmpty() ? null : s;
  }

  /** A required scalar as text. */
  public String required(String... path) {
    String s = text(path);
    if (s == null) throw bad(null, "is missing; every record of this export has it", path);
    return s;
  }

  /** An ISO-8601 timestamp with an offset (Zendesk and Freshdesk write UTC with Z), or null. */
  public Instant instant(String... path) {
    String s = text(path);
    if (s == null) return null;
    Instant t = Timestamps.parse(s);
    if (t == null) {
      throw bad(
          s,
          "is not a timestamp; expected ISO-8601 with an offset, such as 2026-03-01T09:15:00Z",
          path);
    }
    return t;
  }

  /** A number 0 or more, or null. */
  public Double number(String... path) {
    JsonNode n = get(path);
    if (n == null) return null;
    double v;
    if (n.isNumber()) {
      v = n.asDouble();
    } else {
      String s = text(path);
      try {
        v = s == null ? Double.NaN : Double.parseDouble(s);
      } catch (NumberFormatException e) {
        v = Double.NaN;
      }
    }
    if (!(v >= 0) || Double.isInfinite(v) || v > 1e12) {
      throw bad(n.asText(), "is not a number 0 or more", path);
    }
    return v;
  }

  /** The whole record refused: the message names the file, the line and the record's pointer. */
  public ImportException refused(String problem) {
    return new ImportException(file, line, pointer.isEmpty() ? null : pointer, null, problem);
  }

  public ImportException bad(String value, String problem, String... path) {
    return new ImportException(file, line, at(path), value, problem);
  }

  /**
   * Maps this record; a failure Yardstick did not foresee becomes an import error ({@link
   * #unexpected}).
   */
  public void map(Runnable mapping) {
    Inputs.guarded(
        () -> {
          mapping.run();
          return null;
        },
        this::unexpected);
  }

  /**
   * A failure Yardstick did not foresee while mapping this record, as an import error naming the
   * file, the record's line, and the field read last (where the mapping was when it failed).
   */
  public ImportException unexpected(RuntimeException e) {
    JsonNode value = lastRead.length == 0 ? null : get(lastRead);
    return new ImportException(
        file,
        line,
        lastRead.length == 0 ? pointer : at(lastRead),
        value == null ? null : value.isValueNode() ? value.asText() : value.toString(),
        "could not be imported: " + e + " (" + Inputs.UNFORESEEN + ")");
  }
}
