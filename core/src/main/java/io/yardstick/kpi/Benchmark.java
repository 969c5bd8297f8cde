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
    return Map.ofEntries(
        Map.entry(
            Kpi.ABANDONMENT_RATE,
            new Benchmark(
                5.0,
                8.0,
                "5-8% is the industry average; 10% or more is high",
                "Commonly cited contact-center industry figure")),
        Map.entry(
            Kpi.SERVICE_LEVEL,
            new Benchmark(
                80.0,
                null,
                "80% answered within 20 s (the 80/20 objective for phone)",
                "Commonly cited contact-center objective, discussed by ICMI as a widespread convention rather than a"
                    + " formal standard")),
        Map.entry(
            Kpi.WAIT_OVER_LIMIT,
            new Benchmark(
                null,
                null,
                "a wait over 3 minutes is too long for most customers",
                "Commonly cited industry figure")),
        Map.entry(
            Kpi.EMAIL_RESPONSE_24H,
            new Benchmark(
                null,
                null,
                "80% of customers expect an answer to an e-mail within 24 hours",
                "Commonly cited customer-expectation figure")),
        Map.entry(
            Kpi.RESOLUTION_RATE,
            new Benchmark(
                70.0,
                75.0,
                "70-75% of cases resolved is typical",
                "Commonly cited industry figure")),
        Map.entry(
            Kpi.FCR,
            new Benchmark(
                70.0,
                79.0,
                "70-79% is the industry norm; 80% or more is world class",
                "SQM Group call-center FCR benchmarking (industry average about 70%, world class 80% or more)")),
        Map.entry(
            Kpi.CONTACTS_PER_RESOLUTION,
            new Benchmark(
                1.2,
                1.5,
                "about 1.5 contacts per resolution is average; about 1.2 is world class",
                "SQM Group call-center benchmarking (average FCR about 67% needs 1.5 calls per resolution, world-class"
                    + " FCR of 80% about 1.2)")),
        Map.entry(
            Kpi.CSAT,
            new Benchmark(
                75.0,
                85.0,
                "75-85% satisfied is good; 85% or more is world class",
                "Commonly cited industry range; SQM Group cites 85% or more (top-box) as world-class call-center"
                    + " satisfaction")),
        Map.entry(
            Kpi.NPS,
            new Benchmark(
                0.0,
                null,
                "above 0 is good, above 50 excellent; averages vary widely by industry",
                "Commonly cited reading of the Net Promoter Score (created by Bain & Company and Satmetrix)")),
        Map.entry(
            Kpi.OCCUPANCY,
            new Benchmark(
                75.0,
                85.0,
                "75-85% is the usual target; sustained occupancy above 85-90% burns agents out",
                "Commonly cited workforce-management range")));
  }
}
