package io.yardstick.kpi;

import io.yardstick.kpi.sql.SqlRenderer;
import io.yardstick.store.Store;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The contacts behind a number (drill-down): the contacts of a query's period and filters, and, given a KPI of the
 * contacts base, only those its first part counts (the abandoned ones behind an abandonment rate, the answered ones
 * behind an ASA), newest first, a page at a time.
 *
 * <pre>{@code
 * ContactList.Page page = ContactList.of(store, settings, query, Kpi.ABANDONMENT_RATE, 0, 50);
 * }</pre>
 */
public final class ContactList {
  private ContactList() {}

  /** One page of contacts (each a map of column to value) and the total count. */
  public record Page(long total, int page, int size, List<Map<String, Object>> contacts) {}

  private static final String[] COLUMNS = {"contact_id", "case_id", "channel", "direction", "queue", "topic", "team",
      "agent", "customer_id", "arrived_at", "answered_at", "first_response_at", "abandoned_at", "resolved_at", "wait_s",
      "frt_s", "handle_s", "resolved", "converted", "revenue"};

  public static Page of(Store store, KpiSettings settings, KpiQuery query, Kpi kpi, int page, int size) {
    String condition = kpi == null ? null : condition(kpi);
    SqlRenderer r = new SqlRenderer(store.dialect(), settings, query.zone(), query.from(), query.to(), query.filters(),
        null, null);
    long total = ((Number) store.query(r.renderContacts(condition, 0, 0, true)).get(0)[0]).longValue();
    List<Map<String, Object>> rows = new ArrayList<>();
    for (Object[] row : store.query(r.renderContacts(condition, size, (long) page * size, false))) {
      Map<String, Object> m = new LinkedHashMap<>();
      for (int i = 0; i < COLUMNS.length; i++) {
        Object v = row[i];
        m.put(COLUMNS[i], v instanceof Instant t ? t.toString() : v);
      }
      rows.add(m);
    }
    return new Page(total, page, size, rows);
  }

  /** The rows a KPI's number is about: the condition of its first contacts part (null: all contacts). */
  static String condition(Kpi kpi) {
    for (Part p : kpi.partsInOrder()) {
      if (p.base() == Base.CONTACTS) return p.condition();
    }
    return null;
  }
}
