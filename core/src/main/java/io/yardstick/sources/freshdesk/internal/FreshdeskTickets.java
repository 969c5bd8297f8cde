package io.yardstick.sources.freshdesk.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.yardstick.ingest.RowSink;
import io.yardstick.model.Contact;
import io.yardstick.model.Direction;
import io.yardstick.model.RecordType;
import io.yardstick.model.Survey;
import io.yardstick.model.SurveyKind;
import io.yardstick.sources.SourceSummary;
import io.yardstick.sources.internal.JsonItem;
import io.yardstick.sources.internal.Skipped;
import io.yardstick.store.Loader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Maps Freshdesk tickets and satisfaction ratings. A ticket: contact {@code freshdesk-<id>},
 * channel from its source code, arrived at created_at, first response at stats.first_responded_at,
 * resolved (status 4 Resolved or 5 Closed) at stats.resolved_at, else stats.closed_at. A rating:
 * CSAT from the default question's answer (103 → 5 ... -103 → 1). An item is a rating when it has
 * {@code ratings} and {@code ticket_id}; anything else with an id is a ticket.
 */
public final class FreshdeskTickets {
  /**
   * Freshdesk's source codes (API v2): 1 Email, 2 Portal, 3 Phone, 7 Chat, 9 Feedback widget, 10
   * Outbound email.
   */
  private static final Map<String, String> SOURCES =
      Map.ofEntries(
          Map.entry("1", "email"),
          Map.entry("2", "web"),
          Map.entry("3", "phone"),
          Map.entry("4", "web"),
          Map.entry("5", "social"),
          Map.entry("6", "social"),
          Map.entry("7", "chat"),
          Map.entry("8", "web"),
          Map.entry("9", "web"),
          Map.entry("10", "email"));

  /** The default question's answers on Freshdesk's scales (3, 5 or 7 points) as CSAT 1-5. */
  private static final Map<String, Integer> CSAT =
      Map.of("103", 5, "102", 5, "101", 4, "100", 3, "-101", 2, "-102", 1, "-103", 1);

  private final Map<String, JsonItem> tickets = new LinkedHashMap<>();
  private final Map<String, JsonItem> ratings = new LinkedHashMap<>();
  private final Map<String, JsonItem> conversations = new LinkedHashMap<>();
  private long listed;

  /**
   * The arrays (of an API page) and streams (of a Singer or Airbyte export) this importer reads.
   */
  public static final Set<String> ARRAYS =
      Set.of("tickets", "satisfaction_ratings", "results", "conversations");

  private final Skipped skipped = new Skipped(ARRAYS);

  /** What this importer reads, for the message that refuses anything else. */
  public static final String EXPECTED =
      "a Freshdesk export: the ticket list (a JSON array, as GET /api/v2/tickets"
          + " returns it), one ticket (GET /api/v2/tickets/:id), a search response {\"total\": ..., \"results\": [...]}"
          + " (GET /api/v2/search/tickets), satisfaction ratings, ticket conversations (GET"
          + " /api/v2/tickets/:id/conversations), one of these per line, or the tickets and"
          + " satisfaction_ratings streams of a Singer or Airbyte export";

  /** Tickets and ratings read (a ticket listed twice counts twice). */
  public long read() {
    return listed + ratings.size() + conversations.size();
  }

  public void take(String array, JsonItem item) {
    if (skipped.skips(array)) return;
    if (item.get("ratings") != null && item.get("ticket_id") != null) {
      ratings.put(item.required("id"), item);
      return;
    }
    if (item.get("incoming") != null && item.get("ticket_id") != null) {
      conversations.put(item.required("id"), item);
      return;
    }
    if (array == null && item.get("id") == null) {
      throw item.refused("is not a ticket: it has no id; expected " + EXPECTED);
    }
    listed++;
    String id = item.required("id");
    tickets.remove(id);
    tickets.put(id, item);
  }

