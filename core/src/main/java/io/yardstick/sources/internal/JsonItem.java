package io.yardstick.sources.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.yardstick.ingest.ImportException;
import io.yardstick.ingest.Timestamps;
import java.time.Instant;

/**
 * One record of a JSON export with where it is (line where it starts, JSON pointer), and typed accessors whose errors
 * name file, line, pointer and value. A path such as {@code "via", "channel"} reads nested fields; a missing or null
 * value is null.
 */
public record JsonItem(String file, long line, String pointer, JsonNode node) {

  public JsonNode get(String... path) {
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

  /** A scalar as text (numbers as written); null when absent or empty. Objects and arrays are errors. */
  public String text(String... path) {
    JsonNode n = get(path);
    if (n == null) return null;
    if (n.isContainerNode()) {
      throw bad(n.toString(), "is " + (n.isArray() ? "an array" : "an object") + "; expected a single value", path);
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
      throw bad(s, "is not a timestamp; expected ISO-8601 with an offset, such as 2026-03-01T09:15:00Z", path);
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

  public ImportException bad(String value, String problem, String... path) {
    return new ImportException(file, line, at(path), value, problem);
  }
}
