package io.yardstick.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.yardstick.kpi.Benchmark;
import io.yardstick.kpi.Kpi;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The message bundles of the pages (web/i18n/LANG.json): every language has every key of English, a
 * name and a definition for every KPI of the catalog, and the same {placeholders}; English repeats
 * the catalog word for word, so a changed formula fails here until its translations are updated
 * too.
 */
class MessageBundlesTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path WEB = Path.of("src/main/resources/io/yardstick/server/web");
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{[a-z]+}");

  private static JsonNode bundle(String lang) throws IOException {
    try (InputStream in =
        MessageBundlesTest.class.getResourceAsStream(
            "/io/yardstick/server/web/i18n/" + lang + ".json")) {
      assertThat(in).as("bundle " + lang).isNotNull();
      return JSON.readTree(in);
    }
  }

  private static Set<String> keys(JsonNode node) {
    Set<String> keys = new TreeSet<>();
    node.fieldNames().forEachRemaining(keys::add);
    return keys;
  }

  private static Set<String> placeholders(String text) {
    Set<String> found = new TreeSet<>();
    Matcher m = PLACEHOLDER.matcher(text);
    while (m.find()) found.add(m.group());
    return found;
  }

  @ParameterizedTest
  @ValueSource(strings = {"en", "es", "ca", "ro"})
  void every_bundle_has_every_key_with_the_same_placeholders(String lang) throws IOException {
    JsonNode en = bundle("en");
    JsonNode other = bundle(lang);
    assertThat(keys(other)).isEqualTo(keys(en));
    for (String key : keys(en)) {
      String text = other.get(key).asText();
      assertThat(text).as(lang + " " + key).isNotBlank();
      assertThat(placeholders(text))
          .as(lang + " " + key)
          .isEqualTo(placeholders(en.get(key).asText()));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"en", "es", "ca", "ro"})
  void every_bundle_names_and_defines_every_kpi_of_the_catalog(String lang) throws IOException {
    JsonNode b = bundle(lang);
    for (Kpi k : Kpi.values()) {
      assertThat(b.path("kpi." + k.id() + ".name").asText()).as(lang + " " + k.id()).isNotBlank();
      assertThat(b.path("kpi." + k.id() + ".definition").asText())
          .as(lang + " " + k.id())
          .isNotBlank();
    }
    Set<String> kpiKeys = new TreeSet<>(keys(b));
    kpiKeys.removeIf(key -> !key.startsWith("kpi."));
    // A name, a definition, a source and an example per KPI, and a text and a source per built-in
    // benchmark.
    assertThat(kpiKeys).hasSize(4 * Kpi.values().length + 2 * Benchmark.defaults().size());
  }

  @Test
  void english_kpi_names_and_definitions_are_the_catalogs() throws IOException {
    JsonNode en = bundle("en");
    for (Kpi k : Kpi.values()) {
      assertThat(en.get("kpi." + k.id() + ".name").asText()).isEqualTo(k.displayName());
      assertThat(en.get("kpi." + k.id() + ".definition").asText())
          .as("kpi.%s.definition: update it and its translations from Kpi.%s", k.id(), k.name())
          .isEqualTo(k.formula());
    }
  }

  @Test
  void every_key_a_page_names_is_in_the_bundles() throws IOException {
    Set<String> keys = keys(bundle("en"));
    Pattern call = Pattern.compile("\\bt\\('([a-zA-Z0-9_.]+)'");
    List<String> missing = new ArrayList<>();
    try (Stream<Path> files = Files.walk(WEB.resolve("js"))) {
      for (Path f : files.filter(p -> p.toString().endsWith(".js")).toList()) {
        Matcher m = call.matcher(Files.readString(f));
        while (m.find()) {
          if (!keys.contains(m.group(1))) missing.add(WEB.relativize(f) + ": " + m.group(1));
        }
      }
    }
    assertThat(missing).isEmpty();
  }

  /**
   * Issue 12, part 7: the drill-down's rows of every kind have a heading per column and a name per
   * counted part.
   */
  @Test
  void every_drill_down_column_and_counted_part_has_a_label() throws IOException {
    Set<String> keys = keys(bundle("en"));
    Set<String> dimensions = Set.of("channel", "direction", "queue", "topic", "team", "agent");
    List<String> missing = new ArrayList<>();
    for (io.yardstick.kpi.Base base : io.yardstick.kpi.Base.values()) {
      String kind = base.name().toLowerCase(java.util.Locale.ROOT);
      for (String key : List.of("drill.behind." + kind, "drill.total." + kind)) {
        if (!keys.contains(key)) missing.add(key);
      }
      for (String column : io.yardstick.kpi.sql.SqlRenderer.rowColumns(base)) {
        String key = dimensions.contains(column) ? "dimension." + column : "drill.col." + column;
        if (!keys.contains(key)) missing.add(key);
      }
    }
    for (Kpi k : Kpi.values()) {
      for (io.yardstick.kpi.Part p : k.rows(io.yardstick.kpi.KpiSettings.defaults()).counted()) {
        String key = "drill.part." + p.name().toLowerCase(java.util.Locale.ROOT);
        if (!keys.contains(key)) missing.add(key);
      }
    }
    assertThat(missing).isEmpty();
  }

  /**
   * Issue 12, part 11: the definition dialog's source and worked example, and the texts of the
   * built-in benchmarks, are in the bundles; English is the catalog's (and {@link
   * Benchmark#defaults()}'s) word for word.
   */
  @Test
  void english_sources_examples_and_benchmarks_are_the_catalogs() throws IOException {
    JsonNode en = bundle("en");
    for (Kpi k : Kpi.values()) {
      assertThat(en.path("kpi." + k.id() + ".source").asText())
          .as("kpi.%s.source: update it and its translations from Kpi.%s", k.id(), k.name())
          .isEqualTo(k.source());
      assertThat(en.path("kpi." + k.id() + ".example").asText())
          .as("kpi.%s.example: update it and its translations from Kpi.%s", k.id(), k.name())
          .isEqualTo(k.example());
      Benchmark b = Benchmark.defaults().get(k);
      assertThat(en.path("kpi." + k.id() + ".benchmark").asText(null))
          .as("kpi.%s.benchmark", k.id())
          .isEqualTo(b == null ? null : b.text());
      assertThat(en.path("kpi." + k.id() + ".benchmarkSource").asText(null))
          .as("kpi.%s.benchmarkSource", k.id())
          .isEqualTo(b == null ? null : b.source());
    }
  }

  /** Texts that are only names, the same in every language (a publication, its author and year). */
  private static final Set<String> SAME_IN_EVERY_LANGUAGE = Set.of("kpi.nps.source");

  /**
   * A settings key or a snake_case value (kpi.fcr.denominator, all_cases): docs name them, pages
   * say what they do.
   */
  private static final Pattern SETTING =
      Pattern.compile("\\bkpi\\.[a-z_.]+|\\b[a-z0-9]+(_[a-z0-9]+)+\\b");

  /** Snake_case words a translation keeps: SQL's function. */
  private static final Set<String> KEPT_WORDS = Set.of("percentile_cont");

  private static final Pattern DIGITS = Pattern.compile("\\d+");

  private static Map<String, String> catalogTexts(Kpi k) {
    Map<String, String> texts = new java.util.LinkedHashMap<>();
    texts.put("kpi." + k.id() + ".source", k.source());
    texts.put("kpi." + k.id() + ".example", k.example());
    Benchmark b = Benchmark.defaults().get(k);
    if (b != null) {
      texts.put("kpi." + k.id() + ".benchmark", b.text());
      texts.put("kpi." + k.id() + ".benchmarkSource", b.source());
    }
    return texts;
  }

  private static List<String> digits(String text) {
    List<String> found = new ArrayList<>();
    Matcher m = DIGITS.matcher(text);
    while (m.find()) found.add(m.group());
    return found;
  }

  /**
   * Issue 12, part 11: every KPI of the catalog has its source and worked example (and its built-in
   * benchmark's text and source) translated in es, ca and ro: present, not the English (but for
   * {@link #SAME_IN_EVERY_LANGUAGE}), with the English numbers in the same order (decimal marks may
   * follow the language: 11.1% is 11,1 %), and naming no settings key or snake_case value (the
   * sentence says what the setting does).
   */
  @ParameterizedTest
  @ValueSource(strings = {"es", "ca", "ro"})
  void every_source_example_and_benchmark_of_the_catalog_is_translated(String lang)
      throws IOException {
    JsonNode b = bundle(lang);
    List<String> problems = new ArrayList<>();
    for (Kpi k : Kpi.values()) {
      for (Map.Entry<String, String> e : catalogTexts(k).entrySet()) {
        String key = e.getKey();
        String english = e.getValue();
        String text = b.path(key).asText("");
        if (text.isBlank()) {
          problems.add(key + ": missing");
          continue;
        }
        if (text.equals(english) && !SAME_IN_EVERY_LANGUAGE.contains(key))
          problems.add(key + ": still English");
        if (!text.equals(english) && SAME_IN_EVERY_LANGUAGE.contains(key)) {
          problems.add(key + ": listed as the same in every language, but differs");
        }
        if (!digits(text).equals(digits(english))) {
          problems.add(key + ": numbers " + digits(text) + " where English has " + digits(english));
        }
        Matcher m = SETTING.matcher(text);
        while (m.find()) {
          if (!KEPT_WORDS.contains(m.group()))
            problems.add(key + ": names a setting or an id: " + m.group());
        }
      }
    }
    assertThat(problems).as(lang).isEmpty();
  }
}
