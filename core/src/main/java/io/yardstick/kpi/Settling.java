package io.yardstick.kpi;

import io.yardstick.kpi.sql.SqlRenderer;
import io.yardstick.store.Store;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * When a day's case KPIs (resolution rate, FCR, contacts per resolution, resolution times) are
 * settled (issue 12, part 9): a case opened yesterday is often still open, or its repeat contact
 * has not come yet, so the last days of a series dive (resolution) or climb (FCR) until the cases
 * close. A day is taken as settled once as much time has passed since it, up to the store's latest
 * contact, as 90% of recent cases with more than one contact took to settle (from their first
 * contact to their last contact or resolution, whichever came later, over the 90 days before the
 * latest contact): the repeat contacts are what move FCR and resolution after the day, a
 * single-contact case settles at once.
 *
 * <pre>{@code
 * Settling.unsettledFrom(store, zone);  // 2026-06-27: days from then on are not settled yet
 * }</pre>
 */
public final class Settling {
  private Settling() {}

  /** How far back the settling time is learned. */
  static final int LEARN_DAYS = 90;

  /** The first local day whose cases are not settled yet, or null without data. */
  public static LocalDate unsettledFrom(Store store, ZoneId zone) {
    Object last = store.query("SELECT max(arrived_at) FROM contacts").get(0)[0];
    if (!(last instanceof Instant end)) return null;
    Instant since = end.minusSeconds(LEARN_DAYS * 86_400L);
    SqlRenderer r =
        new SqlRenderer(
            store.dialect(),
            KpiSettings.defaults(),
            zone,
            LocalDate.ofInstant(since, zone),
            LocalDate.ofInstant(end, zone),
            List.of(),
            null,
            null);
    String span =
        "CAST("
            + r.micros(
                "GREATEST(max(c.arrived_at), COALESCE(max(c.resolved_at), max(c.arrived_at)))")
            + " - "
            + r.micros("min(c.arrived_at)")
            + " AS DOUBLE PRECISION) / 1000000.0";
    Object p90 =
        store.query(
                "SELECT percentile_cont(0.9) WITHIN GROUP (ORDER BY s) FROM (SELECT "
                    + span
                    + " AS s FROM contacts c WHERE c.case_id IS NOT NULL GROUP BY c.case_id HAVING min(c.arrived_at) >= ?"
                    + " AND count(*) > 1) x",
                since)
            .get(0)[0];
    double seconds = p90 instanceof Number n ? n.doubleValue() : 0;
    return LocalDate.ofInstant(end.minusSeconds((long) Math.ceil(seconds)), zone);
  }
}
