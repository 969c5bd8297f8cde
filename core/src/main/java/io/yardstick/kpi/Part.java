package io.yardstick.kpi;

/**
 * The building blocks of KPI formulas: a filtered count, sum or quantile over one {@link Base}'s
 * rows, computable by any SQL engine in one scan (and mergeable across groups, except the
 * quantiles). The renderers in {@code kpi.sql} turn the base's columns and these conditions into
 * SQL; the columns of each base are written in docs/kpis.md.
 *
 * <p>Columns of the CONTACTS base: inbound, answered, abandoned, short_abandon, written (a first
 * response and no answered_at: answered by a written reply, not picked up live) (booleans); wait_s,
 * frt_s (business seconds with --business-hours), frt_clock_s, handle_s (talk + hold + wrap),
 * talk_hold_s, revenue (numbers); channel; sl_target_s (the service-level target of the contact's
 * channel); converted. CASES: resolved, n_contacts, n_inbound, resolution_s. SURVEYS: kind, score.
 * AGENT_TIME: state, seconds. COSTS: prorated. CUSTOMERS: active_start, active_end. FORECASTS:
 * abs_error (|forecast - actual| of an interval), actual. INVITATIONS: kind, state, answered. SLA:
 * metric, state (met, breached), overrun_s (counted seconds past the target). TICKETS: solved
 * (solved or closed now), ever_solved, reopened (a status other than solved or closed after a
 * solve), agent_replies. BACKLOG: status (at the bucket's end), age_s (seconds since creation at
 * the bucket's end).
 */
public enum Part {
  N(Base.CONTACTS, Agg.COUNT, null, null),
  ANSWERED_IN(Base.CONTACTS, Agg.COUNT, null, "inbound AND answered"),
  ABANDONED_LONG(Base.CONTACTS, Agg.COUNT, null, "inbound AND abandoned AND NOT short_abandon"),
  ABANDONED_ALL(Base.CONTACTS, Agg.COUNT, null, "inbound AND abandoned"),
  WITHIN_TARGET(Base.CONTACTS, Agg.COUNT, null, "inbound AND answered AND wait_s <= sl_target_s"),
  ANSWERED_OVER_LIMIT(
      Base.CONTACTS, Agg.COUNT, null, "inbound AND answered AND wait_s > {wait_limit}"),
  ABANDONED_OVER_LIMIT(
      Base.CONTACTS,
      Agg.COUNT,
      null,
      "inbound AND abandoned AND NOT short_abandon AND wait_s > {wait_limit}"),
  WAIT_SUM(Base.CONTACTS, Agg.SUM, "wait_s", "inbound AND answered"),
  ANSWERED(Base.CONTACTS, Agg.COUNT, null, "answered"),
  HANDLE_SUM(Base.CONTACTS, Agg.SUM, "handle_s", "answered"),
  TALK_HOLD_SUM(Base.CONTACTS, Agg.SUM, "talk_hold_s", "answered"),
  WRITTEN(Base.CONTACTS, Agg.COUNT, null, "written"),
  WRITTEN_HANDLE_SUM(Base.CONTACTS, Agg.SUM, "handle_s", "written"),
  FRT_N(Base.CONTACTS, Agg.COUNT, null, "inbound AND frt_s IS NOT NULL"),
  FRT_SUM(Base.CONTACTS, Agg.SUM, "frt_s", "inbound"),
  FRT_MEDIAN(Base.CONTACTS, Agg.MEDIAN, "frt_s", "inbound"),
  FRT_P90(Base.CONTACTS, Agg.P90, "frt_s", "inbound"),
  EMAIL_IN(Base.CONTACTS, Agg.COUNT, null, "inbound AND channel = 'email'"),
  EMAIL_24H(
      Base.CONTACTS, Agg.COUNT, null, "inbound AND channel = 'email' AND frt_clock_s <= 86400"),
  CONVERTED(Base.CONTACTS, Agg.COUNT, null, "converted"),
  REVENUE_N(Base.CONTACTS, Agg.COUNT, null, "revenue IS NOT NULL"),
  REVENUE_SUM(Base.CONTACTS, Agg.SUM, "revenue", null),

