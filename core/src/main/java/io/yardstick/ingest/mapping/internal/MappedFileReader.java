package io.yardstick.ingest.mapping.internal;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import io.yardstick.YardstickException;
import io.yardstick.ingest.CountingInputStream;
import io.yardstick.ingest.ImportException;
import io.yardstick.ingest.ImportSource;
import io.yardstick.ingest.RowParser;
import io.yardstick.ingest.RowSink;
import io.yardstick.ingest.mapping.MappingSummary;
import io.yardstick.model.RecordType;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SequencedMap;
import java.util.Set;
import java.util.function.Function;
import java.util.function.LongConsumer;
import java.util.zip.GZIPInputStream;

/**
 * Reads a delimited data file through mapping rules: checks the header against the columns the
 * rules read, then for each row applies the skip rules and makes one record per section, as
 * canonical text that {@link RowParser} checks exactly as it checks a canonical file. Errors from
 * the row parser are given back with the source column and the mapping key the value went through.
 */
public final class MappedFileReader {
  private MappedFileReader() {}

  public static MappingSummary read(
      MappingRules rules,
      ImportSource source,
      Set<RecordType> types,
      Function<RecordType, RowSink> sinks,
      LongConsumer progress) {
    List<SectionRule> sections = new ArrayList<>();
    for (Map.Entry<RecordType, SectionRule> e : rules.sections().entrySet()) {
      if (types.contains(e.getKey())) sections.add(e.getValue());
    }
    try (InputStream raw = source.opener().open();
        CountingInputStream counted = new CountingInputStream(raw, progress)) {
      BufferedInputStream in = new BufferedInputStream(counted, 1 << 16);
      in.mark(2);
      int b1 = in.read();
      int b2 = in.read();
      in.reset();
      InputStream content =
          b1 == 0x1f && b2 == 0x8b ? new BufferedInputStream(new GZIPInputStream(in, 1 << 16)) : in;
      return new Run(rules, source.name(), sections, sinks).read(content);
    } catch (java.util.zip.ZipException e) {
      throw new ImportException(
          source.name(), 0, null, null, "is not a valid gzip file (" + e.getMessage() + ")");
    } catch (IOException e) {
      throw new ImportException(
          source.name(), 0, null, null, "could not be read: " + e.getMessage());
    } catch (UncheckedIOException e) {
      throw new ImportException(
          source.name(), 0, null, null, "could not be read: " + e.getCause().getMessage());
    } catch (YardstickException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new ImportException(
          source.name(),
          0,
          null,
          null,
          "could not be imported: "
              + e
              + " (an unforeseen"
              + " failure; please report it with this file)");
    }
  }

  /** One read of one file. */
  private static final class Run {
    private final MappingRules rules;
    private final String file;
    private final List<SectionRule> sections;
    private final RowSink[] sinks;
    private final RowParser[] parsers;
    private final int[][] indices;
    private final FieldRule.Where where;
    private final Map<RecordType, Long> kept = new EnumMap<>(RecordType.class);
    private final Map<RecordType, SequencedMap<String, Long>> setAside =
        new EnumMap<>(RecordType.class);
    private final Map<RecordType, SequencedMap<String, Long>> cleared =
        new EnumMap<>(RecordType.class);

    Run(
        MappingRules rules,
        String file,
        List<SectionRule> sections,
        Function<RecordType, RowSink> sinkOf) {
      this.rules = rules;
      this.file = file;
      this.sections = sections;
      this.sinks = new RowSink[sections.size()];
      this.parsers = new RowParser[sections.size()];
      this.indices = new int[sections.size()][];
      for (int i = 0; i < sections.size(); i++) {
        RecordType type = sections.get(i).type();
        sinks[i] = sinkOf.apply(type);
        parsers[i] = new RowParser(type, file);
        indices[i] =
            sections.get(i).order().stream().mapToInt(r -> type.indexOf(r.name())).toArray();
        kept.put(type, 0L);
        setAside.put(type, new LinkedHashMap<>());
        cleared.put(type, new LinkedHashMap<>());
      }
      this.where = new FieldRule.Where(file, rules.file());
    }

