package io.yardstick.sla;

import static io.yardstick.sla.SlaMetric.FIRST_REPLY;
import static io.yardstick.sla.SlaMetric.NEXT_REPLY;
import static io.yardstick.sla.SlaMetric.PERIODIC_UPDATE;
import static io.yardstick.sla.SlaMetric.RESOLUTION;
import static io.yardstick.sla.SlaOutcome.State.BREACHED;
import static io.yardstick.sla.SlaOutcome.State.MET;
import static io.yardstick.sla.SlaOutcome.State.OPEN;
import static io.yardstick.sla.TicketTimeline.Event.priority;
import static io.yardstick.sla.TicketTimeline.Event.reply;
import static io.yardstick.sla.TicketTimeline.Event.status;
import static org.assertj.core.api.Assertions.assertThat;

import io.yardstick.calendar.BusinessCalendar;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Issue 17: SLA targets computed by hand. Calendar "support" is Europe/Madrid, Monday to Friday
 * 09:00-18:00. Policy "urgent" (priority urgent, business hours): first reply 1 h, next reply 2 h,
 * resolution 8 h. Policy "standard" (any ticket, calendar time, paused while pending or on hold):
 * first reply 8 h, next reply 4 h, periodic update 24 h, resolution 72 h.
 */
class SlaEvaluatorTest {
  static final BusinessCalendar SUPPORT =
      BusinessCalendar.parse(
          "support", ZoneId.of("Europe/Madrid"), Map.of("mon-fri", "09:00-18:00"), List.of());
  static final SlaPolicy URGENT =
      new SlaPolicy(
          "urgent",
          Map.of("priority", Set.of("urgent")),
          Map.of(
              FIRST_REPLY,
              Duration.ofHours(1),
              NEXT_REPLY,
              Duration.ofHours(2),
              RESOLUTION,
              Duration.ofHours(8)),
          "support",
          Set.of("pending", "on_hold"));
  static final SlaPolicy STANDARD =
      new SlaPolicy(
          "standard",
          Map.of(),
          Map.of(
              FIRST_REPLY,
              Duration.ofHours(8),
              NEXT_REPLY,
              Duration.ofHours(4),
              PERIODIC_UPDATE,
              Duration.ofHours(24),
              RESOLUTION,
              Duration.ofHours(72)),
          null,
          Set.of("pending", "on_hold"));
  static final SlaEvaluator SLA =
      new SlaEvaluator(List.of(URGENT, STANDARD), Map.of("support", SUPPORT));

  static Instant t(String s) {
    return Instant.parse(s);
  }

  static TicketTimeline ticket(
      String id, String created, String priority, TicketTimeline.Event... events) {
    return new TicketTimeline(
        id, t(created), priority, "email", "billing", "acme", Set.of(), List.of(events));
  }

  static SlaOutcome o(
      String caseId,
      SlaMetric m,
      String policy,
      double target,
      String start,
      String fulfilled,
      String due,
      double elapsed,
      SlaOutcome.State state) {
    return new SlaOutcome(
        caseId,
        m,
        policy,
        target,
        t(start),
        fulfilled == null ? null : t(fulfilled),
        due == null ? null : t(due),
        elapsed,
        state);
  }

