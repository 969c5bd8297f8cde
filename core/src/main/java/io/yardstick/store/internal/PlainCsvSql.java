package io.yardstick.store.internal;

import io.yardstick.ingest.PlainCsv;
import io.yardstick.ingest.RowParser;
import io.yardstick.model.Field;
import io.yardstick.model.FieldType;
import io.yardstick.model.RecordType;
import io.yardstick.model.SurveyKind;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The one DuckDB statement that loads a {@link PlainCsv plain} CSV file into an empty record table
 * with DuckDB's parallel reader: every value read as text, typed and checked in SQL by the rules of
 * {@link RowParser}, in the file's order. It relies on the scan that runs beside it ({@link
 * PlainCsv#scan}) for the written form of each value ({@link PlainCsv.Form}: the forms DuckDB and
 * {@link RowParser} read alike); the load commits only when that scan finds the file plain. What
 * the SQL checks itself (required values, days the month has, choices, booleans, currencies, the
 * order of times, survey scales) raises an error when broken, the statement fails, and the import
 * goes through {@link io.yardstick.ingest.RecordReader} instead, which names the line of the bad
 * value.
 */
final class PlainCsvSql {
  private PlainCsvSql() {}

  private static final Set<FieldType> TAKEN = EnumSet.complementOf(EnumSet.of(FieldType.TAGS));

  /** Whether files of this type can be loaded so (no attributes, no tags field). */
  static boolean supports(RecordType type) {
    return !type.hasAttributes()
        && type.fields().stream().allMatch(f -> TAKEN.contains(f.type()) || !f.required());
  }

