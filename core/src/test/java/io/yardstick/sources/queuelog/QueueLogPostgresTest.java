package io.yardstick.sources.queuelog;

import static org.assertj.core.api.Assertions.assertThat;

import io.yardstick.store.Store;
import io.yardstick.store.TestPostgres;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The queue_log import gives the same rows on PostgreSQL as on DuckDB, re-imports included. */
class QueueLogPostgresTest {
  @TempDir Path dir;

  @Test
  void postgresql_stores_the_same_rows_as_duckdb() throws Exception {
    try (Store pg = TestPostgres.newStore("queuelog");
        Store duck = Store.open(dir.resolve("q.duckdb").toString())) {
      for (Store s : List.of(pg, duck)) {
        QueueLogImporterTest.load(s, "queue_log", QueueLogFixtures.NATIVE);
        QueueLogImporterTest.load(s, "queue_log", QueueLogFixtures.NATIVE);
      }
      for (String sql :
          List.of(
              "SELECT * FROM contacts ORDER BY contact_id",
              "SELECT * FROM call_outcomes ORDER BY contact_id",
              "SELECT * FROM agent_states ORDER BY agent_id, started_at")) {
        assertThat(QueueLogImporterTest.rows(pg, sql))
            .as(sql)
            .isEqualTo(QueueLogImporterTest.rows(duck, sql))
            .isNotEmpty();
      }
    }
  }
}
