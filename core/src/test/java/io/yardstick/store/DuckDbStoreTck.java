package io.yardstick.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.yardstick.model.RecordType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every kit of the {@link StoreTck} on DuckDB: a new database file for each store. */
class DuckDbStoreTck extends StoreTck {
  /**
   * One folder for the whole class (JUnit fills a static field before any nested class runs), a
   * file per store.
   */
  @TempDir static Path dir;

  @Override
  protected Store newStore() throws Exception {
    return Store.open(Files.createTempDirectory(dir, "store").resolve("test.duckdb").toString());
  }

  /** What only a file store has. */
  @Nested
  class OnlyDuckDb {
    @TempDir Path own;

    @Test
    void data_survives_reopening_the_file() {
      try (Store store = Store.open(own.resolve("test.duckdb").toString())) {
        StoreCompatibilityKit.importResource(store, RecordType.CONTACTS, "contacts.csv");
      }
      try (Store store = Store.open("jdbc:duckdb:" + own.resolve("test.duckdb"))) {
        assertThat(store.count(RecordType.CONTACTS)).isEqualTo(5);
      }
    }

    @Test
    void a_new_store_is_migrated_in_one_transaction() {
      try (Store store = Store.open(own.resolve("new.duckdb").toString())) {
        // 22 versions, and one transaction: CURRENT_TIMESTAMP is the transaction's start, the same
        // for every row.
        assertThat(
                store.query(
                    "SELECT COUNT(*), MAX(version), COUNT(DISTINCT applied_at) FROM"
                        + " yardstick_schema"))
            .containsExactly(new Object[] {22L, 22L, 1L});
      }
    }

    @Test
    void a_failed_migration_leaves_the_store_at_its_old_version_with_nothing_applied() {
      String file = own.resolve("old.duckdb").toString();
      try (Store store = Store.open(file)) {
        // As a store of version 19 whose V21 cannot apply: its table is already there (and V22's).
        store.update("DELETE FROM yardstick_schema WHERE version >= 20");
        store.update(
            "INSERT INTO rollup_values (measure, gset, bucket, value, n) VALUES"
                + " ('frt', 2, 0, 1, 1)");
      }
      assertThatThrownBy(() -> Store.open(file))
          .hasMessageContaining("Migration V21__rollups_kept_off failed")
          .hasMessageContaining("the store stays at schema version 19");
      try (Connection c = java.sql.DriverManager.getConnection("jdbc:duckdb:" + file);
          java.sql.Statement st = c.createStatement();
          java.sql.ResultSet rs =
              st.executeQuery(
                  "SELECT (SELECT MAX(version) FROM yardstick_schema),"
                      + " (SELECT COUNT(*) FROM rollup_values WHERE gset = 2)")) {
        rs.next();
        assertThat(rs.getInt(1)).isEqualTo(19);
        // V20 (which deletes rows of the set 2) ran before V21 failed, and was rolled back too.
        assertThat(rs.getLong(2)).isEqualTo(1L);
      } catch (java.sql.SQLException e) {
        throw new AssertionError(e);
      }
      try (Connection c = java.sql.DriverManager.getConnection("jdbc:duckdb:" + file);
          java.sql.Statement st = c.createStatement()) {
        st.execute("DROP TABLE rollups_kept_off");
        for (String t :
            List.of(
                "rollup_zones", "rollup_spans", "rollup_span_values", "rollup_span_histograms")) {
          st.execute("DROP TABLE " + t);
        }
      } catch (java.sql.SQLException e) {
        throw new AssertionError(e);
      }
      // Once it can, the upgrade applies all three.
      try (Store store = Store.open(file)) {
        assertThat(store.query("SELECT MAX(version) FROM yardstick_schema").get(0)[0])
            .isEqualTo(22L);
        assertThat(store.query("SELECT COUNT(*) FROM rollup_values WHERE gset = 2").get(0)[0])
            .isEqualTo(0L);
      }
    }

    @Test
    void the_memory_cap_of_the_environment_is_duckdbs_memory_limit() {
      // YARDSTICK_DUCKDB_MEMORY, or this property (an environment variable cannot be set in a test)
      System.setProperty("yardstick.duckdb.memory", "1GB");
      try (Store store = Store.open(own.resolve("capped.duckdb").toString())) {
        // DuckDB reports the limit in its own units: 1GB = 10^9 bytes = 953.6 MiB
        assertThat(store.query("SELECT current_setting('memory_limit')").get(0)[0])
            .isEqualTo("953.6 MiB");
      } finally {
        System.clearProperty("yardstick.duckdb.memory");
      }
    }

    @Test
    void a_memory_cap_duckdb_cannot_read_is_refused_naming_the_variable() {
      System.setProperty("yardstick.duckdb.memory", "lots");
      try {
        assertThatThrownBy(() -> Store.open(own.resolve("capped.duckdb").toString()))
            .isInstanceOf(StoreException.class)
            .hasMessageContaining("YARDSTICK_DUCKDB_MEMORY=lots")
            .hasMessageContaining("8GB");
      } finally {
        System.clearProperty("yardstick.duckdb.memory");
      }
    }

    @Test
    void a_store_in_a_missing_folder_is_refused_with_the_folder_named() {
      assertThatThrownBy(() -> Store.open(own.resolve("nowhere/x.duckdb").toString()))
          .isInstanceOf(StoreException.class)
          .hasMessageContaining("the folder " + own.resolve("nowhere") + " does not exist");
    }
  }
}
