package io.yardstick.model;

import static io.yardstick.model.Field.optional;
import static io.yardstick.model.Field.required;
import static io.yardstick.model.FieldType.*;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The kinds of records Yardstick stores, each with its canonical columns (docs/data-format.md). A
 * row of a record type is an {@code Object[]} holding, in {@link #fields()} order, the parsed value
 * of each field or null when absent; a customer row carries one more element, the map of its
 * further attributes (see {@link #CUSTOMERS}).
 *
 * <p>The key names the fields that identify a record: importing a record whose key is already
 * stored replaces it.
 */
public enum RecordType {
  CONTACTS(
      "contacts",
      List.of("contact_id"),
      List.of(
          required("contact_id", TEXT),
          optional("case_id", TEXT),
          required("channel", WORD),
          optional("direction", DIRECTION),
          optional("queue", TEXT),
          optional("topic", TEXT),
          optional("customer_id", TEXT),
          optional("agent_id", TEXT),
          optional("team", TEXT),
          required("arrived_at", INSTANT),
          optional("answered_at", INSTANT),
          optional("first_response_at", INSTANT),
          optional("abandoned_at", INSTANT),
          optional("resolved_at", INSTANT),
          optional("talk_s", SECONDS),
          optional("hold_s", SECONDS),
          optional("wrap_s", SECONDS),
          optional("resolved", BOOLEAN),
          optional("converted", BOOLEAN),
          optional("revenue", MONEY))),
  SURVEYS(
      "surveys",
      List.of("survey_id"),
      List.of(
          required("survey_id", TEXT),
          required("kind", SURVEY_KIND),
          required("score", SCORE),
          required("submitted_at", INSTANT),
          optional("contact_id", TEXT),
          optional("customer_id", TEXT),
          optional("agent_id", TEXT),
          optional("comment", TEXT))),
  AGENT_STATES(
      "agent_states",
      List.of("agent_id", "started_at"),
      List.of(
          required("agent_id", TEXT),
          required("state", AGENT_STATE),
          required("started_at", INSTANT),
          required("ended_at", INSTANT))),
  /**
   * Customers. Every column beyond these three is an attribute (age, tier, region...): the row's
   * extra last element is a {@code Map<String, String>} from lowercase attribute name to its text
   * value, absent values left out.
   */
  CUSTOMERS(
      "customers",
      List.of("customer_id"),
      List.of(
          required("customer_id", TEXT), required("since", DATE), optional("churned_at", DATE))),
  /** Costs of running the service over a period of whole days (both ends inclusive). */
  COSTS(
      "costs",
      List.of("period_start", "period_end", "currency", "category"),
      List.of(
          required("period_start", DATE),
          required("period_end", DATE),
          required("amount", MONEY),
          optional("currency", CURRENCY),
          optional("category", WORD))),
  /**
   * How a queued call ended, as its phone system said (docs/sources.md): outcome is one of
   * agent_hangup, caller_hangup, transfer, abandon, timeout, empty, key, unknown; detail says more
   * (the key pressed, the transfer target, which end is missing). The contact row carries what the
   * KPIs need; this keeps the reason.
   */
  CALL_OUTCOMES(
      "call_outcomes",
      List.of("contact_id"),
      List.of(required("contact_id", TEXT), required("outcome", WORD), optional("detail", TEXT))),
  /**
   * What a help desk knows of a ticket (a case: the contacts sharing its case_id) beyond its
   * contacts: its priority and status now, its brand and group, its tags
   * (docs/data-format.md#tickets). The history of status, priority and replies is in {@link
   * #TICKET_EVENTS}.
   */
  TICKETS(
      "tickets",
      List.of("case_id"),
      List.of(
          required("case_id", TEXT),
          optional("created_at", INSTANT),
          optional("priority", WORD),
          optional("status", TICKET_STATUS),
          optional("brand", TEXT),
          optional("group_name", TEXT),
          optional("tags", TAGS))),
  /**
   * A ticket's timeline: its status changes (status), priority changes (priority) and public
   * replies (reply, by an agent or the customer), each at an instant. Key: case_id, kind,
   * occurred_at and actor.
   */
  TICKET_EVENTS(
      "ticket_events",
      List.of("case_id", "kind", "occurred_at", "actor"),
      List.of(
          required("case_id", TEXT),
          required("occurred_at", INSTANT),
          required("kind", EVENT_KIND),
          optional("status", TICKET_STATUS),
          optional("priority", WORD),
          optional("actor", ACTOR),
          optional("agent_id", TEXT)));

  private final String table;
  private final List<String> key;
  private final List<Field> fields;

  RecordType(String table, List<String> key, List<Field> fields) {
    this.table = table;
    this.key = key;
    this.fields = fields;
  }

  /**
   * The name used on the command line: contacts, surveys, agent-states, customers, costs, tickets,
   * ticket-events...
   */
  public String cliName() {
    return table.replace('_', '-');
  }

  /** The table that stores this kind of record. */
  public String table() {
    return table;
  }

  public List<String> key() {
    return key;
  }

  public List<Field> fields() {
    return fields;
  }

  /**
   * Whether columns beyond the canonical ones are kept as attributes (customers) rather than
   * refused.
   */
  public boolean hasAttributes() {
    return this == CUSTOMERS;
  }

  /** The length of a row of this type: one slot per field, plus the attribute map for customers. */
  public int rowLength() {
    return fields.size() + (hasAttributes() ? 1 : 0);
  }

  public int indexOf(String fieldName) {
    for (int i = 0; i < fields.size(); i++) {
      if (fields.get(i).name().equals(fieldName)) {
        return i;
      }
    }
    throw new IllegalArgumentException(fieldName + " is not a field of " + table);
  }

  public Optional<Field> field(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    return fields.stream().filter(f -> f.name().equals(lower)).findFirst();
  }

  /** Parses a command-line name (contacts, agent-states, agent_states...), case-insensitively. */
  public static Optional<RecordType> fromName(String name) {
    String normalized = name.trim().toLowerCase(Locale.ROOT).replace('-', '_');
    for (RecordType type : values()) {
      if (type.table.equals(normalized)) {
        return Optional.of(type);
      }
    }
    return Optional.empty();
  }
}
