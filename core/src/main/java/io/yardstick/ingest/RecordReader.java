package io.yardstick.ingest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import io.yardstick.model.Field;
import io.yardstick.model.FieldType;
import io.yardstick.model.RecordType;
import io.yardstick.yaml.YamlTree;
import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.LongConsumer;
import java.util.zip.GZIPInputStream;

/**
 * Reads a canonical CSV or JSON Lines file of one record type and pushes each parsed, validated row
 * to a sink. The first bad value stops the read with an {@link ImportException}; a store only keeps
 * rows once the whole read ended well.
 *
 * <pre>{@code
 * ReadSummary s = RecordReader.read(RecordType.CONTACTS, ImportSource.of("contacts.csv"), (line, row) -> ..., bytes -> {});
 * }</pre>
 */
public final class RecordReader {
  private static final ObjectMapper JSON = new ObjectMapper();

  private RecordReader() {}

  /** What was read: the number of records, and whether the input was JSON Lines. */
  public record ReadSummary(long records, boolean jsonLines) {}

  /**
   * Reads the whole source.
   *
   * @param progress receives the number of bytes read so far from the source (compressed bytes for
   *     gzip)
   */
  public static ReadSummary read(
      RecordType type, ImportSource source, RowSink sink, LongConsumer progress) {
    RowParser parser = new RowParser(type, source.name());
    try (InputStream raw = source.opener().open();
        CountingInputStream counted = new CountingInputStream(raw, progress)) {
      BufferedInputStream in = new BufferedInputStream(counted, 1 << 16);
      InputStream content = in;
      in.mark(2);
      int b1 = in.read();
      int b2 = in.read();
      in.reset();
      if (b1 == 0x1f && b2 == 0x8b) {
        content = new BufferedInputStream(new GZIPInputStream(in, 1 << 16), 1 << 16);
      }
      content.mark(4096);
      boolean jsonLines = startsWithBrace(content);
      content.reset();
      long records =
          jsonLines ? readJsonLines(parser, content, sink) : readCsv(parser, content, sink);
      return new ReadSummary(records, jsonLines);
    } catch (java.util.zip.ZipException e) {
      throw new ImportException(
          source.name(), 0, null, null, "is not a valid gzip file (" + e.getMessage() + ")");
    } catch (IOException e) {
      throw new ImportException(
          source.name(), 0, null, null, "could not be read: " + e.getMessage());
    } catch (UncheckedIOException e) {
      throw new ImportException(
          source.name(), 0, null, null, "could not be read: " + e.getCause().getMessage());
    }
  }

  private static boolean startsWithBrace(InputStream in) throws IOException {
    for (int i = 0; i < 4096; i++) {
      int c = in.read();
      if (c < 0) return false;
      if (c == 0xEF || c == 0xBB || c == 0xBF || Character.isWhitespace(c)) continue; // BOM, blanks
      return c == '{';
    }
    return false;
  }

