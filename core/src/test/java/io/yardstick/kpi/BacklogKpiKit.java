package io.yardstick.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.yardstick.ingest.ImportSource;
import io.yardstick.model.RecordType;
import io.yardstick.store.Store;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 17: the backlog KPIs from tickets and their timelines, on every store, computed by hand.
 * The period is Monday 2026-03-02 to Sunday 2026-03-08 in UTC.
 *
 * <ul>
 *   <li>b1: created 03-02 09:00, agent reply and solved 10:00 (one touch).
 *   <li>b2: created 03-02 12:00; agent reply and pending 03-03 09:00; customer reply and open 03-04
 *       10:00; agent reply and solved 03-04 11:00; customer reply and open 03-05 08:00 (reopened);
 *       agent reply and solved 03-05 09:00; closed 03-06 09:00 (not a new solve). 3 agent replies.
 *   <li>b3: created 03-03 08:00, open, an agent reply at 09:00, still open.
 *   <li>b4: created 2026-02-20 10:00 (before the period), open, pending from 03-06 10:00.
 *   <li>b5: created 03-07 10:00, solved by the tickets file only (no events, no replies).
 *   <li>b6: created 03-09 10:00, after the period.
 * </ul>
 */
public abstract class BacklogKpiKit extends io.yardstick.store.StoreKit {
  protected Store store;

  static final List<Kpi> ALL =
      List.of(
          Kpi.TICKETS_CREATED,
          Kpi.TICKETS_SOLVED,
          Kpi.REOPEN_RATE,
          Kpi.ONE_TOUCH_RESOLUTION,
          Kpi.REPLIES_PER_TICKET,
          Kpi.BACKLOG,
          Kpi.BACKLOG_OVER_7D);

  @BeforeEach
  void fill() throws Exception {
    store = newStore();
    load(
        RecordType.TICKETS,
        "tickets.csv",
        """
        case_id,created_at,status
        b1,2026-03-02T09:00:00Z,solved
        b2,2026-03-02T12:00:00Z,closed
        b3,2026-03-03T08:00:00Z,open
        b4,2026-02-20T10:00:00Z,pending
        b5,2026-03-07T10:00:00Z,solved
        b6,2026-03-09T10:00:00Z,new
        """);
    load(
        RecordType.TICKET_EVENTS,
        "events.csv",
        """
        case_id,occurred_at,kind,status,actor
        b1,2026-03-02T09:00:00Z,status,new,
        b1,2026-03-02T10:00:00Z,reply,,agent
        b1,2026-03-02T10:00:00Z,status,solved,agent
        b2,2026-03-03T09:00:00Z,reply,,agent
        b2,2026-03-03T09:00:00Z,status,pending,agent
        b2,2026-03-04T10:00:00Z,reply,,customer
        b2,2026-03-04T10:00:00Z,status,open,customer
        b2,2026-03-04T11:00:00Z,reply,,agent
        b2,2026-03-04T11:00:00Z,status,solved,agent
        b2,2026-03-05T08:00:00Z,reply,,customer
        b2,2026-03-05T08:00:00Z,status,open,customer
        b2,2026-03-05T09:00:00Z,reply,,agent
        b2,2026-03-05T09:00:00Z,status,solved,agent
        b2,2026-03-06T09:00:00Z,status,closed,agent
        b3,2026-03-03T08:00:00Z,status,open,
        b3,2026-03-03T09:00:00Z,reply,,agent
        b4,2026-02-20T10:00:00Z,status,open,
        b4,2026-03-06T10:00:00Z,status,pending,agent
        b6,2026-03-09T10:00:00Z,status,new,
        """);
  }

  @AfterEach
  void close() {
    store.close();
  }

  private void load(RecordType type, String name, String text) {
    store.importFile(type, ImportSource.of(name, text.getBytes(StandardCharsets.UTF_8)), b -> {});
  }

  private KpiResult week(List<Dimension> by) {
    return new KpiEngine(store)
        .compute(
            new KpiQuery(
                LocalDate.of(2026, 3, 2),
                LocalDate.of(2026, 3, 8),
                ZoneId.of("UTC"),
                ALL,
                by,
                List.of(),
                false,
                null));
  }

  @Test
  void the_week_counts_created_solved_reopened_one_touch_replies_and_the_backlog_at_its_end() {
    Map<Kpi, Number> v = week(List.of()).overall().values();

    assertThat(v.get(Kpi.TICKETS_CREATED)).isEqualTo(4L); // b1, b2, b3, b5 (b4 before, b6 after)
    assertThat(v.get(Kpi.TICKETS_SOLVED))
        .isEqualTo(3L); // b1 03-02, b2 03-04 and again 03-05 (closing is no solve)
    // ever solved b1, b2, b5; reopened b2: 1 / 3
    assertThat(v.get(Kpi.REOPEN_RATE).doubleValue()).isCloseTo(100.0 / 3, within(1e-9));
    // solved now b1, b2 (closed), b5; one agent reply: b1 only: 1 / 3
    assertThat(v.get(Kpi.ONE_TOUCH_RESOLUTION).doubleValue()).isCloseTo(100.0 / 3, within(1e-9));
    // agent replies 1 + 3 + 0 over 3 solved tickets
    assertThat(v.get(Kpi.REPLIES_PER_TICKET).doubleValue()).isCloseTo(4.0 / 3, within(1e-9));
    // at 03-09 00:00: b3 open (5 d 16 h old) and b4 pending (16 d 14 h old); b5 solved by its file
    // status
    assertThat(v.get(Kpi.BACKLOG)).isEqualTo(2L);
    assertThat(v.get(Kpi.BACKLOG_OVER_7D)).isEqualTo(1L);
  }

