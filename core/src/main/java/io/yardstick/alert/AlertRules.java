package io.yardstick.alert;

import io.yardstick.YardstickException;
import io.yardstick.goal.Goals;
import io.yardstick.kpi.Filter;
import io.yardstick.kpi.Kpi;
import io.yardstick.kpi.KpiQuery;
import io.yardstick.kpi.Vocabulary;
import io.yardstick.store.Store;
import io.yardstick.store.StoredRows;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The stored alert rules (table alert_rules).
 *
 * <pre>{@code
 * AlertRule stored = new AlertRules(store, clock).add(rule);   // with its id
 * }</pre>
 */
public final class AlertRules {
  private static final String COLUMNS =
      "id, name, kind, kpi, filters, comparison, threshold_source, threshold,"
          + " goal_id, window_s, min_volume, cool_down_s, notify, zone, created_at";

  private final Store store;
  private final Clock clock;

  public AlertRules(Store store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  public AlertRule add(AlertRule rule) {
    // What only the store can tell is checked before the rule is stored: its filters' dimensions
    // (a misspelt one would fail every evaluation) and its goal. An SLA rule's filters (priority,
    // tag, metric) are not KPI dimensions: AlertRule checks them itself.
    if (!rule.filters().isEmpty() && !rule.kind().sla()) {
      new Vocabulary(store)
          .check(
              KpiQuery.of(java.time.LocalDate.EPOCH, java.time.LocalDate.EPOCH, rule.zone())
                  .withFilters(rule.filters()));
    }
    if (rule.goalId() != null) new Goals(store, clock).get(rule.goalId());
    long id = store.nextId("alert_rules");
    AlertRule r = rule.withId(id, clock.instant());
    store.update(
        "INSERT INTO alert_rules ("
            + COLUMNS
            + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        r.id(),
        r.name(),
        r.kind().id(),
        r.kpi() == null ? null : r.kpi().id(),
        lines(r.filters().stream().map(AlertRules::filterText).toList()),
        r.comparison().id(),
        r.thresholdSource().id(),
        r.threshold(),
        r.goalId(),
        r.window().toSeconds(),
        r.minVolume(),
        r.coolDown().toSeconds(),
        lines(r.targets()),
        r.zone().getId(),
        r.createdAt());
    return r;
  }

  /**
   * The rules that can be read, by id. A stored rule that cannot (stored before its values were
   * checked, or by a newer Yardstick) is skipped with a log line and listed by {@link #broken()},
   * so that it cannot stop the others.
   */
  public List<AlertRule> list() {
    return StoredRows.readable(rows(), AlertRules::rule, "yardstick.alerts", "Alert rule");
  }

  /** The stored rules that {@link #list()} skips, with why. */
  public List<StoredRows.Broken> broken() {
    return StoredRows.broken(rows(), AlertRules::rule);
  }

  private List<Object[]> rows() {
    return store.query("SELECT " + COLUMNS + " FROM alert_rules ORDER BY id");
  }

  public Optional<AlertRule> find(long id) {
    return store.query("SELECT " + COLUMNS + " FROM alert_rules WHERE id = ?", id).stream()
        .map(AlertRules::rule)
        .findFirst();
  }

  public AlertRule get(long id) {
    return find(id)
        .orElseThrow(
            () ->
                new YardstickException(
                    "There is no alert rule "
                        + id
                        + "; `yardstick alert"
                        + " list` shows the rules."));
  }

  /** Removes a rule; its alerts stay in the history. */
  public boolean remove(long id) {
    return store.update("DELETE FROM alert_rules WHERE id = ?", id) > 0;
  }

  private static AlertRule rule(Object[] r) {
    List<Filter> filters = split((String) r[4]).stream().map(Filter::parse).toList();
    return new AlertRule(
        ((Number) r[0]).longValue(),
        (String) r[1],
        AlertRule.Kind.of((String) r[2]),
        r[3] == null ? null : Kpi.byId((String) r[3]).orElseThrow(),
        filters,
        AlertRule.Comparison.valueOf(((String) r[5]).toUpperCase(java.util.Locale.ROOT)),
        AlertRule.ThresholdSource.valueOf(((String) r[6]).toUpperCase(java.util.Locale.ROOT)),
        r[7] == null ? null : ((Number) r[7]).doubleValue(),
        r[8] == null ? null : ((Number) r[8]).longValue(),
        Duration.ofSeconds(((Number) r[9]).longValue()),
        ((Number) r[10]).longValue(),
        Duration.ofSeconds(((Number) r[11]).longValue()),
        split((String) r[12]),
        ZoneId.of((String) r[13]),
        (Instant) r[14]);
  }

  /** The filter as {@link Filter#parse} reads it. */
  static String filterText(Filter f) {
    if (!f.isRange()) return f.dimension().name() + "=" + String.join(",", f.values());
    return f.dimension().name()
        + "="
        + (f.low() == null ? "" : num(f.low()))
        + ".."
        + (f.high() == null ? "" : num(f.high()));
  }

  private static String num(double d) {
    return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
  }

  private static String lines(List<String> items) {
    return String.join("\n", items);
  }

  private static List<String> split(String text) {
    return text == null || text.isEmpty() ? List.of() : Arrays.asList(text.split("\n"));
  }
}
