package io.yardstick.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code yardstick import queue-log|zendesk|freshdesk FILE} as a user meets it. */
class SourceImportCliTest {
  @TempDir Path dir;

  record Run(int code, String out, String err) {}

  Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
    return new Run(code, out.toString(), err.toString());
  }

  static final String LOG =
      """
      1767261610|NONE|support|SIP/alice|ADDMEMBER|
      1767261700|c1|support|NONE|ENTERQUEUE||600111222|1
      1767261720|c1|support|SIP/alice|CONNECT|20|c1b|4
      1767261800|c2|support|NONE|ENTERQUEUE||600222333|2
      1767261845|c2|support|NONE|ABANDON|1|2|45
      1767261900|c1|support|SIP/alice|COMPLETECALLER|20|180|1
      1767262000|c3|support|NONE|ENTERQUEUE||600333444|1
      1767262001|NONE|NONE|NONE|OUTDIAL|x
      """;

  @Test
  void import_queue_log_prints_what_was_read_kept_and_set_aside() throws IOException {
    Path file = Files.writeString(dir.resolve("queue_log"), LOG);

    Run run =
        run("import", "queue-log", file.toString(), "--db", dir.resolve("q.duckdb").toString());

    assertThat(run.code()).isZero();
    assertThat(run.out())
        .startsWith(
            "Imported Asterisk queue_log from "
                + file
                + ": 8 lines read.\n"
                + "  3 queued calls, 1 answered, 1 abandoned, 0 timeout, 0 left empty queue, 0 left with a key,"
                + " 1 without an end, 2 agent states\n"
                + "  kept 3 contacts: 3 new, 0 replaced\n"
                + "  kept 2 agent states: 2 new, 0 replaced\n"
                + "  kept 3 call outcomes: 3 new, 0 replaced\n"
                + "  set aside 1: agent states still open when the log ends (a longer log will close them)\n"
                + "  set aside 1: lines of events that are neither queue calls nor agent sessions (OUTDIAL 1)\n"
                + "  answered: 0 ended by the agent, 1 by the caller, 0 transferred, 0 still connected when the log ends"
                + " (talk time unknown)\n"
                + "  mean wait of answered calls 20.00 s; rings not answered: 0 (0 s, logged in milliseconds)\n"
                + "  in ");
  }

  @Test
  void a_bad_line_exits_1_with_file_line_column_and_value() throws IOException {
    Path file =
        Files.writeString(
            dir.resolve("queue_log"), LOG.replace("|CONNECT|20|", "|CONNECT|twenty|"));

    Run run =
        run("import", "queue-log", file.toString(), "--db", dir.resolve("q.duckdb").toString());

    assertThat(run.code()).isEqualTo(1);
    assertThat(run.err())
        .isEqualTo(
            "yardstick: "
                + file
                + ", line 3, column data1 (holdtime): \"twenty\" is not a"
                + " duration for CONNECT; expected a number of seconds, 0 or more. Nothing from this file was imported.\n");
  }

  @Test
  void import_zendesk_reads_a_ticket_export() throws IOException {
    Path file =
        Files.writeString(
            dir.resolve("tickets.json"),
            """
        {"tickets": [{"id": 1, "created_at": "2026-03-02T09:00:00Z", "updated_at": "2026-03-02T10:00:00Z",
          "status": "solved", "via": {"channel": "email"}, "satisfaction_rating": {"id": 9, "score": "good"}}],
         "metric_sets": [{"ticket_id": 1, "solved_at": "2026-03-02T10:00:00Z", "reopens": 0, "replies": 1,
          "reply_time_in_minutes": {"calendar": 30, "business": 30}}],
         "end_of_stream": true}
        """);

    Run run = run("import", "zendesk", file.toString(), "--db", dir.resolve("z.duckdb").toString());

    assertThat(run.code()).isZero();
    assertThat(run.out())
        .startsWith(
            "Imported Zendesk tickets from "
                + file
                + ": 1 tickets read.\n"
                + "  1 tickets, 1 solved, 1 with a first reply time, 1 rated good, 0 rated bad, 0 surveys offered and not"
                + " answered\n"
                + "  kept 1 contacts: 1 new, 0 replaced\n"
                + "  kept 1 surveys: 1 new, 0 replaced\n"
                + "  kept 1 tickets: 1 new, 0 replaced\n"
                + "  set aside: nothing\n");
  }

  @Test
  void import_zendesk_counts_offered_surveys_and_metric_sets_without_their_ticket()
      throws IOException {
    // Issue 10: an offered survey stopped the import with a NullPointerException.
    Path file =
        Files.writeString(
            dir.resolve("tickets.json"),
            """
        {"tickets": [{"id": 1, "created_at": "2026-03-02T09:00:00Z", "updated_at": "2026-03-02T10:00:00Z",
          "status": "solved", "via": {"channel": "email"}, "satisfaction_rating": {"id": 9, "score": "offered"}},
          {"id": 2, "created_at": "2026-03-02T09:30:00Z", "status": "open", "via": {"channel": "web"},
          "satisfaction_rating": {"score": "unoffered"}}],
         "metric_sets": [{"ticket_id": 1, "solved_at": "2026-03-02T10:00:00Z", "reopens": 0, "replies": 1,
          "reply_time_in_minutes": {"calendar": 30, "business": 30}},
          {"ticket_id": 77, "solved_at": null, "reopens": 0, "replies": 0}],
         "end_of_stream": true}
        """);

    Run run = run("import", "zendesk", file.toString(), "--db", dir.resolve("z.duckdb").toString());

    assertThat(run.err()).isEmpty();
    assertThat(run.code()).isZero();
    assertThat(run.out())
        .startsWith(
            """
        Imported Zendesk tickets from %s: 2 tickets read.
          2 tickets, 1 solved, 1 with a first reply time, 0 rated good, 0 rated bad, 1 surveys offered and not answered
          kept 2 contacts: 2 new, 0 replaced
          kept 2 tickets: 2 new, 0 replaced
          set aside 1: metric sets whose ticket is not in this file
          1 tickets without a metric set: no first reply or resolution time (export with include=metric_sets)
          1 tickets were not offered a survey (score unoffered)
        """
                .formatted(file));
  }

  @Test
  void a_file_of_another_shape_exits_1_naming_the_file_and_what_was_expected() throws IOException {
    // Issue 10: a search response read as "0 tickets and ratings read", exit 0; an error body must
    // not either.
    Path file =
        Files.writeString(
            dir.resolve("error.json"),
            "{\"code\": \"invalid_credentials\","
                + " \"message\": \"You have to be logged in to perform this action.\"}\n");

    Run run =
        run("import", "freshdesk", file.toString(), "--db", dir.resolve("f.duckdb").toString());

    assertThat(run.code()).isEqualTo(1);
    assertThat(run.out()).isEmpty();
    assertThat(run.err())
        .isEqualTo(
            "yardstick: "
                + file
                + ", line 1: is not a ticket: it has no id; expected a"
                + " Freshdesk export: the ticket list (a JSON array, as GET /api/v2/tickets returns it), one ticket"
                + " (GET /api/v2/tickets/:id), a search response {\"total\": ..., \"results\": [...]}"
                + " (GET /api/v2/search/tickets), satisfaction ratings, ticket conversations (GET /api/v2/tickets/:id/conversations), one of these per line, or the tickets and"
                + " satisfaction_ratings streams of a Singer or Airbyte export. Nothing from this file was imported.\n");
  }

  @Test
  void import_queue_log_counts_duplicate_lines_and_says_why_agent_time_is_unknown()
      throws IOException {
    // A static member (no ADDMEMBER or AGENTLOGIN) and an ENTERQUEUE written three times.
    Path file =
        Files.writeString(
            dir.resolve("queue_log"),
            """
        1767261700|c1|400|NONE|ENTERQUEUE||600111222|1
        1767261700|c1|400|NONE|ENTERQUEUE||600111222|1
        1767261700|c1|400|NONE|ENTERQUEUE||600111222|1
        1767261720|c1|400|Local/201@from-queue/n|CONNECT|20|c1b|4
        1767261900|c1|400|Local/201@from-queue/n|COMPLETECALLER|20|180|1
        """);

    Run run =
        run("import", "queue-log", file.toString(), "--db", dir.resolve("q.duckdb").toString());

    assertThat(run.code()).isZero();
    assertThat(run.out())
        .startsWith(
            "Imported Asterisk queue_log from "
                + file
                + ": 5 lines read.\n"
                + "  1 queued calls, 1 answered, 0 abandoned, 0 timeout, 0 left empty queue, 0 left with a key,"
                + " 0 without an end, 0 agent states\n")
        .contains(
            "\n  set aside 1: busy periods of agents whose logged-in time is unknown (no log-in or queue"
                + " membership events)\n")
        .contains(
            "\n  2 duplicate lines ignored (a line repeating an earlier one exactly is one event logged twice)\n"
                + "  agent time unknown for 1 agents (201): the log has no log-in or queue membership events for them"
                + " (static queue members), so no agent states were made for them, and their occupancy, idle time,"
                + " contacts per hour and absence are empty\n");
  }

  @Test
  void an_unknown_kind_names_the_sources_too() {
    Run run = run("import", "calls", "x.csv", "--db", dir.resolve("q.duckdb").toString());

    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err())
        .contains(
            "Or a foreign source: queue-log, zendesk, freshdesk, chatwoot (docs/sources.md).");
  }
}
