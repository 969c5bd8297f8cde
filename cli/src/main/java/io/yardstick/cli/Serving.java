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
   * From how many contacts a store without rollups is told about them at start: measured, the
   * rollups answered the overview 0.44 times as long as a scan at 10 M contacts and 1.70 times at 1
   * M (docs/benchmarks.md, "Rollups").
   */
  static final long ROLLUP_HINT_CONTACTS = 5_000_000;

  /** The start-up line suggesting rollups to a large store that keeps none, else null. */
  static String rollupHint(Store store, String location) {
    if (store.dialect() == Store.Dialect.SPARK) return null; // a Spark store keeps none
    boolean built = io.yardstick.kpi.rollup.Rollups.built(store);
    return rollupHint(
        built, built ? 0 : store.count(io.yardstick.model.RecordType.CONTACTS), location);
  }

  static String rollupHint(boolean built, long contacts, String location) {
    if (built || contacts < ROLLUP_HINT_CONTACTS) return null;
    return String.format(
        java.util.Locale.ROOT,
        "%,d contacts and no rollups: every question scans them. `./yardstick rollups rebuild"
            + " --db %s` builds them once (minutes) and answers the overview about twice as fast"
            + " (docs/rollups.md).",
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
