package io.yardstick.sources.freshdesk.internal;

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
  private long listed;

  /**
   * The arrays (of an API page) and streams (of a Singer or Airbyte export) this importer reads.
   */
  public static final Set<String> ARRAYS = Set.of("tickets", "satisfaction_ratings", "results");

  private final Skipped skipped = new Skipped(ARRAYS);

  /** What this importer reads, for the message that refuses anything else. */
  public static final String EXPECTED =
      "a Freshdesk export: the ticket list (a JSON array, as GET /api/v2/tickets"
          + " returns it), one ticket (GET /api/v2/tickets/:id), a search response {\"total\": ..., \"results\": [...]}"
          + " (GET /api/v2/search/tickets), satisfaction ratings, one of these per line, or the tickets and"
          + " satisfaction_ratings streams of a Singer or Airbyte export";

  /** Tickets and ratings read (a ticket listed twice counts twice). */
  public long read() {
    return listed + ratings.size();
  }

  public void take(String array, JsonItem item) {
    if (skipped.skips(array)) return;
    if (item.get("ratings") != null && item.get("ticket_id") != null) {
      ratings.put(item.required("id"), item);
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
    for (JsonItem t : tickets.values()) t.map(() -> mapTicket(t, contacts, n));
    for (JsonItem r : ratings.values()) r.map(() -> mapRating(r, surveys, n));
    Map<String, Long> figures = new LinkedHashMap<>();
    figures.put("tickets", (long) tickets.size());
    figures.put("resolved or closed", n.resolved);
    figures.put("with a first response", n.responded);
    figures.put("satisfaction ratings", n.rated);
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
    long resolved, responded, noStats, reopened, otherSource, rated;
  }

  private static void mapTicket(JsonItem t, RowSink contacts, Counts n) {
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
    }
    if (isResolved) n.resolved++;
    contacts.accept(t.line(), c.build().toRow());
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
