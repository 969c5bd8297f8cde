package io.yardstick.kpi.rollup;

import io.yardstick.kpi.Base;
import io.yardstick.kpi.Dimension;
import io.yardstick.store.Store;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;

/**
 * Exact percentiles kept per whole local day, ISO week and month of the kept zones
 * (docs/rollups.md, "Percentiles of whole days"): the median and 90th percentile of each measure
 * over the UTC span [s, e) of each such unit, overall and per channel, computed from the
 * value-count histograms in the transaction that changed them ({@code rollup_spans}, {@code
 * rollup_span_values}). A question by day, week or month in a kept zone then reads one row a group,
 * where the histograms make it read about as many rows as there are values in the period: at 100 M
 * contacts a year, a year's FRT by day and channel read 29 M histogram rows (5-7 s).
 *
 * <p>A span is a UTC interval, not a zone: Europe/Paris reads the days Europe/Madrid keeps, and a
 * day of a DST change (23 or 25 hours) is a span like any other.
 */
final class RollupSpans {
  /** The local units whose percentiles are kept. */
  static final List<Dimension.TimeUnit> UNITS =
      List.of(Dimension.TimeUnit.DAY, Dimension.TimeUnit.WEEK, Dimension.TimeUnit.MONTH);

  /** The quantiles kept, in the order of the columns p50 and p90. */
  static final List<Double> QUANTILES = List.of(0.5, 0.9);

  private RollupSpans() {}

  /**
   * One local unit of a zone: its key as the scan groups by it (the local start read as UTC
   * seconds: {@code EXTRACT(EPOCH FROM date_trunc(unit, instant AT TIME ZONE zone))}) and its UTC
   * span [s, e) in epoch seconds.
   */
  record Span(ZoneId zone, Dimension.TimeUnit unit, double key, long s, long e) {}

  /** The units of the zone that overlap [lo, hi) (epoch seconds), whole. */
  static List<Span> units(ZoneId zone, Dimension.TimeUnit unit, long lo, long hi) {
    List<Span> out = new ArrayList<>();
    LocalDate d = unitStart(LocalDate.ofInstant(Instant.ofEpochSecond(lo), zone), unit);
    while (true) {
      long s = d.atStartOfDay(zone).toEpochSecond();
      if (s >= hi) break;
      LocalDate next = next(d, unit);
      out.add(
          new Span(
              zone, unit, d.toEpochDay() * 86400.0, s, next.atStartOfDay(zone).toEpochSecond()));
      d = next;
    }
    return out;
  }

  private static LocalDate unitStart(LocalDate d, Dimension.TimeUnit unit) {
    return switch (unit) {
      case WEEK -> d.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
      case MONTH -> d.withDayOfMonth(1);
      default -> d;
    };
  }

  private static LocalDate next(LocalDate d, Dimension.TimeUnit unit) {
    return switch (unit) {
      case WEEK -> d.plusWeeks(1);
      case MONTH -> d.plusMonths(1);
      default -> d.plusDays(1);
    };
  }

  /** The kept zones ({@code rollup_zones}; none kept: UTC). */
  static List<ZoneId> zones(Rollups.Sql sql) {
    List<ZoneId> out = Rollups.zones(sql.query(Rollups.ZONES));
    return out.isEmpty() ? List.of(ZoneId.of("UTC")) : out;
  }

  /** Drops every kept span of a base's measure. */
  static void delete(Rollups.Sql sql, Base base) {
    String[] measure = Rollups.MEASURES.get(base);
    if (measure == null) return;
    sql.execute("DELETE FROM rollup_span_values WHERE measure = '" + measure[0] + "'");
    sql.execute("DELETE FROM rollup_span_histograms WHERE measure = '" + measure[0] + "'");
    sql.execute("DELETE FROM rollup_spans WHERE measure = '" + measure[0] + "'");
  }

