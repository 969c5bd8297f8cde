package io.yardstick.sla;

import io.yardstick.store.Loader;
import io.yardstick.store.Store;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code sla_targets} table: every ticket's SLA targets measured by the policies as of an
 * instant, which the {@code sla_*} KPIs read (docs/sla.md). Refreshed after imports and
 * periodically while serving, in one transaction that rewrites only the tickets whose targets
 * changed (none: no transaction, the data version stays); a ticket is a case with a row in tickets
 * or ticket_events.
 *
 * <pre>{@code
 * int targets = SlaTargets.refresh(store, SlaSettings.parse(yaml, "yardstick.yaml"), clock.instant());
 * }</pre>
 */
public final class SlaTargets {
  private SlaTargets() {}

  /** Case ids per DELETE statement. */
  private static final int BATCH = 1000;

  private static final String COLUMNS =
      "case_id, metric, policy, target_s, started_at, fulfilled_at, due_at,"
          + " elapsed_s, state, settled_at, priority, tags, refreshed_at";

  /** Every ticket's timeline, as the evaluator takes it. */
  public static List<TicketTimeline> timelines(Store store) {
    return timelines(store, null, new Object[0]);
  }

  /** The timelines of the cases {@code only} (an SQL query of case ids) selects; null: all. */
  private static List<TicketTimeline> timelines(Store store, String only, Object[] params) {
    Map<String, List<TicketTimeline.Event>> events = new HashMap<>();
    for (Object[] r :
        store.query(
            "SELECT case_id, occurred_at, kind, status, priority, actor FROM ticket_events"
                + (only == null ? "" : " WHERE case_id IN (" + only + ")")
                + " ORDER BY case_id, occurred_at",
            params)) {
      events
          .computeIfAbsent((String) r[0], k -> new ArrayList<>())
          .add(
              new TicketTimeline.Event(
                  (Instant) r[1], (String) r[2], (String) r[3], (String) r[4], (String) r[5]));
    }
    Map<String, TicketTimeline> out = new LinkedHashMap<>();
    for (Object[] r :
        store.query(
            "SELECT x.case_id, t.created_at, c.first_at, t.priority, t.brand, t.tags,"
                + " k.channel, k.queue FROM (SELECT case_id FROM tickets UNION SELECT case_id FROM ticket_events) x"
                + " LEFT JOIN tickets t ON t.case_id = x.case_id LEFT JOIN cases c ON c.case_id = x.case_id"
                + " LEFT JOIN contacts k ON k.contact_id = c.first_contact_id"
                + (only == null ? "" : " WHERE x.case_id IN (" + only + ")")
                + " ORDER BY x.case_id",
            params)) {
      String caseId = (String) r[0];
      List<TicketTimeline.Event> es = events.getOrDefault(caseId, List.of());
      Instant created =
          r[1] != null
              ? (Instant) r[1]
              : r[2] != null ? (Instant) r[2] : es.isEmpty() ? null : es.get(0).at();
      if (created == null)
        continue; // a ticket with neither a time nor contacts nor events: nothing to measure
      out.put(
          caseId,
          new TicketTimeline(
              caseId,
              created,
              (String) r[3],
              (String) r[6],
              (String) r[7],
              (String) r[4],
              tags((String) r[5]),
              es));
    }
    return List.copyOf(out.values());
  }

  /** A case id as an SQL literal both stores read the same. */
  private static String literal(String v) {
    return "'" + v.replace("'", "''") + "'";
  }

  static Set<String> tags(String stored) {
    if (stored == null) return Set.of();
    return Set.copyOf(Arrays.stream(stored.split(",")).filter(s -> !s.isEmpty()).toList());
  }

  /**
   * What one refresh did.
   *
   * @param targets the targets stored after it
   * @param measured the tickets it measured (none when nothing could have changed)
   * @param rewritten the tickets whose targets it rewrote (or removed)
   * @param written the target rows it wrote
   */
  public record Refresh(int targets, int measured, int rewritten, int written) {
    /** Whether the stored targets changed (and with them the data version). */
    public boolean changed() {
      return rewritten > 0;
    }
  }

  /**
   * How stale the counted time of a breached target still waiting for its reply or solve may get:
   * its overrun (sla_overrun_avg) is brought up to date when it is an hour old, not at every
   * refresh, so that the data version, and with it every cached KPI answer, does not change every
   * five minutes.
   */
  static final java.time.Duration OVERRUN_STALE = java.time.Duration.ofHours(1);

  /**
   * Measures the tickets as of {@code asOf} and brings the table up to date (see {@link #update}).
   *
   * @return the number of targets stored
   */
  public static int refresh(Store store, SlaEvaluator sla, Instant asOf) {
    return update(store, sla, asOf).targets();
  }

