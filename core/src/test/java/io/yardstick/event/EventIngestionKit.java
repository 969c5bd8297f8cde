package io.yardstick.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.yardstick.kpi.Kpi;
import io.yardstick.kpi.KpiEngine;
import io.yardstick.model.RecordType;
import io.yardstick.store.Store;
import io.yardstick.store.StoreKit;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Live events applied the same on every store: all or nothing per batch, resends change nothing.
 */
public abstract class EventIngestionKit extends StoreKit {
  static final Instant T0 = Instant.parse("2026-11-25T09:00:00Z");
  static final ObjectMapper JSON = new ObjectMapper();

  Store store;
  EventIngestor ingestor;
  final Clock clock = Clock.fixed(T0.plusSeconds(600), ZoneOffset.UTC);

  @BeforeEach
  void open() throws Exception {
    store = newStore();
    ingestor = new EventIngestor(store, clock);
  }

  @AfterEach
  void close() {
    ingestor.close();
    store.close();
  }

  static List<Event> events(String json) throws Exception {
    return EventJson.parse(JSON.readTree(json.replace('\'', '"')));
  }

  static final String CALL =
      "["
          + "{'id': 'e1', 'type': 'arrived', 'at': '2026-11-25T09:00:00Z', 'contact_id': 'C1', 'channel': 'phone',"
          + " 'queue': 'billing'},"
          + "{'id': 'e2', 'type': 'arrived', 'at': '2026-11-25T09:01:00Z', 'contact_id': 'C2', 'channel': 'phone',"
          + " 'queue': 'billing'},"
          + "{'id': 'e3', 'type': 'answered', 'at': '2026-11-25T09:00:30Z', 'contact_id': 'C1', 'agent_id': 'a1'},"
          + "{'id': 'e4', 'type': 'resolved', 'at': '2026-11-25T09:05:00Z', 'contact_id': 'C1', 'talk_s': 240},"
          + "{'id': 'e5', 'type': 'survey', 'at': '2026-11-25T09:06:00Z', 'survey_id': 'S1', 'kind': 'csat',"
          + " 'score': 5, 'contact_id': 'C1'}]";

  @Test
  void a_batch_updates_contacts_surveys_and_the_live_view() throws Exception {
    EventIngestor.Result r = ingestor.ingest(events(CALL));

    assertThat(r).isEqualTo(new EventIngestor.Result(5, 5, 0));
    assertThat(
            store.query(
                "SELECT contact_id, answered_at, resolved_at, resolved, talk_s, agent_id FROM contacts"
                    + " ORDER BY contact_id"))
        .containsExactly(
            new Object[] {"C1", T0.plusSeconds(30), T0.plusSeconds(300), true, 240.0, "a1"},
            new Object[] {"C2", null, null, false, null, null});
    assertThat(store.count(RecordType.SURVEYS)).isEqualTo(1);
    // C2 waits since 09:01; the clock says 09:10: 540 s
    LiveView.Snapshot now = ingestor.live().snapshot(clock.instant());
    assertThat(now.queues()).containsExactly(new LiveView.QueueNow("billing", 1, 540L, 0));
  }

  @Test
  void a_resent_batch_changes_nothing() throws Exception {
    ingestor.ingest(events(CALL));
    List<Object[]> before = store.query("SELECT * FROM contacts ORDER BY contact_id");
    long version = store.dataVersion();

    EventIngestor.Result again = ingestor.ingest(events(CALL));

    assertThat(again).isEqualTo(new EventIngestor.Result(5, 0, 5));
    assertThat(store.query("SELECT * FROM contacts ORDER BY contact_id"))
        .containsExactlyElementsOf(before);
    assertThat(store.count(RecordType.SURVEYS)).isEqualTo(1);
    assertThat(store.query("SELECT COUNT(*) FROM events").get(0)[0]).isEqualTo(5L);
    assertThat(store.dataVersion()).isEqualTo(version);
  }

