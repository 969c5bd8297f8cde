package io.yardstick.goal;

import io.yardstick.YardstickException;
import io.yardstick.kpi.Filter;
import io.yardstick.kpi.Kpi;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * A SMART goal: one KPI over a segment, from a baseline to a target by a deadline. The baseline is
 * given, or measured over a baseline period (by default the same number of days just before the
 * goal starts); the target is absolute or a change in percent of the baseline. Dates are local
 * dates in the goal's zone, both inclusive.
 *
 * <pre>{@code
 * Goal g = Goal.builder(Kpi.AHT, LocalDate.parse("2026-09-01"), LocalDate.parse("2026-11-20"), ZoneId.of("Europe/Madrid"))
 *     .where("topic=login").target(Target.change(-10)).name("Faster login help").build();
 * }</pre>
 *
 * @param id the stored id (0 before it is stored)
 * @param where the segment's filters as written ({@code age=55..70}); all must hold, see {@link
 *     Filter#parse}
 * @param baseline the given baseline, or null to measure it
 * @param baselineFrom first day of the baseline period, or null for the default period (with {@code
 *     baselineTo})
 * @param createdAt when the goal was stored (null before)
 */
public record Goal(
    long id,
    String name,
    Kpi kpi,
    List<String> where,
    ZoneId zone,
    LocalDate start,
    LocalDate deadline,
    Double baseline,
    LocalDate baselineFrom,
    LocalDate baselineTo,
    Target target,
    Instant createdAt) {

  /** The earliest and latest dates a goal, or its baseline, may name. */
  public static final LocalDate FIRST_DAY = LocalDate.of(1970, 1, 1);

  public static final LocalDate LAST_DAY = LocalDate.of(2199, 12, 31);

  /** The longest a goal may run: ten years. */
  public static final int MAX_DAYS = 3_653;

  public Goal {
    where = List.copyOf(where);
    where.forEach(Filter::parse);
    if (kpi == null || zone == null || start == null || deadline == null || target == null) {
      throw new YardstickException("A goal needs a KPI, a zone, a start, a deadline and a target.");
    }
    for (LocalDate d : java.util.Arrays.asList(start, deadline, baselineFrom, baselineTo)) {
      if (d != null && (d.isBefore(FIRST_DAY) || d.isAfter(LAST_DAY))) {
        throw new YardstickException(
            "The date "
                + d
                + " is outside "
                + FIRST_DAY
                + ".."
                + LAST_DAY
                + "; give a goal's"
                + " dates within that range.");
      }
    }
    if (java.time.temporal.ChronoUnit.DAYS.between(start, deadline) > MAX_DAYS) {
      throw new YardstickException(
          "The goal runs from "
              + start
              + " to "
              + deadline
              + ", more than "
              + MAX_DAYS
              + " days; give a deadline ({by}) within ten years of the start.");
    }
    for (String w : where) {
      if (w.chars().anyMatch(Character::isISOControl)) {
        throw new YardstickException(
            "The filter '"
                + w.replaceAll("\\p{Cntrl}", "?")
                + "' holds a control character;"
                + " give one filter per entry.");
      }
    }
    if (name != null && (name.length() > 200 || name.chars().anyMatch(Character::isISOControl))) {
      throw new YardstickException(
          "A goal's name has at most 200 characters and no control characters.");
    }
    if (!Double.isFinite(target.value())) {
      throw new YardstickException("The target must be a number, not " + target.value() + ".");
    }
    if (deadline.isBefore(start)) {
      throw new YardstickException(
          "The deadline "
              + deadline
              + " is before the goal starts ("
              + start
              + "); give a deadline ({by}) on or after the start ({from}).");
    }
    if ((baselineFrom == null) != (baselineTo == null)) {
      throw new YardstickException(
          "A baseline period needs both ends: {baseline_from} and {baseline_to}.");
    }
    if (baselineFrom != null && baselineTo.isBefore(baselineFrom)) {
      throw new YardstickException(
          "The baseline period ends (" + baselineTo + ") before it starts (" + baselineFrom + ").");
    }
    if (baseline != null && baselineFrom != null) {
      throw new YardstickException(
          "Give either a baseline value ({baseline}) or a baseline period"
              + " ({baseline_from} and {baseline_to}), not both.");
    }
    if (baseline != null && !Double.isFinite(baseline)) {
      throw new YardstickException("The baseline must be a number, not " + baseline + ".");
    }
    if (target.kind() == Target.Kind.ABSOLUTE && baseline != null && target.value() == baseline) {
      throw new YardstickException(
          "The target " + target.value() + " equals the baseline; a goal needs a change.");
    }
    if (baseline != null
        && kpi.direction() != Kpi.Direction.NEUTRAL
        && target.kind() == Target.Kind.ABSOLUTE) {
      checkDirection(kpi, target.value() - baseline, "from " + baseline + " to " + target.value());
    }
    if (target.kind() == Target.Kind.CHANGE) {
      checkDirection(kpi, target.value(), target.text());
    }
    if (name == null || name.isBlank()) {
      name = defaultName(kpi, where, target, deadline);
    }
  }

  private static void checkDirection(Kpi kpi, double change, String what) {
    boolean wrong =
        kpi.direction() == Kpi.Direction.HIGHER_IS_BETTER && change < 0
            || kpi.direction() == Kpi.Direction.LOWER_IS_BETTER && change > 0;
    if (wrong) {
      throw new YardstickException(
          "The goal moves "
              + kpi.displayName()
              + " "
              + what
              + ", but "
              + (kpi.direction() == Kpi.Direction.HIGHER_IS_BETTER ? "higher" : "lower")
              + " is better for this KPI;"
              + " a goal must improve it.");
    }
  }

  static String defaultName(Kpi kpi, List<String> where, Target target, LocalDate deadline) {
    String to =
        target.kind() == Target.Kind.ABSOLUTE
            ? "to " + io.yardstick.kpi.Display.value(kpi, target.value())
            : target.text();
    return kpi.displayName()
        + (where.isEmpty() ? "" : " [" + String.join(", ", where) + "]")
        + " "
        + to
        + " by "
        + deadline;
  }

  public static Builder builder(Kpi kpi, LocalDate start, LocalDate deadline, ZoneId zone) {
    return new Builder(kpi, start, deadline, zone);
  }

  /** The segment as query filters. */
  public List<Filter> filters() {
    return where.stream().map(Filter::parse).toList();
  }

  /** The number of days from the start to the deadline, both counted. */
  public long days() {
    return ChronoUnit.DAYS.between(start, deadline) + 1;
  }

  /**
   * The baseline period: the given one, else the same number of days ending the day before the
   * start.
   */
  public LocalDate[] baselinePeriod() {
    if (baselineFrom != null) return new LocalDate[] {baselineFrom, baselineTo};
    return new LocalDate[] {start.minusDays(days()), start.minusDays(1)};
  }

  public Goal withId(long id, Instant createdAt) {
    return new Goal(
        id,
        name,
        kpi,
        where,
        zone,
        start,
        deadline,
        baseline,
        baselineFrom,
        baselineTo,
        target,
        createdAt);
  }

  /** Builds a goal; {@link #build()} validates. */
  public static final class Builder {
    private final Kpi kpi;
    private final LocalDate start;
    private final LocalDate deadline;
    private final ZoneId zone;
    private String name;
    private List<String> where = List.of();
    private Double baseline;
    private LocalDate baselineFrom;
    private LocalDate baselineTo;
    private Target target;

    private Builder(Kpi kpi, LocalDate start, LocalDate deadline, ZoneId zone) {
      this.kpi = kpi;
      this.start = start;
      this.deadline = deadline;
      this.zone = zone;
    }

    public Builder name(String name) {
      this.name = name;
      return this;
    }

    public Builder where(String... filters) {
      this.where = List.of(filters);
      return this;
    }

    public Builder where(List<String> filters) {
      this.where = List.copyOf(filters);
      return this;
    }

    public Builder baseline(Double value) {
      this.baseline = value;
      return this;
    }

    public Builder baselinePeriod(LocalDate from, LocalDate to) {
      this.baselineFrom = from;
      this.baselineTo = to;
      return this;
    }

    public Builder target(Target target) {
      this.target = target;
      return this;
    }

    public Goal build() {
      return new Goal(
          0,
          name,
          kpi,
          where,
          zone,
          start,
          deadline,
          baseline,
          baselineFrom,
          baselineTo,
          target,
          null);
    }
  }
}
