package io.yardstick.staffing;

import io.yardstick.store.Store;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * What the store knows that a staffing plan needs: offered volumes per interval, handle time,
 * patience, and the agents who were logged in. Plain SQL that DuckDB and PostgreSQL both run
 * ({@code EXTRACT(EPOCH ...)}, {@code GREATEST}, {@code LEAST}, {@code FLOOR}); intervals are
 * counted from the period's first local midnight, so with a 30-minute interval they are the local
 * half-hours, across DST changes too (any zone whose offsets are whole half-hours).
 */
public final class StaffingHistory {
  private StaffingHistory() {}

  private static String epoch(String column) {
    return "CAST(EXTRACT(EPOCH FROM " + column + ") AS DOUBLE PRECISION)";
  }

  /**
   * Local days {@code from} to {@code to} (both included) in {@code zone}, cut into intervals of
   * {@code interval}.
   */
  public record Period(LocalDate from, LocalDate to, ZoneId zone, Duration interval) {
    public Period {
      if (to.isBefore(from))
        throw new StaffingException("the period ends (" + to + ") before it starts (" + from + ")");
      if (interval.isNegative()
          || interval.isZero()
          || 86_400 % interval.toSeconds() != 0
          || interval.toSeconds() * 1000 != interval.toMillis()) {
        throw new StaffingException(
            "the interval must be a whole number of seconds that divides a day (15, 30 or"
                + " 60 minutes...), not "
                + interval);
      }
    }

    public Instant start() {
      return from.atStartOfDay(zone).toInstant();
    }

    public Instant end() {
      return to.plusDays(1).atStartOfDay(zone).toInstant();
    }

    /** The number of intervals (a 23-hour DST day has 46 half-hours). */
    public int intervals() {
      return (int) (Duration.between(start(), end()).toSeconds() / interval.toSeconds());
    }

    public Instant intervalStart(int k) {
      return start().plus(interval.multipliedBy(k));
    }
  }

  /**
   * Inbound contacts of {@code channel} offered per interval, every interval of the period included
   * (0 when none).
   */
  public static List<IntervalVolume> volumes(Store store, String channel, Period p) {
    double p0 = p.start().getEpochSecond();
    double len = p.interval().toSeconds();
    long[] counts = new long[p.intervals()];
    for (Object[] row :
        store.query(
            "SELECT FLOOR(("
                + epoch("arrived_at")
                + " - ?) / ?) AS b, COUNT(*) AS n"
                + " FROM contacts WHERE channel = ? AND direction = 'inbound' AND arrived_at >= ? AND arrived_at < ?"
                + " GROUP BY 1",
            p0,
            len,
            channel,
            p.start(),
            p.end())) {
      int b = (int) ((Number) row[0]).doubleValue();
      if (b >= 0 && b < counts.length) counts[b] += ((Number) row[1]).longValue();
    }
    List<IntervalVolume> out = new ArrayList<>();
    for (int k = 0; k < counts.length; k++) {
      out.add(new IntervalVolume(p.intervalStart(k), p.interval(), counts[k]));
    }
    return out;
  }

  /**
   * Mean handle time (talk + hold + wrap) of answered inbound contacts of {@code channel} in the
   * period, as the {@code aht} KPI counts it; empty when none was answered.
   */
  public static OptionalDouble aht(Store store, String channel, Period p) {
    List<Object[]> rows =
        store.query(
            "SELECT AVG(COALESCE(talk_s, 0) + COALESCE(hold_s, 0) + COALESCE(wrap_s, 0))"
                + " FROM contacts WHERE channel = ? AND direction = 'inbound' AND answered_at IS NOT NULL"
                + " AND arrived_at >= ? AND arrived_at < ?",
            channel,
            p.start(),
            p.end());
    Object v = rows.isEmpty() ? null : rows.get(0)[0];
    return v == null ? OptionalDouble.empty() : OptionalDouble.of(((Number) v).doubleValue());
  }

