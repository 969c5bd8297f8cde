package io.yardstick.sources.chatwoot.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.yardstick.ingest.RowSink;
import io.yardstick.model.Contact;
import io.yardstick.model.RecordType;
import io.yardstick.model.Survey;
import io.yardstick.model.SurveyKind;
import io.yardstick.sources.SourceSummary;
import io.yardstick.sources.internal.JsonItem;
import io.yardstick.store.Loader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Maps Chatwoot's records (docs/sources.md#chatwoot). A conversation: contact and case {@code
 * chatwoot-<id>}, channel from meta.channel, queue {@code inbox-<inbox_id>}, agent
 * meta.assignee.id, customer meta.sender.id, arrived at created_at, first response at
 * first_reply_created_at, resolved when its status is resolved; a ticket with its priority, status
 * (open, pending → new, snoozed → on_hold, resolved → solved) and labels as tags. A message: a
 * reply event (incoming: customer; outgoing by a user: agent; private notes, bots and activity
 * messages are left out). A reporting event: first_response and reply_time are an agent reply at
 * their end, conversation_resolved a solve, conversation_opened a reopen. A CSAT response: a CSAT
 * survey of its rating (1-5).
 */
public final class ChatwootItems {
  /** The arrays of an API page this importer reads. */
  public static final Set<String> ARRAYS = Set.of("payload");

  public static final String EXPECTED =
      "a Chatwoot API payload: the conversation list {\"data\": {\"meta\": ...,"
          + " \"payload\": [...]}}, one conversation, messages or reporting events {\"meta\": ..., \"payload\": [...]},"
          + " CSAT survey responses (a JSON array), or one of these records per line";

  private static final Map<String, String> CHANNELS =
      Map.ofEntries(
          Map.entry("channel::webwidget", "chat"),
          Map.entry("channel::email", "email"),
          Map.entry("channel::whatsapp", "messaging"),
          Map.entry("channel::telegram", "messaging"),
          Map.entry("channel::line", "messaging"),
          Map.entry("channel::facebookpage", "social"),
          Map.entry("channel::instagram", "social"),
          Map.entry("channel::twitterprofile", "social"),
          Map.entry("channel::sms", "sms"),
          Map.entry("channel::twiliosms", "sms"),
          Map.entry("channel::api", "web"),
          Map.entry("channel::voice", "phone"));

  private static final Map<String, String> STATUSES =
      Map.of("open", "open", "pending", "new", "snoozed", "on_hold", "resolved", "solved");

  private final Map<String, JsonItem> conversations = new LinkedHashMap<>();
  private final Map<String, JsonItem> messages = new LinkedHashMap<>();
  private final Map<String, JsonItem> events = new LinkedHashMap<>();
  private final Map<String, JsonItem> csat = new LinkedHashMap<>();

  public long read() {
    return conversations.size() + messages.size() + events.size() + csat.size();
  }

  public void take(String array, JsonItem item) {
    JsonNode data = item.get("data", "payload");
    if (data != null
        && data.isArray()) { // the conversation list: {"data": {"meta": ..., "payload": [...]}}
      for (int i = 0; i < data.size(); i++) {
        take(
            "payload",
            new JsonItem(
                item.file(),
                item.line(),
                item.at("data", "payload", Integer.toString(i)),
                data.get(i)));
      }
      return;
    }
    if (item.get("rating") != null) {
      csat.put(item.required("id"), item);
    } else if (item.get("message_type") != null) {
      messages.put(item.required("id"), item);
    } else if (item.get("event_start_time") != null || item.get("event_end_time") != null) {
      events.put(item.required("id"), item);
    } else if (item.get("inbox_id") != null && item.get("id") != null) {
      String id = item.required("id");
      conversations.remove(id);
      conversations.put(id, item);
      JsonNode embedded = item.get("messages");
      if (embedded != null && embedded.isArray()) {
        for (int i = 0; i < embedded.size(); i++) {
          JsonItem m =
              new JsonItem(
                  item.file(),
                  item.line(),
                  item.at("messages", Integer.toString(i)),
                  embedded.get(i));
          if (m.node().isObject() && m.get("id") != null) messages.put(m.required("id"), m);
        }
      }
    } else {
      throw item.refused(
          "is not a Chatwoot conversation, message, reporting event or CSAT response; expected "
              + EXPECTED);
    }
  }

