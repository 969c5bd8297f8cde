package io.yardstick.alert;

import io.yardstick.YardstickException;
import io.yardstick.kpi.Filter;
import io.yardstick.kpi.Kpi;
import io.yardstick.sla.SlaMetric;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A condition worth an alarm (docs/alerts.md): a KPI over a rolling window, or a live measure of
 * the contacts waiting now, compared with a threshold (a value, a goal's target, or the KPI's
 * benchmark).
 *
 * <pre>{@code
 * AlertRule longWaits = AlertRule.builder("Long waits", Kind.LONGEST_WAIT).above(180).where("channel=phone")
 *     .notify("webhook:https://hooks.example.com/yardstick", "email:supervisors@example.com").build();
 * AlertRule abandons = AlertRule.builder("Abandons", Kind.KPI).kpi(Kpi.ABANDONMENT_RATE).aboveBenchmark()
 *     .window(Duration.ofMinutes(15)).minVolume(20).coolDown(Duration.ofMinutes(30)).build();
 * }</pre>
 *
 * @param window the rolling window of a KPI rule (ends now); for an sla_due rule, how long before
 *     its due time a target is notified (its {@code within})
 * @param minVolume the fewest contacts (arrived in the window; waiting, for live rules) that can
 *     raise an alarm
 * @param coolDown after an alert resolves, how long before the rule may fire again
 * @param targets where to say it: {@code log}, {@code webhook:URL}, {@code email:ADDRESS}
 * @param zone the zone of "this hour" (volume over forecast)
 */
