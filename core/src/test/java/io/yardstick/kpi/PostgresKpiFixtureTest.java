package io.yardstick.kpi;

import io.yardstick.store.Store;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The KPI fixtures on PostgreSQL: one embedded server for the class (or the external server of YARDSTICK_TEST_POSTGRES,
 * a JDBC URL with user and password), a fresh database per test.
 */
class PostgresKpiFixtureTest extends KpiFixtureKit {
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
    String name = "yardstick_kpi_fixture_" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
    try (Connection c = DriverManager.getConnection(adminUrl); Statement st = c.createStatement()) {
      st.execute("DROP DATABASE IF EXISTS " + name);
      st.execute("CREATE DATABASE " + name);
    }
    return Store.open(withDatabase(adminUrl, name));
  }

  /** Replaces the database name in a jdbc:postgresql://host:port/db?params URL. */
  private static String withDatabase(String url, String database) {
    int slash = url.indexOf('/', "jdbc:postgresql://".length());
    int query = url.indexOf('?', slash);
    return url.substring(0, slash + 1) + database + (query >= 0 ? url.substring(query) : "");
  }
}
