package io.yardstick.kpi;

import com.fasterxml.jackson.databind.JsonNode;
import io.yardstick.YardstickException;
import io.yardstick.calendar.BusinessCalendar;
import io.yardstick.yaml.YamlTree;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The KPI part of the settings file (YAML, format in docs/settings.md): KPI definition variants,
 * benchmarks, business-hours calendars, limits, privacy and retention, read by {@link
 * #read(YamlTree)} for {@code io.yardstick.settings.Settings}, which reads the file once. Every key
 * is optional; anything the file does not say keeps {@link KpiSettings#defaults()}. Unknown keys
 * and bad values are refused with a {@link SettingsException} naming the file, the line and column,
 * the key path, the value and what was expected; {@link Reader} gives every section those messages.
 */
public final class SettingsFile {
  /** The environment variable naming the settings file when no option does. */
  public static final String ENV = "YARDSTICK_SETTINGS";

  /**
   * The settings file read from the working directory when neither the option nor the environment
   * names one.
   */
  public static final String DEFAULT_FILE = "yardstick.yaml";

  /** The top-level keys this part reads. */
  public static final List<String> KEYS =
      List.of("kpi", "benchmarks", "business_hours", "limits", "privacy", "retention");

  private SettingsFile() {}

  /**
   * Which settings file to read, or empty for the defaults: the file named by the option when given
   * (not blank), else the file named by {@value #ENV}, else {@value #DEFAULT_FILE} in the working
   * directory if it exists. A file named by the option or the environment must exist.
   */
  public static Optional<Path> locate(
      String optionPath, Map<String, String> env, Path workingDirectory) {
    if (optionPath != null && !optionPath.isBlank()) {
      Path p = workingDirectory.resolve(optionPath.strip());
      requireFile(p, "named by --settings");
      return Optional.of(p);
    }
    String fromEnv = env.get(ENV);
    if (fromEnv != null && !fromEnv.isBlank()) {
      Path p = workingDirectory.resolve(fromEnv.strip());
      requireFile(p, "named by the environment variable " + ENV);
      return Optional.of(p);
    }
    Path p = workingDirectory.resolve(DEFAULT_FILE);
    return Files.isRegularFile(p) ? Optional.of(p) : Optional.empty();
  }

  private static void requireFile(Path p, String how) {
    if (!Files.isRegularFile(p)) {
      throw new SettingsException(
          "settings file " + p + " (" + how + ") does not exist or is not a file");
    }
  }

  /**
   * The KPI settings of a settings file's tree (whose top level is a map): the defaults with what
   * it says.
   */
  public static KpiSettings read(YamlTree tree) {
    return new Reader(tree).read(tree.root());
  }

  /**
   * A settings file that cannot be used; the message names the file, the key path, the value and
   * what was expected.
   */
  public static final class SettingsException extends YardstickException {
    public SettingsException(String message) {
      super(message);
    }

    public SettingsException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /**
   * Checks for one settings file, shared by every section's reader: each failure is a {@link
   * SettingsException} starting {@code settings file FILE, line L, column C: KEY: }.
   */
  public static final class Reader {
    private final YamlTree tree;
    private final String source;

    public Reader(YamlTree tree) {
      this.tree = tree;
      this.source = tree.source();
    }

    KpiSettings read(JsonNode root) {
      KpiSettings d = KpiSettings.defaults();
      if (root == null || root.isMissingNode() || root.isNull()) {
        return d;
      }

      double shortAbandon = d.shortAbandonSeconds();
      double waitLimit = d.waitLimitSeconds();
      double slSeconds = d.serviceLevelSeconds();
      Map<String, Double> perChannel = new LinkedHashMap<>(d.serviceLevelSecondsByChannel());
      KpiSettings.ServiceLevelFormula formula = d.serviceLevelFormula();
      KpiSettings.FcrDenominator fcr = d.fcrDenominator();
      KpiSettings.CesMode ces = d.cesMode();

      JsonNode kpi = section(root, "kpi");
      if (kpi != null) {
        onlyKeys(
            kpi,
            "kpi",
            "short_abandon_seconds",
            "wait_limit_seconds",
            "service_level",
            "fcr",
            "ces");
        if (kpi.has("short_abandon_seconds")) {
          shortAbandon = seconds(kpi.get("short_abandon_seconds"), "kpi.short_abandon_seconds");
        }
        if (kpi.has("wait_limit_seconds")) {
          waitLimit = seconds(kpi.get("wait_limit_seconds"), "kpi.wait_limit_seconds");
        }
        JsonNode sl = section(kpi, "service_level", "kpi.service_level");
        if (sl != null) {
          onlyKeys(sl, "kpi.service_level", "seconds", "per_channel", "formula");
          if (sl.has("seconds")) {
            slSeconds = seconds(sl.get("seconds"), "kpi.service_level.seconds");
          }
          JsonNode pc = section(sl, "per_channel", "kpi.service_level.per_channel");
          if (pc != null) {
            for (Map.Entry<String, JsonNode> e : pc.properties()) {
              String channel = e.getKey().strip().toLowerCase(Locale.ROOT);
              String key = "kpi.service_level.per_channel." + e.getKey();
              if (channel.isEmpty()) {
                throw fail(key, e.getValue(), "a channel name such as chat or email");
              }
              perChannel.put(channel, seconds(e.getValue(), key));
            }
          }
          if (sl.has("formula")) {
            formula =
                choice(
                    sl.get("formula"),
                    "kpi.service_level.formula",
                    KpiSettings.ServiceLevelFormula.class);
          }
        }
        JsonNode f = section(kpi, "fcr", "kpi.fcr");
        if (f != null) {
          onlyKeys(f, "kpi.fcr", "denominator");
          if (f.has("denominator")) {
            fcr =
                choice(
                    f.get("denominator"), "kpi.fcr.denominator", KpiSettings.FcrDenominator.class);
          }
        }
        JsonNode c = section(kpi, "ces", "kpi.ces");
        if (c != null) {
          onlyKeys(c, "kpi.ces", "mode");
          if (c.has("mode")) {
            ces = choice(c.get("mode"), "kpi.ces.mode", KpiSettings.CesMode.class);
          }
        }
      }

      Map<Kpi, Benchmark> benchmarks = new HashMap<>(d.benchmarks());
      JsonNode b = section(root, "benchmarks");
      if (b != null) {
        for (Map.Entry<String, JsonNode> e : b.properties()) {
          String key = "benchmarks." + e.getKey();
          Kpi k =
              Kpi.byId(e.getKey())
                  .orElseThrow(
                      () ->
                          new SettingsException(
                              prefix(key)
                                  + "unknown KPI id '"
                                  + e.getKey()
                                  + "'; expected one of "
                                  + String.join(", ", Kpi.ids())));
          if (e.getValue().isNull()) {
            benchmarks.remove(k);
          } else {
            benchmarks.put(k, benchmark(k, e.getValue(), key));
          }
        }
      }

      Map<String, BusinessCalendar> calendars = new LinkedHashMap<>();
      JsonNode bh = section(root, "business_hours");
      if (bh != null) {
        for (Map.Entry<String, JsonNode> e : bh.properties()) {
          String name = e.getKey().strip().toLowerCase(Locale.ROOT);
          String key = "business_hours." + e.getKey();
          if (name.isEmpty()) {
            throw fail(key, e.getValue(), "a calendar name such as support");
          }
          if (calendars.containsKey(name)) {
            throw new SettingsException(
                prefix(key)
                    + "calendar '"
                    + e.getKey()
                    + "' is given twice (names are"
                    + " compared without case); name each calendar once");
          }
          calendars.put(name, calendar(name, e.getValue(), key));
        }
      }

      return new KpiSettings(
          shortAbandon,
          slSeconds,
          perChannel,
          formula,
          waitLimit,
          fcr,
          ces,
          calendars,
          benchmarks,
          limits(section(root, "limits"), d.limits()),
          privacy(section(root, "privacy"), d.privacy()),
          retention(section(root, "retention"), d.retention()));
    }

    private Retention retention(JsonNode node, Retention d) {
      if (node == null) return d;
      onlyKeys(node, "retention", "contacts_months");
      JsonNode n = node.get("contacts_months");
      if (n == null) return d;
      if (!n.isIntegralNumber() || n.asLong() < 0 || n.asLong() > 1200) {
        throw fail(
            "retention.contacts_months",
            n,
            "a whole number of months from 0 (keep for ever) to 1200");
      }
      return new Retention(n.asInt());
    }

    private Limits limits(JsonNode node, Limits d) {
      if (node == null) return d;
      onlyKeys(
          node,
          "limits",
          "max_rows",
          "query_timeout_seconds",
          "cache_megabytes",
          "max_body_kilobytes",
          "max_events_per_batch",
          "max_concurrent_queries",
          "queue_wait_seconds");
      return new Limits(
          (int) whole(node, "max_rows", d.maxRows(), 1, 10_000_000),
          java.time.Duration.ofSeconds(
              whole(node, "query_timeout_seconds", d.queryTimeout().toSeconds(), 1, 86_400)),
          whole(node, "cache_megabytes", d.cacheBytes() >> 20, 0, 1 << 20) << 20,
          whole(node, "max_body_kilobytes", d.maxBodyBytes() >> 10, 1, 1 << 20) << 10,
          (int) whole(node, "max_events_per_batch", d.maxEventsPerBatch(), 1, 1_000_000),
          (int) whole(node, "max_concurrent_queries", d.maxConcurrentQueries(), 1, 1_000),
          java.time.Duration.ofSeconds(
              whole(node, "queue_wait_seconds", d.queueWait().toSeconds(), 0, 3_600)));
    }

    private Privacy privacy(JsonNode node, Privacy d) {
      if (node == null) return d;
      onlyKeys(node, "privacy", "min_other_agents");
      JsonNode n = node.get("min_other_agents");
      if (n == null) return d;
      if (!n.isIntegralNumber() || n.asLong() < 0 || n.asLong() > 1_000) {
        throw fail("privacy.min_other_agents", n, "a whole number from 0 to 1000");
      }
      return new Privacy(n.asInt());
    }

    /** A whole number in [min, max] at limits.KEY, or the default when the key is absent. */
    private long whole(JsonNode parent, String name, long fallback, long min, long max) {
      JsonNode n = parent.get(name);
      if (n == null) return fallback;
      if (!n.isIntegralNumber() || n.asLong() < min || n.asLong() > max) {
        throw fail("limits." + name, n, "a whole number from " + min + " to " + max);
      }
      return n.asLong();
    }

    private Benchmark benchmark(Kpi kpi, JsonNode node, String key) {
      requireMap(
          node,
          key,
          "a map with low, high, text and source, such as {low: 5, high: 8, text: \"5-8% is the"
              + " industry average\", source: \"...\"} (or null to drop the built-in benchmark)");
      onlyKeys(node, key, "low", "high", "text", "source");
      Double low = optionalNumber(node.get("low"), key + ".low");
      Double high = optionalNumber(node.get("high"), key + ".high");
      String text = optionalText(node.get("text"), key + ".text");
      String source = optionalText(node.get("source"), key + ".source");
      if (low != null && high != null && low > high) {
        throw new SettingsException(
            prefix(key)
                + "low "
                + number(low)
                + " is above high "
                + number(high)
                + "; expected low <= high");
      }
      if (low == null && high == null && text == null) {
        throw fail(key, node, "at least one of low, high and text");
      }
      if (text == null) {
        String unit =
            kpi.unit() == Kpi.Unit.PERCENT ? "%" : kpi.unit() == Kpi.Unit.SECONDS ? " s" : "";
        text =
            low != null && high != null
                ? number(low) + "-" + number(high) + unit
                : low != null ? "at least " + number(low) + unit : "at most " + number(high) + unit;
      }
      if (source == null) {
        source = "settings file " + this.source;
      }
      return new Benchmark(low, high, text, source);
    }

    private BusinessCalendar calendar(String name, JsonNode node, String key) {
      requireMap(node, key, "a calendar: a map with zone, hours and holidays");
      onlyKeys(node, key, "zone", "hours", "holidays");
      ZoneId zone = ZoneOffset.UTC;
      if (node.has("zone")) {
        JsonNode z = node.get("zone");
        String expected = "an IANA time-zone name such as Europe/Madrid";
        if (!z.isTextual()) {
          throw fail(key + ".zone", z, expected);
        }
        try {
          zone = ZoneId.of(z.asText().strip());
        } catch (DateTimeException ex) {
          throw fail(key + ".zone", z, expected);
        }
      }
      Map<String, String> hours = new LinkedHashMap<>();
      JsonNode h = node.get("hours");
      if (h == null || h.isNull()) {
        throw new SettingsException(
            prefix(key + ".hours")
                + "missing; expected the weekly opening hours, such as"
                + " hours: {mon-fri: \"09:00-18:00\"}");
      }
      requireMap(
          h,
          key + ".hours",
          "a map from days to opening hours, such as {mon-fri: \"09:00-18:00\"}");
      for (Map.Entry<String, JsonNode> e : h.properties()) {
        String dayKey = key + ".hours." + e.getKey();
        JsonNode v = e.getValue();
        String windows;
        if (v.isTextual()) {
          windows = v.asText();
        } else if (v.isArray() && !v.isEmpty() && allText(v)) {
          List<String> parts = new ArrayList<>();
          v.forEach(p -> parts.add(p.asText()));
          windows = String.join(", ", parts);
        } else {
          throw fail(
              dayKey,
              v,
              "opening hours as a string such as \"09:00-18:00\" or \"10:00-14:00, 16:00-18:00\","
                  + " or closed");
        }
        try {
          BusinessCalendar.parseDays(e.getKey());
          BusinessCalendar.parseWindows(windows);
        } catch (YardstickException ex) {
          throw new SettingsException(prefix(dayKey) + ex.getMessage(), ex);
        }
        hours.put(e.getKey(), windows);
      }
      List<LocalDate> holidays = new ArrayList<>();
      JsonNode hol = node.get("holidays");
      if (hol != null && !hol.isNull()) {
        String expected = "a list of dates YYYY-MM-DD, such as [2026-12-25, 2027-01-01]";
        if (!hol.isArray()) {
          throw fail(key + ".holidays", hol, expected);
        }
        for (int i = 0; i < hol.size(); i++) {
          JsonNode dn = hol.get(i);
          String dk = key + ".holidays[" + i + "]";
          if (!dn.isTextual()) {
            throw fail(dk, dn, "a date YYYY-MM-DD such as 2026-12-25");
          }
          try {
            holidays.add(LocalDate.parse(dn.asText().strip()));
          } catch (DateTimeParseException ex) {
            throw fail(dk, dn, "a date YYYY-MM-DD such as 2026-12-25");
          }
        }
      }
      try {
        return BusinessCalendar.parse(name, zone, hours, holidays);
      } catch (YardstickException ex) {
        throw new SettingsException(prefix(key + ".hours") + ex.getMessage(), ex);
      }
    }

    private static boolean allText(JsonNode array) {
      for (JsonNode n : array) {
        if (!n.isTextual()) {
          return false;
        }
      }
      return true;
    }

    /**
     * A map-valued key, or null when it is absent or empty ({@code kpi:} with nothing under it).
     */
    public JsonNode section(JsonNode parent, String name) {
      return section(parent, name, name);
    }

    /**
     * {@link #section(JsonNode, String)} of a map below the top level, whose path is {@code key}.
     */
    public JsonNode section(JsonNode parent, String name, String key) {
      JsonNode n = parent.get(name);
      if (n == null || n.isNull()) {
        return null;
      }
      requireMap(n, key, "a map of settings (see docs/settings.md)");
      return n;
    }

    public void requireMap(JsonNode n, String key, String expected) {
      if (!n.isObject()) {
        throw fail(key, n, expected);
      }
    }

    /**
     * Refuses the first key of the map at {@code parent} that is not allowed, naming the closest
     * allowed one.
     */
    public void onlyKeys(JsonNode map, String parent, String... allowed) {
      tree.unknownKey(map, parent, List.of(allowed))
          .ifPresent(
              k -> {
                throw new SettingsException(
                    "settings file "
                        + tree.whereKey(k.path())
                        + ": "
                        + k.path()
                        + ": "
                        + k.problem());
              });
    }

    public double seconds(JsonNode n, String key) {
      if (n == null || !n.isNumber() || !Double.isFinite(n.asDouble()) || n.asDouble() < 0) {
        throw fail(key, n, "a number of seconds, 0 or more");
      }
      return n.asDouble();
    }

    public Double optionalNumber(JsonNode n, String key) {
      if (n == null || n.isNull()) {
        return null;
      }
      if (!n.isNumber() || !Double.isFinite(n.asDouble())) {
        throw fail(key, n, "a number");
      }
      return n.asDouble();
    }

    public String optionalText(JsonNode n, String key) {
      if (n == null || n.isNull()) {
        return null;
      }
      if (!n.isTextual() || n.asText().isBlank()) {
        throw fail(key, n, "a text");
      }
      return n.asText().strip();
    }

    public <E extends Enum<E>> E choice(JsonNode n, String key, Class<E> type) {
      String names =
          java.util.Arrays.stream(type.getEnumConstants())
              .map(c -> c.name().toLowerCase(Locale.ROOT))
              .collect(Collectors.joining(", "));
      if (n != null && n.isTextual()) {
        String t = n.asText().strip();
        for (E c : type.getEnumConstants()) {
          if (c.name().equalsIgnoreCase(t)) {
            return c;
          }
        }
      }
      throw fail(key, n, "one of " + names);
    }

    /** The start of a message about a key: {@code settings file FILE, line L, column C: KEY: }. */
    public String prefix(String key) {
      return "settings file " + tree.where(key) + ": " + key + ": ";
    }

    /** A bad value: {@code ...: KEY: the value V is not valid; expected EXPECTED}. */
    public SettingsException fail(String key, JsonNode value, String expected) {
      return new SettingsException(
          prefix(key) + "the value " + show(value) + " is not valid; expected " + expected);
    }

    private static String show(JsonNode n) {
      if (n == null || n.isNull()) {
        return "(empty)";
      }
      String s = n.toString();
      return s.length() > 80 ? s.substring(0, 77) + "..." : s;
    }

    private static String number(double v) {
      return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
  }
}