  CASES(Base.CASES, Agg.COUNT, null, null),
  RESOLVED(Base.CASES, Agg.COUNT, null, "resolved"),
  RESOLVED_SINGLE(Base.CASES, Agg.COUNT, null, "resolved AND n_inbound = 1"),
  RESOLVED_CONTACTS(Base.CASES, Agg.SUM, "n_contacts", "resolved"),
  RESOLUTION_N(Base.CASES, Agg.COUNT, null, "resolution_s IS NOT NULL"),
  RESOLUTION_SUM(Base.CASES, Agg.SUM, "resolution_s", null),
  RESOLUTION_MEDIAN(Base.CASES, Agg.MEDIAN, "resolution_s", null),

  CSAT_N(Base.SURVEYS, Agg.COUNT, null, "kind = 'csat'"),
  CSAT_SATISFIED(Base.SURVEYS, Agg.COUNT, null, "kind = 'csat' AND score >= 4"),
  ESAT_N(Base.SURVEYS, Agg.COUNT, null, "kind = 'esat'"),
  ESAT_SATISFIED(Base.SURVEYS, Agg.COUNT, null, "kind = 'esat' AND score >= 4"),
  NPS_N(Base.SURVEYS, Agg.COUNT, null, "kind = 'nps'"),
  NPS_PROMOTERS(Base.SURVEYS, Agg.COUNT, null, "kind = 'nps' AND score >= 9"),
  NPS_DETRACTORS(Base.SURVEYS, Agg.COUNT, null, "kind = 'nps' AND score <= 6"),
  CES_N(Base.SURVEYS, Agg.COUNT, null, "kind = 'ces'"),
  CES_SUM(Base.SURVEYS, Agg.SUM, "score", "kind = 'ces'"),
  CES_LOW(Base.SURVEYS, Agg.COUNT, null, "kind = 'ces' AND score <= 3"),

  AVAILABLE_S(Base.AGENT_TIME, Agg.SUM, "seconds", "state = 'available'"),
  BUSY_S(Base.AGENT_TIME, Agg.SUM, "seconds", "state = 'busy'"),
  WRAP_S(Base.AGENT_TIME, Agg.SUM, "seconds", "state = 'wrap'"),
  BREAK_S(Base.AGENT_TIME, Agg.SUM, "seconds", "state = 'break'"),
  STATE_ROWS(Base.AGENT_TIME, Agg.COUNT, null, null),

  COST(Base.COSTS, Agg.SUM, "prorated", null),

  ACTIVE_START(Base.CUSTOMERS, Agg.COUNT, null, "active_start"),
  RETAINED(Base.CUSTOMERS, Agg.COUNT, null, "active_start AND active_end"),

  FORECAST_ABS_ERROR(Base.FORECASTS, Agg.SUM, "abs_error", null),
  FORECAST_ACTUAL(Base.FORECASTS, Agg.SUM, "actual", null),

  INVITED(Base.INVITATIONS, Agg.COUNT, null, null),
  INVITED_ANSWERED(Base.INVITATIONS, Agg.COUNT, null, "answered"),
  SLA_SETTLED(Base.SLA, Agg.COUNT, null, null),
  SLA_MET(Base.SLA, Agg.COUNT, null, "state = 'met'"),
  SLA_BREACHED(Base.SLA, Agg.COUNT, null, "state = 'breached'"),
  SLA_FIRST_REPLY_SETTLED(Base.SLA, Agg.COUNT, null, "metric = 'first_reply'"),
  SLA_FIRST_REPLY_MET(Base.SLA, Agg.COUNT, null, "metric = 'first_reply' AND state = 'met'"),
  SLA_NEXT_REPLY_SETTLED(Base.SLA, Agg.COUNT, null, "metric = 'next_reply'"),
  SLA_NEXT_REPLY_MET(Base.SLA, Agg.COUNT, null, "metric = 'next_reply' AND state = 'met'"),
  SLA_PERIODIC_UPDATE_SETTLED(Base.SLA, Agg.COUNT, null, "metric = 'periodic_update'"),
  SLA_PERIODIC_UPDATE_MET(
      Base.SLA, Agg.COUNT, null, "metric = 'periodic_update' AND state = 'met'"),
  SLA_RESOLUTION_SETTLED(Base.SLA, Agg.COUNT, null, "metric = 'resolution'"),
  SLA_RESOLUTION_MET(Base.SLA, Agg.COUNT, null, "metric = 'resolution' AND state = 'met'"),
  SLA_OVERRUN_SUM(Base.SLA, Agg.SUM, "overrun_s", "state = 'breached'"),