  /**
   * Brings the table up to date as of {@code asOf}, writing only what changed (docs/sla.md,
   * "Refreshing"). With the same data and policies as the last refresh, it measures only the
   * tickets whose targets the passing of time changes (an open target fallen due, a breach whose
   * overrun is an hour old, events dated between the two refreshes), and nothing at all before the
   * first such instant. Otherwise it measures every ticket and rewrites those whose targets differ
   * from the stored ones. A refresh that rewrites nothing leaves the data version as it was.
   */
  public static Refresh update(Store store, SlaEvaluator sla, Instant asOf) {
    String policies = sla.fingerprint();
    long version = store.dataVersion();
    List<Object[]> last =
        store.query("SELECT data_version, policies, as_of, next_check_at FROM sla_refresh");
    String only = null; // an SQL query of the case ids to measure; null: every ticket
    Object[] params = {};
    if (last.size() == 1
        && ((Number) last.get(0)[0]).longValue() == version
        && policies.equals(last.get(0)[1])
        && !asOf.isBefore((Instant) last.get(0)[2])) {
      Instant previous = (Instant) last.get(0)[2];
      Instant next = (Instant) last.get(0)[3];
      if (next == null || asOf.isBefore(next)) {
        return new Refresh(count(store), 0, 0, 0);
      }
      only =
          "SELECT case_id FROM sla_targets WHERE fulfilled_at IS NULL AND ((state = 'open' AND"
              + " due_at <= ?) OR (state = 'breached' AND ?))"
              + " UNION SELECT case_id FROM ticket_events WHERE occurred_at > ? AND occurred_at <= ?"
              + " UNION SELECT case_id FROM tickets WHERE created_at > ? AND created_at <= ?";
      params = new Object[] {asOf, overruns(store, asOf), previous, asOf, previous, asOf};
    }
    boolean overruns = overruns(store, asOf);

    // What is stored, by case, as comparable keys.
    Map<String, List<Object[]>> stored = new HashMap<>();
    for (Object[] r :
        store.query(
            "SELECT "
                + COLUMNS
                + " FROM sla_targets"
                + (only == null ? "" : " WHERE case_id IN (" + only + ")"),
            params)) {
      stored.computeIfAbsent((String) r[0], k -> new ArrayList<>()).add(r);
    }

    List<TicketTimeline> timelines = timelines(store, only, params);
    List<Object[]> rows = new ArrayList<>();
    List<String> rewrite = new ArrayList<>();
    java.util.Set<String> seen = new java.util.HashSet<>();
    for (TicketTimeline t : timelines) {
      seen.add(t.caseId());
      List<Object[]> now = rows(t, sla, asOf);
      List<Object[]> before = stored.getOrDefault(t.caseId(), List.of());
      if (!same(before, now, overruns)) {
        rewrite.add(t.caseId());
        rows.addAll(now);
      }
    }
    // Tickets measured before that are gone (erased), or that no longer have a creation time.
    for (String caseId : stored.keySet()) {
      if (!seen.contains(caseId)) rewrite.add(caseId);
    }

    String state =
        "INSERT INTO sla_refresh (data_version, policies, as_of, next_check_at) SELECT CASE WHEN"
            + " version = ? THEN version + ? ELSE -1 END, ?, ?, (SELECT MIN(x) FROM ("
            + "SELECT MIN(due_at) AS x FROM sla_targets WHERE state = 'open'"
            + " UNION ALL SELECT MIN(refreshed_at) + INTERVAL '1 hour' FROM sla_targets"
            + " WHERE state = 'breached' AND fulfilled_at IS NULL"
            + " UNION ALL SELECT MIN(occurred_at) FROM ticket_events WHERE occurred_at > ?"
            + " UNION ALL SELECT MIN(created_at) FROM tickets WHERE created_at > ?) n) FROM data_version";
    // Breaches whose overrun was measured now and found unchanged (closed business hours) are
    // current as of now: noted, so that they are not measured again for another hour. No KPI
    // reads refreshed_at.
    String touch =
        "UPDATE sla_targets SET refreshed_at = ? WHERE state = 'breached' AND fulfilled_at IS NULL"
            + " AND refreshed_at < ?";
    if (rewrite.isEmpty()) {
      // Nothing to write: only what was measured is noted, without a new data version.
      if (overruns) store.update(touch, asOf, asOf);
      store.update("DELETE FROM sla_refresh");
      store.update(state, version, 0L, policies, asOf, asOf, asOf);
      return new Refresh(count(store), timelines.size(), 0, 0);
    }
    try (Loader loader = store.loader()) {
      if (only == null && rewrite.size() == stored.size() + countNew(stored, rewrite)) {
        loader.execute("DELETE FROM sla_targets");
      } else {
        for (int i = 0; i < rewrite.size(); i += BATCH) {
          StringBuilder ids = new StringBuilder();
          for (String id : rewrite.subList(i, Math.min(rewrite.size(), i + BATCH))) {
            if (ids.length() > 0) ids.append(", ");
            ids.append(literal(id));
          }
          loader.execute("DELETE FROM sla_targets WHERE case_id IN (" + ids + ")");
        }
      }
      loader.append("sla_targets", List.of(COLUMNS.split(", ")), rows);
      if (overruns) loader.execute(touch, asOf, asOf);
      loader.execute("DELETE FROM sla_refresh");
      // The commit raises the version by one; -1 (measure everything next time) if an import came
      // in since it was read.
      loader.execute(state, version, 1L, policies, asOf, asOf, asOf);
      loader.commit();
    }
    return new Refresh(count(store), timelines.size(), rewrite.size(), rows.size());
  }

