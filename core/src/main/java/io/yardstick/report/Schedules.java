package io.yardstick.report;

import io.yardstick.store.Store;
import io.yardstick.store.StoredRows;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The report schedules of a store (table {@code report_schedules}) and the history of their
 * deliveries ({@code report_deliveries}). A new schedule's occurrences start after the moment it is
 * stored: nothing is sent for the past.
 */
public final class Schedules {
  private static final String COLUMNS =
      "id, view_id, owner, cadence, language, targets, created_at";
  static final String DELIVERY_COLUMNS =
      "idempotency_key, schedule_id, occurrence, target, kind, state, attempts,"
          + " updated_at, error";

  private final Store store;
  private final Clock clock;

  public Schedules(Store store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  public Schedule add(Schedule schedule) {
    Instant now = clock.instant();
    Schedule s = schedule.withId(store.nextId("report_schedules"), now);
    store.update(
        "INSERT INTO report_schedules ("
            + COLUMNS
            + ", checked_until) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        s.id(),
        s.viewId(),
        s.owner(),
        s.cadence().id(),
        s.language(),
        String.join("\n", s.targets()),
        now,
        now);
    return s;
  }

  public List<Schedule> list() {
    return StoredRows.readable(
        store.query("SELECT " + COLUMNS + " FROM report_schedules ORDER BY id"),
        Schedules::schedule,
        "yardstick.reports",
        "Report schedule");
  }

  public List<Schedule> ofView(long viewId) {
    return list().stream().filter(s -> s.viewId() == viewId).toList();
  }

  public Optional<Schedule> find(long id) {
    List<Object[]> rows =
        store.query("SELECT " + COLUMNS + " FROM report_schedules WHERE id = ?", id);
    return rows.isEmpty() ? Optional.empty() : Optional.of(schedule(rows.get(0)));
  }

  public boolean remove(long id) {
    return store.update("DELETE FROM report_schedules WHERE id = ?", id) > 0;
  }

  /** The deliveries of a schedule, newest occurrence first, at most {@code limit}. */
  public List<Delivery> history(long scheduleId, int limit) {
    return store
        .query(
            "SELECT "
                + DELIVERY_COLUMNS
                + " FROM report_deliveries WHERE schedule_id = ? ORDER BY"
                + " occurrence DESC, idempotency_key LIMIT "
                + Math.max(1, Math.min(limit, 1000)),
            scheduleId)
        .stream()
        .map(Delivery::of)
        .toList();
  }

  private static Schedule schedule(Object[] r) {
    return new Schedule(
        ((Number) r[0]).longValue(),
        ((Number) r[1]).longValue(),
        (String) r[2],
        Cadence.parse((String) r[3]),
        (String) r[4],
        Arrays.asList(((String) r[5]).split("\n")),
        (Instant) r[6]);
  }
}
