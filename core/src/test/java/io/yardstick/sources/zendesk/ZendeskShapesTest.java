package io.yardstick.sources.zendesk;

import static io.yardstick.sources.zendesk.ZendeskImporterTest.load;
import static io.yardstick.sources.zendesk.ZendeskImporterTest.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.yardstick.ingest.ImportException;
import io.yardstick.ingest.ImportSource;
import io.yardstick.ingest.RowSink;
import io.yardstick.kpi.Kpi;
import io.yardstick.kpi.KpiEngine;
import io.yardstick.kpi.KpiQuery;
import io.yardstick.model.RecordType;
import io.yardstick.sources.CollectingLoader;
import io.yardstick.sources.SourceSummary;
import io.yardstick.store.Store;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 10: the shapes real Zendesk accounts export. Most tickets list {@code satisfaction_rating}
 * as {@code {"score": "offered"}} or {@code {"score": "unoffered"}}; the incremental export
 * side-loads metric sets of tickets changed in its window, some of whose tickets are on another
 * page; and a file of another shape must be refused, not read as nothing.
 */
class ZendeskShapesTest {
  @TempDir Path dir;

  static String resource(String name) throws IOException {
    try (InputStream in = ZendeskShapesTest.class.getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void
      offered_and_unoffered_ratings_are_no_answer_and_metric_sets_without_their_ticket_are_set_aside()
          throws IOException {
    try (Store store = Store.open(dir.resolve("z.duckdb").toString())) {
      SourceSummary s = load(store, "page.json", resource("offered_and_orphan_metric_sets.json"));

      assertThat(
              rows(
                  store,
                  "SELECT contact_id, channel, arrived_at, first_response_at, resolved_at, resolved"
                      + " FROM contacts ORDER BY contact_id"))
          .containsExactly(
              // offered: the ticket imports as any other (reply 30 min, solved at 12:00)
              "zendesk-201 web 2026-03-09T08:00:00Z 2026-03-09T08:30:00Z 2026-03-09T12:00:00Z true",
              // unoffered, open: reply 120 min
              "zendesk-202 email 2026-03-09T08:30:00Z 2026-03-09T10:30:00Z null false",
              "zendesk-203 chat 2026-03-09T09:00:00Z 2026-03-09T09:05:00Z 2026-03-09T09:30:00Z true",
              "zendesk-204 api 2026-03-09T10:00:00Z 2026-03-09T11:00:00Z 2026-03-09T14:00:00Z true");
      // Only answers become surveys: good = 5, bad = 1, at the ticket's updated_at.
      assertThat(
              rows(
                  store,
                  "SELECT survey_id, score, submitted_at, contact_id FROM surveys ORDER BY 1"))
          .containsExactly(
              "zendesk-8203 5 2026-03-09T09:40:00Z zendesk-203",
              "zendesk-8204 1 2026-03-09T14:10:00Z zendesk-204");
      assertThat(s.read()).isEqualTo(4);
      assertThat(s.figures())
          .containsExactly(
              Map.entry("tickets", 4L),
              Map.entry("solved", 3L),
              Map.entry("with a first reply time", 4L),
              Map.entry("rated good", 1L),
              Map.entry("rated bad", 1L),
              Map.entry("surveys offered and not answered", 1L));
      // Metric sets of tickets 198 and 199, which are not in the file.
      assertThat(s.setAside())
          .containsExactly(Map.entry("metric sets whose ticket is not in this file", 2L));
      assertThat(s.notes())
          .containsExactly(
              "1 tickets were not offered a survey (score unoffered)",
              // replies 1 + 1 + 2 + 3 = 7; only 204 reopened; one touch: 201 (solved, 1 reply,
              // never reopened)
              "ticket metrics kept only in this summary: 1 tickets reopened, 7 agent replies, 1 one-touch resolutions"
                  + " (solved with at most one reply, never reopened)");
      assertThat(s.lines()).contains("  set aside 2: metric sets whose ticket is not in this file");

      // 1 satisfied (score 4 or 5) of 2 answers: 50%; the offered survey is not an answer.
      var k =
          new KpiEngine(store)
              .compute(
                  KpiQuery.of(LocalDate.of(2026, 3, 9), LocalDate.of(2026, 3, 9), ZoneOffset.UTC)
                      .withKpis(List.of(Kpi.CSAT)));
      assertThat(k.overall().value(Kpi.CSAT).doubleValue()).isEqualTo(50.0);
    }
  }

  /** Issue 18: a satisfaction rating's comment is the survey's comment; an empty one is none. */
  @Test
  void a_ratings_comment_becomes_the_surveys_comment() {
    String jsonl =
        """
        {"id": 1, "created_at": "2026-03-09T08:00:00Z", "status": "solved", "satisfaction_rating": {"id": 11, "score": "bad", "comment": "Took three calls"}}
        {"id": 2, "created_at": "2026-03-09T08:00:00Z", "status": "solved", "satisfaction_rating": {"id": 12, "score": "good", "comment": ""}}
        """;
    try (Store store = Store.open(dir.resolve("z.duckdb").toString())) {
      load(store, "t.jsonl", jsonl);

      assertThat(rows(store, "SELECT survey_id, score, comment FROM surveys ORDER BY 1"))
          .containsExactly("zendesk-11 1 Took three calls", "zendesk-12 5 null");
    }
  }

  @Test
  void any_score_other_than_good_or_bad_is_no_answer_and_is_counted() {
    String jsonl =
        """
        {"id": 1, "created_at": "2026-03-09T08:00:00Z", "status": "open", "satisfaction_rating": {"score": "offered"}}
        {"id": 2, "created_at": "2026-03-09T08:00:00Z", "status": "open", "satisfaction_rating": {"score": "unoffered"}}
        {"id": 3, "created_at": "2026-03-09T08:00:00Z", "status": "open", "satisfaction_rating": {"score": "partial"}}
        {"id": 4, "created_at": "2026-03-09T08:00:00Z", "status": "solved", "satisfaction_rating": {"id": 5, "score": "good_with_comment"}}
        {"id": 5, "created_at": "2026-03-09T08:00:00Z", "status": "solved", "satisfaction_rating": null}
        """;
    try (Store store = Store.open(dir.resolve("z.duckdb").toString())) {
      SourceSummary s = load(store, "t.jsonl", jsonl);

      assertThat(store.count(RecordType.CONTACTS)).isEqualTo(5);
      assertThat(rows(store, "SELECT survey_id, score FROM surveys"))
          .containsExactly("zendesk-5 5");
      assertThat(s.figure("surveys offered and not answered")).isEqualTo(1);
      assertThat(s.notes())
          .contains(
              "1 tickets were not offered a survey (score unoffered)",
              "1 tickets with a satisfaction score other than good, bad, offered or unoffered: read as no answer");
    }
  }

  @Test
  void a_single_ticket_and_a_search_response_read_too() {
    String single =
        """
        {"ticket": {"id": 31, "created_at": "2026-03-09T08:00:00Z", "status": "new", "via": {"channel": "email"},
          "satisfaction_rating": {"score": "unoffered"}}}
        """;
    // GET /api/v2/search.json?query=type:ticket ... lists results with a result_type; other types
    // are skipped.
    String search =
        """
        {"results": [
          {"id": 41, "result_type": "ticket", "created_at": "2026-03-09T08:00:00Z", "status": "open",
           "via": {"channel": "web"}, "satisfaction_rating": {"score": "offered"}},
          {"id": 900, "result_type": "user", "name": "Ana", "created_at": "2026-01-01T00:00:00Z"},
          {"id": 42, "result_type": "ticket", "created_at": "2026-03-09T09:00:00Z", "status": "pending",
           "via": {"channel": "chat"}, "satisfaction_rating": {"score": "unoffered"}}],
         "facets": null, "next_page": null, "previous_page": null, "count": 3}
        """;
    try (Store store = Store.open(dir.resolve("z.duckdb").toString())) {
      SourceSummary one = load(store, "ticket.json", single);
      SourceSummary found = load(store, "search.json", search);

      assertThat(one.read()).isEqualTo(1);
      assertThat(found.read()).isEqualTo(2);
      assertThat(found.notes()).contains("1 search results that are not tickets were skipped");
      assertThat(rows(store, "SELECT contact_id, channel FROM contacts ORDER BY 1"))
          .containsExactly("zendesk-31 email", "zendesk-41 web", "zendesk-42 chat");
    }
  }

  @Test
  void singer_and_airbyte_exports_read_their_tickets_and_metrics_and_skip_the_rest() {
    // tap-zendesk (Singer) writes one message per line; an Airbyte source wraps the record in
    // record.data; Airbyte's
    // connector tests keep records as {"stream", "data", "emitted_at"}.
    String jsonl =
        """
        {"type": "SCHEMA", "stream": "tickets", "schema": {"type": ["null", "object"], "properties": {}}, "key_properties": ["id"]}
        {"type": "RECORD", "stream": "tickets", "record": {"id": 301, "created_at": "2026-03-10T08:00:00Z", "updated_at": "2026-03-10T09:00:00Z", "status": "solved", "via": {"channel": "email"}, "satisfaction_rating": {"id": 8301, "score": "offered", "comment": null}}, "time_extracted": "2026-03-11T00:00:05.000000Z"}
        {"type": "RECORD", "stream": "ticket_metrics", "record": {"id": 35301, "ticket_id": 301, "reopens": 0, "replies": 1, "solved_at": "2026-03-10T08:45:00Z", "reply_time_in_minutes": {"calendar": 20, "business": 20}}}
        {"type": "RECORD", "stream": "users", "record": {"id": 9301, "name": "Ana", "role": "end-user"}}
        {"type": "STATE", "value": {"bookmarks": {"tickets": {"generated_timestamp": 1773187205}}}}
        {"type": "RECORD", "record": {"stream": "tickets", "data": {"id": 302, "created_at": "2026-03-10T08:30:00Z", "status": "open", "via": {"channel": "web"}, "satisfaction_rating": {"score": "unoffered"}}, "emitted_at": 1773187205000}}
        {"type": "LOG", "log": {"level": "INFO", "message": "Read 2 records from tickets stream"}}
        {"stream": "tickets", "data": {"id": 303, "created_at": "2026-03-10T09:00:00Z", "updated_at": "2026-03-10T10:00:00Z", "status": "closed", "via": {"channel": "chat"}, "satisfaction_rating": {"id": 8303, "score": "good"}}, "emitted_at": 1773187205000}
        """;
    try (Store store = Store.open(dir.resolve("z.duckdb").toString())) {
      SourceSummary s = load(store, "singer.jsonl", jsonl);

      assertThat(s.read()).isEqualTo(3); // tickets 301, 302, 303
      assertThat(
              rows(
                  store,
                  "SELECT contact_id, channel, first_response_at, resolved_at FROM contacts ORDER BY 1"))
          .containsExactly(
              // reply 20 min after 08:00; solved 08:45 (the ticket_metrics stream)
              "zendesk-301 email 2026-03-10T08:20:00Z 2026-03-10T08:45:00Z",
              "zendesk-302 web null null",
              "zendesk-303 chat null null");
      assertThat(rows(store, "SELECT survey_id, score FROM surveys"))
          .containsExactly("zendesk-8303 5");
      assertThat(s.figure("surveys offered and not answered")).isEqualTo(1);
      // SCHEMA, STATE, LOG: 3 messages; 1 record of the users stream
      assertThat(s.notes())
          .contains(
              "1 records of streams not imported were skipped (users 1)",
              "3 pipeline messages that are not records (SCHEMA, STATE...) were skipped");
    }
  }

  @Test
  void a_shape_that_is_not_a_ticket_export_is_refused_naming_the_file_and_what_was_expected() {
    try (Store store = Store.open(dir.resolve("z.duckdb").toString())) {
      assertThatThrownBy(
              () ->
                  load(
                      store,
                      "users.json",
                      "{\"users\": [{\"id\": 1, \"name\": \"Ana\"}], \"count\": 1}"))
          .isInstanceOf(ImportException.class)
          .hasMessage(
              "users.json, line 1: is not a ticket: it has no id, and no ticket or tickets; expected "
                  + EXPECTED
                  + ". Nothing from this file was imported.");
      assertThatThrownBy(
              () -> load(store, "tickets.csv", "id,subject,created_at\n1,Hello,2026-03-09\n"))
          .isInstanceOf(ImportException.class)
          .hasMessageStartingWith("tickets.csv, line 1: is not valid JSON (Unrecognized token 'id'")
          .hasMessageEndingWith("expected " + EXPECTED + ". Nothing from this file was imported.");
      assertThatThrownBy(
              () -> load(store, "none.json", "{\"tickets\": [], \"end_of_stream\": true}"))
          .isInstanceOf(ImportException.class)
          .hasMessage(
              "none.json: lists no tickets; expected "
                  + EXPECTED
                  + " (an empty file imports nothing)."
                  + " Nothing from this file was imported.");
      assertThatThrownBy(
              () ->
                  load(
                      store,
                      "metrics.json",
                      "{\"ticket_metrics\": [{\"id\": 1, \"ticket_id\": 7}]}"))
          .isInstanceOf(ImportException.class)
          .hasMessageStartingWith("metrics.json: lists no tickets; ");
      assertThat(store.count(RecordType.CONTACTS)).isZero();
    }
  }

  private static final String EXPECTED =
      "a Zendesk ticket export: pages of {\"tickets\": [...], \"metric_sets\":"
          + " [...]} from the incremental export (with pages of {\"ticket_metric_events\": [...]}), a search response {\"results\": [...]}, {\"ticket\": {...}}, an array of"
          + " tickets, one ticket per line, or the tickets stream of a Singer or Airbyte export";

  @Test
  void only_a_truly_empty_file_reads_as_nothing() {
    try (Store store = Store.open(dir.resolve("z.duckdb").toString())) {
      SourceSummary s = load(store, "empty.json", " \n\n");

      assertThat(s.read()).isZero();
      assertThat(s.lines())
          .containsExactly(
              "Imported Zendesk tickets from empty.json: 0 tickets read.",
              "  set aside: nothing",
              "  the file is empty: nothing to import");
    }
  }

  @Test
  void an_unforeseen_failure_becomes_an_import_error_naming_file_record_and_field() {
    // A loader whose survey table fails as a bug would: the import must say where it was, not
    // crash.
    CollectingLoader loader =
        new CollectingLoader() {
          @Override
          public RowSink sink(RecordType type) {
            RowSink inner = super.sink(type);
            return type != RecordType.SURVEYS
                ? inner
                : (line, row) -> {
                  throw new IllegalStateException("boom");
                };
          }
        };
    String page =
        """
        {"tickets": [
          {"id": 7, "created_at": "2026-03-09T08:00:00Z", "updated_at": "2026-03-09T09:00:00Z", "status": "solved",
           "satisfaction_rating": {"id": 70, "score": "good"}}]}
        """;
    assertThatThrownBy(
            () ->
                new ZendeskImporter()
                    .read(
                        ImportSource.of("page.json", page.getBytes(StandardCharsets.UTF_8)),
                        loader,
                        b -> {}))
        .isInstanceOf(ImportException.class)
        // ticket 7 starts on line 2; the survey is written after reading satisfaction_rating/id
        .hasMessage(
            "page.json, line 2, column /tickets/0/satisfaction_rating/id: \"70\" could not be imported:"
                + " java.lang.IllegalStateException: boom (an unforeseen failure; please report it with this file)."
                + " Nothing from this file was imported.");
  }
}
