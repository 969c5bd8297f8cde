package io.yardstick.sources.zendesk.internal;

import io.yardstick.ingest.RowSink;
import io.yardstick.sources.internal.JsonItem;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Zendesk's ticket metric events ({@code GET /api/v2/incremental/ticket_metric_events}: pages of
 * {@code {"ticket_metric_events": [{"id", "ticket_id", "metric", "instance_id", "type", "time"},
 * ...]}}) into ticket events, following Zendesk's "Ticket metric event types reference":
 *
 * <ul>
 *   <li>{@code reply_time} fulfil: a public agent reply (the first, instance 1, or a next one);
 *   <li>{@code reply_time} activate of an instance after the first: a public end-user comment,
 *       which starts the next reply time (instance 1 is activated at the ticket's creation);
 *   <li>{@code requester_wait_time} pause: status pending (the requester's wait pauses only there);
 *       {@code agent_work_time} pause without a requester-wait pause at the same instant: status
 *       on_hold (agent work pauses on pending and on-hold);
 *   <li>{@code requester_wait_time} fulfil: status solved;
 *   <li>{@code agent_work_time} activate after the ticket's creation: status open (a pause or a
 *       solve has ended: the ticket is worked on again).
 * </ul>
 *
 * Other events (apply_sla, breach, update_status; other metrics' activations) carry no reply or
 * status change and are counted. An event whose ticket is not in the file is set aside, counted.
 */
final class TicketEvents {
  private final List<Object[]> rows = new ArrayList<>();
  private final List<Long> lines = new ArrayList<>();
  private final Set<String> requesterPauses = new HashSet<>();
  private final List<Object[]> workPauses = new ArrayList<>();
  private final List<Long> workPauseLines = new ArrayList<>();
  private long ignored;

  /** Zendesk's status as a ticket status: hold is on_hold; unknown values are none. */
  static String status(String zendesk) {
    if (zendesk == null) return null;
    return switch (zendesk.strip().toLowerCase(Locale.ROOT)) {
      case "new" -> "new";
      case "open" -> "open";
      case "pending" -> "pending";
      case "hold", "on-hold", "on_hold" -> "on_hold";
      case "solved" -> "solved";
      case "closed" -> "closed";
      default -> null;
    };
  }

  void take(JsonItem e, Map<String, Instant> kept, Map<String, Long> setAside) {
    String ticket = e.required("ticket_id");
    String metric = e.required("metric").strip().toLowerCase(Locale.ROOT);
    String type = e.required("type").strip().toLowerCase(Locale.ROOT);
    Instant at = e.instant("time");
    if (at == null) throw e.bad(null, "is missing; every ticket metric event has a time", "time");
    Instant created = kept.get(ticket);
    if (created == null) {
      setAside.merge("ticket metric events whose ticket is not in this file", 1L, Long::sum);
      return;
    }
    String caseId = "zendesk-" + ticket;
    switch (metric + "/" + type) {
      case "reply_time/fulfill" -> add(e, caseId, at, "reply", null, "agent");
      case "reply_time/activate" -> {
        Double instance = e.number("instance_id");
        if (instance == null)
          throw e.bad(null, "is missing; a reply_time event has an instance_id", "instance_id");
        if (instance > 1) add(e, caseId, at, "reply", null, "customer");
        else ignored++;
      }
      case "requester_wait_time/pause" -> {
        requesterPauses.add(caseId + "@" + at);
        add(e, caseId, at, "status", "pending", null);
      }
      case "agent_work_time/pause" -> {
        workPauses.add(new Object[] {caseId, at});
        workPauseLines.add(e.line());
      }
      case "requester_wait_time/fulfill" -> add(e, caseId, at, "status", "solved", null);
      case "agent_work_time/activate" -> {
        if (at.isAfter(created)) add(e, caseId, at, "status", "open", null);
        else ignored++;
      }
      default -> ignored++;
    }
  }

  private void add(
      JsonItem e, String caseId, Instant at, String kind, String status, String actor) {
    rows.add(new Object[] {caseId, at, kind, status, null, actor, null});
    lines.add(e.line());
  }

  /** Writes the events; an agent-work pause without a requester-wait pause is on-hold. */
  void write(RowSink sink) {
    for (int i = 0; i < workPauses.size(); i++) {
      Object[] p = workPauses.get(i);
      if (requesterPauses.contains(p[0] + "@" + p[1])) continue;
      rows.add(new Object[] {p[0], p[1], "status", "on_hold", null, null, null});
      lines.add(workPauseLines.get(i));
    }
    for (int i = 0; i < rows.size(); i++) sink.accept(lines.get(i), rows.get(i));
  }

  int written() {
    return rows.size();
  }

  long ignored() {
    return ignored;
  }
}
