package io.yardstick.kpi;

import io.yardstick.LimitException;
import io.yardstick.UnknownNameException;
import io.yardstick.YardstickException;
import io.yardstick.calendar.BusinessCalendar;
import io.yardstick.kpi.rollup.RollupReader;
import io.yardstick.kpi.sql.SqlRenderer;
import io.yardstick.store.Store;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Computes KPI values from a store: each base the asked KPIs need is one SQL query (one scan, the
 * overall row and the groups together), and every formula is then applied to the parts of each
 * group. Faces never compute a KPI themselves; they format what this returns.
 *
 * <pre>{@code
 * KpiResult r = new KpiEngine(store, KpiSettings.defaults()).compute(
 *     KpiQuery.of(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31), ZoneId.of("Europe/Madrid"))
 *         .withGroupBy(List.of(Dimension.of("channel"))));
 * Number sl = r.overall().value(Kpi.SERVICE_LEVEL);
 * }</pre>
 */
public final class KpiEngine {
  /** Business-time calendars are laid out day by day up to this far after the period's start. */
  private static final int MAX_CALENDAR_DAYS = 3700;

  private final Store store;
  private final KpiSettings settings;
  private final KpiCache cache;

  /** The store's names (dimensions, filter values), looked up once per data version. */
  private final Vocabulary vocabulary;

  /** Whether the rollups may answer (else every question is a scan: {@link #scanOnly()}). */
  private final boolean rollups;

  public KpiEngine(Store store) {
    this(store, KpiSettings.defaults());
  }

  public KpiEngine(Store store, KpiSettings settings) {
    this(store, settings, null);
  }

  /** An engine that keeps results in a cache, valid until the store's data version changes. */
  public KpiEngine(Store store, KpiSettings settings, KpiCache cache) {
    this.store = store;
    this.settings = settings;
    this.cache = cache;
    this.vocabulary = new Vocabulary(store);
    this.rollups = true;
  }

  private KpiEngine(KpiEngine other, boolean rollups) {
    this.store = other.store;
    this.settings = other.settings;
    this.cache = null;
    this.vocabulary = other.vocabulary;
    this.rollups = rollups;
  }

  /**
   * This engine answering every question by scanning the records, never from the rollups: what
   * {@code yardstick rollups verify} and the equality tests compare the rollups with.
   */
  public KpiEngine scanOnly() {
    return new KpiEngine(this, false);
  }

  public KpiSettings settings() {
    return settings;
  }

  public KpiResult compute(KpiQuery query) {
    check(query);
    if (cache != null) return cache.get(query, store.dataVersion(), () -> computeNow(query));
    return computeNow(query);
  }

  private KpiResult computeNow(KpiQuery query) {
    Paths paths = new Paths(rollups ? new RollupReader(store, settings) : null);
    List<KpiResult.Row> rows = rows(query, null, paths);
    if (query.comparePrevious()) {
      List<KpiResult.Row> previous = rows(query.previous(), null, paths);
      rows = withPrevious(query, rows, previous);
    }
    List<String> warnings =
        new ArrayList<>(query.filters().isEmpty() ? List.of() : vocabulary.warnings(query));
    if (warnings.isEmpty() && !rows.isEmpty() && empty(rows.get(0))) warnings.add(nothing(query));
    return new KpiResult(query, rows, warnings, paths.answeredFrom());
  }

  /** Whether every value of a row is null, or a count of nothing: no record was in it. */
  private static boolean empty(KpiResult.Row row) {
    return row.values().entrySet().stream()
        .allMatch(
            e ->
                e.getValue() == null
                    || (e.getKey().unit() == Kpi.Unit.COUNT && e.getValue().doubleValue() == 0));
  }

  /**
   * The warning of an answer in which nothing was found, so that a filter or a period that matches
   * no record says so (each filter value exists, or its own warning would have said that; together
   * they, or the period, match nothing).
   */
  private static String nothing(KpiQuery query) {
    String period = query.from() + ".." + query.to() + " (" + query.zone().getId() + ")";
    if (query.filters().isEmpty()) {
      return "Nothing was recorded in " + period + ": every value is empty.";
    }
    List<String> filters = query.filters().stream().map(Filter::text).toList();
    return "Nothing in "
        + period
        + " matches "
        + String.join(" and ", filters)
        + ": every value is empty.";
  }

  /** Which path answered the bases of one question (rollups or scan). */
  private static final class Paths {
    final RollupReader reader;
    boolean fromRollups;
    boolean fromScan;

