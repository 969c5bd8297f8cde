package io.yardstick.sources;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.yardstick.ingest.ImportSource;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;

/**
 * Seeded mutations of a help desk's JSON export, for the importers' property tests: values replaced
 * by values of other types and shapes (null, empty, negative, huge, text where a number goes,
 * objects where text goes), fields removed, records repeated, the whole file wrapped or cut short.
 * A failing seed is printed with its input, so it can be replayed.
 */
public final class JsonFuzz {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonNodeFactory F = JsonNodeFactory.instance;
  private static final String[] TEXTS = {
    "",
    " ",
    "offered",
    "unoffered",
    "good",
    "bad",
    "deleted",
    "solved",
    "closed",
    "2026-03-09T08:00:00Z",
    "2026-03-09 08:00",
    "2026-02-30T08:00:00Z",
    "-1",
    "1e400",
    "NaN",
    "4",
    "5",
    "103",
    "-103",
    "\u0000",
    "x".repeat(300),
    "email",
    "phone_call_outbound",
    "ticket",
    "user"
  };

  private JsonFuzz() {}

  /** One mutated export made from {@code seed}. */
  public static String mutate(String seed, Random r) {
    JsonNode root;
    try {
      root = JSON.readTree(seed);
    } catch (Exception e) {
      throw new IllegalArgumentException("the seed is not JSON", e);
    }
    int edits = 1 + r.nextInt(4);
    for (int i = 0; i < edits; i++) root = edit(root, r);
    String text = root.toString();
    return switch (r.nextInt(12)) {
      case 0 -> text.substring(0, r.nextInt(text.length() + 1)); // cut short
      case 1 -> text + "\n" + text; // two pages one after another
      case 2 -> "[" + text + "]";
      default -> text;
    };
  }

  private static JsonNode edit(JsonNode root, Random r) {
    List<JsonNode> containers = new ArrayList<>();
    collect(root, containers);
    if (containers.isEmpty()) return r.nextBoolean() ? value(r, root) : F.arrayNode().add(root);
    JsonNode target = containers.get(r.nextInt(containers.size()));
    if (target instanceof ObjectNode o && o.size() > 0) {
      List<String> names = new ArrayList<>();
      o.fieldNames().forEachRemaining(names::add);
      String name = names.get(r.nextInt(names.size()));
      if (r.nextInt(5) == 0) o.remove(name);
      else o.set(name, value(r, o.get(name)));
    } else if (target instanceof ArrayNode a && a.size() > 0) {
      int i = r.nextInt(a.size());
      switch (r.nextInt(3)) {
        case 0 -> a.add(a.get(i).deepCopy()); // a record listed again
        case 1 -> a.remove(i);
        default -> a.set(i, value(r, a.get(i)));
      }
    } else if (r.nextBoolean()) {
      return value(r, root);
    }
    return root;
  }

  private static void collect(JsonNode n, List<JsonNode> out) {
    if (!n.isContainerNode()) return;
    out.add(n);
    for (Iterator<JsonNode> it = n.elements(); it.hasNext(); ) collect(it.next(), out);
  }

  private static JsonNode value(Random r, JsonNode old) {
    return switch (r.nextInt(9)) {
      case 0 -> F.nullNode();
      case 1 -> F.textNode(TEXTS[r.nextInt(TEXTS.length)]);
      case 2 -> F.numberNode(r.nextInt(5) == 0 ? -r.nextInt(1000) : r.nextInt(1000));
      case 3 -> F.numberNode(r.nextBoolean() ? 1e300 : r.nextDouble() * 1000);
      case 4 -> F.booleanNode(r.nextBoolean());
      case 5 -> F.objectNode().put("score", TEXTS[r.nextInt(TEXTS.length)]);
      case 6 -> F.arrayNode().add(old == null ? F.nullNode() : old.deepCopy());
      case 7 -> F.objectNode();
      default -> old == null ? F.nullNode() : old.deepCopy();
    };
  }

  /**
   * Imports {@code cases} mutations of the seeds: each is read into rows that pass the canonical
   * validation, with something read, or refused with an import error naming the file; never
   * anything else. Both sides must be exercised.
   */
  public static void check(SourceImporter importer, List<String> seeds, int cases) {
    int read = 0;
    int refused = 0;
    for (int seed = 0; seed < cases; seed++) {
      Random r = new Random(seed);
      String input = mutate(seeds.get(r.nextInt(seeds.size())), r);
      boolean ok =
          Fuzzing.readOrRefused(
              seed,
              "fuzz.json",
              input,
              () -> {
                CollectingLoader loader = new CollectingLoader();
                SourceSummary s =
                    importer.read(
                        ImportSource.of("fuzz.json", input.getBytes(StandardCharsets.UTF_8)),
                        loader,
                        b -> {});
                loader.validate();
                assertThat(s.read() > 0 || input.isBlank())
                    .as("something read from a file that is not empty")
                    .isTrue();
              });
      if (ok) read++;
      else refused++;
    }
    assertThat(read).as("imports read").isGreaterThan(cases / 10);
    assertThat(refused).as("imports refused").isGreaterThan(cases / 10);
  }
}
