package io.yardstick.sla;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * What the SLA evaluator knows of one ticket: when it was created, its fixed facts (channel and
 * queue of its first contact, brand, tags) and its events in time order
 * (docs/data-format.md#ticket_events).
 *
 * @param priority the ticket's priority now: the priority before its first priority event (null
 *     when unknown)
 */
public record TicketTimeline(
    String caseId,
    Instant createdAt,
    String priority,
    String channel,
    String queue,
    String brand,
    Set<String> tags,
    List<Event> events) {

  /**
   * One ticket event: kind status (status set), priority (priority set) or reply (actor agent or
   * customer).
   */
  public record Event(Instant at, String kind, String status, String priority, String actor) {
    public static Event status(Instant at, String status) {
      return new Event(at, "status", status, null, null);
    }

    public static Event priority(Instant at, String priority) {
      return new Event(at, "priority", null, priority, null);
    }

    public static Event reply(Instant at, String actor) {
      return new Event(at, "reply", null, null, actor);
    }

    boolean agentReply() {
      return kind.equals("reply") && "agent".equals(actor);
    }

    boolean customerReply() {
      return kind.equals("reply") && "customer".equals(actor);
    }
  }

  /** Events sorted by time; at one instant status and priority changes come before replies. */
  public TicketTimeline {
    tags = tags == null ? Set.of() : Set.copyOf(tags);
    events =
        events.stream()
            .sorted(
                Comparator.comparing(Event::at)
                    .thenComparing(e -> e.kind().equals("reply") ? 1 : 0))
            .toList();
  }

  /** The ticket's status at an instant: that of the last status event at or before it, else new. */
  public String statusAt(Instant t) {
    String s = "new";
    for (Event e : events) {
      if (e.at().isAfter(t)) break;
      if (e.kind().equals("status")) s = e.status();
    }
    return s;
  }

  /**
   * The priority at an instant: that of the last priority event at or before it; before the first
   * one, the priority the first one replaced is unknown, so the first event's own value counts from
   * creation when the ticket has priority events, else the ticket's priority.
   */
  public String priorityAt(Instant t) {
    String p = null;
    String first = null;
    for (Event e : events) {
      if (!e.kind().equals("priority")) continue;
      if (first == null) first = e.priority();
      if (e.at().isAfter(t)) break;
      p = e.priority();
    }
    return p != null ? p : first != null ? first : priority;
  }

  SlaPolicy.Facts factsAt(Instant t) {
    return new SlaPolicy.Facts(priorityAt(t), channel, queue, brand, tags);
  }
}
