package io.yardstick.report;

import io.yardstick.staffing.StaffingException;
import io.yardstick.staffing.StaffingPlan;
import io.yardstick.staffing.StaffingPlanner;
import io.yardstick.staffing.StaffingTarget;
import io.yardstick.store.Store;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The staffing heat map of a dashboard panel (issue 16): the agents one channel needed, weekday by
 * hour, from the contacts that came in the report's period. Each hour of each day is staffed by the
 * staffing planner (Erlang C for 80% answered within 20 s, the channel's own AHT over the period,
 * docs/staffing.md); a cell is the mean over the period's days of that weekday, so a month reads as
 * its typical week.
 *
 * <pre>{@code
 * StaffingHeatmap m = StaffingHeatmap.of(store, "phone", from, to, zone);
 * m.agents()[0][9];  // Mondays, the 10th hour shown
 * }</pre>
 *
 * @param days Monday to Sunday
 * @param times the hours shown: from the first to the last with any agent needed
 * @param agents by day, then by time; null where the period has no such weekday
 * @param aht the handle time the staffing used, or null when the channel had none
 */
public record StaffingHeatmap(
    String channel,
    int intervalMinutes,
    double serviceLevel,
    double answerSeconds,
    List<DayOfWeek> days,
    List<LocalTime> times,
    Double[][] agents,
    Double aht,
    LocalDate from,
    LocalDate to) {
  /** The longest run of days a heat map is made from: the last ones of a longer period. */
  public static final int MAX_DAYS = 93;

  public static final double SERVICE_LEVEL = 0.8;
  public static final double ANSWER_SECONDS = 20;

  /** Whether any agent was needed (false: no contacts, or no handle time to staff them with). */
  public boolean isEmpty() {
    return times.isEmpty();
  }

  /** The largest cell, 0 when empty. */
  public double max() {
    double m = 0;
    for (Double[] row : agents) for (Double v : row) if (v != null) m = Math.max(m, v);
    return m;
  }

  public static StaffingHeatmap of(
      Store store, String channel, LocalDate from, LocalDate to, ZoneId zone) {
    LocalDate start = to.minusDays(MAX_DAYS - 1).isAfter(from) ? to.minusDays(MAX_DAYS - 1) : from;
    List<DayOfWeek> days = Arrays.asList(DayOfWeek.values());
    StaffingTarget target = StaffingTarget.serviceLevel(SERVICE_LEVEL, ANSWER_SECONDS).build();
    StaffingPlanner.Result result;
    try {
      result =
          new StaffingPlanner(
                  store,
                  r -> {
                    throw new IllegalStateException("a history plan makes no forecast");
                  })
              .plan(
                  new StaffingPlanner.Request(
                      StaffingPlanner.Source.HISTORY,
                      channel,
                      start,
                      to,
                      zone,
                      60,
                      null,
                      false,
                      target));
    } catch (StaffingException e) {
      return new StaffingHeatmap(
          channel,
          60,
          SERVICE_LEVEL,
          ANSWER_SECONDS,
          days,
          List.of(),
          new Double[7][0],
          null,
          start,
          to);
    }
    double[][] sum = new double[7][24];
    int[][] n = new int[7][24];
    for (StaffingPlan.Row r : result.plan().rows()) {
      ZonedDateTime t = r.volume().start().atZone(zone);
      int d = t.getDayOfWeek().getValue() - 1;
      // On the autumn change day two intervals share a local hour: both count towards it.
      sum[d][t.getHour()] += r.agents();
      n[d][t.getHour()]++;
    }
    int first = 24;
    int last = -1;
    for (int d = 0; d < 7; d++) {
      for (int h = 0; h < 24; h++) {
        if (sum[d][h] > 0) {
          first = Math.min(first, h);
          last = Math.max(last, h);
        }
      }
    }
    List<LocalTime> times = new ArrayList<>();
    for (int h = first; h <= last; h++) times.add(LocalTime.of(h, 0));
    Double[][] agents = new Double[7][times.size()];
    // How many of each weekday the period holds: the mean is over those days, an hour without
    // contacts counting 0 agents.
    int[] weekdays = new int[7];
    for (LocalDate d = start; !d.isAfter(to); d = d.plusDays(1))
      weekdays[d.getDayOfWeek().getValue() - 1]++;
    for (int d = 0; d < 7; d++) {
      for (int i = 0; i < times.size(); i++) {
        int h = first + i;
        agents[d][i] = weekdays[d] == 0 ? null : n[d][h] == 0 ? 0.0 : sum[d][h] / weekdays[d];
      }
    }
    return new StaffingHeatmap(
        channel,
        60,
        SERVICE_LEVEL,
        ANSWER_SECONDS,
        days,
        List.copyOf(times),
        agents,
        result.ahtSeconds(),
        start,
        to);
  }
}
