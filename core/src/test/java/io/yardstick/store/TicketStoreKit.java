package io.yardstick.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.yardstick.ingest.ImportException;
import io.yardstick.ingest.ImportSource;
import io.yardstick.model.RecordType;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 17: tickets and their timelines (docs/data-format.md#tickets) import exactly, all or
 * nothing and idempotently, on every store. The expected contents are written out by hand, the same
 * text for DuckDB and PostgreSQL.
 */
public abstract class TicketStoreKit extends StoreKit {
  protected Store store;

  @BeforeEach
  void openStore() throws Exception {
    store = newStore();
  }

  @AfterEach
  void closeStore() {
    store.close();
  }

  static final String TICKETS_CSV =
      """
      case_id,created_at,priority,status,brand,group_name,tags
      t1,2026-03-06T16:00:00+01:00,Urgent,open,Acme,Billing,"vip, Billing ,vip"
      t2,2026-03-07T09:00:00Z,low,on-hold,,,
      t3,,normal,Resolved,Acme,Support,refund
      """;

  static final String TICKETS =
      """
      t1|2026-03-06T15:00:00Z|urgent|open|Acme|Billing|,billing,vip,
      t2|2026-03-07T09:00:00Z|low|on_hold|null|null|null
      t3|null|normal|solved|Acme|Support|,refund,
      """;

  static final String EVENTS_CSV =
      """
      case_id,occurred_at,kind,status,priority,actor,agent_id
      t1,2026-03-06T15:00:00Z,status,new,,customer,
      t1,2026-03-06T15:00:00Z,reply,,,customer,
      t1,2026-03-06T15:30:00Z,reply,,,agent,a1
      t1,2026-03-06T15:30:00Z,status,pending,,agent,a1
      t1,2026-03-09T08:00:00Z,reply,,,customer,
      t1,2026-03-09T08:00:00Z,status,open,,customer,
      t1,2026-03-09T09:00:00Z,priority,,high,agent,a2
      t1,2026-03-09T10:00:00Z,status,solved,,agent,a2
      """;

  static final String EVENTS =
      """
      t1|2026-03-06T15:00:00Z|reply|null|null|customer|null
      t1|2026-03-06T15:00:00Z|status|new|null|customer|null
      t1|2026-03-06T15:30:00Z|reply|null|null|agent|a1
      t1|2026-03-06T15:30:00Z|status|pending|null|agent|a1
      t1|2026-03-09T08:00:00Z|reply|null|null|customer|null
      t1|2026-03-09T08:00:00Z|status|open|null|customer|null
      t1|2026-03-09T09:00:00Z|priority|null|high|agent|a2
      t1|2026-03-09T10:00:00Z|status|solved|null|agent|a2
      """;

  @Test
  void imports_tickets_with_normalized_priority_status_and_tags() {
    assertThat(importText(RecordType.TICKETS, "tickets.csv", TICKETS_CSV))
        .isEqualTo(new LoadCounts(3, 3, 0, 0));

    assertThat(dump("tickets", "case_id")).isEqualTo(TICKETS);
  }

  @Test
  void json_lines_tickets_take_tags_as_an_array_and_give_the_same_rows() {
    importText(
        RecordType.TICKETS,
        "tickets.jsonl",
        """
        {"case_id":"t1","created_at":"2026-03-06T16:00:00+01:00","priority":"Urgent","status":"open","brand":"Acme","group_name":"Billing","tags":["vip"," Billing ","vip"]}
        {"case_id":"t2","created_at":"2026-03-07T09:00:00Z","priority":"low","status":"on-hold","tags":[]}
        {"case_id":"t3","priority":"normal","status":"Resolved","brand":"Acme","group_name":"Support","tags":"refund"}
        """);

    assertThat(dump("tickets", "case_id")).isEqualTo(TICKETS);
  }

  @Test
  void imports_ticket_events_and_again_changes_nothing() {
    assertThat(importText(RecordType.TICKET_EVENTS, "events.csv", EVENTS_CSV))
        .isEqualTo(new LoadCounts(8, 8, 0, 0));
    assertThat(dump("ticket_events", "case_id, occurred_at, kind")).isEqualTo(EVENTS);

    // Every key (case_id, kind, occurred_at, actor) is stored already: all 8 replace themselves,
    // the contents stay.
    assertThat(importText(RecordType.TICKET_EVENTS, "events.csv", EVENTS_CSV))
        .isEqualTo(new LoadCounts(8, 0, 8, 0));
    assertThat(dump("ticket_events", "case_id, occurred_at, kind")).isEqualTo(EVENTS);
  }

  @Test
  void the_same_reply_twice_in_one_file_is_kept_once_the_later_line_winning() {
    LoadCounts counts =
        importText(
            RecordType.TICKET_EVENTS,
            "events.csv",
            """
        case_id,occurred_at,kind,actor,agent_id
        t1,2026-03-06T15:30:00Z,reply,agent,a1
        t1,2026-03-06T15:30:00Z,reply,customer,
        t1,2026-03-06T15:30:00Z,reply,agent,a9
        """);

    assertThat(counts).isEqualTo(new LoadCounts(3, 2, 0, 1));
    assertThat(dump("ticket_events", "case_id, occurred_at, actor"))
        .isEqualTo(
            """
        t1|2026-03-06T15:30:00Z|reply|null|null|agent|a9
        t1|2026-03-06T15:30:00Z|reply|null|null|customer|null
        """);
  }

  @Test
  void an_event_without_what_its_kind_needs_is_refused_and_nothing_is_kept() {
    importText(RecordType.TICKET_EVENTS, "events.csv", EVENTS_CSV);

    assertThatThrownBy(
            () ->
                importText(
                    RecordType.TICKET_EVENTS,
                    "more.csv",
                    """
        case_id,occurred_at,kind,status,actor
        t9,2026-03-10T10:00:00Z,status,open,agent
        t9,2026-03-10T10:05:00Z,reply,,
        """))
        .isInstanceOf(ImportException.class)
        .hasMessage(
            "more.csv, line 3, column actor: is empty, but a reply event needs it: agent or customer."
                + " Nothing from this file was imported.");
    assertThatThrownBy(
            () ->
                importText(
                    RecordType.TICKET_EVENTS,
                    "more.csv",
                    """
        case_id,occurred_at,kind,status
        t9,2026-03-10T10:00:00Z,status,waiting
        """))
        .isInstanceOf(ImportException.class)
        .hasMessage(
            "more.csv, line 2, column status: \"waiting\" is not a ticket status; expected one of new, open,"
                + " pending, on_hold, solved, closed. Nothing from this file was imported.");
    assertThatThrownBy(
            () ->
                importText(
                    RecordType.TICKET_EVENTS,
                    "more.csv",
                    """
        case_id,occurred_at,kind
        t9,2026-03-10T10:00:00Z,note
        """))
        .isInstanceOf(ImportException.class)
        .hasMessage(
            "more.csv, line 2, column kind: \"note\" is not allowed here; expected one of status, reply,"
                + " priority. Nothing from this file was imported.");
    assertThat(dump("ticket_events", "case_id, occurred_at, kind")).isEqualTo(EVENTS);
  }

  @Test
  void erasing_a_customer_takes_the_tickets_whose_contacts_all_went() {
    importText(
        RecordType.CONTACTS,
        "contacts.csv",
        """
        contact_id,case_id,channel,customer_id,arrived_at
        m1,t1,email,cust1,2026-03-06T15:00:00Z
        m2,t3,email,cust2,2026-03-07T15:00:00Z
        """);
    importText(RecordType.TICKETS, "tickets.csv", TICKETS_CSV);
    importText(
        RecordType.TICKET_EVENTS,
        "events.csv",
        EVENTS_CSV + "t3,2026-03-07T15:00:00Z,reply,,,customer,\n");

    store.erase(new Store.Erasure.Customer("cust1"));

    // t1 (cust1's only case) goes with its 8 events; t3 stays; t2 has no contacts and was never
    // cust1's.
    assertThat(dump("tickets", "case_id"))
        .isEqualTo(
            """
        t2|2026-03-07T09:00:00Z|low|on_hold|null|null|null
        t3|null|normal|solved|Acme|Support|,refund,
        """);
    assertThat(dump("ticket_events", "case_id, occurred_at, kind"))
        .isEqualTo(
            """
        t3|2026-03-07T15:00:00Z|reply|null|null|customer|null
        """);
  }

  protected LoadCounts importText(RecordType type, String name, String text) {
    return store.importFile(
        type, ImportSource.of(name, text.getBytes(StandardCharsets.UTF_8)), bytes -> {});
  }

  protected String dump(String table, String orderBy) {
    List<String> lines = new ArrayList<>();
    for (Object[] row : store.query("SELECT * FROM " + table + " ORDER BY " + orderBy)) {
      List<String> values = new ArrayList<>();
      for (Object v : row) values.add(String.valueOf(v));
      lines.add(String.join("|", values));
    }
    return lines.stream().map(l -> l + "\n").collect(Collectors.joining());
  }
}
