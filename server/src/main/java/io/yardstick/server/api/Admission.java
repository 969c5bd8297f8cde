package io.yardstick.server.api;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.yardstick.kpi.Limits;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Admission control for the routes that ask the KPI engine: at most {@link
 * Limits#maxConcurrentQueries()} run at once; another waits up to {@link Limits#queueWait()} for a
 * turn and is then answered 503 with {@code Retry-After}. Cheap routes ({@code /health}, log-in,
 * the pages, rules and users) never wait here, so they stay fast while heavy questions run.
 *
 * <pre>{@code
 * new Admission(settings.limits()).guard(app, List.of("/api/kpi", "/api/series"));
 * }</pre>
 */
public final class Admission {
  private static final String TURN = "yardstick.admitted";

  private final Semaphore turns;
  private final Limits limits;

  public Admission(Limits limits) {
    this.limits = limits;
    this.turns = new Semaphore(limits.maxConcurrentQueries(), true);
  }

  /**
   * Requests to these paths (and below them) take a turn before they run and give it back when
   * answered.
   */
  public void guard(Javalin app, List<String> paths) {
    for (String path : paths) {
      for (String p : List.of(path, path + "/*")) {
        app.before(p, this::enter);
        // After-handlers run whatever happened before them (Javalin runs AFTER also after an
        // exception).
        app.after(p, Admission::leave);
      }
    }
  }

  private void enter(Context ctx) throws InterruptedException {
    if (ctx.method() == io.javalin.http.HandlerType.OPTIONS
        || ctx.method() == io.javalin.http.HandlerType.HEAD) return;
    if (ctx.attribute(TURN) != null) return;
    if (!turns.tryAcquire(limits.queueWait().toMillis(), TimeUnit.MILLISECONDS)) {
      throw new ApiException(
              503,
              "Busy",
              "The server is answering "
                  + limits.maxConcurrentQueries()
                  + " KPI questions already (limits.max_concurrent_queries in the settings file); ask again in a few"
                  + " seconds.")
          .retryAfterSeconds(5);
    }
    ctx.attribute(TURN, this);
  }

  private static void leave(Context ctx) {
    if (ctx.attribute(TURN) instanceof Admission a) {
      ctx.attribute(TURN, null);
      a.turns.release();
    }
  }

  /** The turns free now (tests). */
  public int free() {
    return turns.availablePermits();
  }
}
