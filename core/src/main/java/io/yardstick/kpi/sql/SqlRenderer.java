package io.yardstick.kpi.sql;

import io.yardstick.calendar.BusinessCalendar;
import io.yardstick.kpi.Base;
import io.yardstick.kpi.Dimension;
import io.yardstick.kpi.Filter;
import io.yardstick.kpi.KpiSettings;
import io.yardstick.kpi.Part;
import io.yardstick.kpi.TimeBucket;
import io.yardstick.store.Store;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import java.util.stream.Collectors;

/**
 * Renders the parts of one {@link Base} over one period as one SQL query: a base relation with the
 * normalized columns of {@link Part}'s documentation, filters, and {@code GROUP BY GROUPING SETS
 * ((), (dims...))}, so the overall row and the groups come from a single scan. The only place that
 * knows SQL; the few differences between DuckDB, PostgreSQL and Spark SQL are in {@link #epoch},
 * {@link #micros} and the small helpers beside them (Spark's type names are aliased by its store).
 *
 * <p>Result columns: one per dimension (text; time buckets as the local start in seconds of a UTC
 * clock), then the grouping flag (0 for a group row, non-zero for the overall row), then one per
 * part in the order given.
 */
public final class SqlRenderer {
  private final Store.Dialect dialect;
  private final KpiSettings settings;
  private final ZoneId zone;
  private final Instant start;
  private final Instant end;
  private final LocalDate from;
  private final LocalDate to;
  private final List<Filter> filters;
  private final BusinessCalendar calendar;
  private final List<BusinessCalendar.Day> calendarDays;
  private final Map<String, String> agentTeamSql;

  /**
   * @param calendarDays the business calendar's days covering every instant measured (null for
   *     clock time)
   */
  public SqlRenderer(
      Store.Dialect dialect,
      KpiSettings settings,
      ZoneId zone,
      LocalDate from,
      LocalDate to,
      List<Filter> filters,
      BusinessCalendar calendar,
      List<BusinessCalendar.Day> calendarDays) {
    this(
        dialect,
        settings,
        zone,
        from,
        to,
        from.atStartOfDay(zone).toInstant(),
        to.plusDays(1).atStartOfDay(zone).toInstant(),
        filters,
        calendar,
        calendarDays);
  }

  /**
   * A renderer over the instants [start, end) rather than whole local days (rolling windows of
   * alerts); only the contacts, cases and surveys bases, whose membership is an instant, may be
   * rendered with it.
   */
  public static SqlRenderer window(
      Store.Dialect dialect,
      KpiSettings settings,
      ZoneId zone,
      Instant start,
      Instant end,
      List<Filter> filters) {
    return new SqlRenderer(
        dialect,
        settings,
        zone,
        LocalDate.ofInstant(start, zone),
        LocalDate.ofInstant(end, zone),
        start,
        end,
        filters,
        null,
        null);
  }

  private SqlRenderer(
      Store.Dialect dialect,
      KpiSettings settings,
      ZoneId zone,
      LocalDate from,
      LocalDate to,
      Instant start,
      Instant end,
      List<Filter> filters,
      BusinessCalendar calendar,
      List<BusinessCalendar.Day> calendarDays) {
    this.dialect = dialect;
    this.settings = settings;
    this.zone = zone;
    this.from = from;
    this.to = to;
    this.start = start;
    this.end = end;
    this.filters = List.copyOf(filters);
    this.calendar = calendar;
    this.calendarDays = calendarDays;
    this.agentTeamSql = Map.of();
  }

  /**
   * The query for some parts of a base.
   *
   * @param dims the group-by (empty: the overall row only)
   * @param overall whether to include the overall row (grouping set ()) besides the groups
   */
  public String render(Base base, List<Part> parts, List<Dimension> dims, boolean overall) {
    Dimension time =
        dims.stream().filter(d -> d.kind() == Dimension.Kind.TIME).findFirst().orElse(null);
    boolean bucketed = bucketed(base);
    StringBuilder sql = new StringBuilder(buckets(base, time));
    String baseSql = baseSql(base, needsContact(dims), needsTeam(dims), kinds(parts));

    List<String> dimCols = new ArrayList<>();
    StringBuilder inner = new StringBuilder("SELECT b.*");
    StringBuilder joins = new StringBuilder();
    for (int i = 0; i < dims.size(); i++) {
      Dimension d = dims.get(i);
      String col = "d" + i;
      dimCols.add(col);
      String expr =
          switch (d.kind()) {
            case CONTACT_FIELD -> "b." + d.name();
            case TICKET_FIELD -> {
              if (base == Base.SLA) yield "b.priority";
              joins
                  .append(" LEFT JOIN (")
                  .append(PRIORITY_NOW)
                  .append(") tp")
                  .append(i)
                  .append(" ON tp")
                  .append(i)
                  .append(".case_id = b.case_id");
              yield "tp" + i + ".priority";
            }
            case TIME ->
                bucketed
                    ? "b.tb"
                    : dialect == Store.Dialect.SPARK
                        ? "CAST(unix_seconds(date_trunc('"
                            + d.timeUnit().sqlName()
                            + "', from_utc_timestamp(b.t, "
                            + lit(zone.getId())
                            + "))) AS DOUBLE)"
                        : "CAST(EXTRACT(EPOCH FROM date_trunc('"
                            + d.timeUnit().sqlName()
                            + "', b.t AT"
                            + " TIME ZONE "
                            + lit(zone.getId())
                            + ")) AS DOUBLE PRECISION)";
            case ATTRIBUTE -> {
              joins
                  .append(" LEFT JOIN customer_attributes a")
                  .append(i)
                  .append(" ON a")
                  .append(i)
                  .append(".customer_id = b.cust_id AND a")
                  .append(i)
                  .append(".name = ")
                  .append(lit(d.name()));
              yield "a" + i + ".value";
            }
          };
      inner.append(", ").append(expr).append(" AS ").append(col);
    }
    inner.append(" FROM (").append(baseSql).append(") b").append(joins);
    List<String> where = new ArrayList<>();
    for (Filter f : filters) {
      where.add(filter(base, f));
    }
    if (!where.isEmpty()) inner.append(" WHERE ").append(String.join(" AND ", where));

    StringJoiner select = new StringJoiner(", ");
    dimCols.forEach(select::add);
    if (dimCols.isEmpty()) {
      select.add("1 AS g");
    } else {
      // Spark's GROUPING takes one column; grouping_id is its bit vector (0 for a group row).
      String grouping = dialect == Store.Dialect.SPARK ? "grouping_id(" : "GROUPING(";
      select.add(grouping + String.join(", ", dimCols) + ") AS g");
    }
    for (Part p : parts) {
      select.add(aggregate(p));
    }
    sql.append("SELECT ").append(select).append(" FROM (").append(inner).append(") x");
    if (!dimCols.isEmpty()) {
      String cols = String.join(", ", dimCols);
      sql.append(" GROUP BY GROUPING SETS (")
          .append(overall ? "(), " : "")
          .append("(")
          .append(cols)
          .append("))");
    }
    return sql.toString();
  }

