package io.yardstick.sla;

import io.yardstick.YardstickException;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One SLA policy of the settings file (docs/sla.md): the tickets it applies to and its targets.
 * Policies are tried in the order written and the first whose conditions all hold applies, as in
 * Zendesk and Freshdesk.
 *
 * @param name its name, shown in results
 * @param conditions condition name (priority, channel, queue, brand, tag) to the values any of
 *     which satisfies it; values lowercase except queue and brand, which are compared as written
 * @param targets the time allowed per metric; a metric without a target is not measured under this
 *     policy
 * @param businessHours the business-hours calendar targets are measured in, or null for calendar
 *     (24/7) time
 * @param pauseOn statuses that stop the clock of the pausable targets (default pending and on_hold)
 */
public record SlaPolicy(
    String name,
    Map<String, Set<String>> conditions,
    Map<SlaMetric, Duration> targets,
    String businessHours,
    Set<String> pauseOn) {
  /** The conditions a policy may set. */
  public static final List<String> CONDITIONS =
      List.of("priority", "channel", "queue", "brand", "tag");

  public SlaPolicy {
    if (name == null || name.isBlank()) throw new YardstickException("an SLA policy needs a name");
    for (String c : conditions.keySet()) {
      if (!CONDITIONS.contains(c)) {
        throw new YardstickException(
            "SLA policy '"
                + name
                + "': unknown condition "
                + c
                + "; expected one of "
                + String.join(", ", CONDITIONS));
      }
    }
    if (targets.isEmpty()) {
      throw new YardstickException(
          "SLA policy '"
              + name
              + "' has no targets; give at least one of first_reply,"
              + " next_reply, periodic_update, resolution");
    }
    conditions = Map.copyOf(conditions);
    targets = new EnumMap<>(targets);
    pauseOn = Set.copyOf(pauseOn);
  }

  /** What a ticket is at one instant, as far as policy conditions go. */
  public record Facts(
      String priority, String channel, String queue, String brand, Set<String> tags) {}

  /** Whether every condition holds for the facts (an absent fact satisfies no condition on it). */
  public boolean matches(Facts f) {
    for (Map.Entry<String, Set<String>> c : conditions.entrySet()) {
      Set<String> allowed = c.getValue();
      boolean ok =
          switch (c.getKey()) {
            case "priority" -> f.priority() != null && allowed.contains(f.priority());
            case "channel" -> f.channel() != null && allowed.contains(f.channel());
            case "queue" -> f.queue() != null && allowed.contains(f.queue());
            case "brand" -> f.brand() != null && allowed.contains(f.brand());
            case "tag" -> f.tags().stream().anyMatch(allowed::contains);
            default -> false;
          };
      if (!ok) return false;
    }
    return true;
  }
}
