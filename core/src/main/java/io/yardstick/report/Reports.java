package io.yardstick.report;

import io.yardstick.YardstickException;
import io.yardstick.goal.GoalTracker;
import io.yardstick.goal.Goals;
import io.yardstick.kpi.Dimension;
import io.yardstick.kpi.Filter;
import io.yardstick.kpi.Kpi;
import io.yardstick.kpi.KpiEngine;
import io.yardstick.kpi.KpiQuery;
import io.yardstick.store.Store;
import io.yardstick.user.User;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Computes a {@link Report} from a saved view: resolves its period on the local day of an instant
 * in the view's zone, restricts it to what the person may see (an agent to their own contacts, a
 * lead to their teams', whatever the view says, as the API does for every query), and asks the
 * engine once per section.
 *
 * <pre>{@code
 * Report r = new Reports(store, engine).compute(view, user, clock.instant());
 * }</pre>
 */
public final class Reports {
  /** The longest period a report covers, so that a trend's daily buckets stay bounded. */
  public static final int MAX_DAYS = 366;

  private final Store store;
  private final KpiEngine engine;

  public Reports(Store store, KpiEngine engine) {
    this.store = store;
    this.engine = engine;
  }

  /**
   * The report of the view as {@code user} sees it, with its period resolved on {@code at}'s day in
   * the view's zone.
   */
  public Report compute(SavedView view, User user, Instant at) {
    LocalDate today = LocalDate.ofInstant(at, view.zone());
    Period.Dates dates = view.period().resolve(today);
    if (java.time.temporal.ChronoUnit.DAYS.between(dates.from(), dates.to()) + 1 > MAX_DAYS) {
      throw new YardstickException(
          "The view's {period} "
              + dates.from()
              + ".."
              + dates.to()
              + " is longer than "
              + MAX_DAYS
              + " days, the most a report covers.");
    }
    List<Filter> restriction = new ArrayList<>();
    if (!user.seesEveryone())
      restriction.add(new Filter(Dimension.of("agent"), List.of(user.agentId()), null, null));
    if (user.teamScoped())
      restriction.add(new Filter(Dimension.of("team"), user.teams(), null, null));
    List<Filter> base = new ArrayList<>();
    for (String f : view.filters()) {
      Filter filter = Filter.parse(f);
      if (!user.seesEveryone() && filter.dimension().name().equals("agent"))
        continue; // an agent's own id replaces it
      base.add(filter);
    }
    if (view.page().equals("agent") && view.arg() != null && user.seesEveryone()) {
      base.add(new Filter(Dimension.of("agent"), List.of(view.arg()), null, null));
    }
    base.addAll(restriction);
    KpiQuery q =
        new KpiQuery(
            dates.from(),
            dates.to(),
            view.zone(),
            view.kpis(),
            List.of(),
            base,
            view.compare(),
            null);
    List<Report.Section> sections = new ArrayList<>();
    if (view.isDashboard()) {
      for (Panel p : view.panels()) sections.add(section(p, q, today));
    } else {
      sections.add(new Report.Section(Panel.Type.TILES, null, List.of(), engine.compute(q), null));
      List<String> by = view.groupBy().isEmpty() ? pageDimension(view.page()) : view.groupBy();
      if (!by.isEmpty()) {
        sections.add(
            new Report.Section(
                Panel.Type.BREAKDOWN,
                null,
                List.of(),
                engine.compute(
                    q.withComparePrevious(false)
                        .withGroupBy(by.stream().map(Dimension::of).toList())),
                null));
      }
      sections.add(
          new Report.Section(
              Panel.Type.TREND,
              null,
              List.of(),
              engine.compute(
                  q.withComparePrevious(false).withGroupBy(List.of(Dimension.of("day")))),
              null));
    }
    return new Report(
        view,
        dates.from(),
        dates.to(),
        at,
        restriction.stream().map(Reports::text).toList(),
        sections,
        engine.settings().benchmarks());
  }

  private Report.Section section(Panel p, KpiQuery viewQuery, LocalDate today) {
    List<Kpi> kpis = p.kpis().isEmpty() ? viewQuery.kpis() : p.kpis();
    List<Filter> filters = new ArrayList<>(viewQuery.filters());
    p.filters().forEach(f -> filters.add(Filter.parse(f)));
    KpiQuery q = viewQuery.withKpis(kpis).withFilters(filters);
    return switch (p.type()) {
      case TILES -> new Report.Section(p.type(), p.title(), p.filters(), engine.compute(q), null);
      case TREND ->
          new Report.Section(
              p.type(),
              p.title(),
              p.filters(),
              engine.compute(
                  q.withComparePrevious(false).withGroupBy(List.of(Dimension.of("day")))),
              null);
      case BREAKDOWN ->
          new Report.Section(
              p.type(),
              p.title(),
              p.filters(),
              engine.compute(
                  q.withComparePrevious(false).withGroupBy(List.of(Dimension.of(p.by())))),
              null);
      case HEATMAP ->
          new Report.Section(
              p.type(),
              p.title(),
              p.filters(),
              null,
              null,
              StaffingHeatmap.of(
                  store, p.channel(), viewQuery.from(), viewQuery.to(), viewQuery.zone()));
      case GOAL -> {
        Goals goals =
            new Goals(
                store,
                Clock.fixed(today.atStartOfDay(viewQuery.zone()).toInstant(), viewQuery.zone()));
        var goal = goals.get(p.goalId());
        yield new Report.Section(
            p.type(),
            p.title() == null ? goal.name() : p.title(),
            List.of(),
            null,
            new GoalTracker(
                    engine, Clock.fixed(today.atStartOfDay(goal.zone()).toInstant(), goal.zone()))
                .track(goal));
      }
    };
  }

  /** The dimension a page breaks its numbers down by. */
  static List<String> pageDimension(String page) {
    return switch (page) {
      case "channels" -> List.of("channel");
      case "queues" -> List.of("queue");
      case "topics" -> List.of("topic");
      case "agents" -> List.of("agent");
      default -> List.of();
    };
  }

  static String text(Filter f) {
    if (!f.isRange()) return f.dimension().name() + "=" + String.join(",", f.values());
    return f.dimension().name()
        + "="
        + (f.low() == null ? "" : io.yardstick.Parse.number(f.low()))
        + ".."
        + (f.high() == null ? "" : io.yardstick.Parse.number(f.high()));
  }
}
