package io.yardstick.event;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * What an event says happened (docs/alerts.md): to a contact, a survey answered, an agent's state
 * changed.
 */
public enum EventType {
  /** A contact arrived (creates it): needs channel; sets arrived_at. */
  ARRIVED("arrived_at"),
  /** An agent answered it: sets answered_at. */
  ANSWERED("answered_at"),
  /** The first reply reached the customer (chats, e-mails): sets first_response_at. */
  FIRST_RESPONSE("first_response_at"),
  /** The customer gave up waiting: sets abandoned_at. */
  ABANDONED("abandoned_at"),
  /** The contact ended resolved: sets resolved_at and resolved. */
  RESOLVED("resolved_at"),
  /**
   * The contact moved to another queue (or agent, team): the fields it carries replace the
   * contact's.
   */
  TRANSFERRED(null),
  /** A survey response: a surveys record. */
  SURVEY(null),
  /**
   * An agent's state changed (available, busy, wrap, break, offline); closes the previous state in
   * agent_states.
   */
  AGENT_STATE(null);

  private final String timestampField;

  EventType(String timestampField) {
    this.timestampField = timestampField;
  }

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The contact field this event's time goes to, or null. */
  public String timestampField() {
    return timestampField;
  }

  /**
   * Whether the event is about a contact (carries contact_id and applies to the contacts table).
   */
  public boolean isContactEvent() {
    return this != SURVEY && this != AGENT_STATE;
  }

  public static Optional<EventType> byId(String id) {
    return Arrays.stream(values()).filter(t -> t.id().equals(id)).findFirst();
  }

  public static String ids() {
    return String.join(", ", Arrays.stream(values()).map(EventType::id).toList());
  }
}