    Paths(RollupReader reader) {
      this.reader = reader;
    }

    String answeredFrom() {
      if (fromRollups && fromScan) return KpiResult.MIXED;
      return fromRollups ? KpiResult.ROLLUPS : KpiResult.SCAN;
    }
  }

  /**
   * Reads one base's parts into the overall row and the groups: those the rollups hold from them
   * (when the renderer measures clock time over whole local days), the others from the renderer's
   * scan, which then reads only the columns of those parts.
   */
  private void readParts(
      Paths paths,
      SqlRenderer renderer,
      boolean plain,
      KpiQuery query,
      Base base,
      List<Part> parts,
      List<Dimension> dims,
      boolean withOverall,
      PartValues overall,
      Map<List<String>, PartValues> groups) {
    List<Part> fromRollups =
        paths.reader != null && plain
            ? paths.reader.answerable(
                base, parts, dims, query.filters(), query.start(), query.end())
            : List.of();
    List<Part> scanned = new ArrayList<>(parts);
    scanned.removeAll(fromRollups);
    if (!fromRollups.isEmpty()) {
      paths.fromRollups = true;
      read(
          paths.reader.rows(
              base,
              fromRollups,
              dims,
              withOverall,
              query.filters(),
              query.zone(),
              query.start(),
              query.end(),
              this::query),
          dims.size(),
          fromRollups,
          dims,
          overall,
          groups);
    }
    if (!scanned.isEmpty()) {
      paths.fromScan = true;
      read(
          query(renderer.render(base, scanned, dims, withOverall)),
          dims.size(),
          scanned,
          dims,
          overall,
          groups);
    }
  }

  private void check(KpiQuery query) {
    if (query.zone() instanceof ZoneOffset offset && offset.getTotalSeconds() != 0) {
      throw new YardstickException(
          "The time zone '"
              + query.zone().getId()
              + "' is a fixed offset; give an IANA"
              + " zone name such as Europe/Madrid (or Etc/GMT-2 for a fixed UTC+2).");
    }
    long timeDims = query.groupBy().stream().filter(d -> d.kind() == Dimension.Kind.TIME).count();
    if (timeDims > 1) {
      throw new YardstickException(
          "{by}: group by one time bucket at most (hour, day, week or month); got "
              + query.groupBy().stream()
                  .filter(d -> d.kind() == Dimension.Kind.TIME)
                  .map(Dimension::name)
                  .toList()
              + ".");
    }
    if (query.businessHours() != null) calendar(query);
    vocabulary.check(query);
    query.groupBy().stream()
        .filter(d -> d.kind() == Dimension.Kind.TIME)
        .findFirst()
        .ifPresent(
            time -> {
              long buckets = buckets(time.timeUnit(), query);
              if (buckets > settings.limits().maxRows()) {
                throw tooManyRows(
                    String.format(
                        java.util.Locale.ROOT,
                        "%,d %s buckets over %,d days",
                        buckets,
                        time.name(),
                        query.days()));
              }
            });
  }

  /**
   * At least the number of buckets of a unit over the query's period (a DST autumn day has 25 local
   * hours).
   */
  private static long buckets(Dimension.TimeUnit unit, KpiQuery query) {
    long days = query.days();
    return switch (unit) {
      case HOUR -> days * 24;
      case DAY -> days;
      case WEEK -> (days + 6) / 7;
      case MONTH ->
          java.time.temporal.ChronoUnit.MONTHS.between(
                  query.from().withDayOfMonth(1), query.to().withDayOfMonth(1))
              + 1;
    };
  }

  private LimitException tooManyRows(String what) {
    return new LimitException(
        String.format(
            java.util.Locale.ROOT,
            "The answer would have more than %,d rows (%s);"
                + " %,d rows per answer is the limit (limits.max_rows in the settings file). Narrow the question: a shorter"
                + " period, a coarser time unit (day, week or month), fewer group-by dimensions, or a filter.",
            settings.limits().maxRows(),
            what,
            settings.limits().maxRows()),
        false);
  }

  /** With -Dyardstick.kpi.trace=true, each query's time goes to stderr (benchmarks). */
  private static final boolean TRACE = Boolean.getBoolean("yardstick.kpi.trace");

  /** How much of each query the trace prints ({@code -Dyardstick.kpi.trace.chars}, 160). */
  private static final int TRACE_CHARS = Integer.getInteger("yardstick.kpi.trace.chars", 160);