  private static boolean bucketed(Base base) {
    return base == Base.AGENT_TIME
        || base == Base.COSTS
        || base == Base.CUSTOMERS
        || base == Base.BACKLOG;
  }

  /**
   * The bucket rows (a WITH clause) the bucketed bases are clipped to: the whole period, or one per
   * time bucket.
   */
  private String buckets(Base base, Dimension time) {
    if (!bucketed(base)) return "";
    List<TimeBucket> buckets =
        time == null
            ? List.of(
                new TimeBucket(Dimension.TimeUnit.DAY, from.atStartOfDay(), start, end, from, to))
            : TimeBucket.of(time.timeUnit(), from, to, zone);
    StringJoiner rows = new StringJoiner(", ");
    for (TimeBucket b : buckets) {
      rows.add(
          "("
              + b.key()
              + ".0, "
              + ts(b.start())
              + ", "
              + ts(b.end())
              + ", "
              + date(b.firstDay())
              + ", "
              + date(b.lastDay())
              + ", "
              + date(b.firstDay().minusDays(1))
              + ")");
    }
    return "WITH bk (k, s, e, first_day, last_day, day_before) AS (VALUES " + rows + ")\n";
  }

  /** The base relation with its normalized columns (frt_s and resolution_s included). */
  private String baseSql(Base base, boolean surveyContact, boolean team, String surveyKinds) {
    String sql =
        switch (base) {
          case CONTACTS -> contacts();
          case CASES -> cases();
          case SURVEYS -> surveys(surveyContact, surveyKinds);
          case AGENT_TIME -> agentTime(team);
          case COSTS -> costs();
          case CUSTOMERS -> customers();
          case FORECASTS -> forecasts();
          case INVITATIONS -> invitations();
          case SLA -> sla();
          case TICKETS -> tickets();
          case SOLVES -> solves();
          case BACKLOG -> backlog();
        };
    if (base == Base.CONTACTS || base == Base.CASES) {
      sql = calendarDays != null ? businessTime(base, sql) : clockTime(base, sql);
    }
    return sql;
  }

