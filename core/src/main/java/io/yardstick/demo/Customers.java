package io.yardstick.demo;

import io.yardstick.model.Customer;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The customer base: about one customer per six contacts. Most were customers before the period;
 * the rest join at an even pace during it, customer numbers in order of joining, so a contact on
 * day d picks among those who have joined. Attributes come from a random stream seeded by the
 * customer number and need no memory; what is remembered per customer is the count of bad
 * experiences (abandoned, unresolved, long waits, poor surveys), which drives churn.
 */
final class Customers {
  private static final String[] TIERS = {"basic", "plus", "premium"};
  private static final double[] TIER_CUMULATIVE = Rng.cumulative(new double[] {0.60, 0.28, 0.12});
  private static final String[] REGIONS = {
    "Catalonia", "Madrid", "Valencia", "Andalusia", "Bucharest", "Cluj"
  };
  private static final double[] REGION_CUMULATIVE =
      Rng.cumulative(new double[] {0.22, 0.24, 0.14, 0.20, 0.12, 0.08});
  private static final double ANNUAL_CHURN = 0.115;

  private final long seed;
  private final Calendar cal;
  final int count;
  private final int existing;
  private final int joiners;
  private final byte[] bad;

  Customers(DemoSettings s, Calendar cal) {
    this.seed = s.seed();
    this.cal = cal;
    this.count = Math.toIntExact(Math.max(1, s.contacts() / 6));
    this.joiners =
        (int) Math.min(count - 1L, Math.round(count * 0.25 * Math.min(1.0, s.days() / 365.0)));
    this.existing = count - joiners;
    this.bad = new byte[count];
  }

  /**
   * A customer for a new contact on day d, among those who have joined: active customers contact
   * more often.
   */
  int pick(int d, SplittableRandom r) {
    long eligible = existing + Math.min(joiners, ceilDiv((d + 1L) * joiners, cal.days));
    int n = 0;
    for (int tries = 0; tries < 8; tries++) {
      n = 1 + (int) r.nextLong(eligible);
      double activity = Rng.unit(Rng.key(seed, 8, n));
      if (r.nextDouble() < 0.12 + 0.88 * activity * activity) {
        break;
      }
    }
    return n;
  }

  static String id(int n) {
    return Emitter.id("cust-", n, 6);
  }

  void badExperience(int n) {
    if (bad[n - 1] < Byte.MAX_VALUE) {
      bad[n - 1]++;
    }
  }

  int badExperiences(int n) {
    return bad[n - 1];
  }

  boolean premium(int n) {
    return attributes(n).tier == 2;
  }

  /**
   * Emits every customer, with churn decided from the period they were exposed and their
   * experiences.
   */
  void emit(Emitter out, Stats stats) {
    for (int n = 1; n <= count; n++) {
      Attributes a = attributes(n);
      LocalDate since = a.since;
      LocalDate from = since.isBefore(cal.first) ? cal.first : since;
      double years = (ChronoUnit.DAYS.between(from, cal.last) + 1) / 365.25;
      double hazard =
          ANNUAL_CHURN * (1 + 0.5 * Math.min(4, bad[n - 1])) * (a.tier == 2 ? 0.7 : 1.0);
      LocalDate churned = null;
      if (a.random.nextDouble() < 1 - Math.exp(-hazard * years)) {
        // A constant hazard puts the churn day anywhere in the exposure, so monthly retention stays
        // level over the
        // year. Drawing it after the last contact instead crowded churn into the last weeks
        // (customers contact until
        // the end), which made retention fall from 99.9% to 90% a month at the end of every demo.
        // (A churned customer may still have later contacts: final bills, win-back calls.)
        churned = from.plusDays(a.random.nextLong(ChronoUnit.DAYS.between(from, cal.last) + 1));
        stats.churned++;
      }
      Map<String, String> attrs = new LinkedHashMap<>();
      attrs.put("age", Integer.toString(a.age));
      attrs.put("tier", TIERS[a.tier]);
      attrs.put("region", REGIONS[a.region]);
      out.customer(new Customer(id(n), since, churned, attrs));
    }
    stats.customers = count;
  }

  private record Attributes(
      int age, int tier, int region, LocalDate since, SplittableRandom random) {}

  private Attributes attributes(int n) {
    SplittableRandom r = Rng.of(seed, 7, n);
    double ageDraw = 43 + 15 * r.nextGaussian() + (r.nextDouble() < 0.15 ? 12 : 0);
    int age = Rng.clampRound(ageDraw, 18, 85);
    int tier = Rng.pick(r, TIER_CUMULATIVE);
    int region = Rng.pick(r, REGION_CUMULATIVE);
    double yearsBefore = Math.min(20, Rng.exponential(r, 3.2));
    LocalDate since;
    if (n <= existing) {
      since = cal.first.minusDays(1 + (long) (yearsBefore * 365));
    } else {
      since = cal.first.plusDays((long) (n - existing - 1) * cal.days / joiners);
    }
    return new Attributes(age, tier, region, since, r);
  }

  private static long ceilDiv(long a, long b) {
    return (a + b - 1) / b;
  }
}
