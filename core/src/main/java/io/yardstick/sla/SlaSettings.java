package io.yardstick.sla;

import com.fasterxml.jackson.databind.JsonNode;
import io.yardstick.YardstickException;
import io.yardstick.alert.Durations;
import io.yardstick.kpi.KpiSettings;
import io.yardstick.kpi.SettingsFile;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The {@code sla_policies} list of the settings file (docs/sla.md), in order:
 *
 * <pre>{@code
 * sla_policies:
 *   - name: urgent
 *     when: {priority: urgent, channel: [email, chat]}
 *     business_hours: support          # absent: calendar time
 *     pause_on: [pending, on_hold]     # the default
 *     targets: {first_reply: 1h, next_reply: 2h, periodic_update: 4h, resolution: 8h}
 * }</pre>
 */
public final class SlaSettings {
  private SlaSettings() {}

  /** No policies: what a store is measured by without an sla_policies section. */
  public static SlaEvaluator none() {
    return new SlaEvaluator(List.of(), Map.of());
  }

  /**
   * The policies of a settings file's text (for tests; the server and commands use {@code
   * Settings}).
   */
  public static SlaEvaluator parse(String yaml, String source) {
    return read(
        io.yardstick.yaml.YamlTree.parse(source, yaml, io.yardstick.yaml.YamlTree.Scalars.TYPED));
  }

  /**
   * Reads {@code sla_policies} of a settings file's tree, checked against its business-hours
   * calendars.
   */
  public static SlaEvaluator read(io.yardstick.yaml.YamlTree tree) {
    String source = tree.source();
    KpiSettings kpi = SettingsFile.read(tree);
    JsonNode list =
        tree.root() == null || tree.root().isNull() ? null : tree.root().get("sla_policies");
    List<SlaPolicy> policies = new ArrayList<>();
    if (list != null && !list.isNull()) {
      if (!list.isArray())
        throw fail(source, "sla_policies", "a list of policies, each with name, when and targets");
      Set<String> names = new java.util.HashSet<>();
      for (int i = 0; i < list.size(); i++) {
        SlaPolicy p = policy(list.get(i), source, "sla_policies[" + i + "]", kpi);
        if (!names.add(p.name().toLowerCase(Locale.ROOT))) {
          throw fail(
              source,
              "sla_policies[" + i + "].name",
              "a name not used by another policy ('" + p.name() + "' is given twice)");
        }
        policies.add(p);
      }
    }
    Map<String, io.yardstick.calendar.BusinessCalendar> calendars = new LinkedHashMap<>();
    for (SlaPolicy p : policies) {
      if (p.businessHours() != null)
        calendars.put(p.businessHours(), kpi.calendar(p.businessHours()).orElseThrow());
    }
    return new SlaEvaluator(policies, calendars);
  }

  private static SlaPolicy policy(JsonNode node, String source, String key, KpiSettings kpi) {
    if (!node.isObject())
      throw fail(source, key, "a map with name, when, business_hours, pause_on and targets");
    for (var e : node.properties()) {
      if (!List.of("name", "when", "business_hours", "pause_on", "targets").contains(e.getKey())) {
        throw fail(
            source,
            key + "." + e.getKey(),
            "one of the keys name, when, business_hours, pause_on, targets");
      }
    }
    JsonNode name = node.get("name");
    if (name == null || !name.isTextual() || name.asText().isBlank())
      throw fail(source, key + ".name", "a name");
    Map<String, Set<String>> conditions = new LinkedHashMap<>();
    JsonNode when = node.get("when");
    if (when != null && !when.isNull()) {
      if (!when.isObject())
        throw fail(source, key + ".when", "a map of conditions such as {priority: urgent}");
      for (var c : when.properties()) {
        String cond = c.getKey().strip().toLowerCase(Locale.ROOT);
        if (!SlaPolicy.CONDITIONS.contains(cond)) {
          throw fail(
              source,
              key + ".when." + c.getKey(),
              "one of the conditions " + String.join(", ", SlaPolicy.CONDITIONS));
        }
        boolean exact = cond.equals("queue") || cond.equals("brand");
        Set<String> values = new LinkedHashSet<>();
        for (JsonNode v : c.getValue().isArray() ? c.getValue() : List.of(c.getValue())) {
          if (!v.isValueNode() || v.isNull() || v.asText().isBlank()) {
            throw fail(source, key + ".when." + c.getKey(), "a value or a list of values");
          }
          values.add(exact ? v.asText().strip() : v.asText().strip().toLowerCase(Locale.ROOT));
        }
        if (values.isEmpty()) throw fail(source, key + ".when." + c.getKey(), "at least one value");
        conditions.put(cond, values);
      }
    }
    Map<SlaMetric, Duration> targets = new EnumMap<>(SlaMetric.class);
    JsonNode t = node.get("targets");
    if (t == null || !t.isObject() || t.isEmpty()) {
      throw fail(source, key + ".targets", "a map such as {first_reply: 1h, resolution: 8h}");
    }
    for (var e : t.properties()) {
      SlaMetric m =
          SlaMetric.byId(e.getKey())
              .orElseThrow(
                  () ->
                      fail(
                          source,
                          key + ".targets." + e.getKey(),
                          "one of first_reply, next_reply, periodic_update, resolution"));
      try {
        Duration d = Durations.parse(e.getValue().asText());
        if (d.isZero()) throw new YardstickException("'0' leaves no time at all.");
        targets.put(m, d);
      } catch (YardstickException ex) {
        throw new SettingsFile.SettingsException(
            "settings file "
                + source
                + ", "
                + key
                + ".targets."
                + e.getKey()
                + ": "
                + ex.getMessage());
      }
    }
    String calendar = null;
    JsonNode bh = node.get("business_hours");
    if (bh != null && !bh.isNull()) {
      calendar = bh.asText().strip().toLowerCase(Locale.ROOT);
      if (kpi.calendar(calendar).isEmpty()) {
        throw fail(
            source,
            key + ".business_hours",
            "the name of a calendar under business_hours ('"
                + bh.asText()
                + "' is none"
                + (kpi.calendars().isEmpty()
                    ? "; none is defined)"
                    : "; defined: " + String.join(", ", kpi.calendars().keySet()) + ")"));
      }
    }
    Set<String> pauseOn = new LinkedHashSet<>(List.of("pending", "on_hold"));
    JsonNode po = node.get("pause_on");
    if (po != null && !po.isNull()) {
      pauseOn.clear();
      for (JsonNode v : po.isArray() ? po : List.of(po)) {
        String s = v.asText().strip().toLowerCase(Locale.ROOT).replace('-', '_');
        if (!List.of("new", "open", "pending", "on_hold").contains(s)) {
          throw fail(
              source,
              key + ".pause_on",
              "statuses among new, open, pending, on_hold ('"
                  + v.asText()
                  + "' is not one; solved and closed always stop the clock)");
        }
        pauseOn.add(s);
      }
    }
    return new SlaPolicy(name.asText().strip(), conditions, targets, calendar, pauseOn);
  }

  private static SettingsFile.SettingsException fail(String source, String key, String expected) {
    return new SettingsFile.SettingsException(
        "settings file " + source + ", " + key + ": expected " + expected);
  }
}