  /**
   * Runs one of the engine's queries within the limits, and says which limit stopped it and how to
   * narrow.
   */
  private List<Object[]> query(String sql) {
    Limits limits = settings.limits();
    try {
      // one row per group and the overall row
      long t = System.nanoTime();
      List<Object[]> rows =
          store.query(new Store.Bounds(limits.queryTimeout(), limits.maxRows() + 1L), sql);
      if (TRACE)
        System.err.printf(
            java.util.Locale.ROOT,
            "kpi query %.3f s, %d rows: %s%n",
            (System.nanoTime() - t) / 1e9,
            rows.size(),
            sql.length() > TRACE_CHARS ? sql.substring(0, TRACE_CHARS) : sql);
      return rows;
    } catch (LimitException e) {
      if (!e.timedOut()) throw tooManyRows("groups of the group-by");
      throw new LimitException(
          "The question took longer than "
              + limits.queryTimeout().toSeconds()
              + " s and was"
              + " cancelled (limits.query_timeout_seconds in the settings file). Narrow it: a shorter period, fewer KPIs"
              + " or group-by dimensions, or a filter; or ask again when the server is less busy.",
          true);
    }
  }

  private BusinessCalendar calendar(KpiQuery query) {
    return settings
        .calendar(query.businessHours())
        .orElseThrow(
            () ->
                new UnknownNameException(
                    "{business_hours}: There is no business-hours calendar named '"
                        + query.businessHours()
                        + "'"
                        + (settings.calendars().isEmpty()
                            ? "; none is defined: add one under business_hours in the settings file"
                                + " (docs/settings.md)."
                            : "; defined: "
                                + String.join(", ", new TreeMap<>(settings.calendars()).keySet())
                                + ".")));
  }

  /**
   * The KPIs over the instants [start, end) instead of local days, overall and without business
   * hours: the rolling windows of alert rules (the last 15 minutes). Only KPIs whose bases are
   * contacts, cases or surveys (membership by an instant) can be asked; the others are refused.
   *
   * <pre>{@code
   * KpiResult.Row last15 = engine.computeWindow(now.minus(Duration.ofMinutes(15)), now, ZoneOffset.UTC,
   *     List.of(Kpi.ABANDONMENT_RATE, Kpi.CONTACTS), List.of(Filter.parse("queue=billing")));
   * }</pre>
   */
  public KpiResult.Row computeWindow(
      Instant start, Instant end, ZoneId zone, List<Kpi> kpis, List<Filter> filters) {
    if (!end.isAfter(start)) {
      throw new YardstickException(
          "The window ends (" + end + ") at or before it starts (" + start + ").");
    }
    for (Kpi k : kpis) {
      for (Base b : k.bases()) {
        if (b != Base.CONTACTS && b != Base.CASES && b != Base.SURVEYS && b != Base.INVITATIONS) {
          throw new YardstickException(
              "KPI "
                  + k.id()
                  + " reads "
                  + b.name().toLowerCase(java.util.Locale.ROOT)
                  + ", which is counted by whole days; a rolling window takes KPIs of contacts, cases and surveys only.");
        }
      }
    }
    KpiQuery query =
        new KpiQuery(
            LocalDate.ofInstant(start, zone),
            LocalDate.ofInstant(end, zone),
            zone,
            kpis,
            List.of(),
            filters,
            false,
            null);
    check(query);
    return rows(
            query,
            SqlRenderer.window(store.dialect(), settings, zone, start, end, filters),
            new Paths(null))
        .get(0);
  }

