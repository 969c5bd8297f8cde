package io.yardstick.server.api;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.yardstick.Parse;
import io.yardstick.YardstickException;
import io.yardstick.kpi.Base;
import io.yardstick.kpi.Consistency;
import io.yardstick.kpi.DataExtent;
import io.yardstick.kpi.Dimension;
import io.yardstick.kpi.Drilldown;
import io.yardstick.kpi.Filter;
import io.yardstick.kpi.Kpi;
import io.yardstick.kpi.KpiEngine;
import io.yardstick.kpi.KpiJson;
import io.yardstick.kpi.KpiQuery;
import io.yardstick.kpi.KpiSettings;
import io.yardstick.kpi.Settling;
import io.yardstick.kpi.TeamAverage;
import io.yardstick.kpi.TopTopics;
import io.yardstick.server.auth.Auth;
import io.yardstick.store.Store;
import io.yardstick.store.StoreException;
import io.yardstick.user.Role;
import io.yardstick.user.User;
import io.yardstick.user.Users;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON API of KPIs: values, series, catalog, agents, consistency, topics and drill-down (users,
 * log-in and tokens are {@link UserRoutes}, a customer's erasure {@link CustomerRoutes}).
 */
public final class Routes {
  private final Store store;
  private final KpiSettings settings;
  private final Users users;
  private final ResultCache cache;

  public Routes(Store store, KpiSettings settings, Users users) {
    this.store = store;
    this.settings = settings;
    this.users = users;
    this.cache = new ResultCache(settings.limits().cacheBytes());
  }

  public void register(Javalin app) {

    app.get("/api/kpis", ctx -> ctx.json(KpiJson.catalog(settings)));
    app.get(
        "/api/kpi",
        ctx ->
            ctx.json(
                KpiJson.result(
                    engine()
                        .compute(ApiParams.query(ctx, Auth.user(ctx), List.of(Kpi.values()))))));
    app.get("/api/series", this::series);
    app.get("/api/agents", this::agents);
    app.get("/api/agents/{agent}", this::agent);
    app.get("/api/consistency", this::consistency);
    app.get("/api/topics", this::topics);
    app.get("/api/contacts", this::contacts);
    app.get("/api/extent", this::extent);
  }

  private KpiEngine engine() {
    return new KpiEngine(store, settings, cache);
  }

  /** Time series: {@code unit} (hour, day, week, month; default day) then any {@code by}. */
  private void series(Context ctx) {
    String unit = ctx.queryParamAsClass("unit", String.class).getOrDefault("day");
    Dimension time;
    try {
      time = Dimension.of(unit);
    } catch (YardstickException e) {
      time = null;
    }
    if (time == null || time.kind() != Dimension.Kind.TIME) {
      throw ApiException.badRequest(
          "Parameter 'unit': '"
              + unit
              + "' is not a time bucket; expected hour, day, week or"
              + " month.");
    }
    KpiQuery q = ApiParams.query(ctx, Auth.user(ctx), List.of(Kpi.CONTACTS));
    q.groupBy().stream()
        .filter(d -> d.kind() == Dimension.Kind.TIME)
        .findFirst()
        .ifPresent(
            d -> {
              // A series' time bucket is its unit; one in 'by' was dropped without a word.
              throw ApiException.badRequest(
                  "Parameter 'by': '"
                      + d.name()
                      + "' is a time bucket; a series takes it as 'unit' (unit="
                      + d.name()
                      + ").");
            });
    List<Dimension> by = new ArrayList<>();
    by.add(time);
    q.groupBy().stream().filter(d -> d.kind() != Dimension.Kind.TIME).forEach(by::add);
    Map<String, Object> out = KpiJson.result(engine().compute(q.withGroupBy(by)));
    if (q.kpis().stream().anyMatch(k -> k.bases().contains(Base.CASES))) {
      // The days whose cases are still settling, for the pages to show as such (issue 12, part 9).
      java.time.LocalDate from =
          settling
              .get(
                  new ExtentKey(store.dataVersion(), q.zone()),
                  k -> java.util.Optional.ofNullable(Settling.unsettledFrom(store, k.zone())))
              .orElse(null);
      out.put("unsettled_from", from == null ? null : from.toString());
    }
    ctx.json(out);
  }

  private final com.github.benmanes.caffeine.cache.Cache<
          ExtentKey, java.util.Optional<java.time.LocalDate>>
      settling = com.github.benmanes.caffeine.cache.Caffeine.newBuilder().maximumSize(50).build();

  /** Agent scorecards: every agent KPI by agent (an agent sees their own row only). */
  private void agents(Context ctx) {
    KpiQuery q = ApiParams.query(ctx, Auth.user(ctx), Consistency.agentKpis());
    ctx.json(KpiJson.result(engine().compute(q.withGroupBy(List.of(Dimension.of("agent"))))));
  }

  /** One agent's report: their KPIs, their team's, and both by week. */
  private void agent(Context ctx) {
    User user = Auth.user(ctx);
    String agent = ctx.pathParam("agent");
    if (!user.seesEveryone() && !agent.equals(user.agentId())) {
      throw ApiException.forbidden(
          "An agent may read only their own report (" + user.agentId() + ").");
    }
    if (user.teamScoped() && !users.leads(user.name(), agent)) {
      throw ApiException.forbidden(
          "A team lead may read the reports of their teams' agents only (teams "
              + String.join(", ", user.teams())
              + ").");
    }
    KpiQuery base = ApiParams.query(ctx, user, Consistency.agentKpis());
    List<Filter> others = new ArrayList<>(base.filters());
    others.removeIf(f -> f.dimension().name().equals("agent"));
    List<Filter> mine = new ArrayList<>(others);
    mine.add(new Filter(Dimension.of("agent"), List.of(agent), null, null));
    String team = TeamAverage.teamOf(store, agent).orElse(null);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("agent", agent);
    out.put("team", team);
    KpiEngine engine = engine();
    List<Dimension> week = List.of(Dimension.of("week"));
    out.put("kpis", KpiJson.result(engine.compute(base.withFilters(mine))));
    out.put(
        "series",
        KpiJson.result(
            engine.compute(base.withFilters(mine).withGroupBy(week).withComparePrevious(false))));
    if (team != null && user.seesEveryone()) {
      List<Filter> teamFilters = new ArrayList<>(others);
      teamFilters.add(new Filter(Dimension.of("team"), List.of(team), null, null));
      out.put("team_kpis", KpiJson.result(engine.compute(base.withFilters(teamFilters))));
      out.put("team_per_agent", teamPerAgent(engine, base.withFilters(teamFilters)));
      out.put(
          "team_series",
          KpiJson.result(
              engine.compute(
                  base.withFilters(teamFilters).withGroupBy(week).withComparePrevious(false))));
    } else if (team != null) {
      // An agent compares with the team average without seeing colleagues one by one.
      List<Filter> teamFilters = new ArrayList<>(others);
      teamFilters.add(new Filter(Dimension.of("team"), List.of(team), null, null));
      KpiQuery teamQuery =
          new KpiQuery(
              base.from(),
              base.to(),
              base.zone(),
              base.kpis(),
              List.of(),
              teamFilters,
              base.comparePrevious(),
              base.businessHours());
      // ... and only when the slice holds enough colleagues that no one of them can be read from it
      // (issue 11).
      java.util.Optional<String> withheld = settings.privacy().withheld(engine, teamQuery, agent);
      out.put("team_kpis", withheld.isPresent() ? null : KpiJson.result(engine.compute(teamQuery)));
      out.put("team_per_agent", withheld.isPresent() ? null : teamPerAgent(engine, teamQuery));
      out.put("team_withheld", withheld.orElse(null));
    }
    ctx.json(out);
  }

  /** The team's counts per agent with contacts, to stand beside one agent's counts. */
  private static Map<String, Object> teamPerAgent(KpiEngine engine, KpiQuery team) {
    TeamAverage.Counts c = TeamAverage.of(engine, team);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("agents", c.agents());
    out.put("kpis", c.perAgent());
    return out;
  }

  private void consistency(Context ctx) {
    User user = Auth.requireRole(ctx, Role.ADMIN, Role.MANAGER);
    KpiQuery q = ApiParams.query(ctx, user, Consistency.agentKpis());
    int min = ApiParams.integer(ctx, "min_contacts", 20, 0, 1_000_000);
    String splitParam = ctx.queryParam("split");
    Consistency.Split split;
    try {
      split =
          splitParam == null || splitParam.isBlank()
              ? Consistency.Split.CHANNEL
              : Consistency.Split.parse(splitParam);
    } catch (YardstickException e) {
      throw ApiException.badRequest("Parameter 'split': " + e.getMessage());
    }
    ctx.json(KpiJson.consistency(Consistency.of(engine(), q, min, split)));
  }

  private void topics(Context ctx) {
    User user = Auth.requireRole(ctx, Role.ADMIN, Role.MANAGER);
    KpiQuery q = ApiParams.query(ctx, user, List.of(Kpi.CONTACTS));
    int limit = ApiParams.integer(ctx, "limit", 20, 0, 10_000);
    ctx.json(KpiJson.topics(TopTopics.of(engine(), q), limit));
  }

  /**
   * The rows behind a number: period, filters, optionally a KPI whose rows they are (its surveys,
   * cases, agent states or costs, as the catalog's {@code Kpi.rows} says); paged. Without a KPI,
   * the contacts of the period.
   */
  private void contacts(Context ctx) {
    User user = Auth.user(ctx);
    KpiQuery q = ApiParams.query(ctx, user, List.of(Kpi.CONTACTS));
    Kpi kpi = null;
    String id = ctx.queryParam("kpi");
    if (id != null && !id.isBlank()) {
      kpi = ApiParams.parsed("kpi", () -> Parse.kpi(id));
    }
    int page = ApiParams.integer(ctx, "page", 0, 0, 1_000_000);
    int size = ApiParams.integer(ctx, "size", 50, 1, Drilldown.MAX_PAGE_SIZE);
    Drilldown.Page p;
    try {
      p = Drilldown.of(store, settings, q, kpi, page, size);
    } catch (StoreException e) {
      throw e; // a store failure is the server's: 500 with an error id, its SQL only in the log
    } catch (YardstickException e) {
      throw ApiException.badRequest(e.getMessage());
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("kpi", kpi == null ? null : kpi.id());
    out.put("rows_of", p.rowsOf());
    out.put("denominator", p.denominator());
    out.put("total", p.total());
    out.put("page", p.page());
    out.put("size", p.size());
    out.put("columns", p.columns());
    out.put("rows", p.rows());
    ctx.json(out);
  }

  /**
   * What the store holds, for the pages' period and filter choices: first and last day in tz,
   * values per field.
   */
  private void extent(Context ctx) {
    User user = Auth.user(ctx);
    java.time.ZoneId zone = ApiParams.zone(ctx);
    DataExtent e =
        extents.get(new ExtentKey(store.dataVersion(), zone), k -> DataExtent.of(store, zone));
    Map<String, Object> values = new LinkedHashMap<>(e.values());
    // An agent's questions are about their own contacts only, so only their own agent id is
    // offered.
    if (!user.seesEveryone()) values.put("agent", List.of(user.agentId()));
    if (user.teamScoped()) values.put("team", user.teams());
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("tz", zone.getId());
    out.put("first", e.first() == null ? null : e.first().toString());
    out.put("last", e.last() == null ? null : e.last().toString());
    out.put("values", values);
    ctx.json(out);
  }

  private record ExtentKey(long version, java.time.ZoneId zone) {}

  private final com.github.benmanes.caffeine.cache.Cache<ExtentKey, DataExtent> extents =
      com.github.benmanes.caffeine.cache.Caffeine.newBuilder().maximumSize(50).build();
}
