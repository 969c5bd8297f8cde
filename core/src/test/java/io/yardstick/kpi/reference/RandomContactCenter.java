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
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * A seeded, deliberately awkward contact center written as canonical CSV files
 * (docs/data-format.md), for checking the KPI engine against {@link KpiReference}.
 *
 * <p>About seventy days (16 February to 26 April 2026) around the spring daylight-saving changes of
 * Europe/Madrid (29 March) and America/New_York (8 March). Every timestamp is written with a
 * randomly chosen offset (Z, +01:00, +0200, -05, +05:30...) for the same instant, sometimes with a
 * space for the T or without seconds. The data is thick with edges: contacts exactly at, just
 * before and just after local midnights of both zones; waits of exactly 5, 20 and 180 s and a
 * millisecond either side; contacts both answered and abandoned, or neither; first responses of
 * exactly 24 h; cases of 1-4 contacts spanning days (and the period edges), with ties on the first
 * arrival; every combination of resolved (true/false/empty) and resolved_at; surveys without a
 * contact or with a contact that is not in the store; agent states across local midnights and the
 * DST night; customers that join or churn on the period edges; costs spanning the period edges.
 * Rows are shuffled so that file order says nothing about ids or time.
 */
public final class RandomContactCenter {
  public static final ZoneId MADRID = ZoneId.of("Europe/Madrid");
  public static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

  /** The first and last local days (Madrid) with regular activity. */
  public static final LocalDate FIRST_DAY = LocalDate.parse("2026-02-16");

  public static final LocalDate LAST_DAY = LocalDate.parse("2026-04-26");

  /**
   * Local dates whose midnights (in Madrid and in New York) get contacts, states and customers on
   * the edge.
   */
  public static final LocalDate EDGES_FROM = LocalDate.parse("2026-02-28");

  public static final LocalDate EDGES_TO = LocalDate.parse("2026-04-16");

  static final String[] CHANNELS = {"phone", "chat", "email", "social"};
  static final String[] QUEUES = {"billing", "support", "sales", "general"};
  static final String[] TOPICS = {
    "login", "refund", "plan change, upgrade", "delivery \"express\"", "invoice"
  };
  static final String[] TEAMS = {"red", "blue", "green"};
  static final double[] SPECIAL_WAITS = {
    0, 4.999, 5, 5.001, 19.999, 20, 20.001, 179.999, 180, 180.001
  };
  static final double[] SPECIAL_ABANDONS = {
    0, 1, 4.999, 5, 5.001, 19.999, 20, 20.001, 179.999, 180, 180.001, 600
  };
  static final double[] SPECIAL_RESPONSES = {0, 86_399, 86_399.999, 86_400, 86_400.001, 86_401};
  static final ZoneOffset[] OFFSETS = {
    ZoneOffset.UTC,
    ZoneOffset.ofHours(1),
    ZoneOffset.ofHours(2),
    ZoneOffset.ofHours(-5),
    ZoneOffset.ofHours(-4),
    ZoneOffset.ofHoursMinutes(5, 30),
    ZoneOffset.ofHoursMinutes(-3, -30),
    ZoneOffset.ofHours(9),
    ZoneOffset.ofHours(14),
    ZoneOffset.ofHours(-12)
  };

  /** The files written. */
  public record DataFiles(
      Path dir, Path contacts, Path surveys, Path agentStates, Path customers, Path costs) {}

  private final Random rnd;
  private final List<Contact> contacts = new ArrayList<>();
  private int caseSeq;

  private RandomContactCenter(long seed) {
    this.rnd = new Random(seed);
  }