  private List<KpiResult.Row> rows(KpiQuery query, SqlRenderer window, Paths paths) {
    Map<Base, List<Part>> partsByBase = new EnumMap<>(Base.class);
    for (Kpi kpi : query.kpis()) {
      for (Part p : kpi.parts()) {
        List<Part> list = partsByBase.computeIfAbsent(p.base(), b -> new ArrayList<>());
        if (!list.contains(p)) list.add(p);
      }
    }
    partsByBase.values().forEach(l -> l.sort(Comparator.naturalOrder()));

    BusinessCalendar calendar = null;
    List<BusinessCalendar.Day> days = null;
    boolean businessMeasures =
        query.kpis().stream()
            .anyMatch(
                k ->
                    k.parts().contains(Part.FRT_SUM)
                        || k.parts().contains(Part.FRT_MEDIAN)
                        || k.parts().contains(Part.FRT_P90)
                        || k.parts().contains(Part.RESOLUTION_SUM)
                        || k.parts().contains(Part.RESOLUTION_MEDIAN));
    if (query.businessHours() != null && businessMeasures) {
      calendar = calendar(query);
      days = calendarDays(calendar, query);
    }
    SqlRenderer renderer =
        window != null
            ? window
            : new SqlRenderer(
                store.dialect(),
                settings,
                query.zone(),
                query.from(),
                query.to(),
                query.filters(),
                calendar,
                days);

    // A window's instants and business-time measures are the scan's alone.
    final BusinessCalendar measuredIn = calendar;
    java.util.function.Predicate<Base> plain =
        b -> window == null && (measuredIn == null || (b != Base.CONTACTS && b != Base.CASES));
    List<Dimension> dims = query.groupBy();
    PartValues overall = new PartValues();
    Map<List<String>, PartValues> groups = new HashMap<>();
    Set<Base> grouped = java.util.EnumSet.noneOf(Base.class);
    for (Map.Entry<Base, List<Part>> e : partsByBase.entrySet()) {
      Base base = e.getKey();
      List<Part> parts = e.getValue();
      if (!query.filters().stream().allMatch(f -> base.filters(f.dimension()))) continue;
      boolean groupable = !dims.isEmpty() && dims.stream().allMatch(base::groups);
      if (!groupable) {
        readParts(
            paths,
            renderer,
            plain.test(base),
            query,
            base,
            parts,
            List.of(),
            true,
            overall,
            groups);
        continue;
      }
      grouped.add(base);
      boolean splitsRows =
          (base == Base.CUSTOMERS || base == Base.BACKLOG)
              && dims.stream().anyMatch(d -> d.kind() == Dimension.Kind.TIME);
      if (splitsRows) {
        // A customer is counted in every bucket: the overall row is a query of its own.
        readParts(
            paths,
            renderer,
            plain.test(base),
            query,
            base,
            parts,
            List.of(),
            true,
            overall,
            groups);
        readParts(
            paths, renderer, plain.test(base), query, base, parts, dims, false, overall, groups);
      } else {
        readParts(
            paths, renderer, plain.test(base), query, base, parts, dims, true, overall, groups);
      }
      // A base that ran but found nothing for a group still counts zero there.
      for (Part p : parts) {
        if (!overall.has(p)) overall.put(p, null);
      }
    }
    for (Map.Entry<Base, List<Part>> e : partsByBase.entrySet()) {
      if (!grouped.contains(e.getKey())) continue;
      for (PartValues g : groups.values()) {
        for (Part p : e.getValue()) {
          if (!g.has(p)) g.put(p, null);
        }
      }
    }
    for (Map.Entry<Base, List<Part>> e : partsByBase.entrySet()) {
      if (!query.filters().stream().allMatch(f -> e.getKey().filters(f.dimension()))) continue;
      for (Part p : e.getValue()) {
        if (!overall.has(p)) overall.put(p, null);
      }
    }

    if (groups.size() > settings.limits().maxRows()) {
      throw tooManyRows(String.format(java.util.Locale.ROOT, "%,d groups", groups.size()));
    }
    // A time series shows every bucket of the period, those without data too.
    if (dims.size() == 1 && dims.get(0).kind() == Dimension.Kind.TIME && !grouped.isEmpty()) {
      for (TimeBucket b :
          TimeBucket.of(dims.get(0).timeUnit(), query.from(), query.to(), query.zone())) {
        PartValues g = groups.computeIfAbsent(List.of(b.label()), k -> new PartValues());
        for (Map.Entry<Base, List<Part>> e : partsByBase.entrySet()) {
          if (!grouped.contains(e.getKey())) continue;
          for (Part p : e.getValue()) {
            if (!g.has(p)) g.put(p, null);
          }
        }
      }
    }

    List<KpiResult.Row> rows = new ArrayList<>();
    rows.add(row(query, Map.of(), overall, null));
    List<List<String>> keys = new ArrayList<>(groups.keySet());
    keys.sort(KpiEngine::compareKeys);
    for (List<String> key : keys) {
      Map<String, String> group = new LinkedHashMap<>();
      for (int i = 0; i < dims.size(); i++) {
        group.put(dims.get(i).name(), key.get(i));
      }
      rows.add(row(query, group, groups.get(key), grouped));
    }
    return rows;
  }

  private KpiResult.Row row(
      KpiQuery query, Map<String, String> group, PartValues parts, Set<Base> grouped) {
    LinkedHashMap<Kpi, Number> values = new LinkedHashMap<>();
    for (Kpi kpi : query.kpis()) {
      boolean available = grouped == null || grouped.containsAll(kpi.bases());
      values.put(kpi, available ? kpi.compute(parts, settings) : null);
    }
    return new KpiResult.Row(Collections.unmodifiableMap(group), values);
  }

