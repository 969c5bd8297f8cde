package io.yardstick.sources.zendesk;

import static io.yardstick.sources.zendesk.ZendeskImporterTest.load;
import static io.yardstick.sources.zendesk.ZendeskImporterTest.rows;
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
 * Issue 17, part 1: Zendesk's ticket metric events become ticket events, and its tickets tickets
 * (priority, status, tags). The fixture {@code tickets_with_metric_events.json} is a tickets page
 * and a page of {@code GET /api/v2/incremental/ticket_metric_events} in the shape of Zendesk's
 * "Ticket metric event types reference" (id, ticket_id, metric, instance_id, type, time; sla and
 * status objects on apply_sla and update_status).
 */
class ZendeskTicketEventsTest {
  @TempDir Path dir;

  @Test
  void reply_and_status_metric_events_become_the_tickets_timeline() throws IOException {
    try (Store store = Store.open(dir.resolve("z.duckdb").toString())) {
      SourceSummary s =
          load(store, "page.json", ZendeskShapesTest.resource("tickets_with_metric_events.json"));
      assertThat(rows(store, "SELECT case_id, priority, status, group_name, tags FROM tickets"))
          .containsExactly(
              "zendesk-201 urgent solved 30 ,billing,vip,", "zendesk-202 normal on_hold 30 null");
      // 201: reply_time fulfil 09:40 (agent); requester_wait_time pause 09:40 (pending; the
      // agent_work_time pause beside it is the same change); reply_time instance 2 activate 13:00
      // (customer); agent_work_time activate 13:00 (open); reply_time fulfil 15:30 (agent);
      // requester_wait_time fulfil 15:30 (solved). 202: fulfil 11:00 (agent) and an
      // agent_work_time pause without a requester-wait pause (on_hold).
      assertThat(
              rows(
                  store,
                  "SELECT case_id, strftime(occurred_at AT TIME ZONE 'UTC', '%H:%M'), kind,"
                      + " COALESCE(status, actor) FROM ticket_events ORDER BY case_id,"
                      + " occurred_at, kind"))
          .containsExactly(
              "zendesk-201 09:40 reply agent",
              "zendesk-201 09:40 status pending",
              "zendesk-201 13:00 reply customer",
              "zendesk-201 13:00 status open",
              "zendesk-201 15:30 reply agent",
              "zendesk-201 15:30 status solved",
              "zendesk-202 11:00 reply agent",
              "zendesk-202 11:00 status on_hold");
      assertThat(s.lines())
          .contains(
              "  set aside 1: ticket metric events whose ticket is not in this file",
              "  8 ticket metric events carry no reply or status change (apply_sla, breach,"
                  + " update_status, other metrics) and were left out");

      // The same export again changes nothing (all or nothing, keyed rows replace themselves).
      load(store, "page.json", ZendeskShapesTest.resource("tickets_with_metric_events.json"));
      assertThat(store.query("SELECT COUNT(*) FROM ticket_events").get(0)[0]).isEqualTo(8L);
      assertThat(store.query("SELECT COUNT(*) FROM tickets").get(0)[0]).isEqualTo(2L);
    }
  }

  @Test
  void the_timeline_gives_the_sla_targets_zendesk_itself_recorded() throws IOException {
    // Policy urgent, calendar time: first reply 1h, next reply 1h, resolution 8h (paused on
    // pending).
    // first reply 09:00 -> 09:40 = 2400 s of 3600: met.
    // next reply: customer 13:00 -> agent 15:30 = 9000 s > 3600: breached, due 13:00 + 1h = 14:00,
    //   the instant of Zendesk's own breach event (id 11) in the export.
    // resolution: 09:00-09:40 (2400) + paused pending 09:40-13:00 + 13:00-15:30 (9000) = 11400 s of
    //   28800: met.
    try (Store store = Store.open(dir.resolve("z.duckdb").toString())) {
      load(store, "page.json", ZendeskShapesTest.resource("tickets_with_metric_events.json"));
      SlaTargets.refresh(
          store,
          SlaSettings.parse(
              "sla_policies:\n  - name: urgent\n    when: {priority: urgent}\n"
                  + "    targets: {first_reply: 1h, next_reply: 1h, resolution: 8h}\n"
                  + "    pause_on: [pending]\n",
              "yardstick.yaml"),
          Instant.parse("2026-03-05T00:00:00Z"));
      assertThat(
              rows(
                  store,
                  "SELECT metric, CAST(elapsed_s AS BIGINT), state, strftime(due_at AT TIME ZONE"
                      + " 'UTC', '%H:%M') FROM sla_targets WHERE case_id = 'zendesk-201' ORDER BY"
                      + " started_at, metric"))
          .containsExactly(
              "first_reply 2400 met 10:00",
              "resolution 11400 met 20:20",
              "next_reply 9000 breached 14:00");
    }
  }

  @Test
  void a_malformed_event_names_file_line_field_and_value_and_nothing_is_imported()
      throws IOException {
    String page =
        ZendeskShapesTest.resource("tickets_with_metric_events.json")
            .replace("\"time\": \"2026-03-02T13:00:00Z\"}", "\"time\": \"2026-03-02 13:00\"}");
    try (Store store = Store.open(dir.resolve("z.duckdb").toString())) {
      assertThatThrownBy(() -> load(store, "page.json", page))
          .isInstanceOf(ImportException.class)
          .hasMessage(
              "page.json, line 18, column (value 2)/ticket_metric_events/7/time: \"2026-03-02"
                  + " 13:00\" is not a timestamp; expected ISO-8601 with an offset, such as"
                  + " 2026-03-01T09:15:00Z. Nothing from this file was imported.");
      assertThat(store.query("SELECT COUNT(*) FROM tickets").get(0)[0]).isEqualTo(0L);
    }
  }
}
