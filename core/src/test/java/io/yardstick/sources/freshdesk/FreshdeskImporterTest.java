package io.yardstick.sources.freshdesk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.yardstick.ingest.ImportException;
import io.yardstick.ingest.ImportSource;
import io.yardstick.kpi.Kpi;
import io.yardstick.kpi.KpiEngine;
import io.yardstick.kpi.KpiQuery;
import io.yardstick.kpi.KpiResult;
import io.yardstick.model.RecordType;
import io.yardstick.sources.SourceSummary;
import io.yardstick.store.Store;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Freshdesk's ticket list with stats and its satisfaction ratings (fixture from the documented API
 * v2 format).
 */
class FreshdeskImporterTest {
  @TempDir Path dir;

  static String fixture() throws IOException {
    try (InputStream in =
        FreshdeskImporterTest.class.getResourceAsStream("tickets_with_stats.json")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  static SourceSummary load(Store store, String name, String content) {
    return new FreshdeskImporter()
        .importInto(
            store, ImportSource.of(name, content.getBytes(StandardCharsets.UTF_8)), b -> {});
  }

  static List<String> rows(Store store, String sql) {
    return store.query(sql).stream()
        .map(r -> Arrays.stream(r).map(String::valueOf).collect(Collectors.joining(" ")))
        .toList();
  }

  @Test
  void tickets_become_contacts_and_ratings_become_csat() throws IOException {
    try (Store store = Store.open(dir.resolve("f.duckdb").toString())) {
      SourceSummary s = load(store, "freshdesk.json", fixture());

      assertThat(
              rows(
                  store,
                  "SELECT contact_id, channel, customer_id, agent_id, team, arrived_at, first_response_at,"
                      + " resolved_at, resolved FROM contacts ORDER BY contact_id"))
          .containsExactly(
              // source 1 = email; status 4 Resolved at stats.resolved_at
              "freshdesk-11 email 8001 4001 3001 2026-03-02T09:00:00Z 2026-03-02T09:40:00Z 2026-03-02T15:00:00Z true",
              // source 7 = chat; status 2 Open
              "freshdesk-12 chat 8002 null 3001 2026-03-02T10:00:00Z null null false",
              // source 3 = phone; status 5 Closed without resolved_at: closed_at
              "freshdesk-13 phone 8003 4002 3002 2026-03-02T11:00:00Z 2026-03-02T11:05:00Z 2026-03-03T12:00:00Z true");
      assertThat(
              rows(
                  store,
                  "SELECT survey_id, kind, score, submitted_at, contact_id, agent_id FROM surveys"
                      + " ORDER BY survey_id"))
          .containsExactly(
              "freshdesk-50001 csat 5 2026-03-02T16:00:00Z freshdesk-11 4001", // 103 extremely
              // happy
              "freshdesk-50002 csat 2 2026-03-03T13:00:00Z freshdesk-13 4002"); // -101 unhappy
      assertThat(s.figures())
          .containsExactly(
              Map.entry("tickets", 3L),
              Map.entry("resolved or closed", 2L),
              Map.entry("with a first response", 2L),
              Map.entry("satisfaction ratings", 2L));
      assertThat(s.notes())
          .contains(
              "1 tickets were reopened at some point (stats.reopened_at; kept only in this"
                  + " summary)");

      KpiResult k =
          new KpiEngine(store)
              .compute(
                  KpiQuery.of(LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 3), ZoneOffset.UTC)
                      .withKpis(List.of(Kpi.FRT_AVG, Kpi.RESOLUTION_RATE, Kpi.CSAT)));
      // (40 + 5) min / 2 = 22.5 min = 1,350 s
      assertThat(k.overall().value(Kpi.FRT_AVG).doubleValue()).isEqualTo(1350.0);
      // 2 of 3 tickets resolved
      assertThat(k.overall().value(Kpi.RESOLUTION_RATE).doubleValue())
          .isCloseTo(200.0 / 3, org.assertj.core.data.Offset.offset(1e-9));
      // 1 of 2 ratings satisfied (score 4 or 5)
      assertThat(k.overall().value(Kpi.CSAT).doubleValue()).isEqualTo(50.0);
    }
  }

  @Test
  void importing_the_export_again_changes_nothing() throws IOException {
    try (Store store = Store.open(dir.resolve("f.duckdb").toString())) {
      load(store, "freshdesk.json", fixture());
      SourceSummary again = load(store, "freshdesk.json", fixture());

      assertThat(again.loaded().get(RecordType.CONTACTS).inserted()).isZero();
      assertThat(again.loaded().get(RecordType.CONTACTS).replaced()).isEqualTo(3);
      assertThat(again.loaded().get(RecordType.SURVEYS).replaced()).isEqualTo(2);
    }
  }

  @Test
  void an_unknown_rating_names_file_line_pointer_and_value_and_nothing_is_kept()
      throws IOException {
    String bad = fixture().replace("\"default_question\": -101", "\"default_question\": 4");
    try (Store store = Store.open(dir.resolve("f.duckdb").toString())) {
      assertThatThrownBy(() -> load(store, "freshdesk.json", bad))
          .isInstanceOf(ImportException.class)
          // the second top-level array (the ratings), its element 1, which starts on line 44
          .hasMessage(
              "freshdesk.json, line 44, column (value 2)/1/ratings/default_question: \"4\" is not a Freshdesk rating;"
                  + " expected 103, 102, 101, 100, -101, -102 or -103. Nothing from this file was imported.");
      assertThat(store.count(RecordType.CONTACTS)).isZero();
    }
  }
}
