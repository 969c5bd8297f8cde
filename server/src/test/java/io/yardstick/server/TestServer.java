package io.yardstick.server;

import io.yardstick.demo.ContactCenterSimulation;
import io.yardstick.demo.DemoSettings;
import io.yardstick.kpi.KpiSettings;
import io.yardstick.store.Loader;
import io.yardstick.store.Store;
import io.yardstick.user.Role;
import io.yardstick.user.Users;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * One server for the API and browser tests of a test run: a small simulated contact center (3,000
 * contacts over the 61 days to 2026-06-30, Europe/Madrid, seed 7) in a temporary DuckDB file,
 * served on a free port, with these users: admin (one-time password, must choose their own), root
 * (admin), mia (manager) and ana (agent of agent-003).
 */
final class TestServer {
  static final LocalDate LAST_DAY = LocalDate.of(2026, 6, 30);
  static final ZoneId ZONE = ZoneId.of("Europe/Madrid");
  static final String ADMIN_ONE_TIME = "one-time-pass-42";
  static final String ROOT = "root";
  static final String MIA = "mia";
  static final String ANA = "ana";
  static final String ANA_AGENT = "agent-003";
  static final String PASSWORD = "test-password-1";

  /**
   * The time of every server test: 1 July 2026, 08:00 UTC, the morning after the data's last day,
   * when the test run starts, then ticking with the wall clock (sessions, tokens and the audit log
   * see time pass). No test depends on the day it runs: a forecast's actuals are all past, a goal's
   * remaining days are the same every run.
   */
  static final Clock CLOCK =
      Clock.offset(
          Clock.systemUTC(),
          java.time.Duration.between(
              java.time.Instant.now(), java.time.Instant.parse("2026-07-01T08:00:00Z")));

  private static TestServer shared;

  final Path dir;
  final Store store;
  final YardstickServer server;

  private TestServer() throws IOException {
    dir = Files.createTempDirectory("yardstick-server-test");
    store = Store.open(dir.resolve("test.duckdb").toString());
    try (Loader loader = store.loader()) {
      new ContactCenterSimulation(new DemoSettings(3_000, 61, 7, LAST_DAY, ZONE))
          .run(loader, n -> {});
      loader.commit();
    }
    Users users = new Users(store, CLOCK);
    users.add("admin", Role.ADMIN, null, ADMIN_ONE_TIME, true);
    users.add(ROOT, Role.ADMIN, null, PASSWORD, false);
    users.add(MIA, Role.MANAGER, null, PASSWORD, false);
    users.add(ANA, Role.AGENT, ANA_AGENT, PASSWORD, false);
    server = YardstickServer.start(store, KpiSettings.defaults(), CLOCK, 0);
    Runtime.getRuntime().addShutdownHook(new Thread(this::stop, "test-server-stop"));
  }

  static synchronized TestServer get() {
    if (shared == null) {
      try {
        shared = new TestServer();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return shared;
  }

  String url(String path) {
    return "http://localhost:" + server.port() + path;
  }

  /** The query of the period the tests look at: June 2026 in Madrid. */
  static String period() {
    return "from=2026-06-01&to=2026-06-30&tz=Europe/Madrid";
  }

  private void stop() {
    server.close();
    store.close();
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // A temporary directory left behind is harmless.
    }
  }
}
