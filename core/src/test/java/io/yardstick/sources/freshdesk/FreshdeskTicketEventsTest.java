package io.yardstick.sources.freshdesk;

import static io.yardstick.sources.freshdesk.FreshdeskImporterTest.load;
import static io.yardstick.sources.freshdesk.FreshdeskImporterTest.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.yardstick.ingest.ImportException;
import io.yardstick.sla.SlaSettings;
import io.yardstick.sla.SlaTargets;
import io.yardstick.sources.SourceSummary;
import io.yardstick.store.Store;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 17, part 1: Freshdesk's ticket conversations ({@code GET
 * /api/v2/tickets/:id/conversations}, in the shape of Freshworks' Conversation model: id,
 * body_text, incoming, private, user_id, source, ticket_id, created_at...) become replies, and the
 * ticket's stats its last solve, so Freshdesk tickets get SLA targets.
 */
class FreshdeskTicketEventsTest {
  @TempDir Path dir;

  static final String FIXTURE = "ticket_with_conversations.json";

  @Test
  void public_conversations_are_replies_notes_are_not_and_the_stats_give_the_solve()
      throws IOException {
    try (Store store = Store.open(dir.resolve("f.duckdb").toString())) {
      SourceSummary s = load(store, "t.json", FreshdeskShapesTest.resource(FIXTURE));
      assertThat(rows(store, "SELECT case_id, priority, status, group_name, tags FROM tickets"))
          .containsExactly("freshdesk-31 urgent solved 3101 ,billing,vip,");
      // 901 agent 09:30; 902 incoming 11:00; 903 private note: left out; 904 agent 12:30;
      // stats.resolved_at 16:00: solved; 905 belongs to ticket 99, not in the file: set aside
      assertThat(
              rows(
                  store,
                  "SELECT strftime(occurred_at AT TIME ZONE 'UTC', '%H:%M'), kind, COALESCE(status,"
                      + " actor), agent_id FROM ticket_events ORDER BY occurred_at"))
          .containsExactly(
              "09:30 reply agent 4001",
              "11:00 reply customer null",
              "12:30 reply agent 4001",
              "16:00 status solved null");
      assertThat(s.lines())
          .contains("  set aside 1: conversations whose ticket is not in this file");
      assertThat(s.lines().get(1)).contains("3 replies, 1 private notes left out");

      load(store, "t.json", FreshdeskShapesTest.resource(FIXTURE));
      assertThat(store.query("SELECT COUNT(*) FROM ticket_events").get(0)[0]).isEqualTo(4L);
    }
  }

  @Test
  void the_timeline_gives_hand_computed_sla_targets() throws IOException {
    // Policy urgent, calendar time: first reply 1h, next reply 1h, resolution 8h.
    // first reply 09:00 -> 09:30 = 1800 s of 3600: met, due 10:00.
    // next reply: customer 11:00 -> agent 12:30 = 5400 s > 3600: breached, due 12:00.
    // resolution: 09:00 -> 16:00 = 25200 s of 28800, no pause: met, due 17:00 (Freshdesk's own
    //   due_by in the export is 17:00 too).
    try (Store store = Store.open(dir.resolve("f.duckdb").toString())) {
      load(store, "t.json", FreshdeskShapesTest.resource(FIXTURE));
      SlaTargets.refresh(
          store,
          SlaSettings.parse(
              "sla_policies:\n  - name: urgent\n    when: {priority: urgent}\n"
                  + "    targets: {first_reply: 1h, next_reply: 1h, resolution: 8h}\n",
              "yardstick.yaml"),
          Instant.parse("2026-03-12T00:00:00Z"));
      assertThat(
              rows(
                  store,
                  "SELECT metric, CAST(elapsed_s AS BIGINT), state, strftime(due_at AT TIME ZONE"
                      + " 'UTC', '%H:%M') FROM sla_targets ORDER BY started_at, metric"))
          .containsExactly(
              "first_reply 1800 met 10:00",
              "resolution 25200 met 17:00",
              "next_reply 5400 breached 12:00");
    }
  }

  @Test
  void a_conversation_with_a_bad_incoming_flag_is_refused_naming_where() throws IOException {
    String bad =
        FreshdeskShapesTest.resource(FIXTURE)
            .replace("\"id\": 902, \"incoming\": true", "\"id\": 902, \"incoming\": \"yes\"");
    try (Store store = Store.open(dir.resolve("f.duckdb").toString())) {
      assertThatThrownBy(() -> load(store, "t.json", bad))
          .isInstanceOf(ImportException.class)
          .hasMessage(
              "t.json, line 21, column (value 2)/1/incoming: \"yes\" is not true or false. Nothing"
                  + " from this file was imported.");
      assertThat(store.query("SELECT COUNT(*) FROM tickets").get(0)[0]).isEqualTo(0L);
    }
  }
}
