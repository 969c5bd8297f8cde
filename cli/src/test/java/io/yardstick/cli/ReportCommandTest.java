package io.yardstick.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code yardstick report} as a user meets it, on a small demo store: exit codes, output, files and
 * messages.
 */
class ReportCommandTest {
  @TempDir Path dir;

  record Run(int code, String out, String err) {}

  Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
    return new Run(code, out.toString(), err.toString());
  }

  String db() {
    return dir.resolve("demo.duckdb").toString();
  }

  @Test
  void a_view_is_added_listed_run_to_files_scheduled_and_removed() throws Exception {
    assertThat(
            run(
                    "demo",
                    "--no-serve",
                    "--contacts",
                    "3000",
                    "--end",
                    "2026-11-24",
                    "--tz",
                    "Europe/Madrid",
                    "--db",
                    db())
                .code())
        .isZero();
    Run add =
        run(
            "report",
            "add",
            "--name",
            "Phone, last week",
            "--page",
            "channels",
            "--period",
            "last_week",
            "--tz",
            "Europe/Madrid",
            "--compare",
            "--where",
            "channel=phone",
            "--share",
            "manager",
            "--db",
            db());
    assertThat(add.err()).isEmpty();
    assertThat(add.out()).isEqualTo("Saved view 1: Phone, last week (last_week, Europe/Madrid).\n");

    Run bad = run("report", "add", "--name", "x", "--period", "last_fortnight", "--db", db());
    assertThat(bad.code()).isEqualTo(1);
    assertThat(bad.err())
        .startsWith("yardstick: 'last_fortnight' is not a --period; expected one of yesterday,");

    // Tuesday 2026-11-24: the last complete week is 11-16..22.
    Run runIt =
        run(
            "report",
            "run",
            "1",
            "--out",
            dir.resolve("out").toString(),
            "--lang",
            "ca",
            "--as-of",
            "2026-11-24",
            "--db",
            db());
    assertThat(runIt.err()).isEmpty();
    assertThat(runIt.out().lines().map(l -> Path.of(l).getFileName().toString()).toList())
        .containsExactly(
            "report-1-2026-11-16-2026-11-22.pdf", "report-1-2026-11-16-2026-11-22-1-tiles.csv",
            "report-1-2026-11-16-2026-11-22-2-breakdown.csv",
                "report-1-2026-11-16-2026-11-22-3-trend.csv");
    assertThat(Files.readAllBytes(dir.resolve("out/report-1-2026-11-16-2026-11-22.pdf")))
        .startsWith("%PDF".getBytes());
    assertThat(Files.readString(dir.resolve("out/report-1-2026-11-16-2026-11-22-2-breakdown.csv")))
        .startsWith("channel,channel_name,contacts,abandonment_rate,")
        .contains("\r\nphone,telèfon,"); // --lang ca: the id, then its name in Catalan

    Run show = run("report", "show", "1", "--as-of", "2026-11-24", "--db", db());
    assertThat(show.out()).contains("\"from\" : \"2026-11-16\"", "\"to\" : \"2026-11-22\"");

    Run schedule =
        run(
            "report",
            "schedule",
            "1",
            "--cadence",
            "weekly:mon@08:00",
            "--to",
            "email:boss@example.com",
            "--db",
            db());
    assertThat(schedule.out())
        .isEqualTo("Scheduled view 1 as schedule 1: weekly:mon@08:00 in Europe/Madrid.\n");
    Run list = run("report", "list", "--db", db());
    assertThat(list.out())
        .isEqualTo(
            "1  Phone, last week  [channels, last_week, Europe/Madrid, shared with manager]\n"
                + "    schedule 1: weekly:mon@08:00 (en) to email:boss@example.com\n");

    assertThat(run("report", "remove", "1", "--db", db()).out())
        .isEqualTo("Removed view 1 and its schedules.\n");
    assertThat(run("report", "list", "--db", db()).out())
        .isEqualTo("No saved views; report add saves one.\n");
  }
}
