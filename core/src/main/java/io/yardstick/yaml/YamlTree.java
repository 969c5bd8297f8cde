package io.yardstick.yaml;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import io.yardstick.YardstickException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.text.similarity.LevenshteinDistance;

/**
 * A YAML file read for validation: Jackson's tree of the document plus where each key and value
 * stands in the text, so that every message of a validator (the settings file, a mapping file) can
 * name the file, the line, the column and the key path. Keys are addressed by path: {@code
 * kpi.service_level.seconds}, {@code holidays[1]}.
 *
 * <pre>{@code
 * YamlTree tree = YamlTree.parse("yardstick.yaml", text, YamlTree.Scalars.TYPED);
 * tree.unknownKey(tree.root().get("kpi"), "kpi", List.of("fcr", "ces"))
 *     .ifPresent(k -> { throw new SettingsException(tree.where(k.path()) + ": " + k.problem()); });
 * }</pre>
 *
 * <p>A key written twice in one map is refused (YAML says keys are unique; silently keeping the
 * last would hide a typo), and so is anything that is not YAML, with the line and column where the
 * parser stopped.
 */
public final class YamlTree {
  private static final YAMLFactory TYPED = YAMLFactory.builder().build();
  private static final YAMLFactory TEXT =
      YAMLFactory.builder().enable(YAMLParser.Feature.PARSE_BOOLEAN_LIKE_WORDS_AS_STRINGS).build();

  /** How scalars become nodes. */
  public enum Scalars {
    /** As YAML types them: numbers, booleans, null and text (the settings file). */
    TYPED,
    /**
     * Every scalar as the text written, null excepted: {@code yes}, {@code 1.10} and {@code 007}
     * stay as typed (a mapping file compares and copies source values).
     */
    TEXT
  }

  /** A place in the text, 1-based. */
  public record Location(int line, int column) {
    @Override
    public String toString() {
      return "line " + line + ", column " + column;
    }
  }

  /**
   * A key that a map may not have, with the closest allowed key when it looks like a typo of one.
   */
  public record UnknownKey(String key, String path, String closest, List<String> allowed) {
    /**
     * Such as {@code unknown key 'secs' (did you mean seconds?); expected one of seconds,
     * per_channel, formula}.
     */
    public String problem() {
      return "unknown key '"
          + key
          + "'"
          + (closest == null ? "" : " (did you mean " + closest + "?)")
          + "; expected "
          + (allowed.size() == 1 ? allowed.get(0) : "one of " + String.join(", ", allowed));
    }
  }

  /**
   * Text that is not YAML, or a key given twice; the message has no file name (the validator adds
   * its own).
   */
  public static final class SyntaxException extends YardstickException {
    private final Location location;
    private final String problem;
    private final String duplicateKey;

    SyntaxException(Location location, String problem, String duplicateKey) {
      super((location == null ? "" : "at " + location + ": ") + problem);
      this.location = location;
      this.problem = problem;
      this.duplicateKey = duplicateKey;
    }

    /** The path of a key given twice in one map, when that is the problem. */
    public Optional<String> duplicateKey() {
      return Optional.ofNullable(duplicateKey);
    }

    /** Where the parser stopped, when it says. */
    public Optional<Location> location() {
      return Optional.ofNullable(location);
    }

    /** What is wrong, without the place. */
    public String problem() {
      return problem;
    }
  }

  private final String source;
  private final Scalars scalars;
  private final JsonNode root;
  private final Map<String, Location> values = new HashMap<>();
  private final Map<String, Location> keys = new HashMap<>();

  private final String text;

  private YamlTree(String source, Scalars scalars, String text, JsonParser p) throws IOException {
    this.source = source;
    this.scalars = scalars;
    this.text = text;
    this.root = p.nextToken() == null ? null : node(p, "");
  }

  /**
   * The tree of a YAML text.
   *
   * @param source how messages name the text (a file's path)
   * @throws SyntaxException when the text is not YAML or a map has a key twice
   */
  public static YamlTree parse(String source, String text, Scalars scalars) {
    try (JsonParser p = (scalars == Scalars.TEXT ? TEXT : TYPED).createParser(text)) {
      return new YamlTree(source, scalars, text, p);
    } catch (JsonProcessingException e) {
      JsonLocation l = e.getLocation();
      throw new SyntaxException(
          l == null || l.getLineNr() < 1 ? null : new Location(l.getLineNr(), l.getColumnNr()),
          firstLines(e.getOriginalMessage()),
          null);
    } catch (IOException e) {
      throw new SyntaxException(null, String.valueOf(e.getMessage()), null);
    }
  }

  /** The document, or null when the text is empty. */
  public JsonNode root() {
    return root;
  }

  /** How messages name the text. */
  public String source() {
    return source;
  }

  /**
   * Where the value at the path starts, else where its key is, else empty (a path the text does not
   * have).
   */
  public Optional<Location> location(String path) {
    Location l = values.get(path);
    return Optional.ofNullable(l != null ? l : keys.get(path));
  }

  /** Where the key of the path is written (the value's place when the path is a list item). */
  public Optional<Location> keyLocation(String path) {
    Location l = keys.get(path);
    return l != null ? Optional.of(l) : location(path);
  }

