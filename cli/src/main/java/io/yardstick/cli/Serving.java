package io.yardstick.cli;

import io.yardstick.kpi.KpiSettings;
import io.yardstick.server.YardstickServer;
import io.yardstick.store.Store;
import io.yardstick.user.Role;
import io.yardstick.user.User;
import io.yardstick.user.Users;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

/** Starts the server over an open store and waits until the process is stopped (Ctrl-C), then shuts down cleanly. */
final class Serving {
  private Serving() {}

  static void serveUntilStopped(Store store, String location, KpiSettings settings, int port, PrintWriter out)
      throws InterruptedException, java.io.IOException {
    serveUntilStopped(store, location, settings, port, YardstickServer.Network.everywhere(), out);
  }

  static void serveUntilStopped(Store store, String location, KpiSettings settings, int port,
      YardstickServer.Network network, PrintWriter out) throws InterruptedException, java.io.IOException {
    Clock clock = Clock.systemUTC();
    Users users = new Users(store, clock);
    String login = firstLogin(users);
    CountDownLatch stopped = new CountDownLatch(1);
    YardstickServer server = YardstickServer.start(store, settings, clock, port,
        io.yardstick.alert.AlertSettings.fromEnvironment(), network);
    // Other processes' commands on this DuckDB file are run here, on the open store (docs in LocalCommands).
    String base = (network.tls() == null ? "http" : "https") + "://" + (network.bind() == null ? "localhost"
        : network.bind()) + ":" + server.port();
    LocalCommands local = LocalCommands.start(location, store, base + "/");
    Thread hook = new Thread(() -> {
      if (local != null) local.close();
      server.close();
      stopped.countDown();
    }, "yardstick-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    out.println("Yardstick is serving " + store.describe() + " at " + base + "/");
    out.println(login);
    out.println("API: " + base + "/openapi.json; stop with Ctrl-C.");
    out.flush();
    stopped.await();
  }

  /**
   * The first start creates an admin with a one-time password; while that admin has not chosen a password, each start
   * issues a new one-time password (only hashes are stored, so the old one cannot be shown again).
   */
  static String firstLogin(Users users) {
    if (users.isEmpty()) {
      String password = users.add("admin", Role.ADMIN, null);
      return "Log in as admin with the one-time password " + password + " (you will choose your own).";
    }
    Optional<User> admin = users.find("admin");
    if (admin.isPresent() && admin.get().mustChangePassword()) {
      String password = users.resetPassword("admin");
      return "Log in as admin with the one-time password " + password + " (you will choose your own).";
    }
    return "Log in with your user; ./yardstick user add NAME --role manager creates one.";
  }
}