  @Test
  void by_day_the_backlog_is_each_days_end_and_created_and_solved_are_that_days() {
    Map<String, List<Number>> byDay = new LinkedHashMap<>();
    for (KpiResult.Row r : week(List.of(Dimension.of("day"))).rows().subList(1, 8)) {
      byDay.put(
          r.group().get("day"),
          java.util.Arrays.asList(
              r.values().get(Kpi.TICKETS_CREATED),
              r.values().get(Kpi.TICKETS_SOLVED),
              r.values().get(Kpi.BACKLOG)));
    }
    // created, solved (null: none; ticket counts are null without tickets, like the other KPIs
    // without data),
    // backlog at the day's end:
    // 03-02: b1, b2 created; b1 solved; open at the end: b2 (no status yet: new) and b4 = 2
    // 03-03: b3 created; open: b2 (pending), b3, b4 = 3
    // 03-04: b2 solved; open: b3, b4 = 2. 03-05: b2 reopened and solved again: 1 solve; 2
    // 03-06: b2 closed (no solve); b4 pending: 2. 03-07: b5 created solved: 2. 03-08: 2.
    assertThat(byDay)
        .containsExactly(
            Map.entry("2026-03-02", java.util.Arrays.asList(2L, 1L, 2L)),
            Map.entry("2026-03-03", java.util.Arrays.asList(1L, null, 3L)),
            Map.entry("2026-03-04", java.util.Arrays.asList(null, 1L, 2L)),
            Map.entry("2026-03-05", java.util.Arrays.asList(null, 1L, 2L)),
            Map.entry("2026-03-06", java.util.Arrays.asList(null, null, 2L)),
            Map.entry("2026-03-07", java.util.Arrays.asList(1L, null, 2L)),
            Map.entry("2026-03-08", java.util.Arrays.asList(null, null, 2L)));
  }

  static final List<Kpi> SHAPE =
      List.of(
          Kpi.BACKLOG_STATUS_NEW,
          Kpi.BACKLOG_STATUS_OPEN,
          Kpi.BACKLOG_STATUS_PENDING,
          Kpi.BACKLOG_STATUS_ON_HOLD,
          Kpi.BACKLOG_AGE_UNDER_1D,
          Kpi.BACKLOG_AGE_1_3D,
          Kpi.BACKLOG_AGE_3_7D,
          Kpi.BACKLOG_AGE_7_30D,
          Kpi.BACKLOG_AGE_OVER_30D);

  private List<Number> shape(Map<Kpi, Number> v) {
    return SHAPE.stream().map(v::get).toList();
  }

  @Test
  void the_backlog_splits_by_status_and_age_bucket_at_each_days_end() {
    KpiResult r =
        new KpiEngine(store)
            .compute(
                new KpiQuery(
                    LocalDate.of(2026, 3, 2),
                    LocalDate.of(2026, 3, 8),
                    ZoneId.of("UTC"),
                    SHAPE,
                    List.of(Dimension.of("day")),
                    List.of(),
                    false,
                    null));
    // new, open, pending, on hold; <=1d, 1-3d, 3-7d, 7-30d, >30d.
    // Week's end (03-09 00:00): b3 open, created 03-03 08:00 (5 d 16 h: 3-7d); b4 pending, created
    // 02-20 10:00 (16 d 14 h: 7-30d).
    assertThat(shape(r.overall().values())).containsExactly(0L, 1L, 1L, 0L, 0L, 0L, 1L, 1L, 0L);
    Map<String, List<Number>> byDay = new LinkedHashMap<>();
    for (KpiResult.Row row : r.rows().subList(1, 8)) {
      byDay.put(row.group().get("day"), shape(row.values()));
    }
    // 03-02's end: b2 new (no status event yet; 12 h: <=1d), b4 open (10 d 14 h: 7-30d).
    assertThat(byDay.get("2026-03-02")).containsExactly(1L, 1L, 0L, 0L, 1L, 0L, 0L, 1L, 0L);
    // 03-03's end: b2 pending (1 d 12 h: 1-3d), b3 open (16 h: <=1d), b4 open (11 d 14 h).
    assertThat(byDay.get("2026-03-03")).containsExactly(0L, 2L, 1L, 0L, 1L, 1L, 0L, 1L, 0L);
    // 03-06's end: b3 open (3 d 16 h: 3-7d), b4 pending since 10:00 (14 d 14 h).
    assertThat(byDay.get("2026-03-06")).containsExactly(0L, 1L, 1L, 0L, 0L, 0L, 1L, 1L, 0L);
  }
}
