package io.yardstick.ingest;

import io.yardstick.model.Field;
import io.yardstick.model.FieldType;
import io.yardstick.model.RecordType;
import io.yardstick.model.SurveyKind;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns the text values of one record into a typed row of its {@link RecordType}, checking each
 * value and the rules between values (an answer cannot come before the arrival, a score must be on
 * its survey's scale...). Every refusal is an {@link ImportException} naming file, line, column and
 * value.
 */
public final class RowParser {
  /**
   * A rule between two times (or dates) of one record: {@code field} may not come before {@code
   * anchor} (strict: it must come after it). A mapping can set aside a row that breaks one, or
   * clear the field (docs/mapping.md).
   *
   * @param expected what the message says was expected
   */
  public record Order(String field, String anchor, boolean strict, String expected) {
    /**
     * Whether {@code value} breaks the rule against {@code anchorValue}; false when either is
     * absent.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public boolean breaks(Object value, Object anchorValue) {
      if (!(value instanceof Comparable v)
          || anchorValue == null
          || value.getClass() != anchorValue.getClass()) {
        return false;
      }
      int c = v.compareTo(anchorValue);
      return strict ? c <= 0 : c < 0;
    }

    /** The problem, for an error naming the field and its value. */
    public String problem(Object anchorValue) {
      return (strict ? "is not after " : "is before ")
          + anchor
          + " "
          + anchorValue
          + "; expected "
          + expected;
    }

    /** "first_response_at before arrived_at": the default reason a mapping gives. */
    public String reason() {
      return field + (strict ? " not after " : " before ") + anchor;
    }
  }

  private static final List<Order> CONTACT_ORDERS =
      List.of("answered_at", "first_response_at", "abandoned_at", "resolved_at").stream()
          .map(f -> new Order(f, "arrived_at", false, "a time at or after the arrival"))
          .toList();

  /** The order rules of a record type, in the order they are checked. */
  public static List<Order> orders(RecordType type) {
    return switch (type) {
      case CONTACTS -> CONTACT_ORDERS;
      case AGENT_STATES ->
          List.of(
              new Order(
                  "ended_at", "started_at", true, "the end of the state to come after its start"));
      case CUSTOMERS ->
          List.of(
              new Order(
                  "churned_at", "since", false, "a churn date on or after the customer's start"));
      case COSTS ->
          List.of(
              new Order(
                  "period_end", "period_start", false, "the last day of the period (inclusive)"));
      default -> List.of();
    };
  }

  private final RecordType type;
  private final String file;
  private final Field[] fields;
  private final List<Order> orders;
  private final int[] orderField;
  private final int[] orderAnchor;

  public RowParser(RecordType type, String file) {
    this.type = type;
    this.file = file;
    this.fields = type.fields().toArray(Field[]::new);
    this.orders = orders(type);
    this.orderField = orders.stream().mapToInt(o -> type.indexOf(o.field())).toArray();
    this.orderAnchor = orders.stream().mapToInt(o -> type.indexOf(o.anchor())).toArray();
  }

  public RecordType type() {
    return type;
  }

  public String file() {
    return file;
  }

  /**
   * Parses one record.
   *
   * @param line the line number in the file, for messages
   * @param raw the text of each field, indexed like {@link RecordType#fields()}; null or blank when
   *     absent
   * @param attributes further attribute values (customers only), or null
   * @return the typed row, of length {@link RecordType#rowLength()}
   */
  public Object[] parse(long line, String[] raw, Map<String, String> attributes) {
    Object[] row = new Object[type.rowLength()];
    for (int i = 0; i < fields.length; i++) {
      Field field = fields[i];
      String text = raw[i];
      if (text != null) {
        text = text.strip();
        if (text.isEmpty()) {
          text = null;
        }
      }
      if (text == null) {
        if (field.required()) {
          throw new ImportException(
              file,
              line,
              field.name(),
              null,
              "is empty, but "
                  + type.table()
                  + " require a value here: "
                  + field.type().expected());
        }
        continue;
      }
      row[i] = value(line, field, text);
    }
    if (type.hasAttributes()) {
      row[fields.length] = attributes == null ? Map.of() : attributes;
    }
    checkRow(line, row);
    return row;
  }

  /**
   * Parses one value of a field on its own, without the rules between fields: for values written
   * outside a data file (a mapping's constants and defaults), whose errors are reported against
   * where they were written.
   *
   * @throws ImportException naming this parser's file, no line, the field and the value
   */
  public Object value(Field field, String text) {
    return value(0, field, text.strip());
  }

  private Object value(long line, Field field, String text) {
    FieldType ft = field.type();
    switch (ft) {
      case TEXT:
        return text;
      case WORD:
        return text.toLowerCase(Locale.ROOT);
      case CURRENCY:
        if (text.length() != 3 || !text.chars().allMatch(Character::isLetter)) {
          throw bad(line, field, text, "is not a currency code; expected " + ft.expected());
        }
        return text.toUpperCase(Locale.ROOT);
      case TICKET_STATUS:
        {
          String status = TicketStatus.parse(text);
          if (status == null) {
            throw bad(line, field, text, "is not a ticket status; expected " + ft.expected());
          }
          return status;
        }
      case TAGS:
        return tags(text);
      case DIRECTION:
      case SURVEY_KIND:
      case ACTOR:
      case EVENT_KIND:
      case AGENT_STATE:
        {
          String word = text.toLowerCase(Locale.ROOT);
          if (!isOneOf(ft, word)) {
            throw bad(line, field, text, "is not allowed here; expected " + ft.expected());
          }
          return word;
        }
      case INSTANT:
        {
          Instant instant = Timestamps.parse(text);
          if (instant == null) {
            String why =
                Timestamps.lacksOffset(text)
                    ? "has no time-zone offset, so the instant it means is ambiguous; add Z (UTC) or an offset such as +01:00"
                    : "is not a valid timestamp; expected " + ft.expected();
            throw bad(line, field, text, why);
          }
          return instant;
        }
      case DATE:
        try {
          return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
          throw bad(line, field, text, "is not a valid date; expected " + ft.expected());
        }
      case SECONDS:
        {
          if (!isPlainDecimal(text)) {
            throw bad(line, field, text, "is not a valid duration; expected " + ft.expected());
          }
          return Double.parseDouble(text);
        }
      case BOOLEAN:
        {
          if (text.equalsIgnoreCase("true")) return Boolean.TRUE;
          if (text.equalsIgnoreCase("false")) return Boolean.FALSE;
          throw bad(line, field, text, "is not a boolean; expected " + ft.expected());
        }
      case MONEY:
        {
          BigDecimal amount;
          try {
            amount = new BigDecimal(text);
          } catch (NumberFormatException e) {
            throw bad(line, field, text, "is not a decimal amount; expected " + ft.expected());
          }
          BigDecimal stripped = amount.stripTrailingZeros();
          if (stripped.scale() > 4 || stripped.precision() - stripped.scale() > 14) {
            throw bad(
                line,
                field,
                text,
                "cannot be stored exactly; expected " + ft.expected() + " and under 10^14");
          }
          return amount.setScale(4);
        }
      case SCORE:
        try {
          return Integer.parseInt(text);
        } catch (NumberFormatException e) {
          throw bad(line, field, text, "is not a whole number; expected a survey score such as 4");
        }
    }
    throw new IllegalStateException("unhandled field type " + ft);
  }

  private static boolean isOneOf(FieldType ft, String word) {
    List<String> words = choices(ft);
    return words != null && words.contains(word);
  }

  /**
   * The lowercase words a field of a choice type takes (direction, survey kind, actor, event kind,
   * agent state), or null for other types.
   */
  public static List<String> choices(FieldType ft) {
    return switch (ft) {
      case DIRECTION -> List.of("inbound", "outbound");
      case SURVEY_KIND -> List.of("csat", "nps", "ces", "esat");
      case ACTOR -> List.of("agent", "customer");
      case EVENT_KIND -> List.of("status", "reply", "priority");
      case AGENT_STATE -> List.of("available", "busy", "wrap", "break", "offline");
      default -> null;
    };
  }

  /**
   * The stored form of a tag list: lowercase, trimmed, no blanks or repeats, sorted, wrapped in
   * commas; null if none.
   */
  static String tags(String text) {
    java.util.TreeSet<String> tags = new java.util.TreeSet<>();
    for (String t : text.split(",")) {
      String tag = t.strip().toLowerCase(Locale.ROOT);
      if (!tag.isEmpty()) tags.add(tag);
    }
    return tags.isEmpty() ? null : "," + String.join(",", tags) + ",";
  }

  /** Digits with at most one decimal point: no sign, exponent, NaN or Infinity. */
  private static boolean isPlainDecimal(String s) {
    boolean digit = false;
    boolean dot = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= '0' && c <= '9') {
        digit = true;
      } else if (c == '.' && !dot) {
        dot = true;
      } else {
        return false;
      }
    }
    return digit;
  }

  private void checkRow(long line, Object[] row) {
    for (int i = 0; i < orders.size(); i++) {
      Object value = row[orderField[i]];
      Object anchor = row[orderAnchor[i]];
      if (orders.get(i).breaks(value, anchor)) {
        throw new ImportException(
            file, line, orders.get(i).field(), value.toString(), orders.get(i).problem(anchor));
      }
    }
    switch (type) {
      case CONTACTS -> {
        if (row[type.indexOf("direction")] == null) {
          row[type.indexOf("direction")] = "inbound";
        }
        int resolved = type.indexOf("resolved");
        if (row[resolved] == null) {
          row[resolved] = row[type.indexOf("resolved_at")] != null;
        }
      }
      case TICKET_EVENTS -> {
        String kind = (String) row[type.indexOf("kind")];
        String needed =
            switch (kind) {
              case "status" -> "status";
              case "priority" -> "priority";
              default -> "actor";
            };
        if (row[type.indexOf(needed)] == null) {
          throw new ImportException(
              file,
              line,
              needed,
              null,
              "is empty, but a "
                  + kind
                  + " event needs it: "
                  + type.field(needed).orElseThrow().type().expected());
        }
      }
      case SURVEYS -> {
        SurveyKind kind = SurveyKind.valueOf(((String) row[1]).toUpperCase(Locale.ROOT));
        int score = (Integer) row[2];
        if (!kind.accepts(score)) {
          throw new ImportException(
              file,
              line,
              "score",
              Integer.toString(score),
              "is outside the "
                  + kind.id()
                  + " scale; expected a whole number from "
                  + kind.min()
                  + " to "
                  + kind.max());
        }
      }
      default -> {}
    }
  }

  private ImportException bad(long line, Field field, String text, String problem) {
    return new ImportException(file, line, field.name(), text, problem);
  }
}
