package io.yardstick.kpi;

import io.yardstick.store.Store;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the store holds, for choosing a period and filters: the local dates of the first and last
 * contact in a zone, and the stored values of each contact field (channel, direction, queue, topic,
 * team, agent), sorted.
 *
 * <pre>{@code
 * DataExtent e = DataExtent.of(store, ZoneId.of("Europe/Madrid"));
 * e.last();                    // 2026-11-24
 * e.values().get("channel");   // [chat, email, phone]
 * }</pre>
 *
 * @param first local date of the earliest contact, null when the store holds none
 * @param last local date of the latest contact, null when the store holds none
 * @param values per contact field (in the order channel, direction, queue, topic, team, agent), its
 *     distinct values; then, when the store has tickets, their priorities and tags
 */
public record DataExtent(LocalDate first, LocalDate last, Map<String, List<String>> values) {
  /** Values listed per field at most; a field with more (customer ids would be) is cut there. */
  public static final int MAX_VALUES = 5_000;

  private static final Map<String, String> COLUMNS = columns();

  public DataExtent {
    Map<String, List<String>> copy = new LinkedHashMap<>();
    values.forEach((k, v) -> copy.put(k, List.copyOf(v)));
    values = java.util.Collections.unmodifiableMap(copy);
  }

  public static DataExtent of(Store store, ZoneId zone) {
    Object[] range = store.query("SELECT min(arrived_at), max(arrived_at) FROM contacts").get(0);
    Map<String, List<String>> values = new LinkedHashMap<>();
    for (Map.Entry<String, String> field : COLUMNS.entrySet()) {
      List<String> list = new ArrayList<>();
      String column = field.getValue();
      for (Object[] row :
          store.query(
              "SELECT DISTINCT "
                  + column
                  + " FROM contacts WHERE "
                  + column
                  + " IS NOT NULL ORDER BY 1 LIMIT "
                  + MAX_VALUES)) {
        list.add(row[0].toString());
      }
      values.put(field.getKey(), list);
    }
    // Help-desk tickets add their priorities and tags (docs/sla.md); a store without tickets has
    // neither key.
    if (!store.query("SELECT case_id FROM tickets LIMIT 1").isEmpty()) {
      java.util.Set<String> priorities = new java.util.TreeSet<>();
      java.util.Set<String> tags = new java.util.TreeSet<>();
      for (Object[] row :
          store.query(
              "SELECT priority FROM tickets WHERE priority IS NOT NULL UNION SELECT priority FROM"
                  + " ticket_events WHERE kind = 'priority' AND priority IS NOT NULL ORDER BY 1 LIMIT "
                  + MAX_VALUES)) {
        priorities.add(row[0].toString());
      }
      for (Object[] row :
          store.query(
              "SELECT DISTINCT tags FROM tickets WHERE tags IS NOT NULL ORDER BY 1 LIMIT "
                  + MAX_VALUES)) {
        for (String tag : row[0].toString().split(",")) {
          if (!tag.isEmpty() && tags.size() < MAX_VALUES) tags.add(tag);
        }
      }
      values.put("priority", new ArrayList<>(priorities));
      values.put("tag", new ArrayList<>(tags));
    }
    return new DataExtent(localDate(range[0], zone), localDate(range[1], zone), values);
  }

  private static LocalDate localDate(Object value, ZoneId zone) {
    if (value == null) return null;
    Instant t =
        switch (value) {
          case Instant i -> i;
          case OffsetDateTime o -> o.toInstant();
          case java.sql.Timestamp s -> s.toInstant();
          default -> Instant.parse(value.toString());
        };
    return LocalDate.ofInstant(t, zone);
  }

  private static Map<String, String> columns() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("channel", "channel");
    m.put("direction", "direction");
    m.put("queue", "queue");
    m.put("topic", "topic");
    m.put("team", "team");
    m.put("agent", "agent_id");
    return m;
  }
}