public record AlertRule(
    long id,
    String name,
    Kind kind,
    Kpi kpi,
    List<Filter> filters,
    Comparison comparison,
    ThresholdSource thresholdSource,
    Double threshold,
    Long goalId,
    Duration window,
    long minVolume,
    Duration coolDown,
    List<String> targets,
    ZoneId zone,
    Instant createdAt) {

  /** What a rule measures. */
  public enum Kind {
    /** A KPI of the catalog over the rolling window. */
    KPI,
    /** The wait so far, in seconds, of the contact waiting longest now. */
    LONGEST_WAIT,
    /** The number of contacts waiting now. */
    WAITING,
    /**
     * Contacts arrived this hour against the stored forecast for the hour so far, in percent above
     * it.
     */
    VOLUME_OVER_FORECAST,
    /**
     * SLA targets (docs/sla.md) still open whose due time falls within the rule's {@code within}
     * from now: each notified once.
     */
    SLA_DUE,
    /** SLA targets breached (their due time passed unmet): each notified once. */
    SLA_BREACHED;

    public String id() {
      return name().toLowerCase(Locale.ROOT);
    }

    /** Whether the rule notifies SLA targets one by one rather than firing and resolving. */
    public boolean sla() {
      return this == SLA_DUE || this == SLA_BREACHED;
    }

    public static Kind of(String text) {
      String t = text.strip().toLowerCase(Locale.ROOT).replace('-', '_');
      return Arrays.stream(values())
          .filter(k -> k.id().equals(t))
          .findFirst()
          .orElseThrow(
              () ->
                  new YardstickException(
                      "Unknown rule kind '"
                          + text
                          + "'; expected kpi, longest_wait, waiting or"
                          + " volume_over_forecast."));
    }
  }

  /** When the alarm goes off: the value above, or below, the threshold. */
  public enum Comparison {
    ABOVE,
    BELOW;

    public String id() {
      return name().toLowerCase(Locale.ROOT);
    }

    boolean holds(double value, double threshold) {
      return this == ABOVE ? value > threshold : value < threshold;
    }
  }

  /** Where the threshold comes from. */
  public enum ThresholdSource {
    VALUE,
    GOAL,
    BENCHMARK;

    public String id() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** The longest {@code within} of an sla_due rule. */
  public static final Duration MAX_WITHIN = Duration.ofDays(30);

  /** The largest minimum volume a rule may ask for. */
  public static final long MAX_VOLUME = 1_000_000_000L;

  /** The longest rolling window of a KPI rule. */
  public static final Duration MAX_WINDOW = Duration.ofDays(31);

  public AlertRule {
    filters = List.copyOf(filters);
    targets = targets.isEmpty() ? List.of("log") : List.copyOf(targets);
    if (name == null || name.isBlank()) throw new YardstickException("A rule needs a name.");
    if (kind == Kind.KPI && kpi == null) {
      throw new YardstickException("A kpi rule needs a KPI ({kpi}), such as abandonment_rate.");
    }
    if (kind.sla()) checkSla(kind, threshold, filters, window, minVolume, coolDown);
    if (kind != Kind.KPI && thresholdSource != ThresholdSource.VALUE) {
      throw new YardstickException(
          "A "
              + kind.id()
              + " rule takes a threshold value; goals and benchmarks are for"
              + " KPI rules.");
    }
    if (thresholdSource == ThresholdSource.VALUE && threshold == null && !kind.sla()) {
      throw new YardstickException(
          "The rule needs a threshold: a value ({above} 180 or {below} 80), a goal or the"
              + " benchmark.");
    }
    if (thresholdSource == ThresholdSource.GOAL && goalId == null) {
      throw new YardstickException("A rule against a goal's target needs the goal's id.");
    }
    if (kind != Kind.KPI && !kind.sla()) {
      for (Filter f : filters) {
        String d = f.dimension().name();
        if (!d.equals("channel") && !d.equals("queue")) {
          throw new YardstickException(
              "A live rule filters by channel and queue only; '"
                  + d
                  + "' is not known of"
                  + " a contact still waiting.");
        }
      }
    }
    if (kind == Kind.VOLUME_OVER_FORECAST
        && filters.stream().anyMatch(f -> f.dimension().name().equals("queue"))) {
      throw new YardstickException(
          "Forecasts are per channel: a volume_over_forecast rule filters by channel only.");
    }
    if (window.isNegative() || window.isZero())
      throw new YardstickException(
          kind == Kind.SLA_DUE ? "{within} must be positive." : "The window must be positive.");
    if (kind != Kind.SLA_DUE && window.compareTo(MAX_WINDOW) > 0) {
      // Every evaluation (each minute) computes the KPI over the window: its work is bounded.
      throw new YardstickException(
          "The window "
              + Durations.format(window)
              + " is longer than "
              + Durations.format(MAX_WINDOW)
              + "; a rule watches the recent past (15m, 1h, 1d); for longer periods use a goal.");
    }
    if (coolDown.isNegative()) throw new YardstickException("The cool-down cannot be negative.");
    if (minVolume < 0) throw new YardstickException("The minimum volume cannot be negative.");
    if (minVolume > MAX_VOLUME) {
      throw new YardstickException(
          "The minimum volume "
              + minVolume
              + " is more than "
              + MAX_VOLUME
              + "; give a"
              + " number of contacts.");
    }
    if (name.length() > 200 || name.chars().anyMatch(Character::isISOControl)) {
      throw new YardstickException(
          "A rule's name has at most 200 characters and no control characters.");
    }
    targets.forEach(Targets::check);
  }

  /** What an SLA rule may say: no threshold, filters by priority, tag and metric, a sane within. */
  private static void checkSla(
      Kind kind,
      Double threshold,
      List<Filter> filters,
      Duration window,
      long minVolume,
      Duration coolDown) {
    if (threshold != null) {
      throw new YardstickException(
          "An "
              + kind.id()
              + " rule takes no threshold: it notifies each SLA target once"
              + (kind == Kind.SLA_DUE ? " ({within} says how early)." : "."));
    }
    if (minVolume != 0 || !coolDown.isZero()) {
      throw new YardstickException(
          "An "
              + kind.id()
              + " rule takes no {min_volume} or {cool_down}: it notifies each SLA target once.");
    }
    if (kind == Kind.SLA_DUE && window.compareTo(MAX_WITHIN) > 0) {
      throw new YardstickException(
          "{within} "
              + Durations.format(window)
              + " is more than "
              + Durations.format(MAX_WITHIN)
              + "; give how long before a target falls due to say so, such as 2h.");
    }
    for (Filter f : filters) {
      String d = f.dimension().name();
      if (!d.equals("priority") && !d.equals("tag") && !d.equals("metric")) {
        throw new YardstickException(
            "An SLA rule filters by priority, tag and metric only; '"
                + d
                + "' is not known of an SLA target.");
      }
      if (f.isRange()) {
        throw new YardstickException("An SLA rule's " + d + " filter takes values, not a range.");
      }
      if (d.equals("metric")) {
        for (String v : f.values()) {
          if (SlaMetric.byId(v).isEmpty()) {
            throw new YardstickException(
                "metric '"
                    + v
                    + "' is not an SLA target; expected first_reply, next_reply,"
                    + " periodic_update or resolution.");
          }
        }
      }
    }
  }

  public static Builder builder(String name, Kind kind) {
    return new Builder(name, kind);
  }

  public AlertRule withId(long id, Instant createdAt) {
    return new AlertRule(
        id,
        name,
        kind,
        kpi,
        filters,
        comparison,
        thresholdSource,
        threshold,
        goalId,
        window,
        minVolume,
        coolDown,
        targets,
        zone,
        createdAt);
  }

  /** The measure in words: "abandonment_rate over 15 min", "longest wait"... */
  public String measure() {
    return switch (kind) {
      case KPI -> kpi.id() + " over " + Durations.format(window);
      case LONGEST_WAIT -> "longest wait (s)";
      case WAITING -> "contacts waiting";
      case VOLUME_OVER_FORECAST -> "volume this hour vs forecast (%)";
      case SLA_DUE -> "SLA targets falling due within " + Durations.format(window);
      case SLA_BREACHED -> "SLA targets breached";
    };
  }

  public Optional<Kpi> kpiOpt() {
    return Optional.ofNullable(kpi);
  }

  /**
   * Builds a rule; defaults: above, window 15 min, minimum volume 0, cool-down 0, notify log, zone
   * UTC.
   */
  public static final class Builder {
    private final String name;
    private final Kind kind;
    private Kpi kpi;
    private List<Filter> filters = List.of();
    private Comparison comparison = Comparison.ABOVE;
    private ThresholdSource source = ThresholdSource.VALUE;
    private Double threshold;
    private Long goalId;
    private Duration window = Duration.ofMinutes(15);
    private Duration within;
    private long minVolume;
    private Duration coolDown = Duration.ZERO;
    private List<String> notify = List.of();
    private ZoneId zone = ZoneId.of("UTC");

    private Builder(String name, Kind kind) {
      this.name = name;
      this.kind = kind;
    }

    public Builder kpi(Kpi kpi) {
      this.kpi = kpi;
      return this;
    }

    public Builder where(String... filters) {
      this.filters = Arrays.stream(filters).map(Filter::parse).toList();
      return this;
    }

    public Builder where(List<Filter> filters) {
      this.filters = List.copyOf(filters);
      return this;
    }

    public Builder above(double threshold) {
      return compare(Comparison.ABOVE, threshold);
    }

    public Builder below(double threshold) {
      return compare(Comparison.BELOW, threshold);
    }

    public Builder compare(Comparison comparison, Double threshold) {
      this.comparison = comparison;
      this.threshold = threshold;
      return this;
    }

    /** Compares with the goal's target (above or below as set by {@link #compare}). */
    public Builder goal(long goalId) {
      this.source = ThresholdSource.GOAL;
      this.goalId = goalId;
      return this;
    }

    public Builder benchmark() {
      this.source = ThresholdSource.BENCHMARK;
      return this;
    }

    public Builder comparison(Comparison comparison) {
      this.comparison = comparison;
      return this;
    }

    public Builder window(Duration window) {
      this.window = window;
      return this;
    }

    /** How long before its due time an sla_due rule notifies a target (kept as the window). */
    public Builder within(Duration within) {
      this.within = within;
      return this;
    }

    public Builder minVolume(long minVolume) {
      this.minVolume = minVolume;
      return this;
    }

    public Builder coolDown(Duration coolDown) {
      this.coolDown = coolDown;
      return this;
    }

    public Builder notify(String... targets) {
      this.notify = List.of(targets);
      return this;
    }

    public Builder notify(List<String> targets) {
      this.notify = List.copyOf(targets);
      return this;
    }

    public Builder zone(ZoneId zone) {
      this.zone = zone;
      return this;
    }

    public AlertRule build() {
      if (kind == Kind.SLA_DUE && within == null) {
        throw new YardstickException(
            "An sla_due rule needs {within}: how long before its due time a target is notified,"
                + " such as 2h.");
      }
      if (kind != Kind.SLA_DUE && within != null) {
        throw new YardstickException(
            "{within} is for sla_due rules; this one is " + kind.id() + ".");
      }
      Duration window = within != null ? within : this.window;
      return new AlertRule(
          0,
          name,
          kind,
          kpi,
          filters,
          comparison,
          source,
          threshold,
          goalId,
          window,
          minVolume,
          coolDown,
          notify,
          zone,
          null);
    }
  }
}
