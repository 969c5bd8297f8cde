package io.yardstick.kpi;

import io.yardstick.store.Store;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

/**
 * The KPI agreement kit on PostgreSQL: an embedded server (real binaries from Maven Central), started once for the
 * class, or the server of YARDSTICK_TEST_POSTGRES (a JDBC URL with user and password), in a fresh database.
 */
class PostgresKpiAgreementTest extends KpiAgreementKit {
  private EmbeddedPostgres postgres;

  @Override
  protected Store newStore() throws Exception {
    String adminUrl;
    String external = System.getenv("YARDSTICK_TEST_POSTGRES");
    if (external != null && !external.isBlank()) {
      adminUrl = external;
    } else {
      postgres = EmbeddedPostgres.builder().start();
      adminUrl = postgres.getJdbcUrl("postgres", "postgres");
    }
    String name = "yardstick_kpi_agreement_" + ProcessHandle.current().pid();
    try (Connection c = DriverManager.getConnection(adminUrl); Statement st = c.createStatement()) {
      st.execute("DROP DATABASE IF EXISTS " + name);
      st.execute("CREATE DATABASE " + name);
    }
    return Store.open(withDatabase(adminUrl, name));
  }

  @Override
  protected void stopServer() throws Exception {
    if (postgres != null) postgres.close();
  }

  /** Replaces the database name in a jdbc:postgresql://host:port/db?params URL. */
  static String withDatabase(String url, String database) {
    int slash = url.indexOf('/', "jdbc:postgresql://".length());
    int query = url.indexOf('?', slash);
    return url.substring(0, slash + 1) + database + (query >= 0 ? url.substring(query) : "");
  }
}
