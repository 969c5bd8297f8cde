package io.yardstick.staffing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.yardstick.model.AgentState;
import io.yardstick.model.Contact;
import io.yardstick.model.Direction;
import io.yardstick.model.RecordType;
import io.yardstick.model.State;
import io.yardstick.store.Loader;
import io.yardstick.store.Store;
import io.yardstick.store.StoreKit;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Volumes, handle time, patience and logged-in agents read from a store, on every store: one
 * hand-made Monday in Madrid (2026-03-02, UTC+1), half-hour intervals counted from local midnight.
 */
public abstract class StaffingHistoryKit extends StoreKit {
  static final ZoneId MADRID = ZoneId.of("Europe/Madrid");
  static final StaffingHistory.Period DAY =
      new StaffingHistory.Period(
          LocalDate.parse("2026-03-02"),
          LocalDate.parse("2026-03-02"),
          MADRID,
          Duration.ofMinutes(30));

  Store store;

  static Instant local(String dateTime) {
    return LocalDateTime.parse(dateTime).atZone(MADRID).toInstant();
  }

  static Instant at(String time) {
    return local("2026-03-02T" + time);
  }

  @BeforeEach
  void load() throws Exception {
    store = newStore();
    try (Loader loader = store.loader()) {
      var contacts = loader.sink(RecordType.CONTACTS);
      // c1: answered after 30 s, handled 200 + 40 s by a1; c2: abandoned after 90 s; c3: answered
      // after 60 s,
      // handled 150 + 30 s by a2; c4 is outbound and c5 a chat: neither counts for phone
      contacts.accept(
          1,
          Contact.builder("c1", "phone", at("08:05:00"))
              .agentId("a1")
              .answeredAt(at("08:05:30"))
              .talkSeconds(200.0)
              .wrapSeconds(40.0)
              .build()
              .toRow());
      contacts.accept(
          2,
          Contact.builder("c2", "phone", at("08:10:00"))
              .abandonedAt(at("08:11:30"))
              .build()
              .toRow());
      contacts.accept(
          3,
          Contact.builder("c3", "phone", at("08:40:00"))
              .agentId("a2")
              .answeredAt(at("08:41:00"))
              .talkSeconds(150.0)
              .wrapSeconds(30.0)
              .build()
              .toRow());
      contacts.accept(
          4,
          Contact.builder("c4", "phone", at("08:20:00"))
              .direction(Direction.OUTBOUND)
              .agentId("a1")
              .answeredAt(at("08:20:00"))
              .talkSeconds(999.0)
              .build()
              .toRow());
      contacts.accept(
          5,
          Contact.builder("c5", "chat", at("08:15:00"))
              .agentId("a3")
              .answeredAt(at("08:15:10"))
              .talkSeconds(300.0)
              .build()
              .toRow());
      var states = loader.sink(RecordType.AGENT_STATES);
      long line = 0;
      // a1: from the evening before until 00:15, then 07:45-08:45 logged in, a break, then offline
      states.accept(
          ++line,
          new AgentState("a1", State.AVAILABLE, local("2026-03-01T23:30:00"), at("00:15:00"))
              .toRow());
      states.accept(
          ++line, new AgentState("a1", State.AVAILABLE, at("07:45:00"), at("08:15:00")).toRow());
      states.accept(
          ++line, new AgentState("a1", State.BUSY, at("08:15:00"), at("08:45:00")).toRow());
      states.accept(
          ++line, new AgentState("a1", State.BREAK, at("08:45:00"), at("09:00:00")).toRow());
      states.accept(
          ++line, new AgentState("a1", State.OFFLINE, at("09:00:00"), at("12:00:00")).toRow());
      // a2: busy 08:00-09:00 and in wrap 09:00-09:30; a3 serves chat only
      states.accept(
          ++line, new AgentState("a2", State.BUSY, at("08:00:00"), at("09:00:00")).toRow());
      states.accept(
          ++line, new AgentState("a2", State.WRAP, at("09:00:00"), at("09:30:00")).toRow());
      states.accept(
          ++line, new AgentState("a3", State.AVAILABLE, at("08:00:00"), at("09:00:00")).toRow());
      loader.commit();
    }
  }

  @AfterEach
  void close() {
    store.close();
  }

