package io.yardstick.server.api;

import io.javalin.Javalin;
import io.javalin.http.Context;
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
import io.yardstick.server.auth.Sessions;
import io.yardstick.store.Store;
import io.yardstick.user.Role;
import io.yardstick.user.User;
import io.yardstick.user.Users;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The JSON API: KPI values, series, catalog, agents, consistency, topics, drill-down, users and tokens. */
public final class Routes {
  private final Store store;
  private final KpiSettings settings;
  private final Users users;
  private final Auth auth;
  private final Sessions sessions;
  private final ResultCache cache;
  private final io.yardstick.server.auth.LoginThrottle throttle;
  private final java.time.Clock clock;

  public Routes(Store store, KpiSettings settings, Users users, Auth auth, Sessions sessions, java.time.Clock clock) {
    this.store = store;
    this.settings = settings;
    this.users = users;
    this.auth = auth;
    this.sessions = sessions;
    this.cache = new ResultCache(settings.limits().cacheBytes());
    this.throttle = new io.yardstick.server.auth.LoginThrottle(clock);
    this.clock = clock;
  }

  public void register(Javalin app) {
    app.post("/api/login", this::login);
    app.post("/api/logout", ctx -> ctx.json(auth.logout(ctx)
        .<Map<String, Object>>map(url -> Map.of("ok", true, "logout_url", url)).orElse(Map.of("ok", true))));
    app.get("/api/me", this::me);
    app.post("/api/password", this::changePassword);
    app.get("/api/kpis", ctx -> ctx.json(KpiJson.catalog(settings)));
    app.get("/api/kpi", ctx -> ctx.json(KpiJson.result(engine().compute(ApiParams.query(ctx, Auth.user(ctx),
        List.of(Kpi.values()))))));
    app.get("/api/series", this::series);
    app.get("/api/agents", this::agents);
    app.get("/api/agents/{agent}", this::agent);
    app.get("/api/consistency", this::consistency);
    app.get("/api/topics", this::topics);
    app.get("/api/contacts", this::contacts);
    app.get("/api/extent", this::extent);
    app.get("/api/users", ctx -> {
      Auth.requireRole(ctx, Role.ADMIN);
      List<Object> list = new ArrayList<>();
      for (User u : users.list()) {
        list.add(userJson(u));
      }
      ctx.json(Map.of("users", list));
    });
    app.post("/api/users", this::addUser);
    app.delete("/api/customers/{id}", this::eraseCustomer);
    app.delete("/api/users/{name}", this::removeUser);
    app.post("/api/users/{name}/disable", ctx -> setDisabled(ctx, true));
    app.post("/api/users/{name}/enable", ctx -> setDisabled(ctx, false));
    app.post("/api/tokens", ctx -> {
      User u = Auth.user(ctx);
      Auth.requireSession(ctx, "Creating a token");
      Map<?, ?> body = ctx.bodyAsClass(Map.class);
      Object label = body.get("label");
      if (label != null && !(label instanceof String)) throw ApiException.badRequest("label: expected a string.");
      Object readOnly = body.get("read_only");
      if (readOnly != null && !(readOnly instanceof Boolean)) {
        throw ApiException.badRequest("read_only: expected true or false.");
      }
      Object days = body.get("expires_days");
      if (days != null && !(days instanceof Integer)) {
        throw ApiException.badRequest("expires_days: expected a whole number of days from 1 to " + Users.MAX_TOKEN_DAYS
            + ".");
      }
      AuditRoutes.detail(ctx, (label == null ? "" : "label " + label + ", ") + (Boolean.TRUE.equals(readOnly)
          ? "read-only" : "read-write") + (days == null ? "" : ", " + days + " days"));
      ctx.status(201).json(Map.of("token", users.createToken(u.name(), (String) label, Boolean.TRUE.equals(readOnly),
          (Integer) days), "note", "Shown once; send it as Authorization: Bearer TOKEN."));
    });
    app.get("/api/tokens", ctx -> {
      List<Object> out = new ArrayList<>();
      for (Users.Token t : users.tokens(Auth.user(ctx).name())) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", t.id());
        m.put("label", t.label());
        m.put("created_at", t.createdAt() == null ? null : t.createdAt().toString());
        m.put("read_only", t.readOnly());
        m.put("expires_at", t.expiresAt() == null ? null : t.expiresAt().toString());
        out.add(m);
      }
      ctx.json(Map.of("tokens", out));
    });
    app.delete("/api/tokens/{id}", ctx -> {
      if (!users.revokeToken(Auth.user(ctx).name(), ctx.pathParam("id"))) {
        throw ApiException.notFound("You have no token " + ctx.pathParam("id") + "; GET /api/tokens lists yours.");
      }
      ctx.status(204);
    });
  }

  private KpiEngine engine() {
    return new KpiEngine(store, settings, cache);
  }

  private void login(Context ctx) {
    Map<?, ?> body;
    try {
      body = ctx.bodyAsClass(Map.class);
    } catch (RuntimeException e) {
      throw ApiException.badRequest("The body must be JSON: {\"name\": \"...\", \"password\": \"...\"}.");
    }
    Object name = body.get("name");
    Object password = body.get("password");
    if (!(name instanceof String) || !(password instanceof String)) {
      throw ApiException.badRequest("The body needs name and password: {\"name\": \"...\", \"password\": \"...\"}.");
    }
    AuditRoutes.actor(ctx, ((String) name).strip().toLowerCase(java.util.Locale.ROOT));
    throttle.check((String) name, ClientAddress.of(ctx)); // locked out: refused before the password is even checked
    java.util.Optional<User> found = users.authenticate((String) name, (String) password);
    if (found.isEmpty()) {
      throttle.failed((String) name, ClientAddress.of(ctx));
      throw ApiException.unauthorized("The name or the password is wrong.");
    }
    throttle.succeeded((String) name);
    User user = found.get();
    Sessions.Session s = auth.login(ctx, user);
    Map<String, Object> out = userJson(user);
    out.put("csrf", s.csrf());
    ctx.json(out);
  }

  private void me(Context ctx) {
    User user = Auth.user(ctx);
    Map<String, Object> out = userJson(user);
    Auth.session(ctx).ifPresent(s -> out.put("csrf", s.csrf()));
    ctx.json(out);
  }

  private void changePassword(Context ctx) {
    User user = Auth.user(ctx);
    Auth.requireSession(ctx, "Changing the password");
    Map<?, ?> body = ctx.bodyAsClass(Map.class);
    Object current = body.get("current");
    Object next = body.get("new");
    if (current == null || next == null) {
      throw ApiException.badRequest("The body needs current and new: {\"current\": \"...\", \"new\": \"...\"}.");
    }
    throttle.check(user.name(), ClientAddress.of(ctx)); // the current password cannot be guessed here either
    if (users.authenticate(user.name(), current.toString()).isEmpty()) {
      throttle.failed(user.name(), ClientAddress.of(ctx));
      throw ApiException.forbidden("The current password is wrong.");
    }
    try {
      users.setPassword(user.name(), next.toString());
    } catch (io.yardstick.YardstickException e) {
      throw ApiException.badRequest(e.getMessage());
    }
    sessions.endAll(user.name());
    Sessions.Session s = auth.login(ctx, users.find(user.name()).orElseThrow());
    ctx.json(Map.of("ok", true, "csrf", s.csrf()));
  }

  /**
   * Erases a customer's records (admins): the answer and the audit log carry the counts, the audit log a hash of the id
   * (docs/security.md#erasure-and-retention).
   */
  private void eraseCustomer(Context ctx) {
    User admin = Auth.requireRole(ctx, Role.ADMIN);
    Store.Erased e = new io.yardstick.erasure.Erasures(store, clock).customer(ctx.pathParam("id"), admin.name(),
        ClientAddress.of(ctx));
    AuditRoutes.detail(ctx, e.describe());
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("contacts", e.contacts());
    out.put("surveys", e.surveys());
    out.put("call_outcomes", e.callOutcomes());
    out.put("customers", e.customers());
    out.put("customer_attributes", e.customerAttributes());
    ctx.json(out);
  }

  /** Disables a user (admins; not oneself): their sessions and tokens end; or enables them again. */
  private void setDisabled(Context ctx, boolean disabled) {
    User admin = Auth.requireRole(ctx, Role.ADMIN);
    String name = ctx.pathParam("name").strip().toLowerCase(java.util.Locale.ROOT);
    AuditRoutes.target(ctx, name);
    if (name.equals(admin.name())) throw ApiException.badRequest("You cannot disable yourself; ask another admin.");
    if (!users.setDisabled(name, disabled)) throw ApiException.notFound("There is no user named '" + name + "'.");
    if (disabled) sessions.endAll(name);
    ctx.json(Map.of("name", name, "disabled", disabled));
  }

  /** Removes a user (admins; not oneself): their sessions and API tokens end with them. */
  private void removeUser(Context ctx) {
    User admin = Auth.requireRole(ctx, Role.ADMIN);
    String name = ctx.pathParam("name").strip().toLowerCase(java.util.Locale.ROOT);
    if (name.equals(admin.name())) throw ApiException.badRequest("You cannot remove yourself; ask another admin.");
    if (!users.remove(name)) throw ApiException.notFound("There is no user named '" + name + "'.");
    sessions.endAll(name);
    ctx.status(204);
  }

  private void addUser(Context ctx) {
    Auth.requireRole(ctx, Role.ADMIN);
    Map<?, ?> body = ctx.bodyAsClass(Map.class);
    Object name = body.get("name");
    Object role = body.get("role");
    Object agent = body.get("agent_id");
    if (name == null || role == null) {
      throw ApiException.badRequest("The body needs name and role (admin, manager, lead or agent), agent_id for agents"
          + " and teams for leads.");
    }
    if (body.get("teams") != null && !(body.get("teams") instanceof List<?> l && l.stream()
        .allMatch(t -> t instanceof String))) {
      throw ApiException.badRequest("teams: expected a list of team names, such as [\"red\"].");
    }
    try {
      Role r = Role.of(role.toString());
      List<String> teams = body.get("teams") instanceof List<?> l ? l.stream().map(Object::toString).toList() : null;
      if (teams != null && r != Role.LEAD) throw ApiException.badRequest("Only a team lead (role lead) has teams.");
      String password = r == Role.LEAD ? users.addLead(name.toString(), teams == null ? List.of() : teams)
          : users.add(name.toString(), r, agent == null ? null : agent.toString());
      AuditRoutes.target(ctx, name.toString().strip().toLowerCase(java.util.Locale.ROOT));
      AuditRoutes.detail(ctx, "role " + Role.of(role.toString()).id());
      ctx.status(201).json(Map.of("name", name.toString().strip().toLowerCase(java.util.Locale.ROOT),
          "one_time_password", password));
    } catch (io.yardstick.YardstickException e) {
      throw ApiException.badRequest(e.getMessage());
    }
  }

  /** Time series: {@code unit} (hour, day, week, month; default day) then any {@code by}. */
  private void series(Context ctx) {
    String unit = ctx.queryParamAsClass("unit", String.class).getOrDefault("day");
    Dimension time;
    try {
      time = Dimension.of(unit);
    } catch (io.yardstick.YardstickException e) {
      time = null;
    }
    if (time == null || time.kind() != Dimension.Kind.TIME) {
      throw ApiException.badRequest("Parameter 'unit': '" + unit + "' is not a time bucket; expected hour, day, week or"
          + " month.");
    }
    KpiQuery q = ApiParams.query(ctx, Auth.user(ctx), List.of(Kpi.CONTACTS));
    List<Dimension> by = new ArrayList<>();
    by.add(time);
    q.groupBy().stream().filter(d -> d.kind() != Dimension.Kind.TIME).forEach(by::add);
    Map<String, Object> out = KpiJson.result(engine().compute(q.withGroupBy(by)));
    if (q.kpis().stream().anyMatch(k -> k.bases().contains(Base.CASES))) {
      // The days whose cases are still settling, for the pages to show as such (issue 12, part 9).
      java.time.LocalDate from = settling.get(new ExtentKey(store.dataVersion(), q.zone()),
          k -> java.util.Optional.ofNullable(Settling.unsettledFrom(store, k.zone()))).orElse(null);
      out.put("unsettled_from", from == null ? null : from.toString());
    }
    ctx.json(out);
  }

  private final com.github.benmanes.caffeine.cache.Cache<ExtentKey, java.util.Optional<java.time.LocalDate>> settling =
      com.github.benmanes.caffeine.cache.Caffeine.newBuilder().maximumSize(50).build();

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
      throw ApiException.forbidden("An agent may read only their own report (" + user.agentId() + ").");
    }
    if (user.teamScoped() && store.query("SELECT 1 FROM contacts WHERE agent_id = ? AND team IN (SELECT team FROM"
        + " user_teams WHERE user_name = ?) LIMIT 1", agent, user.name()).isEmpty()) {
      throw ApiException.forbidden("A team lead may read the reports of their teams' agents only (teams "
          + String.join(", ", user.teams()) + ").");
    }
    KpiQuery base = ApiParams.query(ctx, user, Consistency.agentKpis());
    List<Filter> others = new ArrayList<>(base.filters());
    others.removeIf(f -> f.dimension().name().equals("agent"));
    List<Filter> mine = new ArrayList<>(others);
    mine.add(new Filter(Dimension.of("agent"), List.of(agent), null, null));
    List<Object[]> teamRows = store.query("SELECT team FROM contacts WHERE agent_id = ? AND team IS NOT NULL"
        + " ORDER BY arrived_at DESC LIMIT 1", agent);
    String team = teamRows.isEmpty() ? null : (String) teamRows.get(0)[0];
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("agent", agent);
    out.put("team", team);
    KpiEngine engine = engine();
    List<Dimension> week = List.of(Dimension.of("week"));
    out.put("kpis", KpiJson.result(engine.compute(base.withFilters(mine))));
    out.put("series", KpiJson.result(engine.compute(base.withFilters(mine).withGroupBy(week)
        .withComparePrevious(false))));
    if (team != null && user.seesEveryone()) {
      List<Filter> teamFilters = new ArrayList<>(others);
      teamFilters.add(new Filter(Dimension.of("team"), List.of(team), null, null));
      out.put("team_kpis", KpiJson.result(engine.compute(base.withFilters(teamFilters))));
      out.put("team_per_agent", teamPerAgent(engine, base.withFilters(teamFilters)));
      out.put("team_series", KpiJson.result(engine.compute(base.withFilters(teamFilters).withGroupBy(week)
          .withComparePrevious(false))));
    } else if (team != null) {
      // An agent compares with the team average without seeing colleagues one by one.
      List<Filter> teamFilters = new ArrayList<>(others);
      teamFilters.add(new Filter(Dimension.of("team"), List.of(team), null, null));
      KpiQuery teamQuery = new KpiQuery(base.from(), base.to(), base.zone(), base.kpis(), List.of(), teamFilters,
          base.comparePrevious(), base.businessHours());
      // ... and only when the slice holds enough colleagues that no one of them can be read from it (issue 11).
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
      split = splitParam == null || splitParam.isBlank() ? Consistency.Split.CHANNEL
          : Consistency.Split.parse(splitParam);
    } catch (io.yardstick.YardstickException e) {
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
   * The rows behind a number: period, filters, optionally a KPI whose rows they are (its surveys, cases, agent states
   * or costs, as the catalog's {@code Kpi.rows} says); paged. Without a KPI, the contacts of the period.
   */
  private void contacts(Context ctx) {
    User user = Auth.user(ctx);
    KpiQuery q = ApiParams.query(ctx, user, List.of(Kpi.CONTACTS));
    Kpi kpi = null;
    String id = ctx.queryParam("kpi");
    if (id != null && !id.isBlank()) {
      kpi = ApiParams.parsed("kpi", () -> io.yardstick.Parse.kpi(id));
    }
    int page = ApiParams.integer(ctx, "page", 0, 0, 1_000_000);
    int size = ApiParams.integer(ctx, "size", 50, 1, Drilldown.MAX_PAGE_SIZE);
    Drilldown.Page p;
    try {
      p = Drilldown.of(store, settings, q, kpi, page, size);
    } catch (io.yardstick.YardstickException e) {
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

  /** What the store holds, for the pages' period and filter choices: first and last day in tz, values per field. */
  private void extent(Context ctx) {
    User user = Auth.user(ctx);
    java.time.ZoneId zone = ApiParams.zone(ctx);
    DataExtent e = extents.get(new ExtentKey(store.dataVersion(), zone), k -> DataExtent.of(store, zone));
    Map<String, Object> values = new LinkedHashMap<>(e.values());
    // An agent's questions are about their own contacts only, so only their own agent id is offered.
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

  private static Map<String, Object> userJson(User u) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", u.name());
    m.put("role", u.role().id());
    m.put("agent_id", u.agentId());
    if (u.teamScoped()) m.put("teams", u.teams());
    m.put("must_change_password", u.mustChangePassword());
    return m;
  }
}