    MappingSummary read(InputStream content) {
      CsvReader<CsvRecord> csv =
          CsvReader.builder()
              .fieldSeparator(rules.delimiter())
              .quoteCharacter(rules.quote())
              .detectBomHeader(true)
              .allowExtraFields(true)
              .allowMissingFields(true)
              .skipEmptyLines(true)
              .ofCsvRecord(content, StandardCharsets.UTF_8);
      Iterator<CsvRecord> it = csv.iterator();
      long rows = 0;
      try {
        if (!it.hasNext()) {
          // Truly empty (nothing but blank lines): the one file that reads as nothing without an
          // error.
          return new MappingSummary(0, kept, new EnumMap<>(setAside), new EnumMap<>(cleared));
        }
        CsvRecord header = it.next();
        Row row = new Row(index(header));
        int width = header.getFieldCount();
        while (it.hasNext()) {
          CsvRecord rec = it.next();
          long line = rec.getStartingLineNumber();
          int n = rec.getFieldCount();
          if (n != width) {
            if (n == 1 && rec.getField(0).isBlank()) continue;
            throw new ImportException(
                file,
                line,
                null,
                null,
                "has "
                    + n
                    + " values but the header has "
                    + width
                    + " columns; expected one value per column (the mapping's input.delimiter is "
                    + describe(rules.delimiter())
                    + ")");
          }
          rows++;
          row.set(line, rec.getFields());
          accept(row);
        }
      } catch (CsvParseException e) {
        throw new ImportException(
            file, 0, null, null, "is not valid delimited text: " + e.getMessage());
      }
      if (rows == 0) {
        throw new ImportException(
            file,
            0,
            null,
            null,
            "has a header and no rows; expected rows of data under the"
                + " header that mapping "
                + rules.file()
                + " reads (an empty file imports nothing)");
      }
      return new MappingSummary(rows, kept, new EnumMap<>(setAside), new EnumMap<>(cleared));
    }

    private void accept(Row row) {
      String skipped = skipReason(rules.skips(), row);
      for (int s = 0; s < sections.size(); s++) {
        SectionRule section = sections.get(s);
        String reason = skipped != null ? skipped : skipReason(section.skips(), row);
        if (reason != null) {
          setAside.get(section.type()).merge(reason, 1L, Long::sum);
          continue;
        }
        evaluating = null;
        try {
          make(s, section, row);
        } catch (YardstickException e) {
          throw e;
        } catch (RuntimeException e) {
          throw unforeseen(section, row, e);
        }
      }
    }

    /** The rule being evaluated, so that an unforeseen failure can name its column and key. */
    private FieldRule evaluating;

    /** Makes one record of a section from a row, and hands it to the section's sink. */
    private void make(int s, SectionRule section, Row row) {
      RecordType type = section.type();
      Object[] values = new Object[type.fields().size()];
      List<FieldRule> order = section.order();
      for (int f = 0; f < order.size(); f++) {
        evaluating = order.get(f);
        values[indices[s][f]] = evaluating.evaluate(row, values, where);
      }
      evaluating = null;
      String outOfOrder = outOfOrder(section, values);
      if (outOfOrder != null) {
        setAside.get(type).merge(outOfOrder, 1L, Long::sum);
        return;
      }
      String[] raw = new String[values.length];
      for (int i = 0; i < values.length; i++) raw[i] = Values.text(values[i]);
      Map<String, String> attributes = null;
      if (!section.attributes().isEmpty()) {
        attributes = new LinkedHashMap<>();
        for (FieldRule rule : section.attributes()) {
          evaluating = rule;
          String v = Values.text(rule.evaluate(row, values, where));
          if (v != null && !v.isBlank()) attributes.put(rule.name(), v.strip());
        }
        evaluating = null;
      }
      Object[] parsed;
      try {
        parsed = parsers[s].parse(row.line(), raw, attributes);
      } catch (ImportException e) {
        throw explained(section, e);
      }
      sinks[s].accept(row.line(), parsed);
      kept.merge(type, 1L, Long::sum);
    }

    /**
     * A failure Yardstick did not foresee, as an import error naming the file, line, column and
     * mapping key.
     */
    private ImportException unforeseen(SectionRule section, Row row, RuntimeException e) {
      String column = evaluating == null ? null : evaluating.column();
      String value =
          evaluating != null && evaluating.source() instanceof Source.Column c
              ? row.get(c.name())
              : null;
      return where.error(
          row.line(),
          column,
          value,
          "could not be imported: "
              + e
              + " (an unforeseen failure;"
              + " please report it with this file)",
          evaluating == null ? section.type().table() : evaluating.key());
    }