  /**
   * Computes the kept spans of a base's measure (nothing for a base without one): every whole local
   * day, week and month of the zones that overlaps the buckets [lo, hi), or with {@code
   * onlyChanged} those of them that hold a bucket noted in {@code rollup_dirty}; from the
   * histograms as they are in the transaction.
   */
  static void keep(
      Rollups.Sql sql,
      Store.Dialect dialect,
      Base base,
      List<ZoneId> zones,
      long lo,
      long hi,
      boolean onlyChanged) {
    String[] measure = Rollups.MEASURES.get(base);
    if (measure == null || hi <= lo) return;
    // Distinct UTC spans: the first zone and unit that gives one computes it.
    Map<List<Long>, Span> spans = new LinkedHashMap<>();
    for (ZoneId zone : zones) {
      for (Dimension.TimeUnit unit : UNITS) {
        for (Span s : units(zone, unit, lo, hi)) {
          if (s.s() % Rollups.BUCKET_SECONDS != 0 || s.e() % Rollups.BUCKET_SECONDS != 0) continue;
          spans.putIfAbsent(List.of(s.s(), s.e()), s);
        }
      }
    }
    if (spans.isEmpty()) return;
    String m = "'" + measure[0] + "'";
    sql.execute("DROP TABLE IF EXISTS rollup_span_todo");
    sql.execute(
        "CREATE TEMPORARY TABLE rollup_span_todo (zone TEXT, unit TEXT, k DOUBLE PRECISION, s"
            + " BIGINT, e BIGINT)");
    List<Span> all = new ArrayList<>(spans.values());
    for (int i = 0; i < all.size(); i += 500) {
      StringJoiner rows = new StringJoiner(", ");
      for (Span s : all.subList(i, Math.min(all.size(), i + 500))) {
        rows.add(
            String.format(
                Locale.ROOT,
                "('%s', '%s', %.1f, %d, %d)",
                s.zone().getId(),
                s.unit().name(),
                s.key(),
                s.s(),
                s.e()));
      }
      sql.execute("INSERT INTO rollup_span_todo VALUES " + rows);
    }
    if (onlyChanged) {
      sql.execute(
          "DELETE FROM rollup_span_todo WHERE NOT EXISTS (SELECT 1 FROM rollup_dirty d WHERE d.base"
              + " = '"
              + base.name()
              + "' AND d.bucket >= rollup_span_todo.s AND d.bucket < rollup_span_todo.e)");
    }
    String same =
        " AND EXISTS (SELECT 1 FROM rollup_span_todo t WHERE t.s = %1$s.s AND t.e = %1$s.e)";
    for (String table : List.of("rollup_span_values", "rollup_span_histograms")) {
      sql.execute("DELETE FROM " + table + " WHERE measure = " + m + String.format(same, table));
    }
    sql.execute(
        "DELETE FROM rollup_spans WHERE measure = " + m + String.format(same, "rollup_spans"));
    sql.execute(
        "INSERT INTO rollup_spans (measure, s, e, unit) SELECT "
            + m
            + ", s, e, unit FROM rollup_span_todo");
    long vlo = Long.MAX_VALUE;
    long vhi = Long.MIN_VALUE;
    Set<List<Object>> kinds = new LinkedHashSet<>();
    for (Span s : all) {
      vlo = Math.min(vlo, s.s());
      vhi = Math.max(vhi, s.e());
      kinds.add(List.of(s.zone(), s.unit()));
    }
    for (List<Object> kind : kinds) {
      ZoneId zone = (ZoneId) kind.get(0);
      Dimension.TimeUnit unit = (Dimension.TimeUnit) kind.get(1);
      String k =
          RollupReader.localStart(
              unit, zone, Instant.ofEpochSecond(vlo), Instant.ofEpochSecond(vhi));
      for (int gset : new int[] {0, 1}) {
        String values =
            "SELECT t.s AS s, t.e AS e, "
                + (gset == 1 ? "r.channel" : "CAST(NULL AS TEXT)")
                + " AS channel, r.value AS value, r.n AS n FROM rollup_values r JOIN"
                + " rollup_span_todo t ON t.zone = '"
                + zone.getId()
                + "' AND t.unit = '"
                + unit.name()
                + "' AND t.k = "
                + k
                + " AND r.bucket >= t.s AND r.bucket < t.e WHERE r.measure = "
                + m
                + " AND r.gset = "
                + gset
                + " AND r.bucket >= "
                + vlo
                + " AND r.bucket < "
                + vhi;
        String from = values;
        if (unit == Dimension.TimeUnit.MONTH) {
          // A month keeps its merged histogram, and its percentiles are read off that (about a
          // twentieth of the rows of its buckets) by running counts, as a total's are.
          Rollups.run(
              sql,
              base + " " + zone.getId() + " month histograms, set " + gset,
              "INSERT INTO rollup_span_histograms (measure, gset, s, e, channel, value, n) SELECT "
                  + m
                  + ", "
                  + gset
                  + ", s, e, channel, value, SUM(n) FROM ("
                  + values
                  + ") v GROUP BY s, e, channel, value ORDER BY s, value");
          from =
              "SELECT h.s AS s, h.e AS e, h.channel AS channel, h.value AS value, h.n AS n FROM"
                  + " rollup_span_histograms h JOIN rollup_span_todo t ON t.zone = '"
                  + zone.getId()
                  + "' AND t.unit = 'MONTH' AND t.s = h.s AND t.e = h.e WHERE h.measure = "
                  + m
                  + " AND h.gset = "
                  + gset;
        }
        Rollups.run(
            sql,
            base + " " + zone.getId() + " " + unit + " percentiles, set " + gset,
            "INSERT INTO rollup_span_values (measure, gset, s, e, channel, p50, p90) SELECT "
                + m
                + ", "
                + gset
                + ", z.* FROM ("
                + (unit == Dimension.TimeUnit.MONTH
                    ? RollupReader.runningCountSql(from, List.of("s", "e", "channel"), QUANTILES)
                    : percentiles(dialect, from, List.of("s", "e", "channel")))
                + ") z");
      }
    }
    sql.execute("DROP TABLE rollup_span_todo");
  }

  /**
   * The p50 and p90 of the histogram rows a query gives (columns dims..., value, n), per group of
   * the dims: rows of the dims, then the two quantiles, as the reader computes them on each
   * dialect.
   */
  private static String percentiles(Store.Dialect dialect, String values, List<String> dims) {
    String lead = String.join(", ", dims);
    if (dialect == Store.Dialect.DUCKDB) {
      return "SELECT "
          + lead
          + ", q[1], q[2] FROM (SELECT "
          + lead
          + ", quantile_cont(value, [0.5, 0.9]) AS q FROM (SELECT "
          + lead
          + ", value, unnest(range(n)) FROM ("
          + values
          + ") v0) v GROUP BY "
          + lead
          + ") x";
    }
    return RollupReader.runningCountSql(values, dims, QUANTILES);
  }
}