  public SourceSummary finish(String file, Loader loader) {
    RowSink contacts = loader.sink(RecordType.CONTACTS);
    RowSink surveys = loader.sink(RecordType.SURVEYS);
    Counts n = new Counts();
    RowSink ticketRows = loader.sink(RecordType.TICKETS);
    RowSink events = loader.sink(RecordType.TICKET_EVENTS);
    for (JsonItem t : tickets.values()) t.map(() -> mapTicket(t, contacts, ticketRows, events, n));
    for (JsonItem r : ratings.values()) r.map(() -> mapRating(r, surveys, n));
    for (JsonItem c : conversations.values()) c.map(() -> mapConversation(c, events, n));
    Map<String, Long> figures = new LinkedHashMap<>();
    figures.put("tickets", (long) tickets.size());
    figures.put("resolved or closed", n.resolved);
    figures.put("with a first response", n.responded);
    figures.put("satisfaction ratings", n.rated);
    if (!conversations.isEmpty()) {
      figures.put("replies", n.replies);
      figures.put("private notes left out", n.notes);
    }
    List<String> notes = new ArrayList<>();
    if (listed > tickets.size()) {
      notes.add(
          (listed - tickets.size())
              + " tickets were listed more than once; the later listing was kept");
    }
    if (n.noStats > 0) {
      notes.add(
          n.noStats
              + " tickets without stats: no first response or resolution time (list with include=stats)");
    }
    if (n.otherSource > 0)
      notes.add(n.otherSource + " tickets from a source Yardstick does not know: channel other");
    notes.add(
        n.reopened
            + " tickets were reopened at some point (stats.reopened_at; kept only in this summary)");
    skipped.addNotes(notes);
    return new SourceSummary(
        "Freshdesk tickets",
        file,
        read(),
        "tickets and ratings",
        figures,
        n.setAside,
        notes,
        Map.of());
  }

  /** The running counts of one import. */
  private static final class Counts {
    final Map<String, Long> setAside = new LinkedHashMap<>();
    long resolved, responded, noStats, reopened, otherSource, rated, replies, notes;
    final Set<String> kept = new java.util.HashSet<>();
  }

  /** Freshdesk's priority codes (API v2). */
  private static final Map<String, String> PRIORITIES =
      Map.of("1", "low", "2", "medium", "3", "high", "4", "urgent");

  /** Freshdesk's built-in status codes as ticket statuses; custom statuses are none. */
  private static final Map<String, String> STATUSES =
      Map.of("2", "open", "3", "pending", "4", "solved", "5", "closed");

  /**
   * A conversation (a reply or a note): a public one from the requester (incoming) is a customer
   * reply, from an agent an agent reply; private notes are not replies.
   */
  private static void mapConversation(JsonItem c, RowSink events, Counts n) {
    String ticket = c.required("ticket_id");
    Instant at = c.instant("created_at");
    if (at == null)
      throw c.bad(null, "is missing; every conversation has a created_at", "created_at");
    JsonNode incoming = c.get("incoming");
    if (!incoming.isBoolean()) throw c.bad(incoming.asText(), "is not true or false", "incoming");
    JsonNode priv = c.get("private");
    if (priv != null && !priv.isNull() && !priv.isBoolean())
      throw c.bad(priv.asText(), "is not true or false", "private");
    if (!n.kept.contains(ticket)) {
      n.setAside.merge("conversations whose ticket is not in this file", 1L, Long::sum);
      return;
    }
    if (priv != null && priv.asBoolean()) {
      n.notes++;
      return;
    }
    boolean customer = incoming.asBoolean();
    events.accept(
        c.line(),
        new Object[] {
          "freshdesk-" + ticket,
          at,
          "reply",
          null,
          null,
          customer ? "customer" : "agent",
          customer ? null : c.text("user_id")
        });
    n.replies++;
  }

  private static void status(RowSink events, JsonItem t, String id, Instant at, String status) {
    if (at != null)
      events.accept(
          t.line(), new Object[] {"freshdesk-" + id, at, "status", status, null, null, null});
  }

