package io.yardstick.demo;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.MonthDay;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The simulated period: its days, how many contacts each day brings (weekly pattern, growth,
 * seasons, holidays, the recall), and the topic mix of each day.
 */
final class Calendar {
  /** Days planned beyond the period, for replies and resolutions that come after its end. */
  private static final int EXTRA_DAYS = 10;

  final int days;
  final LocalDate first;
  final LocalDate last;
  final int spikeStart;
  final int spikeLength;
  private final DayPlan[] plans;
  private final long[] cumulative;
  private final double[] weights;

  Calendar(DemoSettings s) {
    this.days = s.days();
    this.first = s.firstDay();
    this.last = s.lastDay();
    this.plans = new DayPlan[days + EXTRA_DAYS];
    for (int d = 0; d < plans.length; d++) {
      LocalDate date = first.plusDays(d);
      plans[d] = new DayPlan(d, date, s.zone(), isHoliday(date));
    }
    this.spikeLength = days >= 63 ? 21 : Math.max(1, days / 3);
    double center = 0.42 + 0.2 * Rng.of(s.seed(), 3, 0).nextDouble();
    this.spikeStart =
        (int)
            Math.max(
                0, Math.min(days - spikeLength, Math.round(center * days - spikeLength / 2.0)));
    this.weights = new double[days];
    for (int d = 0; d < days; d++) {
      weights[d] = dayWeight(d, Rng.of(s.seed(), 2, d));
    }
    this.cumulative = quotas(s.contacts(), weights);
  }

  DayPlan day(int d) {
    return plans[d];
  }

  /** Contacts planned for days 0..d. */
  long cumulativeTarget(int d) {
    return cumulative[d];
  }

  /** Contacts planned for day d. */
  long planned(int d) {
    return cumulative[d] - (d == 0 ? 0 : cumulative[d - 1]);
  }

  /** How far into the period day d is: 0 on the first day, 1 on the last. */
  double progress(int d) {
    return days == 1 ? 0 : d / (days - 1.0);
  }

  /** The recall: 0 outside it, rising fast to 1, then fading. */
  double spike(int d) {
    if (d < spikeStart || d >= spikeStart + spikeLength) {
      return 0;
    }
    double x = (d - spikeStart + 0.5) / spikeLength;
    if (x < 0.2) {
      return x / 0.2;
    }
    return x < 0.55 ? 1 : (1 - x) / 0.45;
  }

  /** Relative weights of the topics on channel c on day d (by topic ordinal). */
  double[] topicWeights(int d, Channel c) {
    int day = Math.max(0, Math.min(days - 1, d));
    LocalDate date = first.plusDays(day);
    double t = progress(day);
    double[] w = new double[Topic.values().length];
    for (Topic topic : Topic.values()) {
      double v = topic.weight * topic.channelFactor(c);
      switch (topic) {
        case BUFFERING ->
            v *= 0.6 + 1.2 * t; // a streaming product that keeps growing, and buffering with it
        case RECALL -> v += 16 * spike(day) * topic.channelFactor(c);
        case DELIVERY ->
            v *= between(date, 11, 20, 12, 24) ? 1.7 : 1.0; // Black Friday to Christmas
        case RETURNS ->
            v *= between(date, 12, 27, 12, 31) || date.getMonth() == Month.JANUARY ? 1.9 : 1.0;
        default -> {}
      }
      w[topic.ordinal()] = v;
    }
    return w;
  }

  /** The day (index) whose local date contains the instant, searching from a nearby index. */
  int indexOf(long t, int hint) {
    int d = Math.max(0, Math.min(plans.length - 1, hint));
    while (d > 0 && t < plans[d].start) {
      d--;
    }
    while (d < plans.length - 1 && t >= plans[d].end) {
      d++;
    }
    return d;
  }

  /**
   * The instant {@code seconds} of desk opening hours after t (the e-mail desk works 08-20,
   * weekends 10-18).
   */
  long addDeskTime(long t, long seconds, int hint) {
    int d = indexOf(t, hint);
    long left = seconds;
    long now = t;
    while (d < plans.length) {
      DayPlan p = plans[d];
      now = Math.max(now, p.deskOpens());
      if (now < p.deskCloses()) {
        long room = p.deskCloses() - now;
        if (left <= room) {
          return now + left;
        }
        left -= room;
      }
      d++;
      if (d < plans.length) {
        now = plans[d].start;
      }
    }
    return now + left;
  }

