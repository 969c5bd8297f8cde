package io.yardstick.event;

import com.fasterxml.jackson.databind.JsonNode;
import io.yardstick.ingest.ImportException;
import io.yardstick.ingest.RowParser;
import io.yardstick.model.Field;
import io.yardstick.model.FieldType;
import io.yardstick.model.RecordType;
import io.yardstick.model.State;
import io.yardstick.model.SurveyKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Events from JSON: one object or an array of them (docs/alerts.md has the format). Every value is
 * checked as an import checks it (the same {@link RowParser}), and an error names the event's
 * position and id, the field and the value, so a refused batch can be fixed and sent again.
 *
 * <pre>{@code
 * List<Event> batch = EventJson.parse(new ObjectMapper().readTree(
 *     "{\"id\": \"e1\", \"type\": \"arrived\", \"at\": \"2026-11-25T09:00:00Z\", \"contact_id\": \"C1\","
 *         + " \"channel\": \"phone\", \"queue\": \"billing\"}"));
 * }</pre>
 */
public final class EventJson {
  /** The longest event id accepted. */
  public static final int MAX_ID_LENGTH = 200;

  private static final Set<String> CONTACT_FIELDS =
      Set.of(
          "case_id",
          "channel",
          "direction",
          "queue",
          "topic",
          "customer_id",
          "agent_id",
          "team",
          "talk_s",
          "hold_s",
          "wrap_s",
          "converted",
          "revenue");
  private static final Set<String> SURVEY_FIELDS =
      Set.of("kind", "score", "contact_id", "customer_id", "agent_id", "comment");
  private static final RowParser CONTACTS = new RowParser(RecordType.CONTACTS, "events");
  private static final RowParser SURVEYS = new RowParser(RecordType.SURVEYS, "events");

  private EventJson() {}

  /** The events of a JSON object or array, in order. */
  public static List<Event> parse(JsonNode json) {
    if (json == null || !(json.isObject() || json.isArray())) {
      throw new EventException(
          "The body must be an event (a JSON object) or an array of events, such as"
              + " {\"id\": \"e1\", \"type\": \"arrived\", \"at\": \"2026-11-25T09:00:00Z\", \"contact_id\": \"C1\","
              + " \"channel\": \"phone\"}.");
    }
    List<Event> events = new ArrayList<>();
    if (json.isObject()) {
      events.add(event(json, 1));
    } else {
      int i = 0;
      for (JsonNode node : json) {
        events.add(event(node, ++i));
      }
    }
    return events;
  }

