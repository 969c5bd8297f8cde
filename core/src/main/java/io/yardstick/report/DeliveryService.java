package io.yardstick.report;

import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Scheduled reports while a server runs: {@link Deliveries#tick()} at start (what a stop missed or
 * interrupted) and then every {@code checkEvery}, on a thread of its own; a failure is logged and
 * tried again at the next tick.
 */
public final class DeliveryService implements AutoCloseable {
  private final Deliveries deliveries;
  private final ScheduledExecutorService timer;

  private DeliveryService(Deliveries deliveries, ScheduledExecutorService timer) {
    this.deliveries = deliveries;
    this.timer = timer;
  }

  public static DeliveryService start(Deliveries deliveries, ReportSettings settings) {
    ScheduledExecutorService timer =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "yardstick-reports");
              t.setDaemon(true);
              return t;
            });
    DeliveryService service = new DeliveryService(deliveries, timer);
    long every = Math.max(1000, settings.checkEvery().toMillis());
    timer.scheduleWithFixedDelay(service::tickQuietly, 0, every, TimeUnit.MILLISECONDS);
    return service;
  }

  private void tickQuietly() {
    try {
      deliveries.tick();
    } catch (RuntimeException e) {
      System.getLogger("yardstick.reports")
          .log(System.Logger.Level.WARNING, "Report deliveries failed", e);
    }
  }

  /** Records due occurrences and sends what is not sent yet, now, on the caller's thread. */
  public int tick() {
    return deliveries.tick();
  }

  /** Sends the schedule now to all its targets; returns the idempotency keys recorded. */
  public List<String> sendNow(Schedule s) {
    return deliveries.sendNow(s);
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
