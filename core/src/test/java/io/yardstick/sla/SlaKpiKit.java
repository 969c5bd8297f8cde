package io.yardstick.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.yardstick.ingest.ImportSource;
import io.yardstick.kpi.Dimension;
import io.yardstick.kpi.Filter;
import io.yardstick.kpi.Kpi;
import io.yardstick.kpi.KpiEngine;
import io.yardstick.kpi.KpiQuery;
import io.yardstick.kpi.KpiResult;
import io.yardstick.model.RecordType;
import io.yardstick.store.Store;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 17: the sla_* KPIs from imported tickets, on every store. The three tickets are those of
 * {@link SlaEvaluatorTest} (weekend and DST night, pauses and reopen, priority change), with its
 * policies; the arithmetic of each target is written there, the sums here.
 */
public abstract class SlaKpiKit extends io.yardstick.store.StoreKit {
  protected Store store;

  static final Instant AS_OF = Instant.parse("2026-04-01T00:00:00Z");
  static final ZoneId MADRID = ZoneId.of("Europe/Madrid");

  @BeforeEach
  void fill() throws Exception {
    store = newStore();
    load(
        RecordType.CONTACTS,
        "contacts.csv",
        """
        contact_id,case_id,channel,queue,arrived_at
        m1,t1,email,billing,2026-03-27T16:30:00Z
        m2,t2,chat,support,2026-03-03T10:00:00Z
        m3,t3,email,billing,2026-03-04T08:00:00Z
        """);
    load(
        RecordType.TICKETS,
        "tickets.csv",
        """
        case_id,created_at,priority,status,tags
        t1,2026-03-27T16:30:00Z,urgent,solved,vip
        t2,,normal,solved,"refund,vip"
        t3,2026-03-04T08:00:00Z,urgent,open,
        """);
    load(
        RecordType.TICKET_EVENTS,
        "events.csv",
        """
        case_id,occurred_at,kind,status,priority,actor
        t1,2026-03-27T16:30:00Z,priority,,urgent,
        t1,2026-03-27T16:30:00Z,reply,,,customer
        t1,2026-03-30T07:20:00Z,reply,,,agent
        t1,2026-03-30T07:20:00Z,status,open,,
        t1,2026-03-30T13:00:00Z,status,solved,,
        t2,2026-03-03T10:00:00Z,reply,,,customer
        t2,2026-03-03T12:00:00Z,reply,,,agent
        t2,2026-03-03T12:00:00Z,status,pending,,
        t2,2026-03-04T12:00:00Z,reply,,,customer
        t2,2026-03-04T12:00:00Z,status,open,,
        t2,2026-03-04T15:00:00Z,reply,,,agent
        t2,2026-03-04T15:30:00Z,reply,,,customer
        t2,2026-03-04T16:00:00Z,reply,,,customer
        t2,2026-03-04T21:00:00Z,reply,,,agent
        t2,2026-03-04T21:00:00Z,status,solved,,
        t2,2026-03-05T09:00:00Z,reply,,,customer
        t2,2026-03-05T09:00:00Z,status,open,,
        t2,2026-03-05T10:00:00Z,reply,,,agent
        t2,2026-03-05T10:00:00Z,status,solved,,
        t3,2026-03-04T08:00:00Z,priority,,normal,
        t3,2026-03-04T08:30:00Z,priority,,urgent,
        t3,2026-03-04T10:15:00Z,reply,,,agent
        t3,2026-03-04T10:15:00Z,status,open,,
        """);
    assertThat(SlaTargets.refresh(store, SlaEvaluatorTest.SLA, AS_OF)).isEqualTo(11);
  }

  @AfterEach
  void close() {
    store.close();
  }

  private void load(RecordType type, String name, String text) {
    store.importFile(type, ImportSource.of(name, text.getBytes(StandardCharsets.UTF_8)), b -> {});
  }