  TICKETS_CREATED(Base.TICKETS, Agg.COUNT, null, null),
  TICKETS_SOLVED_NOW(Base.TICKETS, Agg.COUNT, null, "solved"),
  TICKETS_EVER_SOLVED(Base.TICKETS, Agg.COUNT, null, "ever_solved"),
  TICKETS_REOPENED(Base.TICKETS, Agg.COUNT, null, "ever_solved AND reopened"),
  TICKETS_ONE_TOUCH(Base.TICKETS, Agg.COUNT, null, "solved AND agent_replies = 1"),
  TICKETS_SOLVED_REPLIES(Base.TICKETS, Agg.SUM, "agent_replies", "solved"),
  SOLVES(Base.SOLVES, Agg.COUNT, null, null),
  BACKLOG_OPEN(Base.BACKLOG, Agg.COUNT, null, "status NOT IN ('solved', 'closed')"),
  BACKLOG_OVER_7D(
      Base.BACKLOG, Agg.COUNT, null, "status NOT IN ('solved', 'closed') AND age_s > 604800"),
  BACKLOG_STATUS_NEW(Base.BACKLOG, Agg.COUNT, null, "status = 'new'"),
  BACKLOG_STATUS_OPEN(Base.BACKLOG, Agg.COUNT, null, "status = 'open'"),
  BACKLOG_STATUS_PENDING(Base.BACKLOG, Agg.COUNT, null, "status = 'pending'"),
  BACKLOG_STATUS_ON_HOLD(Base.BACKLOG, Agg.COUNT, null, "status = 'on_hold'"),
  BACKLOG_AGE_UNDER_1D(
      Base.BACKLOG, Agg.COUNT, null, "status NOT IN ('solved', 'closed') AND age_s <= 86400"),
  BACKLOG_AGE_1_3D(
      Base.BACKLOG,
      Agg.COUNT,
      null,
      "status NOT IN ('solved', 'closed') AND age_s > 86400 AND age_s <= 259200"),
  BACKLOG_AGE_3_7D(
      Base.BACKLOG,
      Agg.COUNT,
      null,
      "status NOT IN ('solved', 'closed') AND age_s > 259200 AND age_s <= 604800"),
  BACKLOG_AGE_7_30D(
      Base.BACKLOG,
      Agg.COUNT,
      null,
      "status NOT IN ('solved', 'closed') AND age_s > 604800 AND age_s <= 2592000"),
  BACKLOG_AGE_OVER_30D(
      Base.BACKLOG, Agg.COUNT, null, "status NOT IN ('solved', 'closed') AND age_s > 2592000");

  /** How a part aggregates its base's rows. */
  public enum Agg {
    COUNT,
    SUM,
    /** percentile_cont(0.5) */
    MEDIAN,
    /** percentile_cont(0.9) */
    P90
  }

  private final Base base;
  private final Agg agg;
  private final String expression;
  private final String condition;

  Part(Base base, Agg agg, String expression, String condition) {
    this.base = base;
    this.agg = agg;
    this.expression = expression;
    this.condition = condition;
  }

  public Base base() {
    return base;
  }

  public Agg agg() {
    return agg;
  }

  /** The column summed or ranked (null for counts). */
  public String expression() {
    return expression;
  }

  /**
   * The rows counted, as a boolean SQL expression over the base's columns ({@code {wait_limit}} is
   * a setting), or null.
   */
  public String condition() {
    return condition;
  }
}
