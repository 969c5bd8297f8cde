package io.yardstick.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.yardstick.model.RecordType;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DuckDbStoreTest extends StoreCompatibilityKit {
  @TempDir Path dir;

  @Override
  protected Store newStore() {
    return Store.open(dir.resolve("test.duckdb").toString());
  }

  @Test
  void data_survives_reopening_the_file() {
    importResource(RecordType.CONTACTS, "contacts.csv");
    store.close();

    store = Store.open("jdbc:duckdb:" + dir.resolve("test.duckdb"));

    assertThat(store.count(RecordType.CONTACTS)).isEqualTo(5);
  }

  @Test
  void a_store_in_a_missing_folder_is_refused_with_the_folder_named() {
    assertThatThrownBy(() -> Store.open(dir.resolve("nowhere/x.duckdb").toString()))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("the folder " + dir.resolve("nowhere") + " does not exist");
  }
}
