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
 * instant, which the {@code sla_*} KPIs read (docs/sla.md). Refreshed whole, in one transaction,
 * after imports and before SLA alerts are evaluated; a ticket is a case with a row in tickets or
 * ticket_events.
 *
 * <pre>{@code
 * int targets = SlaTargets.refresh(store, SlaSettings.parse(yaml, "yardstick.yaml"), clock.instant());
 * }</pre>
 */
public final class SlaTargets {
  private SlaTargets() {}

  /** Rows per INSERT statement. */
  private static final int BATCH = 1000;

  private static final String COLUMNS =
      "case_id, metric, policy, target_s, started_at, fulfilled_at, due_at,"
          + " elapsed_s, state, settled_at, priority, tags, refreshed_at";

  /** Every ticket's timeline, as the evaluator takes it. */
  public static List<TicketTimeline> timelines(Store store) {
    Map<String, List<TicketTimeline.Event>> events = new HashMap<>();
    for (Object[] r :
        store.query(
            "SELECT case_id, occurred_at, kind, status, priority, actor FROM ticket_events"
                + " ORDER BY case_id, occurred_at")) {
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
                + " LEFT JOIN contacts k ON k.contact_id = c.first_contact_id ORDER BY x.case_id")) {
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

  /**
   * A value as SQL both stores read the same: text quoted, instants as typed literals, numbers as
   * written.
   */
  private static String literal(Object v) {
    if (v == null) return "NULL";
    if (v instanceof Instant t) return "CAST('" + t + "' AS TIMESTAMP WITH TIME ZONE)";
    if (v instanceof Double d) {
      if (d.isNaN() || d.isInfinite())
        throw new IllegalArgumentException("not a finite number: " + d);
      return Double.toString(d);
    }
    return "'" + v.toString().replace("'", "''") + "'";
  }

  static Set<String> tags(String stored) {
    if (stored == null) return Set.of();
    return Set.copyOf(Arrays.stream(stored.split(",")).filter(s -> !s.isEmpty()).toList());
  }

  /**
   * Measures every ticket as of {@code asOf} and replaces the table's contents with the result, in
   * one transaction.
   *
   * @return the number of targets stored
   */
  public static int refresh(Store store, SlaEvaluator sla, Instant asOf) {
    List<Object[]> rows = new ArrayList<>();
    for (TicketTimeline t : timelines(store)) {
      String tags =
          t.tags().isEmpty()
              ? null
              : "," + String.join(",", new java.util.TreeSet<>(t.tags())) + ",";
      for (SlaOutcome o : sla.evaluate(t, asOf)) {
        Instant settled =
            switch (o.state()) {
              case MET -> o.fulfilledAt();
              case BREACHED -> o.dueAt();
              case OPEN -> null;
            };
        rows.add(
            new Object[] {
              o.caseId(),
              o.metric().id(),
              o.policy(),
              o.targetSeconds(),
              o.startedAt(),
              o.fulfilledAt(),
              o.dueAt(),
              o.elapsedSeconds(),
              o.state().name().toLowerCase(java.util.Locale.ROOT),
              settled,
              t.priorityAt(o.fulfilledAt() != null ? o.fulfilledAt() : asOf),
              tags,
              asOf
            });
      }
    }
    try (Loader loader = store.loader()) {
      loader.execute("DELETE FROM sla_targets");
      // Literal rows, a thousand per statement: binding as many parameters one by one is what made
      // this slow (a
      // refresh of 27,569 targets spent 31 of its 37 s binding them on DuckDB).
      for (int i = 0; i < rows.size(); i += BATCH) {
        StringBuilder sql = new StringBuilder("INSERT INTO sla_targets (" + COLUMNS + ") VALUES ");
        for (int j = i; j < Math.min(rows.size(), i + BATCH); j++) {
          if (j > i) sql.append(", ");
          sql.append('(');
          Object[] r = rows.get(j);
          for (int k = 0; k < r.length; k++) {
            if (k > 0) sql.append(", ");
            sql.append(literal(r[k]));
          }
          sql.append(')');
        }
        loader.execute(sql.toString());
      }
      loader.commit();
    }
    return rows.size();
  }
}
