package io.yardstick.sources.zendesk;

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
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Zendesk's incremental ticket export with metric sets (fixture written from the documented API
 * format).
 */
class ZendeskImporterTest {
  @TempDir Path dir;

  static String fixture() throws IOException {
    try (InputStream in =
        ZendeskImporterTest.class.getResourceAsStream("incremental_tickets.json")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  static SourceSummary load(Store store, String name, String content) {
    return new ZendeskImporter()
        .importInto(
            store, ImportSource.of(name, content.getBytes(StandardCharsets.UTF_8)), b -> {});
  }

  static List<String> rows(Store store, String sql) {
    return store.query(sql).stream()
        .map(r -> Arrays.stream(r).map(String::valueOf).collect(Collectors.joining(" ")))
        .toList();
  }

  @Test
  void tickets_become_contacts_with_first_response_and_resolution_and_ratings_become_csat()
      throws IOException {
    try (Store store = Store.open(dir.resolve("z.duckdb").toString())) {
      SourceSummary s = load(store, "tickets.json", fixture());

      assertThat(
              rows(
                  store,
                  "SELECT contact_id, case_id, channel, customer_id, agent_id, team, arrived_at,"
                      + " first_response_at, resolved_at, resolved FROM contacts ORDER BY contact_id"))
          .containsExactly(
              // reply 95 min after 09:00 = 10:35; solved_at from the metric set
              "zendesk-101 zendesk-101 email 9001 501 20 2026-03-02T09:00:00Z 2026-03-02T10:35:00Z 2026-03-03T10:00:00Z true",
              // listed twice: the second page's listing and metric set win (reply 1,440 min = 24 h;
              // solved 03-04 08:00)
              "zendesk-102 zendesk-102 web 9002 502 20 2026-03-02T10:30:00Z 2026-03-03T10:30:00Z 2026-03-04T08:00:00Z true",
              "zendesk-103 zendesk-103 chat 9003 501 21 2026-03-02T11:00:00Z 2026-03-02T11:02:00Z 2026-03-02T11:30:00Z true");
      assertThat(
              rows(
                  store,
                  "SELECT survey_id, kind, score, submitted_at, contact_id, agent_id FROM surveys"
                      + " ORDER BY survey_id"))
          .containsExactly(
              "zendesk-7001 csat 5 2026-03-03T10:00:00Z zendesk-101 501",
              "zendesk-7002 csat 5 2026-03-04T08:05:00Z zendesk-102 502",
              "zendesk-7003 csat 1 2026-03-02T11:45:00Z zendesk-103 501");
      assertThat(s.read()).isEqualTo(5); // 4 tickets on page 1, ticket 102 again on page 2
      assertThat(s.figures())
          .containsExactly(
              java.util.Map.entry("tickets", 3L),
              java.util.Map.entry("solved", 3L),
              java.util.Map.entry("with a first reply time", 3L),
              java.util.Map.entry("rated good", 2L),
              java.util.Map.entry("rated bad", 1L),
              java.util.Map.entry("surveys offered and not answered", 0L));
      assertThat(s.setAside())
          .containsExactly(java.util.Map.entry("deleted tickets (status deleted)", 1L));
      assertThat(s.notes())
          .contains(
              "ticket metrics kept only in this summary: 1 tickets reopened, 6 agent replies,"
                  + " 1 one-touch resolutions (solved with at most one reply, never reopened)");

      KpiResult k =
          new KpiEngine(store)
              .compute(
                  KpiQuery.of(LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 2), ZoneOffset.UTC)
                      .withKpis(
                          List.of(
                              Kpi.CONTACTS,
                              Kpi.FRT_AVG,
                              Kpi.RESOLUTION_RATE,
                              Kpi.RESOLUTION_TIME_AVG)));
      assertThat(k.overall().value(Kpi.CONTACTS)).isEqualTo(3L);
      // (95 + 1,440 + 2) min x 60 / 3 = 92,220 s / 3 = 30,740 s
      assertThat(k.overall().value(Kpi.FRT_AVG).doubleValue()).isEqualTo(30740.0);
      assertThat(k.overall().value(Kpi.RESOLUTION_RATE).doubleValue()).isEqualTo(100.0);
      // (1,500 + 2,730 + 30) min x 60 / 3 = 255,600 s / 3 = 85,200 s
      assertThat(k.overall().value(Kpi.RESOLUTION_TIME_AVG).doubleValue()).isEqualTo(85200.0);
    }
  }

  @Test
  void importing_the_export_again_changes_nothing() throws IOException {
    try (Store store = Store.open(dir.resolve("z.duckdb").toString())) {
      load(store, "tickets.json", fixture());
      List<String> before = rows(store, "SELECT * FROM contacts ORDER BY contact_id");

      SourceSummary again = load(store, "tickets.json", fixture());

      assertThat(again.loaded().get(RecordType.CONTACTS).inserted()).isZero();
      assertThat(again.loaded().get(RecordType.CONTACTS).replaced()).isEqualTo(3);
      assertThat(again.loaded().get(RecordType.SURVEYS).replaced()).isEqualTo(3);
      assertThat(rows(store, "SELECT * FROM contacts ORDER BY contact_id")).isEqualTo(before);
    }
  }

  @Test
  void one_ticket_per_line_with_its_metric_set_inside_reads_too() {
    String jsonl =
        """
        {"id": 7, "created_at": "2026-03-02T09:00:00Z", "status": "pending", "via": {"channel": "twitter"}, "metric_set": {"reply_time_in_minutes": {"calendar": 10}}}
        {"id": 8, "created_at": "2026-03-02T09:05:00Z", "status": "new", "via": {"channel": "native_messaging"}}
        """;
    try (Store store = Store.open(dir.resolve("z.duckdb").toString())) {
      SourceSummary s = load(store, "tickets.jsonl", jsonl);

      assertThat(
              rows(
                  store,
                  "SELECT contact_id, channel, first_response_at, resolved FROM contacts ORDER BY 1"))
          .containsExactly(
              "zendesk-7 social 2026-03-02T09:10:00Z false", "zendesk-8 messaging null false");
      assertThat(s.notes())
          .contains(
              "1 tickets without a metric set: no first reply or resolution time (export with"
                  + " include=metric_sets)");
    }
  }

  @Test
  void a_bad_value_names_file_line_pointer_and_value_and_nothing_is_kept() throws IOException {
    String bad =
        fixture()
            .replace(
                "\"created_at\": \"2026-03-02T11:00:00Z\"", "\"created_at\": \"2026-03-02 11:00\"");
    try (Store store = Store.open(dir.resolve("z.duckdb").toString())) {
      assertThatThrownBy(() -> load(store, "tickets.json", bad))
          .isInstanceOf(ImportException.class)
          // line 33 is where ticket 103 starts; the pointer names the field
          .hasMessage(
              "tickets.json, line 33, column /tickets/2/created_at: \"2026-03-02 11:00\" is not a timestamp;"
                  + " expected ISO-8601 with an offset, such as 2026-03-01T09:15:00Z. Nothing from this file was imported.");
      assertThat(store.count(RecordType.CONTACTS)).isZero();
      assertThat(store.count(RecordType.SURVEYS)).isZero();
    }
  }

  @Test
  void broken_json_is_refused_with_its_line() {
    try (Store store = Store.open(dir.resolve("z.duckdb").toString())) {
      assertThatThrownBy(
              () ->
                  load(
                      store,
                      "cut.json",
                      "{\"tickets\": [\n{\"id\": 1, \"created_at\": \"2026-03-02T09"))
          .isInstanceOf(ImportException.class)
          .hasMessageStartingWith(
              "cut.json, line 2: is not valid JSON (Unexpected end-of-input in VALUE_STRING);"
                  + " expected a Zendesk ticket export: ");
    }
  }
}
