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
    void a_store_in_a_missing_folder_is_refused_with_the_folder_named() {
      assertThatThrownBy(() -> Store.open(own.resolve("nowhere/x.duckdb").toString()))
          .isInstanceOf(StoreException.class)
          .hasMessageContaining("the folder " + own.resolve("nowhere") + " does not exist");
    }
  }
}
