package io.yardstick.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.yardstick.ingest.ImportSource;
import io.yardstick.model.RecordType;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code yardstick export --to}: every record type copied as stored, merged by key. */
class StoreCopyTest {
  @TempDir Path dir;

  private static void load(Store s, RecordType type, String name) throws IOException {
    try (InputStream in = StoreCopyTest.class.getResourceAsStream("/canonical/" + name)) {
      s.importFile(type, ImportSource.of(name, in.readAllBytes()), b -> {});
    }
  }

  private static List<String> rows(Store s, String sql) {
    return s.query(sql).stream().map(Arrays::toString).toList();
  }

  @Test
  void every_record_type_is_copied_as_stored_and_a_repeated_copy_changes_nothing()
      throws IOException {
    try (Store from = Store.open(dir.resolve("from.duckdb").toString());
        Store to = Store.open(dir.resolve("to.duckdb").toString())) {
      load(from, RecordType.CONTACTS, "contacts.csv");
      load(from, RecordType.SURVEYS, "surveys.csv"); // scores: whole numbers (Integer in a row)
      load(from, RecordType.AGENT_STATES, "agent_states.csv");
      load(from, RecordType.CUSTOMERS, "customers.csv"); // with attributes (age, tier, region)
      load(from, RecordType.COSTS, "costs.csv");

      Map<RecordType, LoadCounts> first = StoreCopy.copy(from, to);
      // the fixtures' distinct rows: 5 contacts, 4 surveys, 4 agent states, 3 customers, 3 costs
      assertThat(first.get(RecordType.SURVEYS)).isEqualTo(new LoadCounts(4, 4, 0, 0));
      assertThat(first.get(RecordType.CUSTOMERS)).isEqualTo(new LoadCounts(3, 3, 0, 0));
      for (String sql :
          List.of(
              "SELECT * FROM contacts ORDER BY contact_id",
              "SELECT * FROM surveys ORDER BY survey_id",
              "SELECT * FROM agent_states ORDER BY agent_id, started_at",
              "SELECT * FROM customers ORDER BY customer_id",
              "SELECT * FROM customer_attributes ORDER BY customer_id, name",
              "SELECT * FROM costs ORDER BY period_start, category")) {
        assertThat(rows(to, sql)).as(sql).isEqualTo(rows(from, sql)).isNotEmpty();
      }
      Map<RecordType, LoadCounts> again = StoreCopy.copy(from, to);
      assertThat(again.get(RecordType.SURVEYS)).isEqualTo(new LoadCounts(4, 0, 4, 0));
      assertThat(to.count(RecordType.SURVEYS)).isEqualTo(4);
    }
  }
}
