package io.yardstick.sources.freshdesk;

import static io.yardstick.sources.freshdesk.FreshdeskImporterTest.load;
import static io.yardstick.sources.freshdesk.FreshdeskImporterTest.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.yardstick.ingest.ImportException;
import io.yardstick.model.RecordType;
import io.yardstick.sources.SourceSummary;
import io.yardstick.store.Store;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 10: the three shapes Freshdesk's API v2 gives tickets in (the list, one ticket, a search
 * response) all read; any other shape is refused naming the file and what was expected, never read
 * as "0 tickets".
 */
class FreshdeskShapesTest {
  @TempDir Path dir;

  static String resource(String name) throws IOException {
    try (InputStream in = FreshdeskShapesTest.class.getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void a_search_response_reads_its_results() throws IOException {
    try (Store store = Store.open(dir.resolve("f.duckdb").toString())) {
      SourceSummary s = load(store, "search.json", resource("search_response.json"));

      assertThat(s.read()).isEqualTo(2); // "total": 2, both in "results"
      assertThat(
              rows(
                  store,
                  "SELECT contact_id, channel, agent_id, arrived_at, first_response_at, resolved"
                      + " FROM contacts ORDER BY 1"))
          .containsExactly(
              // source 2 = portal (web); status 4 Resolved; search results carry no stats, so no
              // times
              "freshdesk-21 web 4101 2026-03-09T09:00:00Z null true",
              // source 1 = email; status 2 Open
              "freshdesk-22 email null 2026-03-09T10:00:00Z null false");
      assertThat(s.figures())
          .containsExactly(
              Map.entry("tickets", 2L),
              Map.entry("resolved or closed", 1L),
              Map.entry("with a first response", 0L),
              Map.entry("satisfaction ratings", 0L));
      assertThat(s.notes())
          .contains(
              "2 tickets without stats: no first response or resolution time (list with"
                  + " include=stats)");
    }
  }

  @Test
  void a_single_ticket_reads() throws IOException {
    try (Store store = Store.open(dir.resolve("f.duckdb").toString())) {
      SourceSummary s = load(store, "ticket-23.json", resource("single_ticket.json"));

      assertThat(s.read()).isEqualTo(1);
      // source 3 = phone; status 5 Closed: stats.resolved_at 15:00 wins over closed_at 16:00
      assertThat(
              rows(
                  store,
                  "SELECT contact_id, channel, first_response_at, resolved_at, resolved FROM contacts"))
          .containsExactly("freshdesk-23 phone 2026-03-09T11:20:00Z 2026-03-09T15:00:00Z true");
    }
  }

  @Test
  void an_airbyte_export_reads_its_tickets_and_satisfaction_ratings_streams() {
    String jsonl =
        """
        {"type": "RECORD", "record": {"stream": "tickets", "data": {"id": 24, "source": 7, "status": 4, "responder_id": 4103, "created_at": "2026-03-09T12:00:00Z", "updated_at": "2026-03-09T12:30:00Z", "stats": {"first_responded_at": "2026-03-09T12:01:00Z", "resolved_at": "2026-03-09T12:30:00Z"}}, "emitted_at": 1773100805000}}
        {"type": "RECORD", "record": {"stream": "satisfaction_ratings", "data": {"id": 50024, "survey_id": 1, "user_id": 8104, "agent_id": 4103, "ticket_id": 24, "ratings": {"default_question": 102}, "created_at": "2026-03-09T13:00:00Z", "updated_at": "2026-03-09T13:00:00Z"}, "emitted_at": 1773100805000}}
        {"type": "RECORD", "record": {"stream": "agents", "data": {"id": 4103, "available": true}, "emitted_at": 1773100805000}}
        {"type": "STATE", "state": {"type": "STREAM", "stream": {"stream_descriptor": {"name": "tickets"}, "stream_state": {"updated_at": "2026-03-09T12:30:00Z"}}}}
        """;
    try (Store store = Store.open(dir.resolve("f.duckdb").toString())) {
      SourceSummary s = load(store, "airbyte.jsonl", jsonl);

      assertThat(s.read()).isEqualTo(2); // ticket 24 and its rating
      // source 7 = chat; rating 102 = 5
      assertThat(rows(store, "SELECT contact_id, channel, resolved_at FROM contacts"))
          .containsExactly("freshdesk-24 chat 2026-03-09T12:30:00Z");
      assertThat(rows(store, "SELECT survey_id, score, contact_id FROM surveys"))
          .containsExactly("freshdesk-50024 5 freshdesk-24");
      assertThat(s.notes())
          .contains(
              "1 records of streams not imported were skipped (agents 1)",
              "1 pipeline messages that are not records (SCHEMA, STATE...) were skipped");
    }
  }

  /** Issue 18: a rating's feedback is the survey's comment; blank feedback is none. */
  @Test
  void a_ratings_feedback_becomes_the_surveys_comment() {
    String jsonl =
        """
        {"id": 50031, "user_id": 8104, "agent_id": 4103, "ticket_id": 31, "ratings": {"default_question": 103}, "feedback": " Quick and kind ", "created_at": "2026-03-09T13:00:00Z"}
        {"id": 50032, "user_id": 8105, "agent_id": 4103, "ticket_id": 32, "ratings": {"default_question": -103}, "feedback": "  ", "created_at": "2026-03-09T14:00:00Z"}
        """;
    try (Store store = Store.open(dir.resolve("f.duckdb").toString())) {
      load(store, "ratings.jsonl", jsonl);

      assertThat(rows(store, "SELECT survey_id, score, comment FROM surveys ORDER BY 1"))
          .containsExactly("freshdesk-50031 5 Quick and kind", "freshdesk-50032 1 null");
    }
  }

  @Test
  void a_shape_that_is_not_a_freshdesk_export_is_refused_naming_the_file_and_what_was_expected() {
    try (Store store = Store.open(dir.resolve("f.duckdb").toString())) {
      assertThatThrownBy(
              () ->
                  load(
                      store,
                      "error.json",
                      "{\"description\": \"Validation failed\", \"errors\": [{\"field\": \"query\", \"code\": \"invalid_value\"}]}"))
          .isInstanceOf(ImportException.class)
          .hasMessage(
              "error.json, line 1: is not a ticket: it has no id; expected "
                  + EXPECTED
                  + ". Nothing from this file was imported.");
      assertThatThrownBy(() -> load(store, "none.json", "{\"total\": 0, \"results\": []}"))
          .isInstanceOf(ImportException.class)
          .hasMessage(
              "none.json: lists no tickets or ratings; expected "
                  + EXPECTED
                  + " (an empty file imports"
                  + " nothing). Nothing from this file was imported.");
      assertThatThrownBy(
              () ->
                  load(
                      store,
                      "export.csv",
                      "Ticket ID,Subject,Status\n21,Portal login fails,Resolved\n"))
          .isInstanceOf(ImportException.class)
          .hasMessageStartingWith("export.csv, line 1: is not valid JSON (")
          .hasMessageEndingWith("expected " + EXPECTED + ". Nothing from this file was imported.");
      assertThat(store.count(RecordType.CONTACTS)).isZero();
    }
  }

  private static final String EXPECTED =
      "a Freshdesk export: the ticket list (a JSON array, as GET /api/v2/tickets"
          + " returns it), one ticket (GET /api/v2/tickets/:id), a search response {\"total\": ..., \"results\": [...]}"
          + " (GET /api/v2/search/tickets), satisfaction ratings, ticket conversations (GET"
          + " /api/v2/tickets/:id/conversations), one of these per line, or the tickets and"
          + " satisfaction_ratings streams of a Singer or Airbyte export";

  @Test
  void only_a_truly_empty_file_reads_as_nothing() {
    try (Store store = Store.open(dir.resolve("f.duckdb").toString())) {
      SourceSummary s = load(store, "empty.json", "");

      assertThat(s.read()).isZero();
      assertThat(s.notes()).containsExactly("the file is empty: nothing to import");
    }
  }
}
