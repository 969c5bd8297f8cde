package io.yardstick.kpi;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Topics ranked by volume, with their share of all contacts, the change against the previous period
 * of the same length, and each topic's FCR, CSAT and AHT, so that a spike (a product problem)
 * stands out.
 *
 * <p>A topic is a <em>spike</em> when its volume is at least {@link #SPIKE_RATIO} times the
 * previous period's and its share of contacts rose by at least {@link #SPIKE_SHARE_POINTS}
 * percentage points (new topics with at least that share count too): growth that outpaces the whole
 * service, not a busy season.
 */
public record TopTopics(KpiQuery query, long contacts, List<Topic> topics) {
  public TopTopics {
    topics = List.copyOf(topics);
  }

  public static final double SPIKE_RATIO = 1.5;
  public static final double SPIKE_SHARE_POINTS = 1.0;

  /**
   * One topic (null: contacts without a topic). Shares are 0-100; change_percent is null when it is
   * new.
   */
  public record Topic(
      String topic,
      long contacts,
      Double share,
      Long previousContacts,
      Double previousShare,
      Double changePercent,
      Double fcr,
      Double csat,
      Double aht,
      boolean spike) {}

  public static TopTopics of(KpiEngine engine, KpiQuery query) {
    KpiQuery q =
        query
            .withKpis(List.of(Kpi.CONTACTS, Kpi.FCR, Kpi.CSAT, Kpi.AHT))
            .withGroupBy(List.of(Dimension.of("topic")))
            .withComparePrevious(true);
    KpiResult result = engine.compute(q);
    long total = number(result.overall().value(Kpi.CONTACTS));
    long previousTotal = number(result.overall().previous().get(Kpi.CONTACTS));
    List<Topic> topics = new ArrayList<>();
    for (KpiResult.Row row : result.rows()) {
      if (row.group().isEmpty()) continue;
      long n = number(row.value(Kpi.CONTACTS));
      Number p = row.previous().get(Kpi.CONTACTS);
      if (n == 0 && (p == null || p.longValue() == 0)) continue;
      Long prev = p == null ? null : p.longValue();
      Double share = total == 0 ? null : n * 100.0 / total;
      Double prevShare = prev == null || previousTotal == 0 ? null : prev * 100.0 / previousTotal;
      Double change = prev == null || prev == 0 ? null : (n - prev) * 100.0 / prev;
      boolean spike =
          share != null
              && (prevShare == null || prev == 0
                  ? share >= SPIKE_SHARE_POINTS
                  : n >= SPIKE_RATIO * prev && share - prevShare >= SPIKE_SHARE_POINTS);
      topics.add(
          new Topic(
              row.group().get("topic"),
              n,
              share,
              prev,
              prevShare,
              change,
              dbl(row.value(Kpi.FCR)),
              dbl(row.value(Kpi.CSAT)),
              dbl(row.value(Kpi.AHT)),
              spike));
    }
    topics.sort(
        Comparator.comparingLong(Topic::contacts)
            .reversed()
            .thenComparing(Topic::topic, Comparator.nullsLast(Comparator.naturalOrder())));
    return new TopTopics(q, total, List.copyOf(topics));
  }

  private static long number(Number n) {
    return n == null ? 0 : n.longValue();
  }

  private static Double dbl(Number n) {
    return n == null ? null : n.doubleValue();
  }
}