  /**
   * The place of the path, or of the nearest enclosing path the text has (a required key not
   * given).
   */
  public Optional<Location> nearestLocation(String path) {
    for (String p = path; ; p = parent(p)) {
      Optional<Location> l = location(p);
      if (l.isPresent() || p.isEmpty()) return l;
    }
  }

  /**
   * The source and the place of a path, for the start of a message: {@code yardstick.yaml, line 3,
   * column 5} (see {@link #nearestLocation(String)}).
   */
  public String where(String path) {
    return nearestLocation(path).map(l -> source + ", " + l).orElse(source);
  }

  /**
   * {@link #where(String)} at the key rather than the value (an unknown key, a key given twice).
   */
  public String whereKey(String path) {
    return keyLocation(path).map(l -> source + ", " + l).orElseGet(() -> where(path));
  }

  /**
   * The first key of the map that is not allowed, with the closest allowed one; empty when all are
   * allowed.
   */
  public Optional<UnknownKey> unknownKey(JsonNode map, String path, Collection<String> allowed) {
    if (map == null || !map.isObject()) return Optional.empty();
    for (String key : (Iterable<String>) map::fieldNames) {
      if (!allowed.contains(key)) {
        List<String> list = List.copyOf(allowed);
        return Optional.of(new UnknownKey(key, child(path, key), closest(key, list), list));
      }
    }
    return Optional.empty();
  }

  /** The path of a key in the map at {@code path} ({@code ""} is the top level). */
  public static String child(String path, String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  /** The path of an item of the list at {@code path}. */
  public static String item(String path, int index) {
    return path + "[" + index + "]";
  }

  /**
   * The candidate closest to a name by edit distance, when it is close enough to be a typo (at most
   * 2 edits, or a third of the candidate's length); null otherwise.
   */
  public static String closest(String name, Collection<String> candidates) {
    LevenshteinDistance distance = LevenshteinDistance.getDefaultInstance();
    return candidates.stream()
        .min(
            Comparator.<String>comparingInt(c -> distance.apply(name, c))
                .thenComparingInt(c -> Math.abs(c.length() - name.length())))
        .filter(c -> distance.apply(name, c) <= Math.max(2, c.length() / 3))
        .orElse(null);
  }

  private static String parent(String path) {
    int dot = path.lastIndexOf('.');
    int bracket = path.lastIndexOf('[');
    int cut = Math.max(dot, bracket);
    return cut < 0 ? "" : path.substring(0, cut);
  }

  private JsonNode node(JsonParser p, String path) throws IOException {
    JsonNodeFactory f = JsonNodeFactory.instance;
    values.putIfAbsent(path, here(p));
    switch (p.currentToken()) {
      case START_OBJECT -> {
        ObjectNode o = f.objectNode();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String key = p.currentName();
          String at = child(path, key);
          Location keyAt = here(p);
          if (o.has(key)) {
            throw new SyntaxException(
                keyAt, "the key " + at + " is given twice; give each key once", at);
          }
          keys.put(at, keyAt);
          p.nextToken();
          o.set(key, node(p, at));
        }
        return o;
      }
      case START_ARRAY -> {
        ArrayNode a = f.arrayNode();
        int i = 0;
        while (p.nextToken() != JsonToken.END_ARRAY) a.add(node(p, item(path, i++)));
        return a;
      }
      case VALUE_NULL -> {
        return f.nullNode();
      }
      default -> {
        if (scalars == Scalars.TEXT) return f.textNode(p.getText());
        // A key with nothing after it (kpi:) is null, as YAML says, and '' or "" is an empty text.
        if (p.currentToken() == JsonToken.VALUE_STRING && p.getText().isEmpty() && !quoted(p))
          return f.nullNode();
        return scalar(p);
      }
    }
  }

  private static JsonNode scalar(JsonParser p) throws IOException {
    JsonNodeFactory f = JsonNodeFactory.instance;
    switch (p.currentToken()) {
      case VALUE_TRUE, VALUE_FALSE -> {
        return f.booleanNode(p.getBooleanValue());
      }
      case VALUE_NUMBER_INT -> {
        return switch (p.getNumberType()) {
          case INT -> f.numberNode(p.getIntValue());
          case LONG -> f.numberNode(p.getLongValue());
          default -> f.numberNode(p.getBigIntegerValue());
        };
      }
      case VALUE_NUMBER_FLOAT -> {
        return f.numberNode(p.getDoubleValue());
      }
      default -> {
        return f.textNode(p.getText());
      }
    }
  }

  private boolean quoted(JsonParser p) {
    long at = p.currentTokenLocation().getCharOffset();
    return at >= 0
        && at < text.length()
        && (text.charAt((int) at) == '\'' || text.charAt((int) at) == '"');
  }

  private static Location here(JsonParser p) {
    JsonLocation l = p.currentTokenLocation();
    return new Location(l.getLineNr(), l.getColumnNr());
  }

  /**
   * A parser message without SnakeYAML's indented location and excerpt lines (the location is given
   * apart).
   */
  private static String firstLines(String s) {
    if (s == null) return "";
    List<String> kept = new ArrayList<>();
    for (String line : s.split("\\R")) {
      if (!line.isBlank() && !Character.isWhitespace(line.charAt(0))) kept.add(line.strip());
    }
    return String.join(", ", kept);
  }
}
