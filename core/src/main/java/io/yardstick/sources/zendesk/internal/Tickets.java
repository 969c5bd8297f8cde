package io.yardstick.sources.zendesk.internal;

import io.yardstick.ingest.RowSink;
import io.yardstick.model.Contact;
import io.yardstick.model.Direction;
import io.yardstick.model.RecordType;
import io.yardstick.model.Survey;
import io.yardstick.model.SurveyKind;
import io.yardstick.sources.SourceSummary;
import io.yardstick.sources.internal.Channels;
import io.yardstick.sources.internal.JsonItem;
import io.yardstick.sources.internal.Skipped;
import io.yardstick.store.Loader;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Collects tickets and their metric sets (side-loaded, or inside the ticket as {@code metric_set}),
 * then maps each ticket: contact {@code zendesk-<id>}, arrived at created_at, first response at
 * created_at + reply_time_in_minutes (calendar), resolved at the metric set's solved_at when the
 * ticket is solved or closed; satisfaction good = CSAT 5, bad = CSAT 1, and any other score
 * (offered: a survey went out and was not answered; unoffered) is no answer, counted in the
 * summary. A metric set whose ticket is not in the file is set aside, counted. A ticket listed
 * again (the incremental export lists a ticket each time it changes) counts once: the later listing
 * wins.
 */
public final class Tickets {
  private static final Map<String, String> CHANNELS =
      Map.ofEntries(
          Map.entry("email", "email"),
          Map.entry("web", "web"),
          Map.entry("web_form", "web"),
          Map.entry("help_center", "web"),
          Map.entry("web_widget", "web"),
          Map.entry("mobile", "web"),
          Map.entry("mobile_sdk", "web"),
          Map.entry("chat", "chat"),
          Map.entry("chat_transcript", "chat"),
          Map.entry("voice", "phone"),
          Map.entry("phone_call_inbound", "phone"),
          Map.entry("phone_call_outbound", "phone"),
          Map.entry("voicemail", "phone"),
          Map.entry("native_messaging", "messaging"),
          Map.entry("messaging", "messaging"),
          Map.entry("whatsapp", "messaging"),
          Map.entry("twitter", "social"),
          Map.entry("facebook", "social"),
          Map.entry("instagram", "social"),
          Map.entry("sms", "sms"),
          Map.entry("api", "api"));

  private final Map<String, JsonItem> tickets = new LinkedHashMap<>();
  private final Map<String, JsonItem> metrics = new HashMap<>();
  private final List<JsonItem> metricEvents = new ArrayList<>();
  private long listed;
  private long notTickets;

  /**
   * The arrays (of an API page) and streams (of a Singer or Airbyte export) this importer reads.
   */
  public static final Set<String> ARRAYS =
      Set.of("tickets", "metric_sets", "ticket_metrics", "results", "ticket_metric_events");

  private final Skipped skipped = new Skipped(ARRAYS);

  /** What this importer reads, for the message that refuses anything else. */
  public static final String EXPECTED =
      "a Zendesk ticket export: pages of {\"tickets\": [...], \"metric_sets\":"
          + " [...]} from the incremental export (with pages of {\"ticket_metric_events\": [...]}), a search response {\"results\": [...]}, {\"ticket\": {...}}, an array"
          + " of tickets, one ticket per line, or the tickets stream of a Singer or Airbyte export";

  public void take(String array, JsonItem item) {
    if (skipped.skips(array)) return;
    if ("ticket_metric_events".equals(array)
        || array == null
            && item.get("metric") != null
            && item.get("ticket_id") != null
            && item.get("type") != null) {
      metricEvents.add(item);
      return;
    }
    if ("metric_sets".equals(array) || "ticket_metrics".equals(array)) {
      metrics.put(item.required("ticket_id"), item);
      return;
    }
    if (array == null && item.get("ticket_metric") != null) {
      JsonItem m = item.child("ticket_metric");
      metrics.put(m.required("ticket_id"), m);
      return;
    }
    if ("results".equals(array)
        && item.text("result_type") != null
        && !"ticket".equals(item.text("result_type"))) {
      notTickets++; // a search for more than tickets (users, organizations...)
      return;
    }
    if (array == null && item.get("ticket") != null) {
      item = item.child("ticket");
    } else if (array == null && item.get("id") == null) {
      throw item.refused(
          "is not a ticket: it has no id, and no ticket or tickets; expected " + EXPECTED);
    }
    listed++;
    String id = item.required("id");
    tickets.remove(id);
    tickets.put(id, item);
    if (item.get("metric_set") != null) metrics.put(id, item.child("metric_set"));
  }

