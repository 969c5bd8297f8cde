package io.yardstick.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.yardstick.calendar.BusinessCalendar;
import io.yardstick.ingest.ImportSource;
import io.yardstick.kpi.KpiResult.Row;
import io.yardstick.kpi.KpiSettings.CesMode;
import io.yardstick.kpi.KpiSettings.FcrDenominator;
import io.yardstick.kpi.KpiSettings.ServiceLevelFormula;
import io.yardstick.model.RecordType;
import io.yardstick.store.Store;
import io.yardstick.store.StoreKit;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 3, item 8: one KPI suite with hand-computed fixtures, run against every store as a kit of
 * the StoreTck. Each test writes its data as code (a few CSV rows built below), computes the
 * expected value by hand in a comment, and asserts it exactly. The definitions are those of {@code
 * issues show 3} and docs/notes/kpi-engine-contract.md.
 *
 * <p>Unless a test says otherwise the period is Monday 2026-03-02 to Sunday 2026-03-08 in UTC.
 */
public abstract class KpiFixtureKit extends StoreKit {
  static final ZoneId UTC = ZoneId.of("UTC");
  static final ZoneId MADRID = ZoneId.of("Europe/Madrid");
  static final LocalDate FROM = LocalDate.of(2026, 3, 2);
  static final LocalDate TO = LocalDate.of(2026, 3, 8);

  @TempDir Path csvDir;
  protected Store store;
  private Fixture fx;

  @BeforeEach
  void openStore() throws Exception {
    store = newStore();
    fx = new Fixture();
  }

