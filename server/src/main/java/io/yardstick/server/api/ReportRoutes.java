package io.yardstick.server.api;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.yardstick.YardstickException;
import io.yardstick.alert.Targets;
import io.yardstick.kpi.KpiEngine;
import io.yardstick.kpi.KpiSettings;
import io.yardstick.report.Cadence;
import io.yardstick.report.DeliveryService;
import io.yardstick.report.Report;
import io.yardstick.report.ReportCsv;
import io.yardstick.report.ReportJson;
import io.yardstick.report.ReportPdf;
import io.yardstick.report.Reports;
import io.yardstick.report.SavedView;
import io.yardstick.report.SavedViews;
import io.yardstick.report.Schedule;
import io.yardstick.report.Schedules;
import io.yardstick.server.auth.Auth;
import io.yardstick.settings.Labels;
import io.yardstick.store.Store;
import io.yardstick.user.Role;
import io.yardstick.user.User;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Saved views, dashboards and their scheduled delivery over HTTP (docs/reports.md): {@code
 * /api/views} (list, save), {@code /api/views/{id}} (show, change, remove), {@code
 * /api/views/{id}/report} (the numbers as JSON), {@code .../pdf} and {@code .../csv/{file}}, {@code
 * /api/views/{id}/schedules} (schedule), {@code /api/schedules} (list), {@code /api/schedules/{id}}
 * (remove), {@code .../send} (send now) and {@code .../history}. Everyone sees their own views and
 * those shared with their role; a report is computed as its reader may see it (an agent's own
 * contacts). Only admins, managers and leads share views or schedule them (deliveries leave
 * Yardstick).
 */
public final class ReportRoutes {
  private final Store store;
  private final KpiSettings settings;
  private final Clock clock;
  private final DeliveryService deliveries;
  private final boolean privateWebhooks;
  private final Labels labels;

  /**
   * @param privateWebhooks whether Slack and Teams targets may be internal addresses
   *     (AlertSettings, as alert rules)
   */
  public ReportRoutes(
      Store store,
      KpiSettings settings,
      Clock clock,
      DeliveryService deliveries,
      boolean privateWebhooks) {
    this(store, settings, clock, deliveries, privateWebhooks, Labels.none());
  }

  /**
   * @param labels the settings file's names of stored values, which the PDF and the CSV's name
   *     columns use as the pages do
   */
  public ReportRoutes(
      Store store,
      KpiSettings settings,
      Clock clock,
      DeliveryService deliveries,
      boolean privateWebhooks,
      Labels labels) {
    this.labels = labels;
    this.store = store;
    this.settings = settings;
    this.clock = clock;
    this.deliveries = deliveries;
    this.privateWebhooks = privateWebhooks;
  }

  public void register(Javalin app) {
    app.get("/api/views", this::list);
    app.post("/api/views", this::add);
    app.get("/api/views/{id}", ctx -> ctx.json(ReportJson.view(view(ctx))));
    app.put("/api/views/{id}", this::replace);
    app.delete("/api/views/{id}", this::remove);
    app.get("/api/views/{id}/report", ctx -> ctx.json(reportJson(report(ctx))));
    app.get("/api/views/{id}/pdf", this::pdf);
    app.get("/api/views/{id}/csv/{file}", this::csv);
    app.post("/api/views/{id}/schedules", this::schedule);
    app.get("/api/schedules", this::schedules);
    app.delete("/api/schedules/{id}", this::unschedule);
    app.post("/api/schedules/{id}/send", this::sendNow);
    app.get("/api/schedules/{id}/history", this::history);
  }

  private SavedViews views() {
    return new SavedViews(store, clock);
  }

  private void list(Context ctx) {
    List<Object> out = new ArrayList<>();
    for (SavedView v : views().visibleTo(Auth.user(ctx))) out.add(ReportJson.view(v));
    ctx.json(Map.of("views", out));
  }