  @Test
  void volumes_count_inbound_contacts_of_the_channel_per_local_half_hour_with_empty_intervals() {
    List<IntervalVolume> v = StaffingHistory.volumes(store, "phone", DAY);

    assertThat(v).hasSize(48);
    assertThat(v.get(16))
        .isEqualTo(new IntervalVolume(at("08:00:00"), Duration.ofMinutes(30), 2)); // c1, c2
    assertThat(v.get(17))
        .isEqualTo(new IntervalVolume(at("08:30:00"), Duration.ofMinutes(30), 1)); // c3
    assertThat(v.stream().mapToDouble(IntervalVolume::contacts).sum()).isEqualTo(3);
  }

  @Test
  void aht_is_the_mean_handle_time_of_answered_inbound_contacts() {
    // (200 + 40 + 150 + 30) / 2 = 210 s
    assertThat(StaffingHistory.aht(store, "phone", DAY)).hasValue(210.0);
  }

  @Test
  void patience_is_all_waits_over_the_abandons() {
    // waits 30 s (answered), 90 s (abandoned), 60 s (answered): 180 s / 1 abandon = 180 s
    Patience p = StaffingHistory.patience(store, "phone", DAY);
    assertThat(p.meanSeconds()).isCloseTo(180.0, within(1e-6));
    assertThat(p.abandoned()).isEqualTo(1);
  }

  @Test
  void
      logged_in_agents_are_agent_seconds_available_busy_or_wrap_per_interval_for_the_channels_agents() {
    Map<Instant, Double> in = StaffingHistory.loggedIn(store, "phone", DAY);

    assertThat(in).hasSize(48);
    assertThat(in.get(at("00:00:00")))
        .isCloseTo(0.5, within(1e-9)); // a1 until 00:15, clipped at midnight
    assertThat(in.get(at("07:30:00"))).isCloseTo(0.5, within(1e-9)); // a1 from 07:45
    assertThat(in.get(at("08:00:00")))
        .isCloseTo(2.0, within(1e-9)); // a1 and a2 all along (a3 is chat)
    assertThat(in.get(at("08:30:00")))
        .isCloseTo(1.5, within(1e-9)); // a1 15 min before the break, a2
    assertThat(in.get(at("09:00:00"))).isCloseTo(1.0, within(1e-9)); // a2 in wrap
    assertThat(in.get(at("09:30:00"))).isCloseTo(0.0, within(1e-9));
  }

  @Test
  void a_plan_from_history_gives_agents_per_interval_and_the_gap_against_logged_in_agents() {
    StaffingTarget target = StaffingTarget.serviceLevel(0.80, 20).shrinkage(0.25).build();
    StaffingPlan plan =
        StaffingPlan.of(StaffingHistory.volumes(store, "phone", DAY), 210, target)
            .against(StaffingHistory.loggedIn(store, "phone", DAY));

    // 08:00: 2 calls x 210 s / 1800 s = 0.2333 Erlangs. One agent: C = 0.2333 (M/M/1), service
    // level
    // 1 - 0.2333 e^(-(1 - 0.2333) 20 / 210) = 78.3% < 80%; two agents: 97.9%. Gap 2.0 logged in - 2
    // = 0
    StaffingPlan.Row eight = plan.rows().get(16);
    assertThat(eight.agents()).isEqualTo(2);
    assertThat(eight.scheduledAgents()).isEqualTo(3); // ceil(2 / 0.75) = ceil(2.67)
    assertThat(eight.gap()).isCloseTo(0.0, within(1e-9));
    // 08:30: 1 call, 0.1167 Erlangs; one agent answers 1 - 0.1167 e^(-(0.8833) 20 / 210) = 89.3%;
    // gap 1.5 - 1
    StaffingPlan.Row half = plan.rows().get(17);
    assertThat(half.agents()).isEqualTo(1);
    assertThat(half.staffing().metrics().serviceLevel()).isCloseTo(0.89275, within(1e-5));
    assertThat(half.gap()).isCloseTo(0.5, within(1e-9));
    // no calls, no agents; a1 logged in at 07:45 for nothing
    assertThat(plan.rows().get(15).agents()).isZero();
    assertThat(plan.rows().get(15).gap()).isCloseTo(0.5, within(1e-9));
    assertThat(plan.peakAgents()).isEqualTo(2);
    assertThat(plan.agentHours()).isCloseTo(1.5, within(1e-9)); // (2 + 1) x 0.5 h
  }
}
