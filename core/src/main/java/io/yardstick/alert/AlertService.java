package io.yardstick.alert;

import io.yardstick.event.EventIngestor;
import io.yardstick.kpi.KpiEngine;
import io.yardstick.store.Store;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Alerting while a server runs: live rules evaluated after every committed event batch, every rule
 * on a timer, and the notifications sent on a thread of their own (a webhook's back-off never holds
 * up the events). At start it sends what a previous run recorded but did not send.
 *
 * <pre>{@code
 * try (AlertService alerts = AlertService.start(store, engine, ingestor, clock, AlertSettings.fromEnvironment())) {
 *   ...
 * }
 * }</pre>
 */
public final class AlertService implements AutoCloseable {
  private final AlertEvaluator evaluator;
  private final Notifications notifications;
  private final ScheduledExecutorService timer;
  private final ExecutorService sender;

  private AlertService(
      AlertEvaluator evaluator,
      Notifications notifications,
      ScheduledExecutorService timer,
      ExecutorService sender) {
    this.evaluator = evaluator;
    this.notifications = notifications;
    this.timer = timer;
    this.sender = sender;
  }

  public static AlertService start(
      Store store, KpiEngine engine, EventIngestor ingestor, Clock clock, AlertSettings settings) {
    return start(
        new AlertEvaluator(store, engine, ingestor::live, clock),
        Notifications.standard(store, clock, settings),
        ingestor,
        settings);
  }

  static AlertService start(
      AlertEvaluator evaluator,
      Notifications notifications,
      EventIngestor ingestor,
      AlertSettings settings) {
    ScheduledExecutorService timer =
        Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "yardstick-alerts"));
    ExecutorService sender =
        Executors.newSingleThreadExecutor(r -> daemon(r, "yardstick-notifications"));
    AlertService service = new AlertService(evaluator, notifications, timer, sender);
    ingestor.onCommit(
        now -> {
          if (!evaluator.evaluate(AlertEvaluator.Scope.LIVE).isEmpty()) service.dispatchSoon();
        });
    long every = Math.max(1, settings.evaluateEvery().toMillis());
    timer.scheduleWithFixedDelay(service::evaluateAll, every, every, TimeUnit.MILLISECONDS);
    service.dispatchSoon();
    return service;
  }

  private static Thread daemon(Runnable r, String name) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    return t;
  }

  /** What a rule measures now, without recording anything. */
  public AlertEvaluator.Measure measureNow(AlertRule rule) {
    return evaluator.measureNow(rule);
  }

  /** Evaluates every rule now and sends what changed; returns the changes. */
  public List<AlertEvaluator.Transition> evaluateAll() {
    try {
      List<AlertEvaluator.Transition> changes = evaluator.evaluate(AlertEvaluator.Scope.ALL);
      if (!changes.isEmpty()) dispatchSoon();
      return changes;
    } catch (RuntimeException e) {
      System.getLogger("yardstick.alerts")
          .log(System.Logger.Level.WARNING, "Alert evaluation failed", e);
      return List.of();
    }
  }

  /** Sends pending notifications on the sender thread. */
  public void dispatchSoon() {
    sender.execute(
        () -> {
          try {
            notifications.dispatch();
          } catch (RuntimeException e) {
            System.getLogger("yardstick.alerts")
                .log(System.Logger.Level.WARNING, "Sending notifications failed", e);
          }
        });
  }

  /** Waits until the notifications queued so far are sent (tests, shutdown). */
  public void awaitNotifications() {
    try {
      sender.submit(() -> {}).get(2, TimeUnit.MINUTES);
    } catch (Exception e) {
      throw new IllegalStateException("The notifications did not finish: " + e, e);
    }
  }

  @Override
  public void close() {
    timer.shutdownNow();
    sender.shutdown();
    try {
      sender.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
