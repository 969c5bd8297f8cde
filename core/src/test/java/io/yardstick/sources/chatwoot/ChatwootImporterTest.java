package io.yardstick.sources.chatwoot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.yardstick.ingest.ImportException;
import io.yardstick.ingest.ImportSource;
import io.yardstick.model.RecordType;
import io.yardstick.sources.SourceSummary;
import io.yardstick.store.Store;
import io.yardstick.store.TestPostgres;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 17: Chatwoot's API payloads (shapes from its swagger definitions: conversation, message,
 * reporting_event, csat_survey_response) become contacts, tickets, ticket events and surveys, the
 * same on DuckDB and PostgreSQL.
 */
class ChatwootImporterTest {
  @TempDir Path dir;

  static String fixture() throws IOException {
    try (InputStream in = ChatwootImporterTest.class.getResourceAsStream("chatwoot_pages.json")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  static SourceSummary load(Store store, String name, String content) {
    return new ChatwootImporter()
        .importInto(
            store, ImportSource.of(name, content.getBytes(StandardCharsets.UTF_8)), b -> {});
  }

  static List<String> rows(Store store, String sql) {
    return store.query(sql).stream()
        .map(r -> Arrays.stream(r).map(String::valueOf).collect(Collectors.joining(" ")))
        .toList();
  }

  static final List<String> CONTACTS =
      List.of(
          // Channel::WebWidget = chat; created_at 1772442000 = 2026-03-02T09:00Z;
          // first_reply_created_at 1772442300
          "chatwoot-101 chatwoot-101 chat inbox-7 501 9 Support 2026-03-02T09:00:00Z 2026-03-02T09:05:00Z true",
          "chatwoot-102 chatwoot-102 email inbox-8 502 null null 2026-03-03T08:00:00Z null false");
  static final List<String> TICKETS =
      List.of(
          "chatwoot-101 2026-03-02T09:00:00Z high solved null Support ,billing,vip,",
          "chatwoot-102 2026-03-03T08:00:00Z null on_hold null null null");
  // 1001 customer, 1002 agent (and the first_response event, 09:05:00.412 cut to the second: the
  // same reply), 1003
  // customer (embedded in the conversation), 1005 agent, conversation_resolved at 10:00; the
  // private note 1004, the
  // activity 1006, the CSAT template 1007 and the bot handoff are left out.
  static final List<String> EVENTS =
      List.of(
          "chatwoot-101 2026-03-02T09:00:00Z priority null high null null",
          "chatwoot-101 2026-03-02T09:00:00Z reply null null customer null",
          "chatwoot-101 2026-03-02T09:05:00Z reply null null agent 9",
          "chatwoot-101 2026-03-02T09:20:00Z reply null null customer null",
          "chatwoot-101 2026-03-02T09:30:00Z reply null null agent 9",
          "chatwoot-101 2026-03-02T10:00:00Z status solved null agent 9");

  private void check(Store store) throws IOException {
    SourceSummary s = load(store, "chatwoot.json", fixture());

    assertThat(
            rows(
                store,
                "SELECT contact_id, case_id, channel, queue, customer_id, agent_id, team, arrived_at,"
                    + " first_response_at, resolved FROM contacts ORDER BY contact_id"))
        .isEqualTo(CONTACTS);
    assertThat(rows(store, "SELECT * FROM tickets ORDER BY case_id")).isEqualTo(TICKETS);
    assertThat(rows(store, "SELECT * FROM ticket_events ORDER BY case_id, occurred_at, kind"))
        .isEqualTo(EVENTS);
    assertThat(rows(store, "SELECT * FROM surveys"))
        .containsExactly(
            "chatwoot-csat-31 csat 5 2026-03-02T11:00:00Z chatwoot-101 501 9 Quick and kind");
    assertThat(s.figure("conversations")).isEqualTo(2);
    assertThat(s.figure("replies")).isEqualTo(4);
    assertThat(s.figure("reporting events")).isEqualTo(2);
    assertThat(s.figure("CSAT responses")).isEqualTo(1);
    // 7 rows handed on: message 1002 and the first_response event are one key, stored once
    assertThat(s.kept(RecordType.TICKET_EVENTS)).isEqualTo(7);
    assertThat(String.join("\n", s.lines())).contains("private notes (not replies)");

    // Importing the same pages again changes nothing.
    load(store, "chatwoot.json", fixture());
    assertThat(rows(store, "SELECT * FROM ticket_events ORDER BY case_id, occurred_at, kind"))
        .isEqualTo(EVENTS);
    assertThat(rows(store, "SELECT * FROM tickets ORDER BY case_id")).isEqualTo(TICKETS);
  }

  @Test
  void pages_become_contacts_tickets_events_and_csat_on_duckdb() throws IOException {
    try (Store store = Store.open(dir.resolve("c.duckdb").toString())) {
      check(store);
    }
  }

  @Test
  void pages_become_contacts_tickets_events_and_csat_on_postgresql() throws Exception {
    try (Store store = TestPostgres.newStore("chatwoot")) {
      check(store);
    }
  }

  @Test
  void a_record_of_another_kind_is_refused_naming_where_it_is_and_nothing_is_kept() {
    try (Store store = Store.open(dir.resolve("c.duckdb").toString())) {
      assertThatThrownBy(
              () -> load(store, "odd.json", "{\"payload\": [{\"id\": 5, \"title\": \"a macro\"}]}"))
          .isInstanceOf(ImportException.class)
          .hasMessageStartingWith(
              "odd.json, line 1, column /payload/0: is not a Chatwoot conversation, message,"
                  + " reporting event or CSAT response");
      assertThatThrownBy(
              () ->
                  load(
                      store,
                      "csat.json",
                      "[{\"id\": 1, \"rating\": 9, \"created_at\":"
                          + " \"2026-03-02T11:00:00Z\", \"conversation_id\": 101}]"))
          .isInstanceOf(ImportException.class)
          .hasMessageStartingWith(
              "csat.json, line 1, column /0/rating: \"9\" is outside Chatwoot's scale; expected 1"
                  + " to 5.");
      assertThat(store.count(RecordType.SURVEYS)).isZero();
    }
  }
}
