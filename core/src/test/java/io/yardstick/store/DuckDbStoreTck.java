package io.yardstick.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.yardstick.model.RecordType;
import java.nio.file.Files;
import java.nio.file.Path;
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