  /** The INSERT statement; it fails on the first value it does not take. */
  static String insert(PlainCsv.Plan plan) {
    RecordType type = plan.type();
    List<Field> fields = type.fields();
    int[] column = new int[fields.size()];
    java.util.Arrays.fill(column, -1);
    for (int c = 0; c < plan.fieldAt().length; c++) {
      if (plan.fieldAt()[c] >= 0) column[plan.fieldAt()[c]] = c;
    }
    List<String> text = new ArrayList<>();
    List<String> typed = new ArrayList<>();
    List<String> ok = new ArrayList<>();
    for (int i = 0; i < fields.size(); i++) {
      Field f = fields.get(i);
      String v = "v" + i;
      String t = "t" + i;
      text.add(
          (column[i] < 0 ? "CAST(NULL AS VARCHAR)" : "nullif(c" + column[i] + ", '')")
              + " AS "
              + v);
      String expr;
      String valid;
      switch (f.type()) {
        case TEXT -> {
          expr = v;
          valid = null;
        }
        case WORD -> {
          expr = "lower(" + v + ")";
          valid = null;
        }
        case CURRENCY -> {
          expr = "upper(" + v + ")";
          valid = "regexp_full_match(" + v + ", '[A-Za-z]{3}')";
        }
        case TICKET_STATUS -> {
          StringBuilder when = new StringBuilder();
          new java.util.TreeMap<>(io.yardstick.ingest.TicketStatus.spellings())
              .forEach(
                  (w, stored) ->
                      when.append(" WHEN '")
                          .append(w)
                          .append("' THEN '")
                          .append(stored)
                          .append('\''));
          expr = "CASE replace(replace(lower(" + v + "), '-', '_'), ' ', '_')" + when + " END";
          valid = t + " IS NOT NULL";
        }
        case TAGS -> {
          expr = v;
          valid = "false";
        }
        case DIRECTION, SURVEY_KIND, ACTOR, EVENT_KIND, AGENT_STATE -> {
          expr = "lower(" + v + ")";
          valid = t + " IN (" + choices(f.type()) + ")";
        }
        case INSTANT, DATE, SECONDS, MONEY, SCORE -> {
          expr = parsed(v, f.type());
          valid = t + " IS NOT NULL";
        }
        case BOOLEAN -> {
          expr = "CASE lower(" + v + ") WHEN 'true' THEN true WHEN 'false' THEN false END";
          valid = t + " IS NOT NULL";
        }
        default -> throw new IllegalStateException("unhandled field type " + f.type());
      }
      typed.add(expr + " AS " + t);
      if (f.required()) {
        ok.add(v + " IS NOT NULL" + (valid == null ? "" : " AND " + valid));
      } else if (valid != null) {
        ok.add("(" + v + " IS NULL OR " + valid + ")");
      }
    }
    for (RowParser.Order o : RowParser.orders(type)) {
      String field = "t" + type.indexOf(o.field());
      String anchor = "t" + type.indexOf(o.anchor());
      ok.add("NOT coalesce(" + field + (o.strict() ? " <= " : " < ") + anchor + ", false)");
    }
    List<String> out = new ArrayList<>();
    for (int i = 0; i < fields.size(); i++) out.add("t" + i);
    switch (type) {
      case CONTACTS -> {
        int direction = type.indexOf("direction");
        int resolved = type.indexOf("resolved");
        out.set(direction, "coalesce(t" + direction + ", 'inbound')");
        out.set(
            resolved,
            "coalesce(t" + resolved + ", t" + type.indexOf("resolved_at") + " IS NOT NULL)");
      }
      case SURVEYS -> {
        StringBuilder scale = new StringBuilder("CASE t" + type.indexOf("kind"));
        for (SurveyKind k : SurveyKind.values()) {
          scale
              .append(" WHEN '")
              .append(k.id())
              .append("' THEN t")
              .append(type.indexOf("score"))
              .append(" BETWEEN ")
              .append(k.min())
              .append(" AND ")
              .append(k.max());
        }
        ok.add(scale.append(" END").toString());
      }
      case TICKET_EVENTS ->
          ok.add(
              "CASE t"
                  + type.indexOf("kind")
                  + " WHEN 'status' THEN t"
                  + type.indexOf("status")
                  + " IS NOT NULL WHEN 'priority' THEN t"
                  + type.indexOf("priority")
                  + " IS NOT NULL ELSE t"
                  + type.indexOf("actor")
                  + " IS NOT NULL END");
      default -> {}
    }
    StringBuilder columns = new StringBuilder("{");
    for (int c = 0; c < plan.fieldAt().length; c++) {
      columns.append(c == 0 ? "'c" : ", 'c").append(c).append("': 'VARCHAR'");
    }
    columns.append('}');
    String reader =
        "read_csv('"
            + plan.path().toAbsolutePath().toString().replace("'", "''")
            + "', header = true, auto_detect = false, delim = ',', quote = '\"', escape = '\"',"
            // no new_line option: DuckDB takes LF and CR LF (a plain file has one kind)
            + " strict_mode = true, null_padding = false, allow_quoted_nulls = false,"
            + " encoding = 'utf-8', columns = "
            + columns
            + ")";
    return "INSERT INTO "
        + type.table()
        + " SELECT "
        + String.join(", ", out)
        + " FROM (SELECT *, "
        + String.join(", ", typed)
        + " FROM (SELECT "
        + String.join(", ", text)
        + " FROM "
        + reader
        + ") r) x WHERE CASE WHEN "
        + String.join(" AND ", ok)
        + " THEN true ELSE error('a value the plain load does not take') END";
  }

  /** The value as its SQL type, or null when it is not one (a day the month does not have). */
  private static String parsed(String v, FieldType type) {
    String sqlType =
        switch (type) {
          case INSTANT -> "TIMESTAMPTZ";
          case DATE -> "DATE";
          case SECONDS -> "DOUBLE";
          case MONEY -> "DECIMAL(18,4)";
          case SCORE -> "INTEGER";
          default -> throw new IllegalArgumentException(type.toString());
        };
    return "try_cast(" + v + " AS " + sqlType + ")";
  }

  private static String choices(FieldType type) {
    StringBuilder sb = new StringBuilder();
    for (String w : RowParser.choices(type)) {
      sb.append(sb.isEmpty() ? "'" : ", '").append(w).append('\'');
    }
    return sb.toString();
  }
}
