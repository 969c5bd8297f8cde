package io.yardstick.sources.queuelog;

import static org.assertj.core.api.Assertions.assertThat;

import io.yardstick.ingest.ImportSource;
import io.yardstick.kpi.Kpi;
import io.yardstick.kpi.KpiEngine;
import io.yardstick.kpi.KpiQuery;
import io.yardstick.kpi.KpiResult;
import io.yardstick.model.RecordType;
import io.yardstick.sources.SharedSourceData;
import io.yardstick.sources.SourceSummary;
import io.yardstick.store.Store;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The acceptance figures of issue 7 on the real voipreports queue_log export in
 * ../shared/data/asterisk.
 */
class QueueLogRealFileTest {
  @TempDir Path dir;

  static Path realFile() {
    return SharedSourceData.file("asterisk/voipreports1_queue_log.csv");
  }

  @Test
  void the_real_export_gives_the_figures_the_file_says() {
    Path file = realFile();
    try (Store store = Store.open(dir.resolve("q.duckdb").toString())) {
      SourceSummary s =
          new QueueLogImporter().importInto(store, ImportSource.of(file.toString()), b -> {});
      s.lines().forEach(System.out::println);

      // 108 ENTERQUEUE = 93 CONNECT + 12 ABANDON + 1 EXITWITHTIMEOUT + 2 with no later event.
      assertThat(s.figure("queued calls")).isEqualTo(108);
      assertThat(s.figure("answered")).isEqualTo(93);
      assertThat(s.figure("abandoned")).isEqualTo(12);
      assertThat(s.figure("timeout")).isEqualTo(1);
      assertThat(s.figure("without an end")).isEqualTo(2);
      assertThat(s.read()).isEqualTo(1001);

      assertThat(store.count(RecordType.CONTACTS)).isEqualTo(108);
      assertThat(
              store.query(
                  "SELECT outcome, COUNT(*) FROM call_outcomes GROUP BY outcome ORDER BY outcome"))
          .extracting(r -> r[0] + "=" + r[1])
          // 51 COMPLETEAGENT + 38 COMPLETECALLER + 1 BLINDTRANSFER + 1 ATTENDEDTRANSFER + 2 CONNECT
          // with no end = 93
          .containsExactly(
              "abandon=12",
              "agent_hangup=51",
              "caller_hangup=38",
              "connected=2",
              "timeout=1",
              "transfer=2",
              "unknown=2");
      List<Object[]> answered =
          store.query(
              "SELECT COUNT(*), AVG(epoch(answered_at) - epoch(arrived_at))"
                  + " FROM contacts WHERE answered_at IS NOT NULL");
      assertThat(answered.get(0)[0]).isEqualTo(93L);
      // The 93 CONNECT holdtimes sum to 3,599 s: 3599 / 93 = 38.698 s.
      assertThat((Double) answered.get(0)[1])
          .isCloseTo(3599.0 / 93, org.assertj.core.data.Offset.offset(1e-9));
      assertThat(
              store.query(
                      "SELECT COUNT(*) FROM contacts WHERE answered_at IS NULL AND abandoned_at IS NULL")
                  .get(0)[0])
          .isEqualTo(2L);

      KpiResult kpis =
          new KpiEngine(store)
              .compute(
                  KpiQuery.of(LocalDate.of(2018, 11, 29), LocalDate.of(2018, 12, 5), ZoneOffset.UTC)
                      .withKpis(List.of(Kpi.CONTACTS, Kpi.ASA)));
      assertThat(kpis.overall().value(Kpi.CONTACTS)).isEqualTo(108L);
      assertThat(kpis.overall().value(Kpi.ASA).doubleValue())
          .isCloseTo(38.70, org.assertj.core.data.Offset.offset(0.005));
    }
  }

  @Test
  void importing_a_longer_version_of_the_real_log_adds_only_what_is_new()
      throws java.io.IOException {
    List<String> lines = java.nio.file.Files.readAllLines(realFile());
    String first600 = String.join("\n", lines.subList(0, 600)) + "\n";
    String all = String.join("\n", lines) + "\n";
    try (Store incremental = Store.open(dir.resolve("i.duckdb").toString());
        Store fresh = Store.open(dir.resolve("f.duckdb").toString())) {
      SourceSummary first = QueueLogImporterTest.load(incremental, "first600.csv", first600);
      SourceSummary second = QueueLogImporterTest.load(incremental, "all.csv", all);
      QueueLogImporterTest.load(fresh, "all.csv", all);

      long before = first.loaded().get(RecordType.CONTACTS).read();
      assertThat(second.loaded().get(RecordType.CONTACTS).inserted()).isEqualTo(108 - before);
      assertThat(second.loaded().get(RecordType.CONTACTS).replaced()).isEqualTo(before);
      for (String sql :
          List.of(
              "SELECT * FROM contacts ORDER BY contact_id",
              "SELECT * FROM call_outcomes ORDER BY contact_id",
              "SELECT * FROM agent_states ORDER BY agent_id, started_at")) {
        assertThat(QueueLogImporterTest.rows(incremental, sql))
            .as(sql)
            .isEqualTo(QueueLogImporterTest.rows(fresh, sql));
      }
    }
  }
}