  @Test
  void business_hours_skip_the_weekend_and_follow_the_dst_change() {
    // Created Friday 2026-03-27 17:30 CET (16:30Z); Europe/Madrid moves to CEST on Sunday 29 March,
    // so Monday opens
    // at 09:00 CEST = 07:00Z. First reply Monday 09:20 CEST (07:20Z): 30 min on Friday + 20 min on
    // Monday = 3000 s
    // of 3600 s: met; due at Monday 09:30 CEST = 07:30Z (a fixed +01:00 would say 08:30Z).
    // Solved Monday 15:00 CEST (13:00Z): 30 min + 6 h = 23400 s of 28800 s: met; due 30 min + 7 h
    // 30 = 16:30 CEST.
    TicketTimeline t1 =
        ticket(
            "t1",
            "2026-03-27T16:30:00Z",
            "urgent",
            priority(t("2026-03-27T16:30:00Z"), "urgent"),
            reply(t("2026-03-27T16:30:00Z"), "customer"),
            reply(t("2026-03-30T07:20:00Z"), "agent"),
            status(t("2026-03-30T07:20:00Z"), "open"),
            status(t("2026-03-30T13:00:00Z"), "solved"));

    assertThat(SLA.evaluate(t1, t("2026-04-01T00:00:00Z")))
        .containsExactly(
            o(
                "t1",
                FIRST_REPLY,
                "urgent",
                3600,
                "2026-03-27T16:30:00Z",
                "2026-03-30T07:20:00Z",
                "2026-03-30T07:30:00Z",
                3000,
                MET),
            o(
                "t1",
                RESOLUTION,
                "urgent",
                28800,
                "2026-03-27T16:30:00Z",
                "2026-03-30T13:00:00Z",
                "2026-03-30T14:30:00Z",
                23400,
                MET));
  }

  @Test
  void pauses_reopen_after_solve_and_next_reply_after_each_customer_message() {
    // Calendar time, policy standard. Created Tue 2026-03-03 10:00Z.
    // First reply 12:00 (and pending): 2 h = 7200 s of 28800: met, due 18:00.
    // Next reply 1: customer 03-04 12:00 (reopens), agent 15:00: 3 h = 10800 of 14400: met, due
    // 16:00.
    // Next reply 2: customer 15:30, again 16:00 (still the same wait), agent 21:00: 5 h 30 = 19800:
    // breached, due 19:30.
    // Next reply 3: after the solve at 21:00, customer 03-05 09:00 reopens, agent 10:00: 3600: met,
    // due 13:00.
    // Periodic update 1: 12:00 to the agent reply 03-04 15:00, paused while pending (03-03 12:00 to
    // 03-04 12:00):
    //   3 h = 10800 of 86400: met; due 03-05 12:00 (the clock ran from 03-04 12:00; 24 h on).
    // Periodic update 2: 03-04 15:00 to the solve at 21:00: 21600: met; due 03-05 15:00 (+24 h).
    // The agent replies at
    //   21:00 and at 03-05 10:00 come with a solve: no period starts.
    // Resolution: new 2 h + (pending paused) + open 9 h (03-04 12:00-21:00) + (solved paused) +
    // open 1 h (03-05
    //   09:00-10:00) = 12 h = 43200 of 259200: met at the last solve; due 60 h later, 03-07 22:00.
    TicketTimeline t2 =
        ticket(
            "t2",
            "2026-03-03T10:00:00Z",
            "normal",
            reply(t("2026-03-03T10:00:00Z"), "customer"),
            reply(t("2026-03-03T12:00:00Z"), "agent"),
            status(t("2026-03-03T12:00:00Z"), "pending"),
            reply(t("2026-03-04T12:00:00Z"), "customer"),
            status(t("2026-03-04T12:00:00Z"), "open"),
            reply(t("2026-03-04T15:00:00Z"), "agent"),
            reply(t("2026-03-04T15:30:00Z"), "customer"),
            reply(t("2026-03-04T16:00:00Z"), "customer"),
            reply(t("2026-03-04T21:00:00Z"), "agent"),
            status(t("2026-03-04T21:00:00Z"), "solved"),
            reply(t("2026-03-05T09:00:00Z"), "customer"),
            status(t("2026-03-05T09:00:00Z"), "open"),
            reply(t("2026-03-05T10:00:00Z"), "agent"),
            status(t("2026-03-05T10:00:00Z"), "solved"));

    assertThat(SLA.evaluate(t2, t("2026-03-10T00:00:00Z")))
        .containsExactly(
            o(
                "t2",
                FIRST_REPLY,
                "standard",
                28800,
                "2026-03-03T10:00:00Z",
                "2026-03-03T12:00:00Z",
                "2026-03-03T18:00:00Z",
                7200,
                MET),
            o(
                "t2",
                NEXT_REPLY,
                "standard",
                14400,
                "2026-03-04T12:00:00Z",
                "2026-03-04T15:00:00Z",
                "2026-03-04T16:00:00Z",
                10800,
                MET),
            o(
                "t2",
                NEXT_REPLY,
                "standard",
                14400,
                "2026-03-04T15:30:00Z",
                "2026-03-04T21:00:00Z",
                "2026-03-04T19:30:00Z",
                19800,
                BREACHED),
            o(
                "t2",
                NEXT_REPLY,
                "standard",
                14400,
                "2026-03-05T09:00:00Z",
                "2026-03-05T10:00:00Z",
                "2026-03-05T13:00:00Z",
                3600,
                MET),
            o(
                "t2",
                PERIODIC_UPDATE,
                "standard",
                86400,
                "2026-03-03T12:00:00Z",
                "2026-03-04T15:00:00Z",
                "2026-03-05T12:00:00Z",
                10800,
                MET),
            o(
                "t2",
                PERIODIC_UPDATE,
                "standard",
                86400,
                "2026-03-04T15:00:00Z",
                "2026-03-04T21:00:00Z",
                "2026-03-05T15:00:00Z",
                21600,
                MET),
            o(
                "t2",
                RESOLUTION,
                "standard",
                259200,
                "2026-03-03T10:00:00Z",
                "2026-03-05T10:00:00Z",
                "2026-03-07T22:00:00Z",
                43200,
                MET));
  }

