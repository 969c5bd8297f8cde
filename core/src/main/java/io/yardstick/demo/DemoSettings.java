package io.yardstick.demo;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;

/**
 * What the demo simulates: {@code contacts} contacts in total over the {@code days} local days
 * ending on {@code lastDay} (inclusive) in {@code zone}. The same settings always give the same
 * rows.
 *
 * <p>With {@code stopAt} (an instant of the last day, or null) the simulation stops there, as if it
 * were now: nothing arrives after it, contacts not yet answered or abandoned are left waiting, and
 * the agents on shift are left in their state, so that the wallboard has something live to show
 * (docs/demo.md).
 */
public record DemoSettings(
    long contacts, int days, long seed, LocalDate lastDay, ZoneId zone, Instant stopAt) {
  private static final long DEFAULT_CONTACTS = 250_000;
  private static final int DEFAULT_DAYS = 365;
  private static final long DEFAULT_SEED = 42;
  private static final ZoneId DEFAULT_ZONE = ZoneId.of("Europe/Madrid");

  public DemoSettings {
    if (contacts < 1) {
      throw new IllegalArgumentException("contacts must be 1 or more, not " + contacts);
    }
    if (days < 1) {
      throw new IllegalArgumentException("days must be 1 or more, not " + days);
    }
    Objects.requireNonNull(lastDay, "lastDay");
    Objects.requireNonNull(zone, "zone");
    if (stopAt != null && !lastDay.equals(LocalDate.ofInstant(stopAt, zone))) {
      throw new IllegalArgumentException(
          "stopAt must fall on the last day " + lastDay + " in " + zone + ", not " + stopAt);
    }
  }

  /** A whole simulation, up to the end of the last day. */
  public DemoSettings(long contacts, int days, long seed, LocalDate lastDay, ZoneId zone) {
    this(contacts, days, seed, lastDay, zone, null);
  }

  /** 250,000 contacts over the 365 days ending on {@code lastDay}, seed 42, in Europe/Madrid. */
  public static DemoSettings defaults(LocalDate lastDay) {
    return new DemoSettings(
        DEFAULT_CONTACTS, DEFAULT_DAYS, DEFAULT_SEED, lastDay, DEFAULT_ZONE, null);
  }

  public DemoSettings withContacts(long n) {
    return new DemoSettings(n, days, seed, lastDay, zone, stopAt);
  }

  public DemoSettings withDays(int d) {
    return new DemoSettings(contacts, d, seed, lastDay, zone, stopAt);
  }

  public DemoSettings withSeed(long s) {
    return new DemoSettings(contacts, days, s, lastDay, zone, stopAt);
  }

  /** The same simulation stopped at an instant of its last day (see the class comment). */
  public DemoSettings withStopAt(Instant at) {
    return new DemoSettings(contacts, days, seed, lastDay, zone, at);
  }

  /** The first simulated day. */
  public LocalDate firstDay() {
    return lastDay.minusDays(days - 1L);
  }
}
