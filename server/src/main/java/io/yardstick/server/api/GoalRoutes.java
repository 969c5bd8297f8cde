package io.yardstick.server.api;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.yardstick.Parse;
import io.yardstick.YardstickException;
import io.yardstick.goal.Goal;
import io.yardstick.goal.GoalDates;
import io.yardstick.goal.GoalJson;
import io.yardstick.goal.GoalProgress;
import io.yardstick.goal.GoalSettings;
import io.yardstick.goal.GoalTracker;
import io.yardstick.goal.Goals;
import io.yardstick.goal.Target;
import io.yardstick.kpi.Kpi;
import io.yardstick.kpi.KpiEngine;
import io.yardstick.kpi.KpiSettings;
import io.yardstick.server.auth.Auth;
import io.yardstick.store.Store;
import io.yardstick.store.StoreException;
import io.yardstick.store.StoredRows;
import io.yardstick.user.Role;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Goals over HTTP (docs/goals.md): {@code GET /api/goals} (each with where it stands), {@code POST
 * /api/goals}, {@code GET /api/goals/{id}} (with the weekly history, trend, projection and
 * realism), {@code DELETE /api/goals/{id}}. Managers and admins only: goals are about the whole
 * service, so agents read none.
 */
public final class GoalRoutes {
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger("yardstick.goals");

  private final Store store;
  private final KpiSettings settings;
  private final GoalSettings goalSettings;
  private final Clock clock;

  public GoalRoutes(Store store, KpiSettings settings, GoalSettings goalSettings, Clock clock) {
    this.store = store;
    this.settings = settings;
    this.goalSettings = goalSettings;
    this.clock = clock;
  }

  public void register(Javalin app) {
    app.get("/api/goals", this::list);
    app.post("/api/goals", this::add);
    app.get("/api/goals/{id}", this::show);
    app.delete("/api/goals/{id}", this::remove);
  }

  private GoalTracker tracker() {
    return new GoalTracker(new KpiEngine(store, settings), clock);
  }

  private void list(Context ctx) {
    Auth.requireRole(ctx, Role.ADMIN, Role.MANAGER);
    GoalTracker tracker = tracker();
    Goals goals = new Goals(store, clock);
    List<Object> out = new ArrayList<>();
    List<Object> broken = new ArrayList<>();
    for (StoredRows.Broken b : goals.broken()) broken.add(broken(b.id(), b.name(), b.problem()));
    for (Goal g : goals.list()) {
      try {
        out.add(GoalJson.summary(tracker.track(g)));
      } catch (RuntimeException e) {
        // One goal that cannot be tracked is reported, not allowed to fail the list for everyone.
        LOG.warn("Goal {} cannot be tracked and is skipped: {}", g.id(), e.getMessage());
        broken.add(broken(g.id(), g.name(), String.valueOf(e.getMessage())));
      }
    }
    ctx.json(Map.of("goals", out, "broken", broken));
  }

  private static Map<String, Object> broken(long id, String name, String problem) {
    Map<String, Object> m = new java.util.LinkedHashMap<>();
    m.put("id", id);
    m.put("name", name);
    m.put("problem", problem);
    return m;
  }

  private void show(Context ctx) {
    Auth.requireRole(ctx, Role.ADMIN, Role.MANAGER);
    Goal g =
        new Goals(store, clock)
            .find(id(ctx))
            .orElseThrow(
                () ->
                    ApiException.notFound(
                        "There is no goal "
                            + ctx.pathParam("id")
                            + "; GET /api/goals lists them."));
    ctx.json(GoalJson.progress(tracker().track(g)));
  }

  private void remove(Context ctx) {
    Auth.requireRole(ctx, Role.ADMIN, Role.MANAGER);
    if (!new Goals(store, clock).remove(id(ctx))) {
      throw ApiException.notFound(
          "There is no goal " + ctx.pathParam("id") + "; GET /api/goals lists them.");
    }
    ctx.status(204);
  }