  /** How many tickets were listed (a ticket listed twice counts twice). */
  public long listed() {
    return listed;
  }

  public SourceSummary finish(String file, Loader loader) {
    RowSink contacts = loader.sink(RecordType.CONTACTS);
    RowSink surveys = loader.sink(RecordType.SURVEYS);
    Counts n = new Counts();
    RowSink ticketRows = loader.sink(RecordType.TICKETS);
    RowSink ticketEvents = loader.sink(RecordType.TICKET_EVENTS);
    for (JsonItem t : tickets.values()) t.map(() -> map(t, contacts, surveys, ticketRows, n));
    TicketEvents timeline = new TicketEvents();
    for (JsonItem e : metricEvents) e.map(() -> timeline.take(e, n.keptIds, n.setAside));
    timeline.write(ticketEvents);
    long orphans = metrics.keySet().stream().filter(id -> !tickets.containsKey(id)).count();
    if (orphans > 0)
      n.setAside.merge("metric sets whose ticket is not in this file", orphans, Long::sum);
    Map<String, Long> figures = new LinkedHashMap<>();
    figures.put("tickets", n.kept);
    figures.put("solved", n.solved);
    figures.put("with a first reply time", n.replied);
    figures.put("rated good", n.good);
    figures.put("rated bad", n.bad);
    figures.put("surveys offered and not answered", n.offered);
    if (!metricEvents.isEmpty()) {
      figures.put("ticket events (replies and status changes)", (long) timeline.written());
      if (timeline.ignored() > 0)
        notes0(n)
            .add(
                timeline.ignored()
                    + " ticket metric events carry no reply or status change (apply_sla, breach,"
                    + " update_status, other metrics) and were left out");
    }
    List<String> notes = new ArrayList<>(n.notes);
    if (listed > tickets.size()) {
      notes.add(
          (listed - tickets.size())
              + " tickets were listed more than once (the incremental export lists a ticket"
              + " at each change); the later listing was kept");
    }
    if (n.withoutMetrics > 0) {
      notes.add(
          n.withoutMetrics
              + " tickets without a metric set: no first reply or resolution time (export with"
              + " include=metric_sets)");
    }
    if (n.unoffered > 0)
      notes.add(n.unoffered + " tickets were not offered a survey (score unoffered)");
    if (n.otherScores > 0) {
      notes.add(
          n.otherScores
              + " tickets with a satisfaction score other than good, bad, offered or unoffered: read"
              + " as no answer");
    }
    notes.add(
        "ticket metrics kept only in this summary: "
            + n.reopened
            + " tickets reopened, "
            + n.replies
            + " agent replies, "
            + n.oneTouch
            + " one-touch resolutions (solved with at most one reply, never reopened)");
    if (notTickets > 0) notes.add(notTickets + " search results that are not tickets were skipped");
    skipped.addNotes(notes);
    return new SourceSummary(
        "Zendesk tickets", file, listed, "tickets", figures, n.setAside, notes, Map.of());
  }

  private static List<String> notes0(Counts n) {
    return n.notes;
  }

  /** The running counts of one import. */
  private static final class Counts {
    final Map<String, Long> setAside = new LinkedHashMap<>();
    final List<String> notes = new ArrayList<>();
    final Map<String, Instant> keptIds = new HashMap<>();
    long kept,
        solved,
        replied,
        good,
        bad,
        offered,
        unoffered,
        otherScores,
        withoutMetrics,
        reopened,
        oneTouch,
        replies;
  }