  /** Writes contacts.csv, surveys.csv, agent_states.csv, customers.csv and costs.csv into dir. */
  public static DataFiles write(Path dir, long seed, int approximateContacts) {
    RandomContactCenter g = new RandomContactCenter(seed);
    DataFiles files =
        new DataFiles(
            dir,
            dir.resolve("contacts.csv"),
            dir.resolve("surveys.csv"),
            dir.resolve("agent_states.csv"),
            dir.resolve("customers.csv"),
            dir.resolve("costs.csv"));
    g.generateContacts(approximateContacts);
    write(files.contacts(), g.contactRows());
    write(files.surveys(), g.surveyRows(approximateContacts / 2));
    write(files.agentStates(), g.agentStateRows());
    write(files.customers(), g.customerRows());
    write(files.costs(), g.costRows());
    return files;
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Contacts

  private static final class Contact {
    String id;
    String caseId;
    String channel;
    String direction; // as written: inbound, outbound, Inbound, OUTBOUND or "" (inbound)
    boolean inbound;
    String queue;
    String topic;
    String customerId;
    String agentId;
    String team;
    Instant arrived;
    Instant answered;
    Instant firstResponse;
    Instant abandoned;
    Instant resolvedAt;
    String talk;
    String hold;
    String wrap;
    String resolved;
    String converted;
    String revenue;
  }

  /** Local midnights of both zones on every edge date, plus the two DST instants. */
  static List<Instant> edges() {
    List<Instant> edges = new ArrayList<>();
    for (LocalDate d = EDGES_FROM; !d.isAfter(EDGES_TO); d = d.plusDays(1)) {
      edges.add(d.atStartOfDay(MADRID).toInstant());
      edges.add(d.atStartOfDay(NEW_YORK).toInstant());
    }
    edges.add(Instant.parse("2026-03-29T01:00:00Z")); // Madrid: 02:00 CET becomes 03:00 CEST
    edges.add(Instant.parse("2026-03-08T07:00:00Z")); // New York: 02:00 EST becomes 03:00 EDT
    return edges;
  }

  private void generateContacts(int target) {
    Instant first = FIRST_DAY.atStartOfDay(MADRID).toInstant();
    long spanSeconds =
        Duration.between(first, LAST_DAY.plusDays(1).atStartOfDay(MADRID).toInstant()).toSeconds();
    List<Instant> edges = edges();
    // Three single contacts on every edge: a millisecond before, exactly on it, a millisecond
    // after.
    for (Instant edge : edges) {
      for (long ms : new long[] {-1, 0, 1}) {
        newCase(List.of(edge.plusMillis(ms)));
      }
    }
    while (contacts.size() < target) {
      Instant start;
      double r = rnd.nextDouble();
      if (r < 0.08) {
        start =
            edges
                .get(rnd.nextInt(edges.size()))
                .plusMillis(new long[] {-1000, -1, 0, 1, 1000}[rnd.nextInt(5)]);
      } else if (r < 0.20) {
        start =
            edges.get(rnd.nextInt(edges.size())).plusSeconds(rnd.nextInt(6 * 3600 * 2) - 6 * 3600);
      } else {
        start = first.plusSeconds((long) (rnd.nextDouble() * spanSeconds));
        if (rnd.nextDouble() < 0.2) start = start.plusMillis(rnd.nextInt(1000));
      }
      int n = pick(new double[] {0.5, 0.22, 0.16, 0.12}) + 1;
      List<Instant> arrivals = new ArrayList<>();
      arrivals.add(start);
      Instant t = start;
      for (int i = 1; i < n; i++) {
        if (rnd.nextDouble() < 0.1) {
          arrivals.add(
              start); // a tie on the first arrival: the smallest contact_id is the first contact
        } else {
          t = t.plusSeconds(600 + rnd.nextInt(6 * 86_400));
          arrivals.add(t);
        }
      }
      newCase(arrivals);
    }
    // Ids in a random order, so that neither file order nor generation order is the id order.
    List<Integer> ids = new ArrayList<>();
    for (int i = 0; i < contacts.size(); i++) ids.add(i + 1);
    Collections.shuffle(ids, rnd);
    for (int i = 0; i < contacts.size(); i++)
      contacts.get(i).id = String.format("C%05d", ids.get(i));
  }

  private void newCase(List<Instant> arrivals) {
    String caseId =
        arrivals.size() > 1 || rnd.nextBoolean() ? String.format("K%05d", ++caseSeq) : null;
    String customer = customerId();
    for (Instant arrived : arrivals) {
      Contact c = newContact(arrived);
      c.caseId = caseId;
      c.customerId = rnd.nextDouble() < 0.85 ? customer : customerId();
      contacts.add(c);
    }
  }

  private String customerId() {
    double r = rnd.nextDouble();
    if (r < 0.85) return String.format("CU%04d", 1 + rnd.nextInt(300));
    if (r < 0.92) return String.format("CX%04d", 1 + rnd.nextInt(50)); // not in customers.csv
    return null;
  }

  private Contact newContact(Instant arrived) {
    Contact c = new Contact();
    c.arrived = arrived;
    c.channel = CHANNELS[pick(new double[] {0.4, 0.25, 0.25, 0.1})];
    c.inbound = rnd.nextDouble() < 0.85;
    double dr = rnd.nextDouble();
    c.direction =
        c.inbound
            ? (dr < 0.2 ? "" : dr < 0.3 ? "Inbound" : "inbound")
            : (dr < 0.1 ? "OUTBOUND" : "outbound");
    c.queue = rnd.nextDouble() < 0.9 ? QUEUES[rnd.nextInt(QUEUES.length)] : null;
    c.topic = rnd.nextDouble() < 0.9 ? TOPICS[rnd.nextInt(TOPICS.length)] : null;
    boolean async = c.channel.equals("email") || c.channel.equals("social");
    double r = rnd.nextDouble();
    if (!c.inbound) {
      if (r < 0.7) c.answered = after(arrived, rnd.nextInt(30_000) / 1000.0);
      else if (r < 0.78) c.abandoned = after(arrived, pickOf(SPECIAL_ABANDONS));
    } else if (!async) {
      if (r < 0.62) {
        c.answered = after(arrived, waitSeconds());
      } else if (r < 0.86) {
        c.abandoned =
            after(
                arrived,
                rnd.nextDouble() < 0.45 ? pickOf(SPECIAL_ABANDONS) : rnd.nextInt(300_000) / 1000.0);
      } else if (r < 0.96) {
        // neither answered nor abandoned
      } else {
        c.answered = after(arrived, waitSeconds());
        c.abandoned = after(arrived, pickOf(SPECIAL_ABANDONS)); // both set: answered, not abandoned
      }
    } else {
      double response =
          rnd.nextDouble() < 0.25
              ? pickOf(SPECIAL_RESPONSES)
              : Math.min(-Math.log(1 - rnd.nextDouble()) * 8 * 3600, 4 * 86_400);
      response = Math.round(response * 1000) / 1000.0;
      if (r < 0.55) {
        c.firstResponse = after(arrived, response);
      } else if (r < 0.7) {
        c.answered = after(arrived, response / 3);
        c.firstResponse = after(arrived, response);
      } else if (r < 0.8) {
        c.answered =
            after(arrived, response); // no first_response_at: the first response is the answer
      } else if (r < 0.84) {
        c.abandoned = after(arrived, pickOf(SPECIAL_ABANDONS));
      } // else no response at all
    }
    boolean handled = c.answered != null || c.firstResponse != null;
    if (handled || rnd.nextDouble() < 0.1) {
      c.agentId = rnd.nextDouble() < 0.9 ? String.format("A%02d", 1 + rnd.nextInt(16)) : null;
      if (c.agentId != null && rnd.nextDouble() < 0.9) {
        c.team = TEAMS[Integer.parseInt(c.agentId.substring(1)) % TEAMS.length];
      }
    }
    if (c.answered != null || rnd.nextDouble() < 0.1) {
      c.talk = seconds(30 + rnd.nextInt(900), rnd.nextDouble() < 0.3);
      double h = rnd.nextDouble();
      c.hold = h < 0.4 ? null : h < 0.6 ? "0" : seconds(rnd.nextInt(120), rnd.nextDouble() < 0.3);
      double w = rnd.nextDouble();
      c.wrap = w < 0.2 ? null : seconds(rnd.nextInt(120), rnd.nextDouble() < 0.3);
      if (rnd.nextDouble() < 0.05) c.talk = null; // answered but no talk time recorded
    }
    Instant resolvedAt = after(arrived, 60 + rnd.nextInt(5 * 86_400));
    double rr = rnd.nextDouble();
    if (rr < 0.28) {
      c.resolved = rnd.nextBoolean() ? "true" : "TRUE";
      c.resolvedAt = resolvedAt;
    } else if (rr < 0.38) {
      c.resolved = "true";
    } else if (rr < 0.48) {
      c.resolved = rnd.nextBoolean() ? "false" : "False";
      c.resolvedAt = resolvedAt; // explicitly not resolved, though a time is given
    } else if (rr < 0.63) {
      c.resolved = null;
      c.resolvedAt = resolvedAt; // resolved by its resolved_at
    } else if (rr < 0.78) {
      c.resolved = null;
    } else {
      c.resolved = "false";
    }
    double cr = rnd.nextDouble();
    c.converted = cr < 0.12 ? "true" : cr < 0.6 ? "false" : null;
    if ("true".equals(c.converted) ? rnd.nextDouble() < 0.7 : rnd.nextDouble() < 0.03) {
      c.revenue =
          rnd.nextDouble() < 0.1
              ? "0"
              : new BigDecimal(rnd.nextInt(50_000_000)).movePointLeft(4).toPlainString();
    }
    return c;
  }

  private double waitSeconds() {
    if (rnd.nextDouble() < 0.3) return pickOf(SPECIAL_WAITS);
    double w = -Math.log(1 - rnd.nextDouble()) * 40;
    return rnd.nextBoolean() ? Math.round(w) : Math.round(w * 1000) / 1000.0;
  }

  private static Instant after(Instant t, double seconds) {
    return t.plusMillis(Math.round(seconds * 1000));
  }

  private static String seconds(int whole, boolean fraction) {
    return fraction ? whole + "." + (1 + (whole * 7) % 9) : Integer.toString(whole);
  }

  private List<List<String>> contactRows() {
    List<List<String>> rows = new ArrayList<>();
    // A column order of our own and a name in capitals: the header names the columns.
    rows.add(
        List.of(
            "Contact_ID",
            "arrived_at",
            "channel",
            "direction",
            "case_id",
            "queue",
            "topic",
            "customer_id",
            "agent_id",
            "team",
            "answered_at",
            "first_response_at",
            "abandoned_at",
            "resolved_at",
            "talk_s",
            "hold_s",
            "wrap_s",
            "resolved",
            "converted",
            "revenue"));
    List<List<String>> body = new ArrayList<>();
    for (Contact c : contacts) {
      String channel =
          rnd.nextDouble() < 0.1 ? c.channel.toUpperCase(java.util.Locale.ROOT) : c.channel;
      body.add(
          list(
              c.id,
              ts(c.arrived),
              channel,
              c.direction,
              c.caseId,
              c.queue,
              c.topic,
              c.customerId,
              c.agentId,
              c.team,
              ts(c.answered),
              ts(c.firstResponse),
              ts(c.abandoned),
              ts(c.resolvedAt),
              c.talk,
              c.hold,
              c.wrap,
              c.resolved,
              c.converted,
              c.revenue));
    }
    Collections.shuffle(body, rnd);
    rows.addAll(body);
    return rows;
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Surveys

  private List<List<String>> surveyRows(int n) {
    List<List<String>> body = new ArrayList<>();
    String[] kinds = {"csat", "nps", "ces", "esat"};
    int[][] scales = {{1, 5}, {0, 10}, {1, 7}, {1, 5}};
    Instant first = FIRST_DAY.atStartOfDay(MADRID).toInstant();
    long span =
        Duration.between(first, LAST_DAY.plusDays(1).atStartOfDay(MADRID).toInstant()).toSeconds();
    List<Instant> edges = edges();
    for (int i = 1; i <= n; i++) {
      int k = rnd.nextInt(kinds.length);
      int score = scales[k][0] + rnd.nextInt(scales[k][1] - scales[k][0] + 1);
      String contactId = null;
      String customerId = null;
      String agentId = null;
      Instant submitted;
      double r = rnd.nextDouble();
      if (r < 0.7) {
        Contact c = contacts.get(rnd.nextInt(contacts.size()));
        contactId = c.id;
        submitted = c.arrived.plusSeconds(60 + rnd.nextInt(3 * 86_400));
        double cr = rnd.nextDouble();
        customerId =
            cr < 0.5
                ? c.customerId
                : cr < 0.7 ? customerId() : null; // the contact's dimensions win
        agentId =
            rnd.nextDouble() < 0.5
                ? c.agentId
                : rnd.nextDouble() < 0.5 ? String.format("A%02d", 1 + rnd.nextInt(16)) : null;
      } else {
        if (r < 0.8) contactId = String.format("CZ%05d", i); // a contact that is not in the store
        submitted = first.plusSeconds((long) (rnd.nextDouble() * span));
        customerId = rnd.nextDouble() < 0.75 ? customerId() : null;
        agentId = rnd.nextDouble() < 0.6 ? String.format("A%02d", 1 + rnd.nextInt(16)) : null;
      }
      if (rnd.nextDouble() < 0.05)
        submitted = edges.get(rnd.nextInt(edges.size())).plusMillis(rnd.nextInt(3) - 1);
      String kind = rnd.nextDouble() < 0.1 ? kinds[k].toUpperCase(java.util.Locale.ROOT) : kinds[k];
      body.add(
          list(
              String.format("S%05d", i),
              kind,
              Integer.toString(score),
              ts(submitted),
              contactId,
              customerId,
              agentId));
    }
    Collections.shuffle(body, rnd);
    List<List<String>> rows = new ArrayList<>();
    rows.add(
        List.of(
            "survey_id", "kind", "score", "submitted_at", "contact_id", "customer_id", "agent_id"));
    rows.addAll(body);
    return rows;
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Agent states

  private List<List<String>> agentStateRows() {
    List<List<String>> body = new ArrayList<>();
    String[] states = {"available", "busy", "wrap", "break", "offline"};
    double[] weights = {0.35, 0.38, 0.12, 0.1, 0.05};
    // Day shifts, local Madrid time, A01..A16.
    for (int a = 1; a <= 16; a++) {
      String agent = String.format("A%02d", a);
      for (LocalDate d = FIRST_DAY.minusDays(1); !d.isAfter(LAST_DAY); d = d.plusDays(1)) {
        if (rnd.nextDouble() < 0.4) continue;
        Instant t =
            d.atTime(LocalTime.of(7, 0))
                .atZone(MADRID)
                .toInstant()
                .plusSeconds(rnd.nextInt(6 * 3600));
        shift(body, agent, t, 8 * 3600, states, weights);
      }
    }
    // Night shifts across local midnight and the DST night, A19 and A20.
    for (int a = 19; a <= 20; a++) {
      String agent = String.format("A%02d", a);
      for (LocalDate d = FIRST_DAY.minusDays(1); !d.isAfter(LAST_DAY); d = d.plusDays(1)) {
        if (rnd.nextDouble() < 0.3 && !d.equals(LocalDate.parse("2026-03-28"))) continue;
        Instant t =
            d.atTime(LocalTime.of(21, 0))
                .atZone(MADRID)
                .toInstant()
                .plusSeconds(rnd.nextInt(2 * 3600));
        shift(body, agent, t, 9 * 3600, states, weights);
      }
    }
    // A17 (New York midnights) and A18 (Madrid midnights): one state straddling the midnight, or
    // two meeting on it.
    for (int a = 17; a <= 18; a++) {
      String agent = String.format("A%02d", a);
      ZoneId zone = a == 17 ? NEW_YORK : MADRID;
      for (LocalDate d = EDGES_FROM; !d.isAfter(EDGES_TO); d = d.plusDays(1)) {
        Instant midnight = d.atStartOfDay(zone).toInstant();
        Instant before = midnight.minusSeconds(600 + rnd.nextInt(5 * 3600));
        Instant after =
            midnight.plusSeconds(600 + rnd.nextInt(5 * 3600)).plusMillis(rnd.nextInt(1000));
        if (rnd.nextBoolean()) {
          body.add(list(agent, states[pick(weights)], ts(before), ts(after)));
        } else {
          body.add(list(agent, states[pick(weights)], ts(before), ts(midnight)));
          body.add(list(agent, states[pick(weights)], ts(midnight), ts(after)));
        }
      }
    }
    // A21, no contacts: long states across several midnights, the DST day and the period edges.
    body.add(
        list(
            "A21",
            "available",
            ts(Instant.parse("2026-03-14T12:00:00Z")),
            ts(Instant.parse("2026-03-16T12:00:00Z"))));
    body.add(
        list(
            "A21",
            "busy",
            ts(Instant.parse("2026-03-28T20:00:00Z")),
            ts(Instant.parse("2026-03-30T05:00:00Z"))));
    body.add(
        list(
            "A21",
            "break",
            ts(Instant.parse("2026-04-10T20:00:00Z")),
            ts(Instant.parse("2026-04-11T03:00:00Z"))));
    body.add(
        list(
            "A21",
            "wrap",
            ts(Instant.parse("2026-02-28T03:00:00Z")),
            ts(Instant.parse("2026-03-02T07:30:00Z"))));
    body.add(
        list(
            "A21",
            "available",
            ts(Instant.parse("2026-03-20T23:30:00Z")),
            ts(Instant.parse("2026-03-21T06:00:00Z"))));
    Collections.shuffle(body, rnd);
    List<List<String>> rows = new ArrayList<>();
    rows.add(List.of("agent_id", "state", "started_at", "ended_at"));
    rows.addAll(body);
    return rows;
  }

  private void shift(
      List<List<String>> out,
      String agent,
      Instant start,
      int seconds,
      String[] states,
      double[] w) {
    Instant t = start;
    Instant end = start.plusSeconds(seconds);
    while (t.isBefore(end)) {
      Instant next =
          t.plusSeconds(60 + rnd.nextInt(45 * 60))
              .plusMillis(rnd.nextDouble() < 0.2 ? rnd.nextInt(1000) : 0);
      if (next.isAfter(end)) next = end;
      String state = states[pick(w)];
      if (rnd.nextDouble() < 0.05) state = state.toUpperCase(java.util.Locale.ROOT);
      out.add(list(agent, state, ts(t), ts(next)));
      t = next;
    }
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Customers

  private List<List<String>> customerRows() {
    List<List<String>> body = new ArrayList<>();
    LocalDate earliest = LocalDate.parse("2023-01-01");
    for (int i = 1; i <= 300; i++) {
      LocalDate since =
          rnd.nextDouble() < 0.75
              ? earliest.plusDays(rnd.nextInt((int) ChronoUnit.DAYS.between(earliest, FIRST_DAY)))
              : FIRST_DAY.plusDays(rnd.nextInt(70));
      LocalDate churned = null;
      if (rnd.nextDouble() < 0.3) {
        LocalDate lo = since.isAfter(FIRST_DAY.minusDays(20)) ? since : FIRST_DAY.minusDays(20);
        churned = lo.plusDays(rnd.nextInt(100));
      }
      body.add(
          list(
              String.format("CU%04d", i),
              since.toString(),
              date(churned),
              age(),
              tier(),
              "zone " + (i % 4)));
    }
    // Customers who join or leave on each edge date: since = d; churned_at = d; and both on the
    // same day.
    for (LocalDate d = EDGES_FROM; !d.isAfter(EDGES_TO); d = d.plusDays(1)) {
      String tag = d.toString().replace("-", "");
      body.add(list("CE" + tag + "a", d.toString(), null, age(), tier(), null));
      body.add(list("CE" + tag + "b", "2025-06-01", d.toString(), age(), tier(), null));
      if (d.getDayOfMonth() % 5 == 0)
        body.add(list("CE" + tag + "c", d.toString(), d.toString(), age(), tier(), null));
      if (d.getDayOfMonth() % 3 == 0) {
        body.add(
            list(
                "CE" + tag + "d",
                d.minusDays(1).toString(),
                d.plusDays(1).toString(),
                age(),
                tier(),
                null));
      }
    }
    Collections.shuffle(body, rnd);
    List<List<String>> rows = new ArrayList<>();
    rows.add(List.of("customer_id", "since", "churned_at", "Age", "tier", "region"));
    rows.addAll(body);
    return rows;
  }

  private String age() {
    double r = rnd.nextDouble();
    if (r < 0.05) return null;
    if (r < 0.07) return "unknown";
    if (r < 0.2) return new String[] {"29", "30", "50", "51", "30.0", "49.5"}[rnd.nextInt(6)];
    return Integer.toString(18 + rnd.nextInt(70));
  }

  private String tier() {
    double r = rnd.nextDouble();
    return r < 0.1 ? null : r < 0.3 ? "gold" : r < 0.6 ? "silver" : "bronze";
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Costs

  private List<List<String>> costRows() {
    List<List<String>> rows = new ArrayList<>();
    rows.add(List.of("period_start", "period_end", "amount", "currency", "category"));
    for (int m = 1; m <= 5; m++) {
      LocalDate start = LocalDate.of(2026, m, 1);
      rows.add(
          list(
              start.toString(),
              start.plusMonths(1).minusDays(1).toString(),
              amount(40_000, 90_000),
              m % 2 == 0 ? "eur" : "EUR",
              "staff"));
    }
    for (LocalDate d = LocalDate.parse("2026-02-16");
        d.isBefore(LocalDate.parse("2026-04-27"));
        d = d.plusDays(7)) {
      rows.add(
          list(d.toString(), d.plusDays(6).toString(), amount(500, 3_000), "EUR", "telephony"));
    }
    rows.add(list("2026-03-20", "2026-04-05", amount(1_000, 9_000), "EUR", "Software"));
    rows.add(list("2026-03-29", "2026-03-29", amount(100, 900), "EUR", "training"));
    rows.add(list("2026-03-15", "2026-03-15", amount(100, 900), "EUR", "training"));
    rows.add(list("2026-04-10", "2026-04-11", amount(100, 900), "EUR", "training"));
    rows.add(list("2026-01-15", "2026-06-14", amount(10_000, 20_000), "EUR", "licences"));
    return rows;
  }

  private String amount(int low, int high) {
    long tenThousandths = (long) low * 10_000 + (long) (rnd.nextDouble() * (high - low) * 10_000);
    return BigDecimal.valueOf(tenThousandths, 4).toPlainString();
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Writing

  /**
   * The instant with a random offset and one of the accepted spellings; null stays null (written
   * empty).
   */
  private String ts(Instant t) {
    if (t == null) return null;
    ZoneOffset offset;
    double r = rnd.nextDouble();
    if (r < 0.25) offset = MADRID.getRules().getOffset(t);
    else if (r < 0.35) offset = NEW_YORK.getRules().getOffset(t);
    else offset = OFFSETS[rnd.nextInt(OFFSETS.length)];
    OffsetDateTime odt = t.atOffset(offset);
    StringBuilder s = new StringBuilder();
    s.append(odt.toLocalDate()).append(rnd.nextDouble() < 0.1 ? ' ' : 'T');
    s.append(String.format("%02d:%02d", odt.getHour(), odt.getMinute()));
    if (odt.getSecond() != 0 || odt.getNano() != 0 || rnd.nextDouble() < 0.7) {
      s.append(String.format(":%02d", odt.getSecond()));
      if (odt.getNano() != 0) s.append(String.format(".%03d", odt.getNano() / 1_000_000));
    }
    int total = offset.getTotalSeconds();
    if (total == 0 && rnd.nextDouble() < 0.7) {
      s.append('Z');
    } else {
      int abs = Math.abs(total);
      String sign = total < 0 ? "-" : "+";
      int h = abs / 3600;
      int m = abs / 60 % 60;
      double style = rnd.nextDouble();
      if (style < 0.6) s.append(String.format("%s%02d:%02d", sign, h, m));
      else if (style < 0.8 || m != 0) s.append(String.format("%s%02d%02d", sign, h, m));
      else s.append(String.format("%s%02d", sign, h));
    }
    return s.toString();
  }

  private static String date(LocalDate d) {
    return d == null ? null : d.toString();
  }

  private int pick(double[] weights) {
    double r = rnd.nextDouble();
    for (int i = 0; i < weights.length; i++) {
      r -= weights[i];
      if (r < 0) return i;
    }
    return weights.length - 1;
  }

  private double pickOf(double[] values) {
    return values[rnd.nextInt(values.length)];
  }

  private static List<String> list(String... values) {
    List<String> l = new ArrayList<>();
    Collections.addAll(l, values);
    return l;
  }

  private static void write(Path file, List<List<String>> rows) {
    StringBuilder sb = new StringBuilder();
    for (List<String> row : rows) {
      for (int i = 0; i < row.size(); i++) {
        if (i > 0) sb.append(',');
        sb.append(csv(row.get(i)));
      }
      sb.append("\r\n");
    }
    try {
      Files.writeString(file, sb, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String csv(String v) {
    if (v == null) return "";
    if (v.contains(",") || v.contains("\"") || v.contains("\n"))
      return '"' + v.replace("\"", "\"\"") + '"';
    return v;
  }
}
