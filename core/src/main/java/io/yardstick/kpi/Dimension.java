package io.yardstick.kpi;

import io.yardstick.YardstickException;
import java.util.Locale;
import java.util.Set;

/**
 * Something to group or filter by: a contact field (channel, direction, queue, topic, team, agent), a time bucket in
 * the report's zone (hour, day, week, month), or any other name, which is a customer attribute (age, tier...).
 *
 * <pre>{@code
 * Dimension.of("channel");  // contact field
 * Dimension.of("week");     // ISO week of the report zone, labelled 2026-W13
 * Dimension.of("age");      // customer attribute
 * }</pre>
 */
public record Dimension(String name, Kind kind) {
  /** The contact fields one can group by, under their public names. */
  public static final Set<String> CONTACT_FIELDS = Set.of("channel", "direction", "queue", "topic", "team", "agent");

  /** What a dimension is. */
  public enum Kind {
    CONTACT_FIELD,
    TIME,
    ATTRIBUTE
  }

  public static Dimension of(String name) {
    String n = name.strip().toLowerCase(Locale.ROOT).replace('-', '_');
    if (n.isEmpty() || !n.matches("[a-z_][a-z0-9_]*")) {
      throw new YardstickException("'" + name + "' is not a dimension; expected channel, direction, queue, topic, team,"
          + " agent, hour, day, week, month or a customer attribute name such as age or tier.");
    }
    if (CONTACT_FIELDS.contains(n)) return new Dimension(n, Kind.CONTACT_FIELD);
    if (TimeUnit.byName(n) != null) return new Dimension(n, Kind.TIME);
    return new Dimension(n, Kind.ATTRIBUTE);
  }

  /** The time unit of a time dimension, or null. */
  public TimeUnit timeUnit() {
    return kind == Kind.TIME ? TimeUnit.byName(name) : null;
  }

  /** Time buckets in the report zone: local clock hours, local days, ISO weeks (Monday first), calendar months. */
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