  private static void read(
      List<Object[]> result,
      int dimCount,
      List<Part> parts,
      List<Dimension> dims,
      PartValues overall,
      Map<List<String>, PartValues> groups) {
    for (Object[] r : result) {
      boolean isOverall = ((Number) r[dimCount]).longValue() != 0;
      PartValues target;
      if (isOverall) {
        target = overall;
      } else {
        List<String> key = new ArrayList<>(dimCount);
        for (int i = 0; i < dimCount; i++) {
          key.add(label(dims.get(i), r[i]));
        }
        target = groups.computeIfAbsent(key, k -> new PartValues());
      }
      for (int i = 0; i < parts.size(); i++) {
        Object v = r[dimCount + 1 + i];
        target.put(parts.get(i), v == null ? null : ((Number) v).doubleValue());
      }
    }
  }

  private static String label(Dimension d, Object value) {
    if (value == null) return null;
    if (d.kind() == Dimension.Kind.TIME) {
      long seconds = Math.round(((Number) value).doubleValue());
      return TimeBucket.label(
          d.timeUnit(), LocalDateTime.ofEpochSecond(seconds, 0, ZoneOffset.UTC));
    }
    return value.toString();
  }

  private static int compareKeys(List<String> a, List<String> b) {
    for (int i = 0; i < a.size(); i++) {
      String x = a.get(i);
      String y = b.get(i);
      if (x == null && y == null) continue;
      if (x == null) return 1;
      if (y == null) return -1;
      int c = x.compareTo(y);
      if (c != 0) return c;
    }
    return 0;
  }

  /**
   * The calendar's days from the day before the period to the last instant any measured span can
   * end.
   */
  private List<BusinessCalendar.Day> calendarDays(BusinessCalendar calendar, KpiQuery query) {
    Object[] r =
        store
            .query(
                "SELECT MAX(first_response_at), MAX(answered_at), MAX(resolved_at), MAX(arrived_at)"
                    + " FROM contacts WHERE arrived_at >= CAST('"
                    + query.start()
                    + "' AS TIMESTAMP WITH TIME ZONE)")
            .get(0);
    Instant last = query.end();
    for (Object o : r) {
      if (o instanceof Instant i && i.isAfter(last)) last = i;
    }
    ZoneId z = calendar.zone();
    LocalDate first = LocalDate.ofInstant(query.start(), z).minusDays(1);
    LocalDate lastDay = LocalDate.ofInstant(last, z).plusDays(1);
    if (lastDay.isAfter(first.plusDays(MAX_CALENDAR_DAYS)))
      lastDay = first.plusDays(MAX_CALENDAR_DAYS);
    return calendar.days(first, lastDay);
  }

  /**
   * Pairs each row with the previous period's row of the same group (time buckets: one period
   * earlier).
   */
  private static List<KpiResult.Row> withPrevious(
      KpiQuery query, List<KpiResult.Row> rows, List<KpiResult.Row> previous) {
    Map<Map<String, String>, KpiResult.Row> byGroup = new HashMap<>();
    for (KpiResult.Row p : previous) {
      byGroup.put(p.group(), p);
    }
    long days = query.days();
    List<KpiResult.Row> out = new ArrayList<>();
    for (KpiResult.Row row : rows) {
      Map<String, String> key = new LinkedHashMap<>();
      for (Map.Entry<String, String> g : row.group().entrySet()) {
        Dimension d = Dimension.of(g.getKey());
        String v = g.getValue();
        if (d.kind() == Dimension.Kind.TIME && v != null) {
          v = TimeBucket.labelOf(d.timeUnit(), TimeBucket.parse(d.timeUnit(), v).minusDays(days));
        }
        key.put(g.getKey(), v);
      }
      KpiResult.Row p = byGroup.get(key);
      LinkedHashMap<Kpi, Number> prev = new LinkedHashMap<>();
      for (Kpi k : query.kpis()) {
        // A group absent from the previous period had no contacts there.
        prev.put(k, p != null ? p.values().get(k) : k == Kpi.CONTACTS ? (Number) 0L : null);
      }
      out.add(new KpiResult.Row(row.group(), row.values(), prev));
    }
    return out;
  }

  /** The KPIs the query asks for, as an ordered set (for faces that list them). */
  public static Set<Kpi> asked(KpiQuery query) {
    return new LinkedHashSet<>(query.kpis());
  }
}