  /**
   * Mean patience of inbound customers of {@code channel} in the period ({@link Patience}): the
   * waits of answered contacts (to answered_at) and of abandoned ones (to abandoned_at), over the
   * number abandoned.
   */
  public static Patience patience(Store store, String channel, Period p) {
    List<Object[]> rows =
        store.query(
            "SELECT"
                + " SUM(CASE WHEN answered_at IS NOT NULL THEN "
                + epoch("answered_at")
                + " - "
                + epoch("arrived_at")
                + " WHEN abandoned_at IS NOT NULL THEN "
                + epoch("abandoned_at")
                + " - "
                + epoch("arrived_at")
                + " END),"
                + " SUM(CASE WHEN answered_at IS NULL AND abandoned_at IS NOT NULL THEN 1 ELSE 0 END)"
                + " FROM contacts WHERE channel = ? AND direction = 'inbound' AND arrived_at >= ? AND arrived_at < ?",
            channel,
            p.start(),
            p.end());
    Object[] r = rows.get(0);
    double waits = r[0] == null ? 0 : ((Number) r[0]).doubleValue();
    long abandoned = r[1] == null ? 0 : ((Number) r[1]).longValue();
    return Patience.estimate(waits, abandoned);
  }

  /**
   * Agents logged in per interval start: the agent-seconds spent available, busy or in wrap within
   * the interval over its length (2.5 = two agents all the interval and one half of it). Agents
   * count for {@code channel} when they handled at least one of its contacts in the period (agent
   * states carry no channel).
   *
   * <p>The SQL returns only per-interval counts and sums of the clipped start and end times; with
   * F(T) the logged-in agent-seconds before T, {@code F(T) = Σ_{start<T} (T - start) - Σ_{end<T} (T
   * - end)}, and an interval's agent-seconds are F(its end) - F(its start). So one state spanning
   * many intervals costs one row, not many.
   */
  public static Map<Instant, Double> loggedIn(Store store, String channel, Period p) {
    double p0 = p.start().getEpochSecond();
    double len = p.interval().toSeconds();
    int k = p.intervals();
    double total = k * len;
    long[] startCount = new long[k + 1];
    double[] startSum = new double[k + 1];
    long[] endCount = new long[k + 1];
    double[] endSum = new double[k + 1];
    String sql =
        "WITH c AS (SELECT GREATEST("
            + epoch("started_at")
            + " - ?, 0) AS s,"
            + " LEAST("
            + epoch("ended_at")
            + " - ?, ?) AS e FROM agent_states"
            + " WHERE state IN ('available', 'busy', 'wrap') AND ended_at > ? AND started_at < ?"
            + " AND agent_id IN (SELECT agent_id FROM contacts WHERE channel = ? AND agent_id IS NOT NULL"
            + " AND arrived_at >= ? AND arrived_at < ?)),"
            + " x AS (SELECT s, e, FLOOR(s / ?) AS sb, FLOOR(e / ?) AS eb FROM c)"
            + " SELECT 0 AS kind, sb AS b, COUNT(*) AS n, SUM(s) AS t FROM x GROUP BY sb"
            + " UNION ALL SELECT 1, eb, COUNT(*), SUM(e) FROM x GROUP BY eb";
    for (Object[] row :
        store.query(
            sql, p0, p0, total, p.start(), p.end(), channel, p.start(), p.end(), len, len)) {
      int kind = ((Number) row[0]).intValue();
      int b = Math.min(k, (int) ((Number) row[1]).doubleValue());
      long n = ((Number) row[2]).longValue();
      double t = ((Number) row[3]).doubleValue();
      if (kind == 0) {
        startCount[b] += n;
        startSum[b] += t;
      } else {
        endCount[b] += n;
        endSum[b] += t;
      }
    }
    Map<Instant, Double> out = new LinkedHashMap<>();
    long starts = 0;
    double startTotal = 0;
    long ends = 0;
    double endTotal = 0;
    double before = 0; // F at the current interval's start
    for (int i = 0; i < k; i++) {
      starts += startCount[i];
      startTotal += startSum[i];
      ends += endCount[i];
      endTotal += endSum[i];
      double t = (i + 1) * len;
      double f = t * starts - startTotal - (t * ends - endTotal);
      out.put(p.intervalStart(i), Math.max(0, (f - before) / len));
      before = f;
    }
    return out;
  }
}