  @Test
  void a_batch_with_a_bad_event_keeps_nothing_and_names_the_event() throws Exception {
    assertThatThrownBy(
            () ->
                ingestor.ingest(
                    events(
                        "[{'id': 'x1', 'type': 'arrived', 'at': '2026-11-25T09:00:00Z',"
                            + " 'contact_id': 'C9', 'channel': 'chat'}, {'id': 'x2', 'type': 'answered', 'at': '2026-11-25T09:00:10Z',"
                            + " 'contact_id': 'C404'}]")))
        .isInstanceOf(EventException.class)
        .hasMessage(
            "Event 2 (id x2): contact C404 is unknown; send its arrived event first (earlier in the same"
                + " batch will do).");
    assertThat(store.count(RecordType.CONTACTS)).isZero();
    assertThat(store.query("SELECT COUNT(*) FROM events").get(0)[0]).isEqualTo(0L);
    assertThat(ingestor.live().waiting(clock.instant())).isEmpty();
  }

  @Test
  void events_for_a_contact_stored_before_the_ingestor_started_read_it_back() throws Exception {
    ingestor.ingest(events(CALL));
    ingestor.close();
    ingestor = new EventIngestor(store, clock);
    assertThat(ingestor.live().waiting(clock.instant()))
        .extracting(LiveView.Waiting::contactId)
        .containsExactly("C2");

    ingestor.ingest(
        events(
            "{'id': 'e6', 'type': 'abandoned', 'at': '2026-11-25T09:03:00Z', 'contact_id': 'C2'}"));

    assertThat(
            store.query(
                "SELECT channel, queue, abandoned_at FROM contacts WHERE contact_id = 'C2'"))
        .containsExactly(new Object[] {"phone", "billing", T0.plusSeconds(180)});
    assertThat(ingestor.live().waiting(clock.instant())).isEmpty();
    // C1 answered after 30 s, C2 abandoned after 120 s: abandonment 50%, ASA 30 s
    var row =
        new KpiEngine(store)
            .computeWindow(
                T0,
                T0.plus(Duration.ofMinutes(15)),
                ZoneId.of("UTC"),
                List.of(Kpi.CONTACTS, Kpi.ABANDONMENT_RATE, Kpi.ASA),
                List.of());
    assertThat(row.values())
        .containsEntry(Kpi.CONTACTS, 2L)
        .containsEntry(Kpi.ABANDONMENT_RATE, 50.0)
        .containsEntry(Kpi.ASA, 30.0);
  }

  @Test
  void agent_states_close_the_previous_state_and_count_agents_available_per_queue()
      throws Exception {
    ingestor.ingest(
        events(
            "[{'id': 'g1', 'type': 'agent_state', 'at': '2026-11-25T08:00:00Z', 'agent_id': 'a1',"
                + " 'state': 'available', 'queues': ['billing', 'tech']},"
                + "{'id': 'g2', 'type': 'agent_state', 'at': '2026-11-25T08:30:00Z', 'agent_id': 'a1', 'state': 'break'},"
                + "{'id': 'g3', 'type': 'agent_state', 'at': '2026-11-25T08:45:00Z', 'agent_id': 'a1', 'state': 'available'},"
                + "{'id': 'g4', 'type': 'agent_state', 'at': '2026-11-25T08:00:00Z', 'agent_id': 'a2', 'state': 'busy',"
                + " 'queues': ['billing']}]"));

    assertThat(
            store.query(
                "SELECT agent_id, state, started_at, ended_at FROM agent_states ORDER BY started_at"))
        .containsExactly(
            new Object[] {"a1", "available", T0.minusSeconds(3600), T0.minusSeconds(1800)},
            new Object[] {"a1", "break", T0.minusSeconds(1800), T0.minusSeconds(900)});
    assertThat(ingestor.live().snapshot(clock.instant()).queues())
        .containsExactly(
            new LiveView.QueueNow("billing", 0, null, 1),
            new LiveView.QueueNow("tech", 0, null, 1));
    assertThat(LiveView.load(store, clock.instant()).snapshot(clock.instant()).total())
        .isEqualTo(new LiveView.QueueNow(null, 0, null, 1));
  }

  @Test
  void a_window_refuses_kpis_counted_by_whole_days() {
    assertThatThrownBy(
            () ->
                new KpiEngine(store)
                    .computeWindow(
                        T0,
                        T0.plusSeconds(900),
                        ZoneId.of("UTC"),
                        List.of(Kpi.OCCUPANCY),
                        List.of()))
        .hasMessageContaining("KPI occupancy reads agent_time, which is counted by whole days");
  }
}
