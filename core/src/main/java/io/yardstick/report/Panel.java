package io.yardstick.report;

import io.yardstick.YardstickException;
import io.yardstick.kpi.Dimension;
import io.yardstick.kpi.Filter;
import io.yardstick.kpi.Kpi;
import java.util.List;
import java.util.Locale;

/**
 * One panel of a dashboard, placed on a 12-column grid: KPI tiles, a trend (the KPIs by day), a
 * breakdown table (the KPIs by a dimension), a goal, or the staffing heat map of one channel (its
 * filters name it: {@code channel=phone}; see {@link StaffingHeatmap}). Its KPIs and filters are
 * its own, or (empty) the dashboard's; its filters add to the dashboard's.
 *
 * @param x column, 0-11
 * @param y row, from 0
 * @param w width in columns, 1-12 (x + w at most 12)
 * @param h height in rows, 1-12
 */
public record Panel(
    Type type,
    String title,
    List<Kpi> kpis,
    List<String> filters,
    String by,
    Long goalId,
    int x,
    int y,
    int w,
    int h) {
  /** The kinds of panel. */
  public enum Type {
    TILES,
    TREND,
    BREAKDOWN,
    GOAL,
    HEATMAP;

    public String id() {
      return name().toLowerCase(Locale.ROOT);
    }

    public static Type of(String text) {
      for (Type t : values()) {
        if (t.id().equals(text)) return t;
      }
      throw new YardstickException(
          "'"
              + text
              + "' is not a {panel} type; expected tiles, trend, breakdown, goal or heatmap.");
    }
  }

  public Panel {
    if (type == null)
      throw new YardstickException(
          "A {panel} needs a type: tiles, trend, breakdown, goal or heatmap.");
    kpis = kpis == null ? List.of() : List.copyOf(kpis);
    filters = filters == null ? List.of() : List.copyOf(filters);
    title = title == null || title.isBlank() ? null : title.strip();
    if (title != null) SavedView.checkText("panel title", title);
    filters.forEach(Filter::parse);
    if (type == Type.BREAKDOWN) {
      if (by == null || by.isBlank()) {
        throw new YardstickException(
            "A breakdown {panel} needs by, a dimension such as channel or queue.");
      }
      Dimension.of(by);
    } else if (by != null) {
      throw new YardstickException(
          "Only a breakdown {panel} has by; a " + type.id() + " panel has none.");
    }
    if (type == Type.HEATMAP && heatmapChannel(filters) == null) {
      throw new YardstickException(
          "A heatmap {panel} needs where with one channel, such as channel=phone: the channel to"
              + " staff.");
    }
    if (type == Type.GOAL && goalId == null)
      throw new YardstickException("A goal {panel} needs goal, a goal id.");
    if (x < 0 || x > 11 || w < 1 || w > 12 || x + w > 12 || y < 0 || y > 200 || h < 1 || h > 12) {
      throw new YardstickException(
          "A {panel} at x="
              + x
              + ", y="
              + y
              + ", w="
              + w
              + ", h="
              + h
              + " does not fit the"
              + " grid: 12 columns (x 0-11, x + w at most 12), y 0-200, h 1-12.");
    }
  }

  /** The one channel a heatmap panel's filters name ({@code channel=phone}), or null. */
  static String heatmapChannel(List<String> filters) {
    String channel = null;
    for (String f : filters) {
      Filter filter = Filter.parse(f);
      if (!filter.dimension().name().equals("channel")) continue;
      if (filter.isRange() || filter.values().size() != 1 || channel != null) return null;
      channel = filter.values().get(0);
    }
    return channel;
  }

  /** The channel a heatmap panel staffs. */
  public String channel() {
    return heatmapChannel(filters);
  }
}