  private Map<?, ?> body(Context ctx) {
    try {
      return ctx.bodyAsClass(Map.class);
    } catch (RuntimeException e) {
      throw ApiException.badRequest(
          "The body must be a JSON object such as {\"name\": \"Phone, last week\", \"page\":"
              + " \"channels\", \"period\": \"last_week\", \"tz\": \"Europe/Madrid\", \"where\": [\"channel=phone\"]}.");
    }
  }

  private SavedView read(Context ctx, String owner) {
    SavedView v = ReportJson.readView(body(ctx), owner);
    if (!v.shared().isEmpty()) Auth.requireRole(ctx, Role.ADMIN, Role.MANAGER, Role.LEAD);
    // The whole view is checked, its report included, before it is stored.
    new Reports(store, engine()).compute(v, Auth.user(ctx), clock.instant());
    return v;
  }

  private void add(Context ctx) {
    SavedView stored = views().add(read(ctx, Auth.user(ctx).name()));
    AuditRoutes.target(ctx, stored.id());
    ctx.status(201).json(ReportJson.view(stored));
  }

  private void replace(Context ctx) {
    SavedView old = editable(ctx);
    SavedView v = read(ctx, old.owner());
    SavedView changed =
        new SavedView(
            old.id(),
            v.name(),
            old.owner(),
            v.shared(),
            v.page(),
            v.arg(),
            v.period(),
            v.zone(),
            v.kpis(),
            v.groupBy(),
            v.filters(),
            v.compare(),
            v.panels(),
            old.createdAt());
    views().replace(changed);
    AuditRoutes.target(ctx, old.id());
    ctx.json(ReportJson.view(changed));
  }

  private void remove(Context ctx) {
    SavedView v = editable(ctx);
    views().remove(v.id());
    AuditRoutes.target(ctx, v.id());
    ctx.status(204);
  }

  private KpiEngine engine() {
    return new KpiEngine(store, settings);
  }

  private Report report(Context ctx) {
    try {
      return new Reports(store, engine()).compute(view(ctx), Auth.user(ctx), clock.instant());
    } catch (SavedViews.ViewNotFound e) {
      throw ApiException.notFound(e.getMessage());
    }
  }

  private static Map<String, Object> reportJson(Report r) {
    Map<String, Object> m = ReportJson.report(r);
    m.put("csv", List.copyOf(ReportCsv.tables(r).keySet()));
    return m;
  }

  private void pdf(Context ctx) {
    Report r = report(ctx);
    byte[] pdf = ReportPdf.render(r, ReportBundles.text(ctx.queryParam("lang")).withLabels(labels));
    ctx.contentType("application/pdf")
        .header(
            "Content-Disposition",
            "inline; filename=\"report-" + r.view().id() + "-" + r.from() + "-" + r.to() + ".pdf\"")
        .result(pdf);
  }

  private void csv(Context ctx) {
    Report r = report(ctx);
    String file = ctx.pathParam("file");
    Map<String, String> tables =
        ReportCsv.tables(r, ReportBundles.text(ctx.queryParam("lang")).withLabels(labels));
    String csv = tables.get(file);
    if (csv == null) {
      throw ApiException.notFound(
          "The report of view "
              + r.view().id()
              + " has no table "
              + file
              + "; it has "
              + String.join(", ", tables.keySet())
              + ".");
    }
    ctx.contentType("text/csv; charset=UTF-8")
        .header(
            "Content-Disposition",
            "attachment; filename=\"report-" + r.view().id() + "-" + file + "\"")
        .result(csv);
  }

  private SavedView view(Context ctx) {
    try {
      return views().get(id(ctx), Auth.user(ctx));
    } catch (SavedViews.ViewNotFound e) {
      throw ApiException.notFound(e.getMessage());
    }
  }

  private SavedView editable(Context ctx) {
    SavedView v = view(ctx);
    if (!v.editableBy(Auth.user(ctx))) {
      throw ApiException.forbidden(
          "View "
              + v.id()
              + " is "
              + v.owner()
              + "'s; only its owner or an admin changes"
              + " it.");
    }
    return v;
  }

