package io.yardstick.kpi;

import java.util.Map;

/**
 * A reference value shown beside a KPI: a range (either end may be open) with where it comes from.
 *
 * @param low the low end, or null
 * @param high the high end, or null
 * @param text how a person reads it ("5-8% is the industry average")
 * @param source where the figure comes from
 */
public record Benchmark(Double low, Double high, String text, String source) {
  /** The built-in benchmarks; a settings file may replace any of them. */
  public static Map<Kpi, Benchmark> defaults() {
    return Map.of();
  }
}
