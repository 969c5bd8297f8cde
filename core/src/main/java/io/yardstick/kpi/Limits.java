package io.yardstick.kpi;

import io.yardstick.YardstickException;
import java.time.Duration;

/**
 * How much work one question may cause, shared by every face (docs/security.md, settings file
 * section {@code limits}): the KPI engine refuses an answer of more than {@code maxRows} rows and
 * cancels a query that runs longer than {@code queryTimeout}; the server keeps at most {@code
 * cacheBytes} of results, reads at most {@code maxBodyBytes} of a request body and {@code
 * maxEventsPerBatch} events per batch, and runs at most {@code maxConcurrentQueries} KPI questions
 * at once (the others wait up to {@code queueWait}, then are answered 503).
 *
 * <pre>{@code
 * KpiSettings s = KpiSettings.defaults().withLimits(Limits.defaults().withMaxRows(500));
 * }</pre>
 */
public record Limits(
    int maxRows,
    Duration queryTimeout,
    long cacheBytes,
    long maxBodyBytes,
    int maxEventsPerBatch,
    int maxConcurrentQueries,
    Duration queueWait) {
  public Limits {
    if (maxRows < 1)
      throw new YardstickException("limits.max_rows must be at least 1; got " + maxRows + ".");
    if (queryTimeout.isNegative() || queryTimeout.isZero()) {
      throw new YardstickException(
          "limits.query_timeout_seconds must be more than 0; got " + queryTimeout + ".");
    }
    if (cacheBytes < 0) throw new YardstickException("limits.cache_megabytes must be 0 or more.");
    if (maxBodyBytes < 1)
      throw new YardstickException("limits.max_body_kilobytes must be at least 1.");
    if (maxEventsPerBatch < 1)
      throw new YardstickException("limits.max_events_per_batch must be at least 1.");
    if (maxConcurrentQueries < 1)
      throw new YardstickException("limits.max_concurrent_queries must be at least 1.");
    if (queueWait.isNegative())
      throw new YardstickException("limits.queue_wait_seconds must be 0 or more.");
  }

  /**
   * 10,000 rows (a year of hours fits), 30 s per query, 64 MiB of cached results, 2 MiB per request
   * body, 1,000 events per batch, as many KPI questions at once as the machine has processors (at
   * least 2, at most 8), waiting up to 5 s for a turn.
   */
  public static Limits defaults() {
    int processors = Math.clamp(Runtime.getRuntime().availableProcessors(), 2, 8);
    return new Limits(
        10_000,
        Duration.ofSeconds(30),
        64L << 20,
        2L << 20,
        1_000,
        processors,
        Duration.ofSeconds(5));
  }

  public Limits withMaxRows(int maxRows) {
    return new Limits(
        maxRows,
        queryTimeout,
        cacheBytes,
        maxBodyBytes,
        maxEventsPerBatch,
        maxConcurrentQueries,
        queueWait);
  }

  public Limits withQueryTimeout(Duration queryTimeout) {
    return new Limits(
        maxRows,
        queryTimeout,
        cacheBytes,
        maxBodyBytes,
        maxEventsPerBatch,
        maxConcurrentQueries,
        queueWait);
  }

  public Limits withMaxConcurrentQueries(int maxConcurrentQueries, Duration queueWait) {
    return new Limits(
        maxRows,
        queryTimeout,
        cacheBytes,
        maxBodyBytes,
        maxEventsPerBatch,
        maxConcurrentQueries,
        queueWait);
  }
}
