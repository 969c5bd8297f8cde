package io.yardstick.kpi;

import io.yardstick.YardstickException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * A question for the KPI engine: which KPIs, over which local dates (both inclusive), in which zone. The period is
 * [from 00:00, to+1 00:00) local time, whatever daylight-saving does in between: a local day may last 23 or 25 hours.
 */
public record KpiQuery(LocalDate from, LocalDate to, ZoneId zone, List<Kpi> kpis) {
  public KpiQuery {
    if (to.isBefore(from)) {
      throw new YardstickException("The period ends (" + to + ") before it starts (" + from + "); give --to on or after --from.");
    }
    kpis = List.copyOf(kpis);
  }

  /** The first instant of the period: local midnight starting {@code from} (or the first valid time, in a DST gap). */
  public Instant start() {
    return from.atStartOfDay(zone).toInstant();
  }

  /** The first instant after the period: local midnight after {@code to}. */
  public Instant end() {
    return to.plusDays(1).atStartOfDay(zone).toInstant();
  }
}
