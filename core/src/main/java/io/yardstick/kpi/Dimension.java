package io.yardstick.kpi;

import io.yardstick.YardstickException;
import java.util.Locale;
import java.util.Set;

/**
 * Something to group or filter by: a contact field (channel, direction, queue, topic, team, agent),
 * a time bucket in the report's zone (hour, day, week, month), or any other name, which is a
 * customer attribute (age, tier...).
 *
 * <pre>{@code
 * Dimension.of("channel");  // contact field
 * Dimension.of("week");     // ISO week of the report zone, labelled 2026-W13
 * Dimension.of("age");      // customer attribute
 * }</pre>
 */
public record Dimension(String name, Kind kind) {
  /** The contact fields one can group by, under their public names. */
  public static final Set<String> CONTACT_FIELDS =
      Set.of("channel", "direction", "queue", "topic", "team", "agent");

  /**
   * The help-desk ticket fields (docs/sla.md): a ticket's priority now, and its tags (several per
   * ticket: a filter only).
   */
  public static final Set<String> TICKET_FIELDS = Set.of("priority", "tag");

  /**
   * Canonical columns that are not dimensions (else they would be read as customer attributes, and
   * match nothing).
   */
  private static final Set<String> NOT_DIMENSIONS =
      Set.of(
          "contact_id",
          "case_id",
          "customer_id",
          "arrived_at",
          "answered_at",
          "first_response_at",
          "abandoned_at",
          "resolved_at",
          "talk_s",
          "hold_s",
          "wrap_s",
          "resolved",
          "converted",
          "revenue",
          "survey_id",
          "kind",
          "score",
          "submitted_at",
          "state",
          "started_at",
          "ended_at",
          "since",
          "churned_at");

  /** What a dimension is. */
  public enum Kind {
    CONTACT_FIELD,
    /** A field of the ticket a contact, case or SLA target belongs to: priority, tag. */
    TICKET_FIELD,
    TIME,
    ATTRIBUTE
  }

  public static Dimension of(String name) {
    String n = name.strip().toLowerCase(Locale.ROOT).replace('-', '_');
    if (NOT_DIMENSIONS.contains(n)) {
      throw new YardstickException(
          "'"
              + name
              + "' is a record column, not a dimension; group or filter by channel,"
              + " direction, queue, topic, team, agent, priority, tag, hour, day, week, month or a customer attribute"
              + " such as age or tier.");
    }
    if (n.isEmpty() || !n.matches("[a-z_][a-z0-9_]*")) {
      throw new YardstickException(
          "'"
              + name
              + "' is not a dimension; expected channel, direction, queue, topic, team,"
              + " agent, priority, tag, hour, day, week, month or a customer attribute name such as age or"
              + " tier.");
    }
    if (n.equals("agent_id")) n = "agent"; // the column's name, as users often write it
    if (n.equals("tags")) n = "tag";
    if (CONTACT_FIELDS.contains(n)) return new Dimension(n, Kind.CONTACT_FIELD);
    if (TICKET_FIELDS.contains(n)) return new Dimension(n, Kind.TICKET_FIELD);
    if (TimeUnit.byName(n) != null) return new Dimension(n, Kind.TIME);
    return new Dimension(n, Kind.ATTRIBUTE);
  }

  /** The time unit of a time dimension, or null. */
  public TimeUnit timeUnit() {
    return kind == Kind.TIME ? TimeUnit.byName(name) : null;
  }

  /**
   * Time buckets in the report zone: local clock hours, local days, ISO weeks (Monday first),
   * calendar months.
   */
  public enum TimeUnit {
    HOUR,
    DAY,
    WEEK,
    MONTH;

    static TimeUnit byName(String n) {
      for (TimeUnit u : values()) {
        if (u.name().toLowerCase(Locale.ROOT).equals(n)) return u;
      }
      return null;
    }

    public String sqlName() {
      return name().toLowerCase(Locale.ROOT);
    }
  }
}
