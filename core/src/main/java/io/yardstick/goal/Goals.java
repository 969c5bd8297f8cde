package io.yardstick.goal;

import io.yardstick.YardstickException;
import io.yardstick.kpi.Kpi;
import io.yardstick.store.Store;
import io.yardstick.store.StoredRows;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The goals of a store (table {@code goals}, migration V7): definitions only; every figure is
 * tracked afresh from the data by {@link GoalTracker}, so a re-import changes what a goal shows and
 * nothing goes stale.
 *
 * <pre>{@code
 * Goals goals = new Goals(store, clock);
 * Goal stored = goals.add(goal);           // stored.id() is 1, 2, ...
 * }</pre>
 */
public final class Goals {
  private static final String COLUMNS =
      "id, name, kpi, filters, zone, start_date, deadline, baseline, baseline_from,"
          + " baseline_to, target_kind, target, created_at";

  private final Store store;
  private final Clock clock;

  public Goals(Store store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  /** Stores a goal under the next free id and returns it with its id. */
  public Goal add(Goal goal) {
    long id = store.nextId("goals");
    Goal g = goal.withId(id, clock.instant());
    store.update(
        "INSERT INTO goals (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        g.id(),
        g.name(),
        g.kpi().id(),
        String.join("\n", g.where()),
        g.zone().getId(),
        g.start(),
        g.deadline(),
        g.baseline(),
        g.baselineFrom(),
        g.baselineTo(),
        g.target().kind().id(),
        g.target().value(),
        g.createdAt());
    return g;
  }

  /**
   * Every goal that can be read, by id. A stored goal that cannot (stored before its values were
   * checked) is skipped with a log line and listed by {@link #broken()}, so that it cannot stop the
   * list.
   */
  public List<Goal> list() {
    return StoredRows.readable(rows(), Goals::goal, "yardstick.goals", "Goal");
  }

  /** The stored goals that {@link #list()} skips, with why. */
  public List<StoredRows.Broken> broken() {
    return StoredRows.broken(rows(), Goals::goal);
  }

  private List<Object[]> rows() {
    return store.query("SELECT " + COLUMNS + " FROM goals ORDER BY id");
  }

  public Optional<Goal> find(long id) {
    List<Object[]> rows = store.query("SELECT " + COLUMNS + " FROM goals WHERE id = ?", id);
    return rows.isEmpty() ? Optional.empty() : Optional.of(goal(rows.get(0)));
  }

  /** The goal, or an error naming the ids that exist. */
  public Goal get(long id) {
    return find(id)
        .orElseThrow(
            () ->
                new YardstickException(
                    "There is no goal "
                        + id
                        + "; goal list shows the"
                        + " goals ("
                        + list().stream()
                            .map(g -> Long.toString(g.id()))
                            .reduce((a, b) -> a + ", " + b)
                            .orElse("none")
                        + ")."));
  }

  /** Removes a goal; false when there was none. */
  public boolean remove(long id) {
    return store.update("DELETE FROM goals WHERE id = ?", id) > 0;
  }

  private static Goal goal(Object[] r) {
    String filters = (String) r[3];
    List<String> where =
        filters == null || filters.isEmpty() ? List.of() : Arrays.asList(filters.split("\n"));
    Kpi kpi =
        Kpi.byId((String) r[2])
            .orElseThrow(
                () ->
                    new YardstickException(
                        "Goal "
                            + r[0]
                            + " names the KPI '"
                            + r[2]
                            + "', which this Yardstick does not know."));
    Target.Kind kind = Target.Kind.valueOf(((String) r[10]).toUpperCase(java.util.Locale.ROOT));
    return new Goal(
        ((Number) r[0]).longValue(),
        (String) r[1],
        kpi,
        where,
        ZoneId.of((String) r[4]),
        (LocalDate) r[5],
        (LocalDate) r[6],
        r[7] == null ? null : ((Number) r[7]).doubleValue(),
        (LocalDate) r[8],
        (LocalDate) r[9],
        new Target(kind, ((Number) r[11]).doubleValue()),
        (Instant) r[12]);
  }
}
