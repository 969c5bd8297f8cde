package io.yardstick.kpi;

import java.util.Set;

/**
 * The relations KPIs are computed over, each with the period membership of issue 3 and the
 * dimensions it can be grouped and filtered by. A KPI asked for under a dimension its bases lack is
 * null there, never a misleading total.
 */
public enum Base {
  /** Contacts whose arrived_at is in the period. */
  CONTACTS(Set.of("channel", "direction", "queue", "topic", "team", "agent"), true, true),
  /**
   * Cases (contacts sharing a case_id, or a contact alone) whose first contact arrived in the
   * period.
   */
  CASES(Set.of("channel", "direction", "queue", "topic", "team", "agent"), true, true),
  /**
   * Survey responses submitted in the period; dimensions from their contact, else their own agent
   * and customer.
   */
  SURVEYS(Set.of("channel", "direction", "queue", "topic", "team", "agent"), true, true),
  /** Agent states clipped to the period. */
  AGENT_TIME(Set.of("agent", "team"), false, true),
  /** Costs prorated by whole local days of overlap with the period. */
  COSTS(Set.of(), false, true),
  /** Customers active at the period's start and end. */
  CUSTOMERS(Set.of(), true, true),
  /**
   * Stored channel forecasts of the intervals starting in the period, against the inbound contacts
   * that came.
   */
  FORECASTS(Set.of("channel"), false, true),
  /**
   * Survey invitations delivered in the period (sent by e-mail or webhook, or given as a link; by
   * sent_at, else created_at); dimensions from their contact (issue 18).
   */
  INVITATIONS(Set.of("channel", "direction", "queue", "topic", "team", "agent"), true, true),
  /**
   * SLA targets (docs/sla.md) settled in the period: met when fulfilled, breached when they fell
   * due; dimensions from the ticket's first contact.
   */
  SLA(Set.of("channel", "direction", "queue", "topic", "team", "agent"), true, true),
  /**
   * Tickets (cases in tickets or ticket_events) created in the period; dimensions from their first
   * contact.
   */
  TICKETS(Set.of("channel", "direction", "queue", "topic", "team", "agent"), true, true),
  /** Solves (a status change to solved or closed from another status) in the period. */
  SOLVES(Set.of("channel", "direction", "queue", "topic", "team", "agent"), true, true),
  /**
   * Tickets created before the period's end (each time bucket's end), with their status and age
   * there.
   */
  BACKLOG(Set.of("channel", "direction", "queue", "topic", "team", "agent"), true, true);

  private final Set<String> contactFields;
  private final boolean attributes;
  private final boolean time;

  Base(Set<String> contactFields, boolean attributes, boolean time) {
    this.contactFields = contactFields;
    this.attributes = attributes;
    this.time = time;
  }

  /**
   * Whether this base can be grouped by the dimension (hour buckets: not for costs and customers,
   * which are daily).
   */
  public boolean groups(Dimension d) {
    return switch (d.kind()) {
      case CONTACT_FIELD -> contactFields.contains(d.name());
      // a ticket has several tags: tag filters, it does not group
      case TICKET_FIELD -> ticketFields() && d.name().equals("priority");
      case ATTRIBUTE -> attributes;
      case TIME ->
          time
              && !(d.timeUnit() == Dimension.TimeUnit.HOUR
                  && (this == COSTS || this == CUSTOMERS || this == BACKLOG));
    };
  }

  /** Whether this base can be filtered by the dimension (costs by nothing). */
  public boolean filters(Dimension d) {
    if (d.kind() == Dimension.Kind.TICKET_FIELD) return ticketFields();
    return d.kind() != Dimension.Kind.TIME && groups(d);
  }

  /**
   * Whether the rows belong to tickets (by case_id), so that priority and tag apply: contacts and
   * cases of tickets, SLA targets, tickets, solves and the backlog.
   */
  public boolean ticketFields() {
    return switch (this) {
      case CONTACTS, CASES, SLA, TICKETS, SOLVES, BACKLOG -> true;
      default -> false;
    };
  }
}
