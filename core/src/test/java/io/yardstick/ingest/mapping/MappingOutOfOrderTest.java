package io.yardstick.ingest.mapping;

import static io.yardstick.ingest.mapping.MappingTest.read;
import static io.yardstick.ingest.mapping.MappingTest.refusedData;
import static io.yardstick.ingest.mapping.MappingTest.refusedMapping;
import static org.assertj.core.api.Assertions.assertThat;

import io.yardstick.model.RecordType;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 10: a real Freshdesk workbook has 8 tickets in 1,183 whose first response precedes their
 * creation (Freshdesk itself shows a negative time). By default such a row still refuses the file,
 * naming line and column; a mapping can instead set such rows aside, or keep them without the value
 * out of order, counted by reason.
 */
class MappingOutOfOrderTest {
  /**
   * A Freshdesk ticket export as its "Export tickets" CSV writes it, times local to the helpdesk
   * (Madrid, UTC+1).
   */
  static final String FRESHDESK_CSV =
      """
      Ticket ID,Subject,Status,Priority,Source,Type,Agent,Group,Created time,Resolved time,Initial response time
      1,Printer offline,Closed,Low,Email,Incident,Ana,Support,2026-03-09 09:00:00,2026-03-09 12:00:00,2026-03-09 09:30:00
      2,VPN drops,Resolved,High,Portal,Incident,Luis,Support,2026-03-09 10:00:00,2026-03-09 11:00:00,2026-03-09 09:58:00
      3,New laptop,Open,Medium,Phone,Service Request,Ana,Hardware,2026-03-09 11:00:00,,2026-03-09 11:05:00
      4,Password reset,Closed,Low,Chat,Service Request,Luis,Support,2026-03-09 12:00:00,2026-03-09 11:59:00,2026-03-09 12:01:00
      5,Mail quota,Resolved,Medium,Email,Question,Ana,Support,2026-03-09 13:00:00,2026-03-09 13:40:00,2026-03-09 12:55:00
      """;

  static final String MAPPING =
      """
      input: {time_zone: Europe/Madrid}
      contacts:
        contact_id: {template: "freshdesk-{Ticket ID}"}
        channel: {column: Source, map: {Email: email, Portal: web, Phone: phone, Chat: chat}}
        agent_id: Agent
        team: Group
        arrived_at: {column: Created time, format: "yyyy-MM-dd HH:mm:ss"}
        first_response_at: {column: Initial response time, format: "yyyy-MM-dd HH:mm:ss"}
        resolved_at: {column: Resolved time, format: "yyyy-MM-dd HH:mm:ss"}
        resolved: {column: Status, map: {Open: "false", Pending: "false", Resolved: "true", Closed: "true"}}
      """;

  @Test
  void by_default_a_first_response_before_the_arrival_refuses_the_file_naming_line_and_column() {
    // Ticket 2 (line 3): first response 09:58, created 10:00 Madrid = 08:58Z and 09:00Z.
    refusedData(
        MAPPING,
        FRESHDESK_CSV,
        "calls.csv, line 3, column Initial response time (mapped to"
            + " first_response_at): \"2026-03-09T08:58:00Z\" is before arrived_at 2026-03-09T09:00:00Z; expected a time at"
            + " or after the arrival; to set such rows aside or keep them without this value, add out_of_order:"
            + " {first_response_at: set_aside} or {first_response_at: clear} to the contacts section (mapping m.yaml, key"
            + " contacts.first_response_at)");
  }

  @Test
  void out_of_order_rules_set_rows_aside_or_clear_the_field_and_count_them_by_reason() {
    MappingTest.Read r =
        read(
            MAPPING
                + """
          out_of_order:
            first_response_at: set_aside
            resolved_at: {action: clear, reason: resolved before created (clock skew)}
        """,
            FRESHDESK_CSV);

    // Tickets 2 and 5 answered before they arrived: set aside. Ticket 4 resolved 1 min before it
    // arrived: kept,
    // resolved (from Status Closed) but without a resolution time.
    assertThat(r.summary().rowsRead()).isEqualTo(5);
    assertThat(r.contacts("contact_id"))
        .containsExactly("freshdesk-1", "freshdesk-3", "freshdesk-4");
    assertThat(r.contacts("resolved_at"))
        .containsExactly(Instant.parse("2026-03-09T11:00:00Z"), null, null);
    assertThat(r.contacts("resolved")).containsExactly(true, false, true);
    assertThat(r.contacts("first_response_at"))
        .containsExactly(
            Instant.parse("2026-03-09T08:30:00Z"),
            Instant.parse("2026-03-09T10:05:00Z"),
            Instant.parse("2026-03-09T11:01:00Z"));
    assertThat(r.summary().kept(RecordType.CONTACTS)).isEqualTo(3);
    assertThat(r.summary().setAside(RecordType.CONTACTS))
        .containsExactly(Map.entry("first_response_at before arrived_at", 2L));
    assertThat(r.summary().cleared(RecordType.CONTACTS))
        .containsExactly(Map.entry("resolved before created (clock skew)", 1L));
  }

