package io.yardstick.kpi;

import io.yardstick.YardstickException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * A question for the KPI engine: which KPIs, over which local dates (both inclusive), in which
 * zone, grouped and filtered how. The period is [from 00:00, to+1 00:00) local time, whatever
 * daylight-saving does in between: a local day may last 23 or 25 hours.
 *
 * <pre>{@code
 * KpiQuery q = KpiQuery.of(LocalDate.parse("2026-03-01"), LocalDate.parse("2026-03-31"), ZoneId.of("Europe/Madrid"))
 *     .withKpis(List.of(Kpi.ASA, Kpi.SERVICE_LEVEL))
 *     .withGroupBy(List.of(Dimension.of("channel")))
 *     .withFilters(List.of(Filter.parse("queue=billing")));
 * }</pre>
 *
 * @param groupBy dimensions to group by; the result always has the overall row first
 * @param filters all must hold (each one: any of its values)
 * @param comparePrevious also compute the period of the same length just before
 * @param businessHours the name of a business-hours calendar for frt_* and resolution_time_*, or
 *     null for clock time
 */
public record KpiQuery(
    LocalDate from,
    LocalDate to,
    ZoneId zone,
    List<Kpi> kpis,
    List<Dimension> groupBy,
    List<Filter> filters,
    boolean comparePrevious,
    String businessHours) {
  public KpiQuery {
    if (to.isBefore(from)) {
      throw new YardstickException(
          "The period ends ("
              + to
              + ") before it starts ("
              + from
              + "); give {to} on or after {from}.");
    }
    kpis = List.copyOf(kpis);
    groupBy = List.copyOf(groupBy);
    filters = List.copyOf(filters);
    if (groupBy.stream().map(Dimension::name).distinct().count() < groupBy.size()) {
      throw new YardstickException(
          "{by} names a dimension twice: "
              + groupBy.stream().map(Dimension::name).toList()
              + "; give each once.");
    }
  }

  /** The first and last day a person's question can ask about. */
  public static final LocalDate FIRST_DAY = LocalDate.of(1900, 1, 1);

  public static final LocalDate LAST_DAY = LocalDate.of(2199, 12, 31);

  /**
   * Refuses a period a person asked for that reaches past {@link #FIRST_DAY} or {@link #LAST_DAY}
   * (a typo: no one's data is there, and year 10000 cannot even be written in SQL). Both faces call
   * it on the days they read; the previous period of a question may reach further back.
   */
  public static void checkDays(LocalDate from, LocalDate to) {
    for (LocalDate day : List.of(from, to)) {
      if (day.isBefore(FIRST_DAY) || day.isAfter(LAST_DAY)) {
        throw new YardstickException(
            "{"
                + (day == from ? "from" : "to")
                + "}: "
                + day
                + " is outside the days a question can ask about, "
                + FIRST_DAY
                + " to "
                + LAST_DAY
                + ".");
      }
    }
  }

  public KpiQuery(LocalDate from, LocalDate to, ZoneId zone, List<Kpi> kpis) {
    this(from, to, zone, kpis, List.of(), List.of(), false, null);
  }

  /** Every KPI of the catalog, overall, no filters. */
  public static KpiQuery of(LocalDate from, LocalDate to, ZoneId zone) {
    return new KpiQuery(from, to, zone, List.of(Kpi.values()));
  }

  public KpiQuery withKpis(List<Kpi> kpis) {
    return new KpiQuery(from, to, zone, kpis, groupBy, filters, comparePrevious, businessHours);
  }

  public KpiQuery withGroupBy(List<Dimension> groupBy) {
    return new KpiQuery(from, to, zone, kpis, groupBy, filters, comparePrevious, businessHours);
  }

  public KpiQuery withFilters(List<Filter> filters) {
    return new KpiQuery(from, to, zone, kpis, groupBy, filters, comparePrevious, businessHours);
  }

  public KpiQuery withComparePrevious(boolean comparePrevious) {
    return new KpiQuery(from, to, zone, kpis, groupBy, filters, comparePrevious, businessHours);
  }

  public KpiQuery withBusinessHours(String businessHours) {
    return new KpiQuery(from, to, zone, kpis, groupBy, filters, comparePrevious, businessHours);
  }

  /**
   * The same question over the period of the same number of days that ends the day before this one
   * starts.
   */
  public KpiQuery previous() {
    long days = days();
    return new KpiQuery(
        from.minusDays(days),
        from.minusDays(1),
        zone,
        kpis,
        groupBy,
        filters,
        false,
        businessHours);
  }

  /** The number of local days in the period. */
  public long days() {
    return ChronoUnit.DAYS.between(from, to) + 1;
  }

  /**
   * The first instant of the period: local midnight starting {@code from} (or the first valid time,
   * in a DST gap).
   */
  public Instant start() {
    return from.atStartOfDay(zone).toInstant();
  }

  /** The first instant after the period: local midnight after {@code to}. */
  public Instant end() {
    return to.plusDays(1).atStartOfDay(zone).toInstant();
  }
}