  private void schedule(Context ctx) {
    Auth.requireRole(ctx, Role.ADMIN, Role.MANAGER, Role.LEAD);
    SavedView v = editable(ctx);
    Map<?, ?> body = body(ctx);
    Object cadence = body.get("cadence");
    Object language = body.get("language");
    Object targets = body.get("targets");
    if (!(cadence instanceof String c)) {
      throw ApiException.badRequest(
          "Field 'cadence': expected daily@08:00, weekly:mon@08:00, first_working_day@08:00"
              + " or cron:0 8 * * 1-5.");
    }
    if (language != null && !(language instanceof String))
      throw ApiException.badRequest("Field 'language': expected" + " en, es, ca or ro.");
    if (!(targets instanceof List<?> list) || !list.stream().allMatch(t -> t instanceof String)) {
      throw ApiException.badRequest(
          "Field 'targets': expected a list such as [\"email:boss@example.com\","
              + " \"slack:https://hooks.slack.com/...\"].");
    }
    // An internal address is refused when the schedule is made, as for alert rules (and checked
    // again at each send).
    for (Object t : list) {
      String target = (String) t;
      if (target.startsWith("slack:") || target.startsWith("teams:")) {
        try {
          Targets.checkWebhookHost("webhook:" + target.substring(6), privateWebhooks);
        } catch (YardstickException e) {
          throw ApiException.badRequest("Field 'targets': " + e.getMessage());
        }
      }
    }
    Schedule s =
        new Schedules(store, clock)
            .add(
                new Schedule(
                    0,
                    v.id(),
                    Auth.user(ctx).name(),
                    Cadence.parse(c),
                    (String) language,
                    list.stream().map(String.class::cast).toList(),
                    null));
    AuditRoutes.target(ctx, s.id());
    ctx.status(201).json(ReportJson.schedule(s));
  }

  private void schedules(Context ctx) {
    User u = Auth.user(ctx);
    List<Object> out = new ArrayList<>();
    SavedViews views = views();
    for (Schedule s : new Schedules(store, clock).list()) {
      boolean mine =
          s.owner().equals(u.name())
              || u.role() == Role.ADMIN
              || views.find(s.viewId()).map(v -> v.editableBy(u)).orElse(false);
      if (mine) out.add(ReportJson.schedule(s));
    }
    ctx.json(Map.of("schedules", out));
  }

  private Schedule ownSchedule(Context ctx) {
    User u = Auth.user(ctx);
    Schedule s =
        new Schedules(store, clock)
            .find(id(ctx))
            .filter(
                x ->
                    x.owner().equals(u.name())
                        || u.role() == Role.ADMIN
                        || views().find(x.viewId()).map(v -> v.editableBy(u)).orElse(false))
            .orElseThrow(
                () ->
                    ApiException.notFound(
                        "There is no schedule "
                            + ctx.pathParam("id")
                            + " of yours; GET"
                            + " /api/schedules lists them."));
    return s;
  }

  private void unschedule(Context ctx) {
    Schedule s = ownSchedule(ctx);
    new Schedules(store, clock).remove(s.id());
    AuditRoutes.target(ctx, s.id());
    ctx.status(204);
  }

  private void sendNow(Context ctx) {
    Schedule s = ownSchedule(ctx);
    AuditRoutes.target(ctx, s.id());
    ctx.json(Map.of("recorded", deliveries.sendNow(s)));
  }

  private void history(Context ctx) {
    Schedule s = ownSchedule(ctx);
    int limit = ApiParams.integer(ctx, "limit", 100, 1, 1000);
    ctx.json(
        Map.of(
            "deliveries",
            new Schedules(store, clock)
                .history(s.id(), limit).stream().map(ReportJson::delivery).toList()));
  }

  private static long id(Context ctx) {
    return ApiParams.id(ctx);
  }
}