  /**
   * Body: {@code {"kpi": "csat", "where": ["age=55..70"], "change": "+25%" | "target": 90, "by":
   * "end-of-fiscal-year", "from": "2026-07-01", "baseline": 85, "baseline_from": ...,
   * "baseline_to": ..., "name": "...", "tz": "Europe/Madrid"}}; {@code from} defaults to today,
   * {@code tz} to UTC.
   */
  private void add(Context ctx) {
    Auth.requireRole(ctx, Role.ADMIN, Role.MANAGER);
    Map<?, ?> body;
    try {
      body = ctx.bodyAsClass(Map.class);
    } catch (RuntimeException e) {
      throw ApiException.badRequest(
          "The body must be a JSON object such as {\"kpi\": \"aht\", \"where\":"
              + " [\"topic=login\"], \"change\": \"-10%\", \"by\": \"2026-11-20\"}.");
    }
    String kpiId = text(body, "kpi");
    if (kpiId == null) throw ApiException.badRequest("The body needs kpi, a KPI id such as csat.");
    Kpi kpi = ApiParams.field("kpi", () -> Parse.kpi(kpiId));
    ZoneId zone =
        ApiParams.field(
            "tz", () -> Parse.zone(text(body, "tz") == null ? "UTC" : text(body, "tz")));
    String by = text(body, "by");
    if (by == null)
      throw ApiException.badRequest(
          "The body needs by, the deadline (a date, end-of-fiscal-year, ...).");
    Object target = body.get("target");
    String change = text(body, "change");
    if ((target == null) == (change == null)) {
      throw ApiException.badRequest("Give one of target (a value) and change (such as \"+25%\").");
    }
    try {
      LocalDate start =
          text(body, "from") == null
              ? LocalDate.ofInstant(clock.instant(), zone)
              : date(body, "from");
      Goal goal =
          Goal.builder(
                  kpi,
                  start,
                  GoalDates.deadline(by, start, goalSettings.fiscalYearStartMonth()),
                  zone)
              .where(where(body))
              .name(text(body, "name"))
              .baseline(number(body, "baseline"))
              .baselinePeriod(date(body, "baseline_from"), date(body, "baseline_to"))
              .target(
                  target != null
                      ? Target.absolute(number(body, "target"))
                      : Target.parseChange(change))
              .build();
      tracker().track(goal); // the whole goal is checked, tracking included, before it is stored
      Goal stored = new Goals(store, clock).add(goal);
      GoalProgress p = tracker().track(stored);
      AuditRoutes.target(ctx, stored.id());
      ctx.status(201).json(GoalJson.progress(p));
    } catch (StoreException e) {
      throw e; // the server's failure: 500 with an error id, never the store's text
    } catch (YardstickException e) {
      throw ApiException.badRequest(e.getMessage());
    }
  }

  private static long id(Context ctx) {
    return ApiParams.id(ctx);
  }

  private static String text(Map<?, ?> body, String key) {
    Object v = body.get(key);
    if (v != null && !(v instanceof String)) {
      throw ApiException.badRequest("%s: expected a string, got %s.".formatted(key, v));
    }
    return (String) v;
  }

  private static Double number(Map<?, ?> body, String key) {
    Object v = body.get(key);
    if (v == null) return null;
    if (v instanceof Number n) return n.doubleValue();
    throw ApiException.badRequest(key + ": '" + v + "' is not a number.");
  }

  private static LocalDate date(Map<?, ?> body, String key) {
    String v = text(body, key);
    if (v == null) return null;
    return ApiParams.field(key, () -> Parse.date(v));
  }

  private static List<String> where(Map<?, ?> body) {
    Object v = body.get("where");
    if (v == null) return List.of();
    if (!(v instanceof List<?> list)) {
      throw ApiException.badRequest(
          "where: expected a list of filters such as [\"channel=social\", \"queue=blog\"].");
    }
    return list.stream().map(Object::toString).toList();
  }
}
