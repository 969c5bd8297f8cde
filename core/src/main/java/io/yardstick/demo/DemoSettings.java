package io.yardstick.demo;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;

/**
 * What the demo simulates: {@code contacts} contacts in total over the {@code days} local days ending on
 * {@code lastDay} (inclusive) in {@code zone}. The same settings always give the same rows.
 */
public record DemoSettings(long contacts, int days, long seed, LocalDate lastDay, ZoneId zone) {
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
  }

  /** 250,000 contacts over the 365 days ending on {@code lastDay}, seed 42, in Europe/Madrid. */
  public static DemoSettings defaults(LocalDate lastDay) {
    return new DemoSettings(DEFAULT_CONTACTS, DEFAULT_DAYS, DEFAULT_SEED, lastDay, DEFAULT_ZONE);
  }

  public DemoSettings withContacts(long n) {
    return new DemoSettings(n, days, seed, lastDay, zone);
  }

  public DemoSettings withDays(int d) {
    return new DemoSettings(contacts, d, seed, lastDay, zone);
  }

  public DemoSettings withSeed(long s) {
    return new DemoSettings(contacts, days, s, lastDay, zone);
  }

  /** The first simulated day. */
  public LocalDate firstDay() {
    return lastDay.minusDays(days - 1L);
  }
}