  /** The running counts of one import. */
  private static final class Counts {
    final Map<String, Long> setAside = new LinkedHashMap<>();
    long resolved, replies, events, rated, otherChannel;

    void aside(String why) {
      setAside.merge(why, 1L, Long::sum);
    }
  }

  public SourceSummary finish(String file, Loader loader) {
    RowSink contacts = loader.sink(RecordType.CONTACTS);
    RowSink tickets = loader.sink(RecordType.TICKETS);
    RowSink ticketEvents = loader.sink(RecordType.TICKET_EVENTS);
    RowSink surveys = loader.sink(RecordType.SURVEYS);
    Counts n = new Counts();
    for (JsonItem c : conversations.values())
      c.map(() -> mapConversation(c, contacts, tickets, ticketEvents, n));
    for (JsonItem m : messages.values()) m.map(() -> mapMessage(m, ticketEvents, n));
    for (JsonItem e : events.values()) e.map(() -> mapEvent(e, ticketEvents, n));
    for (JsonItem r : csat.values()) r.map(() -> mapCsat(r, surveys, n));
    Map<String, Long> figures = new LinkedHashMap<>();
    figures.put("conversations", (long) conversations.size());
    figures.put("resolved", n.resolved);
    figures.put("replies", n.replies);
    figures.put("reporting events", n.events);
    figures.put("CSAT responses", n.rated);
    List<String> notes = new ArrayList<>();
    if (n.otherChannel > 0)
      notes.add(n.otherChannel + " conversations from a channel Yardstick does not know: other");
    return new SourceSummary(
        "Chatwoot", file, read(), "records", figures, n.setAside, notes, Map.of());
  }

  private static String caseOf(String conversationId) {
    return "chatwoot-" + conversationId;
  }

  /**
   * A Chatwoot time: seconds since the epoch (its API's conversations and messages) or ISO-8601
   * (its reports).
   */
  static Instant time(JsonItem item, String... path) {
    JsonNode n = item.get(path);
    if (n == null) return null;
    if (n.isNumber()) return Instant.ofEpochSecond(n.asLong());
    String s = item.text(path);
    if (s != null && s.chars().allMatch(Character::isDigit))
      return Instant.ofEpochSecond(Long.parseLong(s));
    return item.instant(path);
  }

  private static void mapConversation(
      JsonItem c, RowSink contacts, RowSink tickets, RowSink events, Counts n) {
    String id = c.required("id");
    Instant created = time(c, "created_at");
    if (created == null) created = time(c, "timestamp");
    if (created == null)
      throw c.bad(null, "is missing; every conversation has a created_at", "created_at");
    String channelType = c.text("meta", "channel");
    String channel =
        channelType == null ? "chat" : CHANNELS.get(channelType.toLowerCase(Locale.ROOT));
    if (channel == null) {
      channel = "other";
      n.otherChannel++;
    }
    String status = c.text("status");
    String ticketStatus = status == null ? null : STATUSES.get(status.toLowerCase(Locale.ROOT));
    if (status != null && ticketStatus == null) {
      throw c.bad(
          status,
          "is not a Chatwoot status; expected open, pending, snoozed or resolved",
          "status");
    }
    Instant firstReply = time(c, "first_reply_created_at");
    if (firstReply != null && firstReply.isBefore(created))
      firstReply = null; // a reply imported from an older chat
    Contact.Builder b =
        Contact.builder(caseOf(id), channel, created)
            .caseId(caseOf(id))
            .queue("inbox-" + c.required("inbox_id"))
            .customerId(c.text("meta", "sender", "id"))
            .agentId(c.text("meta", "assignee", "id"))
            .team(c.text("meta", "team", "name"))
            .firstResponseAt(firstReply)
            .resolved("solved".equals(ticketStatus));
    if ("solved".equals(ticketStatus)) n.resolved++;
    contacts.accept(c.line(), b.build().toRow());
    TreeSet<String> labels = new TreeSet<>();
    JsonNode l = c.get("labels");
    if (l != null && l.isArray())
      l.forEach(x -> labels.add(x.asText().strip().toLowerCase(Locale.ROOT)));
    labels.removeIf(String::isEmpty);
    String priority = c.text("priority");
    tickets.accept(
        c.line(),
        new Object[] {
          caseOf(id),
          created,
          priority == null ? null : priority.toLowerCase(Locale.ROOT),
          ticketStatus,
          null,
          c.text("meta", "team", "name"),
          labels.isEmpty() ? null : "," + String.join(",", labels) + ","
        });
    if (priority != null) {
      events.accept(
          c.line(),
          event(
              caseOf(id),
              created,
              "priority",
              null,
              priority.toLowerCase(Locale.ROOT),
              null,
              null));
    }
  }