  private static void mapTicket(
      JsonItem t, RowSink contacts, RowSink ticketRows, RowSink events, Counts n) {
    String id = t.required("id");
    Instant created = t.instant("created_at");
    if (created == null)
      throw t.bad(null, "is missing; every ticket has a created_at", "created_at");
    String status = t.text("status");
    boolean isResolved = "4".equals(status) || "5".equals(status);
    String source = t.text("source");
    String channel = source == null ? "unknown" : SOURCES.get(source);
    if (channel == null) {
      channel = "other";
      n.otherSource++;
    }
    Contact.Builder c =
        Contact.builder("freshdesk-" + id, channel, created)
            .caseId("freshdesk-" + id)
            .direction("10".equals(source) ? Direction.OUTBOUND : Direction.INBOUND)
            .customerId(t.text("requester_id"))
            .agentId(t.text("responder_id"))
            .team(t.text("group_id"))
            .resolved(isResolved);
    if (t.get("stats") == null) {
      n.noStats++;
    } else {
      Instant first = t.instant("stats", "first_responded_at");
      if (first != null) {
        if (first.isBefore(created))
          throw t.bad(
              first.toString(), "is before created_at " + created, "stats", "first_responded_at");
        c.firstResponseAt(first);
        n.responded++;
      }
      if (isResolved) {
        Instant at = t.instant("stats", "resolved_at");
        String field = "resolved_at";
        if (at == null) {
          at = t.instant("stats", "closed_at");
          field = "closed_at";
        }
        if (at != null && at.isBefore(created))
          throw t.bad(at.toString(), "is before created_at " + created, "stats", field);
        c.resolvedAt(at);
      }
      if (t.get("stats", "reopened_at") != null) n.reopened++;
      // What the stats hold of the timeline: the last solve, a reopen after it, the close, and
      // since when a pending ticket waits (docs/sources.md).
      Instant solved = t.instant("stats", "resolved_at");
      Instant reopened = t.instant("stats", "reopened_at");
      status(events, t, id, solved, "solved");
      if (reopened != null && (solved == null || reopened.isAfter(solved)))
        status(events, t, id, reopened, "open");
      if ("5".equals(status)) status(events, t, id, t.instant("stats", "closed_at"), "closed");
      if ("3".equals(status)) status(events, t, id, t.instant("stats", "pending_since"), "pending");
    }
    if (isResolved) n.resolved++;
    contacts.accept(t.line(), c.build().toRow());
    n.kept.add(id);
    java.util.TreeSet<String> tags = new java.util.TreeSet<>();
    JsonNode tagList = t.get("tags");
    if (tagList != null && tagList.isArray())
      for (JsonNode x : tagList) {
        String tag = x.isTextual() ? x.asText().strip().toLowerCase(java.util.Locale.ROOT) : "";
        if (!tag.isEmpty() && !tag.contains(",")) tags.add(tag);
      }
    ticketRows.accept(
        t.line(),
        new Object[] {
          "freshdesk-" + id,
          created,
          t.text("priority") == null ? null : PRIORITIES.get(t.text("priority")),
          status == null ? null : STATUSES.get(status),
          null,
          t.text("group_id"),
          tags.isEmpty() ? null : "," + String.join(",", tags) + ","
        });
  }

  private static void mapRating(JsonItem r, RowSink surveys, Counts n) {
    String answer = r.text("ratings", "default_question");
    if (answer == null) {
      n.setAside.merge(
          "satisfaction ratings without an answer to the default question", 1L, Long::sum);
      return;
    }
    Integer score = CSAT.get(answer);
    if (score == null) {
      throw r.bad(
          answer,
          "is not a Freshdesk rating; expected 103, 102, 101, 100, -101, -102 or -103",
          "ratings",
          "default_question");
    }
    Instant at = r.instant("created_at");
    if (at == null) throw r.bad(null, "is missing; every rating has a created_at", "created_at");
    surveys.accept(
        r.line(),
        new Survey(
                "freshdesk-" + r.required("id"),
                SurveyKind.CSAT,
                score,
                at,
                "freshdesk-" + r.required("ticket_id"),
                r.text("user_id"),
                r.text("agent_id"),
                feedback(r))
            .toRow());
    n.rated++;
  }

  /** The rating's feedback text (Freshdesk's comment on a rating), or null when there is none. */
  private static String feedback(JsonItem r) {
    String f = r.text("feedback");
    return f == null || f.isBlank() ? null : f.strip();
  }
}
