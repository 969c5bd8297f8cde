package io.yardstick.ingest.mapping.internal;

import io.yardstick.ingest.ImportException;
import io.yardstick.model.FieldType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * How one canonical field (or customer attribute) is made from a row: its source, the texts that
 * mean absent, a value map, the format, durations added to it, the condition it applies under and
 * its default. The value it gives is typed (Instant, LocalDate, BigDecimal seconds, Boolean, or
 * text) and becomes canonical text for the row parser.
 *
 * @param key the key path in the mapping file, for messages (contacts.answered_at)
 * @param map lowercase source text to the text used instead (null: absent), or null when there is
 *     no map
 * @param reader reads the (mapped) text in the field's format, or null to keep the text as it is
 */
record FieldRule(
    String key,
    String name,
    FieldType type,
    Source source,
    Set<String> absent,
    Map<String, String> map,
    Formats.Reader reader,
    List<Plus> plus,
    Condition when,
    Object defaultValue) {

  /** A duration added to a timestamp. */
  record Plus(String key, Source source, Set<String> absent, Formats.Reader reader) {}

  /** Where an evaluation is, for data errors. */
  record Where(String dataFile, String mappingFile) {
    ImportException error(long line, String column, String value, String problem, String key) {
      return new ImportException(
          dataFile,
          line,
          column,
          value,
          problem + " (mapping " + mappingFile + ", key " + key + ")");
    }
  }

  /** The columns this rule reads, for header checks. */
  List<String> columns() {
    List<String> all = new java.util.ArrayList<>(source.columns());
    for (Plus p : plus) all.addAll(p.source().columns());
    if (when != null) all.addAll(when.columns());
    return all;
  }

  /**
   * The value for a row; {@code values} holds the fields already made (read by {@code field:}
   * sources).
   */
  Object evaluate(Row row, Object[] values, Where where) {
    if (when != null && !when.holds(row)) return null;
    Object v = value(row, values, where);
    if (v != null && !plus.isEmpty()) {
      Instant t = (Instant) v;
      for (Plus p : plus) {
        String text = text(p.source(), row);
        if (text != null && p.absent().contains(text.toLowerCase(Locale.ROOT))) text = null;
        if (text == null) {
          t = null;
          break;
        }
        BigDecimal seconds;
        try {
          seconds = (BigDecimal) p.reader().read(text);
        } catch (BadValue e) {
          throw where.error(row.line(), column(p.source()), text, e.getMessage(), p.key());
        }
        t =
            t.plusNanos(
                seconds.movePointRight(9).setScale(0, RoundingMode.HALF_UP).longValueExact());
      }
      v = t;
    }
    return v == null ? defaultValue : v;
  }

  private Object value(Row row, Object[] values, Where where) {
    if (source instanceof Source.FieldRef ref) return values[ref.index()];
    if (source instanceof Source.DateTime dt) {
      String dateText = row.get(dt.dateColumn());
      String timeText = row.get(dt.timeColumn());
      if (dateText == null || timeText == null) return null;
      LocalDate date;
      Object time;
      try {
        date = (LocalDate) dt.date().read(dateText);
      } catch (BadValue e) {
        throw where.error(
            row.line(), dt.dateColumn(), dateText, e.getMessage(), key + ".date_format");
      }
      try {
        time = dt.time().read(timeText);
      } catch (BadValue e) {
        throw where.error(
            row.line(), dt.timeColumn(), timeText, e.getMessage(), key + ".time_format");
      }
      try {
        return Formats.combine(date, time, dt.zone());
      } catch (BadValue e) {
        throw where.error(
            row.line(),
            dt.dateColumn() + ", " + dt.timeColumn(),
            dateText + " " + timeText,
            e.getMessage(),
            key);
      }
    }
    String text = text(source, row);
    if (text == null || absent.contains(text.toLowerCase(Locale.ROOT))) return null;
    String source = text;
    if (map != null) {
      String lower = text.toLowerCase(Locale.ROOT);
      if (!map.containsKey(lower)) {
        throw where.error(
            row.line(),
            column(this.source),
            source,
            "is not in the value map; expected one of " + String.join(", ", map.keySet()),
            key + ".map");
      }
      text = map.get(lower);
      if (text == null) return null;
    }
    if (reader == null) return text;
    try {
      return reader.read(text);
    } catch (BadValue e) {
      String mapped = text.equals(source) ? "" : "(mapped to \"" + text + "\") ";
      throw where.error(row.line(), column(this.source), source, mapped + e.getMessage(), key);
    }
  }

  private static String text(Source source, Row row) {
    return switch (source) {
      case Source.Column c -> row.get(c.name());
      case Source.Constant c -> c.text();
      case Source.Template t -> t.text(row);
      default -> throw new IllegalStateException("no text source: " + source);
    };
  }

  /** The source column(s) to name in a message about this rule's value. */
  String column() {
    return column(source);
  }

  private static String column(Source source) {
    return switch (source) {
      case Source.Column c -> c.name();
      case Source.Constant c -> "(constant)";
      case Source.Template t -> String.join(", ", t.names());
      case Source.DateTime d -> d.dateColumn() + ", " + d.timeColumn();
      case Source.FieldRef f -> "(field " + f.field() + ")";
    };
  }
}
