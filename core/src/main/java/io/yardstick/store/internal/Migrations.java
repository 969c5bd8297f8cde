package io.yardstick.store.internal;

import io.yardstick.store.Store;
import io.yardstick.store.StoreException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Versioned schema migrations: {@code migrations/<dialect>/V<n>__<description>.sql} on the class
 * path, listed in {@link #VERSIONS}, each applied once in its own transaction and recorded in
 * {@code yardstick_schema}. A store written by a newer Yardstick (a version this one does not know)
 * is refused rather than misread.
 *
 * <p>Why no migration library: the need is a few dozen lines that must behave the same on DuckDB
 * and PostgreSQL, and the schema is rendered per dialect anyway (DuckDB tables carry no primary-key
 * index; see docs/architecture.md).
 */
final class Migrations {
  /** Every migration, in order; the file of version n is named V{n}__{description}.sql. */
  static final List<String> VERSIONS =
      List.of(
          "V1__canonical_records",
          "V2__users_and_tokens",
          "V3__call_outcomes",
          "V4__forecasts",
          "V5__data_version",
          "V6__cases",
          "V7__goals",
          "V8__events_and_alerts",
          "V9__id_counters",
          "V10__audit_log",
          "V11__user_teams",
          "V12__accounts",
          "V13__sso_identities",
          "V14__saved_views_and_report_schedules",
          "V15__survey_invitations",
          "V16__tickets_and_ticket_events",
          "V17__sla_refresh_state",
          "V18__rollups",
          "V19__sla_alert_notices",
          "V20__rollups_single_dimensions",
          "V21__rollups_kept_off",
          "V22__rollup_spans");

  private Migrations() {}

  static void apply(Connection connection, Store.Dialect dialect) {
    try {
      try (Statement st = connection.createStatement()) {
        st.execute(
            "CREATE TABLE IF NOT EXISTS yardstick_schema (version INTEGER PRIMARY KEY, description TEXT NOT NULL,"
                + " applied_at TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP)");
      }
      int current = 0;
      try (Statement st = connection.createStatement();
          ResultSet rs =
              st.executeQuery("SELECT COALESCE(MAX(version), 0) FROM yardstick_schema")) {
        rs.next();
        current = rs.getInt(1);
      }
      if (current > VERSIONS.size()) {
        throw new StoreException(
            "This store has schema version "
                + current
                + ", newer than this Yardstick knows ("
                + VERSIONS.size()
                + "); update Yardstick to open it.");
      }
      if (current == VERSIONS.size()) return;
      // Every pending migration in one transaction: a store is at its old version or at the new
      // one, never between; and a new store's 22 migrations cost one commit, not 22 (start-up
      // time of the first command, docs/benchmarks.md).
      connection.setAutoCommit(false);
      String name = null;
      try (Statement st = connection.createStatement();
          PreparedStatement ps =
              connection.prepareStatement(
                  "INSERT INTO yardstick_schema (version, description) VALUES (?, ?)")) {
        for (int v = current + 1; v <= VERSIONS.size(); v++) {
          name = VERSIONS.get(v - 1);
          // Comment lines go first, so that a ';' in a comment does not split a statement.
          String code =
              read(dialect, name)
                  .lines()
                  .filter(l -> !l.strip().startsWith("--"))
                  .collect(Collectors.joining("\n"));
          for (String statement : code.split(";")) {
            if (!statement.isBlank()) {
              st.execute(statement);
            }
          }
          ps.setInt(1, v);
          ps.setString(2, name.substring(name.indexOf("__") + 2).replace('_', ' '));
          ps.executeUpdate();
        }
        connection.commit();
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        throw new StoreException(
            "Migration "
                + name
                + " failed, and every migration of this start was rolled back (the store stays at"
                + " schema version "
                + current
                + "): "
                + e.getMessage(),
            e);
      } finally {
        connection.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw new StoreException(
          "Could not read the schema version of the store: " + e.getMessage(), e);
    }
  }

  private static String read(Store.Dialect dialect, String name) {
    String resource = "migrations/" + dialect.name().toLowerCase(Locale.ROOT) + "/" + name + ".sql";
    try (InputStream in = Migrations.class.getResourceAsStream("/io/yardstick/store/" + resource)) {
      if (in == null)
        throw new StoreException("Migration " + resource + " is missing from the build.");
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new StoreException("Could not read migration " + resource + ": " + e.getMessage(), e);
    }
  }
}
