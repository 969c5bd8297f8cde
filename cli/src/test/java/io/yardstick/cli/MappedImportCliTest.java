package io.yardstick.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code import KIND FILE --mapping MAPPING}: the summary, the reasons rows were set aside, and
 * refusals.
 */
class MappedImportCliTest {
  @TempDir Path dir;

  record Run(int code, String out, String err) {}

  Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
    return new Run(code, out.toString(), err.toString());
  }

  String db() {
    return dir.resolve("cli.duckdb").toString();
  }

  Path write(String name, String content) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, content);
    return file;
  }

  static final String MAPPING =
      """
      input: {delimiter: ";", time_zone: Europe/Madrid}
      skip:
        - when: {Outcome: PHANTOM}
          reason: phantom call
      contacts:
        contact_id: Id
        channel: {constant: phone}
        arrived_at: {column: Start, format: "dd/MM/yyyy HH:mm:ss"}
        answered_at: {field: arrived_at, plus: Wait, when: {Outcome: AGENT}}
        abandoned_at: {field: arrived_at, plus: Wait, when: {Outcome: HANG}}
      surveys:
        skip:
          - when: {Score: ""}
            reason: no score
        survey_id: Id
        kind: {constant: csat}
        score: Score
        submitted_at: {column: Start, format: "dd/MM/yyyy HH:mm:ss"}
      """;

  static final String DATA =
      """
      Id;Start;Outcome;Wait;Score
      a;02/03/2026 09:00:00;AGENT;12;5
      b;02/03/2026 09:01:00;HANG;30;
      c;02/03/2026 09:02:00;PHANTOM;0;
      """;

  @Test
  void a_mapped_import_reports_rows_kept_and_set_aside_and_is_idempotent() throws IOException {
    Path mapping = write("m.yaml", MAPPING);
    Path data = write("calls.txt", DATA);

    Run first =
        run("import", "contacts", data.toString(), "--mapping", mapping.toString(), "--db", db());
    Run again =
        run("import", "contacts", data.toString(), "--mapping", mapping.toString(), "--db", db());
    Run surveys =
        run("import", "surveys", data.toString(), "--mapping", mapping.toString(), "--db", db());

    assertThat(first.code()).isZero();
    assertThat(first.out())
        .startsWith(
            "Imported contacts from "
                + data
                + " through mapping "
                + mapping
                + ": 3 rows"
                + " read, 2 kept (2 inserted, 0 replaced), 1 set aside in ")
        .contains(
            " rows/s).\n  set aside: 1 phantom call\n  The mapping also makes surveys: yardstick import surveys "
                + data
                + " --mapping "
                + mapping
                + "\n");
    assertThat(again.out()).contains("3 rows read, 2 kept (0 inserted, 2 replaced), 1 set aside");
    assertThat(surveys.out())
        .contains("3 rows read, 1 kept (1 inserted, 0 replaced), 2 set aside")
        .contains("  set aside: 1 no score\n  set aside: 1 phantom call\n");
  }

  @Test
  void a_bad_mapping_exits_1_naming_the_key() throws IOException {
    Path mapping = write("m.yaml", MAPPING.replace("HH:mm:ss", "HH:mm:bb"));
    Path data = write("calls.txt", DATA);

    Run run =
        run("import", "contacts", data.toString(), "--mapping", mapping.toString(), "--db", db());

    assertThat(run.code()).isEqualTo(1);
    assertThat(run.err())
        .isEqualTo(
            "yardstick: "
                + mapping
                + ", line 8, column 39, key contacts.arrived_at.format:"
                + " \"dd/MM/yyyy"
                + " HH:mm:bb\" is not a valid java.time pattern (Unknown pattern letter: b). See docs/mapping.md.\n");
  }

  @Test
  void a_bad_value_exits_1_with_the_data_file_line_column_and_the_mapping_key() throws IOException {
    Path mapping = write("m.yaml", MAPPING);
    Path data = write("calls.txt", DATA.replace("AGENT;12", "AGENT;twelve"));

    Run run =
        run("import", "contacts", data.toString(), "--mapping", mapping.toString(), "--db", db());

    assertThat(run.code()).isEqualTo(1);
    assertThat(run.err())
        .isEqualTo(
            "yardstick: "
                + data
                + ", line 2, column Wait: \"twelve\" is not a number;"
                + " expected a number of seconds such as 95 or 12.5 (mapping "
                + mapping
                + ", key contacts.answered_at.plus)."
                + " Nothing from this file was imported.\n");
  }

  @Test
  void a_foreign_kind_with_a_mapping_is_bad_usage() throws IOException {
    Path mapping = write("m.yaml", MAPPING);

    Run run = run("import", "queue-log", "x.csv", "--mapping", mapping.toString(), "--db", db());

    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err())
        .contains(
            "With --mapping, KIND is the kind of record to make: contacts, surveys,"
                + " agent-states, customers or costs; got 'queue-log'.");
  }

  @Test
  void out_of_order_rules_show_rows_set_aside_and_values_cleared_by_reason() throws IOException {
    // Issue 10: a help desk export with answers logged before the arrival. Line 3 answered 5 s
    // before it arrived
    // (set aside); line 4 resolved 1 min before it arrived (kept, resolution time cleared).
    Path mapping =
        write(
            "m.yaml",
            """
        contacts:
          contact_id: Id
          channel: {constant: email}
          arrived_at: Created
          first_response_at: First
          resolved_at: Resolved
          out_of_order:
            first_response_at: {action: set_aside, reason: first response before arrival}
            resolved_at: clear
        """);
    Path data =
        write(
            "tickets.csv",
            """
        Id,Created,First,Resolved
        a,2026-03-09T09:00:00Z,2026-03-09T09:10:00Z,2026-03-09T10:00:00Z
        b,2026-03-09T09:00:00Z,2026-03-09T08:59:55Z,
        c,2026-03-09T09:00:00Z,2026-03-09T09:01:00Z,2026-03-09T08:59:00Z
        """);

    Run run =
        run("import", "contacts", data.toString(), "--mapping", mapping.toString(), "--db", db());

    assertThat(run.code()).isZero();
    assertThat(run.out())
        .contains(": 3 rows read, 2 kept (2 inserted, 0 replaced), 1 set aside in ")
        .contains(
            " rows/s).\n  set aside: 1 first response before arrival\n"
                + "  cleared: 1 resolved_at before arrived_at (the value left empty, the row kept)\n");
  }

  @Test
  void a_header_without_rows_exits_1_and_an_empty_file_reads_nothing() throws IOException {
    Path mapping = write("m.yaml", MAPPING);

    Run header =
        run(
            "import",
            "contacts",
            write("header.txt", "Id;Start;Outcome;Wait;Score\n").toString(),
            "--mapping",
            mapping.toString(),
            "--db",
            db());
    Run empty =
        run(
            "import",
            "contacts",
            write("empty.txt", "").toString(),
            "--mapping",
            mapping.toString(),
            "--db",
            db());

    assertThat(header.code()).isEqualTo(1);
    assertThat(header.err())
        .isEqualTo(
            "yardstick: "
                + dir.resolve("header.txt")
                + ": has a header and no rows;"
                + " expected rows of data under the header that mapping "
                + mapping
                + " reads (an empty file imports"
                + " nothing). Nothing from this file was imported.\n");
    assertThat(empty.code()).isZero();
    assertThat(empty.out())
        .contains(": 0 rows read, 0 kept (0 inserted, 0 replaced), 0 set aside in ");
  }
}