  private static Event event(JsonNode node, int position) {
    if (!node.isObject()) throw new EventException("Event " + position + " is not a JSON object.");
    String id = text(node, "id");
    String where = "Event " + position + (id == null ? "" : " (id " + id + ")");
    if (id == null)
      throw new EventException(
          where
              + " has no id; every event needs a unique id, so that a resend"
              + " changes nothing.");
    if (id.length() > MAX_ID_LENGTH || id.chars().anyMatch(Character::isISOControl)) {
      throw new EventException(
          where
              + ": the id must be at most "
              + MAX_ID_LENGTH
              + " characters without control"
              + " characters.");
    }
    String typeText = text(node, "type");
    if (typeText == null)
      throw new EventException(where + " has no type; expected one of " + EventType.ids() + ".");
    EventType type =
        EventType.byId(typeText.toLowerCase(Locale.ROOT))
            .orElseThrow(
                () ->
                    new EventException(
                        where
                            + ": type '"
                            + typeText
                            + "' is not an event type"
                            + didYouMean(typeText)
                            + "; expected one of "
                            + EventType.ids()
                            + "."));
    String atText = text(node, "at");
    if (atText == null)
      throw new EventException(
          where + " has no at, the time it happened (such as" + " 2026-11-25T09:00:00Z).");
    Instant at =
        (Instant) value(where, CONTACTS, field(RecordType.CONTACTS, "arrived_at"), "at", atText);

    Set<String> allowed =
        switch (type) {
          case SURVEY -> SURVEY_FIELDS;
          case AGENT_STATE -> Set.of("state", "queues");
          default -> CONTACT_FIELDS;
        };
    String subjectField =
        switch (type) {
          case SURVEY -> "survey_id";
          case AGENT_STATE -> "agent_id";
          default -> "contact_id";
        };
    String subject = text(node, subjectField);
    if (subject == null)
      throw new EventException(where + " (" + type.id() + ") has no " + subjectField + ".");
    Map<String, Object> values = new LinkedHashMap<>();
    List<String> queues = List.of();
    for (Map.Entry<String, JsonNode> e : node.properties()) {
      String name = e.getKey();
      if (name.equals("id")
          || name.equals("type")
          || name.equals("at")
          || name.equals(subjectField)) continue;
      if (!allowed.contains(name)) {
        throw new EventException(
            where
                + ": a "
                + type.id()
                + " event has no field '"
                + name
                + "'; expected "
                + String.join(", ", allowed.stream().sorted().toList())
                + ".");
      }
      JsonNode v = e.getValue();
      if (v.isNull()) continue;
      if (name.equals("queues")) {
        if (!v.isArray())
          throw new EventException(where + ": queues must be an array of queue names.");
        List<String> q = new ArrayList<>();
        for (JsonNode x : v) {
          if (!x.isTextual()
              || x.asText().isBlank()
              || x.asText().chars().anyMatch(Character::isISOControl)) {
            throw new EventException(
                where + ": queues must be an array of queue names (strings); got " + x + ".");
          }
          q.add(x.asText());
        }
        queues = q;
        continue;
      }
      if (!v.isValueNode()) {
        throw new EventException(
            where
                + ": "
                + name
                + " must be one value (a string, number or boolean), not "
                + (v.isArray() ? "an array" : "an object")
                + ": "
                + v
                + ".");
      }
      String raw = v.asText();
      if (raw.chars().anyMatch(Character::isISOControl)) {
        throw new EventException(
            where
                + ": "
                + name
                + " holds a control character (a line break?); give plain"
                + " text.");
      }
      if (name.equals("state")) {
        String s = raw.strip().toLowerCase(Locale.ROOT);
        if (java.util.Arrays.stream(State.values()).noneMatch(x -> x.id().equals(s))) {
          throw new EventException(
              where
                  + ": state '"
                  + raw
                  + "' is not an agent state; expected "
                  + FieldType.AGENT_STATE.expected()
                  + ".");
        }
        values.put(name, s);
      } else if (type == EventType.SURVEY) {
        values.put(name, value(where, SURVEYS, field(RecordType.SURVEYS, name), name, raw));
      } else {
        values.put(name, value(where, CONTACTS, field(RecordType.CONTACTS, name), name, raw));
      }
    }
    if (type == EventType.ARRIVED && values.get("channel") == null) {
      throw new EventException(where + ": an arrived event needs channel (phone, chat, email...).");
    }
    if (type == EventType.SURVEY) {
      if (values.get("kind") == null || values.get("score") == null) {
        throw new EventException(where + ": a survey event needs kind (csat, nps, ces) and score.");
      }
      SurveyKind kind = SurveyKind.valueOf(((String) values.get("kind")).toUpperCase(Locale.ROOT));
      int score = ((Number) values.get("score")).intValue();
      if (!kind.accepts(score)) {
        throw new EventException(
            where
                + ": score "
                + score
                + " is out of range for "
                + kind.id()
                + " ("
                + kind.min()
                + "-"
                + kind.max()
                + ").");
      }
    }
    if (type == EventType.AGENT_STATE && values.get("state") == null) {
      throw new EventException(
          where + ": an agent_state event needs state (" + FieldType.AGENT_STATE.expected() + ").");
    }
    return new Event(id, type, at, subject, values, queues);
  }

  private static Field field(RecordType type, String name) {
    return type.field(name).orElseThrow();
  }

  private static Object value(
      String where, RowParser parser, Field field, String name, String raw) {
    try {
      return parser.value(field, raw);
    } catch (ImportException e) {
      throw new EventException(where + ": " + name + " \"" + raw + "\" " + e.problem() + ".");
    }
  }

  private static String text(JsonNode node, String name) {
    JsonNode v = node.get(name);
    if (v == null || v.isNull()) return null;
    if (!v.isValueNode()) {
      throw new EventException(
          "An event's " + name + " must be one value (a string), not " + v + ".");
    }
    String s = v.asText().strip();
    return s.isEmpty() ? null : s;
  }

  /** " (did you mean arrived?)" for a type that looks like a typo of one, else "". */
  private static String didYouMean(String type) {
    String closest =
        io.yardstick.yaml.YamlTree.closest(
            type.toLowerCase(Locale.ROOT),
            java.util.Arrays.stream(EventType.values()).map(EventType::id).toList());
    return closest == null ? "" : " (did you mean " + closest + "?)";
  }
}