  /**
   * The columns of a base's rows a drill-down lists, in order (name, then SQL over the base
   * relation b).
   */
  private static final Map<Base, List<String[]>> ROW_COLUMNS =
      merge(
          Map.of(
              Base.CONTACTS,
                  columns(
                      "contact_id",
                      "b.contact_id",
                      "case_id",
                      "b.case_id",
                      "channel",
                      "b.channel",
                      "direction",
                      "b.direction",
                      "queue",
                      "b.queue",
                      "topic",
                      "b.topic",
                      "team",
                      "b.team",
                      "agent",
                      "b.agent",
                      "customer_id",
                      "b.cust_id",
                      "arrived_at",
                      "b.t",
                      "answered_at",
                      "b.answered_at",
                      "first_response_at",
                      "b.first_response_at",
                      "abandoned_at",
                      "b.abandoned_at",
                      "resolved_at",
                      "b.resolved_at",
                      "wait_s",
                      "b.wait_s",
                      "frt_s",
                      "b.frt_s",
                      "handle_s",
                      "b.handle_s",
                      "resolved",
                      "b.resolved",
                      "converted",
                      "b.converted",
                      "revenue",
                      "CAST(b.revenue AS DOUBLE PRECISION)"),
              Base.CASES,
                  columns(
                      "case_id",
                      "COALESCE(b.case_id, b.first_contact_id)",
                      "first_contact_id",
                      "b.first_contact_id",
                      "opened_at",
                      "b.t",
                      "channel",
                      "b.channel",
                      "direction",
                      "b.direction",
                      "queue",
                      "b.queue",
                      "topic",
                      "b.topic",
                      "team",
                      "b.team",
                      "agent",
                      "b.agent",
                      "customer_id",
                      "b.cust_id",
                      "n_contacts",
                      "b.n_contacts",
                      "n_inbound",
                      "b.n_inbound",
                      "resolved",
                      "b.resolved",
                      "resolved_at",
                      "b.resolution_end",
                      "resolution_s",
                      "b.resolution_s"),
              Base.SURVEYS,
                  columns(
                      "survey_id",
                      "b.survey_id",
                      "submitted_at",
                      "b.t",
                      "kind",
                      "b.kind",
                      "score",
                      "b.score",
                      "contact_id",
                      "b.contact_id",
                      "channel",
                      "b.channel",
                      "queue",
                      "b.queue",
                      "topic",
                      "b.topic",
                      "team",
                      "b.team",
                      "agent",
                      "b.agent",
                      "customer_id",
                      "b.cust_id",
                      "comment",
                      "b.comment"),
              Base.INVITATIONS,
                  columns(
                      "invitation_id",
                      "b.invitation_id",
                      "sent_at",
                      "b.t",
                      "kind",
                      "b.kind",
                      "via",
                      "b.via",
                      "state",
                      "b.state",
                      "contact_id",
                      "b.contact_id",
                      "channel",
                      "b.channel",
                      "queue",
                      "b.queue",
                      "topic",
                      "b.topic",
                      "team",
                      "b.team",
                      "agent",
                      "b.agent",
                      "customer_id",
                      "b.cust_id",
                      "answered",
                      "b.answered",
                      "score",
                      "b.score"),
              Base.AGENT_TIME,
                  columns(
                      "agent",
                      "b.agent",
                      "team",
                      "b.team",
                      "state",
                      "b.state",
                      "started_at",
                      "b.started_at",
                      "ended_at",
                      "b.ended_at",
                      "seconds",
                      "b.seconds"),
              Base.COSTS,
                  columns(
                      "period_start",
                      "b.period_start",
                      "period_end",
                      "b.period_end",
                      "category",
                      "b.category",
                      "amount",
                      "b.amount",
                      "currency",
                      "b.currency",
                      "prorated",
                      "b.prorated"),
              Base.CUSTOMERS,
                  columns(
                      "customer_id",
                      "b.cust_id",
                      "since",
                      "b.since",
                      "churned_at",
                      "b.churned_at",
                      "active_start",
                      "b.active_start",
                      "active_end",
                      "b.active_end"),
              Base.FORECASTS,
                  columns(
                      "channel",
                      "b.channel",
                      "interval_start",
                      "b.t",
                      "forecast",
                      "b.forecast",
                      "actual",
                      "b.actual",
                      "abs_error",
                      "b.abs_error")),
          Map.of(
              Base.TICKETS,
                  columns(
                      "case_id",
                      "b.case_id",
                      "created_at",
                      "b.t",
                      "status",
                      "b.status",
                      "solved",
                      "b.solved",
                      "reopened",
                      "b.reopened",
                      "agent_replies",
                      "b.agent_replies",
                      "channel",
                      "b.channel",
                      "queue",
                      "b.queue"),
              Base.SOLVES,
                  columns(
                      "case_id",
                      "b.case_id",
                      "solved_at",
                      "b.t",
                      "status",
                      "b.status",
                      "channel",
                      "b.channel",
                      "queue",
                      "b.queue"),
              Base.BACKLOG,
                  columns(
                      "case_id",
                      "b.case_id",
                      "created_at",
                      "b.created",
                      "status",
                      "b.status",
                      "age_s",
                      "b.age_s",
                      "channel",
                      "b.channel",
                      "queue",
                      "b.queue"),
              Base.SLA,
                  columns(
                      "case_id",
                      "b.case_id",
                      "metric",
                      "b.metric",
                      "policy",
                      "b.policy",
                      "state",
                      "b.state",
                      "settled_at",
                      "b.t",
                      "started_at",
                      "b.started_at",
                      "fulfilled_at",
                      "b.fulfilled_at",
                      "due_at",
                      "b.due_at",
                      "target_s",
                      "b.target_s",
                      "elapsed_s",
                      "b.elapsed_s",
                      "priority",
                      "b.priority",
                      "channel",
                      "b.channel",
                      "queue",
                      "b.queue",
                      "agent",
                      "b.agent")));

  private static final Map<Base, String> ROW_ORDER =
      merge(
          Map.of(
              Base.CONTACTS, "b.t DESC, b.contact_id",
              Base.CASES, "b.t DESC, b.first_contact_id",
              Base.SURVEYS, "b.t DESC, b.survey_id",
              Base.AGENT_TIME, "b.started_at DESC, b.agent, b.state",
              Base.COSTS, "b.period_start DESC, b.category, b.amount",
              Base.CUSTOMERS, "b.cust_id",
              Base.FORECASTS, "b.t DESC, b.channel",
              Base.INVITATIONS, "b.t DESC, b.invitation_id"),
          Map.of(
              Base.SLA, "b.t DESC, b.case_id, b.metric, b.started_at",
              Base.TICKETS, "b.t DESC, b.case_id",
              Base.SOLVES, "b.t DESC, b.case_id",
              Base.BACKLOG, "b.created DESC, b.case_id"));

  private static <V> Map<Base, V> merge(Map<Base, V> a, Map<Base, V> b) {
    java.util.EnumMap<Base, V> m = new java.util.EnumMap<>(a);
    m.putAll(b);
    return java.util.Collections.unmodifiableMap(m);
  }

  private static List<String[]> columns(String... nameThenSql) {
    List<String[]> out = new ArrayList<>();
    for (int i = 0; i < nameThenSql.length; i += 2)
      out.add(new String[] {nameThenSql[i], nameThenSql[i + 1]});
    return List.copyOf(out);
  }

  /** The names of the columns {@link #renderRows} gives for a base, in order ("counted" last). */
  public static List<String> rowColumns(Base base) {
    List<String> names = new ArrayList<>(ROW_COLUMNS.get(base).stream().map(c -> c[0]).toList());
    names.add("counted");
    return names;
  }