  private KpiResult march(List<Dimension> by, List<Filter> filters) {
    return new KpiEngine(store)
        .compute(
            new KpiQuery(
                LocalDate.of(2026, 3, 1),
                LocalDate.of(2026, 3, 31),
                MADRID,
                List.of(
                    Kpi.SLA_ACHIEVEMENT,
                    Kpi.SLA_BREACHES,
                    Kpi.SLA_OVERRUN_AVG,
                    Kpi.SLA_FIRST_REPLY_ACHIEVEMENT,
                    Kpi.SLA_NEXT_REPLY_ACHIEVEMENT,
                    Kpi.SLA_PERIODIC_UPDATE_ACHIEVEMENT,
                    Kpi.SLA_RESOLUTION_ACHIEVEMENT),
                by,
                filters,
                false,
                null));
  }

  @Test
  void stores_every_target_with_its_state_and_settling_time() {
    List<String> rows = new ArrayList<>();
    for (Object[] r :
        store.query(
            "SELECT case_id, metric, policy, state, settled_at, elapsed_s, priority, tags"
                + " FROM sla_targets ORDER BY case_id, metric, started_at")) {
      rows.add(
          r[0] + " " + r[1] + " " + r[2] + " " + r[3] + " " + r[4] + " " + r[5] + " " + r[6] + " "
              + r[7]);
    }
    // t3's resolution is open at the refresh and long breached: 20 working days of 9 h from
    // 2026-03-04 to 2026-03-31
    // (3 + 5 + 5 + 5 + 2) = 180 h = 648000 business seconds; it settled when it fell due,
    // 2026-03-04 17:00 CET.
    assertThat(rows)
        .containsExactly(
            "t1 first_reply urgent met 2026-03-30T07:20:00Z 3000.0 urgent ,vip,",
            "t1 resolution urgent met 2026-03-30T13:00:00Z 23400.0 urgent ,vip,",
            "t2 first_reply standard met 2026-03-03T12:00:00Z 7200.0 normal ,refund,vip,",
            "t2 next_reply standard met 2026-03-04T15:00:00Z 10800.0 normal ,refund,vip,",
            "t2 next_reply standard breached 2026-03-04T19:30:00Z 19800.0 normal ,refund,vip,",
            "t2 next_reply standard met 2026-03-05T10:00:00Z 3600.0 normal ,refund,vip,",
            "t2 periodic_update standard met 2026-03-04T15:00:00Z 10800.0 normal ,refund,vip,",
            "t2 periodic_update standard met 2026-03-04T21:00:00Z 21600.0 normal ,refund,vip,",
            "t2 resolution standard met 2026-03-05T10:00:00Z 43200.0 normal ,refund,vip,",
            "t3 first_reply urgent breached 2026-03-04T09:00:00Z 8100.0 urgent null",
            "t3 resolution urgent breached 2026-03-04T16:00:00Z 648000.0 urgent null");
  }

  @Test
  void sla_kpis_count_the_targets_settled_in_the_period() {
    Map<Kpi, Number> v = march(List.of(), List.of()).overall().values();

    // 11 targets settled in March: 8 met (t1: 2, t2: 6), 3 breached (t2's second next reply, t3's
    // first reply and
    // resolution): 8 / 11 x 100 = 72.73%.
    assertThat(v.get(Kpi.SLA_ACHIEVEMENT).doubleValue()).isCloseTo(800.0 / 11, within(1e-9));
    assertThat(v.get(Kpi.SLA_BREACHES)).isEqualTo(3L);
    // Past the target: 19800 - 14400 = 5400, 8100 - 3600 = 4500, 648000 - 28800 = 619200: 629100 /
    // 3 = 209700 s.
    assertThat(v.get(Kpi.SLA_OVERRUN_AVG).doubleValue()).isCloseTo(209700, within(1e-6));
    // First replies: t1 and t2 met, t3 breached: 2 / 3. Next replies 2 / 3. Updates 2 / 2.
    // Resolutions 2 / 3.
    assertThat(v.get(Kpi.SLA_FIRST_REPLY_ACHIEVEMENT).doubleValue())
        .isCloseTo(200.0 / 3, within(1e-9));
    assertThat(v.get(Kpi.SLA_NEXT_REPLY_ACHIEVEMENT).doubleValue())
        .isCloseTo(200.0 / 3, within(1e-9));
    assertThat(v.get(Kpi.SLA_PERIODIC_UPDATE_ACHIEVEMENT).doubleValue()).isEqualTo(100.0);
    assertThat(v.get(Kpi.SLA_RESOLUTION_ACHIEVEMENT).doubleValue())
        .isCloseTo(200.0 / 3, within(1e-9));
  }