  @AfterEach
  void closeStore() {
    if (store != null) store.close();
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Volume

  @Test
  void contacts_counts_every_direction_and_channel_arrived_in_the_period() {
    contact("c1", "phone", "2026-03-02T00:00:00Z")
        .answeredAfter(10); // the period's first instant: in
    contact("c2", "phone", "2026-03-04T10:00:00Z").outbound();
    contact("c3", "phone", "2026-03-05T10:00:00Z");
    contact("c4", "email", "2026-03-06T10:00:00Z");
    contact("c5", "email", "2026-03-08T23:59:59Z");
    contact("x1", "phone", "2026-03-01T23:59:59Z"); // before the period
    contact("x2", "chat", "2026-03-09T00:00:00Z"); // the first instant after the period

    KpiResult r = compute(query().withKpis(List.of(Kpi.CONTACTS)).withGroupBy(dims("channel")));

    // c1..c5 = 5; by channel: email c4, c5 = 2; phone c1, c2, c3 = 3; no chat row (x2 is outside)
    assertThat(r.overall().value(Kpi.CONTACTS)).isEqualTo(5L);
    assertThat(groups(r, "channel")).containsExactly("email", "phone");
    assertThat(row(r, "channel", "email").value(Kpi.CONTACTS)).isEqualTo(2L);
    assertThat(row(r, "channel", "phone").value(Kpi.CONTACTS)).isEqualTo(3L);

    KpiResult byDirection =
        compute(query().withKpis(List.of(Kpi.CONTACTS)).withGroupBy(dims("direction")));
    // inbound c1, c3, c4, c5 = 4; outbound c2 = 1
    assertThat(row(byDirection, "direction", "inbound").value(Kpi.CONTACTS)).isEqualTo(4L);
    assertThat(row(byDirection, "direction", "outbound").value(Kpi.CONTACTS)).isEqualTo(1L);
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Queue KPIs

  @Test
  void abandonment_excludes_short_abandons() {
    for (int i = 1; i <= 3; i++)
      contact("a" + i, "phone", "2026-03-03T09:0" + i + ":00Z").answeredAfter(10);
    // answered and later "abandoned": answered wins (abandoned = abandoned_at set and never
    // answered)
    contact("a4", "phone", "2026-03-03T09:04:00Z").answeredAfter(12).abandonedAfter(30);
    contact("s49", "phone", "2026-03-03T10:00:00Z").abandonedAfter(4.9); // short
    contact("s50", "phone", "2026-03-03T10:01:00Z").abandonedAfter(5); // exactly 5 s: not short
    contact("s40", "phone", "2026-03-03T10:02:00Z").abandonedAfter(40);
    contact("o1", "phone", "2026-03-03T10:03:00Z")
        .outbound()
        .abandonedAfter(60); // outbound: not in it

    // answered inbound a1..a4 = 4; abandoned, not short: s50, s40 = 2; 2 / (4 + 2) x 100
    assertValue(overall(Kpi.ABANDONMENT_RATE), Kpi.ABANDONMENT_RATE, 2 * 100.0 / 6); // 33.33%

    // the threshold is a setting: at 0 s every abandon counts: 3 / (4 + 3) x 100
    KpiSettings noShort =
        settings(
            0,
            Map.of(),
            ServiceLevelFormula.ANSWERED_AND_ABANDONED,
            180,
            FcrDenominator.RESOLVED_CASES,
            CesMode.MEAN);
    assertValue(
        compute(noShort, query().withKpis(List.of(Kpi.ABANDONMENT_RATE))).overall(),
        Kpi.ABANDONMENT_RATE,
        3 * 100.0 / 7); // 42.86%
  }

  @Test
  void service_level_counts_answers_within_the_target_against_answered_and_long_abandons() {
    contact("w10", "phone", "2026-03-03T09:00:00Z").answeredAfter(10);
    contact("w20", "phone", "2026-03-03T09:01:00Z").answeredAfter(20); // exactly T: within
    contact("w21", "phone", "2026-03-03T09:02:00Z").answeredAfter(21);
    contact("w30", "phone", "2026-03-03T09:03:00Z").answeredAfter(30);
    contact("s49", "phone", "2026-03-03T09:04:00Z").abandonedAfter(4.9); // short
    contact("s50", "phone", "2026-03-03T09:05:00Z").abandonedAfter(5);
    contact("s40", "phone", "2026-03-03T09:06:00Z").abandonedAfter(40);
    contact("out", "phone", "2026-03-03T09:07:00Z")
        .outbound()
        .answeredAfter(0); // outbound: not in it

    KpiQuery q = query().withKpis(List.of(Kpi.SERVICE_LEVEL));
    // default: within w10, w20 = 2; answered 4 + long abandons s50, s40 = 2: 2 / 6 x 100
    assertValue(compute(q).overall(), Kpi.SERVICE_LEVEL, 2 * 100.0 / 6); // 33.33%
    // answered_only: 2 / 4 x 100 = 50
    assertValue(
        compute(slSettings(Map.of(), ServiceLevelFormula.ANSWERED_ONLY), q).overall(),
        Kpi.SERVICE_LEVEL,
        50.0);
    // all_offered: 2 / (4 + 3 abandons, the short one too) x 100
    assertValue(
        compute(slSettings(Map.of(), ServiceLevelFormula.ALL_OFFERED), q).overall(),
        Kpi.SERVICE_LEVEL,
        2 * 100.0 / 7); // 28.57%
  }

  @Test
  void service_level_target_is_settable_per_channel() {
    contact("p15", "phone", "2026-03-03T09:00:00Z").answeredAfter(15);
    contact("p25", "phone", "2026-03-03T09:01:00Z").answeredAfter(25);
    contact("h15", "chat", "2026-03-03T09:02:00Z").answeredAfter(15);
    contact("h25", "chat", "2026-03-03T09:03:00Z").answeredAfter(25);
    contact("h50", "chat", "2026-03-03T09:04:00Z").answeredAfter(50);

    KpiSettings s = slSettings(Map.of("chat", 30.0), ServiceLevelFormula.ANSWERED_AND_ABANDONED);
    KpiResult r =
        compute(s, query().withKpis(List.of(Kpi.SERVICE_LEVEL)).withGroupBy(dims("channel")));

    // phone T = 20 (default): p15 within, p25 not: 1 / 2 x 100 = 50
    // chat T = 30: h15, h25 within, h50 not: 2 / 3 x 100 = 66.67
    // overall: (1 + 2) / 5 x 100 = 60
    assertValue(r.overall(), Kpi.SERVICE_LEVEL, 60.0);
    assertValue(row(r, "channel", "phone"), Kpi.SERVICE_LEVEL, 50.0);
    assertValue(row(r, "channel", "chat"), Kpi.SERVICE_LEVEL, 2 * 100.0 / 3);

    // with defaults the chat target is 20 too: p15, h15 = 2 / 5 x 100 = 40
    assertValue(
        compute(query().withKpis(List.of(Kpi.SERVICE_LEVEL))).overall(), Kpi.SERVICE_LEVEL, 40.0);
  }

  @Test
  void asa_is_the_mean_wait_of_answered_inbound_contacts() {
    contact("w10", "phone", "2026-03-03T09:00:00Z").answeredAfter(10);
    contact("w20", "chat", "2026-03-03T09:01:00Z").answeredAfter(20);
    contact("w60", "phone", "2026-03-03T09:02:00Z").answeredAfter(60);
    contact("out", "phone", "2026-03-03T09:03:00Z")
        .outbound()
        .answeredAfter(100); // outbound: not in it
    contact("ab", "phone", "2026-03-03T09:04:00Z").abandonedAfter(40); // abandoned: not in it

    // (10 + 20 + 60) / 3 = 30 s
    assertValue(overall(Kpi.ASA), Kpi.ASA, 30.0);
  }

  @Test
  void wait_over_limit_counts_answers_and_long_abandons_past_the_limit() {
    contact("w100", "phone", "2026-03-03T09:00:00Z").answeredAfter(100);
    contact("w180", "phone", "2026-03-03T09:10:00Z")
        .answeredAfter(180); // exactly the limit: not over
    contact("w200", "phone", "2026-03-03T09:20:00Z").answeredAfter(200);
    contact("a240", "phone", "2026-03-03T09:30:00Z").abandonedAfter(240);
    contact("a4", "phone", "2026-03-03T09:40:00Z").abandonedAfter(4); // short: not in it

    // over: w200, a240 = 2; of answered 3 + long abandons 1 = 4: 2 / 4 x 100 = 50
    assertValue(overall(Kpi.WAIT_OVER_LIMIT), Kpi.WAIT_OVER_LIMIT, 50.0);
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Handling

  @Test
  void aht_is_talk_plus_hold_plus_wrap_over_answered_contacts() {
    handlingFixture();

    // (300 + 20 + 40) + (200 + 0 + 30) + (100 + 0 + 0) = 360 + 230 + 100 = 690; / 3 answered = 230
    // s
    assertValue(overall(Kpi.AHT), Kpi.AHT, 230.0);
  }

  @Test
  void talk_time_avg_is_talk_plus_hold_over_answered_contacts() {
    handlingFixture();

    // (300 + 20) + 200 + 100 = 620; / 3 answered = 206.67 s
    assertValue(overall(Kpi.TALK_TIME_AVG), Kpi.TALK_TIME_AVG, 620.0 / 3);
  }

  @Test
  void written_handle_time_avg_is_handle_time_over_contacts_replied_to_and_not_picked_up_live() {
    // Issue 12, part 8: e-mails have a first response and a handle time but no answered_at.
    contact("w1", "email", "2026-03-03T09:00:00Z").firstResponseAfter(3600).talk(400).wrap(20);
    contact("w2", "social", "2026-03-03T10:00:00Z").firstResponseAfter(600).talk(180);
    contact("w3", "chat", "2026-03-03T11:00:00Z")
        .answeredAfter(30)
        .firstResponseAfter(40)
        .talk(900); // picked up live: in aht, not here
    contact("w4", "email", "2026-03-03T12:00:00Z").talk(50); // not replied to yet: not in it

    KpiResult r =
        compute(
            query()
                .withKpis(List.of(Kpi.WRITTEN_HANDLE_TIME_AVG, Kpi.AHT))
                .withGroupBy(dims("channel")));
    // written: w1 400 + 0 + 20 = 420 and w2 180: (420 + 180) / 2 = 300 s; aht: w3 alone, 900 s
    assertValue(r.overall(), Kpi.WRITTEN_HANDLE_TIME_AVG, 300.0);
    assertValue(r.overall(), Kpi.AHT, 900.0);
    assertValue(row(r, "channel", "email"), Kpi.WRITTEN_HANDLE_TIME_AVG, 420.0);
    assertValue(row(r, "channel", "social"), Kpi.WRITTEN_HANDLE_TIME_AVG, 180.0);
    assertNullValue(row(r, "channel", "chat"), Kpi.WRITTEN_HANDLE_TIME_AVG);
  }

  @Test
  void written_contacts_per_hour_is_written_contacts_per_logged_in_hour_beside_the_live_ones() {
    // d1 (desk, one call too): available 1 h, busy 2 h, wrap 1 h = 4 h; 3 e-mails replied to, 1
    // waiting, 1 call answered. p1 (phone): busy 2 h; 2 calls answered.
    state("d1", "available", "2026-03-03T08:00:00Z", "2026-03-03T09:00:00Z");
    state("d1", "busy", "2026-03-03T09:00:00Z", "2026-03-03T11:00:00Z");
    state("d1", "wrap", "2026-03-03T11:00:00Z", "2026-03-03T12:00:00Z");
    state("p1", "busy", "2026-03-03T08:00:00Z", "2026-03-03T10:00:00Z");
    for (int i = 1; i <= 3; i++) {
      contact("d1e" + i, "email", "2026-03-03T0" + (i + 6) + ":00:00Z")
          .firstResponseAfter(3600)
          .talk(300)
          .agent("d1");
    }
    contact("d1e4", "email", "2026-03-03T10:00:00Z").agent("d1"); // no reply yet
    contact("d1c", "phone", "2026-03-03T09:30:00Z").answeredAfter(10).talk(120).agent("d1");
    contact("p1c1", "phone", "2026-03-03T08:10:00Z").answeredAfter(10).talk(200).agent("p1");
    contact("p1c2", "phone", "2026-03-03T08:40:00Z").answeredAfter(10).talk(400).agent("p1");

    KpiResult r =
        compute(
            query()
                .withKpis(
                    List.of(
                        Kpi.WRITTEN_CONTACTS_PER_HOUR,
                        Kpi.CONTACTS_PER_HOUR,
                        Kpi.WRITTEN_HANDLE_TIME_AVG,
                        Kpi.AHT))
                .withGroupBy(dims("agent")));
    // overall: 3 written / (4 + 2) h = 0.5; 3 live / 6 h = 0.5
    assertValue(r.overall(), Kpi.WRITTEN_CONTACTS_PER_HOUR, 0.5);
    assertValue(r.overall(), Kpi.CONTACTS_PER_HOUR, 0.5);
    // d1: 3 / 4 h = 0.75 written, 1 / 4 h = 0.25 live; 300 s written, 120 s live
    assertValue(row(r, "agent", "d1"), Kpi.WRITTEN_CONTACTS_PER_HOUR, 0.75);
    assertValue(row(r, "agent", "d1"), Kpi.CONTACTS_PER_HOUR, 0.25);
    assertValue(row(r, "agent", "d1"), Kpi.WRITTEN_HANDLE_TIME_AVG, 300.0);
    assertValue(row(r, "agent", "d1"), Kpi.AHT, 120.0);
    // p1: 0 written / 2 h = 0; 2 / 2 h = 1; no written contact: no written handle time; (200 +
    // 400) / 2 = 300 s
    assertValue(row(r, "agent", "p1"), Kpi.WRITTEN_CONTACTS_PER_HOUR, 0.0);
    assertValue(row(r, "agent", "p1"), Kpi.CONTACTS_PER_HOUR, 1.0);
    assertNullValue(row(r, "agent", "p1"), Kpi.WRITTEN_HANDLE_TIME_AVG);
    assertValue(row(r, "agent", "p1"), Kpi.AHT, 300.0);
  }

  private void handlingFixture() {
    contact("h1", "phone", "2026-03-03T09:00:00Z").answeredAfter(5).talk(300).hold(20).wrap(40);
    contact("h2", "phone", "2026-03-03T10:00:00Z")
        .answeredAfter(5)
        .talk(200)
        .wrap(30); // no hold: counts 0
    contact("h3", "phone", "2026-03-03T11:00:00Z")
        .outbound()
        .answeredAfter(0)
        .talk(100); // outbound counts too
    contact("h4", "phone", "2026-03-03T12:00:00Z").talk(500); // never answered: not in it
  }

  @Test
  void frt_uses_first_response_else_answered_and_interpolates_median_and_p90() {
    contact("e60", "email", "2026-03-03T09:00:00Z").firstResponseAfter(60);
    contact("e120", "email", "2026-03-03T09:10:00Z")
        .firstResponseAfter(120)
        .answeredAfter(500); // first response wins
    contact("e600", "email", "2026-03-03T09:20:00Z").firstResponseAfter(600);
    contact("h3600", "chat", "2026-03-03T09:30:00Z")
        .answeredAfter(3600); // no first response: answered_at
    contact("never", "email", "2026-03-03T09:40:00Z"); // no response: not in it
    contact("out", "email", "2026-03-03T09:50:00Z")
        .outbound()
        .firstResponseAfter(10); // outbound: not in it

    KpiResult r = compute(query().withKpis(List.of(Kpi.FRT_AVG, Kpi.FRT_MEDIAN, Kpi.FRT_P90)));

    // times 60, 120, 600, 3600
    // mean (60 + 120 + 600 + 3600) / 4 = 4380 / 4 = 1095
    assertValue(r.overall(), Kpi.FRT_AVG, 1095.0);
    // median: rank 0.5 x 3 = 1.5: 120 + 0.5 x (600 - 120) = 360
    assertValue(r.overall(), Kpi.FRT_MEDIAN, 360.0);
    // p90: rank 0.9 x 3 = 2.7: 600 + 0.7 x (3600 - 600) = 2700
    assertValue(r.overall(), Kpi.FRT_P90, 2700.0);
  }

  @Test
  void email_response_24h_is_the_share_of_inbound_emails_first_responded_within_a_day() {
    contact("e2h", "email", "2026-03-03T09:00:00Z").firstResponseAfter(2 * 3600);
    contact("e24h", "email", "2026-03-03T09:10:00Z")
        .firstResponseAfter(86_400); // exactly 24 h: within
    contact("e23h", "email", "2026-03-03T09:20:00Z")
        .answeredAfter(23 * 3600); // answered_at stands in
    contact("e30h", "email", "2026-03-03T09:30:00Z").firstResponseAfter(30 * 3600);
    contact("never", "email", "2026-03-03T09:40:00Z");
    contact("chat", "chat", "2026-03-03T09:50:00Z").firstResponseAfter(3600); // not an e-mail
    contact("out", "email", "2026-03-03T10:00:00Z").outbound().firstResponseAfter(3600); // outbound

    // within: e2h, e24h, e23h = 3; inbound e-mails: those + e30h + never = 5: 3 / 5 x 100 = 60
    assertValue(overall(Kpi.EMAIL_RESPONSE_24H), Kpi.EMAIL_RESPONSE_24H, 60.0);
  }

  @Test
  void conversion_rate_is_converted_contacts_over_contacts() {
    salesFixture();
    KpiResult r =
        compute(query().withKpis(List.of(Kpi.CONVERSION_RATE)).withGroupBy(dims("channel")));

    // converted p1, p2 = 2 of 4 contacts: 50; phone 2 / 3 = 66.67; chat 0 / 1 = 0
    assertValue(r.overall(), Kpi.CONVERSION_RATE, 50.0);
    assertValue(row(r, "channel", "phone"), Kpi.CONVERSION_RATE, 2 * 100.0 / 3);
    assertValue(row(r, "channel", "chat"), Kpi.CONVERSION_RATE, 0.0);
  }

  @Test
  void revenue_sums_revenue_and_is_null_where_no_contact_has_one() {
    salesFixture();
    KpiResult r = compute(query().withKpis(List.of(Kpi.REVENUE)).withGroupBy(dims("channel")));

    // 129.90 + 49.50 = 179.40, all on phone; chat has no revenue: null, not 0
    assertValue(r.overall(), Kpi.REVENUE, 179.40);
    assertValue(row(r, "channel", "phone"), Kpi.REVENUE, 179.40);
    assertNullValue(row(r, "channel", "chat"), Kpi.REVENUE);
  }

  private void salesFixture() {
    contact("p1", "phone", "2026-03-03T09:00:00Z")
        .answeredAfter(5)
        .converted(true)
        .revenue("129.90");
    contact("p2", "phone", "2026-03-03T10:00:00Z").answeredAfter(5).converted(true);
    contact("p3", "phone", "2026-03-03T11:00:00Z")
        .answeredAfter(5)
        .converted(false)
        .revenue("49.50");
    contact("h1", "chat", "2026-03-03T12:00:00Z").answeredAfter(5);
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Cases

  @Test
  void resolution_rate_counts_a_case_resolved_when_any_of_its_contacts_is() {
    contact("k1a", "phone", "2026-03-03T09:00:00Z").caseId("k1").resolved(false);
    contact("k1b", "phone", "2026-03-04T09:00:00Z").caseId("k1").resolved(true);
    contact("k2a", "email", "2026-03-03T10:00:00Z")
        .caseId("k2")
        .resolvedAfter(3600); // resolved empty, resolved_at
    contact("k3a", "email", "2026-03-05T10:00:00Z")
        .caseId("k3")
        .resolved(false)
        .resolvedAfter(3600); // explicit false
    contact("c5", "chat", "2026-03-05T11:00:00Z"); // no case_id: a case of its own, open
    contact("c6", "chat", "2026-03-05T12:00:00Z").resolved(true);

    // cases k1, k2, k3, c5, c6 = 5; resolved k1, k2, c6 = 3: 3 / 5 x 100 = 60
    assertValue(overall(Kpi.RESOLUTION_RATE), Kpi.RESOLUTION_RATE, 60.0);
  }

  @Test
  void fcr_is_resolved_cases_with_exactly_one_inbound_contact_over_resolved_cases() {
    fcrFixture();

    // resolved A, B, C, E = 4; with exactly one inbound contact: A, C (its outbound follow-up does
    // not count) = 2
    // 2 / 4 x 100 = 50
    assertValue(overall(Kpi.FCR), Kpi.FCR, 50.0);
    // variant all_cases: 2 / 5 cases x 100 = 40
    KpiSettings allCases =
        settings(
            5,
            Map.of(),
            ServiceLevelFormula.ANSWERED_AND_ABANDONED,
            180,
            FcrDenominator.ALL_CASES,
            CesMode.MEAN);
    assertValue(compute(allCases, query().withKpis(List.of(Kpi.FCR))).overall(), Kpi.FCR, 40.0);
  }

  @Test
  void contacts_per_resolution_counts_every_contact_of_resolved_cases() {
    fcrFixture();

    // A 1 + B 2 + C 2 + E 1 = 6 contacts over 4 resolved cases = 1.5 (D, open, is not in it)
    assertValue(overall(Kpi.CONTACTS_PER_RESOLUTION), Kpi.CONTACTS_PER_RESOLUTION, 1.5);
  }

  private void fcrFixture() {
    contact("a1", "phone", "2026-03-03T09:00:00Z").caseId("A").resolved(true);
    contact("b1", "phone", "2026-03-03T10:00:00Z").caseId("B");
    contact("b2", "phone", "2026-03-04T10:00:00Z").caseId("B").resolved(true);
    contact("c1", "phone", "2026-03-03T11:00:00Z").caseId("C").resolved(true);
    contact("c2", "phone", "2026-03-03T15:00:00Z").caseId("C").outbound();
    contact("d1", "phone", "2026-03-03T12:00:00Z").caseId("D");
    contact("e1", "phone", "2026-03-03T13:00:00Z")
        .caseId("E")
        .outbound()
        .resolved(true); // no inbound contact
  }

  @Test
  void cases_belong_to_the_period_of_their_first_contact_and_count_later_contacts() {
    // X began before the period: not a case of this period, although its second contact is in it
    contact("x1", "phone", "2026-03-01T10:00:00Z").caseId("X");
    contact("x2", "phone", "2026-03-03T10:00:00Z").caseId("X").resolved(true);
    // Y began in the period and was resolved by a contact after it
    contact("y1", "phone", "2026-03-08T20:00:00Z").caseId("Y");
    contact("y2", "phone", "2026-03-10T09:00:00Z").caseId("Y").resolvedAt("2026-03-10T10:00:00Z");
    // Z: one contact, resolved an hour later
    contact("z1", "chat", "2026-03-04T10:00:00Z").caseId("Z").resolvedAfter(3600);

    KpiResult r =
        compute(
            query()
                .withKpis(
                    List.of(
                        Kpi.CONTACTS,
                        Kpi.RESOLUTION_RATE,
                        Kpi.FCR,
                        Kpi.CONTACTS_PER_RESOLUTION,
                        Kpi.RESOLUTION_TIME_AVG,
                        Kpi.RESOLUTION_TIME_MEDIAN)));

    // contacts by arrival: x2, y1, z1 = 3
    assertThat(r.overall().value(Kpi.CONTACTS)).isEqualTo(3L);
    // cases Y, Z, both resolved: 100
    assertValue(r.overall(), Kpi.RESOLUTION_RATE, 100.0);
    // Y has 2 inbound contacts (y2 arrived after the period, still counts): FCR Z only = 1 / 2 x
    // 100 = 50
    assertValue(r.overall(), Kpi.FCR, 50.0);
    // (2 + 1) / 2 = 1.5
    assertValue(r.overall(), Kpi.CONTACTS_PER_RESOLUTION, 1.5);
    // Y: 03-10 10:00 - 03-08 20:00 = 38 h = 136800 s; Z: 3600 s; mean (136800 + 3600) / 2 = 70200
    assertValue(r.overall(), Kpi.RESOLUTION_TIME_AVG, 70200.0);
    // median of two: 3600 + 0.5 x (136800 - 3600) = 70200
    assertValue(r.overall(), Kpi.RESOLUTION_TIME_MEDIAN, 70200.0);
  }

  @Test
  void resolution_time_runs_from_the_first_arrival_to_the_latest_resolved_at() {
    resolutionTimeFixture();

    // R1 5 h = 18000, R2 1 h = 3600, R3 50 h = 180000: (18000 + 3600 + 180000) / 3 = 201600 / 3 =
    // 67200
    assertValue(overall(Kpi.RESOLUTION_TIME_AVG), Kpi.RESOLUTION_TIME_AVG, 67200.0);
  }

  @Test
  void resolution_time_median_interpolates_over_resolved_cases_with_a_resolved_at() {
    resolutionTimeFixture();

    // 3600, 18000, 180000: median 18000
    assertValue(overall(Kpi.RESOLUTION_TIME_MEDIAN), Kpi.RESOLUTION_TIME_MEDIAN, 18000.0);
  }

  private void resolutionTimeFixture() {
    // R1: first contact resolved at 09:00, the second at 13:00: the latest, 13:00 - 08:00 = 5 h
    contact("r1a", "phone", "2026-03-03T08:00:00Z").caseId("R1").resolvedAt("2026-03-03T09:00:00Z");
    contact("r1b", "phone", "2026-03-03T10:00:00Z").caseId("R1").resolvedAt("2026-03-03T13:00:00Z");
    contact("r2", "phone", "2026-03-04T08:00:00Z").resolvedAfter(3600);
    contact("r3", "email", "2026-03-05T00:00:00Z").resolvedAt("2026-03-07T02:00:00Z"); // 50 h
    contact("r4", "email", "2026-03-05T01:00:00Z")
        .resolved(true); // resolved without resolved_at: not in it
    contact("r5", "email", "2026-03-05T02:00:00Z")
        .resolved(false)
        .resolvedAfter(60); // not resolved: not in it
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Surveys

  @Test
  void csat_is_the_share_of_scores_4_and_5_submitted_in_the_period() {
    survey("s1", "csat", 5, "2026-03-03T10:00:00Z");
    survey("s2", "csat", 4, "2026-03-03T11:00:00Z");
    survey("s3", "csat", 3, "2026-03-04T10:00:00Z");
    survey("s4", "csat", 1, "2026-03-08T23:59:00Z");
    survey("x1", "csat", 1, "2026-03-01T23:59:00Z"); // before
    survey("x2", "csat", 5, "2026-03-09T00:00:00Z"); // after
    survey("n1", "nps", 10, "2026-03-03T10:00:00Z"); // another kind

    // s1, s2 of s1..s4: 2 / 4 x 100 = 50
    assertValue(overall(Kpi.CSAT), Kpi.CSAT, 50.0);
  }

  /**
   * Issue 18: invitations delivered in the period and the share of them answered, by channel and by
   * agent.
   */
  @Test
  void survey_invitations_count_what_was_delivered_and_the_response_rate_what_of_it_was_answered() {
    contact("m1", "email", "2026-03-03T09:00:00Z").agent("a1");
    contact("m2", "chat", "2026-03-03T09:00:00Z").agent("a2");
    fx.load();
    invitation("i1", "m1", "sent", "2026-03-03T10:00:00Z", "2026-03-03T10:30:00Z", 5);
    invitation("i2", "m1", "sent", "2026-03-04T10:00:00Z", null, null);
    invitation(
        "i3",
        "m2",
        "link",
        null,
        "2026-03-09T10:00:00Z",
        2); // a link (created 03-04), answered after
    invitation("i4", "m2", "sent", "2026-03-05T10:00:00Z", null, null);
    invitation("x1", "m1", "bounced", null, null, null); // not delivered
    invitation("x2", "m2", "scheduled", null, null, null); // not sent yet
    invitation("x3", "m1", "sent", "2026-03-09T00:00:00Z", null, null); // sent after the period

    // delivered i1, i2, i3, i4 = 4; answered i1, i3 = 2: 2 / 4 x 100 = 50%
    KpiResult r =
        compute(
            query()
                .withKpis(List.of(Kpi.SURVEY_INVITATIONS, Kpi.SURVEY_RESPONSE_RATE))
                .withGroupBy(dims("channel")));
    assertValue(r.overall(), Kpi.SURVEY_INVITATIONS, 4);
    assertValue(r.overall(), Kpi.SURVEY_RESPONSE_RATE, 50.0);
    // email (m1): i1, i2, 1 answered: 50%; chat (m2): i3, i4, 1 answered: 50%
    assertValue(row(r, "channel", "email"), Kpi.SURVEY_INVITATIONS, 2);
    assertValue(row(r, "channel", "chat"), Kpi.SURVEY_RESPONSE_RATE, 50.0);
    KpiResult byAgent =
        compute(query().withKpis(List.of(Kpi.SURVEY_RESPONSE_RATE)).withGroupBy(dims("agent")));
    assertValue(row(byAgent, "agent", "a1"), Kpi.SURVEY_RESPONSE_RATE, 50.0);
  }

  /**
   * One survey_invitations row as the survey service writes it, created on 2026-03-04 at 08:00 UTC.
   */
  private void invitation(
      String id, String contactId, String state, String sentAt, String answeredAt, Integer score) {
    store.update(
        "INSERT INTO survey_invitations (invitation_id, dedupe_key, rule, kind, via, contact_id, language,"
            + " created_at, due_at, expires_at, state, attempts, sent_at, answered_at, first_answered_at, score) VALUES"
            + " (?, ?, 'r', 'csat', ?, ?, 'en', ?, ?, ?, ?, 1, CAST(? AS TIMESTAMP WITH TIME ZONE), CAST(? AS TIMESTAMP"
            + " WITH TIME ZONE), CAST(? AS TIMESTAMP WITH TIME ZONE), CAST(? AS INTEGER))",
        id,
        "r/" + id,
        "link".equals(state) ? "link" : "email",
        contactId,
        Instant.parse("2026-03-04T08:00:00Z"),
        Instant.parse("2026-03-04T08:00:00Z"),
        Instant.parse("2026-03-20T00:00:00Z"),
        state,
        sentAt == null ? null : Instant.parse(sentAt),
        answeredAt == null ? null : Instant.parse(answeredAt),
        answeredAt == null ? null : Instant.parse(answeredAt),
        score);
  }

  @Test
  void esat_is_the_share_of_employee_scores_4_and_5() {
    survey("e1", "esat", 5, "2026-03-03T10:00:00Z", null, null, "a1");
    survey("e2", "esat", 5, "2026-03-03T11:00:00Z", null, null, "a2");
    survey("e3", "esat", 2, "2026-03-04T10:00:00Z", null, null, "a3");
    survey("c1", "csat", 1, "2026-03-04T10:00:00Z");

    // 2 / 3 x 100 = 66.67
    assertValue(overall(Kpi.ESAT), Kpi.ESAT, 2 * 100.0 / 3);
  }

  @Test
  void nps_is_promoters_minus_detractors_in_percent() {
    int id = 0;
    for (int score : new int[] {10, 10, 9, 8, 6, 0}) {
      survey("n" + id++, "nps", score, "2026-03-0" + (3 + id % 3) + "T10:00:00Z");
    }

    // promoters 10, 10, 9 = 3; detractors 6, 0 = 2; passive 8; of 6: 3/6 x 100 - 2/6 x 100 = 16.67
    assertValue(overall(Kpi.NPS), Kpi.NPS, (3 - 2) * 100.0 / 6);
  }

  @Test
  void ces_is_the_mean_score_or_the_low_effort_share() {
    survey("c2", "ces", 2, "2026-03-03T10:00:00Z");
    survey("c3", "ces", 3, "2026-03-03T11:00:00Z");
    survey("c7", "ces", 7, "2026-03-03T12:00:00Z");

    // (2 + 3 + 7) / 3 = 4
    assertValue(overall(Kpi.CES), Kpi.CES, 4.0);
    // low_effort_percent: scores 1-3: 2 / 3 x 100
    KpiSettings low =
        settings(
            5,
            Map.of(),
            ServiceLevelFormula.ANSWERED_AND_ABANDONED,
            180,
            FcrDenominator.RESOLVED_CASES,
            CesMode.LOW_EFFORT_PERCENT);
    assertValue(compute(low, query().withKpis(List.of(Kpi.CES))).overall(), Kpi.CES, 2 * 100.0 / 3);
  }

  @Test
  void surveys_without_a_contact_group_under_channel_null_with_their_own_agent() {
    contact("c1", "phone", "2026-03-03T09:00:00Z").answeredAfter(5).agent("a1").customer("cu1");
    survey(
        "s1",
        "csat",
        5,
        "2026-03-03T10:00:00Z",
        "c1",
        "cu9",
        "zz"); // the contact's agent a1 wins over zz
    survey("s2", "csat", 2, "2026-03-04T10:00:00Z", null, "cu2", "a2"); // no contact
    survey(
        "s3", "csat", 4, "2026-03-05T10:00:00Z", "ghost", null, "a3"); // contact not in the store

    KpiResult byChannel = compute(query().withKpis(List.of(Kpi.CSAT)).withGroupBy(dims("channel")));
    // overall s1, s3 of 3: 66.67; phone: s1 = 100; null: s3 of s2, s3 = 50
    assertValue(byChannel.overall(), Kpi.CSAT, 2 * 100.0 / 3);
    assertThat(groups(byChannel, "channel")).containsExactly("phone", null);
    assertValue(row(byChannel, "channel", "phone"), Kpi.CSAT, 100.0);
    assertValue(row(byChannel, "channel", null), Kpi.CSAT, 50.0);

    KpiResult byAgent = compute(query().withKpis(List.of(Kpi.CSAT)).withGroupBy(dims("agent")));
    // a1 (from the contact): 100; a2 (the survey's own): 0; a3 (own, its contact is missing): 100;
    // no zz
    assertThat(groups(byAgent, "agent")).containsExactly("a1", "a2", "a3");
    assertValue(row(byAgent, "agent", "a1"), Kpi.CSAT, 100.0);
    assertValue(row(byAgent, "agent", "a2"), Kpi.CSAT, 0.0);
    assertValue(row(byAgent, "agent", "a3"), Kpi.CSAT, 100.0);
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Agent time

  @Test
  void occupancy_is_busy_and_wrap_over_logged_in_time_by_agent_and_team() {
    agentFixture();
    KpiResult overall = compute(query().withKpis(List.of(Kpi.OCCUPANCY)));
    // (busy 8 h + wrap 2 h) / (available 3 h + 8 h + 2 h) x 100 = 10 / 13 x 100 = 76.92
    assertValue(overall.overall(), Kpi.OCCUPANCY, 10 * 100.0 / 13);

    KpiResult byAgent =
        compute(query().withKpis(List.of(Kpi.OCCUPANCY)).withGroupBy(dims("agent")));
    // a1: (6 + 1) / (1 + 6 + 1) x 100 = 87.5; a2: (2 + 1) / (2 + 2 + 1) x 100 = 60
    assertValue(row(byAgent, "agent", "a1"), Kpi.OCCUPANCY, 87.5);
    assertValue(row(byAgent, "agent", "a2"), Kpi.OCCUPANCY, 60.0);

    KpiResult byTeam = compute(query().withKpis(List.of(Kpi.OCCUPANCY)).withGroupBy(dims("team")));
    // a1's team red; a2's latest contact with a team is blue (its earlier one was red)
    assertValue(row(byTeam, "team", "red"), Kpi.OCCUPANCY, 87.5);
    assertValue(row(byTeam, "team", "blue"), Kpi.OCCUPANCY, 60.0);
  }

  @Test
  void idle_time_avg_is_available_time_per_answered_contact_by_agent_and_team() {
    agentFixture();
    KpiResult byAgent =
        compute(query().withKpis(List.of(Kpi.IDLE_TIME_AVG)).withGroupBy(dims("agent")));
    // overall: 3 h = 10800 s available / 6 answered = 1800; a1: 3600 / 4 = 900; a2: 7200 / 2 = 3600
    assertValue(byAgent.overall(), Kpi.IDLE_TIME_AVG, 1800.0);
    assertValue(row(byAgent, "agent", "a1"), Kpi.IDLE_TIME_AVG, 900.0);
    assertValue(row(byAgent, "agent", "a2"), Kpi.IDLE_TIME_AVG, 3600.0);

    KpiResult byTeam =
        compute(query().withKpis(List.of(Kpi.IDLE_TIME_AVG)).withGroupBy(dims("team")));
    // red: a1's 3600 / red answered contacts (a1's 4; a2's red e-mail was not answered) = 900;
    // blue: 7200 / 2
    assertValue(row(byTeam, "team", "red"), Kpi.IDLE_TIME_AVG, 900.0);
    assertValue(row(byTeam, "team", "blue"), Kpi.IDLE_TIME_AVG, 3600.0);
  }

  @Test
  void contacts_per_hour_is_answered_contacts_per_logged_in_hour() {
    agentFixture();
    KpiResult r =
        compute(query().withKpis(List.of(Kpi.CONTACTS_PER_HOUR)).withGroupBy(dims("agent")));
    // overall 6 / 13 h = 0.4615; a1 4 / 8 h = 0.5; a2 2 / 5 h = 0.4
    assertValue(r.overall(), Kpi.CONTACTS_PER_HOUR, 6 / 13.0);
    assertValue(row(r, "agent", "a1"), Kpi.CONTACTS_PER_HOUR, 0.5);
    assertValue(row(r, "agent", "a2"), Kpi.CONTACTS_PER_HOUR, 0.4);
  }

  @Test
  void absence_rate_is_break_time_over_logged_in_and_break_time() {
    agentFixture();
    KpiResult r = compute(query().withKpis(List.of(Kpi.ABSENCE_RATE)).withGroupBy(dims("agent")));
    // overall 1.5 h / (3 + 8 + 2 + 1.5) h x 100 = 10.34; a1 0.5 / 8.5 x 100 = 5.88; a2 1 / 6 x 100
    // = 16.67
    assertValue(r.overall(), Kpi.ABSENCE_RATE, 1.5 * 100.0 / 14.5);
    assertValue(row(r, "agent", "a1"), Kpi.ABSENCE_RATE, 0.5 * 100.0 / 8.5);
    assertValue(row(r, "agent", "a2"), Kpi.ABSENCE_RATE, 100.0 / 6);
  }

  /**
   * Agent a1 on 03-03: available 1 h, busy 6 h, wrap 1 h, break 30 min, offline 2 h (in no KPI); 4
   * answered contacts, team red. Agent a2: available 2 h, busy 2 h, wrap 1 h, break 1 h; an
   * unanswered red e-mail on 03-02, then 2 answered blue calls on 03-03.
   */
  private void agentFixture() {
    state("a1", "available", "2026-03-03T08:00:00Z", "2026-03-03T09:00:00Z");
    state("a1", "busy", "2026-03-03T09:00:00Z", "2026-03-03T15:00:00Z");
    state("a1", "wrap", "2026-03-03T15:00:00Z", "2026-03-03T16:00:00Z");
    state("a1", "break", "2026-03-03T16:00:00Z", "2026-03-03T16:30:00Z");
    state("a1", "offline", "2026-03-03T16:30:00Z", "2026-03-03T18:30:00Z");
    state("a2", "available", "2026-03-03T08:00:00Z", "2026-03-03T10:00:00Z");
    state("a2", "busy", "2026-03-03T10:00:00Z", "2026-03-03T12:00:00Z");
    state("a2", "wrap", "2026-03-03T12:00:00Z", "2026-03-03T13:00:00Z");
    state("a2", "break", "2026-03-03T13:00:00Z", "2026-03-03T14:00:00Z");
    for (int i = 1; i <= 4; i++) {
      contact("a1c" + i, "phone", "2026-03-03T1" + i + ":00:00Z")
          .answeredAfter(10)
          .agent("a1")
          .team("red");
    }
    contact("a2e", "email", "2026-03-02T09:00:00Z").agent("a2").team("red");
    contact("a2c1", "phone", "2026-03-03T10:00:00Z").answeredAfter(10).agent("a2").team("blue");
    contact("a2c2", "phone", "2026-03-03T11:00:00Z").answeredAfter(10).agent("a2").team("blue");
  }

  @Test
  void agent_time_counts_a_state_kind_without_time_as_zero() {
    // a: available 2 h, busy 2 h (no wrap, no break), 2 answered; b: busy 1 h, wrap 1 h (no
    // available), 1 answered
    state("a", "available", "2026-03-03T08:00:00Z", "2026-03-03T10:00:00Z");
    state("a", "busy", "2026-03-03T10:00:00Z", "2026-03-03T12:00:00Z");
    state("b", "busy", "2026-03-03T08:00:00Z", "2026-03-03T09:00:00Z");
    state("b", "wrap", "2026-03-03T09:00:00Z", "2026-03-03T10:00:00Z");
    contact("a1", "phone", "2026-03-03T10:00:00Z").answeredAfter(10).agent("a");
    contact("a2", "phone", "2026-03-03T11:00:00Z").answeredAfter(10).agent("a");
    contact("b1", "phone", "2026-03-03T08:00:00Z").answeredAfter(10).agent("b");

    KpiResult r =
        compute(
            query()
                .withKpis(
                    List.of(
                        Kpi.OCCUPANCY, Kpi.ABSENCE_RATE, Kpi.CONTACTS_PER_HOUR, Kpi.IDLE_TIME_AVG))
                .withGroupBy(dims("agent")));
    // overall: available 2 h, busy 3 h, wrap 1 h, break 0: occupancy 4 / 6 x 100 = 66.67; absence 0
    // / 6 = 0;
    // 3 answered / 6 h = 0.5; idle 7200 / 3 = 2400
    assertValue(r.overall(), Kpi.OCCUPANCY, 4 * 100.0 / 6);
    assertValue(r.overall(), Kpi.ABSENCE_RATE, 0.0);
    assertValue(r.overall(), Kpi.CONTACTS_PER_HOUR, 0.5);
    assertValue(r.overall(), Kpi.IDLE_TIME_AVG, 2400.0);
    // a: 2 / 4 x 100 = 50; absence 0; 2 / 4 h = 0.5; idle 7200 / 2 = 3600
    assertValue(row(r, "agent", "a"), Kpi.OCCUPANCY, 50.0);
    assertValue(row(r, "agent", "a"), Kpi.ABSENCE_RATE, 0.0);
    assertValue(row(r, "agent", "a"), Kpi.CONTACTS_PER_HOUR, 0.5);
    assertValue(row(r, "agent", "a"), Kpi.IDLE_TIME_AVG, 3600.0);
    // b: (1 + 1) / 2 x 100 = 100; absence 0; 1 / 2 h = 0.5; idle 0 s / 1 = 0
    assertValue(row(r, "agent", "b"), Kpi.OCCUPANCY, 100.0);
    assertValue(row(r, "agent", "b"), Kpi.ABSENCE_RATE, 0.0);
    assertValue(row(r, "agent", "b"), Kpi.CONTACTS_PER_HOUR, 0.5);
    assertValue(row(r, "agent", "b"), Kpi.IDLE_TIME_AVG, 0.0);
  }

  @Test
  void states_straddling_the_period_are_clipped_to_it() {
    state("a1", "available", "2026-03-01T22:00:00Z", "2026-03-02T02:00:00Z"); // 2 h inside
    state("a1", "busy", "2026-03-08T23:00:00Z", "2026-03-09T01:00:00Z"); // 1 h inside
    state("a1", "break", "2026-03-01T20:00:00Z", "2026-03-01T21:00:00Z"); // outside
    state("a1", "busy", "2026-03-09T02:00:00Z", "2026-03-09T03:00:00Z"); // outside
    state("a2", "wrap", "2026-03-01T23:30:00Z", "2026-03-02T00:30:00Z"); // 30 min inside
    state("a2", "break", "2026-03-08T23:30:00Z", "2026-03-09T00:30:00Z"); // 30 min inside

    KpiResult r = compute(query().withKpis(List.of(Kpi.OCCUPANCY, Kpi.ABSENCE_RATE)));
    // available 7200, busy 3600, wrap 1800, break 1800
    // occupancy (3600 + 1800) / (7200 + 3600 + 1800) x 100 = 5400 / 12600 x 100 = 42.86
    assertValue(r.overall(), Kpi.OCCUPANCY, 5400 * 100.0 / 12600);
    // absence 1800 / 14400 x 100 = 12.5
    assertValue(r.overall(), Kpi.ABSENCE_RATE, 12.5);
  }

  @Test
  void states_across_the_spring_dst_midnight_are_clipped_by_day_and_hour() {
    // Europe/Madrid 2026-03-29 runs from 03-28T23:00Z (00:00 +01) to 03-29T22:00Z (24:00 +02): 23 h
    state("a1", "available", "2026-03-28T22:00:00Z", "2026-03-29T01:00:00Z");
    state("a2", "busy", "2026-03-28T22:30:00Z", "2026-03-29T00:30:00Z");
    state("a3", "wrap", "2026-03-28T22:45:00Z", "2026-03-29T00:15:00Z");
    state("a1", "available", "2026-03-29T21:00:00Z", "2026-03-29T23:00:00Z");
    state("a2", "busy", "2026-03-29T21:30:00Z", "2026-03-29T22:30:00Z");
    state("a3", "wrap", "2026-03-29T21:45:00Z", "2026-03-29T22:15:00Z");
    LocalDate day = LocalDate.of(2026, 3, 29);
    KpiQuery q = KpiQuery.of(day, day, MADRID).withKpis(List.of(Kpi.OCCUPANCY));

    // inside: available 23:00Z-01:00Z + 21:00Z-22:00Z = 10800; busy 23:00Z-00:30Z + 21:30Z-22:00Z =
    // 7200;
    // wrap 23:00Z-00:15Z + 21:45Z-22:00Z = 5400: (7200 + 5400) / 23400 x 100 = 53.85
    assertValue(compute(q).overall(), Kpi.OCCUPANCY, 12600 * 100.0 / 23400);

    KpiResult byDay =
        compute(
            KpiQuery.of(day.minusDays(1), day.plusDays(1), MADRID)
                .withKpis(List.of(Kpi.OCCUPANCY))
                .withGroupBy(dims("day")));
    // 03-28 (until 23:00Z): available 3600, busy 1800, wrap 900: 2700 / 6300 x 100 = 42.86
    // 03-30 (from 22:00Z): available 22:00Z-23:00Z 3600, busy 1800, wrap 900: 42.86
    assertThat(groups(byDay, "day")).containsExactly("2026-03-28", "2026-03-29", "2026-03-30");
    assertValue(row(byDay, "day", "2026-03-28"), Kpi.OCCUPANCY, 2700 * 100.0 / 6300);
    assertValue(row(byDay, "day", "2026-03-29"), Kpi.OCCUPANCY, 12600 * 100.0 / 23400);
    assertValue(row(byDay, "day", "2026-03-30"), Kpi.OCCUPANCY, 2700 * 100.0 / 6300);
    // over the 3 days, unclipped: available 5 h, busy 3 h, wrap 2 h: 5 / 10 x 100 = 50
    assertValue(byDay.overall(), Kpi.OCCUPANCY, 50.0);

    KpiResult byHour = compute(q.withGroupBy(dims("hour")));
    // 23 local hours (02:00 does not exist)
    // 00:00 = 23:00Z-00:00Z: 3600 each: 7200 / 10800 x 100 = 66.67
    // 01:00 = 00:00Z-01:00Z: available 3600, busy 1800, wrap 900: 42.86; 03:00 = 01:00Z-02:00Z:
    // nothing: null
    // 23:00 = 21:00Z-22:00Z: available 3600, busy 1800, wrap 900: 42.86
    assertThat(groups(byHour, "hour")).hasSize(23).doesNotContain("2026-03-29T02:00");
    assertValue(row(byHour, "hour", "2026-03-29T00:00"), Kpi.OCCUPANCY, 7200 * 100.0 / 10800);
    assertValue(row(byHour, "hour", "2026-03-29T01:00"), Kpi.OCCUPANCY, 2700 * 100.0 / 6300);
    assertNullValue(row(byHour, "hour", "2026-03-29T03:00"), Kpi.OCCUPANCY);
    assertValue(row(byHour, "hour", "2026-03-29T23:00"), Kpi.OCCUPANCY, 2700 * 100.0 / 6300);
  }

  @Test
  void states_across_the_autumn_dst_midnight_are_clipped_by_day_and_hour() {
    // Europe/Madrid 2026-10-25 runs from 10-24T22:00Z (00:00 +02) to 10-25T23:00Z (24:00 +01): 25 h
    state("a1", "available", "2026-10-24T21:00:00Z", "2026-10-25T02:00:00Z");
    state("a2", "busy", "2026-10-24T21:30:00Z", "2026-10-25T01:00:00Z");
    state("a3", "wrap", "2026-10-24T21:50:00Z", "2026-10-24T22:10:00Z");
    state(
        "a3", "wrap", "2026-10-25T00:30:00Z", "2026-10-25T01:30:00Z"); // in the repeated 02:00 hour
    state("a1", "available", "2026-10-25T22:00:00Z", "2026-10-26T00:00:00Z");
    state("a2", "busy", "2026-10-25T22:30:00Z", "2026-10-25T23:30:00Z");
    state("a3", "wrap", "2026-10-25T22:45:00Z", "2026-10-25T23:15:00Z");
    LocalDate day = LocalDate.of(2026, 10, 25);
    KpiQuery q = KpiQuery.of(day, day, MADRID).withKpis(List.of(Kpi.OCCUPANCY));

    // inside: available 22:00Z-02:00Z + 22:00Z-23:00Z = 18000; busy 22:00Z-01:00Z + 22:30Z-23:00Z =
    // 12600;
    // wrap 22:00Z-22:10Z + 1 h + 22:45Z-23:00Z = 600 + 3600 + 900 = 5100: 17700 / 35700 x 100 =
    // 49.58
    assertValue(compute(q).overall(), Kpi.OCCUPANCY, 17700 * 100.0 / 35700);

    KpiResult byDay =
        compute(
            KpiQuery.of(day.minusDays(1), day.plusDays(1), MADRID)
                .withKpis(List.of(Kpi.OCCUPANCY))
                .withGroupBy(dims("day")));
    // 10-24 (until 22:00Z): available 3600, busy 1800, wrap 600: 2400 / 6000 x 100 = 40
    // 10-26 (from 23:00Z): available 3600, busy 1800, wrap 900: 2700 / 6300 x 100 = 42.86
    assertValue(row(byDay, "day", "2026-10-24"), Kpi.OCCUPANCY, 40.0);
    assertValue(row(byDay, "day", "2026-10-25"), Kpi.OCCUPANCY, 17700 * 100.0 / 35700);
    assertValue(row(byDay, "day", "2026-10-26"), Kpi.OCCUPANCY, 2700 * 100.0 / 6300);

    KpiResult byHour = compute(q.withGroupBy(dims("hour")));
    // 24 labels, 02:00 lasting 2 h (00:00Z-02:00Z)
    // 00:00 = 22:00Z-23:00Z: available 3600, busy 3600, wrap 600: 4200 / 7800 x 100 = 53.85
    // 02:00: available 7200, busy 00:00Z-01:00Z 3600, wrap 3600: 7200 / 14400 x 100 = 50
    // 03:00 = 02:00Z-03:00Z: nothing: null; 23:00 = 22:00Z-23:00Z: 3600, 1800, 900: 42.86
    assertThat(groups(byHour, "hour")).hasSize(24);
    assertValue(row(byHour, "hour", "2026-10-25T00:00"), Kpi.OCCUPANCY, 4200 * 100.0 / 7800);
    assertValue(row(byHour, "hour", "2026-10-25T02:00"), Kpi.OCCUPANCY, 50.0);
    assertNullValue(row(byHour, "hour", "2026-10-25T03:00"), Kpi.OCCUPANCY);
    assertValue(row(byHour, "hour", "2026-10-25T23:00"), Kpi.OCCUPANCY, 2700 * 100.0 / 6300);
  }

  // ---------------------------------------------------------------------------------------------------------------
  // DST days for contacts

  @Test
  void contacts_on_the_23_hour_spring_day_by_day_and_hour() {
    contact("before", "phone", "2026-03-28T22:30:00Z"); // 03-28 23:30 +01
    contact("first", "phone", "2026-03-28T23:30:00Z"); // 03-29 00:30 +01
    contact("after_gap", "phone", "2026-03-29T01:30:00Z"); // 03-29 03:30 +02
    contact("last", "phone", "2026-03-29T21:30:00Z"); // 03-29 23:30 +02
    contact("next", "phone", "2026-03-29T22:30:00Z"); // 03-30 00:30 +02
    LocalDate day = LocalDate.of(2026, 3, 29);

    KpiResult one = compute(KpiQuery.of(day, day, MADRID).withKpis(List.of(Kpi.CONTACTS)));
    // first, after_gap, last = 3
    assertThat(one.overall().value(Kpi.CONTACTS)).isEqualTo(3L);

    KpiResult byDay =
        compute(
            KpiQuery.of(day.minusDays(1), day.plusDays(1), MADRID)
                .withKpis(List.of(Kpi.CONTACTS))
                .withGroupBy(dims("day")));
    // 03-28: before; 03-29: 3; 03-30: next
    assertThat(byDay.overall().value(Kpi.CONTACTS)).isEqualTo(5L);
    assertThat(row(byDay, "day", "2026-03-28").value(Kpi.CONTACTS)).isEqualTo(1L);
    assertThat(row(byDay, "day", "2026-03-29").value(Kpi.CONTACTS)).isEqualTo(3L);
    assertThat(row(byDay, "day", "2026-03-30").value(Kpi.CONTACTS)).isEqualTo(1L);

    KpiResult byHour =
        compute(
            KpiQuery.of(day, day, MADRID)
                .withKpis(List.of(Kpi.CONTACTS))
                .withGroupBy(dims("hour")));
    // 23 hour rows, every hour shown (0 where empty); 02:00 does not exist
    assertThat(groups(byHour, "hour")).hasSize(23).doesNotContain("2026-03-29T02:00");
    assertThat(row(byHour, "hour", "2026-03-29T00:00").value(Kpi.CONTACTS)).isEqualTo(1L);
    assertThat(row(byHour, "hour", "2026-03-29T01:00").value(Kpi.CONTACTS)).isEqualTo(0L);
    assertThat(row(byHour, "hour", "2026-03-29T03:00").value(Kpi.CONTACTS)).isEqualTo(1L);
    assertThat(row(byHour, "hour", "2026-03-29T23:00").value(Kpi.CONTACTS)).isEqualTo(1L);
  }

  @Test
  void contacts_on_the_25_hour_autumn_day_by_day_and_hour() {
    contact("before", "phone", "2026-10-24T21:30:00Z"); // 10-24 23:30 +02
    contact("first", "phone", "2026-10-24T22:30:00Z"); // 10-25 00:30 +02
    contact("twice_a", "phone", "2026-10-25T00:30:00Z"); // 10-25 02:30 +02
    contact("twice_b", "phone", "2026-10-25T01:30:00Z"); // 10-25 02:30 +01
    contact("last", "phone", "2026-10-25T22:30:00Z"); // 10-25 23:30 +01
    contact("next", "phone", "2026-10-25T23:30:00Z"); // 10-26 00:30 +01
    LocalDate day = LocalDate.of(2026, 10, 25);

    KpiResult byDay =
        compute(
            KpiQuery.of(day.minusDays(1), day.plusDays(1), MADRID)
                .withKpis(List.of(Kpi.CONTACTS))
                .withGroupBy(dims("day")));
    // 10-24: before; 10-25: first, twice_a, twice_b, last = 4; 10-26: next
    assertThat(row(byDay, "day", "2026-10-24").value(Kpi.CONTACTS)).isEqualTo(1L);
    assertThat(row(byDay, "day", "2026-10-25").value(Kpi.CONTACTS)).isEqualTo(4L);
    assertThat(row(byDay, "day", "2026-10-26").value(Kpi.CONTACTS)).isEqualTo(1L);

    KpiResult byHour =
        compute(
            KpiQuery.of(day, day, MADRID)
                .withKpis(List.of(Kpi.CONTACTS))
                .withGroupBy(dims("hour")));
    // 24 labels; the repeated 02:00 is one bucket holding both 02:30s
    assertThat(byHour.overall().value(Kpi.CONTACTS)).isEqualTo(4L);
    assertThat(groups(byHour, "hour")).hasSize(24);
    assertThat(row(byHour, "hour", "2026-10-25T00:00").value(Kpi.CONTACTS)).isEqualTo(1L);
    assertThat(row(byHour, "hour", "2026-10-25T02:00").value(Kpi.CONTACTS)).isEqualTo(2L);
    assertThat(row(byHour, "hour", "2026-10-25T03:00").value(Kpi.CONTACTS)).isEqualTo(0L);
    assertThat(row(byHour, "hour", "2026-10-25T23:00").value(Kpi.CONTACTS)).isEqualTo(1L);
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Costs

  @Test
  void cost_per_contact_prorates_a_monthly_cost_over_a_ten_day_period() {
    costFixture();
    KpiResult r = compute(tenDays().withKpis(List.of(Kpi.COST_PER_CONTACT)));

    // 31000 x 10 / 31 = 10000; 3000 x 2 (03-10, 03-11) / 30 = 200; February: 0. (10000 + 200) / 5
    // contacts = 2040
    assertValue(r.overall(), Kpi.COST_PER_CONTACT, 2040.0);

    KpiResult byDay =
        compute(tenDays().withKpis(List.of(Kpi.COST_PER_CONTACT)).withGroupBy(dims("day")));
    // 03-02: 31000 / 31 = 1000 over 2 contacts = 500; 03-10: 1000 + 3000 / 30 = 1100 over 1 = 1100;
    // 03-05: cost 1000 but no contact: null
    assertValue(row(byDay, "day", "2026-03-02"), Kpi.COST_PER_CONTACT, 500.0);
    assertValue(row(byDay, "day", "2026-03-10"), Kpi.COST_PER_CONTACT, 1100.0);
    assertNullValue(row(byDay, "day", "2026-03-05"), Kpi.COST_PER_CONTACT);

    KpiResult byChannel =
        compute(tenDays().withKpis(List.of(Kpi.COST_PER_CONTACT)).withGroupBy(dims("channel")));
    // under a channel group: null, not the total; the overall row keeps it
    assertValue(byChannel.overall(), Kpi.COST_PER_CONTACT, 2040.0);
    assertNullValue(row(byChannel, "channel", "phone"), Kpi.COST_PER_CONTACT);
  }

  @Test
  void cost_per_resolution_prorates_costs_over_resolved_cases() {
    costFixture();
    KpiResult r = compute(tenDays().withKpis(List.of(Kpi.COST_PER_RESOLUTION)));

    // 10200 / 4 resolved cases (c4 is open) = 2550
    assertValue(r.overall(), Kpi.COST_PER_RESOLUTION, 2550.0);

    KpiResult byDay =
        compute(tenDays().withKpis(List.of(Kpi.COST_PER_RESOLUTION)).withGroupBy(dims("day")));
    // 03-02: 1000 / 2 resolved = 500
    assertValue(row(byDay, "day", "2026-03-02"), Kpi.COST_PER_RESOLUTION, 500.0);
  }

  private KpiQuery tenDays() {
    return KpiQuery.of(LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 11), UTC);
  }

  private void costFixture() {
    cost("2026-03-01", "2026-03-31", "31000", "staff");
    cost("2026-03-10", "2026-04-08", "3000", "telephony");
    cost("2026-02-01", "2026-02-28", "2800", "staff");
    contact("c1", "phone", "2026-03-02T09:00:00Z").resolved(true);
    contact("c2", "phone", "2026-03-02T10:00:00Z").resolved(true);
    contact("c3", "chat", "2026-03-06T10:00:00Z").resolved(true);
    contact("c4", "chat", "2026-03-07T10:00:00Z");
    contact("c5", "phone", "2026-03-10T10:00:00Z").resolved(true);
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Customers

  @Test
  void retention_counts_churn_on_the_boundary_days() {
    customer("A", "2025-01-01", null, "tier=gold");
    customer(
        "B",
        "2025-01-01",
        "2026-03-01",
        "tier=gold"); // churned on the start day: not active at the start
    customer(
        "C",
        "2025-01-01",
        "2026-03-02",
        "tier=gold"); // active at the start (03-01), gone by the end
    customer(
        "D",
        "2025-01-01",
        "2026-03-08",
        "tier=silver"); // churned on the end day: not active at the end
    customer(
        "E", "2025-01-01", "2026-03-09", "tier=silver"); // churned the day after: active at the end
    customer("F", "2026-03-01", null, "tier=gold"); // since the start day: active at the start
    customer("G", "2026-03-02", null, "tier=silver"); // new in the period: not in it
    customer("H", "2026-03-09", null); // later; no tier

    KpiResult r = compute(query().withKpis(List.of(Kpi.RETENTION_RATE)));
    // start (03-01): A, C, D, E, F = 5; of them active at the end (03-08): A, E, F = 3: 3 / 5 x 100
    // = 60
    assertValue(r.overall(), Kpi.RETENTION_RATE, 60.0);

    KpiResult byTier =
        compute(query().withKpis(List.of(Kpi.RETENTION_RATE)).withGroupBy(dims("tier")));
    // gold: A, C, F at the start, A, F retained: 66.67; silver: D, E at the start, E retained: 50;
    // no tier: H, none at the start
    assertValue(row(byTier, "tier", "gold"), Kpi.RETENTION_RATE, 2 * 100.0 / 3);
    assertValue(row(byTier, "tier", "silver"), Kpi.RETENTION_RATE, 50.0);
    assertNullValue(row(byTier, "tier", null), Kpi.RETENTION_RATE);

    KpiResult byDay =
        compute(query().withKpis(List.of(Kpi.RETENTION_RATE)).withGroupBy(dims("day")));
    // day 03-02 alone: start 03-01: A, C, D, E, F; end 03-02: C churned that day: 4 / 5 x 100 = 80
    assertValue(row(byDay, "day", "2026-03-02"), Kpi.RETENTION_RATE, 80.0);
    // day 03-08: start 03-07: A, D, E, F, G = 5; end 03-08: D churned: 4 / 5 x 100 = 80
    assertValue(row(byDay, "day", "2026-03-08"), Kpi.RETENTION_RATE, 80.0);
  }

  @Test
  void groups_by_a_customer_attribute() {
    customer("g1", "2025-01-01", null, "tier=gold");
    customer("g2", "2025-01-01", null, "tier=gold");
    customer("s1", "2025-01-01", null, "tier=silver");
    contact("c1", "phone", "2026-03-03T09:00:00Z").customer("g1").answeredAfter(10);
    contact("c2", "phone", "2026-03-03T10:00:00Z").customer("g2").answeredAfter(30);
    contact("c3", "chat", "2026-03-03T11:00:00Z").customer("s1").answeredAfter(50);
    contact("c4", "chat", "2026-03-03T12:00:00Z").answeredAfter(70); // no customer
    survey("v1", "csat", 5, "2026-03-04T10:00:00Z", "c3", null, null); // the contact's customer s1
    survey("v2", "csat", 2, "2026-03-04T11:00:00Z", null, "s1", null); // its own customer s1
    survey("v3", "csat", 1, "2026-03-04T12:00:00Z", null, "g1", null);

    KpiResult r =
        compute(
            query().withKpis(List.of(Kpi.CONTACTS, Kpi.ASA, Kpi.CSAT)).withGroupBy(dims("tier")));
    // gold: c1, c2 = 2, ASA (10 + 30) / 2 = 20, CSAT v3 = 0 / 1 = 0
    // silver: c3 = 1, ASA 50, CSAT v1, v2 = 1 / 2 = 50; null: c4 = 1, ASA 70, no survey
    assertThat(groups(r, "tier")).containsExactly("gold", "silver", null);
    assertThat(row(r, "tier", "gold").value(Kpi.CONTACTS)).isEqualTo(2L);
    assertValue(row(r, "tier", "gold"), Kpi.ASA, 20.0);
    assertValue(row(r, "tier", "gold"), Kpi.CSAT, 0.0);
    assertThat(row(r, "tier", "silver").value(Kpi.CONTACTS)).isEqualTo(1L);
    assertValue(row(r, "tier", "silver"), Kpi.ASA, 50.0);
    assertValue(row(r, "tier", "silver"), Kpi.CSAT, 50.0);
    assertThat(row(r, "tier", null).value(Kpi.CONTACTS)).isEqualTo(1L);
    assertValue(row(r, "tier", null), Kpi.ASA, 70.0);
    assertNullValue(row(r, "tier", null), Kpi.CSAT);
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Filters

  @Test
  void a_channel_filter_takes_any_of_its_values_and_nulls_costs_agent_time_and_retention() {
    contact("p1", "phone", "2026-03-03T09:00:00Z").answeredAfter(10).agent("a1");
    contact("p2", "phone", "2026-03-03T10:00:00Z").answeredAfter(20).agent("a1");
    contact("h1", "chat", "2026-03-03T11:00:00Z").answeredAfter(60).agent("a1");
    contact("e1", "email", "2026-03-03T12:00:00Z").answeredAfter(1000).agent("a1");
    contact("e2", "email", "2026-03-03T13:00:00Z");
    survey("s1", "csat", 5, "2026-03-04T10:00:00Z", "p1", null, null);
    survey("s2", "csat", 1, "2026-03-04T11:00:00Z", "e1", null, null);
    survey("s3", "csat", 1, "2026-03-04T12:00:00Z", null, null, "a1"); // no contact: channel null
    state("a1", "available", "2026-03-03T08:00:00Z", "2026-03-03T09:00:00Z");
    state("a1", "busy", "2026-03-03T09:00:00Z", "2026-03-03T17:00:00Z");
    state("a1", "wrap", "2026-03-03T17:00:00Z", "2026-03-03T18:00:00Z");
    cost("2026-03-01", "2026-03-31", "31000", "staff");
    customer("u1", "2025-01-01", null);

    List<Kpi> kpis =
        List.of(
            Kpi.CONTACTS,
            Kpi.ASA,
            Kpi.CSAT,
            Kpi.OCCUPANCY,
            Kpi.IDLE_TIME_AVG,
            Kpi.COST_PER_CONTACT,
            Kpi.COST_PER_RESOLUTION,
            Kpi.RETENTION_RATE);
    KpiResult r =
        compute(query().withKpis(kpis).withFilters(List.of(Filter.parse("channel=Phone,CHAT"))));

    // p1, p2, h1 = 3; ASA (10 + 20 + 60) / 3 = 30; CSAT: s1 only (e-mail and no-contact surveys
    // out) = 100
    assertThat(r.overall().value(Kpi.CONTACTS)).isEqualTo(3L);
    assertValue(r.overall(), Kpi.ASA, 30.0);
    assertValue(r.overall(), Kpi.CSAT, 100.0);
    // agent time, costs and customers have no channel: null, never an unfiltered total
    for (Kpi k :
        List.of(
            Kpi.OCCUPANCY,
            Kpi.IDLE_TIME_AVG,
            Kpi.COST_PER_CONTACT,
            Kpi.COST_PER_RESOLUTION,
            Kpi.RETENTION_RATE)) {
      assertNullValue(r.overall(), k);
    }

    // without the filter they have values: occupancy (8 + 1) / (1 + 8 + 1) x 100 = 90;
    // cost 31000 x 7 / 31 = 7000 / 5 contacts = 1400
    KpiResult all = compute(query().withKpis(kpis));
    assertValue(all.overall(), Kpi.OCCUPANCY, 90.0);
    assertValue(all.overall(), Kpi.COST_PER_CONTACT, 1400.0);
    assertValue(all.overall(), Kpi.RETENTION_RATE, 100.0);
  }

  @Test
  void an_attribute_range_filter_keeps_both_ends() {
    customer("u54", "2025-01-01", null, "age=54");
    customer("u55", "2025-01-01", null, "age=55");
    customer("u62", "2025-01-01", null, "age=62.5");
    customer("u70", "2025-01-01", "2026-03-05", "age=70");
    customer("u71", "2025-01-01", null, "age=71");
    customer("ux", "2025-01-01", null, "age=unknown");
    customer("un", "2025-01-01", null);
    for (String c : List.of("u54", "u55", "u70", "u71", "ux", "un")) {
      contact("c_" + c, "phone", "2026-03-03T09:00:00Z").customer(c);
    }
    contact("c_none", "phone", "2026-03-03T10:00:00Z");
    survey("s1", "csat", 5, "2026-03-04T10:00:00Z", null, "u62", null); // its own customer: 62.5
    survey("s2", "csat", 1, "2026-03-04T11:00:00Z", "c_u71", null, null); // the contact's: 71
    survey("s3", "csat", 2, "2026-03-04T12:00:00Z", "c_u55", null, null); // the contact's: 55
    cost("2026-03-01", "2026-03-31", "31000", "staff");

    KpiResult r =
        compute(
            query()
                .withKpis(List.of(Kpi.CONTACTS, Kpi.CSAT, Kpi.RETENTION_RATE, Kpi.COST_PER_CONTACT))
                .withFilters(List.of(Filter.parse("age=55..70"))));

    // contacts of u55, u70 = 2; CSAT s1, s3: 1 / 2 x 100 = 50
    assertThat(r.overall().value(Kpi.CONTACTS)).isEqualTo(2L);
    assertValue(r.overall(), Kpi.CSAT, 50.0);
    // customers u55, u62, u70 active at the start; u70 churned 03-05: 2 / 3 x 100
    assertValue(r.overall(), Kpi.RETENTION_RATE, 2 * 100.0 / 3);
    // any filter nulls costs
    assertNullValue(r.overall(), Kpi.COST_PER_CONTACT);
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Compare, nulls, business hours

  @Test
  void compare_previous_gives_the_same_groups_values_one_period_earlier() {
    contact("p1", "phone", "2026-03-02T09:00:00Z")
        .answeredAfter(40); // previous period (03-02..03-08)
    contact("p2", "chat", "2026-03-05T09:00:00Z").answeredAfter(60);
    contact("c1", "phone", "2026-03-09T09:00:00Z").answeredAfter(10); // this period (03-09..03-15)
    contact("c2", "phone", "2026-03-10T09:00:00Z").answeredAfter(20);
    contact("c3", "phone", "2026-03-15T09:00:00Z").answeredAfter(30);

    KpiQuery q =
        KpiQuery.of(LocalDate.of(2026, 3, 9), LocalDate.of(2026, 3, 15), UTC)
            .withKpis(List.of(Kpi.CONTACTS, Kpi.ASA))
            .withComparePrevious(true);
    KpiResult r = compute(q);
    // now: 3 contacts, ASA (10 + 20 + 30) / 3 = 20; before: 2, ASA (40 + 60) / 2 = 50
    assertThat(r.overall().value(Kpi.CONTACTS)).isEqualTo(3L);
    assertThat(r.overall().previous().get(Kpi.CONTACTS)).isEqualTo(2L);
    assertValue(r.overall(), Kpi.ASA, 20.0);
    assertThat(r.overall().previous().get(Kpi.ASA).doubleValue()).isCloseTo(50.0, within(1e-9));

    KpiResult byChannel = compute(q.withGroupBy(dims("channel")));
    // phone now 3 (ASA 20), before p1 = 1 (ASA 40); chat has no row now
    assertThat(groups(byChannel, "channel")).containsExactly("phone");
    assertThat(row(byChannel, "channel", "phone").previous().get(Kpi.CONTACTS)).isEqualTo(1L);
    assertThat(row(byChannel, "channel", "phone").previous().get(Kpi.ASA).doubleValue())
        .isCloseTo(40.0, within(1e-9));

    KpiResult byDay = compute(q.withGroupBy(dims("day")));
    // 03-09 pairs with 03-02 (p1); 03-12 with 03-05 (p2); 03-15 with 03-08 (none: 0)
    assertThat(row(byDay, "day", "2026-03-09").previous().get(Kpi.CONTACTS)).isEqualTo(1L);
    assertThat(row(byDay, "day", "2026-03-12").previous().get(Kpi.CONTACTS)).isEqualTo(1L);
    assertThat(row(byDay, "day", "2026-03-12").value(Kpi.CONTACTS)).isEqualTo(0L);
    assertThat(row(byDay, "day", "2026-03-15").previous().get(Kpi.CONTACTS)).isEqualTo(0L);
  }

  @Test
  void without_data_contacts_is_zero_and_every_other_kpi_null() {
    KpiResult r = compute(query().withGroupBy(dims("channel")));

    assertThat(r.rows()).hasSize(1);
    assertThat(r.overall().group()).isEmpty();
    assertThat(r.overall().value(Kpi.CONTACTS)).isEqualTo(0L);
    for (Kpi k : Kpi.values()) {
      if (k != Kpi.CONTACTS) assertNullValue(r.overall(), k);
    }
  }

  @Test
  void kpis_without_their_data_are_null_while_the_others_have_values() {
    contact("c1", "phone", "2026-03-03T09:00:00Z").answeredAfter(12);

    KpiResult r = compute(query());
    Row o = r.overall();
    // one answered inbound call, one open case
    assertThat(o.value(Kpi.CONTACTS)).isEqualTo(1L);
    assertValue(o, Kpi.ABANDONMENT_RATE, 0.0); // 0 / (1 + 0)
    assertValue(o, Kpi.SERVICE_LEVEL, 100.0); // 12 <= 20: 1 / 1
    assertValue(o, Kpi.ASA, 12.0);
    assertValue(o, Kpi.WAIT_OVER_LIMIT, 0.0);
    assertValue(o, Kpi.AHT, 0.0); // no talk, hold or wrap: 0 + 0 + 0
    assertValue(o, Kpi.FRT_AVG, 12.0); // answered_at stands in for the first response
    assertValue(o, Kpi.CONVERSION_RATE, 0.0); // converted empty: not converted, 0 / 1
    assertValue(o, Kpi.RESOLUTION_RATE, 0.0); // 0 / 1 case
    for (Kpi k :
        List.of(
            Kpi.EMAIL_RESPONSE_24H,
            Kpi.REVENUE,
            Kpi.FCR,
            Kpi.CONTACTS_PER_RESOLUTION,
            Kpi.RESOLUTION_TIME_AVG,
            Kpi.RESOLUTION_TIME_MEDIAN,
            Kpi.CSAT,
            Kpi.ESAT,
            Kpi.NPS,
            Kpi.CES,
            Kpi.OCCUPANCY,
            Kpi.IDLE_TIME_AVG,
            Kpi.CONTACTS_PER_HOUR,
            Kpi.ABSENCE_RATE,
            Kpi.COST_PER_CONTACT,
            Kpi.COST_PER_RESOLUTION,
            Kpi.RETENTION_RATE)) {
      assertNullValue(o, k);
    }
  }

  @Test
  void a_filter_or_a_period_that_matches_nothing_says_so() {
    contact("p1", "phone", "2026-03-03T09:00:00Z").answeredAfter(5).agent("a1");
    contact("e1", "email", "2026-03-03T10:00:00Z").firstResponseAfter(60).agent("a2");

    // Each value exists (phone, a2), but no phone contact is a2's: 0 contacts, every KPI empty.
    KpiResult both =
        compute(
            query()
                .withKpis(List.of(Kpi.CONTACTS, Kpi.ASA))
                .withFilters(List.of(Filter.parse("channel=phone"), Filter.parse("agent=a2"))));
    assertThat(both.overall().value(Kpi.CONTACTS)).isEqualTo(0L);
    assertThat(both.warnings())
        .containsExactly(
            "Nothing in "
                + FROM
                + ".."
                + TO
                + " (UTC) matches channel=phone and agent=a2: every value is empty.");
    // A period before the data.
    KpiResult before =
        compute(
            KpiQuery.of(FROM.minusYears(1), FROM.minusYears(1), UTC)
                .withKpis(List.of(Kpi.CONTACTS)));
    assertThat(before.warnings())
        .containsExactly(
            "Nothing was recorded in "
                + FROM.minusYears(1)
                + ".."
                + FROM.minusYears(1)
                + " (UTC): every value is empty.");
    // One phone contact of a1: an answer, no warning.
    assertThat(
            compute(
                    query()
                        .withKpis(List.of(Kpi.CONTACTS, Kpi.ASA))
                        .withFilters(List.of(Filter.parse("channel=phone"))))
                .warnings())
        .isEmpty();
  }

  @Test
  void business_hours_count_from_the_next_opening() {
    // support: Europe/Madrid, Monday to Friday 09:00-18:00 (March 2026: UTC+1)
    BusinessCalendar support =
        BusinessCalendar.parse("support", MADRID, Map.of("mon-fri", "09:00-18:00"), List.of());
    KpiSettings s = KpiSettings.defaults().withCalendars(Map.of("support", support));
    // Friday 03-06 17:00 local, first answered Monday 03-09 10:00 local, resolved Monday 12:00
    // local
    contact("fri", "email", "2026-03-06T16:00:00Z")
        .firstResponseAt("2026-03-09T09:00:00Z")
        .resolvedAt("2026-03-09T11:00:00Z");
    // Sunday 03-08 20:00 local (closed), answered Monday 09:30 local
    contact("sun", "email", "2026-03-08T19:00:00Z").firstResponseAt("2026-03-09T08:30:00Z");

    KpiQuery q =
        KpiQuery.of(FROM, TO, MADRID)
            .withKpis(
                List.of(
                    Kpi.FRT_AVG,
                    Kpi.FRT_MEDIAN,
                    Kpi.RESOLUTION_TIME_AVG,
                    Kpi.RESOLUTION_TIME_MEDIAN,
                    Kpi.EMAIL_RESPONSE_24H));
    KpiResult business = compute(s, q.withBusinessHours("Support"));
    // fri: Friday 17:00-18:00 = 1 h + Monday 09:00-10:00 = 1 h = 7200; sun: from Monday 09:00 to
    // 09:30 = 1800
    // mean (7200 + 1800) / 2 = 4500; median of two = 4500
    assertValue(business.overall(), Kpi.FRT_AVG, 4500.0);
    assertValue(business.overall(), Kpi.FRT_MEDIAN, 4500.0);
    // resolution fri: Friday 1 h + Monday 09:00-12:00 3 h = 14400
    assertValue(business.overall(), Kpi.RESOLUTION_TIME_AVG, 14400.0);
    assertValue(business.overall(), Kpi.RESOLUTION_TIME_MEDIAN, 14400.0);
    // e-mail within 24 h stays clock time: fri 65 h no, sun 13.5 h yes: 1 / 2 x 100 = 50
    assertValue(business.overall(), Kpi.EMAIL_RESPONSE_24H, 50.0);

    KpiResult clock = compute(s, q);
    // clock: fri 65 h = 234000, sun 13.5 h = 48600: mean 141300; resolution 67 h = 241200
    assertValue(clock.overall(), Kpi.FRT_AVG, 141300.0);
    assertValue(clock.overall(), Kpi.RESOLUTION_TIME_AVG, 241200.0);
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Fixture builder and helpers

  @Test
  void a_later_import_that_moves_a_contact_to_another_case_updates_both_cases() throws Exception {
    // First import: case A = a1 (inbound, resolved) + a2 (inbound); case B = b1 (inbound,
    // unresolved).
    contact("a1", "phone", "2026-03-03T09:00:00Z").caseId("A").resolved(true);
    contact("a2", "phone", "2026-03-04T09:00:00Z").caseId("A");
    contact("b1", "phone", "2026-03-05T09:00:00Z").caseId("B");
    fx.load();
    // Resolved cases: A only (2 inbound contacts): FCR 0 / 1 = 0%, contacts per resolution 2,
    // resolution rate 1 / 2.
    KpiQuery q =
        query().withKpis(List.of(Kpi.RESOLUTION_RATE, Kpi.FCR, Kpi.CONTACTS_PER_RESOLUTION));
    assertValue(compute(q).overall(), Kpi.FCR, 0.0);

    // Second import moves a2 to case B and resolves it: A = a1 alone (resolved, 1 inbound), B = b1
    // + a2 (resolved).
    Path more = csvDir.resolve("more.csv");
    java.nio.file.Files.writeString(
        more,
        "contact_id,case_id,channel,arrived_at,resolved\n"
            + "a2,B,phone,2026-03-04T09:00:00Z,true\n");
    store.importFile(RecordType.CONTACTS, ImportSource.of(more.toString()), b -> {});

    // Cases: A (first a1, 03-03) and B (first a2 now, 03-04), both resolved: resolution 2 / 2 =
    // 100%;
    // FCR: A has 1 inbound contact, B has 2: 1 / 2 = 50%; contacts per resolution (1 + 2) / 2 =
    // 1.5.
    KpiResult r = new KpiEngine(store, KpiSettings.defaults()).compute(q);
    assertValue(r.overall(), Kpi.RESOLUTION_RATE, 100.0);
    assertValue(r.overall(), Kpi.FCR, 50.0);
    assertValue(r.overall(), Kpi.CONTACTS_PER_RESOLUTION, 1.5);
  }

  @Test
  void
      forecast_wape_compares_the_latest_forecast_made_before_each_interval_with_inbound_contacts() {
    // Phone, 60-minute intervals on 2026-03-03: 09:00 forecast 3 (made 03-01; a later 03-02
    // forecast of 5 wins),
    // 10:00 forecast 2, 11:00 forecast 1. Came inbound: 09:00 c1, c2, c3, c4 (4; o1 outbound does
    // not count),
    // 10:00 c5 (1), 11:00 none (0). 12:00 forecast 9 ends after the latest contact (12:00 z1): not
    // yet scored.
    // A 30-minute forecast of chat is the only chat one; a forecast made after its interval began
    // is ignored.
    // Phone: |5 - 4| + |2 - 1| + |1 - 0| = 3 over 4 + 1 + 0 = 5 actual: 60%.
    // Chat 30 min: 09:00-09:30 forecast 2, came 1 (ch1): 1 / 1 = 100%. Overall (3 + 1) / (5 + 1) =
    // 66.67%.
    contact("c1", "phone", "2026-03-03T09:05:00Z");
    contact("c2", "phone", "2026-03-03T09:15:00Z");
    contact("c3", "phone", "2026-03-03T09:25:00Z");
    contact("c4", "phone", "2026-03-03T09:59:59Z");
    contact("o1", "phone", "2026-03-03T09:30:00Z").outbound();
    contact("c5", "phone", "2026-03-03T10:00:00Z");
    contact("ch1", "chat", "2026-03-03T09:10:00Z");
    contact("z1", "email", "2026-03-03T12:00:00Z");
    fx.load();
    forecast("2026-03-01T00:00:00Z", "phone", 60, "2026-03-03T09:00:00Z", 3);
    forecast("2026-03-02T00:00:00Z", "phone", 60, "2026-03-03T09:00:00Z", 5);
    forecast("2026-03-03T09:30:00Z", "phone", 60, "2026-03-03T09:00:00Z", 40);
    forecast("2026-03-02T00:00:00Z", "phone", 60, "2026-03-03T10:00:00Z", 2);
    forecast("2026-03-02T00:00:00Z", "phone", 60, "2026-03-03T11:00:00Z", 1);
    forecast("2026-03-02T00:00:00Z", "phone", 60, "2026-03-03T12:00:00Z", 9);
    forecast("2026-03-02T00:00:00Z", "chat", 30, "2026-03-03T09:00:00Z", 2);

    KpiResult r =
        compute(query().withKpis(List.of(Kpi.FORECAST_WAPE)).withGroupBy(dims("channel")));

    assertValue(r.overall(), Kpi.FORECAST_WAPE, 4 * 100.0 / 6);
    assertValue(row(r, "channel", "chat"), Kpi.FORECAST_WAPE, 100.0);
    assertValue(row(r, "channel", "phone"), Kpi.FORECAST_WAPE, 60.0);
    assertThat(
            compute(query().withKpis(List.of(Kpi.FORECAST_WAPE)).withGroupBy(dims("queue"))).rows())
        .allSatisfy(
            row ->
                assertThat(row.group().isEmpty() || row.value(Kpi.FORECAST_WAPE) == null).isTrue());
  }

  private void forecast(String madeAt, String channel, int minutes, String start, double value) {
    java.time.Instant s = java.time.Instant.parse(start);
    store.update(
        "INSERT INTO forecasts (made_at, channel, queue, interval_minutes, zone, model, interval_start,"
            + " interval_end, forecast) VALUES (?, ?, NULL, ?, 'UTC', 'test', ?, ?, ?)",
        java.time.Instant.parse(madeAt),
        channel,
        minutes,
        s,
        s.plusSeconds(60L * minutes),
        value);
  }

  protected KpiQuery query() {
    return KpiQuery.of(FROM, TO, UTC);
  }

  protected static List<Dimension> dims(String... names) {
    return Arrays.stream(names).map(Dimension::of).toList();
  }

  protected KpiResult compute(KpiQuery q) {
    return compute(KpiSettings.defaults(), q);
  }

  protected KpiResult compute(KpiSettings settings, KpiQuery q) {
    fx.load();
    return new KpiEngine(store, settings).compute(q);
  }

  /** The overall row of the default period, asking for one KPI. */
  protected Row overall(Kpi kpi) {
    return compute(query().withKpis(List.of(kpi))).overall();
  }

  static KpiSettings settings(
      double shortAbandon,
      Map<String, Double> slByChannel,
      ServiceLevelFormula formula,
      double waitLimit,
      FcrDenominator fcr,
      CesMode ces) {
    KpiSettings d = KpiSettings.defaults();
    return new KpiSettings(
        shortAbandon, 20, slByChannel, formula, waitLimit, fcr, ces, d.calendars(), d.benchmarks());
  }

  static KpiSettings slSettings(Map<String, Double> slByChannel, ServiceLevelFormula formula) {
    return settings(5, slByChannel, formula, 180, FcrDenominator.RESOLVED_CASES, CesMode.MEAN);
  }

  /** The one row whose group is exactly dimension = value (value may be null). */
  protected static Row row(KpiResult r, String dimension, String value) {
    Map<String, String> want = new HashMap<>();
    want.put(dimension, value);
    List<Row> found = r.rows().stream().skip(1).filter(x -> x.group().equals(want)).toList();
    assertThat(found)
        .as("rows with %s = %s in %s", dimension, value, groups(r, dimension))
        .hasSize(1);
    return found.get(0);
  }

  /** The values of one dimension over the group rows, in order. */
  protected static List<String> groups(KpiResult r, String dimension) {
    List<String> out = new ArrayList<>();
    r.rows().stream().skip(1).forEach(x -> out.add(x.group().get(dimension)));
    return out;
  }

  protected static void assertValue(Row row, Kpi kpi, double expected) {
    Number v = row.value(kpi);
    assertThat(v).as("%s in %s", kpi.id(), row.group()).isNotNull();
    assertThat(v.doubleValue())
        .as("%s in %s", kpi.id(), row.group())
        .isCloseTo(expected, within(1e-9));
  }

  protected static void assertNullValue(Row row, Kpi kpi) {
    assertThat(row.value(kpi)).as("%s in %s", kpi.id(), row.group()).isNull();
  }

  protected ContactRow contact(String id, String channel, String arrivedAt) {
    ContactRow c = new ContactRow(id, channel, arrivedAt);
    fx.contacts.add(c.values);
    return c;
  }

  protected void survey(String id, String kind, int score, String submittedAt) {
    survey(id, kind, score, submittedAt, null, null, null);
  }

  protected void survey(
      String id,
      String kind,
      int score,
      String submittedAt,
      String contactId,
      String customerId,
      String agentId) {
    fx.surveys.add(
        row(
            "survey_id",
            id,
            "kind",
            kind,
            "score",
            String.valueOf(score),
            "submitted_at",
            submittedAt,
            "contact_id",
            contactId,
            "customer_id",
            customerId,
            "agent_id",
            agentId));
  }

  protected void state(String agent, String state, String startedAt, String endedAt) {
    fx.states.add(
        row("agent_id", agent, "state", state, "started_at", startedAt, "ended_at", endedAt));
  }

  /** A customer; attributes as name=value. */
  protected void customer(String id, String since, String churnedAt, String... attributes) {
    Map<String, String> r = row("customer_id", id, "since", since, "churned_at", churnedAt);
    for (String a : attributes) {
      int eq = a.indexOf('=');
      r.put(a.substring(0, eq), a.substring(eq + 1));
    }
    fx.customers.add(r);
  }

  protected void cost(String start, String end, String amount, String category) {
    fx.costs.add(
        row(
            "period_start",
            start,
            "period_end",
            end,
            "amount",
            amount,
            "currency",
            "EUR",
            "category",
            category));
  }

  private static Map<String, String> row(String... kv) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) m.put(kv[i], kv[i + 1]);
    return m;
  }

  /** One contact row; times relative to arrival are seconds (fractions allowed). */
  protected static final class ContactRow {
    final Map<String, String> values = new LinkedHashMap<>();
    private final OffsetDateTime arrived;

    ContactRow(String id, String channel, String arrivedAt) {
      values.put("contact_id", id);
      values.put("channel", channel);
      values.put("arrived_at", arrivedAt);
      arrived = OffsetDateTime.parse(arrivedAt);
    }

    private String after(double seconds) {
      return arrived.plusNanos(Math.round(seconds * 1000) * 1_000_000L).toString();
    }

    ContactRow caseId(String v) {
      values.put("case_id", v);
      return this;
    }

    ContactRow outbound() {
      values.put("direction", "outbound");
      return this;
    }

    ContactRow agent(String v) {
      values.put("agent_id", v);
      return this;
    }

    ContactRow team(String v) {
      values.put("team", v);
      return this;
    }

    ContactRow customer(String v) {
      values.put("customer_id", v);
      return this;
    }

    ContactRow answeredAfter(double s) {
      values.put("answered_at", after(s));
      return this;
    }

    ContactRow abandonedAfter(double s) {
      values.put("abandoned_at", after(s));
      return this;
    }

    ContactRow firstResponseAfter(double s) {
      values.put("first_response_at", after(s));
      return this;
    }

    ContactRow firstResponseAt(String t) {
      values.put("first_response_at", t);
      return this;
    }

    ContactRow resolvedAfter(double s) {
      values.put("resolved_at", after(s));
      return this;
    }

    ContactRow resolvedAt(String t) {
      values.put("resolved_at", t);
      return this;
    }

    ContactRow resolved(boolean v) {
      values.put("resolved", String.valueOf(v));
      return this;
    }

    ContactRow converted(boolean v) {
      values.put("converted", String.valueOf(v));
      return this;
    }

    ContactRow revenue(String v) {
      values.put("revenue", v);
      return this;
    }

    ContactRow talk(double s) {
      values.put("talk_s", String.valueOf(s));
      return this;
    }

    ContactRow hold(double s) {
      values.put("hold_s", String.valueOf(s));
      return this;
    }

    ContactRow wrap(double s) {
      values.put("wrap_s", String.valueOf(s));
      return this;
    }
  }

  /** The rows of one test, written as CSV files and imported on the first compute. */
  private final class Fixture {
    final List<Map<String, String>> contacts = new ArrayList<>();
    final List<Map<String, String>> surveys = new ArrayList<>();
    final List<Map<String, String>> states = new ArrayList<>();
    final List<Map<String, String>> customers = new ArrayList<>();
    final List<Map<String, String>> costs = new ArrayList<>();
    private boolean loaded;

    void load() {
      if (loaded) return;
      loaded = true;
      write(RecordType.CONTACTS, "contacts.csv", contacts);
      write(RecordType.SURVEYS, "surveys.csv", surveys);
      write(RecordType.AGENT_STATES, "agent_states.csv", states);
      write(RecordType.CUSTOMERS, "customers.csv", customers);
      write(RecordType.COSTS, "costs.csv", costs);
    }

    private void write(RecordType type, String name, List<Map<String, String>> rows) {
      if (rows.isEmpty()) return;
      Set<String> header = new LinkedHashSet<>();
      rows.forEach(r -> header.addAll(r.keySet()));
      StringBuilder csv = new StringBuilder(String.join(",", header)).append('\n');
      for (Map<String, String> r : rows) {
        List<String> cells = new ArrayList<>();
        for (String h : header) cells.add(csv(r.get(h)));
        csv.append(String.join(",", cells)).append('\n');
      }
      try {
        Path file = csvDir.resolve(name);
        Files.writeString(file, csv, StandardCharsets.UTF_8);
        var counts = store.importFile(type, ImportSource.of(file.toString()), b -> {});
        assertThat(counts.inserted()).as("rows of %s imported", name).isEqualTo(rows.size());
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }

    private static String csv(String v) {
      if (v == null) return "";
      if (v.contains(",") || v.contains("\"")) return '"' + v.replace("\"", "\"\"") + '"';
      return v;
    }
  }
}
