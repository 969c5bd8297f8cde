package io.yardstick.survey;

import io.yardstick.event.EventIngestor;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Surveys while a server runs: at start the answers a stop left unwritten are written and what is
 * due is sent; then invitations are planned and sent on a timer and soon after every committed
 * event batch (a case solved through the events API invites within seconds; an import from the
 * command line within one period of the timer), on a thread of their own so that SMTP never holds
 * up the events.
 *
 * <pre>{@code
 * try (SurveyService s = SurveyService.start(surveys, ingestor, Duration.ofSeconds(30))) { ... }
 * }</pre>
 */
public final class SurveyService implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger("yardstick.surveys");
  private final Surveys surveys;
  private final ScheduledExecutorService worker;
  private final AtomicBoolean queued = new AtomicBoolean();

  private SurveyService(Surveys surveys, ScheduledExecutorService worker) {
    this.surveys = surveys;
    this.worker = worker;
  }

  public static SurveyService start(Surveys surveys, EventIngestor ingestor, Duration every) {
    ScheduledExecutorService worker =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "yardstick-surveys");
              t.setDaemon(true);
              return t;
            });
    SurveyService service = new SurveyService(surveys, worker);
    worker.execute(
        () -> {
          try {
            int n = surveys.repair();
            if (n > 0)
              LOG.log(
                  System.Logger.Level.INFO,
                  "Wrote again " + n + " survey answers a stop had left unwritten");
          } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "Repairing survey answers failed", e);
          }
        });
    if (!surveys.settings().rules().isEmpty()) {
      ingestor.onCommit(now -> service.runSoon());
    }
    long ms = Math.max(1, every.toMillis());
    worker.scheduleWithFixedDelay(service::round, 0, ms, TimeUnit.MILLISECONDS);
    return service;
  }

  /** Plans and sends soon on the survey thread (at most one round waiting). */
  public void runSoon() {
    if (queued.compareAndSet(false, true)) {
      worker.execute(
          () -> {
            queued.set(false);
            round();
          });
    }
  }

  private void round() {
    try {
      surveys.plan();
      surveys.dispatch();
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.WARNING, "Planning or sending survey invitations failed", e);
    }
  }

  /** Waits until what was queued so far has run (tests). */
  public void await() {
    try {
      worker.submit(() -> {}).get(2, TimeUnit.MINUTES);
    } catch (Exception e) {
      throw new IllegalStateException("The survey round did not finish: " + e, e);
    }
  }

  public Surveys surveys() {
    return surveys;
  }

  @Override
  public void close() {
    worker.shutdown();
    try {
      worker.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    worker.shutdownNow();
  }
}
