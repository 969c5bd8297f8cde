package io.yardstick.kpi.reference;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The KPI catalog computed a second time, in plain Java, straight from the written definitions
 * (issue 3's table and docs/notes/kpi-engine-contract.md), over records parsed from the canonical
 * CSV files with java.time. It shares no code with the engine or the stores: no SQL, no importer.
 * Readability over speed: every KPI is a direct transcription of its sentence, over lists of
 * records.
 *
 * <p>Supported: a period (local dates, both inclusive, in a zone), group-by on contact fields
 * (channel, direction, queue, topic, team, agent), customer attributes and the time bucket {@code
 * day}; filters {@code DIM=V[,V...]} and {@code ATTR=LOW..HIGH}.
 */
public final class KpiReference {
  /** Every KPI id of the catalog, in catalog order. */
  public static final List<String> KPIS =
      List.of(
          "contacts",
          "abandonment_rate",
          "service_level",
          "asa",
          "wait_over_limit",
          "aht",
          "talk_time_avg",
          "written_handle_time_avg",
          "written_contacts_per_hour",
          "frt_avg",
          "frt_median",
          "frt_p90",
          "email_response_24h",
          "conversion_rate",
          "revenue",
          "resolution_rate",
          "fcr",
          "contacts_per_resolution",
          "resolution_time_avg",
          "resolution_time_median",
          "csat",
          "esat",
          "nps",
          "ces",
          "occupancy",
          "idle_time_avg",
          "contacts_per_hour",
          "absence_rate",
          "cost_per_contact",
          "cost_per_resolution",
          "retention_rate");

  static final Set<String> CONTACT_FIELDS =
      Set.of("channel", "direction", "queue", "topic", "team", "agent");
  static final String DAY = "day";
  static final double EMAIL_RESPONSE_SECONDS = 86_400;

  /** The thresholds of the definitions (the defaults: 5 s, 20 s, 180 s). */
  public record Settings(
      double shortAbandonSeconds, double serviceLevelSeconds, double waitLimitSeconds) {}

  /**
   * DIM=V[,V...] (any of the values) or ATTR=LOW..HIGH (a numeric range, both ends inclusive,
   * either end open).
   */
  public record Filter(String dimension, Set<String> values, Double low, Double high) {
    public static Filter parse(String text) {
      int eq = text.indexOf('=');
      String dim = text.substring(0, eq).strip().toLowerCase(Locale.ROOT);
      String rest = text.substring(eq + 1).strip();
      int dots = rest.indexOf("..");
      if (dots >= 0 && !CONTACT_FIELDS.contains(dim)) {
        String lo = rest.substring(0, dots).strip();
        String hi = rest.substring(dots + 2).strip();
        return new Filter(
            dim,
            Set.of(),
            lo.isEmpty() ? null : Double.valueOf(lo),
            hi.isEmpty() ? null : Double.valueOf(hi));
      }
      Set<String> values = new LinkedHashSet<>();
      for (String v : rest.split(",")) {
        String s = v.strip();
        if (dim.equals("channel") || dim.equals("direction")) s = s.toLowerCase(Locale.ROOT);
        if (!s.isEmpty()) values.add(s);
      }
      return new Filter(dim, values, null, null);
    }

    boolean isRange() {
      return values.isEmpty();
    }

    boolean matches(String value) {
      if (value == null) return false;
      if (!isRange()) return values.contains(value);
      Double n = number(value);
      return n != null && (low == null || n >= low) && (high == null || n <= high);
    }
  }

  /**
   * A question: local dates from..to (both inclusive) in a zone, grouped by dimensions, filtered.
   */
  public record Query(
      LocalDate from, LocalDate to, ZoneId zone, List<String> groupBy, List<Filter> filters) {
    public Query(LocalDate from, LocalDate to, ZoneId zone) {
      this(from, to, zone, List.of(), List.of());
    }

    public Query withGroupBy(String... dims) {
      return new Query(from, to, zone, List.of(dims), filters);
    }

    public Query withFilters(String... texts) {
      return new Query(from, to, zone, groupBy, Arrays.stream(texts).map(Filter::parse).toList());
    }
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Records, as parsed from the CSV files

  record Contact(
      String id,
      String caseId,
      String channel,
      String direction,
      String queue,
      String topic,
      String customerId,
      String agentId,
      String team,
      Instant arrived,
      Instant answered,
      Instant firstResponse,
      Instant abandoned,
      Instant resolvedAt,
      Double talk,
      Double hold,
      Double wrap,
      Boolean resolvedFlag,
      Boolean converted,
      BigDecimal revenue) {

    boolean inbound() {
      return direction.equals("inbound");
    }

    /** Answered = answered_at set. */
    boolean isAnswered() {
      return answered != null;
    }

    /** Abandoned = abandoned_at set and answered_at empty. */
    boolean isAbandoned() {
      return abandoned != null && answered == null;
    }

    /** Wait: answered_at - arrived_at when answered; abandoned_at - arrived_at when abandoned. */
    double waitSeconds() {
      return isAnswered() ? seconds(arrived, answered) : seconds(arrived, abandoned);
    }

    /** resolved = true, or resolved empty and resolved_at set. */
    boolean isResolved() {
      return resolvedFlag != null ? resolvedFlag : resolvedAt != null;
    }

    /** The first response: first_response_at, else answered_at; null when neither. */
    Instant firstResponseAt() {
      return firstResponse != null ? firstResponse : answered;
    }
  }

  record Survey(
      String id,
      String kind,
      int score,
      Instant submitted,
      String contactId,
      String customerId,
      String agentId) {}

  record AgentState(String agentId, String state, Instant started, Instant ended) {}

  record Customer(String id, LocalDate since, LocalDate churned, Map<String, String> attributes) {
    /** Active on day d: since <= d and (no churned_at or churned_at > d). */
    boolean activeOn(LocalDate d) {
      return !since.isAfter(d) && (churned == null || churned.isAfter(d));
    }
  }

  record Cost(LocalDate start, LocalDate end, BigDecimal amount) {}

  /** A case: its contacts (all of them, whenever they arrived) and its first contact. */
  record Case(String key, List<Contact> contacts, Contact first) {
    boolean isResolved() {
      return contacts.stream().anyMatch(Contact::isResolved);
    }
  }

  private final Settings settings;
  private final Map<String, Contact> contacts = new LinkedHashMap<>();
  private final List<Case> cases = new ArrayList<>();
  private final List<Survey> surveys = new ArrayList<>();
  private final List<AgentState> states = new ArrayList<>();
  private final Map<String, Customer> customers = new LinkedHashMap<>();
  private final List<Cost> costs = new ArrayList<>();

  /** Reads contacts.csv, surveys.csv, agent_states.csv, customers.csv and costs.csv from dir. */
  public KpiReference(Path dir, Settings settings) {
    this.settings = settings;
    for (Map<String, String> r : readCsv(dir.resolve("contacts.csv"))) {
      Contact c =
          new Contact(
              r.get("contact_id"),
              r.get("case_id"),
              lower(r.get("channel")),
              r.get("direction") == null ? "inbound" : lower(r.get("direction")),
              r.get("queue"),
              r.get("topic"),
              r.get("customer_id"),
              r.get("agent_id"),
              r.get("team"),
              instant(r.get("arrived_at")),
              instant(r.get("answered_at")),
              instant(r.get("first_response_at")),
              instant(r.get("abandoned_at")),
              instant(r.get("resolved_at")),
              dbl(r.get("talk_s")),
              dbl(r.get("hold_s")),
              dbl(r.get("wrap_s")),
              bool(r.get("resolved")),
              bool(r.get("converted")),
              r.get("revenue") == null ? null : new BigDecimal(r.get("revenue")));
      contacts.put(c.id(), c);
    }
    // Cases: key = case_id when set, else the contact alone; first contact = earliest arrival,
    // ties: smallest id.
    Map<String, List<Contact>> byCase = new LinkedHashMap<>();
    for (Contact c : contacts.values()) {
      String key = c.caseId() != null ? "case " + c.caseId() : "contact " + c.id();
      byCase.computeIfAbsent(key, k -> new ArrayList<>()).add(c);
    }
    for (Map.Entry<String, List<Contact>> e : byCase.entrySet()) {
      Contact first =
          e.getValue().stream()
              .min(Comparator.comparing(Contact::arrived).thenComparing(Contact::id))
              .orElseThrow();
      cases.add(new Case(e.getKey(), e.getValue(), first));
    }
    for (Map<String, String> r : readCsv(dir.resolve("surveys.csv"))) {
      surveys.add(
          new Survey(
              r.get("survey_id"),
              lower(r.get("kind")),
              Integer.parseInt(r.get("score")),
              instant(r.get("submitted_at")),
              r.get("contact_id"),
              r.get("customer_id"),
              r.get("agent_id")));
    }
    for (Map<String, String> r : readCsv(dir.resolve("agent_states.csv"))) {
      states.add(
          new AgentState(
              r.get("agent_id"),
              lower(r.get("state")),
              instant(r.get("started_at")),
              instant(r.get("ended_at"))));
    }
    for (Map<String, String> r : readCsv(dir.resolve("customers.csv"))) {
      Map<String, String> attributes = new HashMap<>();
      for (Map.Entry<String, String> e : r.entrySet()) {
        if (!Set.of("customer_id", "since", "churned_at").contains(e.getKey())
            && e.getValue() != null) {
          attributes.put(e.getKey(), e.getValue());
        }
      }
      customers.put(
          r.get("customer_id"),
          new Customer(
              r.get("customer_id"),
              LocalDate.parse(r.get("since")),
              r.get("churned_at") == null ? null : LocalDate.parse(r.get("churned_at")),
              attributes));
    }
    for (Map<String, String> r : readCsv(dir.resolve("costs.csv"))) {
      costs.add(
          new Cost(
              LocalDate.parse(r.get("period_start")),
              LocalDate.parse(r.get("period_end")),
              new BigDecimal(r.get("amount"))));
    }
  }

  public int contactCount() {
    return contacts.size();
  }

  // ---------------------------------------------------------------------------------------------------------------
  // The computation

  /** What one row aggregates: the records of its group. */
  private static final class Slice {
    final List<Contact> contacts = new ArrayList<>();
    final List<Case> cases = new ArrayList<>();
    final List<Survey> surveys = new ArrayList<>();
    double available;
    double busy;
    double wrap;
    double breakTime;
    Double cost; // null: no cost overlaps
    int retentionStart; // S: customers active at the start
    int retentionKept; // of those, still active at the end
  }

  /**
   * The rows of the answer: the overall row first (key: the empty list), then one row per group
   * (key: the group's values in group-by order, a value may be null). Each maps KPI id to a Long
   * (contacts) or a Double, or null.
   */
  public Map<List<String>, Map<String, Number>> compute(Query q) {
    ZoneId zone = q.zone();
    Instant start = q.from().atStartOfDay(zone).toInstant();
    Instant end = q.to().plusDays(1).atStartOfDay(zone).toInstant();
    List<String> groupBy = q.groupBy();
    List<Filter> filters = q.filters();

    // Which bases can take the query's filters (else null everywhere) and group-by (else null in
    // the group rows,
    // still computed in the overall row): contract 5-8.
    boolean statesTakeFilters =
        filters.stream().allMatch(f -> Set.of("agent", "team").contains(f.dimension()));
    boolean costsTakeFilters = filters.isEmpty();
    boolean retentionTakesFilters = filters.stream().allMatch(f -> isAttribute(f.dimension()));
    boolean statesApply =
        statesTakeFilters
            && groupBy.stream().allMatch(d -> Set.of("agent", "team", DAY).contains(d));
    boolean costsApply = costsTakeFilters && groupBy.stream().allMatch(DAY::equals);
    boolean retentionApply =
        retentionTakesFilters && groupBy.stream().allMatch(d -> isAttribute(d) || d.equals(DAY));

    Slice overall = new Slice();
    Map<List<String>, Slice> groups = new HashMap<>();
    Function<List<String>, Slice> group = key -> groups.computeIfAbsent(key, k -> new Slice());

    // Contacts: in the period by arrived_at.
    List<Contact> periodContacts = new ArrayList<>();
    for (Contact c : contacts.values()) {
      if (in(c.arrived(), start, end) && passes(filters, d -> contactDim(c, d, zone))) {
        periodContacts.add(c);
        overall.contacts.add(c);
        if (!groupBy.isEmpty())
          group.apply(key(groupBy, d -> contactDim(c, d, zone))).contacts.add(c);
      }
    }
    // Cases: in the period when the first contact is; dimensions and filters of the first contact.
    for (Case k : cases) {
      if (in(k.first().arrived(), start, end)
          && passes(filters, d -> contactDim(k.first(), d, zone))) {
        overall.cases.add(k);
        if (!groupBy.isEmpty())
          group.apply(key(groupBy, d -> contactDim(k.first(), d, zone))).cases.add(k);
      }
    }
    // Surveys: in the period by submitted_at; the contact's dimensions when the contact is in the
    // store.
    for (Survey s : surveys) {
      if (in(s.submitted(), start, end) && passes(filters, d -> surveyDim(s, d, zone))) {
        overall.surveys.add(s);
        if (!groupBy.isEmpty())
          group.apply(key(groupBy, d -> surveyDim(s, d, zone))).surveys.add(s);
      }
    }
    // Agent states: time clipped to the period (and to each day when grouped by day).
    if (statesTakeFilters) {
      for (AgentState st : states) {
        Function<String, String> dims =
            d -> d.equals("agent") ? st.agentId() : teamOf(st.agentId(), start, end);
        if (!passes(filters, dims)) continue;
        addStateTime(overall, st, start, end);
        if (groupBy.isEmpty() || !statesApply) continue;
        if (groupBy.contains(DAY)) {
          for (LocalDate d = q.from(); !d.isAfter(q.to()); d = d.plusDays(1)) {
            Instant dayStart = d.atStartOfDay(zone).toInstant();
            Instant dayEnd = d.plusDays(1).atStartOfDay(zone).toInstant();
            if (overlapSeconds(st.started(), st.ended(), dayStart, dayEnd) > 0) {
              LocalDate day = d;
              addStateTime(
                  group.apply(key(groupBy, x -> x.equals(DAY) ? day.toString() : dims.apply(x))),
                  st,
                  dayStart,
                  dayEnd);
            }
          }
        } else if (overlapSeconds(st.started(), st.ended(), start, end) > 0) {
          addStateTime(group.apply(key(groupBy, dims)), st, start, end);
        }
      }
    }
    // Costs: prorated by whole local days of overlap.
    if (costsTakeFilters) {
      overall.cost = cost(q.from(), q.to());
      if (costsApply && groupBy.contains(DAY)) {
        for (LocalDate d = q.from(); !d.isAfter(q.to()); d = d.plusDays(1)) {
          Double c = cost(d, d);
          if (c != null) group.apply(List.of(d.toString())).cost = c;
        }
      }
    }
    // Retention: customers active at the start (the day before from) and at the end (to).
    if (retentionTakesFilters) {
      for (Customer c : customers.values()) {
        if (!passes(filters, d -> c.attributes().get(d))) continue;
        countRetention(overall, c, q.from().minusDays(1), q.to());
        if (groupBy.isEmpty() || !retentionApply) continue;
        if (groupBy.contains(DAY)) {
          for (LocalDate d = q.from(); !d.isAfter(q.to()); d = d.plusDays(1)) {
            LocalDate day = d;
            if (c.activeOn(day.minusDays(1))) {
              countRetention(
                  group.apply(
                      key(groupBy, x -> x.equals(DAY) ? day.toString() : c.attributes().get(x))),
                  c,
                  day.minusDays(1),
                  day);
            }
          }
        } else if (c.activeOn(q.from().minusDays(1))) {
          countRetention(
              group.apply(key(groupBy, x -> c.attributes().get(x))),
              c,
              q.from().minusDays(1),
              q.to());
        }
      }
    }

    Map<List<String>, Map<String, Number>> rows = new LinkedHashMap<>();
    rows.put(List.of(), kpis(overall, statesTakeFilters, costsTakeFilters, retentionTakesFilters));
    List<List<String>> keys = new ArrayList<>(groups.keySet());
    keys.sort(KpiReference::compareKeys);
    for (List<String> key : keys) {
      rows.put(key, kpis(groups.get(key), statesApply, costsApply, retentionApply));
    }
    return rows;
  }

  /** Every KPI of one row, from its definition. */
  private Map<String, Number> kpis(
      Slice s, boolean statesApply, boolean costsApply, boolean retentionApply) {
    Map<String, Number> v = new LinkedHashMap<>();
    List<Contact> inbound = s.contacts.stream().filter(Contact::inbound).toList();
    List<Contact> answeredInbound = inbound.stream().filter(Contact::isAnswered).toList();
    List<Contact> abandonedInbound = inbound.stream().filter(Contact::isAbandoned).toList();
    List<Contact> notShortAbandons =
        abandonedInbound.stream()
            .filter(c -> c.waitSeconds() >= settings.shortAbandonSeconds())
            .toList();
    List<Contact> answered = s.contacts.stream().filter(Contact::isAnswered).toList();

    // contacts: contacts in the period, all directions.
    v.put("contacts", (long) s.contacts.size());
    // abandonment_rate: not-short abandons / (answered inbound + not-short abandons) x 100.
    v.put(
        "abandonment_rate",
        percent(notShortAbandons.size(), answeredInbound.size() + notShortAbandons.size()));
    // service_level: answered inbound with wait <= T / (answered inbound + not-short abandons) x
    // 100.
    long withinTarget =
        answeredInbound.stream()
            .filter(c -> c.waitSeconds() <= settings.serviceLevelSeconds())
            .count();
    v.put("service_level", percent(withinTarget, answeredInbound.size() + notShortAbandons.size()));
    // asa: mean wait of answered inbound contacts.
    v.put("asa", mean(answeredInbound.stream().map(Contact::waitSeconds).toList()));
    // wait_over_limit: of answered inbound + not-short abandons, those with wait > L, x 100.
    List<Contact> offered = new ArrayList<>(answeredInbound);
    offered.addAll(notShortAbandons);
    long overLimit =
        offered.stream().filter(c -> c.waitSeconds() > settings.waitLimitSeconds()).count();
    v.put("wait_over_limit", percent(overLimit, offered.size()));
    // aht: mean of talk + hold + wrap (missing parts 0) over contacts with answered_at.
    v.put(
        "aht",
        mean(
            answered.stream().map(c -> zero(c.talk()) + zero(c.hold()) + zero(c.wrap())).toList()));
    // talk_time_avg: mean of talk + hold over contacts with answered_at.
    v.put(
        "talk_time_avg",
        mean(answered.stream().map(c -> zero(c.talk()) + zero(c.hold())).toList()));
    // written_handle_time_avg: mean of talk + hold + wrap over contacts with first_response_at and
    // without answered_at.
    List<Contact> written =
        s.contacts.stream().filter(c -> c.firstResponse() != null && !c.isAnswered()).toList();
    v.put(
        "written_handle_time_avg",
        mean(written.stream().map(c -> zero(c.talk()) + zero(c.hold()) + zero(c.wrap())).toList()));
    // frt: inbound contacts with a first response (first_response_at, else answered_at), from
    // arrived_at.
    List<Double> frt =
        inbound.stream()
            .filter(c -> c.firstResponseAt() != null)
            .map(c -> seconds(c.arrived(), c.firstResponseAt()))
            .toList();
    v.put("frt_avg", mean(frt));
    v.put("frt_median", percentile(frt, 0.5));
    v.put("frt_p90", percentile(frt, 0.9));
    // email_response_24h: inbound email contacts first responded within 24 h / inbound email
    // contacts x 100.
    List<Contact> inboundEmail = inbound.stream().filter(c -> c.channel().equals("email")).toList();
    long within24h =
        inboundEmail.stream()
            .filter(
                c ->
                    c.firstResponseAt() != null
                        && seconds(c.arrived(), c.firstResponseAt()) <= EMAIL_RESPONSE_SECONDS)
            .count();
    v.put("email_response_24h", percent(within24h, inboundEmail.size()));
    // conversion_rate: contacts with converted = true / contacts x 100.
    long converted = s.contacts.stream().filter(c -> Boolean.TRUE.equals(c.converted())).count();
    v.put("conversion_rate", percent(converted, s.contacts.size()));
    // revenue: sum of revenue; null when no contact has one.
    List<BigDecimal> revenues =
        s.contacts.stream().map(Contact::revenue).filter(r -> r != null).toList();
    v.put(
        "revenue",
        revenues.isEmpty()
            ? null
            : revenues.stream().reduce(BigDecimal.ZERO, BigDecimal::add).doubleValue());

    // Cases.
    List<Case> resolved = s.cases.stream().filter(Case::isResolved).toList();
    v.put("resolution_rate", percent(resolved.size(), s.cases.size()));
    // fcr: resolved cases with exactly one inbound contact / resolved cases x 100.
    long firstContact =
        resolved.stream()
            .filter(k -> k.contacts().stream().filter(Contact::inbound).count() == 1)
            .count();
    v.put("fcr", percent(firstContact, resolved.size()));
    // contacts_per_resolution: contacts of resolved cases / resolved cases.
    long contactsOfResolved = resolved.stream().mapToLong(k -> k.contacts().size()).sum();
    v.put(
        "contacts_per_resolution",
        resolved.isEmpty() ? null : (double) contactsOfResolved / resolved.size());
    // resolution time: resolved cases with a resolved_at: latest resolved_at - first contact's
    // arrived_at.
    List<Double> resolutionTimes = new ArrayList<>();
    for (Case k : resolved) {
      Instant latest =
          k.contacts().stream()
              .map(Contact::resolvedAt)
              .filter(t -> t != null)
              .max(Comparator.naturalOrder())
              .orElse(null);
      if (latest != null) resolutionTimes.add(seconds(k.first().arrived(), latest));
    }
    v.put("resolution_time_avg", mean(resolutionTimes));
    v.put("resolution_time_median", percentile(resolutionTimes, 0.5));

    // Surveys.
    List<Integer> csat = scores(s.surveys, "csat");
    List<Integer> esat = scores(s.surveys, "esat");
    List<Integer> nps = scores(s.surveys, "nps");
    List<Integer> ces = scores(s.surveys, "ces");
    v.put("csat", percent(csat.stream().filter(x -> x >= 4).count(), csat.size()));
    v.put("esat", percent(esat.stream().filter(x -> x >= 4).count(), esat.size()));
    Double promoters = percent(nps.stream().filter(x -> x >= 9).count(), nps.size());
    Double detractors = percent(nps.stream().filter(x -> x <= 6).count(), nps.size());
    v.put("nps", promoters == null ? null : promoters - detractors);
    v.put("ces", mean(ces.stream().map(Integer::doubleValue).toList()));

    // Agent time.
    double loggedIn = s.available + s.busy + s.wrap;
    if (statesApply) {
      v.put("occupancy", percent(s.busy + s.wrap, loggedIn));
      v.put("idle_time_avg", answered.isEmpty() ? null : s.available / answered.size());
      v.put("contacts_per_hour", loggedIn == 0 ? null : answered.size() / (loggedIn / 3600));
      // written_contacts_per_hour: written contacts (as above) per logged-in hour.
      v.put("written_contacts_per_hour", loggedIn == 0 ? null : written.size() / (loggedIn / 3600));
      v.put("absence_rate", percent(s.breakTime, loggedIn + s.breakTime));
    } else {
      v.put("occupancy", null);
      v.put("idle_time_avg", null);
      v.put("contacts_per_hour", null);
      v.put("written_contacts_per_hour", null);
      v.put("absence_rate", null);
    }

    // Costs.
    if (costsApply && s.cost != null) {
      v.put("cost_per_contact", s.contacts.isEmpty() ? null : s.cost / s.contacts.size());
      v.put("cost_per_resolution", resolved.isEmpty() ? null : s.cost / resolved.size());
    } else {
      v.put("cost_per_contact", null);
      v.put("cost_per_resolution", null);
    }

    // Retention.
    v.put("retention_rate", retentionApply ? percent(s.retentionKept, s.retentionStart) : null);
    return v;
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Dimensions

  private static boolean isAttribute(String dim) {
    return !CONTACT_FIELDS.contains(dim) && !dim.equals(DAY);
  }

  private String contactDim(Contact c, String dim, ZoneId zone) {
    return switch (dim) {
      case "channel" -> c.channel();
      case "direction" -> c.direction();
      case "queue" -> c.queue();
      case "topic" -> c.topic();
      case "team" -> c.team();
      case "agent" -> c.agentId();
      case DAY -> LocalDate.ofInstant(c.arrived(), zone).toString();
      default -> attribute(c.customerId(), dim);
    };
  }

  /** The contact's dimensions when its contact is in the store, else its own agent and customer. */
  private String surveyDim(Survey s, String dim, ZoneId zone) {
    if (dim.equals(DAY)) return LocalDate.ofInstant(s.submitted(), zone).toString();
    Contact c = s.contactId() == null ? null : contacts.get(s.contactId());
    if (c != null) return contactDim(c, dim, zone);
    if (dim.equals("agent")) return s.agentId();
    if (CONTACT_FIELDS.contains(dim)) return null;
    return attribute(s.customerId(), dim);
  }

  private String attribute(String customerId, String name) {
    Customer c = customerId == null ? null : customers.get(customerId);
    return c == null ? null : c.attributes().get(name);
  }

  /**
   * The team of the agent's latest contact in the period that has a team (by arrived_at, then
   * contact_id).
   */
  private String teamOf(String agentId, Instant start, Instant end) {
    return contacts.values().stream()
        .filter(c -> agentId.equals(c.agentId()) && c.team() != null && in(c.arrived(), start, end))
        .max(Comparator.comparing(Contact::arrived).thenComparing(Contact::id))
        .map(Contact::team)
        .orElse(null);
  }

  private static boolean passes(List<Filter> filters, Function<String, String> dims) {
    return filters.stream().allMatch(f -> f.matches(dims.apply(f.dimension())));
  }

  private static List<String> key(List<String> groupBy, Function<String, String> dims) {
    List<String> key = new ArrayList<>();
    for (String d : groupBy) key.add(dims.apply(d));
    return Collections.unmodifiableList(key);
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

  // ---------------------------------------------------------------------------------------------------------------
  // Agent time, costs, retention

  private static void addStateTime(Slice s, AgentState st, Instant from, Instant to) {
    double t = overlapSeconds(st.started(), st.ended(), from, to);
    switch (st.state()) {
      case "available" -> s.available += t;
      case "busy" -> s.busy += t;
      case "wrap" -> s.wrap += t;
      case "break" -> s.breakTime += t;
      default -> {} // offline counts nowhere
    }
  }

  private static double overlapSeconds(Instant a, Instant b, Instant from, Instant to) {
    Instant lo = a.isAfter(from) ? a : from;
    Instant hi = b.isBefore(to) ? b : to;
    return hi.isAfter(lo) ? seconds(lo, hi) : 0;
  }

  /**
   * The costs of the local days from..to: each cost's amount x days of overlap / days of its own
   * period.
   */
  private Double cost(LocalDate from, LocalDate to) {
    Double total = null;
    for (Cost c : costs) {
      LocalDate lo = c.start().isAfter(from) ? c.start() : from;
      LocalDate hi = c.end().isBefore(to) ? c.end() : to;
      if (hi.isBefore(lo)) continue;
      long overlapDays = ChronoUnit.DAYS.between(lo, hi) + 1;
      long costDays = ChronoUnit.DAYS.between(c.start(), c.end()) + 1;
      double share = c.amount().doubleValue() * overlapDays / costDays;
      total = total == null ? share : total + share;
    }
    return total;
  }

  private static void countRetention(Slice s, Customer c, LocalDate startDay, LocalDate endDay) {
    if (c.activeOn(startDay)) {
      s.retentionStart++;
      if (c.activeOn(endDay)) s.retentionKept++;
    }
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Arithmetic

  private static List<Integer> scores(List<Survey> surveys, String kind) {
    return surveys.stream().filter(x -> x.kind().equals(kind)).map(Survey::score).toList();
  }

  private static Double percent(double part, double whole) {
    return whole == 0 ? null : part / whole * 100;
  }

  private static Double mean(List<Double> values) {
    if (values.isEmpty()) return null;
    double sum = 0;
    for (double x : values) sum += x;
    return sum / values.size();
  }

  /**
   * Linear interpolation between closest ranks, like percentile_cont: position p x (n - 1) in the
   * sorted values.
   */
  static Double percentile(List<Double> values, double p) {
    if (values.isEmpty()) return null;
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    double position = p * (sorted.size() - 1);
    int lower = (int) Math.floor(position);
    int upper = (int) Math.ceil(position);
    return sorted.get(lower) + (position - lower) * (sorted.get(upper) - sorted.get(lower));
  }

  private static double zero(Double x) {
    return x == null ? 0 : x;
  }

  private static boolean in(Instant t, Instant start, Instant end) {
    return !t.isBefore(start) && t.isBefore(end);
  }

  static double seconds(Instant from, Instant to) {
    Duration d = Duration.between(from, to);
    return d.getSeconds() + d.getNano() / 1e9;
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Parsing

  /** Numbers as customer attributes: a plain decimal such as 30, 30.0 or 49.5. */
  static Double number(String s) {
    String t = s.strip();
    return t.matches("[+-]?[0-9]*\\.?[0-9]+|[+-]?[0-9]+\\.") ? Double.valueOf(t) : null;
  }

  /**
   * ISO-8601 with an offset: Z, +01:00, +0100 or +01; a space for the T; seconds may be left out.
   */
  static Instant instant(String s) {
    if (s == null) return null;
    String t = s.replace(' ', 'T');
    String body;
    String offset;
    if (t.endsWith("Z") || t.endsWith("z")) {
      body = t.substring(0, t.length() - 1);
      offset = "Z";
    } else {
      int i = Math.max(t.lastIndexOf('+'), t.lastIndexOf('-'));
      body = t.substring(0, i);
      offset = t.substring(i);
      if (offset.length() == 3) offset = offset + ":00";
      else if (offset.length() == 5) offset = offset.substring(0, 3) + ":" + offset.substring(3);
    }
    if (body.length() == 16) body = body + ":00";
    return OffsetDateTime.parse(body + offset).toInstant();
  }

  private static Double dbl(String s) {
    return s == null ? null : Double.valueOf(s);
  }

  private static Boolean bool(String s) {
    return s == null ? null : Boolean.valueOf(s.equalsIgnoreCase("true"));
  }

  private static String lower(String s) {
    return s == null ? null : s.toLowerCase(Locale.ROOT);
  }

  /**
   * RFC 4180 CSV: the rows as maps from lowercase column name to trimmed value; empty values are
   * left out (null).
   */
  static List<Map<String, String>> readCsv(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<List<String>> records = new ArrayList<>();
    List<String> record = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < text.length(); i++) {
      char ch = text.charAt(i);
      if (quoted) {
        if (ch == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
          field.append('"');
          i++;
        } else if (ch == '"') {
          quoted = false;
        } else {
          field.append(ch);
        }
      } else if (ch == '"') {
        quoted = true;
      } else if (ch == ',') {
        record.add(field.toString());
        field.setLength(0);
      } else if (ch == '\n' || ch == '\r') {
        if (ch == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') i++;
        record.add(field.toString());
        field.setLength(0);
        if (!(record.size() == 1 && record.get(0).isBlank())) records.add(record);
        record = new ArrayList<>();
      } else {
        field.append(ch);
      }
    }
    if (field.length() > 0 || !record.isEmpty()) {
      record.add(field.toString());
      records.add(record);
    }
    List<String> header =
        records.get(0).stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).toList();
    List<Map<String, String>> rows = new ArrayList<>();
    for (List<String> r : records.subList(1, records.size())) {
      Map<String, String> row = new TreeMap<>();
      for (int i = 0; i < header.size(); i++) {
        String value = i < r.size() ? r.get(i).strip() : "";
        row.put(header.get(i), value.isEmpty() ? null : value);
      }
      rows.add(row);
    }
    return rows;
  }
}
