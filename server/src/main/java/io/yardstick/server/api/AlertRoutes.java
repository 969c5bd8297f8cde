package io.yardstick.server.api;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.yardstick.Parse;
import io.yardstick.YardstickException;
import io.yardstick.alert.Alert;
import io.yardstick.alert.AlertEvaluator;
import io.yardstick.alert.AlertHistory;
import io.yardstick.alert.AlertJson;
import io.yardstick.alert.AlertRule;
import io.yardstick.alert.AlertRules;
import io.yardstick.alert.AlertService;
import io.yardstick.alert.Durations;
import io.yardstick.alert.Notification;
import io.yardstick.alert.Targets;
import io.yardstick.server.auth.Auth;
import io.yardstick.store.Store;
import io.yardstick.store.StoredRows;
import io.yardstick.user.Role;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Alerts over HTTP (docs/alerts.md): {@code GET/POST /api/alerts/rules}, {@code DELETE
 * /api/alerts/rules/{id}}, {@code GET /api/alerts} (firing now and the latest history, each with
 * its notifications), {@code POST /api/alerts/evaluate}. Managers and admins only.
 */
public final class AlertRoutes {
  private final Store store;
  private final AlertRules rules;
  private final AlertService service;

  private final boolean privateWebhooks;

  /**
   * @param privateWebhooks whether rules may send webhooks to internal addresses (AlertSettings)
   */
  public AlertRoutes(Store store, AlertRules rules, AlertService service, boolean privateWebhooks) {
    this.store = store;
    this.rules = rules;
    this.service = service;
    this.privateWebhooks = privateWebhooks;
  }

  public void register(Javalin app) {
    app.get(
        "/api/alerts/rules",
        ctx -> {
          Auth.requireRole(ctx, Role.ADMIN, Role.MANAGER);
          List<Object> out = new ArrayList<>();
          for (AlertRule r : rules.list()) {
            Map<String, Object> m = json(r);
            // Whether its window (or the live view) holds anything to measure: without, the page
            // says "no data", not "ok".
            AlertEvaluator.Measure now = service.measureNow(r);
            m.put("has_data", now.value() != null && now.volume() > 0);
            out.add(m);
          }
          List<Object> broken = new ArrayList<>();
          for (StoredRows.Broken b : rules.broken()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", b.id());
            m.put("name", b.name());
            m.put("problem", b.problem());
            broken.add(m);
          }
          ctx.json(Map.of("rules", out, "broken", broken));
        });
    app.post("/api/alerts/rules", this::add);
    app.delete(
        "/api/alerts/rules/{id}",
        ctx -> {
          Auth.requireRole(ctx, Role.ADMIN, Role.MANAGER);
          long id = ApiParams.id(ctx);
          if (!rules.remove(id)) throw ApiException.notFound("There is no alert rule " + id + ".");
          ctx.status(204);
        });
    app.get(
        "/api/alerts",
        ctx -> {
          Auth.requireRole(ctx, Role.ADMIN, Role.MANAGER);
          AlertHistory h = new AlertHistory(store);
          Map<String, Object> out = new LinkedHashMap<>();
          out.put("firing", h.firing().stream().map(a -> alert(h, a)).toList());
          out.put(
              "history",
              h.latest(ApiParams.integer(ctx, "limit", 100, 1, 10_000)).stream()
                  .map(a -> alert(h, a))
                  .toList());
          ctx.json(out);
        });
    app.post(
        "/api/alerts/evaluate",
        ctx -> {
          Auth.requireRole(ctx, Role.ADMIN, Role.MANAGER);
          List<Object> changes = new ArrayList<>();
          for (var t : service.evaluateAll()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("transition", t.transition());
            m.put("alert", AlertJson.alert(t.alert()));
            changes.add(m);
          }
          ctx.json(Map.of("changes", changes));
        });
  }