  /** The cases being rewritten that had no stored targets. */
  private static int countNew(Map<String, List<Object[]>> stored, List<String> rewrite) {
    int n = 0;
    for (String id : rewrite) if (!stored.containsKey(id)) n++;
    return n;
  }

  private static int count(Store store) {
    return ((Number) store.query("SELECT COUNT(*) FROM sla_targets").get(0)[0]).intValue();
  }

  /** The rows of one ticket's targets as of an instant, in {@link #COLUMNS} order. */
  private static List<Object[]> rows(TicketTimeline t, SlaEvaluator sla, Instant asOf) {
    String tags =
        t.tags().isEmpty() ? null : "," + String.join(",", new java.util.TreeSet<>(t.tags())) + ",";
    List<Object[]> out = new ArrayList<>();
    for (SlaOutcome o : sla.evaluate(t, asOf)) {
      Instant settled =
          switch (o.state()) {
            case MET -> o.fulfilledAt();
            case BREACHED -> o.dueAt();
            case OPEN -> null;
          };
      out.add(
          new Object[] {
            o.caseId(),
            o.metric().id(),
            o.policy(),
            o.targetSeconds(),
            micros(o.startedAt()),
            micros(o.fulfilledAt()),
            micros(o.dueAt()),
            o.elapsedSeconds(),
            o.state().name().toLowerCase(java.util.Locale.ROOT),
            micros(settled),
            t.priorityAt(o.fulfilledAt() != null ? o.fulfilledAt() : asOf),
            tags,
            asOf
          });
    }
    return out;
  }

  /**
   * Instants as the stores keep them (microseconds), so that what is measured compares with what is
   * stored.
   */
  private static Instant micros(Instant t) {
    return t == null ? null : t.truncatedTo(java.time.temporal.ChronoUnit.MICROS);
  }

  /**
   * Whether the overruns of the breaches still waiting are brought up to date: when the oldest of
   * them was written {@link #OVERRUN_STALE} ago, all of them are, so that they stay in step and the
   * data version rises for them at most once in that time.
   */
  private static boolean overruns(Store store, Instant asOf) {
    Object oldest =
        store.query(
                "SELECT MIN(refreshed_at) FROM sla_targets WHERE state = 'breached' AND"
                    + " fulfilled_at IS NULL")
            .get(0)[0];
    return oldest != null && !((Instant) oldest).isAfter(asOf.minus(OVERRUN_STALE));
  }

  /**
   * Whether a ticket's stored targets say what its new measurement says. The counted time of a
   * target not yet fulfilled grows with the clock and is not compared, except that of a breach when
   * {@code overruns} (see {@link #overruns}).
   */
  private static boolean same(List<Object[]> stored, List<Object[]> now, boolean overruns) {
    if (stored.size() != now.size()) return false;
    Map<String, Object[]> byKey = new HashMap<>();
    for (Object[] r : stored) byKey.put(key(r), r);
    if (byKey.size() != stored.size()) return false;
    for (Object[] r : now) {
      Object[] old = byKey.get(key(r));
      if (old == null) return false;
      if (overruns
          && r[5] == null
          && "breached".equals(r[8])
          && Math.abs(((Number) old[7]).doubleValue() - (Double) r[7]) > 1e-3) return false;
    }
    return true;
  }

  /** A row without its refresh time and, unless fulfilled, its counted time. */
  private static String key(Object[] r) {
    StringBuilder sb = new StringBuilder();
    for (int i = 1; i < 12; i++) {
      Object v = r[i];
      if (i == 7) {
        v = r[5] == null ? null : Math.round(((Number) v).doubleValue() * 1000);
      } else if (i == 3) {
        v = Math.round(((Number) v).doubleValue() * 1000);
      }
      sb.append(v).append('\u0001');
    }
    return sb.toString();
  }
}
