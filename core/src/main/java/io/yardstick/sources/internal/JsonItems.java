package io.yardstick.sources.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.yardstick.ingest.ImportException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Set;

/**
 * Streams the items of a help-desk export: the elements of the named arrays of each top-level
 * object (an API page such as {@code {"tickets": [...], "metric_sets": [...]}}), the elements of a
 * top-level array, or top-level objects themselves (JSON Lines, or pages concatenated one after
 * another). Each item comes with its line and JSON pointer, so errors can say where it is; one item
 * at a time is in memory.
 */
public final class JsonItems {
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * Receives one item: the array it came from (null for a bare object or a top-level array's
   * element).
   */
  @FunctionalInterface
  public interface Handler {
    void item(String array, JsonItem item);
  }

  /**
   * The array name given for a data pipeline's message that is not a record (SCHEMA, STATE,
   * LOG...).
   */
  public static final String NOT_A_RECORD = "(not a record)";

  private static final Set<String> PIPELINE_MESSAGES =
      Set.of(
          "RECORD",
          "SCHEMA",
          "STATE",
          "ACTIVATE_VERSION",
          "LOG",
          "TRACE",
          "CATALOG",
          "SPEC",
          "CONNECTION_STATUS",
          "CONTROL");

  private JsonItems() {}

  /**
   * Reads every item; returns how many top-level values there were: 0 only for a truly empty file
   * (nothing but white space). {@code expected} says what the importer reads, for the messages that
   * refuse anything else.
   */
  public static int read(
      InputStream in, String file, Set<String> arrays, String expected, Handler handler) {
    int values = 0;
    try (JsonParser p = JSON.createParser(in)) {
      JsonToken tok;
      while ((tok = p.nextToken()) != null) {
        values++;
        // A pointer inside the second and later top-level values (pages saved one after another)
        // says which value.
        String prefix = values == 1 ? "" : "(value " + values + ")";
        if (tok == JsonToken.START_ARRAY) {
          elements(p, file, prefix, null, expected, handler);
        } else if (tok == JsonToken.START_OBJECT) {
          long line = p.currentLocation().getLineNr();
          ObjectNode rest = JSON.createObjectNode();
          boolean sawArray = false;
          while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken v = p.nextToken();
            if (v == JsonToken.START_ARRAY && arrays.contains(name)) {
              sawArray = true;
              elements(p, file, prefix + "/" + name, name, expected, handler);
            } else {
              rest.set(name, p.readValueAsTree());
            }
          }
          if (!sawArray) {
            deliver(handler, new JsonItem(file, line, prefix, rest));
          }
        } else {
          throw new ImportException(
              file,
              p.currentLocation().getLineNr(),
              null,
              p.getText(),
              "is not a JSON object or array; expected " + expected);
        }
      }
    } catch (JsonProcessingException e) {
      long line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
      throw new ImportException(
          file,
          line,
          null,
          null,
          "is not valid JSON (" + e.getOriginalMessage() + "); expected " + expected);
    } catch (IOException e) {
      throw new ImportException(file, 0, null, null, "could not be read: " + e.getMessage());
    }
    return values;
  }

  /**
   * Hands on a top-level object, unwrapping the messages of data pipelines: a Singer message {@code
   * {"type": "RECORD", "stream": "tickets", "record": {...}}}, an Airbyte message {@code {"type":
   * "RECORD", "record": {"stream": "tickets", "data": {...}}}}, or an Airbyte record as connectors'
   * test files hold them {@code {"stream": "tickets", "data": {...}, "emitted_at": ...}}: the
   * record goes on with its stream as the array it came from. Their other messages (SCHEMA, STATE,
   * LOG...) go on as {@link #NOT_A_RECORD}.
   */
  private static void deliver(Handler handler, JsonItem item) {
    JsonNode type = item.node().get("type");
    if (type != null && type.isTextual() && PIPELINE_MESSAGES.contains(type.asText())) {
      if (!type.asText().equals("RECORD")) {
        handler.item(NOT_A_RECORD, item);
        return;
      }
      JsonNode stream = item.node().get("stream");
      JsonNode record = item.node().get("record");
      if (stream != null && stream.isTextual() && record != null && record.isObject()) {
        handler.item(stream.asText(), item.child("record"));
        return;
      }
      if (record != null && record.isObject()) {
        item = item.child("record");
      }
    }
    JsonNode stream = item.node().get("stream");
    JsonNode data = item.node().get("data");
    if (stream != null && stream.isTextual() && data != null && data.isObject()) {
      handler.item(stream.asText(), item.child("data"));
      return;
    }
    handler.item(null, item);
  }

  private static void elements(
      JsonParser p, String file, String pointer, String array, String expected, Handler handler)
      throws IOException {
    int i = 0;
    JsonToken t;
    while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
      if (t == null)
        throw new ImportException(
            file, 0, null, null, "ends inside an array; the export is cut short");
      long line = p.currentLocation().getLineNr();
      JsonNode node = p.readValueAsTree();
      String at = pointer + "/" + i++;
      if (!node.isObject()) {
        throw new ImportException(
            file,
            line,
            at,
            node.toString(),
            "is not a JSON object; expected one record" + " here, in " + expected);
      }
      handler.item(array, new JsonItem(file, line, at, node));
    }
  }
}
