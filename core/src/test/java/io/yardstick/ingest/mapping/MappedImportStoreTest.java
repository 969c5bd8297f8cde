package io.yardstick.ingest.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.yardstick.ingest.ImportException;
import io.yardstick.ingest.ImportSource;
import io.yardstick.model.RecordType;
import io.yardstick.store.LoadCounts;
import io.yardstick.store.Loader;
import io.yardstick.store.Store;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A mapped import keeps the canonical import's guarantees: all or nothing, and the same file twice
 * changes nothing.
 */
class MappedImportStoreTest {
  @TempDir Path dir;
  Store store;

  static final Mapping MAPPING =
      Mapping.parse(
          "m.yaml",
          """
      input: {time_zone: UTC}
      skip:
        - when: {Answered: ""}
          reason: no outcome
      contacts:
        contact_id: Id
        channel: {constant: phone}
        arrived_at: {column: At, format: "yyyy-MM-dd HH:mm"}
        answered_at: {field: arrived_at, plus: Wait, when: {Answered: Y}}
        abandoned_at: {field: arrived_at, plus: Wait, when: {Answered: N}}
      """);

  @BeforeEach
  void open() {
    store = Store.open(dir.resolve("m.duckdb").toString());
  }

  @AfterEach
  void close() {
    store.close();
  }

  Map<RecordType, LoadCounts> importText(String text) {
    try (Loader loader = store.loader()) {
      MAPPING.read(
          ImportSource.of("calls.csv", text.getBytes(StandardCharsets.UTF_8)),
          Set.of(RecordType.CONTACTS),
          loader::sink,
          bytes -> {});
      return loader.commit();
    }
  }

  static final String GOOD =
      """
      Id,At,Answered,Wait
      a,2026-03-02 10:00,Y,12
      b,2026-03-02 10:05,N,40
      c,2026-03-02 10:06,,
      a,2026-03-02 10:00,Y,14
      """;

  @Test
  void importing_the_same_file_twice_replaces_instead_of_adding() {
    Map<RecordType, LoadCounts> first = importText(GOOD);
    Map<RecordType, LoadCounts> second = importText(GOOD);

    // 4 rows, c set aside: 3 kept, a twice (the later line wins): 2 stored.
    assertThat(first.get(RecordType.CONTACTS)).isEqualTo(new LoadCounts(3, 2, 0, 1));
    assertThat(second.get(RecordType.CONTACTS)).isEqualTo(new LoadCounts(3, 0, 2, 1));
    assertThat(store.count(RecordType.CONTACTS)).isEqualTo(2);
    assertThat(
            store.query(
                "SELECT epoch(answered_at) - epoch(arrived_at) FROM contacts WHERE contact_id = 'a'"))
        .singleElement()
        .satisfies(r -> assertThat(((Number) r[0]).longValue()).isEqualTo(14));
  }

  @Test
  void a_bad_row_at_the_end_leaves_the_store_as_it_was() {
    importText(GOOD);

    assertThatThrownBy(
            () ->
                importText(
                    GOOD.replace("a,2026-03-02 10:00,Y,14", "d,2026-03-02 10:07,Y,soon")
                        .replace("b,2026-03-02 10:05,N,40", "e,2026-03-02 10:05,N,40")))
        .isInstanceOf(ImportException.class)
        .hasMessage(
            "calls.csv, line 5, column Wait: \"soon\" is not a number; expected a number of seconds such as"
                + " 95 or 12.5 (mapping m.yaml, key contacts.answered_at.plus). Nothing from this file was imported.");

    assertThat(store.query("SELECT contact_id FROM contacts ORDER BY contact_id"))
        .extracting(r -> r[0])
        .containsExactly("a", "b");
  }
}