  private static long readCsv(RowParser parser, InputStream content, RowSink sink)
      throws IOException {
    RecordType type = parser.type();
    String file = parser.file();
    CsvReader<CsvRecord> csv =
        CsvReader.builder()
            .detectBomHeader(true)
            .allowExtraFields(true)
            .allowMissingFields(true)
            .skipEmptyLines(true)
            .ofCsvRecord(content, StandardCharsets.UTF_8);
    Iterator<CsvRecord> it = csv.iterator();
    try {
      if (!it.hasNext()) {
        throw new ImportException(
            file,
            1,
            null,
            null,
            "is empty; expected a header row naming the columns of "
                + type.table()
                + " ("
                + fieldNames(type)
                + ")");
      }
      CsvRecord header = it.next();
      Layout layout = Layout.of(type, file, header.getStartingLineNumber(), header.getFields());
      int width = header.getFieldCount();
      String[] raw = new String[type.fields().size()];
      long count = 0;
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
                  + " columns; expected one value per column (quote values that contain commas)");
        }
        java.util.Arrays.fill(raw, null);
        Map<String, String> attributes = null;
        for (int c = 0; c < n; c++) {
          int f = layout.fieldAt[c];
          if (f >= 0) {
            raw[f] = rec.getField(c);
          } else if (layout.attributeAt[c] != null) {
            String v = rec.getField(c).strip();
            if (!v.isEmpty()) {
              if (attributes == null) attributes = new LinkedHashMap<>();
              attributes.put(layout.attributeAt[c], v);
            }
          }
        }
        sink.accept(line, parser.parse(line, raw, attributes));
        count++;
      }
      return count;
    } catch (CsvParseException e) {
      throw new ImportException(file, 0, null, null, "is not valid CSV: " + e.getMessage());
    }
  }

  private static long readJsonLines(RowParser parser, InputStream content, RowSink sink)
      throws IOException {
    RecordType type = parser.type();
    String file = parser.file();
    BufferedReader reader =
        new BufferedReader(new InputStreamReader(content, StandardCharsets.UTF_8), 1 << 16);
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < type.fields().size(); i++) {
      index.put(type.fields().get(i).name(), i);
    }
    String[] raw = new String[type.fields().size()];
    long line = 0;
    long count = 0;
    String text;
    while ((text = reader.readLine()) != null) {
      line++;
      if (text.isBlank()) continue;
      JsonNode node;
      try (JsonParser p = JSON.createParser(text)) {
        node = JSON.readTree(p);
        if (p.nextToken() != null && p.currentToken() != JsonToken.NOT_AVAILABLE) {
          throw new ImportException(
              file,
              line,
              null,
              abbreviate(text),
              "has more than one JSON value; expected one object per line");
        }
      } catch (JsonProcessingException e) {
        throw new ImportException(
            file,
            line,
            null,
            abbreviate(text),
            "is not valid JSON ("
                + e.getOriginalMessage()
                + "); expected one JSON object per line");
      }
      if (node == null || !node.isObject()) {
        throw new ImportException(
            file,
            line,
            null,
            abbreviate(text),
            "is not a JSON object; expected one object per line");
      }
      java.util.Arrays.fill(raw, null);
      Map<String, String> attributes = null;
      Iterator<Map.Entry<String, JsonNode>> fields = node.properties().iterator();
      java.util.Set<String> seen = new java.util.HashSet<>();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> e = fields.next();
        String name = e.getKey().strip().toLowerCase(Locale.ROOT);
        if (!seen.add(name)) {
          throw new ImportException(
              file,
              line,
              e.getKey(),
              null,
              "appears twice in this object (names are case-insensitive)");
        }
        JsonNode v = e.getValue();
        Integer f = index.get(name);
        if (v.isArray() && f != null && type.fields().get(f).type() == FieldType.TAGS) {
          // a list of tags as a JSON array of strings, the shape help desks export
          List<String> tags = new ArrayList<>();
          for (JsonNode t : v) {
            if (!t.isTextual()) {
              throw new ImportException(
                  file,
                  line,
                  e.getKey(),
                  abbreviate(v.toString()),
                  "holds "
                      + t.getNodeType().toString().toLowerCase(Locale.ROOT)
                      + " "
                      + abbreviate(t.toString())
                      + "; expected an array of strings");
            }
            if (t.asText().contains(",")) {
              throw new ImportException(
                  file,
                  line,
                  e.getKey(),
                  t.asText(),
                  "is a tag holding a comma; expected tags" + " without commas");
            }
            tags.add(t.asText());
          }
          raw[f] = String.join(",", tags);
          continue;
        }
        if (v.isContainerNode()) {
          throw new ImportException(
              file,
              line,
              e.getKey(),
              abbreviate(v.toString()),
              "is a JSON "
                  + (v.isArray() ? "array" : "object")
                  + "; expected a string, number or boolean");
        }
        String value = v.isNull() ? null : v.asText();
        if (f != null) {
          raw[f] = value;
        } else if (type.hasAttributes()) {
          if (value != null && !value.isBlank()) {
            if (attributes == null) attributes = new LinkedHashMap<>();
            attributes.put(name, value.strip());
          }
        } else {
          throw new ImportException(
              file,
              line,
              e.getKey(),
              null,
              "is not a field of " + type.table() + "; expected only " + fieldNames(type));
        }
      }
      for (int i = 0; i < raw.length; i++) {
        Field field = type.fields().get(i);
        if (field.required() && !seen.contains(field.name())) {
          throw new ImportException(
              file,
              line,
              field.name(),
              null,
              "is missing; " + type.table() + " require it: " + field.type().expected());
        }
      }
      sink.accept(line, parser.parse(line, raw, attributes));
      count++;
    }
    return count;
  }

  private static String abbreviate(String s) {
    return s.length() > 60 ? s.substring(0, 57) + "..." : s;
  }

  /** " (did you mean channel?)" for one misspelt column of the type, else "". */
  private static String closestField(RecordType type, java.util.Collection<String> unknown) {
    if (unknown.size() != 1) return "";
    List<String> names = new ArrayList<>();
    for (Field f : type.fields()) names.add(f.name());
    String closest =
        YamlTree.closest(unknown.iterator().next().toLowerCase(java.util.Locale.ROOT), names);
    return closest == null ? "" : " (did you mean " + closest + "?)";
  }

  static String fieldNames(RecordType type) {
    List<String> names = new ArrayList<>();
    for (Field f : type.fields()) names.add(f.name());
    return String.join(", ", names);
  }

  /**
   * The field index of each column of a header (-1 for none), for a type without attributes; the
   * same checks and messages as a read.
   *
   * @throws ImportException when the header is not one of the type's
   */
  static int[] fieldColumns(RecordType type, String file, List<String> header) {
    return Layout.of(type, file, 1, header).fieldAt;
  }

  /** Where each CSV column goes: a field index, an attribute name, or neither. */
  private static final class Layout {
    final int[] fieldAt;
    final String[] attributeAt;

    private Layout(int[] fieldAt, String[] attributeAt) {
      this.fieldAt = fieldAt;
      this.attributeAt = attributeAt;
    }

    static Layout of(RecordType type, String file, long line, List<String> header) {
      int[] fieldAt = new int[header.size()];
      String[] attributeAt = new String[header.size()];
      Map<String, Integer> seen = new HashMap<>();
      TreeSet<String> unknown = new TreeSet<>();
      for (int c = 0; c < header.size(); c++) {
        String name = header.get(c).replace("\uFEFF", "").strip().toLowerCase(Locale.ROOT);
        if (name.isEmpty()) {
          throw new ImportException(
              file,
              line,
              "#" + (c + 1),
              "",
              "is an empty column name in the header; every column needs a name");
        }
        Integer before = seen.put(name, c);
        if (before != null) {
          throw new ImportException(
              file,
              line,
              name,
              null,
              "appears twice in the header (columns "
                  + (before + 1)
                  + " and "
                  + (c + 1)
                  + "; names are case-insensitive)");
        }
        var field = type.field(name);
        fieldAt[c] = field.isPresent() ? type.fields().indexOf(field.get()) : -1;
        if (field.isEmpty()) {
          if (type.hasAttributes()) {
            attributeAt[c] = name;
          } else {
            unknown.add(header.get(c).strip());
          }
        }
      }
      if (!unknown.isEmpty()) {
        throw new ImportException(
            file,
            line,
            String.join(", ", unknown),
            null,
            (unknown.size() == 1 ? "is not a column" : "are not columns")
                + " of "
                + type.table()
                + closestField(type, unknown)
                + "; expected only "
                + fieldNames(type)
                + " (see docs/data-format.md)");
      }
      List<String> missing = new ArrayList<>();
      for (Field f : type.fields()) {
        if (f.required() && !seen.containsKey(f.name())) missing.add(f.name());
      }
      if (!missing.isEmpty()) {
        throw new ImportException(
            file,
            line,
            String.join(", ", missing),
            null,
            (missing.size() == 1 ? "is a required column" : "are required columns")
                + " of "
                + type.table()
                + " missing from the header");
      }
      return new Layout(fieldAt, attributeAt);
    }
  }
}
