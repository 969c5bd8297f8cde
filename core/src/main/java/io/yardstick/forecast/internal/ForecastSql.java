package io.yardstick.forecast.internal;

import java.time.ZoneId;

/**
 * The SQL of forecasting, in forms DuckDB and PostgreSQL both accept (as the KPI renderer's): local
 * time is {@code t AT TIME ZONE zone}, and a local interval is floor(local epoch seconds / interval
 * seconds), so 15-, 30- and 60-minute and daily buckets are one expression.
 */
public final class ForecastSql {
  private ForecastSql() {}

  /**
   * Inbound contacts of a channel (and queue when {@code byQueue}) per local interval between two
   * instants. Parameters: channel, [queue], start, end. Columns: slot (local epoch seconds /
   * interval seconds), contacts.
   */
  public static String history(ZoneId zone, int intervalMinutes, boolean byQueue) {
    return "SELECT CAST(FLOOR(CAST(EXTRACT(EPOCH FROM arrived_at AT TIME ZONE "
        + lit(zone.getId())
        + ") AS DOUBLE PRECISION) / "
        + intervalMinutes * 60
        + ") AS BIGINT) AS slot, COUNT(*) AS contacts"
        + " FROM contacts WHERE channel = ?"
        + (byQueue ? " AND queue = ?" : "")
        + " AND direction = 'inbound' AND arrived_at >= ? AND arrived_at < ? GROUP BY 1";
  }

  /**
   * The channels and queues with inbound contacts between two instants. Parameters: start, end.
   * Columns: channel, queue (null for contacts without one), contacts.
   */
  public static String series() {
    return "SELECT channel, queue, COUNT(*) AS contacts FROM contacts WHERE direction = 'inbound' AND arrived_at >= ?"
        + " AND arrived_at < ? GROUP BY channel, queue ORDER BY channel, queue";
  }

  /**
   * Marks the store's data as changed (the version KPI results are cached by), as an import does.
   */
  public static String dataChanged() {
    return "UPDATE data_version SET version = version + 1";
  }

  /** The latest made_at of the stored forecasts (null when none). */
  public static String lastMadeAt() {
    return "SELECT MAX(made_at) AS made_at FROM forecasts";
  }

  /** One INSERT of {@code rows} forecast rows (11 parameters each). */
  public static String insert(int rows) {
    StringBuilder sql =
        new StringBuilder(
            "INSERT INTO forecasts (made_at, channel, queue, interval_minutes, zone,"
                + " model, interval_start, interval_end, forecast, low, high) VALUES ");
    for (int i = 0; i < rows; i++) {
      sql.append(i == 0 ? "" : ", ").append("(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    }
    return sql.toString();
  }

  /**
   * Past forecasts against what came: for each stored interval starting in [start, end) and already
   * over at {@code now}, the latest forecast made no later than the interval's start, with the
   * inbound contacts that arrived in it. Parameters: start, end, now, then channel when {@code
   * oneChannel}, then queue when {@code oneQueue}. Columns: channel, queue, interval_start,
   * interval_end, made_at, model, forecast, low, high, actual.
   */
  public static String past(int intervalMinutes, boolean oneChannel, boolean oneQueue) {
    String where =
        "fc.interval_minutes = "
            + intervalMinutes
            + " AND fc.interval_start >= ? AND fc.interval_start < ? AND fc.interval_end <= ?"
            + " AND fc.made_at <= fc.interval_start"
            + (oneChannel ? " AND fc.channel = ?" : "")
            + (oneQueue ? " AND fc.queue = ?" : " AND fc.queue IS NULL");
    return "SELECT f.channel, f.queue, f.interval_start, f.interval_end, f.made_at, f.model, f.forecast, f.low,"
        + " f.high, COUNT(c.contact_id) AS actual FROM (SELECT * FROM (SELECT fc.*, ROW_NUMBER() OVER (PARTITION BY"
        + " fc.channel, fc.queue, fc.interval_start ORDER BY fc.made_at DESC) AS rn FROM forecasts fc WHERE "
        + where
        + ") ranked WHERE rn = 1) f LEFT JOIN contacts c ON c.channel = f.channel"
        + " AND (f.queue IS NULL OR c.queue = f.queue) AND c.direction = 'inbound'"
        + " AND c.arrived_at >= f.interval_start AND c.arrived_at < f.interval_end"
        + " GROUP BY f.channel, f.queue, f.interval_start, f.interval_end, f.made_at, f.model, f.forecast, f.low, f.high"
        + " ORDER BY f.channel, f.interval_start";
  }

  static String lit(String s) {
    return "'" + s.replace("'", "''") + "'";
  }
}
