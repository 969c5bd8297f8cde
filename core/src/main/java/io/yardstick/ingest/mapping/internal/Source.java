package io.yardstick.ingest.mapping.internal;

import java.time.ZoneId;
import java.util.List;

/** Where a mapped field's value comes from. */
sealed interface Source {
  /** The source columns read, for checking the header and naming them in messages. */
  List<String> columns();

  /** One column's text. */
  record Column(String name) implements Source {
    @Override
    public List<String> columns() {
      return List.of(name);
    }
  }

  /** The same text on every row. */
  record Constant(String text) implements Source {
    @Override
    public List<String> columns() {
      return List.of();
    }
  }

  /** Text with {column} placeholders; absent when any of its columns is empty. */
  record Template(String template, List<String> literals, List<String> names) implements Source {
    @Override
    public List<String> columns() {
      return names;
    }

    String text(Row row) {
      StringBuilder sb = new StringBuilder(literals.get(0));
      for (int i = 0; i < names.size(); i++) {
        String v = row.get(names.get(i));
        if (v == null) return null;
        sb.append(v).append(literals.get(i + 1));
      }
      return sb.toString();
    }
  }

  /** A date column and a time-of-day column combined into an instant. */
  record DateTime(
      String dateColumn,
      String dateFormat,
      Formats.Reader date,
      String timeColumn,
      String timeFormat,
      Formats.Reader time,
      ZoneId zone)
      implements Source {
    @Override
    public List<String> columns() {
      return List.of(dateColumn, timeColumn);
    }
  }

  /** Another field of the same record, as mapped (typically a timestamp a duration is added to). */
  record FieldRef(String field, int index) implements Source {
    @Override
    public List<String> columns() {
      return List.of();
    }
  }
}
