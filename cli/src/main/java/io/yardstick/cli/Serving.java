package io.yardstick.cli;

import io.yardstick.server.YardstickServer;
import io.yardstick.settings.Settings;
import io.yardstick.store.Store;
import io.yardstick.user.Role;
import io.yardstick.user.User;
import io.yardstick.user.Users;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

/**
 * Starts the server over an open store and waits until the process is stopped (Ctrl-C), then shuts
 * down cleanly.
 */
final class Serving {
  private Serving() {}

  static void serveUntilStopped(
      Store store, String location, Settings settings, int port, String logTo, PrintWriter out)
      throws InterruptedException, java.io.IOException {
    serveUntilStopped(
        store, location, settings, port, logTo, YardstickServer.Network.everywhere(), out);
  }

  /**
   * With every section of the settings file the command read (--settings): KPIs, goals, SLA
   * policies, surveys...
   */
  static void serveUntilStopped(
      Store store,
      String location,
      Settings settings,
      int port,
      String logTo,
      YardstickServer.Network network,
      PrintWriter out)
      throws InterruptedException, java.io.IOException {
    buildRollups(store, io.yardstick.kpi.rollup.Rollups.buildOnOpenFrom(System.getenv()), out);
    Clock clock = Clock.systemUTC();
    Users users = new Users(store, clock);
    String login = firstLogin(users);
    CountDownLatch stopped = new CountDownLatch(1);
    YardstickServer server =
        YardstickServer.start(
            store,
            settings,
            clock,
            port,
            io.yardstick.alert.AlertSettings.fromEnvironment(),
            network);
    // The daily forecast of every channel and queue (YARDSTICK_DAILY_FORECAST=off turns it off;
    // docs/forecasting.md).
    server.scheduleDailyForecast(
        store,
        io.yardstick.forecast.DailyForecast.fromEnvironment(),
        settings.get(io.yardstick.settings.Settings.FORECAST),
        clock);
    // Other processes' commands on this DuckDB file are run here, on the open store (docs in
    // LocalCommands).
    String base =
        (network.tls() == null ? "http" : "https")
            + "://"
            + (network.bind() == null ? "localhost" : network.bind())
            + ":"
            + server.port();
    LocalCommands local = LocalCommands.start(location, store, base + "/");
    Thread hook =
        new Thread(
            () -> {
              if (local != null) local.close();
              server.close();
              stopped.countDown();
            },
            "yardstick-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    out.print(banner(store.describe(), base + "/", login, logTo, rollupHint(store, location)));
    out.flush();
    stopped.await();
  }

  /**
   * The start-up block (issue 12, part 14): what is served, where to open it, how to log in, the
   * API, where the log goes and how to stop; nothing else is printed while serving.
   */
  static String banner(String store, String url, String login, String logTo, String hint) {
    java.util.List<String> lines = new java.util.ArrayList<>();
    lines.add("");
    lines.add("  Yardstick is serving " + store);
    lines.add("  Open    " + url);
    lines.add("  Log in  " + login);
    lines.add("  API     " + url + "openapi.json");
    lines.add("  Log     " + logTo);
    if (hint != null) lines.add("  Faster  " + hint);
    lines.add("  Stop with Ctrl-C.");
    lines.add("");
    return String.join(System.lineSeparator(), lines) + System.lineSeparator();
  }

  /**
   * Builds the rollups of a store that keeps none and holds {@code fromContacts} contacts or more,
   * before serving it (docs/rollups.md, "On by size"): a bar on a terminal, a line per step
   * otherwise. Returns whether it built them.
   */
  static boolean buildRollups(Store store, long fromContacts, PrintWriter out) {
    if (!io.yardstick.kpi.rollup.Rollups.buildWanted(store, fromContacts)) {
      keepPercentiles(store, fromContacts, out);
      return false;
    }
    long t0 = System.nanoTime();
    out.printf(
        java.util.Locale.ROOT,
        "Building the rollups of these %,d contacts, once: dashboards are then answered from them"
            + " (docs/rollups.md; `yardstick rollups off` keeps a store without them).%n",
        store.count(io.yardstick.model.RecordType.CONTACTS));
    out.flush();
    try (Progress bar = Progress.start("Rollups", 10, " steps", 1, true)) {
      io.yardstick.kpi.rollup.Rollups.ensureBuilt(
          store,
          (step, steps, what) -> {
            if (bar.shown()) {
              bar.max(steps); // 10, or 10 a part for a store built in parts
              bar.message("(" + what + ": done)");
              bar.stepTo(step);
            } else {
              stepLine(out, t0).done(step, steps, what);
            }
          });
    }
    out.printf(java.util.Locale.ROOT, "Rollups built in %.1f s.%n", (System.nanoTime() - t0) / 1e9);
    out.flush();
    return true;
  }

  /**
   * Computes the kept percentiles of whole days, weeks and months of a large store whose rollups
   * were built by a version that kept none (docs/rollups.md), before serving it, a line per step.
   */
  private static void keepPercentiles(Store store, long fromContacts, PrintWriter out) {
    if (!io.yardstick.kpi.rollup.Rollups.spansWanted(store, fromContacts)) return;
    long t0 = System.nanoTime();
    java.util.List<java.time.ZoneId> zones = io.yardstick.kpi.rollup.Rollups.keptZones(store);
    out.println(
        "Keeping the percentiles of whole days, weeks and months of these rollups, once ("
            + (zones.isEmpty()
                ? "UTC; `yardstick rollups zones ZONE...` sets the zones"
                : String.join(", ", zones.stream().map(java.time.ZoneId::getId).toList()))
            + "):");
    out.flush();
    io.yardstick.kpi.rollup.Rollups.keepZones(store, zones, stepLine(out, t0));
  }

  /** A build's progress as a line per step, with the seconds since t0 (no terminal, or no bar). */
  private static io.yardstick.kpi.rollup.Rollups.BuildProgress stepLine(PrintWriter out, long t0) {
    return (step, steps, what) -> {
      out.printf(
          java.util.Locale.ROOT,
          "  %s (%d of %d), %.1f s%n",
          what,
          step,
          steps,
          (System.nanoTime() - t0) / 1e9);
      out.flush();
    };
  }

  /**
   * The start-up line for a large store whose rollups were turned off by hand ({@code yardstick
   * rollups off}), else null: from the size at which serve would have built them.
   */
  static String rollupHint(Store store, String location) {
    if (store.dialect() == Store.Dialect.SPARK) return null; // a Spark store keeps none
    boolean built = io.yardstick.kpi.rollup.Rollups.built(store);
    return rollupHint(
        built, built ? 0 : store.count(io.yardstick.model.RecordType.CONTACTS), location);
  }

  static String rollupHint(boolean built, long contacts, String location) {
    if (built
        || contacts < io.yardstick.kpi.rollup.Rollups.buildOnOpenFrom(System.getenv())
        || contacts == 0) return null;
    return String.format(
        java.util.Locale.ROOT,
        "%,d contacts and the rollups turned off: every question scans them. `./yardstick rollups"
            + " rebuild --db %s` builds them once (minutes) and answers the overview about three"
            + " times as fast (docs/rollups.md).",
        contacts,
        DbOption.shellQuoted(location));
  }

  /**
   * The first start creates an admin with a one-time password; while that admin has not chosen a
   * password, each start issues a new one-time password (only hashes are stored, so the old one
   * cannot be shown again).
   */
  static String firstLogin(Users users) {
    if (users.isEmpty()) {
      String password = users.add("admin", Role.ADMIN, null);
      return "admin, one-time password " + password + " (you will choose your own)";
    }
    Optional<User> admin = users.find("admin");
    if (admin.isPresent() && admin.get().mustChangePassword()) {
      String password = users.resetPassword("admin");
      return "admin, one-time password " + password + " (you will choose your own)";
    }
    return "with your user (./yardstick user add NAME --role manager creates one)";
  }
}