    /**
     * Applies the section's out_of_order rules to a row's values: the reason to set the row aside,
     * or null when it is kept (with the fields its clear rules emptied, counted). Fields without a
     * rule are left to the row parser, which refuses the file.
     */
    private String outOfOrder(SectionRule section, Object[] values) {
      List<SectionRule.OutOfOrder> rules = section.outOfOrder();
      if (rules.isEmpty()) return null;
      for (SectionRule.OutOfOrder o : rules) {
        if (!o.clear() && o.order().breaks(values[o.field()], values[o.anchor()]))
          return o.reason();
      }
      for (SectionRule.OutOfOrder o : rules) {
        if (o.clear() && o.order().breaks(values[o.field()], values[o.anchor()])) {
          values[o.field()] = null;
          cleared.get(section.type()).merge(o.reason(), 1L, Long::sum);
        }
      }
      return null;
    }

    /** A row parser's refusal, told in terms of the source column and the mapping key. */
    private ImportException explained(SectionRule section, ImportException e) {
      FieldRule rule = null;
      if (e.column() != null) {
        var field = section.type().field(e.column());
        if (field.isPresent()) rule = section.byIndex()[section.type().indexOf(field.get().name())];
      }
      if (rule == null) return e;
      String hint =
          e.value() == null && rule.defaultValue() == null
              ? "; give it a default, or set such rows aside" + " with a skip rule"
              : "";
      if (e.value() != null
          && RowParser.orders(section.type()).stream()
              .anyMatch(o -> o.field().equals(e.column()) && e.problem().endsWith(o.expected()))) {
        hint =
            "; to set such rows aside or keep them without this value, add out_of_order: {"
                + e.column()
                + ": set_aside} or {"
                + e.column()
                + ": clear} to the "
                + section.type().table()
                + " section";
      }
      return where.error(
          e.line(),
          rule.column() + " (mapped to " + e.column() + ")",
          e.value(),
          e.problem() + hint,
          rule.key());
    }

    private static String skipReason(List<SectionRule.Skip> skips, Row row) {
      for (SectionRule.Skip skip : skips) {
        if (skip.when().holds(row)) return skip.reason();
      }
      return null;
    }

    /**
     * Column positions by lowercase name, after checking that every column the rules read is there.
     */
    private Map<String, Integer> index(CsvRecord header) {
      long line = header.getStartingLineNumber();
      Map<String, Integer> index = new HashMap<>();
      Set<String> repeated = new HashSet<>();
      List<String> names = header.getFields();
      for (int c = 0; c < names.size(); c++) {
        String key = Row.key(names.get(c));
        if (index.putIfAbsent(key, c) != null) repeated.add(key);
      }
      List<Reference> references = new ArrayList<>();
      for (SectionRule.Skip skip : rules.skips()) {
        for (String col : skip.when().columns())
          references.add(new Reference(col, skip.key() + ".when", false));
      }
      for (SectionRule section : sections) {
        for (SectionRule.Skip skip : section.skips()) {
          for (String col : skip.when().columns())
            references.add(new Reference(col, skip.key() + ".when", false));
        }
        List<FieldRule> all = new ArrayList<>(section.order());
        all.addAll(section.attributes());
        for (FieldRule rule : all) {
          boolean defaulted = rule.defaultValue() != null && rule.source() instanceof Source.Column;
          for (String col : rule.columns()) {
            boolean own = rule.source() instanceof Source.Column c && c.name().equals(col);
            references.add(new Reference(col, rule.key(), defaulted && own));
          }
        }
      }
      for (Reference ref : references) {
        String key = Row.key(ref.column());
        if (repeated.contains(key)) {
          throw new ImportException(
              file,
              line,
              ref.column(),
              null,
              "appears more than once in the header, so the"
                  + " column that mapping "
                  + rules.file()
                  + " reads at key "
                  + ref.key()
                  + " is ambiguous; expected"
                  + " unique column names (compared case-insensitively)");
        }
        if (!index.containsKey(key) && !ref.mayBeMissing()) {
          throw new ImportException(
              file,
              line,
              ref.column(),
              null,
              "is not a column of this file, but mapping "
                  + rules.file()
                  + " reads it at key "
                  + ref.key()
                  + "; the header has "
                  + String.join(", ", names)
                  + " (separated by "
                  + describe(rules.delimiter())
                  + ")");
        }
      }
      return index;
    }

    private record Reference(String column, String key, boolean mayBeMissing) {}
  }

  private static String describe(char delimiter) {
    return switch (delimiter) {
      case '\t' -> "a tab";
      case ',' -> "a comma";
      case ';' -> "a semicolon";
      default -> "\"" + delimiter + "\"";
    };
  }
}
