package io.yardstick.spark.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the Spark store needs to know of a query's text: whether it reads the lake, which small
 * tables it reads, and the SQL standard type names Spark spells differently.
 */
public final class SparkSql {
  private SparkSql() {}

  private static final Pattern LAKE =
      Pattern.compile(
          "\\b(" + String.join("|", Lake.TABLES) + "|cases)\\b", Pattern.CASE_INSENSITIVE);

  /** The small tables the KPI catalog joins to the records (copied to Spark when read). */
  private static final Pattern SMALL =
      Pattern.compile("\\b(forecasts|survey_invitations|sla_targets)\\b", Pattern.CASE_INSENSITIVE);

  /** Whether the query names a lake table outside its string literals. */
  public static boolean readsLake(String sql) {
    return LAKE.matcher(withoutLiterals(sql)).find();
  }

  /** The small tables a lake query reads. */
  public static List<String> smallTablesRead(String sql) {
    List<String> out = new ArrayList<>();
    Matcher m = SMALL.matcher(withoutLiterals(sql));
    while (m.find()) {
      String t = m.group(1).toLowerCase(java.util.Locale.ROOT);
      if (!out.contains(t)) out.add(t);
    }
    return out;
  }

  private static final String[][] TYPES = {
    {"(?i)\\bDOUBLE\\s+PRECISION\\b", "DOUBLE"},
    {"(?i)\\bTIMESTAMP\\s+WITH\\s+TIME\\s+ZONE\\b", "TIMESTAMP"},
    {"(?i)\\bTIMESTAMPTZ\\b", "TIMESTAMP"},
    {"(?i)\\bAS\\s+TEXT\\)", "AS STRING)"},
    {"(?i)\\bAS\\s+VARCHAR\\)", "AS STRING)"},
  };

  /**
   * The query with the SQL standard's type names as Spark spells them (DOUBLE PRECISION, TIMESTAMP
   * WITH TIME ZONE, TEXT), outside string literals; Spark's TIMESTAMP is an instant, as the others'
   * TIMESTAMP WITH TIME ZONE, when the session zone is UTC.
   */
  public static String toSpark(String sql) {
    StringBuilder out = new StringBuilder(sql.length());
    int i = 0;
    while (i < sql.length()) {
      int q = sql.indexOf('\'', i);
      String code = q < 0 ? sql.substring(i) : sql.substring(i, q);
      for (String[] t : TYPES) code = code.replaceAll(t[0], t[1]);
      out.append(code);
      if (q < 0) break;
      int end = q + 1;
      while (end < sql.length()) {
        if (sql.charAt(end) == '\'') {
          if (end + 1 < sql.length() && sql.charAt(end + 1) == '\'') {
            end += 2;
            continue;
          }
          break;
        }
        end++;
      }
      String literal = sql.substring(q, Math.min(sql.length(), end + 1));
      // Spark reads a backslash in a literal as an escape; the SQL standard does not.
      out.append(literal.replace("\\", "\\\\").replace("''", "\\'"));
      i = end + 1;
    }
    return out.toString();
  }

  private static String withoutLiterals(String sql) {
    return sql.replaceAll("'([^']|'')*'", "''");
  }
}
