package io.yardstick.ingest.mapping;

import io.yardstick.ingest.ImportSource;
import io.yardstick.ingest.RowSink;
import io.yardstick.ingest.mapping.internal.MappedFileReader;
import io.yardstick.ingest.mapping.internal.MappingParser;
import io.yardstick.ingest.mapping.internal.MappingRules;
import io.yardstick.model.RecordType;
import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.LongConsumer;

/**
 * A mapping file: how the columns of someone else's CSV (or tab-separated) file make canonical
 * records — which column gives each field, in which format (timestamp patterns and zones, Excel
 * serials and day fractions, Y/N, mm:ss...), with value maps, derived fields, defaults and rows set
 * aside. The format is in docs/mapping.md; examples are in docs/mappings/. Rows made through a
 * mapping are validated by the same {@link io.yardstick.ingest.RowParser} as canonical files.
 *
 * <pre>{@code
 * Mapping mapping = Mapping.load(Path.of("docs/mappings/call-center-pwc.yaml"));
 * try (Loader loader = store.loader()) {
 *   MappingSummary s = mapping.read(ImportSource.of("calls.csv"), Set.of(RecordType.CONTACTS), loader::sink, b -> {});
 *   Map<RecordType, LoadCounts> counts = loader.commit();
 * }
 * }</pre>
 */
public final class Mapping {
  private final MappingRules rules;

  private Mapping(MappingRules rules) {
    this.rules = rules;
  }

  /**
   * Reads and checks a mapping file; every problem is a {@link MappingException} naming the key.
   */
  public static Mapping load(Path path) {
    String name = path.toString();
    String text;
    try {
      text = Files.readString(path);
    } catch (NoSuchFileException e) {
      throw new MappingException(name, "", null, "does not exist");
    } catch (MalformedInputException e) {
      throw new MappingException(name, "", null, "is not UTF-8 text");
    } catch (IOException e) {
      throw new MappingException(name, "", null, "could not be read: " + e.getMessage());
    }
    return parse(name, text);
  }

  /** Checks the text of a mapping; {@code name} stands for the file in messages. */
  public static Mapping parse(String name, String text) {
    return new Mapping(MappingParser.parse(name, text));
  }

  /** The mapping file, as named when loaded. */
  public String file() {
    return rules.file();
  }

  /** The mapping's own description, if it has one. */
  public Optional<String> description() {
    return Optional.ofNullable(rules.description());
  }

  /** The kinds of records this mapping makes, in the order of the file. */
  public List<RecordType> types() {
    return rules.types();
  }

  /**
   * Reads a data file through this mapping and pushes each kept row, validated, to the sink of its
   * type. The first bad value stops the read with an {@link io.yardstick.ingest.ImportException}
   * naming the data file, line, column and value (and the mapping key it went through); rows the
   * mapping sets aside are counted, by reason.
   *
   * @param types the kinds of records to make, each one this mapping has a section for
   * @param sinks the sink of each type (a {@link io.yardstick.store.Loader}'s, for an
   *     all-or-nothing import)
   * @param progress receives the number of bytes read so far
   */
  public MappingSummary read(
      ImportSource source,
      Set<RecordType> types,
      Function<RecordType, RowSink> sinks,
      LongConsumer progress) {
    for (RecordType type : types) {
      if (!rules.sections().containsKey(type)) {
        throw new MappingException(
            rules.file(),
            "",
            null,
            "has no "
                + type.table()
                + " section; it maps "
                + String.join(", ", rules.types().stream().map(RecordType::table).toList()));
      }
    }
    return MappedFileReader.read(rules, source, types, sinks, progress);
  }
}