  @Test
  void a_priority_change_brings_the_other_policy_measured_from_the_start() {
    // Created Wed 2026-03-04 09:00 CET (08:00Z) as normal; urgent from 08:30Z; first agent reply
    // 10:15Z (11:15 CET).
    // At the reply the urgent policy applies: 09:00-11:15 = 8100 business s of 3600: breached, due
    // 10:00 CET = 09:00Z
    // (under standard it would be met: 2 h 15 of 8 h). At 12:00Z (13:00 CET) the resolution is
    // open: 4 h = 14400 of
    // 28800 counted, due 17:00 CET = 16:00Z, 14400 s to breach.
    TicketTimeline t3 =
        ticket(
            "t3",
            "2026-03-04T08:00:00Z",
            "urgent",
            priority(t("2026-03-04T08:00:00Z"), "normal"),
            priority(t("2026-03-04T08:30:00Z"), "urgent"),
            reply(t("2026-03-04T10:15:00Z"), "agent"),
            status(t("2026-03-04T10:15:00Z"), "open"));

    List<SlaOutcome> outcomes = SLA.evaluate(t3, t("2026-03-04T12:00:00Z"));

    assertThat(outcomes)
        .containsExactly(
            o(
                "t3",
                FIRST_REPLY,
                "urgent",
                3600,
                "2026-03-04T08:00:00Z",
                "2026-03-04T10:15:00Z",
                "2026-03-04T09:00:00Z",
                8100,
                BREACHED),
            o(
                "t3",
                RESOLUTION,
                "urgent",
                28800,
                "2026-03-04T08:00:00Z",
                null,
                "2026-03-04T16:00:00Z",
                14400,
                OPEN));
    assertThat(outcomes.get(1).secondsToBreach()).isEqualTo(14400);
    // Asked before the change, the first reply was still the standard policy's, open with 8 h less
    // 20 min to go.
    assertThat(SLA.evaluate(t3, t("2026-03-04T08:20:00Z")).get(0))
        .isEqualTo(
            o(
                "t3",
                FIRST_REPLY,
                "standard",
                28800,
                "2026-03-04T08:00:00Z",
                null,
                "2026-03-04T16:00:00Z",
                1200,
                OPEN));
  }

