package io.yardstick.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line as a user meets it: exit codes, messages and output (picocli's testing chapter). */
class CliTest {
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

  static final String CONTACTS = """
      contact_id,channel,arrived_at
      a,phone,2026-03-28T22:30:00Z
      b,chat,2026-03-28T23:30:00Z
      c,email,2026-03-29T12:00:00+02:00
      d,phone,2026-03-29T22:00:00Z
      """;

  @Test
  void import_reports_rows_inserted_and_replaced_and_is_idempotent() throws IOException {
    Path file = write("contacts.csv", CONTACTS);

    Run first = run("import", "contacts", file.toString(), "--db", db());
    Run second = run("import", "contacts", file.toString(), "--db", db());

    assertThat(first.code()).isZero();
    assertThat(first.out()).startsWith("Imported contacts from " + file + ": 4 rows read, 4 inserted, 0 replaced in ")
        .contains(" rows/s).");
    assertThat(second.out()).startsWith("Imported contacts from " + file + ": 4 rows read, 0 inserted, 4 replaced in ");
  }

  @Test
  void import_accepts_gzip() throws IOException {
    Path file = dir.resolve("contacts.csv.gz");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
      out.write(CONTACTS.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    Run run = run("import", "contacts", file.toString(), "--db", db());

    assertThat(run.code()).isZero();
    assertThat(run.out()).contains("4 rows read, 4 inserted");
  }

  @Test
  void a_bad_value_exits_1_with_file_line_column_and_value() throws IOException {
    Path file = write("bad.csv", "contact_id,channel,arrived_at\nx,phone,2026-03-01T09:00:00Z\ny,phone,2026-03-01 09:00\n");

    Run run = run("import", "contacts", file.toString(), "--db", db());

    assertThat(run.code()).isEqualTo(1);
    assertThat(run.err()).isEqualTo("yardstick: " + file + ", line 3, column arrived_at: \"2026-03-01 09:00\" has no"
        + " time-zone offset, so the instant it means is ambiguous; add Z (UTC) or an offset such as +01:00."
        + " Nothing from this file was imported." + System.lineSeparator());
    assertThat(run("kpi", "--kpi", "contacts", "--from", "2026-03-01", "--to", "2026-03-01", "--format", "csv",
        "--db", db()).out()).isEqualTo("contacts\n0\n".replace("\n", System.lineSeparator()));
  }

  @Test
  void an_unknown_kind_is_bad_usage() throws IOException {
    Path file = write("x.csv", CONTACTS);

    Run run = run("import", "calls", file.toString(), "--db", db());

    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err()).contains("Unknown kind 'calls'; expected one of contacts, surveys, agent-states, customers, costs.");
  }

  @Test
  void kpi_json_counts_contacts_by_local_dates_in_the_zone() throws IOException {
    run("import", "contacts", write("contacts.csv", CONTACTS).toString(), "--db", db());

    // 2026-03-29 in Europe/Madrid is [2026-03-28T23:00Z, 2026-03-29T22:00Z) (the spring DST change): b and c.
    Run run = run("kpi", "--kpi", "contacts", "--from", "2026-03-29", "--to", "2026-03-29", "--tz", "Europe/Madrid",
        "--format", "json", "--db", db());

    assertThat(run.code()).isZero();
    assertThat(run.out().replaceAll("\\s+", "")).isEqualTo(
        "{\"from\":\"2026-03-29\",\"to\":\"2026-03-29\",\"tz\":\"Europe/Madrid\",\"rows\":[{\"group\":{},\"kpis\":{\"contacts\":2}}]}");
  }

  @Test
  void kpi_rejects_a_bad_zone_as_bad_usage() {
    Run run = run("kpi", "--from", "2026-03-01", "--to", "2026-03-02", "--tz", "Madrid", "--db", db());

    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err()).contains("--tz: 'Madrid' is not a time zone; expected an IANA name such as Europe/Madrid");
  }

  @Test
  void demo_fills_an_empty_store_and_leaves_a_filled_one_alone() {
    Run first = run("demo", "--contacts", "3000", "--days", "14", "--end", "2026-03-31", "--db", db());
    Run second = run("demo", "--contacts", "3000", "--days", "14", "--end", "2026-03-31", "--db", db());

    assertThat(first.code()).as(first.err()).isZero();
    assertThat(first.out()).startsWith("Simulated a contact center from 2026-03-18 to 2026-03-31 (Europe/Madrid), seed 42:")
        .contains("3,000 contacts");
    assertThat(second.out()).contains("already holds 3,000 contacts; the demo left it as it is");
    Run kpi = run("kpi", "--kpi", "contacts", "--from", "2026-03-18", "--to", "2026-03-31", "--tz", "Europe/Madrid",
        "--format", "csv", "--db", db());
    assertThat(kpi.out()).isEqualTo("contacts" + System.lineSeparator() + "3000" + System.lineSeparator());
  }
}
