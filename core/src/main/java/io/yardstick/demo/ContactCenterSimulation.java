package io.yardstick.demo;

import io.yardstick.store.Loader;
import java.util.Objects;
import java.util.function.LongConsumer;

/**
 * A simulated contact center that fills a store with a realistic period of data: contacts on five
 * channels with queues, agents on shifts, waits and abandons that come out of the simulation,
 * repeat contacts of unresolved cases, callbacks, sales, surveys, agent states, customers and
 * monthly costs. The same settings always give the same rows.
 *
 * <pre>{@code
 * try (Loader loader = store.loader()) {
 *   DemoSummary summary = new ContactCenterSimulation(DemoSettings.defaults(LocalDate.now())).run(loader, n -> {});
 *   loader.commit();
 *   summary.highlights().forEach(System.out::println);
 * }
 * }</pre>
 */
public final class ContactCenterSimulation {
  private final DemoSettings settings;

  public ContactCenterSimulation(DemoSettings settings) {
    this.settings = Objects.requireNonNull(settings, "settings");
  }

  /**
   * Streams every record into the loader's sinks (the caller commits); progress receives contacts
   * generated so far (every 10,000 contacts, and once at the end).
   */
  public DemoSummary run(Loader loader, LongConsumer progress) {
    Objects.requireNonNull(loader, "loader");
    Objects.requireNonNull(progress, "progress");
    return new Engine(settings, loader, progress).run();
  }
}