  private double dayWeight(int d, SplittableRandom r) {
    LocalDate date = first.plusDays(d);
    double w =
        switch (date.getDayOfWeek()) {
          case MONDAY -> 1.28;
          case TUESDAY -> 1.12;
          case WEDNESDAY -> 1.05;
          case THURSDAY -> 1.02;
          case FRIDAY -> 0.96;
          case SATURDAY -> 0.55;
          case SUNDAY -> 0.38;
        };
    w *= 1 + 0.15 * progress(d);
    w *=
        switch (date.getMonth()) {
          case JANUARY -> 1.06;
          case JULY -> 0.93;
          case AUGUST -> 0.82;
          case NOVEMBER -> 1.06;
          case DECEMBER -> 1.04;
          default -> 1.0;
        };
    if (isHoliday(date)) {
      w *= 0.3;
    } else if (MonthDay.from(date).equals(MonthDay.of(12, 24))
        || MonthDay.from(date).equals(MonthDay.of(12, 31))) {
      w *= 0.65;
    }
    w *= 1 + 0.35 * spike(d);
    return w * Math.exp(0.07 * r.nextGaussian());
  }

  private static boolean between(LocalDate date, int m1, int d1, int m2, int d2) {
    MonthDay md = MonthDay.from(date);
    return !md.isBefore(MonthDay.of(m1, d1)) && !md.isAfter(MonthDay.of(m2, d2));
  }

  /** Spanish national holidays, Good Friday included. */
  static boolean isHoliday(LocalDate date) {
    int m = date.getMonthValue();
    int d = date.getDayOfMonth();
    boolean fixed =
        (m == 1 && (d == 1 || d == 6))
            || (m == 5 && d == 1)
            || (m == 8 && d == 15)
            || (m == 10 && d == 12)
            || (m == 11 && d == 1)
            || (m == 12 && (d == 6 || d == 8 || d == 25));
    return fixed
        || (date.getDayOfWeek() == DayOfWeek.FRIDAY
            && date.plusDays(2).equals(easter(date.getYear())));
  }

  /** Easter Sunday (Gregorian), by the anonymous algorithm. */
  static LocalDate easter(int y) {
    int a = y % 19;
    int b = y / 100;
    int c = y % 100;
    int d = b / 4;
    int e = b % 4;
    int f = (b + 8) / 25;
    int g = (b - f + 1) / 3;
    int h = (19 * a + b - d - g + 15) % 30;
    int i = c / 4;
    int k = c % 4;
    int l = (32 + 2 * e + 2 * i - h - k) % 7;
    int m = (a + 11 * h + 22 * l) / 451;
    int month = (h + l - 7 * m + 114) / 31;
    int day = (h + l - 7 * m + 114) % 31 + 1;
    return LocalDate.of(y, month, day);
  }

  /** Cumulative whole quotas of {@code total} in proportion to the weights (largest remainder). */
  private static long[] quotas(long total, double[] w) {
    double sum = 0;
    for (double v : w) {
      sum += v;
    }
    long[] q = new long[w.length];
    double[] frac = new double[w.length];
    long assigned = 0;
    for (int i = 0; i < w.length; i++) {
      double exact = total * (w[i] / sum);
      q[i] = (long) Math.floor(exact);
      frac[i] = exact - q[i];
      assigned += q[i];
    }
    Integer[] order = new Integer[w.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(
        order,
        (a, b) -> frac[a] != frac[b] ? Double.compare(frac[b], frac[a]) : Integer.compare(a, b));
    long left = total - assigned;
    for (int k = 0; left > 0; k = (k + 1) % order.length, left--) {
      q[order[k]]++;
    }
    for (int k = 0; left < 0; k = (k + 1) % order.length) {
      if (q[order[order.length - 1 - k]] > 0) {
        q[order[order.length - 1 - k]]--;
        left++;
      }
    }
    long[] cum = new long[w.length];
    long run = 0;
    for (int i = 0; i < w.length; i++) {
      run += q[i];
      cum[i] = run;
    }
    return cum;
  }
}
