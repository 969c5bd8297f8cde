package io.yardstick.alert;

import io.yardstick.YardstickException;
import io.yardstick.event.LiveView;
import io.yardstick.goal.GoalTracker;
import io.yardstick.goal.Goals;
import io.yardstick.kpi.Benchmark;
import io.yardstick.kpi.Filter;
import io.yardstick.kpi.Kpi;
import io.yardstick.kpi.KpiEngine;
import io.yardstick.kpi.KpiResult;
import io.yardstick.store.Store;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Evaluates the rules and records what changed: an alert fires once when its condition starts to
 * hold (unless the rule's cool-down since its last alert resolved is still running), stays firing
 * while it holds, and resolves when it clears. Below the rule's minimum volume the condition does
 * not hold. Every change is stored (table alerts); the {@link Notifications} send them.
 *
 * <pre>{@code
 * AlertEvaluator evaluator = new AlertEvaluator(store, engine, () -> ingestor.live(), clock);
 * List<AlertEvaluator.Transition> changes = evaluator.evaluate(AlertEvaluator.Scope.ALL);
 * }</pre>
 */
public final class AlertEvaluator {
  /** Which rules an evaluation looks at. */
  public enum Scope {
    /** Every rule. */
    ALL,
    /**
     * The live rules only (longest wait, waiting, volume over forecast): cheap, run after each
     * event batch; and the SLA rules.
     */
    LIVE,
    /** The SLA rules only (sla_due, sla_breached): after an import refreshed the SLA targets. */
    SLA
  }

  /** An alert that fired or resolved in this evaluation. */
  public record Transition(String transition, Alert alert) {}

  /**
   * What a rule measured.
   *
   * @param value null when there is nothing to measure (no one waiting, no contact in the window)
   * @param volume the contacts behind the value
   * @param threshold null when the goal or benchmark gives none
   */
  public record Measure(Double value, long volume, Double threshold) {}

  private final Store store;
  private final KpiEngine engine;
  private final Supplier<LiveView> live;
  private final Clock clock;
  private final AlertRules rules;
  private final AlertHistory history;
  private final SlaNotices sla;

  /**
   * @param live the live view of waiting contacts (the event ingestor's), read at each evaluation
   */
  public AlertEvaluator(Store store, KpiEngine engine, Supplier<LiveView> live, Clock clock) {
    this.store = store;
    this.engine = engine;
    this.live = live;
    this.clock = clock;
    this.rules = new AlertRules(store, clock);
    this.history = new AlertHistory(store);
    this.sla = new SlaNotices(store);
  }

  /**
   * An evaluator of the SLA rules only ({@link Scope#SLA}), which need neither the KPI engine nor
   * the live view: what {@code yardstick import} runs after refreshing the SLA targets.
   */
  public static AlertEvaluator slaOnly(Store store, Clock clock) {
    return new AlertEvaluator(
        store,
        null,
        () -> {
          throw new IllegalStateException("an SLA-only evaluator has no live view");
        },
        clock);
  }

  /**
   * Evaluates the rules of the scope now; synchronized, so the writer thread and the timer do not
   * race.
   */
  public synchronized List<Transition> evaluate(Scope scope) {
    Instant now = clock.instant();
    List<Transition> out = new ArrayList<>();
    for (AlertRule rule : rules.list()) {
      if (rule.kind().sla()) {
        try {
          out.addAll(sla.evaluate(rule, now));
        } catch (RuntimeException e) {
          System.getLogger("yardstick.alerts")
              .log(
                  System.Logger.Level.WARNING,
                  "SLA rule " + rule.id() + " (" + rule.name() + ") cannot be evaluated: " + e);
        }
        continue;
      }
      if (scope == Scope.SLA) continue;
      if (scope == Scope.LIVE && rule.kind() == AlertRule.Kind.KPI) continue;
      Measure m;
      try {
        m = measure(rule, now);
      } catch (YardstickException e) {
        System.getLogger("yardstick.alerts")
            .log(
                System.Logger.Level.WARNING,
                "Rule "
                    + rule.id()
                    + " ("
                    + rule.name()
                    + ") cannot be evaluated: "
                    + e.getMessage());
        continue;
      }
      boolean holds =
          m.value() != null
              && m.threshold() != null
              && m.volume() >= rule.minVolume()
              && rule.comparison().holds(m.value(), m.threshold());
      Optional<Alert> open = history.open(rule.id());
      if (holds && open.isEmpty()) {
        Optional<Instant> resolved = history.lastResolved(rule.id());
        if (resolved.isPresent() && resolved.get().plus(rule.coolDown()).isAfter(now)) continue;
        long id =
            ((Number) store.query("SELECT COALESCE(MAX(id), 0) + 1 FROM alerts").get(0)[0])
                .longValue();
        String message = message(rule, m);
        store.update(
            "INSERT INTO alerts (id, rule_id, fired_at, fired_value, threshold, message) VALUES (?, ?, ?, ?,"
                + " ?, ?)",
            id,
            rule.id(),
            now,
            m.value(),
            m.threshold(),
            message);
        out.add(
            new Transition(
                "fired",
                new Alert(
                    id,
                    rule.id(),
                    rule.name(),
                    now,
                    m.value(),
                    m.threshold(),
                    null,
                    null,
                    message)));
      } else if (!holds && open.isPresent()) {
        Alert a = open.get();
        store.update(
            "UPDATE alerts SET resolved_at = ?, resolved_value = ? WHERE id = ?",
            now,
            m.value(),
            a.id());
        out.add(
            new Transition(
                "resolved",
                new Alert(
                    a.id(),
                    a.ruleId(),
                    a.ruleName(),
                    a.firedAt(),
                    a.firedValue(),
                    a.threshold(),
                    now,
                    m.value(),
                    a.message())));
      }
    }
    return out;
  }

  /**
   * What a rule measures now (issue 12, part 13: a rule with nothing to measure says "no data", not
   * "ok").
   */
  public Measure measureNow(AlertRule rule) {
    return measure(rule, clock.instant());
  }

  /** What a rule measures at an instant, with its threshold. */
  public Measure measure(AlertRule rule, Instant now) {
    return switch (rule.kind()) {
      case KPI -> {
        KpiResult.Row row =
            engine.computeWindow(
                now.minus(rule.window()),
                now,
                rule.zone(),
                List.of(rule.kpi(), Kpi.CONTACTS),
                rule.filters());
        Number v = row.values().get(rule.kpi());
        Number n = row.values().get(Kpi.CONTACTS);
        yield new Measure(
            v == null ? null : v.doubleValue(), n == null ? 0 : n.longValue(), threshold(rule));
      }
      case LONGEST_WAIT, WAITING -> {
        long count = 0;
        Instant oldest = null;
        for (LiveView.Waiting w : live.get().waiting(now)) {
          if (!matches(rule.filters(), w)) continue;
          count++;
          if (oldest == null || w.arrivedAt().isBefore(oldest)) oldest = w.arrivedAt();
        }
        Double value =
            rule.kind() == AlertRule.Kind.WAITING
                ? (Double) (double) count
                : oldest == null
                    ? null
                    : (double) Math.max(0, Duration.between(oldest, now).toSeconds());
        yield new Measure(value, count, rule.threshold());
      }
      case VOLUME_OVER_FORECAST -> volumeOverForecast(rule, now);
      case SLA_DUE, SLA_BREACHED -> sla.measure(rule, now);
    };
  }

  private Double threshold(AlertRule rule) {
    return switch (rule.thresholdSource()) {
      case VALUE -> rule.threshold();
      case GOAL ->
          new GoalTracker(engine, clock).track(new Goals(store, clock).get(rule.goalId())).target();
      case BENCHMARK -> {
        Benchmark b = engine.settings().benchmarks().get(rule.kpi());
        if (b == null) yield null;
        yield rule.comparison() == AlertRule.Comparison.ABOVE
            ? (b.high() != null ? b.high() : b.low())
            : (b.low() != null ? b.low() : b.high());
      }
    };
  }

  /**
   * Contacts arrived since the top of the hour (in the rule's zone) against the forecast for the
   * same span: the latest forecast made before each interval, prorated by the part of the interval
   * already past.
   */
  private Measure volumeOverForecast(AlertRule rule, Instant now) {
    Instant hour = now.atZone(rule.zone()).truncatedTo(ChronoUnit.HOURS).toInstant();
    if (!now.isAfter(hour)) return new Measure(null, 0, rule.threshold());
    Number actual =
        engine
            .computeWindow(hour, now, rule.zone(), List.of(Kpi.CONTACTS), rule.filters())
            .values()
            .get(Kpi.CONTACTS);
    List<String> channels =
        rule.filters().stream()
            .filter(f -> f.dimension().name().equals("channel"))
            .flatMap(f -> f.values().stream())
            .toList();
    StringBuilder sql =
        new StringBuilder(
            "SELECT interval_start, interval_end, forecast FROM (SELECT interval_start,"
                + " interval_end, forecast, ROW_NUMBER() OVER (PARTITION BY channel, interval_start ORDER BY made_at DESC) AS rn"
                + " FROM forecasts WHERE queue IS NULL AND made_at <= interval_start AND interval_start < ? AND interval_end"
                + " > ?");
    List<Object> params = new ArrayList<>(List.of(now, hour));
    if (!channels.isEmpty()) {
      sql.append(" AND channel IN (")
          .append(String.join(", ", channels.stream().map(c -> "?").toList()))
          .append(")");
      params.addAll(channels);
    }
    sql.append(") x WHERE rn = 1");
    double expected = 0;
    boolean any = false;
    for (Object[] r : store.query(sql.toString(), params.toArray())) {
      Instant s = (Instant) r[0];
      Instant e = (Instant) r[1];
      double length = Duration.between(s, e).toMillis();
      Instant from = s.isBefore(hour) ? hour : s;
      Instant to = e.isAfter(now) ? now : e;
      if (length > 0 && to.isAfter(from)) {
        expected += ((Number) r[2]).doubleValue() * Duration.between(from, to).toMillis() / length;
        any = true;
      }
    }
    long n = actual == null ? 0 : actual.longValue();
    Double value = !any || expected <= 0 ? null : (n / expected - 1) * 100;
    return new Measure(value, n, rule.threshold());
  }

  private static boolean matches(List<Filter> filters, LiveView.Waiting w) {
    for (Filter f : filters) {
      String v = f.dimension().name().equals("channel") ? w.channel() : w.queue();
      if (v == null || !f.values().contains(v)) return false;
    }
    return true;
  }

  private static String message(AlertRule rule, Measure m) {
    String filters =
        rule.filters().isEmpty()
            ? ""
            : " ("
                + String.join(", ", rule.filters().stream().map(AlertRules::filterText).toList())
                + ")";
    return rule.measure()
        + filters
        + " is "
        + fmt(m.value())
        + ", "
        + rule.comparison().id().toLowerCase(Locale.ROOT)
        + " "
        + fmt(m.threshold())
        + (rule.thresholdSource() == AlertRule.ThresholdSource.VALUE
            ? ""
            : " (the " + rule.thresholdSource().id() + ")")
        + "; "
        + m.volume()
        + (rule.kind() == AlertRule.Kind.KPI || rule.kind() == AlertRule.Kind.VOLUME_OVER_FORECAST
            ? " contacts"
            : " waiting");
  }

  private static String fmt(Double d) {
    if (d == null) return "-";
    return d == Math.rint(d) && Math.abs(d) < 1e15
        ? String.valueOf(d.longValue())
        : String.format(Locale.ROOT, "%.1f", d);
  }
}
