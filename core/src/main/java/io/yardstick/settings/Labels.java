package io.yardstick.settings;

import com.fasterxml.jackson.databind.JsonNode;
import io.yardstick.kpi.SettingsFile;
import io.yardstick.yaml.YamlTree;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Display names of stored values, per language: the {@code labels} section of the settings file
 * (docs/settings.md). Queues, topics and teams are ids in the data ({@code product_info}, {@code
 * plan_change}); the pages show their names in the reader's language, the API and the command line
 * keep the ids.
 *
 * <pre>{@code
 * labels:
 *   topic:
 *     product_info: {en: Product information, es: Información de producto, ca: Informació de producte}
 *     plan_change: Plan change            # one name for every language
 * }</pre>
 *
 * @param names dimension, then value, then language (en, es, ca, ro), then the name
 */
public record Labels(Map<String, Map<String, Map<String, String>>> names) {
  /** The dimensions whose values can be named. */
  public static final List<String> DIMENSIONS =
      List.of("channel", "queue", "topic", "team", "agent");

  /** The languages of the pages. */
  public static final List<String> LANGUAGES = List.of("en", "es", "ca", "ro");

  private static final int MAX_NAME = 128;

  public Labels {
    Map<String, Map<String, Map<String, String>>> copy = new LinkedHashMap<>();
    names.forEach(
        (d, values) -> {
          Map<String, Map<String, String>> v = new LinkedHashMap<>();
          values.forEach(
              (value, byLang) ->
                  v.put(value, Collections.unmodifiableMap(new LinkedHashMap<>(byLang))));
          copy.put(d, Collections.unmodifiableMap(v));
        });
    names = Collections.unmodifiableMap(copy);
  }

  /** No names: values are shown as stored. */
  public static Labels none() {
    return new Labels(Map.of());
  }

  /**
   * A value's name in a language: the language's, else the English one, else empty (show the value
   * as stored).
   */
  public Optional<String> name(String dimension, String value, String language) {
    Map<String, String> byLang = names.getOrDefault(dimension, Map.of()).get(value);
    if (byLang == null) return Optional.empty();
    return Optional.ofNullable(byLang.getOrDefault(language, byLang.get("en")));
  }

  /** Reads {@code labels} of a settings file's tree; the rest of the file is not looked at. */
  public static Labels read(YamlTree tree) {
    JsonNode root = tree.root();
    SettingsFile.Reader reader = new SettingsFile.Reader(tree);
    JsonNode labels = root == null || root.isNull() ? null : reader.section(root, "labels");
    if (labels == null) return none();
    reader.onlyKeys(labels, "labels", DIMENSIONS.toArray(String[]::new));
    Map<String, Map<String, Map<String, String>>> names = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> d : labels.properties()) {
      String dimKey = "labels." + d.getKey();
      JsonNode values = reader.section(labels, d.getKey(), dimKey);
      if (values == null) continue;
      Map<String, Map<String, String>> byValue = new LinkedHashMap<>();
      for (Map.Entry<String, JsonNode> v : values.properties()) {
        String key = dimKey + "." + v.getKey();
        Map<String, String> byLang = new LinkedHashMap<>();
        JsonNode n = v.getValue();
        if (n.isTextual()) {
          String name = name(reader, key, n);
          LANGUAGES.forEach(l -> byLang.put(l, name));
        } else if (n.isObject()) {
          reader.onlyKeys(n, key, LANGUAGES.toArray(String[]::new));
          for (Map.Entry<String, JsonNode> l : n.properties()) {
            byLang.put(l.getKey(), name(reader, key + "." + l.getKey(), l.getValue()));
          }
        } else {
          throw reader.fail(key, n, "a name, or a map of languages (en, es, ca, ro) to names");
        }
        byValue.put(v.getKey(), byLang);
      }
      names.put(d.getKey(), byValue);
    }
    return new Labels(names);
  }

  private static String name(SettingsFile.Reader reader, String key, JsonNode n) {
    String s = n.isTextual() ? n.asText().strip() : "";
    if (s.isEmpty() || s.length() > MAX_NAME || s.chars().anyMatch(Character::isISOControl)) {
      throw reader.fail(key, n, "a name of 1 to " + MAX_NAME + " characters on one line");
    }
    return s;
  }
}
