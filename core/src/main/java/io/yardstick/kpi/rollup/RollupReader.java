package io.yardstick.kpi.rollup;

import io.yardstick.kpi.Base;
import io.yardstick.kpi.Dimension;
import io.yardstick.kpi.Filter;
import io.yardstick.kpi.KpiSettings;
import io.yardstick.kpi.Part;
import io.yardstick.kpi.sql.SqlRenderer;
import io.yardstick.store.Store;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Answers one base's parts from the rollups, in the shape of the scan's query ({@link
 * SqlRenderer#render}: the dimensions, the grouping flag, then the parts), or says it cannot
 * (null): a base, dimension, filter, period or threshold the rollups do not hold. Additive parts
 * are sums of the buckets' parts; percentiles are read off the merged value-count histograms with
 * the interpolation of {@code percentile_cont}.
 */
public final class RollupReader {
  private final Store store;
  private final Rollups.Thresholds thresholds;
  private final boolean built;

  /** A reader of the rollups as they are now, for questions asked with these settings. */
  public RollupReader(Store store, KpiSettings settings) {
    this.store = store;
    Rollups.Thresholds stored = null;
    try {
      // Rollups are kept on DuckDB and PostgreSQL stores only: a Spark store scans.
      if (store.dialect() != Store.Dialect.SPARK) stored = Rollups.thresholds(sqlOf(store));
    } catch (RuntimeException e) {
      // a store without the rollup tables (a wrapper lending another): the scan answers
    }
    this.built = stored != null;
    this.thresholds = Rollups.Thresholds.of(settings);
    this.sameThresholds = stored != null && stored.equals(thresholds);
  }

  private final boolean sameThresholds;

  private static Rollups.Sql sqlOf(Store store) {
    return new Rollups.Sql() {
      @Override
      public void execute(String sql) {
        throw new UnsupportedOperationException();
      }

      @Override
      public List<Object[]> query(String sql) {
        return store.query(sql);
      }
    };
  }

  /**
   * The parts of a base that the rollups can answer over [start, end) so grouped and filtered (in
   * the order given; empty when they answer none).
   */
  public List<Part> answerable(
      Base base,
      List<Part> parts,
      List<Dimension> dims,
      List<Filter> filters,
      Instant start,
      Instant end) {
    if (!built || !Rollups.TABLES.containsKey(base)) return List.of();
    if (start.getEpochSecond() % Rollups.BUCKET_SECONDS != 0
        || end.getEpochSecond() % Rollups.BUCKET_SECONDS != 0
        || start.getNano() != 0
        || end.getNano() != 0) return List.of();
    for (Dimension d : dims) {
      if (d.kind() == Dimension.Kind.ATTRIBUTE) return List.of();
      if (d.kind() == Dimension.Kind.CONTACT_FIELD && !allowed(base, d.name())) return List.of();
    }
    for (Filter f : filters) {
      if (f.dimension().kind() != Dimension.Kind.CONTACT_FIELD || f.isRange()) return List.of();
      if (!allowed(base, f.dimension().name())) return List.of();
    }
    // The rollups keep no combination of two or more dimensions: such a question is a scan.
    int mask = mask(dims, filters);
    if (Integer.bitCount(mask) > 1) return List.of();
    boolean histograms = Rollups.hasHistogram(mask);
    List<Part> out = new ArrayList<>();
    for (Part p : parts) {
      if (p.base() != base) continue;
      if (Rollups.THRESHOLD_PARTS.contains(p) && !sameThresholds) continue;
      boolean percentile = p.agg() == Part.Agg.MEDIAN || p.agg() == Part.Agg.P90;
      if (percentile && !histograms) continue;
      out.add(p);
    }
    return out;
  }

  private static int mask(List<Dimension> dims, List<Filter> filters) {
    int mask = 0;
    for (Dimension d : dims) {
      if (d.kind() == Dimension.Kind.CONTACT_FIELD) {
        mask |= 1 << Rollups.DIMENSIONS.indexOf(d.name());
      }
    }
    for (Filter f : filters) mask |= 1 << Rollups.DIMENSIONS.indexOf(f.dimension().name());
    return mask;
  }

  private static boolean allowed(Base base, String dim) {
    return base == Base.AGENT_TIME ? dim.equals("agent") : Rollups.DIMENSIONS.contains(dim);
  }

  /**
   * The rows of the scan's query for these parts, from the rollups; only for the parts {@link
   * #answerable} gave.
   *
   * @param run runs a query within the engine's limits
   */
  public List<Object[]> rows(
      Base base,
      List<Part> parts,
      List<Dimension> dims,
      boolean overall,
      List<Filter> filters,
      ZoneId zone,
      Instant start,
      Instant end,
      Function<String, List<Object[]>> run) {
    int gset = mask(dims, filters);

    List<String> dimExprs = new ArrayList<>();
    for (Dimension d : dims) {
      dimExprs.add(
          d.kind() == Dimension.Kind.TIME
              ? localStart(d.timeUnit(), zone, start, end)
              : "r." + d.name());
    }
    StringJoiner where = new StringJoiner(" AND ");
    where.add("r.gset = " + gset);
    where.add("r.bucket >= " + start.getEpochSecond());
    where.add("r.bucket < " + end.getEpochSecond());
    for (Filter f : filters) {
      where.add(
          "r."
              + f.dimension().name()
              + " IN ("
              + f.values().stream().map(RollupReader::lit).collect(Collectors.joining(", "))
              + ")");
    }

    List<Part> additive = new ArrayList<>();
    List<Part> percentiles = new ArrayList<>();
    for (Part p : parts) {
      (p.agg() == Part.Agg.COUNT || p.agg() == Part.Agg.SUM ? additive : percentiles).add(p);
    }
    String inner = innerSelect(dimExprs, Rollups.TABLES.get(base), where.toString());
    List<String> dimCols = new ArrayList<>();
    for (int i = 0; i < dims.size(); i++) dimCols.add("d" + i);
    StringJoiner select = new StringJoiner(", ");
    dimCols.forEach(select::add);
    select.add(dimCols.isEmpty() ? "1 AS g" : "GROUPING(" + String.join(", ", dimCols) + ") AS g");
    for (Part p : additive) {
      String sum = "SUM(" + p.name().toLowerCase(Locale.ROOT) + ")";
      select.add(
          "CAST("
              + (base == Base.AGENT_TIME && p.agg() == Part.Agg.SUM
                  ? "COALESCE(" + sum + ", 0)"
                  : sum)
              + " AS DOUBLE PRECISION)");
    }
    String sql = "SELECT " + select + " FROM (" + inner + ") x" + groupBy(dimCols, overall);
    // Percentiles alone, overall: the one row needs no read (an aggregate gives a row even over
    // no buckets).
    List<Object[]> additiveRows =
        additive.isEmpty() && dimCols.isEmpty()
            ? List.<Object[]>of(new Object[] {1L})
            : run.apply(sql);

    // The rows in the scan's shape: dims, g, then every part in the order asked.
    int n = dims.size();
    Map<List<Object>, Object[]> byKey = new HashMap<>();
    List<Object[]> out = new ArrayList<>();
    for (Object[] r : additiveRows) {
      Object[] row = new Object[n + 1 + parts.size()];
      System.arraycopy(r, 0, row, 0, n + 1);
      for (int i = 0; i < additive.size(); i++)
        row[n + 1 + parts.indexOf(additive.get(i))] = r[n + 1 + i];
      out.add(row);
      byKey.put(key(row, n), row);
    }
    if (!percentiles.isEmpty()) {
      // Every percentile of the base (they share its measure) in one pass over the histograms.
      String[] measure = Rollups.MEASURES.get(base);
      List<Double> qs = new ArrayList<>();
      for (Part p : percentiles) qs.add(p.agg() == Part.Agg.MEDIAN ? 0.5 : 0.9);
      String values =
          innerSelect(dimExprs, "rollup_values", where + " AND r.measure = '" + measure[0] + "'");
      boolean total = overall || dimCols.isEmpty();
      List<Object[]> spans =
          filters.isEmpty()
              ? spanRows(
                  measure[0], dims, dimCols, dimExprs, where.toString(), zone, start, end, qs, run)
              : null;
      // The kept months inside the period: the total (and groups by channel alone) merge their
      // histograms, and the buckets' only for the rest of the period.
      boolean timeFree = dims.stream().noneMatch(d -> d.kind() == Dimension.Kind.TIME);
      boolean merges = total || (spans == null && timeFree && !dimCols.isEmpty());
      List<long[]> months = merges ? wholeMonths(measure[0], start, end, run) : List.of();
      List<Object[]> pct = new ArrayList<>();
      if (spans != null) {
        pct.addAll(spans);
      } else if (!dimCols.isEmpty()) {
        String groups =
            timeFree && !months.isEmpty()
                ? tiled(measure[0], gset, dims, filters, where.toString(), months)
                : values;
        pct.addAll(percentileRows(store.dialect(), groups, dimCols, false, qs, run));
      }
      if (total) {
        String all =
            months.isEmpty()
                ? values
                : tiled(measure[0], gset, List.of(), filters, where.toString(), months);
        pct.addAll(runningCount(all, List.of(), dimCols.size(), qs, run));
      }
      for (Object[] r : pct) {
        Object[] row = byKey.get(key(r, n));
        if (row == null) continue;
        for (int i = 0; i < percentiles.size(); i++) {
          if (r[n + 1 + i] instanceof Number v) {
            row[n + 1 + parts.indexOf(percentiles.get(i))] = v.doubleValue();
          }
        }
      }
    }
    return out;
  }

  /**
   * The kept months (of any kept zone) inside [start, end) whose histograms a total can merge: the
   * earliest first, none overlapping another (two zones' months overlap).
   */
  private static List<long[]> wholeMonths(
      String measure, Instant start, Instant end, Function<String, List<Object[]>> run) {
    List<long[]> out = new ArrayList<>();
    long last = Long.MIN_VALUE;
    for (Object[] r :
        run.apply(
            "SELECT s, e FROM rollup_spans WHERE measure = '"
                + measure
                + "' AND unit = 'MONTH' AND s >= "
                + start.getEpochSecond()
                + " AND e <= "
                + end.getEpochSecond()
                + " ORDER BY s, e")) {
      long s = ((Number) r[0]).longValue();
      long e = ((Number) r[1]).longValue();
      if (s >= last) {
        out.add(new long[] {s, e});
        last = e;
      }
    }
    return out;
  }

  /**
   * The histogram rows of a question's period (columns d0 for the channel when grouped by it,
   * value, n): the kept months' histograms, and the buckets' outside those months. The dims are
   * none or the channel (the sets that keep histograms); the filters are on the channel.
   */
  private static String tiled(
      String measure,
      int gset,
      List<Dimension> dims,
      List<Filter> filters,
      String where,
      List<long[]> months) {
    String d0 = dims.isEmpty() ? "" : "%s.channel AS d0, ";
    StringJoiner spans = new StringJoiner(" OR ", "(", ")");
    StringJoiner outside = new StringJoiner(" OR ", "NOT (", ")");
    for (long[] m : months) {
      spans.add("h.s = " + m[0] + " AND h.e = " + m[1]);
      outside.add("r.bucket >= " + m[0] + " AND r.bucket < " + m[1]);
    }
    StringBuilder coarse =
        new StringBuilder("SELECT ")
            .append(String.format(d0, "h"))
            .append("h.value AS value, h.n AS n FROM rollup_span_histograms h WHERE h.measure = '")
            .append(measure)
            .append("' AND h.gset = ")
            .append(gset)
            .append(" AND ")
            .append(spans);
    for (Filter f : filters) {
      coarse
          .append(" AND h.")
          .append(f.dimension().name())
          .append(" IN (")
          .append(f.values().stream().map(RollupReader::lit).collect(Collectors.joining(", ")))
          .append(")");
    }
    return coarse
        + " UNION ALL SELECT "
        + String.format(d0, "r")
        + "r.value AS value, r.n AS n FROM rollup_values r WHERE "
        + where
        + " AND r.measure = '"
        + measure
        + "' AND "
        + outside;
  }

  /**
   * The percentiles of the groups of a question by one local day, week or month (and the channel,
   * or not) from the spans kept for them ({@link RollupSpans}), in the rows of {@link
   * #percentileRows} without the total; the groups whose span is not kept (a week cut by the
   * period, a zone not kept) from the histograms of their buckets only. Null when the question is
   * not of that shape, or most of its groups are not kept.
   */
  private List<Object[]> spanRows(
      String measure,
      List<Dimension> dims,
      List<String> dimCols,
      List<String> dimExprs,
      String where,
      ZoneId zone,
      Instant start,
      Instant end,
      List<Double> qs,
      Function<String, List<Object[]>> run) {
    int time = -1;
    int channel = -1;
    for (int i = 0; i < dims.size(); i++) {
      Dimension d = dims.get(i);
      if (d.kind() == Dimension.Kind.TIME && time < 0 && RollupSpans.UNITS.contains(d.timeUnit())) {
        time = i;
      } else if (d.kind() == Dimension.Kind.CONTACT_FIELD
          && d.name().equals("channel")
          && channel < 0) {
        channel = i;
      } else {
        return null;
      }
    }
    if (time < 0 || !RollupSpans.QUANTILES.containsAll(qs)) return null;
    long lo = start.getEpochSecond();
    long hi = end.getEpochSecond();
    // Each group's span: its unit's, cut by the period.
    Map<List<Long>, Double> keys = new HashMap<>();
    for (RollupSpans.Span u : RollupSpans.units(zone, dims.get(time).timeUnit(), lo, hi)) {
      keys.put(List.of(Math.max(u.s(), lo), Math.min(u.e(), hi)), u.key());
    }
    String m = "'" + measure + "'";
    String within = " AND s >= " + lo + " AND e <= " + hi;
    List<List<Long>> missing = new ArrayList<>(keys.keySet());
    for (Object[] r : run.apply("SELECT s, e FROM rollup_spans WHERE measure = " + m + within)) {
      missing.remove(List.of(((Number) r[0]).longValue(), ((Number) r[1]).longValue()));
    }
    if (missing.size() * 2 > keys.size()) return null;
    int n = dims.size();
    List<Object[]> out = new ArrayList<>();
    for (Object[] r :
        run.apply(
            "SELECT s, e, channel, p50, p90 FROM rollup_span_values WHERE measure = "
                + m
                + " AND gset = "
                + (channel < 0 ? 0 : 1)
                + within)) {
      List<Long> span = List.of(((Number) r[0]).longValue(), ((Number) r[1]).longValue());
      Double key = keys.get(span);
      if (key == null || missing.contains(span)) continue;
      Object[] row = new Object[n + 1 + qs.size()];
      row[time] = key;
      if (channel >= 0) row[channel] = r[2];
      row[n] = 0L;
      for (int i = 0; i < qs.size(); i++) row[n + 1 + i] = qs.get(i) == 0.5 ? r[3] : r[4];
      out.add(row);
    }
    if (!missing.isEmpty()) {
      StringJoiner ranges = new StringJoiner(" OR ", " AND (", ")");
      for (List<Long> span : missing) {
        ranges.add("r.bucket >= " + span.get(0) + " AND r.bucket < " + span.get(1));
      }
      String values =
          innerSelect(dimExprs, "rollup_values", where + " AND r.measure = " + m + ranges);
      out.addAll(percentileRows(store.dialect(), values, dimCols, false, qs, run));
    }
    return out;
  }

  /**
   * The start of a bucket's local hour, day, ISO week or month in the zone, as the scan's {@code
   * EXTRACT(EPOCH FROM date_trunc(unit, instant AT TIME ZONE zone))} gives it (the local wall time
   * read as UTC seconds), by arithmetic: the bucket plus the zone's offset at its start (a CASE on
   * the zone's transitions in the period), then truncated. A time zone lookup per row costs more
   * than the rest of the question.
   */
  static String localStart(Dimension.TimeUnit unit, ZoneId zone, Instant start, Instant end) {
    ZoneRules rules = zone.getRules();
    StringBuilder offset = new StringBuilder();
    int transitions = 0;
    int before = rules.getOffset(start).getTotalSeconds();
    for (ZoneOffsetTransition t = rules.nextTransition(start);
        t != null && t.getInstant().isBefore(end);
        t = rules.nextTransition(t.getInstant())) {
      offset
          .append(" WHEN r.bucket < ")
          .append(t.getInstant().getEpochSecond())
          .append(" THEN ")
          .append(before);
      before = t.getOffsetAfter().getTotalSeconds();
      transitions++;
    }
    String local =
        "CAST(r.bucket + "
            + (transitions == 0 ? before : "CASE" + offset + " ELSE " + before + " END")
            + " AS DOUBLE PRECISION)";
    String days = "FLOOR(" + local + " / 86400)";
    return switch (unit) {
      case HOUR -> "FLOOR(" + local + " / 3600) * 3600";
      case DAY -> days + " * 86400";
      // 1970-01-01 was a Thursday: the Monday on or before day d is 7 * floor((d + 3) / 7) - 3.
      case WEEK -> "(FLOOR((" + days + " + 3) / 7) * 7 - 3) * 86400";
      case MONTH -> {
        StringBuilder months = new StringBuilder();
        LocalDate m = LocalDate.ofInstant(start, zone).withDayOfMonth(1);
        LocalDate last = LocalDate.ofInstant(end, zone);
        while (true) {
          LocalDate next = m.plusMonths(1);
          if (next.isAfter(last)) break;
          months
              .append(" WHEN ")
              .append(local)
              .append(" < ")
              .append(next.toEpochDay() * 86400)
              .append(" THEN ")
              .append(m.toEpochDay() * 86400);
          m = next;
        }
        String first = Long.toString(m.toEpochDay() * 86400);
        yield months.isEmpty() ? first : "CASE" + months + " ELSE " + first + " END";
      }
    };
  }

  private static List<Object> key(Object[] row, int n) {
    List<Object> k = new ArrayList<>(n + 1);
    for (int i = 0; i < n; i++)
      k.add(row[i] instanceof Number x ? (Object) x.doubleValue() : row[i]);
    k.add(((Number) row[n]).longValue() != 0);
    return k;
  }

  private static String innerSelect(List<String> dimExprs, String table, String where) {
    StringBuilder s = new StringBuilder("SELECT r.*");
    for (int i = 0; i < dimExprs.size(); i++)
      s.append(", ").append(dimExprs.get(i)).append(" AS d").append(i);
    return s.append(" FROM ").append(table).append(" r WHERE ").append(where).toString();
  }

  private static String groupBy(List<String> dimCols, boolean overall) {
    if (dimCols.isEmpty()) return "";
    return " GROUP BY GROUPING SETS ("
        + (overall ? "(), " : "")
        + "("
        + String.join(", ", dimCols)
        + "))";
  }

  /**
   * percentile_cont(q) of the merged histograms for each q, in rows of the dimensions, the grouping
   * flag, then one column per q: per group of the dimensions, and for the total when asked (or when
   * there are no dimensions).
   *
   * <p>DuckDB: the histograms expanded back into their values ({@code unnest(range(n))}) and {@code
   * quantile_cont(value, [q...])}, the scan's own function on the same multiset of values, so the
   * answer is the scan's; the groups and the total in one query (grouping sets). DuckDB picks each
   * rank by selection, without sorting a group: measured 2.5 times faster than the running-count
   * query below for a year by day and channel at 10 M contacts (docs/rollups.md). PostgreSQL: per
   * set, the values at the 0-based ranks floor and ceil of q * (n - 1) (the first value whose
   * running count passes the rank) and the interpolation between them, as {@code percentile_cont}
   * computes it.
   */
  static List<Object[]> percentileRows(
      Store.Dialect dialect,
      String values,
      List<String> dims,
      boolean total,
      List<Double> qs,
      Function<String, List<Object[]>> run) {
    int n = dims.size();
    if (dialect == Store.Dialect.DUCKDB) {
      List<Object[]> out = new ArrayList<>();
      if (total) out.addAll(runningCount(values, List.of(), n, qs, run));
      if (!dims.isEmpty()) out.addAll(expanded(values, dims, qs, run));
      return out;
    }
    List<Object[]> out = new ArrayList<>();
    if (total) out.addAll(runningCount(values, List.of(), n, qs, run));
    if (!dims.isEmpty()) out.addAll(runningCount(values, dims, n, qs, run));
    return out;
  }

  /**
   * DuckDB's quantile_cont over the values of each group's histograms expanded back
   * (unnest(range(n))), for one or more dimensions; rows of the dimensions, the grouping flag 0,
   * then one column per q.
   */
  private static List<Object[]> expanded(
      String values, List<String> dims, List<Double> qs, Function<String, List<Object[]>> run) {
    StringJoiner picks = new StringJoiner(", ");
    for (int i = 0; i < qs.size(); i++) picks.add("q[" + (i + 1) + "]");
    String list = qs.stream().map(q -> Double.toString(q)).collect(Collectors.joining(", "));
    String lead = String.join(", ", dims) + ", ";
    String flag = "GROUPING(" + String.join(", ", dims) + ")";
    return run.apply(
        "SELECT "
            + lead
            + "g, "
            + picks
            + " FROM (SELECT "
            + lead
            + flag
            + " AS g, quantile_cont(value, ["
            + list
            + "]) AS q FROM (SELECT "
            + lead
            + "value, unnest(range(n)) FROM ("
            + values
            + ") v0) v"
            + groupBy(dims, false)
            + ") x");
  }

  /**
   * The percentiles of one set (the total when {@code set} is empty) by running counts over the
   * merged histogram; rows of n dimension columns (those not in the set null), the grouping flag,
   * then one column per q.
   */
  private static List<Object[]> runningCount(
      String values,
      List<String> set,
      int n,
      List<Double> qs,
      Function<String, List<Object[]>> run) {
    List<Object[]> out = new ArrayList<>();
    for (Object[] r : run.apply(runningCountSql(values, set, qs))) {
      Object[] row = new Object[n + 1 + qs.size()];
      System.arraycopy(r, 0, row, 0, set.size());
      row[n] = set.isEmpty() ? 1L : 0L;
      System.arraycopy(r, set.size(), row, n + 1, qs.size());
      out.add(row);
    }
    return out;
  }

  /** PostgreSQL's percentile_cont of a merged histogram by running counts, for each q. */
  static String runningCountSql(String values, List<String> set, List<Double> qs) {
    String dims = String.join(", ", set);
    String lead = set.isEmpty() ? "" : dims + ", ";
    String partition = set.isEmpty() ? "" : "PARTITION BY " + dims + " ";
    StringJoiner picks = new StringJoiner(", ");
    for (double q : qs) {
      String rank = Double.toString(q) + " * (tot - 1)";
      String lo = "MIN(value) FILTER (WHERE cum > FLOOR(" + rank + "))";
      String hi = "MIN(value) FILTER (WHERE cum > CEIL(" + rank + "))";
      picks.add(lo + " + (" + hi + " - " + lo + ") * MAX(" + rank + " - FLOOR(" + rank + "))");
    }
    return "WITH h AS (SELECT "
        + lead
        + "value, CAST(SUM(n) AS DOUBLE PRECISION) AS n FROM ("
        + values
        + ") v GROUP BY "
        + lead
        + "value), c AS (SELECT h.*, SUM(n) OVER ("
        + partition
        + "ORDER BY value ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS cum, SUM(n) OVER ("
        + partition.strip()
        + ") AS tot FROM h) SELECT "
        + lead
        + picks
        + " FROM c"
        + (set.isEmpty() ? "" : " GROUP BY " + dims);
  }

  static String lit(String s) {
    return "'" + s.replace("'", "''") + "'";
  }
}
