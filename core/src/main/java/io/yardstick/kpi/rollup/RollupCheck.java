package io.yardstick.kpi.rollup;

import io.yardstick.kpi.Dimension;
import io.yardstick.kpi.Kpi;
import io.yardstick.kpi.KpiEngine;
import io.yardstick.kpi.KpiQuery;
import io.yardstick.kpi.KpiResult;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Compares the rollups with the scan: every KPI of the catalog, overall, by day and by each contact
 * dimension, over a period, from the rollups and from the records. {@code yardstick rollups verify}
 * and the equality tests use it.
 *
 * <pre>{@code
 * List<String> differences = RollupCheck.compare(engine, KpiQuery.of(from, to, zone), 1e-9);
 * }</pre>
 */
public final class RollupCheck {
  private RollupCheck() {}

  /** The slices {@link #verify} compares: overall, by day, by hour and by each dimension. */
  public static List<List<Dimension>> slices() {
    List<List<Dimension>> slices = new ArrayList<>();
    slices.add(List.of());
    slices.add(List.of(Dimension.of("day")));
    slices.add(List.of(Dimension.of("hour")));
    for (String d : Rollups.DIMENSIONS) slices.add(List.of(Dimension.of(d)));
    slices.add(List.of(Dimension.of("channel"), Dimension.of("day")));
    return slices;
  }

  /**
   * The differences between the rollups and the scan for every KPI over a period in a zone, in
   * every slice of {@link #slices()}, as sentences naming the KPI, the slice and both values.
   */
  public static List<String> verify(KpiEngine engine, LocalDate from, LocalDate to, ZoneId zone) {
    List<String> out = new ArrayList<>();
    for (List<Dimension> slice : slices()) {
      out.addAll(
          compare(
              engine,
              new KpiQuery(from, to, zone, List.of(Kpi.values())).withGroupBy(slice),
              1e-9));
    }
    return out;
  }

  /**
   * The differences between the engine's answer (rollups where they answer) and the scan's for one
   * question: a KPI differs when one is null and the other not, or when they differ by more than
   * the tolerance relative to the larger (absolute below 1).
   */
  public static List<String> compare(KpiEngine engine, KpiQuery query, double tolerance) {
    KpiResult fast = engine.compute(query);
    KpiResult scan = engine.scanOnly().compute(query);
    List<String> out = new ArrayList<>();
    String slice =
        query.groupBy().isEmpty()
            ? "overall"
            : "by " + String.join(",", query.groupBy().stream().map(Dimension::name).toList());
    if (fast.rows().size() != scan.rows().size()) {
      out.add(
          String.format(
              "%s %s..%s %s: %d rows from the rollups, %d from the scan",
              slice,
              query.from(),
              query.to(),
              query.zone().getId(),
              fast.rows().size(),
              scan.rows().size()));
    }
    for (int i = 0; i < Math.min(fast.rows().size(), scan.rows().size()); i++) {
      KpiResult.Row a = fast.rows().get(i);
      KpiResult.Row b = scan.rows().get(i);
      if (!a.group().equals(b.group())) {
        out.add(
            slice
                + ": row "
                + i
                + " is "
                + a.group()
                + " from the rollups, "
                + b.group()
                + " from the scan");
        continue;
      }
      for (Map.Entry<Kpi, Number> e : b.values().entrySet()) {
        Number x = a.values().get(e.getKey());
        Number y = e.getValue();
        if (!same(x, y, tolerance)) {
          out.add(
              String.format(
                  "%s %s, %s %s..%s %s: %s from the rollups, %s from the scan",
                  e.getKey().id(),
                  a.group().isEmpty() ? "overall" : a.group().toString(),
                  slice,
                  query.from(),
                  query.to(),
                  query.zone().getId(),
                  x,
                  y));
        }
      }
    }
    return out;
  }

  static boolean same(Number x, Number y, double tolerance) {
    if (x == null || y == null) return Objects.equals(x, y);
    double a = x.doubleValue();
    double b = y.doubleValue();
    if (Double.isNaN(a) || Double.isNaN(b)) return Double.isNaN(a) && Double.isNaN(b);
    return Math.abs(a - b) <= tolerance * Math.max(1.0, Math.max(Math.abs(a), Math.abs(b)));
  }
}