  /**
   * The rows behind a number (drill-down): the rows of a base that pass the filters and meet any of
   * the population's conditions (all rows when one has none), each with the lower-case name of the
   * first counted part whose condition it meets (else null) in a last column "counted"; newest
   * first, one page; or, with count, their number. A filter the base cannot take is refused (costs
   * have no agent).
   */
  public String renderRows(
      Base base, List<Part> population, List<Part> counted, int limit, long offset, boolean count) {
    List<String> where = new ArrayList<>();
    for (Filter f : filters) {
      if (!base.filters(f.dimension())) {
        throw new io.yardstick.YardstickException(
            "The rows of "
                + base.name().toLowerCase(Locale.ROOT).replace('_', ' ')
                + " cannot be filtered by "
                + f.dimension().name()
                + "; remove that filter to list them.");
      }
      where.add(filter(base, f));
    }
    List<String> conditions = population.stream().map(this::condition).toList();
    if (!conditions.isEmpty() && !conditions.contains(null)) {
      where.add(
          "("
              + conditions.stream().map(c -> "(" + c + ")").collect(Collectors.joining(" OR "))
              + ")");
    }
    String rows =
        buckets(base, null)
            + "SELECT * FROM ("
            + baseSql(base, true, true, kinds(population))
            + ") b"
            + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where));
    if (count) return "SELECT COUNT(*) FROM (" + rows + ") r";
    StringJoiner select = new StringJoiner(", ");
    for (String[] c : ROW_COLUMNS.get(base)) select.add(c[1] + " AS " + c[0]);
    StringBuilder mark = new StringBuilder("CASE");
    for (Part p : counted) {
      mark.append(" WHEN ")
          .append(condition(p))
          .append(" THEN ")
          .append(lit(p.name().toLowerCase(Locale.ROOT)));
    }
    select.add(counted.isEmpty() ? "CAST(NULL AS TEXT) AS counted" : mark + " END AS counted");
    return "SELECT "
        + select
        + " FROM ("
        + rows
        + ") b ORDER BY "
        + ROW_ORDER.get(base)
        + " LIMIT "
        + limit
        + " OFFSET "
        + offset;
  }

  private String condition(Part p) {
    return p.condition() == null
        ? null
        : "(" + p.condition().replace("{wait_limit}", num(settings.waitLimitSeconds())) + ")";
  }

  /**
   * The base relation of a base over this renderer's period, with every dimension (surveys joined
   * to their contact), for the rollups (io.yardstick.kpi.rollup): the rows {@link #render} groups.
   */
  public String baseRelation(Base base) {
    return baseSql(base, true, false, "");
  }

  /** The aggregate of one part over a base relation's rows, as {@link #render} selects it. */
  public String aggregateOf(Part part) {
    return aggregate(part);
  }

  /** Surveys need their contact for every dimension but time. */
  private static boolean needsContact(List<Dimension> dims) {
    return dims.stream().anyMatch(d -> d.kind() != Dimension.Kind.TIME);
  }

  private boolean needsContactFilter() {
    return !filters.isEmpty();
  }

  private boolean needsTeam(List<Dimension> dims) {
    return dims.stream().anyMatch(d -> d.name().equals("team"))
        || filters.stream().anyMatch(f -> f.dimension().name().equals("team"));
  }

  /**
   * Each ticket's priority now: that of its last priority event, else of its tickets row (as the
   * SLA evaluator's priority at an instant).
   */
  private static final String PRIORITY_NOW =
      "SELECT x.case_id AS case_id, COALESCE(lp.priority, tk.priority) AS priority FROM (SELECT case_id FROM"
          + " tickets UNION SELECT case_id FROM ticket_events) x LEFT JOIN tickets tk ON tk.case_id = x.case_id"
          + " LEFT JOIN (SELECT case_id, priority FROM (SELECT case_id, priority, ROW_NUMBER() OVER (PARTITION BY"
          + " case_id ORDER BY occurred_at DESC) AS rn FROM ticket_events WHERE kind = 'priority') z WHERE rn = 1) lp"
          + " ON lp.case_id = x.case_id";

  /**
   * A filter on priority or tag: the SLA base carries both per target (the priority in force when
   * it settled); the other ticket bases look their case up.
   */
  private String ticketFilter(Base base, Filter f) {
    String values = f.values().stream().map(SqlRenderer::lit).collect(Collectors.joining(", "));
    if (f.dimension().name().equals("priority")) {
      return base == Base.SLA
          ? "b.priority IN (" + values + ")"
          : "b.case_id IN (SELECT case_id FROM ("
              + PRIORITY_NOW
              + ") pn WHERE pn.priority IN ("
              + values
              + "))";
    }
    String column = base == Base.SLA ? "b.tags" : "tt.tags";
    String any =
        f.values().stream()
            .map(v -> "POSITION(" + lit("," + v + ",") + " IN " + column + ") > 0")
            .collect(Collectors.joining(" OR ", "(", ")"));
    return base == Base.SLA
        ? any
        : "b.case_id IN (SELECT tt.case_id FROM tickets tt WHERE " + any + ")";
  }

  private String filter(Base base, Filter f) {
    Dimension d = f.dimension();
    if (d.kind() == Dimension.Kind.TICKET_FIELD) return ticketFilter(base, f);
    if (d.kind() == Dimension.Kind.ATTRIBUTE) {
      String cond;
      if (f.isRange()) {
        List<String> c = new ArrayList<>();
        if (f.low() != null) c.add("number >= " + num(f.low()));
        if (f.high() != null) c.add("number <= " + num(f.high()));
        cond = String.join(" AND ", c);
      } else {
        cond =
            "value IN ("
                + f.values().stream().map(SqlRenderer::lit).collect(Collectors.joining(", "))
                + ")";
      }
      return "b.cust_id IN (SELECT customer_id FROM customer_attributes WHERE name = "
          + lit(d.name())
          + " AND "
          + cond
          + ")";
    }
    return "b."
        + d.name()
        + " IN ("
        + f.values().stream().map(SqlRenderer::lit).collect(Collectors.joining(", "))
        + ")";
  }

  private String aggregate(Part p) {
    String cond = condition(p);
    String filter = cond == null ? "" : " FILTER (WHERE " + cond + ")";
    return switch (p.agg()) {
      case COUNT -> "CAST(COUNT(*)" + filter + " AS DOUBLE PRECISION)";
      // Agent time in a state without rows is 0 s (a group without any state rows has STATE_ROWS =
      // 0 instead).
      case SUM ->
          p.base() == Base.AGENT_TIME
              ? "CAST(COALESCE(SUM(" + p.expression() + ")" + filter + ", 0) AS DOUBLE PRECISION)"
              : "CAST(SUM(" + p.expression() + ")" + filter + " AS DOUBLE PRECISION)";
      case MEDIAN ->
          "CAST(percentile_cont(0.5) WITHIN GROUP (ORDER BY "
              + p.expression()
              + ")"
              + filter
              + " AS DOUBLE PRECISION)";
      case P90 ->
          "CAST(percentile_cont(0.9) WITHIN GROUP (ORDER BY "
              + p.expression()
              + ")"
              + filter
              + " AS DOUBLE PRECISION)";
    };
  }

  private String inPeriod(String column) {
    return column + " >= " + ts(start) + " AND " + column + " < " + ts(end);
  }

  private String contacts() {
    String sl = num(settings.serviceLevelSeconds());
    if (!settings.serviceLevelSecondsByChannel().isEmpty()) {
      StringBuilder cs = new StringBuilder("CASE c.channel");
      settings.serviceLevelSecondsByChannel().entrySet().stream()
          .sorted(Map.Entry.comparingByKey())
          .forEach(
              e ->
                  cs.append(" WHEN ")
                      .append(lit(e.getKey()))
                      .append(" THEN ")
                      .append(num(e.getValue())));
      sl = cs.append(" ELSE ").append(sl).append(" END").toString();
    }
    String waitAnswered = diff("c.answered_at", "c.arrived_at");
    String waitAbandoned = diff("c.abandoned_at", "c.arrived_at");
    return "SELECT c.contact_id AS contact_id, c.case_id AS case_id, c.answered_at AS answered_at,"
        + " c.first_response_at AS first_response_at, c.abandoned_at AS abandoned_at, c.resolved_at AS resolved_at,"
        + " c.resolved AS resolved,"
        + " c.channel AS channel, c.direction AS direction, c.queue AS queue, c.topic AS topic,"
        + " c.team AS team, c.agent_id AS agent, c.customer_id AS cust_id, c.arrived_at AS t,"
        + " c.direction = 'inbound' AS inbound,"
        + " c.answered_at IS NOT NULL AS answered,"
        + " (c.answered_at IS NULL AND c.first_response_at IS NOT NULL) AS written,"
        + " (c.answered_at IS NULL AND c.abandoned_at IS NOT NULL) AS abandoned,"
        + " (c.answered_at IS NULL AND c.abandoned_at IS NOT NULL AND "
        + waitAbandoned
        + " < "
        + num(settings.shortAbandonSeconds())
        + ") AS short_abandon,"
        + " CASE WHEN c.answered_at IS NOT NULL THEN "
        + waitAnswered
        + " WHEN c.abandoned_at IS NOT NULL THEN "
        + waitAbandoned
        + " END AS wait_s,"
        + " COALESCE(c.first_response_at, c.answered_at) AS frt_end,"
        + " "
        + diff("COALESCE(c.first_response_at, c.answered_at)", "c.arrived_at")
        + " AS frt_clock_s,"
        + " COALESCE(c.talk_s, 0) + COALESCE(c.hold_s, 0) + COALESCE(c.wrap_s, 0) AS handle_s,"
        + " COALESCE(c.talk_s, 0) + COALESCE(c.hold_s, 0) AS talk_hold_s,"
        + " "
        + sl
        + " AS sl_target_s,"
        + " c.converted AS converted,"
        // Revenue stays DECIMAL until summed: a sum of doubles depends on the order of its rows, so
        // a group and the
        // same rows behind a filter could differ in the last bit.
        + " c.revenue AS revenue"
        + " FROM contacts c WHERE "
        + inPeriod("c.arrived_at");
  }

  private String cases() {
    String dims =
        "c.case_id AS case_id, c.contact_id AS first_contact_id, c.channel AS channel, c.direction AS direction, c.queue AS queue, c.topic AS topic,"
            + " c.team AS team, c.agent_id AS agent, c.customer_id AS cust_id, c.arrived_at AS t";
    String single =
        "SELECT "
            + dims
            + ", c.resolved AS resolved, 1 AS n_contacts,"
            + " CASE WHEN c.direction = 'inbound' THEN 1 ELSE 0 END AS n_inbound, c.resolved_at AS last_resolved_at"
            + " FROM contacts c WHERE c.case_id IS NULL AND "
            + inPeriod("c.arrived_at");
    // Cases with a case_id come from the cases table the imports keep (first contact, statistics
    // over all contacts),
    // so a period reads only its own cases; the first contact gives the dimensions.
    String grouped =
        "SELECT "
            + dims
            + ", k.resolved AS resolved, k.n_contacts AS n_contacts,"
            + " k.n_inbound AS n_inbound, k.last_resolved_at AS last_resolved_at"
            + " FROM cases k JOIN contacts c ON c.contact_id = k.first_contact_id"
            + " WHERE "
            + inPeriod("k.first_at")
            + " AND "
            + inPeriod("c.arrived_at");
    return "SELECT u.*, CASE WHEN u.resolved THEN u.last_resolved_at END AS resolution_end FROM ("
        + single
        + " UNION ALL "
        + grouped
        + ") u";
  }

  /** The survey kinds the parts read ("" when a part reads every kind). */
  private static String kinds(List<Part> parts) {
    java.util.TreeSet<String> kinds = new java.util.TreeSet<>();
    for (Part p : parts) {
      java.util.regex.Matcher m =
          java.util.regex.Pattern.compile("kind = '([a-z]+)'")
              .matcher(p.condition() == null ? "" : p.condition());
      if (!m.find()) return "";
      kinds.add(lit(m.group(1)));
    }
    return kinds.isEmpty() ? "" : " AND s.kind IN (" + String.join(", ", kinds) + ")";
  }

  private String surveys(boolean join, String kinds) {
    if (!join && !needsContactFilter()) {
      return "SELECT s.agent_id AS agent, s.customer_id AS cust_id, s.submitted_at AS t, s.kind AS kind,"
          + " s.score AS score FROM surveys s WHERE "
          + inPeriod("s.submitted_at")
          + kinds;
    }
    return "SELECT c.channel AS channel, c.direction AS direction, c.queue AS queue, c.topic AS topic,"
        + " c.team AS team,"
        + " CASE WHEN c.contact_id IS NULL THEN s.agent_id ELSE c.agent_id END AS agent,"
        + " CASE WHEN c.contact_id IS NULL THEN s.customer_id ELSE c.customer_id END AS cust_id,"
        + " s.submitted_at AS t, s.kind AS kind, s.score AS score, s.survey_id AS survey_id,"
        + " s.contact_id AS contact_id, s.comment AS comment"
        + " FROM surveys s LEFT JOIN (SELECT * FROM contacts WHERE contact_id IN (SELECT q.contact_id FROM surveys q WHERE"
        + " q.contact_id IS NOT NULL AND "
        + inPeriod("q.submitted_at")
        + ")) c ON c.contact_id = s.contact_id"
        + " WHERE "
        + inPeriod("s.submitted_at")
        + kinds;
  }

  /**
   * Invitations delivered in the period (issue 18): e-mailed or posted (sent_at), or given as a
   * link (created_at), or answered whatever their state says since; dimensions from their contact,
   * else their own agent and customer.
   */
  private String invitations() {
    String t = "COALESCE(i.sent_at, i.created_at)";
    return "SELECT c.channel AS channel, c.direction AS direction, c.queue AS queue, c.topic AS topic,"
        + " c.team AS team, COALESCE(c.agent_id, i.agent_id) AS agent,"
        + " COALESCE(c.customer_id, i.customer_id) AS cust_id, "
        + t
        + " AS t, i.kind AS kind, i.via AS via,"
        + " i.state AS state, i.answered_at IS NOT NULL AS answered, i.score AS score,"
        + " i.invitation_id AS invitation_id, i.contact_id AS contact_id"
        + " FROM survey_invitations i LEFT JOIN contacts c ON c.contact_id = i.contact_id"
        + " WHERE (i.state IN ('sent', 'link') OR i.answered_at IS NOT NULL) AND "
        + inPeriod(t);
  }

  private String agentTime(boolean team) {
    String teamJoin = "";
    String teamCol = "CAST(NULL AS TEXT)";
    if (team) {
      teamJoin =
          " LEFT JOIN (SELECT agent_id, team FROM (SELECT agent_id, team, row_number() OVER (PARTITION BY"
              + " agent_id ORDER BY arrived_at DESC, contact_id DESC) AS rn FROM contacts WHERE agent_id IS NOT NULL AND"
              + " team IS NOT NULL AND "
              + inPeriod("arrived_at")
              + ") z WHERE rn = 1) tm ON tm.agent_id = s.agent_id";
      teamCol = "tm.team";
    }
    return "SELECT s.agent_id AS agent, "
        + teamCol
        + " AS team, bk.k AS tb, s.state AS state,"
        + " s.started_at AS started_at, s.ended_at AS ended_at,"
        + " CAST(GREATEST(0, LEAST("
        + micros("s.ended_at")
        + ", "
        + micros("bk.e")
        + ") - GREATEST("
        + micros("s.started_at")
        + ", "
        + micros("bk.s")
        + ")) AS DOUBLE PRECISION) / 1000000.0 AS seconds"
        + " FROM agent_states s JOIN bk ON s.started_at < bk.e AND s.ended_at > bk.s"
        + teamJoin;
  }

  private String costs() {
    return "SELECT bk.k AS tb, c.period_start AS period_start, c.period_end AS period_end, c.category AS category,"
        + " CAST(c.amount AS DOUBLE PRECISION) AS amount, c.currency AS currency,"
        + " CAST(c.amount AS DOUBLE PRECISION) * CAST("
        + days("LEAST(c.period_end, bk.last_day)", "GREATEST(c.period_start, bk.first_day)")
        + " + 1 AS DOUBLE PRECISION)"
        + " / CAST("
        + days("c.period_end", "c.period_start")
        + " + 1 AS DOUBLE PRECISION) AS prorated"
        + " FROM costs c JOIN bk ON c.period_start <= bk.last_day AND c.period_end >= bk.first_day";
  }

  private String customers() {
    return "SELECT c.customer_id AS cust_id, bk.k AS tb, c.since AS since, c.churned_at AS churned_at,"
        + " (c.since <= bk.day_before AND (c.churned_at IS NULL OR c.churned_at > bk.day_before)) AS active_start,"
        + " (c.since <= bk.last_day AND (c.churned_at IS NULL OR c.churned_at > bk.last_day)) AS active_end"
        + " FROM customers c CROSS JOIN bk";
  }

  /**
   * The latest channel forecast made before each interval that starts in the period, at the
   * channel's shortest forecast interval, for intervals that ended by the latest stored contact,
   * with the inbound contacts that came.
   */
  private String forecasts() {
    String latest =
        "SELECT fc.channel, fc.interval_start, fc.interval_end, fc.forecast, ROW_NUMBER() OVER (PARTITION BY"
            + " fc.channel, fc.interval_start ORDER BY fc.made_at DESC) AS rn FROM forecasts fc"
            + " WHERE fc.queue IS NULL AND fc.made_at <= fc.interval_start AND "
            + inPeriod("fc.interval_start")
            + " AND fc.interval_end <= (SELECT MAX(m.arrived_at) FROM contacts m)"
            + " AND fc.interval_minutes = (SELECT MIN(g.interval_minutes) FROM forecasts g WHERE g.channel = fc.channel"
            + " AND g.queue IS NULL)";
    String actual =
        "SELECT r.channel, r.interval_start, r.forecast, COUNT(c.contact_id) AS actual FROM ("
            + latest
            + ") r LEFT JOIN contacts c ON c.channel = r.channel AND c.direction = 'inbound'"
            + " AND c.arrived_at >= r.interval_start AND c.arrived_at < r.interval_end WHERE r.rn = 1"
            + " GROUP BY r.channel, r.interval_start, r.forecast";
    return "SELECT a.channel AS channel, a.interval_start AS t, a.forecast AS forecast, ABS(a.forecast - a.actual) AS abs_error,"
        + " CAST(a.actual AS DOUBLE PRECISION) AS actual FROM ("
        + actual
        + ") a";
  }

  /**
   * SLA targets settled in the period, with the dimensions of their ticket's first contact (none
   * without contacts).
   */
  private String sla() {
    return "SELECT s.case_id AS case_id, s.metric AS metric, s.policy AS policy, s.state AS state, s.settled_at AS t,"
        + " s.started_at AS started_at, s.fulfilled_at AS fulfilled_at, s.due_at AS due_at, s.target_s AS target_s,"
        + " s.elapsed_s AS elapsed_s, s.elapsed_s - s.target_s AS overrun_s, s.priority AS priority, s.tags AS tags,"
        + " c.channel AS channel, c.direction AS direction, c.queue AS queue, c.topic AS topic, c.team AS team,"
        + " c.agent_id AS agent, c.customer_id AS cust_id"
        + " FROM sla_targets s LEFT JOIN cases k ON k.case_id = s.case_id"
        + " LEFT JOIN contacts c ON c.contact_id = k.first_contact_id"
        + " WHERE s.settled_at IS NOT NULL AND "
        + inPeriod("s.settled_at");
  }

  private static final String DONE = "('solved', 'closed')";

  /**
   * Every ticket (a case in tickets or ticket_events) with its creation (created_at, else its first
   * contact's arrival, else its first event), its status now, its agent replies and the dimensions
   * of its first contact.
   */
  private String allTickets() {
    String last =
        "SELECT case_id, status FROM (SELECT case_id, status, ROW_NUMBER() OVER (PARTITION BY case_id"
            + " ORDER BY occurred_at DESC) AS rn FROM ticket_events WHERE kind = 'status') z WHERE rn = 1";
    String ids = "SELECT case_id FROM tickets UNION SELECT case_id FROM ticket_events";
    // The contacts joined are only the first contacts of those cases: without the filter, the
    // join read every contact (1.5 s at 10 M contacts, for a store with no tickets at all).
    String firstContacts =
        "SELECT * FROM contacts WHERE contact_id IN (SELECT first_contact_id FROM cases WHERE"
            + " case_id IN ("
            + ids
            + "))";
    return "SELECT x.case_id AS case_id, COALESCE(tk.created_at, k.first_at, e.first_event) AS created,"
        + " COALESCE(ls.status, tk.status, 'new') AS status, ls.status IS NOT NULL AS has_status_events,"
        + " tk.status AS file_status, COALESCE(e.agent_replies, 0) AS agent_replies,"
        + " c.channel AS channel, c.direction AS direction, c.queue AS queue, c.topic AS topic, c.team AS team,"
        + " c.agent_id AS agent, c.customer_id AS cust_id"
        + " FROM ("
        + ids
        + ") x"
        + " LEFT JOIN tickets tk ON tk.case_id = x.case_id"
        + " LEFT JOIN cases k ON k.case_id = x.case_id"
        + " LEFT JOIN ("
        + firstContacts
        + ") c ON c.contact_id = k.first_contact_id"
        + " LEFT JOIN (SELECT case_id, MIN(occurred_at) AS first_event, SUM(CASE WHEN kind = 'reply' AND actor ="
        + " 'agent' THEN 1 ELSE 0 END) AS agent_replies FROM ticket_events GROUP BY case_id) e ON e.case_id = x.case_id"
        + " LEFT JOIN ("
        + last
        + ") ls ON ls.case_id = x.case_id";
  }

  /** Tickets created in the period. */
  private String tickets() {
    String solvedEvent =
        "SELECT 1 FROM ticket_events s1 WHERE s1.case_id = a.case_id AND s1.kind = 'status' AND"
            + " s1.status IN "
            + DONE;
    return "SELECT a.*, a.created AS t, a.status IN "
        + DONE
        + " AS solved,"
        + " (a.status IN "
        + DONE
        + " OR EXISTS ("
        + solvedEvent
        + ")) AS ever_solved,"
        + " EXISTS ("
        + solvedEvent
        + " AND EXISTS (SELECT 1 FROM ticket_events s2 WHERE s2.case_id = s1.case_id AND"
        + " s2.kind = 'status' AND s2.occurred_at > s1.occurred_at AND s2.status NOT IN "
        + DONE
        + ")) AS reopened"
        + " FROM ("
        + allTickets()
        + ") a WHERE a.created IS NOT NULL AND "
        + inPeriod("a.created");
  }

  /** Status changes into solved or closed from another status (none before: new), in the period. */
  private String solves() {
    String before =
        "(SELECT p.status FROM ticket_events p WHERE p.case_id = s.case_id AND p.kind = 'status' AND"
            + " p.occurred_at < s.occurred_at ORDER BY p.occurred_at DESC LIMIT 1)";
    return "SELECT s.case_id AS case_id, s.occurred_at AS t, s.status AS status, c.channel AS channel,"
        + " c.direction AS direction, c.queue AS queue, c.topic AS topic, c.team AS team, c.agent_id AS agent,"
        + " c.customer_id AS cust_id"
        + " FROM ticket_events s LEFT JOIN cases k ON k.case_id = s.case_id"
        + " LEFT JOIN contacts c ON c.contact_id = k.first_contact_id"
        + " WHERE s.kind = 'status' AND s.status IN "
        + DONE
        + " AND COALESCE("
        + before
        + ", 'new') NOT IN "
        + DONE
        + " AND "
        + inPeriod("s.occurred_at");
  }

  /**
   * Each ticket created before a bucket's end, once per bucket, with its status at that end (the
   * latest status event before it; a ticket without status events has its file status, else new)
   * and its age there.
   */
  private String backlog() {
    String at =
        "(SELECT p.status FROM ticket_events p WHERE p.case_id = a.case_id AND p.kind = 'status' AND"
            + " p.occurred_at < bk.e ORDER BY p.occurred_at DESC LIMIT 1)";
    return "SELECT a.case_id AS case_id, a.created AS created, bk.k AS tb, a.channel AS channel,"
        + " a.direction AS direction, a.queue AS queue, a.topic AS topic, a.team AS team, a.agent AS agent,"
        + " a.cust_id AS cust_id,"
        + " CASE WHEN a.has_status_events THEN COALESCE("
        + at
        + ", 'new') ELSE COALESCE(a.file_status, 'new') END"
        + " AS status, CAST("
        + micros("bk.e")
        + " - "
        + micros("a.created")
        + " AS DOUBLE PRECISION) / 1000000.0"
        + " AS age_s"
        + " FROM ("
        + allTickets()
        + ") a JOIN bk ON a.created < bk.e";
  }

  /** Adds frt_s or resolution_s in clock time. */
  private String clockTime(Base base, String baseSql) {
    String endCol = base == Base.CONTACTS ? "b0.frt_end" : "b0.resolution_end";
    String measure = base == Base.CONTACTS ? "frt_s" : "resolution_s";
    return "SELECT b0.*, " + diff(endCol, "b0.t") + " AS " + measure + " FROM (" + baseSql + ") b0";
  }

  /**
   * Adds frt_s or resolution_s by business seconds: B(end) - B(start) with B from the calendar's
   * days.
   */
  private String businessTime(Base base, String baseSql) {
    String startCol = "b0.t";
    String endCol = base == Base.CONTACTS ? "b0.frt_end" : "b0.resolution_end";
    String measure = base == Base.CONTACTS ? "frt_s" : "resolution_s";
    int windows = Math.max(1, calendar.maxWindowsPerDay());
    StringBuilder values = new StringBuilder();
    StringJoiner rows = new StringJoiner(", ");
    for (BusinessCalendar.Day day : calendarDays) {
      StringBuilder row =
          new StringBuilder("(" + date(day.date()) + ", " + num(day.cumulativeBefore()));
      for (int w = 0; w < windows; w++) {
        double[] win = w < day.windows().size() ? day.windows().get(w) : new double[] {0, 0};
        row.append(", ")
            .append(Math.round(win[0] * 1e6))
            .append(", ")
            .append(Math.round(win[1] * 1e6));
      }
      rows.add(row.append(")").toString());
    }
    StringJoiner cols = new StringJoiner(", ", "(", ")");
    cols.add("day").add("cum");
    for (int w = 0; w < windows; w++) {
      cols.add("w" + w + "s").add("w" + w + "e");
    }
    values
        .append("(SELECT * FROM (VALUES ")
        .append(rows)
        .append(") AS v ")
        .append(cols)
        .append(")");
    String zoneLit = lit(calendar.zone().getId());
    String b1 = businessClock("h1", startCol, windows);
    String b2 = businessClock("h2", endCol, windows);
    return "SELECT b0.*, ("
        + b2
        + ") - ("
        + b1
        + ") AS "
        + measure
        + " FROM ("
        + baseSql
        + ") b0"
        + " LEFT JOIN "
        + values
        + " h1 ON h1.day = "
        + localDate(startCol, zoneLit)
        + " LEFT JOIN "
        + values
        + " h2 ON h2.day = "
        + localDate(endCol, zoneLit);
  }

  private String businessClock(String h, String instant, int windows) {
    StringBuilder b = new StringBuilder(h + ".cum");
    for (int w = 0; w < windows; w++) {
      String s = h + ".w" + w + "s";
      String e = h + ".w" + w + "e";
      b.append(" + CAST(GREATEST(0, LEAST(")
          .append(micros(instant))
          .append(" - ")
          .append(s)
          .append(", ")
          .append(e)
          .append(" - ")
          .append(s)
          .append(")) AS DOUBLE PRECISION) / 1000000.0");
    }
    return b.toString();
  }

  /**
   * Seconds since the epoch of a timestamp with time zone, as a double (the same SQL on both
   * stores).
   */
  public String epoch(String expr) {
    if (dialect == Store.Dialect.SPARK) return "(CAST(unix_micros(" + expr + ") AS DOUBLE) / 1e6)";
    return "CAST(EXTRACT(EPOCH FROM " + expr + ") AS DOUBLE PRECISION)";
  }

  /** The local date of an instant in a zone (a quoted zone literal). */
  private String localDate(String instant, String zoneLit) {
    if (dialect == Store.Dialect.SPARK) {
      return "to_date(from_utc_timestamp(" + instant + ", " + zoneLit + "))";
    }
    return "CAST(" + instant + " AT TIME ZONE " + zoneLit + " AS DATE)";
  }

  /** Whole days from one date to a later one (an integer). */
  private String days(String later, String earlier) {
    if (dialect == Store.Dialect.SPARK) return "datediff(" + later + ", " + earlier + ")";
    return "(" + later + " - " + earlier + ")";
  }

  /**
   * Whole microseconds since the epoch of a timestamp with time zone, exact (a double of epoch
   * seconds near 1.8e9 keeps only about 0.24 µs, so a difference of two of them would not be
   * exact).
   */
  public String micros(String expr) {
    return switch (dialect) {
      case DUCKDB -> "epoch_us(" + expr + ")";
      // date_part gives a double (fast; EXTRACT gives numeric, slow): 0.24 µs apart near 1.8e9 s,
      // so rounding the
      // microseconds recovers them exactly.
      case POSTGRESQL -> "CAST(ROUND(date_part('epoch', " + expr + ") * 1000000.0) AS BIGINT)";
      case SPARK -> "unix_micros(" + expr + ")";
    };
  }

  /** Seconds from one instant to another, exact to the microsecond. */
  private String diff(String later, String earlier) {
    return "(CAST("
        + micros(later)
        + " - "
        + micros(earlier)
        + " AS DOUBLE PRECISION) / 1000000.0)";
  }

  static String ts(Instant instant) {
    return "CAST('" + instant + "' AS TIMESTAMP WITH TIME ZONE)";
  }

  static String date(LocalDate d) {
    return "CAST('" + d + "' AS DATE)";
  }

  static String lit(String s) {
    return "'" + s.replace("'", "''") + "'";
  }

  static String num(double d) {
    if (d == Math.rint(d) && Math.abs(d) < 1e15) return String.format(Locale.ROOT, "%.1f", d);
    return Double.toString(d);
  }
}