  @Test
  void sla_kpis_group_and_filter_by_the_first_contact() {
    KpiResult r = march(List.of(Dimension.of("channel")), List.of());

    // chat: t2, 6 of 7 met = 85.71%; email: t1 2 met, t3 2 breached = 50%.
    assertThat(r.rows().get(1).group()).containsEntry("channel", "chat");
    assertThat(r.rows().get(1).values().get(Kpi.SLA_ACHIEVEMENT).doubleValue())
        .isCloseTo(600.0 / 7, within(1e-9));
    assertThat(r.rows().get(2).group()).containsEntry("channel", "email");
    assertThat(r.rows().get(2).values().get(Kpi.SLA_ACHIEVEMENT).doubleValue()).isEqualTo(50.0);
    assertThat(
            march(List.of(), List.of(Filter.parse("queue=billing")))
                .overall()
                .values()
                .get(Kpi.SLA_BREACHES))
        .isEqualTo(2L);
  }

  @Test
  void sla_kpis_group_by_priority_and_filter_by_tag() {
    KpiResult r = march(List.of(Dimension.of("priority")), List.of());
    // normal: t2, 6 of 7 met = 85.71%, 1 breach; urgent: t1 2 met, t3 2 breached (t3 was urgent
    // when its first reply came and is now) = 50%, 2 breaches.
    assertThat(r.rows().get(1).group()).containsEntry("priority", "normal");
    assertThat(r.rows().get(1).values().get(Kpi.SLA_ACHIEVEMENT).doubleValue())
        .isCloseTo(600.0 / 7, within(1e-9));
    assertThat(r.rows().get(2).group()).containsEntry("priority", "urgent");
    assertThat(r.rows().get(2).values().get(Kpi.SLA_ACHIEVEMENT).doubleValue()).isEqualTo(50.0);
    assertThat(r.rows().get(2).values().get(Kpi.SLA_BREACHES)).isEqualTo(2L);
    // tag vip: t1 (2 met) and t2 (6 met, 1 breached): 8 / 9 = 88.89%, 1 breach.
    Map<Kpi, Number> vip = march(List.of(), List.of(Filter.parse("tag=VIP"))).overall().values();
    assertThat(vip.get(Kpi.SLA_ACHIEVEMENT).doubleValue()).isCloseTo(800.0 / 9, within(1e-9));
    assertThat(vip.get(Kpi.SLA_BREACHES)).isEqualTo(1L);
  }

  private KpiResult contacts(List<Dimension> by, List<Filter> filters) {
    return new KpiEngine(store)
        .compute(
            new KpiQuery(
                LocalDate.of(2026, 3, 1),
                LocalDate.of(2026, 3, 31),
                MADRID,
                List.of(Kpi.CONTACTS, Kpi.TICKETS_CREATED),
                by,
                filters,
                false,
                null));
  }

