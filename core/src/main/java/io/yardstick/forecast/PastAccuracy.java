package io.yardstick.forecast;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * Stored forecasts against what came (see {@link Forecaster#accuracy}).
 *
 * @param accuracy WAPE, MAPE and bias over every interval compared
 * @param rows the intervals compared, by channel and start
 */
public record PastAccuracy(
    LocalDate from,
    LocalDate to,
    ZoneId zone,
    int intervalMinutes,
    Accuracy accuracy,
    List<Row> rows) {
  public PastAccuracy {
    rows = List.copyOf(rows);
  }

  /**
   * One interval: the forecast that stood for it (the latest made before it began) and the contacts
   * that came.
   */
  public record Row(
      String channel,
      String queue,
      Instant start,
      Instant end,
      Instant madeAt,
      String model,
      double forecast,
      Double low,
      Double high,
      long actual) {}
}