  private static Object[] event(
      String caseId,
      Instant at,
      String kind,
      String status,
      String priority,
      String actor,
      String agent) {
    return new Object[] {caseId, at, kind, status, priority, actor, agent};
  }

  private static void mapMessage(JsonItem m, RowSink events, Counts n) {
    String conversation = m.required("conversation_id");
    Instant at = time(m, "created_at");
    if (at == null) throw m.bad(null, "is missing; every message has a created_at", "created_at");
    String type = m.required("message_type");
    JsonNode priv = m.get("private");
    if (priv != null && priv.asBoolean()) {
      n.aside("private notes (not replies)");
      return;
    }
    String senderType = m.text("sender_type");
    if (senderType == null) senderType = m.text("sender", "type");
    String actor;
    switch (type) {
      case "0", "incoming" -> actor = "customer";
      case "1", "outgoing" -> {
        if (senderType != null && senderType.equalsIgnoreCase("agentbot")
            || "agent_bot".equalsIgnoreCase(senderType)) {
          n.aside("bot messages (not agent replies)");
          return;
        }
        actor = "agent";
      }
      case "2", "activity" -> {
        n.aside("activity messages (status changes come from reporting events)");
        return;
      }
      default -> {
        n.aside("template and other messages");
        return;
      }
    }
    String agent =
        "agent".equals(actor)
            ? m.text("sender_id") != null ? m.text("sender_id") : m.text("sender", "id")
            : null;
    events.accept(m.line(), event(caseOf(conversation), at, "reply", null, null, actor, agent));
    n.replies++;
  }

  private static void mapEvent(JsonItem e, RowSink events, Counts n) {
    String name = e.required("name");
    String conversation = e.text("conversation_id");
    if (conversation == null) {
      n.aside("reporting events without a conversation");
      return;
    }
    Instant end = time(e, "event_end_time");
    if (end == null)
      throw e.bad(
          null, "is missing; every reporting event has an event_end_time", "event_end_time");
    end =
        Instant.ofEpochSecond(
            end.getEpochSecond()); // messages carry whole seconds: the same reply, the same key
    String agent = e.text("user_id");
    Object[] row =
        switch (name) {
          case "first_response", "reply_time" ->
              event(caseOf(conversation), end, "reply", null, null, "agent", agent);
          case "conversation_resolved" ->
              event(caseOf(conversation), end, "status", "solved", null, "agent", agent);
          case "conversation_opened" ->
              event(caseOf(conversation), end, "status", "open", null, null, null);
          default -> null;
        };
    if (row == null) {
      n.aside(
          "reporting events other than first_response, reply_time, conversation_resolved, conversation_opened");
      return;
    }
    events.accept(e.line(), row);
    n.events++;
  }

  private static void mapCsat(JsonItem r, RowSink surveys, Counts n) {
    String rating = r.required("rating");
    int score;
    try {
      score = Integer.parseInt(rating);
    } catch (NumberFormatException x) {
      throw r.bad(rating, "is not a rating; expected a whole number from 1 to 5", "rating");
    }
    if (score < 1 || score > 5)
      throw r.bad(rating, "is outside Chatwoot's scale; expected 1 to 5", "rating");
    Instant at = time(r, "created_at");
    if (at == null)
      throw r.bad(null, "is missing; every CSAT response has a created_at", "created_at");
    String conversation = r.text("conversation_id");
    if (conversation == null) conversation = r.text("conversation", "id");
    surveys.accept(
        r.line(),
        new Survey(
                "chatwoot-csat-" + r.required("id"),
                SurveyKind.CSAT,
                score,
                at,
                conversation == null ? null : caseOf(conversation),
                r.text("contact", "id"),
                r.text("assigned_agent", "id"),
                comment(r.text("feedback_message")))
            .toRow());
    n.rated++;
  }

  /**
   * A CSAT response's feedback_message as the survey's comment, or null when it is absent or blank.
   */
  private static String comment(String feedback) {
    return feedback == null || feedback.isBlank() ? null : feedback.strip();
  }
}
