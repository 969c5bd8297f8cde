package io.yardstick.kpi;

import io.yardstick.YardstickException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * How long contacts are kept: contacts that arrived (and surveys submitted) more than {@code
 * contactsMonths} months ago are erased ({@link io.yardstick.store.Store#erase}) by {@code
 * yardstick erase --retention} and daily by the server; 0 keeps them for ever (the default).
 * Settings file: {@code retention: {contacts_months: 25}}.
 *
 * <pre>{@code
 * settings.retention().cutoff(clock)  // Optional[2024-11-06T00:00:00Z] for 25 months on 2026-12-06
 * }</pre>
 */
public record Retention(int contactsMonths) {
  public Retention {
    if (contactsMonths < 0 || contactsMonths > 1200) {
      throw new YardstickException(
          "retention.contacts_months must be 0 (keep for ever) to 1200; got "
              + contactsMonths
              + ".");
    }
  }

  /** Contacts are kept for ever. */
  public static Retention defaults() {
    return new Retention(0);
  }

  /**
   * The instant before which records go: the start of today (UTC) less the months; empty when kept
   * for ever.
   */
  public Optional<Instant> cutoff(Clock clock) {
    if (contactsMonths == 0) return Optional.empty();
    return Optional.of(
        clock
            .instant()
            .atZone(ZoneOffset.UTC)
            .toLocalDate()
            .minusMonths(contactsMonths)
            .atStartOfDay(ZoneOffset.UTC)
            .toInstant());
  }
}
