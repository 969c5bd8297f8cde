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
import io.yardstick.store.Loader;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Collects tickets and their metric sets (side-loaded, or inside the ticket as {@code metric_set}), then maps each
 * ticket: contact {@code zendesk-<id>}, arrived at created_at, first response at created_at + reply_time_in_minutes
 * (calendar), resolved at the metric set's solved_at when the ticket is solved or closed; satisfaction good = CSAT 5,
 * bad = CSAT 1. A ticket listed again (the incremental export lists a ticket each time it changes) counts once: the
 * later listing wins.
 */
public final class Tickets {
  private static final Map<String, String> CHANNELS = Map.ofEntries(
      Map.entry("email", "email"), Map.entry("web", "web"), Map.entry("web_form", "web"),
      Map.entry("help_center", "web"), Map.entry("web_widget", "web"), Map.entry("mobile", "web"),
      Map.entry("mobile_sdk", "web"), Map.entry("chat", "chat"), Map.entry("chat_transcript", "chat"),
      Map.entry("voice", "phone"), Map.entry("phone_call_inbound", "phone"), Map.entry("phone_call_outbound", "phone"),
      Map.entry("voicemail", "phone"), Map.entry("native_messaging", "messaging"),
      Map.entry("messaging", "messaging"), Map.entry("whatsapp", "messaging"), Map.entry("twitter", "social"),
      Map.entry("facebook", "social"), Map.entry("instagram", "social"), Map.entry("sms", "sms"),
      Map.entry("api", "api"));

  private final Map<String, JsonItem> tickets = new LinkedHashMap<>();
  private final Map<String, JsonItem> metrics = new HashMap<>();
  private long listed;
  private long ignored;

  public void take(String array, JsonItem item) {
    if ("metric_sets".equals(array) || "ticket_metrics".equals(array)) {
      metrics.put(item.required("ticket_id"), item);
      return;
    }
    if (array == null && item.get("ticket") != null) {
      item = new JsonItem(item.file(), item.line(), item.pointer() + "/ticket", item.get("ticket"));
    } else if (array == null && item.get("id") == null && item.get("created_at") == null) {
      ignored++; // a page without tickets (end_of_stream, counts...)
      return;
    }
    listed++;
    String id = item.required("id");
    tickets.remove(id);
    tickets.put(id, item);
    JsonItem embedded = item.get("metric_set") == null ? null
        : new JsonItem(item.file(), item.line(), item.at("metric_set"), item.get("metric_set"));
    if (embedded != null) metrics.put(id, embedded);
  }

  public SourceSummary finish(String file, Loader loader) {
    RowSink contacts = loader.sink(RecordType.CONTACTS);
    RowSink surveys = loader.sink(RecordType.SURVEYS);
    Map<String, Long> setAside = new LinkedHashMap<>();
    long kept = 0, solved = 0, replied = 0, good = 0, bad = 0, withoutMetrics = 0, reopened = 0, oneTouch = 0;
    long replies = 0;
    for (JsonItem t : tickets.values()) {
      String id = t.required("id");
      String status = lower(t.text("status"));
      if ("deleted".equals(status)) {
        setAside.merge("deleted tickets (status deleted)", 1L, Long::sum);
        continue;
      }
      Instant created = t.instant("created_at");
      if (created == null) throw t.bad(null, "is missing; every ticket has a created_at", "created_at");
      JsonItem m = metrics.get(id);
      boolean isSolved = "solved".equals(status) || "closed".equals(status);
      String via = lower(t.text("via", "channel"));
      Contact.Builder c = Contact.builder("zendesk-" + id, Channels.word(via, CHANNELS), created)
          .caseId("zendesk-" + id)
          .direction("phone_call_outbound".equals(via) ? Direction.OUTBOUND : Direction.INBOUND)
          .customerId(t.text("requester_id"))
          .agentId(t.text("assignee_id"))
          .team(t.text("group_id"))
          .resolved(isSolved);
      if (m == null) {
        withoutMetrics++;
      } else {
        Double reply = m.number("reply_time_in_minutes", "calendar");
        if (reply != null) {
          c.firstResponseAt(created.plus(minutes(reply)));
          replied++;
        }
        if (isSolved) {
          Instant solvedAt = m.instant("solved_at");
          if (solvedAt == null) {
            Double full = m.number("full_resolution_time_in_minutes", "calendar");
            if (full != null) solvedAt = created.plus(minutes(full));
          }
          if (solvedAt != null && solvedAt.isBefore(created)) {
            throw m.bad(solvedAt.toString(), "is before the ticket's created_at " + created, "solved_at");
          }
          c.resolvedAt(solvedAt);
        }
        Double reopens = m.number("reopens");
        Double r = m.number("replies");
        if (reopens != null && reopens > 0) reopened++;
        if (r != null) replies += r.longValue();
        if (isSolved && (reopens == null || reopens == 0) && r != null && r <= 1) oneTouch++;
      }
      if (isSolved) solved++;
      contacts.accept(t.line(), c.build().toRow());
      kept++;

      String score = lower(t.text("satisfaction_rating", "score"));
      Integer csat = score == null ? null : score.startsWith("good") ? 5 : score.startsWith("bad") ? 1 : null;
      if (csat != null) {
        Instant when = t.instant("updated_at");
        String ratingId = t.text("satisfaction_rating", "id");
        surveys.accept(t.line(), new Survey("zendesk-" + (ratingId != null ? ratingId : "ticket-" + id),
            SurveyKind.CSAT, csat, when != null ? when : created, "zendesk-" + id, t.text("requester_id"),
            t.text("assignee_id")).toRow());
        if (csat == 5) good++; else bad++;
      } else if (score != null && !score.equals("offered") && !score.equals("unoffered")) {
        throw t.bad(score, "is not a satisfaction score; expected good, bad, offered or unoffered",
            "satisfaction_rating", "score");
      }
    }
    Map<String, Long> figures = new LinkedHashMap<>();
    figures.put("tickets", kept);
    figures.put("solved", solved);
    figures.put("with a first reply time", replied);
    figures.put("rated good", good);
    figures.put("rated bad", bad);
    List<String> notes = new ArrayList<>();
    if (listed > tickets.size()) {
      notes.add((listed - tickets.size()) + " tickets were listed more than once (the incremental export lists a ticket"
          + " at each change); the later listing was kept");
    }
    if (withoutMetrics > 0) {
      notes.add(withoutMetrics + " tickets without a metric set: no first reply or resolution time (export with"
          + " include=metric_sets)");
    }
    notes.add("ticket metrics kept only in this summary: " + reopened + " tickets reopened, " + replies
        + " agent replies, " + oneTouch + " one-touch resolutions (solved with at most one reply, never reopened)");
    if (ignored > 0) notes.add(ignored + " JSON values without tickets were skipped");
    return new SourceSummary("Zendesk tickets", file, listed, "tickets", figures, setAside, notes, Map.of());
  }

  private static Duration minutes(double m) {
    return Duration.ofSeconds(Math.round(m * 60));
  }

  private static String lower(String s) {
    return s == null ? null : s.toLowerCase(Locale.ROOT);
  }

}