  /**
   * Body: {@code {"name": "Long waits", "kind": "longest_wait", "above": 180, "where":
   * ["channel=phone"], "notify": ["webhook:https://...", "email:ops@example.com"], "cool_down":
   * "30m"}}; a KPI rule has {@code "kpi"} and {@code "window"}, and {@code "goal": ID} or {@code
   * "benchmark": true} instead of a value; an sla_due rule {@code "within": "2h"} and no threshold.
   */
  private void add(Context ctx) {
    Auth.requireRole(ctx, Role.ADMIN, Role.MANAGER);
    Map<?, ?> body;
    try {
      body = ctx.bodyAsClass(Map.class);
    } catch (RuntimeException e) {
      throw ApiException.badRequest(
          "The body must be a JSON object such as {\"name\": \"Long waits\", \"kind\":"
              + " \"longest_wait\", \"above\": 180}.");
    }
    try {
      String name = text(body, "name");
      AlertRule.Kind kind =
          AlertRule.Kind.of(text(body, "kind") == null ? "kpi" : text(body, "kind"));
      AlertRule.Builder b = AlertRule.builder(name, kind);
      if (text(body, "kpi") != null) {
        String id = text(body, "kpi");
        b.kpi(ApiParams.field("kpi", () -> Parse.kpi(id)));
      }
      if (body.get("above") != null && body.get("below") != null) {
        throw new YardstickException("Give above or below, not both.");
      }
      if (body.get("below") != null) {
        b.compare(AlertRule.Comparison.BELOW, number(body, "below"));
      } else if (body.get("above") != null) {
        b.compare(AlertRule.Comparison.ABOVE, number(body, "above"));
      }
      if ("below".equals(text(body, "comparison"))) b.comparison(AlertRule.Comparison.BELOW);
      if (body.get("goal") != null) b.goal(whole(body, "goal", 1, Long.MAX_VALUE));
      if (Boolean.TRUE.equals(body.get("benchmark"))) b.benchmark();
      if (body.get("where") instanceof List<?> where)
        b.where(where.stream().map(Object::toString).toArray(String[]::new));
      if (body.get("notify") instanceof List<?> notify)
        b.notify(notify.stream().map(Object::toString).toList());
      if (text(body, "window") != null) b.window(Durations.parse(text(body, "window")));
      if (text(body, "cool_down") != null) b.coolDown(Durations.parse(text(body, "cool_down")));
      if (text(body, "within") != null) b.within(Durations.parse(text(body, "within")));
      if (body.get("min_volume") != null)
        b.minVolume(whole(body, "min_volume", 0, AlertRule.MAX_VOLUME));
      if (text(body, "tz") != null)
        b.zone(ApiParams.field("tz", () -> Parse.zone(text(body, "tz"))));
      AlertRule rule = b.build();
      rule.targets().forEach(t -> Targets.checkWebhookHost(t, privateWebhooks));
      AlertRule stored = rules.add(rule);
      AuditRoutes.target(ctx, stored.id());
      ctx.status(201).json(json(stored));
    } catch (java.time.DateTimeException e) {
      throw ApiException.badRequest("tz: not an IANA time zone such as Europe/Madrid.");
    }
  }

  /**
   * An alert as notifications carry it, with its notifications: target, transition, state,
   * attempts, time.
   */
  private static Map<String, Object> alert(AlertHistory h, Alert a) {
    Map<String, Object> m = AlertJson.alert(a);
    List<Object> sent = new ArrayList<>();
    for (Notification.Record n : h.notifications(a.id())) {
      Map<String, Object> r = new LinkedHashMap<>();
      r.put("target", n.target());
      r.put("transition", n.transition());
      r.put("state", n.state());
      r.put("attempts", n.attempts());
      r.put("updated_at", n.updatedAt() == null ? null : n.updatedAt().toString());
      r.put("error", n.error());
      sent.add(r);
    }
    m.put("notifications", sent);
    return m;
  }

  static Map<String, Object> json(AlertRule r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", r.id());
    m.put("name", r.name());
    m.put("kind", r.kind().id());
    m.put("kpi", r.kpi() == null ? null : r.kpi().id());
    m.put(
        "where",
        r.filters().stream()
            .map(
                f ->
                    f.dimension().name()
                        + "="
                        + (f.isRange()
                            ? (f.low() == null ? "" : f.low())
                                + ".."
                                + (f.high() == null ? "" : f.high())
                            : String.join(",", f.values())))
            .toList());
    m.put("comparison", r.comparison().id());
    m.put("threshold_source", r.thresholdSource().id());
    m.put("threshold", r.threshold());
    m.put("goal", r.goalId());
    m.put("window", Durations.format(r.window()));
    if (r.kind() == AlertRule.Kind.SLA_DUE) m.put("within", Durations.format(r.window()));
    m.put("min_volume", r.minVolume());
    m.put("cool_down", Durations.format(r.coolDown()));
    m.put("notify", r.targets());
    m.put("tz", r.zone().getId());
    m.put("created_at", r.createdAt() == null ? null : r.createdAt().toString());
    return m;
  }

  private static String text(Map<?, ?> body, String key) {
    Object v = body.get(key);
    if (v != null && !(v instanceof String)) {
      throw new YardstickException("%s: expected a string, got %s.".formatted(key, v));
    }
    return (String) v;
  }

  /**
   * A whole number in [min, max]; a fraction or a number out of range is refused, never rounded or
   * clamped.
   */
  private static long whole(Map<?, ?> body, String key, long min, long max) {
    Object v = body.get(key);
    if (!(v instanceof Integer || v instanceof Long)
        || ((Number) v).longValue() < min
        || ((Number) v).longValue() > max) {
      throw new YardstickException(
          key + ": " + v + " is not a whole number from " + min + " to " + max + ".");
    }
    return ((Number) v).longValue();
  }

  private static Double number(Map<?, ?> body, String key) {
    Object v = body.get(key);
    double d =
        v instanceof Number n
            ? n.doubleValue()
            : ApiParams.field(key, () -> Parse.number(v.toString()));
    if (!Double.isFinite(d) || Math.abs(d) > 1e15) {
      throw new YardstickException(key + ": " + v + " is not a number Yardstick can compare with.");
    }
    return d;
  }
}