  @Test
  void a_row_both_set_aside_and_cleared_is_set_aside_only() {
    MappingTest.Read r =
        read(
            MAPPING
                + """
          out_of_order:
            first_response_at: clear
            resolved_at: set_aside
        """,
            FRESHDESK_CSV);

    // Ticket 4 is set aside (resolved before arrival); 2 and 5 keep their rows without a first
    // response.
    assertThat(r.contacts("contact_id"))
        .containsExactly("freshdesk-1", "freshdesk-2", "freshdesk-3", "freshdesk-5");
    assertThat(r.contacts("first_response_at"))
        .containsExactly(
            Instant.parse("2026-03-09T08:30:00Z"),
            null,
            Instant.parse("2026-03-09T10:05:00Z"),
            null);
    assertThat(r.summary().setAside(RecordType.CONTACTS))
        .containsExactly(Map.entry("resolved_at before arrived_at", 1L));
    assertThat(r.summary().cleared(RecordType.CONTACTS))
        .containsExactly(Map.entry("first_response_at before arrived_at", 2L));
  }

  @Test
  void an_agent_state_that_does_not_end_after_it_starts_can_be_set_aside() {
    MappingTest.Read r =
        read(
            """
        agent_states:
          agent_id: Agent
          state: {column: State, map: {Ready: available, Talking: busy}}
          started_at: From
          ended_at: To
          out_of_order:
            ended_at: {action: set_aside, reason: state ending at or before its start}
        """,
            """
        Agent,State,From,To
        ana,Ready,2026-03-09T09:00:00Z,2026-03-09T10:00:00Z
        ana,Talking,2026-03-09T10:00:00Z,2026-03-09T10:00:00Z
        luis,Ready,2026-03-09T09:00:00Z,2026-03-09T08:00:00Z
        """,
            RecordType.AGENT_STATES);

    // ended_at must be after started_at (strictly): ana's 10:00-10:00 and luis' backwards span are
    // set aside.
    assertThat(r.rows().get(RecordType.AGENT_STATES)).hasSize(1);
    assertThat(r.summary().setAside(RecordType.AGENT_STATES))
        .containsExactly(Map.entry("state ending at or before its start", 2L));
  }

  @Test
  void out_of_order_rules_are_checked_when_the_mapping_is_read() {
    refusedMapping(
        MAPPING + "  out_of_order: {talk_s: set_aside}\n",
        "m.yaml, line 11, column 26, key contacts.out_of_order.talk_s: is"
            + " not a field with an order rule in contacts; expected one of answered_at, first_response_at,"
            + " abandoned_at, resolved_at.");
    refusedMapping(
        MAPPING + "  out_of_order: {answered_at: set_aside}\n",
        "m.yaml, line 11, column 31, key"
            + " contacts.out_of_order.answered_at: is not mapped in this section, so it can never be out of order; map it"
            + " or remove this rule.");
    refusedMapping(
        MAPPING + "  out_of_order: {resolved_at: drop}\n",
        "m.yaml, line 11, column 31, key contacts.out_of_order.resolved_at:"
            + " \"drop\" is not an action; expected set_aside (the row is set aside and counted), clear (the field is left"
            + " empty, the row kept and counted) or refuse (the default: the file is refused, naming line and column).");
    refusedMapping(
        """
        agent_states:
          agent_id: Agent
          state: State
          started_at: From
          ended_at: To
          out_of_order: {ended_at: {action: clear}}
        """,
        "m.yaml, line 6, column 37, key agent_states.out_of_order.ended_at.action: \"clear\" cannot apply to ended_at, which"
            + " agent_states require; expected set_aside or refuse.");
  }

  @Test
  void refuse_is_the_default_written_out() {
    refusedData(
        MAPPING + "  out_of_order: {first_response_at: refuse}\n",
        FRESHDESK_CSV,
        "calls.csv, line 3,"
            + " column Initial response time (mapped to first_response_at): \"2026-03-09T08:58:00Z\" is before arrived_at"
            + " 2026-03-09T09:00:00Z; expected a time at or after the arrival; to set such rows aside or keep them without"
            + " this value, add out_of_order: {first_response_at: set_aside} or {first_response_at: clear} to the contacts"
            + " section (mapping m.yaml, key contacts.first_response_at)");
  }
}