  private void map(JsonItem t, RowSink contacts, RowSink surveys, RowSink ticketRows, Counts n) {
    String id = t.required("id");
    String status = lower(t.text("status"));
    if ("deleted".equals(status)) {
      n.setAside.merge("deleted tickets (status deleted)", 1L, Long::sum);
      return;
    }
    Instant created = t.instant("created_at");
    if (created == null)
      throw t.bad(null, "is missing; every ticket has a created_at", "created_at");
    JsonItem m = metrics.get(id);
    boolean isSolved = "solved".equals(status) || "closed".equals(status);
    String via = lower(t.text("via", "channel"));
    String requester = t.text("requester_id");
    String assignee = t.text("assignee_id");
    Instant updated = t.instant("updated_at");
    Contact.Builder c =
        Contact.builder("zendesk-" + id, Channels.word(via, CHANNELS), created)
            .caseId("zendesk-" + id)
            .direction("phone_call_outbound".equals(via) ? Direction.OUTBOUND : Direction.INBOUND)
            .customerId(requester)
            .agentId(assignee)
            .team(t.text("group_id"))
            .resolved(isSolved);
    if (m == null) {
      n.withoutMetrics++;
    } else {
      Double reply = m.number("reply_time_in_minutes", "calendar");
      if (reply != null) {
        c.firstResponseAt(created.plus(minutes(reply)));
        n.replied++;
      }
      if (isSolved) {
        Instant solvedAt = m.instant("solved_at");
        if (solvedAt == null) {
          Double full = m.number("full_resolution_time_in_minutes", "calendar");
          if (full != null) solvedAt = created.plus(minutes(full));
        }
        if (solvedAt != null && solvedAt.isBefore(created)) {
          throw m.bad(
              solvedAt.toString(), "is before the ticket's created_at " + created, "solved_at");
        }
        c.resolvedAt(solvedAt);
      }
      Double reopens = m.number("reopens");
      Double r = m.number("replies");
      if (reopens != null && reopens > 0) n.reopened++;
      if (r != null) n.replies += r.longValue();
      if (isSolved && (reopens == null || reopens == 0) && r != null && r <= 1) n.oneTouch++;
    }
    if (isSolved) n.solved++;
    contacts.accept(t.line(), c.build().toRow());
    n.kept++;
    n.keptIds.put(id, created);
    ticketRows.accept(
        t.line(),
        new Object[] {
          "zendesk-" + id,
          created,
          word(t.text("priority")),
          TicketEvents.status(status),
          null,
          t.text("group_id"),
          tags(t)
        });

    // good and bad (and the older good_with_comment, bad_with_comment) are answers; offered,
    // unoffered and anything
    // else mean the customer gave none.
    String score = lower(t.text("satisfaction_rating", "score"));
    Integer csat =
        score == null
            ? null
            : score.startsWith("good")
                ? Integer.valueOf(5)
                : score.startsWith("bad") ? Integer.valueOf(1) : null;
    if (csat != null) {
      String comment = blankToNull(t.text("satisfaction_rating", "comment"));
      String ratingId = t.text("satisfaction_rating", "id");
      surveys.accept(
          t.line(),
          new Survey(
                  "zendesk-" + (ratingId != null ? ratingId : "ticket-" + id),
                  SurveyKind.CSAT,
                  csat,
                  updated != null ? updated : created,
                  "zendesk-" + id,
                  requester,
                  assignee,
                  comment)
              .toRow());
      if (csat == 5) n.good++;
      else n.bad++;
    } else if ("offered".equals(score)) {
      n.offered++;
    } else if ("unoffered".equals(score)) {
      n.unoffered++;
    } else if (score != null) {
      n.otherScores++;
    }
  }

  /** A priority as one lowercase word, or null. */
  static String word(String s) {
    if (s == null || s.isBlank()) return null;
    String w = s.strip().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]+", "_");
    w = w.replaceAll("^_+|_+$", "");
    return w.isEmpty() ? null : w;
  }

  /** The ticket's tags as stored: lowercase, sorted, wrapped in commas; null when none. */
  private static String tags(JsonItem t) {
    com.fasterxml.jackson.databind.JsonNode a = t.get("tags");
    if (a == null || !a.isArray()) return null;
    java.util.TreeSet<String> out = new java.util.TreeSet<>();
    for (com.fasterxml.jackson.databind.JsonNode x : a) {
      if (!x.isTextual()) continue;
      String tag = x.asText().strip().toLowerCase(Locale.ROOT);
      if (!tag.isEmpty() && !tag.contains(",")) out.add(tag);
    }
    return out.isEmpty() ? null : "," + String.join(",", out) + ",";
  }

  private static Duration minutes(double m) {
    return Duration.ofSeconds(Math.round(m * 60));
  }

  private static String lower(String s) {
    return s == null ? null : s.toLowerCase(Locale.ROOT);
  }

  /** A rating's comment, or null when it has none (Zendesk sends "" as often as null). */
  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