  @Test
  void an_open_target_paused_now_has_no_due_time_and_keeps_its_counted_time() {
    // Standard policy. Created 03-03 10:00Z, agent reply and pending at 11:00Z; asked 03-04 12:00Z.
    // Resolution: 1 h counted, paused since: open, no due. Periodic update from 11:00: paused since
    // it began: 0 s.
    TicketTimeline t4 =
        ticket(
            "t4",
            "2026-03-03T10:00:00Z",
            "normal",
            reply(t("2026-03-03T11:00:00Z"), "agent"),
            status(t("2026-03-03T11:00:00Z"), "pending"));

    assertThat(SLA.evaluate(t4, t("2026-03-04T12:00:00Z")))
        .containsExactly(
            o(
                "t4",
                FIRST_REPLY,
                "standard",
                28800,
                "2026-03-03T10:00:00Z",
                "2026-03-03T11:00:00Z",
                "2026-03-03T18:00:00Z",
                3600,
                MET),
            o(
                "t4",
                PERIODIC_UPDATE,
                "standard",
                86400,
                "2026-03-03T11:00:00Z",
                null,
                null,
                0,
                OPEN),
            o(
                "t4",
                RESOLUTION,
                "standard",
                259200,
                "2026-03-03T10:00:00Z",
                null,
                null,
                3600,
                OPEN));
  }

  @Test
  void a_ticket_no_policy_matches_has_no_targets() {
    SlaEvaluator urgentOnly = new SlaEvaluator(List.of(URGENT), Map.of("support", SUPPORT));

    assertThat(
            urgentOnly.evaluate(
                ticket("t5", "2026-03-03T10:00:00Z", "low"), t("2026-03-04T00:00:00Z")))
        .isEmpty();
  }

  @Test
  void a_solve_ends_the_wait_for_a_next_reply_met_or_breached_by_its_time() {
    // Calendar time, policy standard (next_reply 4 h = 14400 s). Created Tue 2026-03-03 10:00Z.
    // First reply 10:30 (1800 s of 28800: met, due 18:00).
    // Customer "thanks" 11:00, no agent reply, solved 12:00: the solve ends the wait:
    //   1 h = 3600 of 14400: met at 12:00, due 11:00 + 4 h = 15:00.
    // Reopened by the customer 03-04 09:00, no agent reply, solved 14:00: 5 h = 18000 > 14400:
    //   breached, due 09:00 + 4 h = 13:00, fulfilled at the solve 14:00.
    // Before this rule the first wait stayed open and breached at 15:00, its overrun growing.
    TicketTimeline t6 =
        ticket(
            "t6",
            "2026-03-03T10:00:00Z",
            "normal",
            reply(t("2026-03-03T10:00:00Z"), "customer"),
            reply(t("2026-03-03T10:30:00Z"), "agent"),
            reply(t("2026-03-03T11:00:00Z"), "customer"),
            status(t("2026-03-03T12:00:00Z"), "solved"),
            reply(t("2026-03-04T09:00:00Z"), "customer"),
            status(t("2026-03-04T09:00:00Z"), "open"),
            status(t("2026-03-04T14:00:00Z"), "solved"));

    assertThat(
            SLA.evaluate(t6, t("2026-03-10T00:00:00Z")).stream()
                .filter(o -> o.metric() == NEXT_REPLY)
                .toList())
        .containsExactly(
            o(
                "t6",
                NEXT_REPLY,
                "standard",
                14400,
                "2026-03-03T11:00:00Z",
                "2026-03-03T12:00:00Z",
                "2026-03-03T15:00:00Z",
                3600,
                MET),
            o(
                "t6",
                NEXT_REPLY,
                "standard",
                14400,
                "2026-03-04T09:00:00Z",
                "2026-03-04T14:00:00Z",
                "2026-03-04T13:00:00Z",
                18000,
                BREACHED));
  }
}
