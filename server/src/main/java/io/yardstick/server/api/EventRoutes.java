package io.yardstick.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.yardstick.event.Event;
import io.yardstick.event.EventIngestor;
import io.yardstick.event.EventJson;
import io.yardstick.event.LiveView;
import io.yardstick.kpi.Limits;
import io.yardstick.server.auth.Auth;
import io.yardstick.user.Role;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Live data (docs/alerts.md): {@code POST /api/events} takes one event or an array, applied all or
 * nothing, a resend changing nothing (managers and admins, or their API tokens); {@code GET
 * /api/live} is each queue now (waiting, longest wait, agents available), for the wallboard.
 */
public final class EventRoutes {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final EventIngestor ingestor;
  private final Clock clock;
  private final Limits limits;

  public EventRoutes(EventIngestor ingestor, Clock clock, Limits limits) {
    this.ingestor = ingestor;
    this.clock = clock;
    this.limits = limits;
  }

  public void register(Javalin app) {
    app.post("/api/events", this::events);
    app.get("/api/live", this::live);
  }

  private void events(Context ctx) {
    Auth.requireRole(ctx, Role.ADMIN, Role.MANAGER);
    JsonNode body;
    try {
      body = JSON.readTree(ctx.bodyInputStream());
    } catch (IOException e) {
      throw ApiException.badRequest(
          "The body is not JSON: "
              + e.getMessage()
              + ". Send an event or an array"
              + " of events (docs/alerts.md).");
    }
    if (body.isArray() && body.size() > limits.maxEventsPerBatch()) {
      throw ApiException.badRequest(
          "The batch has "
              + body.size()
              + " events; send at most "
              + limits.maxEventsPerBatch()
              + " per request (limits.max_events_per_batch in the settings file), in"
              + " several batches.");
    }
    List<Event> events = EventJson.parse(body);
    EventIngestor.Result r = ingestor.ingest(events);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("received", r.received());
    out.put("applied", r.applied());
    out.put("duplicates", r.duplicates());
    ctx.json(out);
  }

  private void live(Context ctx) {
    Auth.user(ctx);
    LiveView.Snapshot s = ingestor.live().snapshot(clock.instant());
    List<Object> queues = new ArrayList<>();
    for (LiveView.QueueNow q : s.queues()) {
      queues.add(queue(q));
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("at", s.at().toString());
    out.put("queues", queues);
    out.put("total", queue(s.total()));
    ctx.json(out);
  }

  private static Map<String, Object> queue(LiveView.QueueNow q) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("queue", q.queue());
    m.put("waiting", q.waiting());
    m.put("longest_wait_s", q.longestWaitSeconds());
    m.put("agents_available", q.agentsAvailable());
    return m;
  }
}