  @Test
  void contacts_and_tickets_group_by_priority_and_filter_by_tag_with_warnings_for_unknown_values() {
    // m1 (t1) and m3 (t3, made urgent by its last priority event) are urgent, m2 (t2) normal.
    KpiResult r = contacts(List.of(Dimension.of("priority")), List.of());
    assertThat(r.rows().get(1).group()).containsEntry("priority", "normal");
    assertThat(r.rows().get(1).values().get(Kpi.CONTACTS)).isEqualTo(1L);
    assertThat(r.rows().get(2).group()).containsEntry("priority", "urgent");
    assertThat(r.rows().get(2).values().get(Kpi.CONTACTS)).isEqualTo(2L);
    assertThat(r.rows().get(2).values().get(Kpi.TICKETS_CREATED)).isEqualTo(2L);
    // refund is t2's tag only; priority=urgent keeps t1 and t3.
    KpiResult refund = contacts(List.of(), List.of(Filter.parse("tag=refund")));
    assertThat(refund.overall().values().get(Kpi.CONTACTS)).isEqualTo(1L);
    assertThat(refund.overall().values().get(Kpi.TICKETS_CREATED)).isEqualTo(1L);
    assertThat(refund.warnings()).isEmpty();
    KpiResult urgent = contacts(List.of(), List.of(Filter.parse("priority=urgent")));
    assertThat(urgent.overall().values().get(Kpi.CONTACTS)).isEqualTo(2L);

    assertThat(contacts(List.of(), List.of(Filter.parse("priority=urgnt"))).warnings())
        .containsExactly(
            "No ticket has priority 'urgnt' (did you mean urgent?); known: normal, urgent.");
    assertThat(contacts(List.of(), List.of(Filter.parse("tag=vipp"))).warnings())
        .containsExactly("No ticket has tag 'vipp' (did you mean vip?); known: refund, vip.");
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> contacts(List.of(Dimension.of("tag")), List.of()))
        .hasMessage(
            "Cannot group by tag: a ticket has several tags, so its numbers would count in each;"
                + " filter by tag instead (tag=vip), or group by priority.");
  }

  @Test
  void the_breaches_drill_down_lists_the_breached_targets_newest_first() {
    KpiQuery q =
        new KpiQuery(
            LocalDate.of(2026, 3, 1),
            LocalDate.of(2026, 3, 31),
            MADRID,
            List.of(Kpi.SLA_BREACHES),
            List.of(),
            List.of(),
            false,
            null);
    io.yardstick.kpi.Drilldown.Page p =
        io.yardstick.kpi.Drilldown.of(
            store, io.yardstick.kpi.KpiSettings.defaults(), q, Kpi.SLA_BREACHES, 0, 10);

    assertThat(p.rowsOf()).isEqualTo("sla");
    // All 11 settled targets, newest first, the 3 breaches marked.
    assertThat(p.total()).isEqualTo(11);
    assertThat(p.rows())
        .filteredOn(r -> r.get("counted") != null)
        .extracting(
            r ->
                r.get("case_id")
                    + " "
                    + r.get("metric")
                    + " "
                    + r.get("due_at")
                    + " "
                    + r.get("counted"))
        .containsExactly(
            "t2 next_reply 2026-03-04T19:30:00Z sla_breached",
            "t3 resolution 2026-03-04T16:00:00Z sla_breached",
            "t3 first_reply 2026-03-04T09:00:00Z sla_breached");
  }

  @Test
  void a_second_refresh_replaces_the_targets_and_a_later_period_has_none() {
    assertThat(SlaTargets.refresh(store, SlaEvaluatorTest.SLA, AS_OF)).isEqualTo(11);
    assertThat(store.query("SELECT COUNT(*) FROM sla_targets").get(0)[0]).isEqualTo(11L);

    KpiResult april =
        new KpiEngine(store)
            .compute(
                new KpiQuery(
                    LocalDate.of(2026, 4, 1),
                    LocalDate.of(2026, 4, 30),
                    MADRID,
                    List.of(Kpi.SLA_ACHIEVEMENT, Kpi.SLA_BREACHES),
                    List.of(),
                    List.of(),
                    false,
                    null));
    assertThat(april.overall().values().get(Kpi.SLA_ACHIEVEMENT)).isNull();
    assertThat(april.overall().values().get(Kpi.SLA_BREACHES))
        .isNull(); // no target settled: nothing to say
  }

  /** t3's rows as "metric state fulfilled elapsed refreshed". */
  private List<String> t3() {
    List<String> out = new ArrayList<>();
    for (Object[] r :
        store.query(
            "SELECT metric, state, fulfilled_at, elapsed_s, refreshed_at FROM sla_targets"
                + " WHERE case_id = 't3' ORDER BY metric")) {
      out.add(r[0] + " " + r[1] + " " + r[2] + " " + r[3] + " " + r[4]);
    }
    return out;
  }

  @Test
  void a_refresh_with_nothing_new_writes_nothing_and_keeps_the_data_version() {
    long version = store.dataVersion();
    assertThat(SlaTargets.update(store, SlaEvaluatorTest.SLA, AS_OF))
        .isEqualTo(new SlaTargets.Refresh(11, 0, 0, 0));
    // Five minutes later: no open target falls due, t3's unanswered breach is 5 minutes old, no
    // event is dated in between: nothing is even measured.
    assertThat(SlaTargets.update(store, SlaEvaluatorTest.SLA, AS_OF.plusSeconds(300)))
        .isEqualTo(new SlaTargets.Refresh(11, 0, 0, 0));
    // Two hours later (04:00 in Madrid, closed): t3's breach is an hour old and measured again, but
    // its counted time is still 648000 business seconds: nothing written, only noted as current.
    assertThat(SlaTargets.update(store, SlaEvaluatorTest.SLA, AS_OF.plusSeconds(7200)))
        .isEqualTo(new SlaTargets.Refresh(11, 1, 0, 0));
    assertThat(t3())
        .containsExactly(
            "first_reply breached 2026-03-04T10:15:00Z 8100.0 2026-04-01T00:00:00Z",
            "resolution breached null 648000.0 2026-04-01T02:00:00Z");
    // So five minutes later nothing is measured again.
    assertThat(SlaTargets.update(store, SlaEvaluatorTest.SLA, AS_OF.plusSeconds(7500)))
        .isEqualTo(new SlaTargets.Refresh(11, 0, 0, 0));
    assertThat(store.dataVersion()).isEqualTo(version);
  }

  @Test
  void time_rewrites_only_the_ticket_whose_breach_grew_and_raises_the_version_once() {
    long version = store.dataVersion();
    // 2026-04-01 08:00Z is 10:00 in Madrid: the support calendar has been open an hour, so t3's
    // unsolved resolution has counted 648000 + 3600 = 651600 s; its two rows are written again.
    Instant ten = Instant.parse("2026-04-01T08:00:00Z");
    assertThat(SlaTargets.update(store, SlaEvaluatorTest.SLA, ten))
        .isEqualTo(new SlaTargets.Refresh(11, 1, 1, 2));
    assertThat(store.dataVersion()).isEqualTo(version + 1);
    assertThat(t3())
        .containsExactly(
            "first_reply breached 2026-03-04T10:15:00Z 8100.0 2026-04-01T08:00:00Z",
            "resolution breached null 651600.0 2026-04-01T08:00:00Z");
    assertThat(
            store.query("SELECT COUNT(*) FROM sla_targets WHERE refreshed_at = ?", AS_OF).get(0)[0])
        .isEqualTo(9L);
  }

  @Test
  void an_import_measures_every_ticket_and_rewrites_only_the_one_it_changed() {
    load(
        RecordType.TICKET_EVENTS,
        "more-events.csv",
        """
        case_id,occurred_at,kind,status,priority,actor
        t3,2026-04-01T08:30:00Z,reply,,,agent
        t3,2026-04-01T08:30:00Z,status,solved,,
        """);
    long version = store.dataVersion();
    // t3 solved at 08:30Z (10:30 in Madrid): 648000 + 5400 = 653400 business seconds, breached.
    assertThat(
            SlaTargets.update(store, SlaEvaluatorTest.SLA, Instant.parse("2026-04-01T09:00:00Z")))
        .isEqualTo(new SlaTargets.Refresh(11, 3, 1, 2));
    assertThat(store.dataVersion()).isEqualTo(version + 1);
    assertThat(t3())
        .containsExactly(
            "first_reply breached 2026-03-04T10:15:00Z 8100.0 2026-04-01T09:00:00Z",
            "resolution breached 2026-04-01T08:30:00Z 653400.0 2026-04-01T09:00:00Z");
  }

  @Test
  void other_policies_measure_every_ticket_again() {
    // No policy at all: every target goes, the three tickets are rewritten (to nothing).
    assertThat(SlaTargets.update(store, SlaSettings.none(), AS_OF))
        .isEqualTo(new SlaTargets.Refresh(0, 3, 3, 0));
    assertThat(SlaTargets.update(store, SlaEvaluatorTest.SLA, AS_OF))
        .isEqualTo(new SlaTargets.Refresh(11, 3, 3, 11));
  }
}
