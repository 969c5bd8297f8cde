package io.yardstick.kpi;

import io.yardstick.calendar.BusinessCalendar;
import java.util.Map;
import java.util.Optional;

/**
 * The documented variants of the KPI definitions, business-hours calendars and benchmarks. {@link
 * #defaults()} holds the definitions of docs/kpis.md; a settings file (see docs/settings.md)
 * changes them.
 *
 * @param shortAbandonSeconds an abandon after a wait shorter than this is "short" and left out of
 *     abandonment and service level (default 5)
 * @param serviceLevelSeconds the service-level answer target T, in seconds (default 20)
 * @param serviceLevelSecondsByChannel T per channel (lowercase channel name), overriding the
 *     default
 * @param serviceLevelFormula which contacts form the service level's denominator
 * @param waitLimitSeconds the wait that is too long, for {@code wait_over_limit} (default 180)
 * @param fcrDenominator over which cases first contact resolution is a share
 * @param cesMode how customer effort is summarised
 * @param calendars business-hours calendars by name (lowercase)
 * @param benchmarks reference values by KPI
 * @param limits how much work one question may cause (rows, time, bytes; docs/security.md)
 * @param privacy how many other agents an aggregate shown to an agent needs (docs/security.md)
 * @param retention how long contacts are kept (docs/security.md)
 */
public record KpiSettings(
    double shortAbandonSeconds,
    double serviceLevelSeconds,
    Map<String, Double> serviceLevelSecondsByChannel,
    ServiceLevelFormula serviceLevelFormula,
    double waitLimitSeconds,
    FcrDenominator fcrDenominator,
    CesMode cesMode,
    Map<String, BusinessCalendar> calendars,
    Map<Kpi, Benchmark> benchmarks,
    Limits limits,
    Privacy privacy,
    Retention retention) {

  public KpiSettings {
    serviceLevelSecondsByChannel = Map.copyOf(serviceLevelSecondsByChannel);
    calendars = Map.copyOf(calendars);
    benchmarks = Map.copyOf(benchmarks);
    if (limits == null) limits = Limits.defaults();
    if (privacy == null) privacy = Privacy.defaults();
    if (retention == null) retention = Retention.defaults();
  }

  /** Definitions with the given {@link Limits} and {@link Privacy}, contacts kept for ever. */
  public KpiSettings(
      double shortAbandonSeconds,
      double serviceLevelSeconds,
      Map<String, Double> serviceLevelSecondsByChannel,
      ServiceLevelFormula serviceLevelFormula,
      double waitLimitSeconds,
      FcrDenominator fcrDenominator,
      CesMode cesMode,
      Map<String, BusinessCalendar> calendars,
      Map<Kpi, Benchmark> benchmarks,
      Limits limits,
      Privacy privacy) {
    this(
        shortAbandonSeconds,
        serviceLevelSeconds,
        serviceLevelSecondsByChannel,
        serviceLevelFormula,
        waitLimitSeconds,
        fcrDenominator,
        cesMode,
        calendars,
        benchmarks,
        limits,
        privacy,
        Retention.defaults());
  }

  /** Definitions with the default {@link Limits} and {@link Privacy}. */
  public KpiSettings(
      double shortAbandonSeconds,
      double serviceLevelSeconds,
      Map<String, Double> serviceLevelSecondsByChannel,
      ServiceLevelFormula serviceLevelFormula,
      double waitLimitSeconds,
      FcrDenominator fcrDenominator,
      CesMode cesMode,
      Map<String, BusinessCalendar> calendars,
      Map<Kpi, Benchmark> benchmarks) {
    this(
        shortAbandonSeconds,
        serviceLevelSeconds,
        serviceLevelSecondsByChannel,
        serviceLevelFormula,
        waitLimitSeconds,
        fcrDenominator,
        cesMode,
        calendars,
        benchmarks,
        Limits.defaults(),
        Privacy.defaults());
  }

  /** The definitions as docs/kpis.md writes them, with the built-in benchmarks and no calendars. */
  public static KpiSettings defaults() {
    return new KpiSettings(
        5,
        20,
        Map.of(),
        ServiceLevelFormula.ANSWERED_AND_ABANDONED,
        180,
        FcrDenominator.RESOLVED_CASES,
        CesMode.MEAN,
        Map.of(),
        Benchmark.defaults());
  }

  /** The service-level target for a channel. */
  public double serviceLevelSeconds(String channel) {
    return serviceLevelSecondsByChannel.getOrDefault(channel, serviceLevelSeconds);
  }

  public Optional<BusinessCalendar> calendar(String name) {
    return Optional.ofNullable(calendars.get(name.strip().toLowerCase(java.util.Locale.ROOT)));
  }

  public KpiSettings withCalendars(Map<String, BusinessCalendar> calendars) {
    return new KpiSettings(
        shortAbandonSeconds,
        serviceLevelSeconds,
        serviceLevelSecondsByChannel,
        serviceLevelFormula,
        waitLimitSeconds,
        fcrDenominator,
        cesMode,
        calendars,
        benchmarks,
        limits,
        privacy,
        retention);
  }

  public KpiSettings withPrivacy(Privacy privacy) {
    return new KpiSettings(
        shortAbandonSeconds,
        serviceLevelSeconds,
        serviceLevelSecondsByChannel,
        serviceLevelFormula,
        waitLimitSeconds,
        fcrDenominator,
        cesMode,
        calendars,
        benchmarks,
        limits,
        privacy,
        retention);
  }

  public KpiSettings withRetention(Retention retention) {
    return new KpiSettings(
        shortAbandonSeconds,
        serviceLevelSeconds,
        serviceLevelSecondsByChannel,
        serviceLevelFormula,
        waitLimitSeconds,
        fcrDenominator,
        cesMode,
        calendars,
        benchmarks,
        limits,
        privacy,
        retention);
  }

  public KpiSettings withLimits(Limits limits) {
    return new KpiSettings(
        shortAbandonSeconds,
        serviceLevelSeconds,
        serviceLevelSecondsByChannel,
        serviceLevelFormula,
        waitLimitSeconds,
        fcrDenominator,
        cesMode,
        calendars,
        benchmarks,
        limits,
        privacy,
        retention);
  }

  /** The service level's denominator. */
  public enum ServiceLevelFormula {
    /**
     * Default: answered inbound plus abandoned inbound that are not short (abandons count against
     * the target).
     */
    ANSWERED_AND_ABANDONED,
    /** Answered inbound only (abandons ignored). */
    ANSWERED_ONLY,
    /** Answered inbound plus every abandoned inbound, short ones included (all offered). */
    ALL_OFFERED
  }

  /** Over which cases FCR is a share. */
  public enum FcrDenominator {
    /** Default: resolved cases. */
    RESOLVED_CASES,
    /** All cases that began in the period, resolved or not. */
    ALL_CASES
  }

  /** How customer effort is summarised. */
  public enum CesMode {
    /** Default: the mean score on 1-7 (lower is less effort). */
    MEAN,
    /** The share of responses scoring 1-3 (low effort), x 100. */
    LOW_EFFORT_PERCENT
  }
}
