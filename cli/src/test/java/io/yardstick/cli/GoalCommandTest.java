package io.yardstick.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code yardstick goal} as a user meets it, on a small demo store: exit codes, output and
 * messages.
 */
class GoalCommandTest {
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
  void a_goal_is_added_listed_shown_as_json_and_removed() throws Exception {
    assertThat(
            run(
                    "demo",
                    "--no-serve",
                    "--contacts",
                    "20000",
                    "--end",
                    "2026-11-24",
                    "--tz",
                    "Europe/Madrid",
                    "--db",
                    db())
                .code())
        .isZero();
    Files.writeString(dir.resolve("s.yaml"), "goals:\n  fiscal_year_start_month: 4\n");

    Run add =
        run(
            "goal",
            "add",
            "--kpi",
            "csat",
            "--where",
            "age=55..70",
            "--change",
            "+25%",
            "--by",
            "end-of-fiscal-year",
            "--from",
            "2026-07-01",
            "--tz",
            "Europe/Madrid",
            "--as-of",
            "2026-11-25",
            "--settings",
            dir.resolve("s.yaml").toString(),
            "--db",
            db());
    assertThat(add.err()).isEmpty();
    assertThat(add.code()).isZero();
    // the fiscal year runs April to March: its end after 2026-07-01 is 2027-03-31
    assertThat(add.out())
        .startsWith(
            "Added goal 1: Customer satisfaction (CSAT) [age=55..70] +25% by 2027-03-31"
                + " (2026-07-01 to 2027-03-31, Europe/Madrid).\nRealism: ")
        .contains("The goal asks +");

    Run retention =
        run(
            "goal",
            "add",
            "--kpi",
            "retention_rate",
            "--baseline",
            "85",
            "--target",
            "90",
            "--by",
            "12-31",
            "--from",
            "2026-07-01",
            "--name",
            "Retention to 90%",
            "--tz",
            "Europe/Madrid",
            "--db",
            db());
    assertThat(retention.code()).isZero();
    assertThat(retention.out())
        .startsWith("Added goal 2: Retention to 90% (2026-07-01 to 2026-12-31");

    Run list = run("goal", "list", "--as-of", "2026-11-25", "--db", db());
    assertThat(list.code()).isZero();
    assertThat(list.out())
        .startsWith("id  name")
        .contains("Retention to 90%")
        .contains("85.0%")
        .contains("90.0%");

    Run show = run("goal", "show", "2", "--format", "json", "--as-of", "2026-11-25", "--db", db());
    assertThat(show.code()).isZero();
    assertThat(show.out())
        .startsWith("{\"goal\":{\"id\":2,\"name\":\"Retention to 90%\",\"kpi\":\"retention_rate\"")
        .contains("\"today\":\"2026-11-25\",\"measured_to\":\"2026-11-24\",\"baseline\":85.0")
        .contains("\"target\":90.0")
        .contains("\"history\":[{\"week\":\"2026-W27\",\"from\":\"2026-07-01\"")
        .contains("\"trend\":{\"method\":\"Theil-Sen\"");

    Run table = run("goal", "show", "1", "--as-of", "2026-11-25", "--db", db());
    assertThat(table.out())
        .contains(
            "  Customer satisfaction (CSAT) (csat) where age=55..70, 2026-07-01 to 2027-03-31")
        .containsPattern("week +from +to +csat");

    assertThat(run("goal", "remove", "1", "--db", db()).out())
        .isEqualTo(
            "Removed goal 1: Customer satisfaction (CSAT) [age=55..70] +25% by" + " 2027-03-31.\n");
    Run gone = run("goal", "show", "1", "--db", db());
    assertThat(gone.code()).isEqualTo(1);
    assertThat(gone.err())
        .isEqualTo("yardstick: There is no goal 1; goal list shows the goals (2).\n");
  }

  @Test
  void add_refuses_a_target_and_a_change_together_and_a_goal_against_the_kpi() {
    Run both =
        run(
            "goal",
            "add",
            "--kpi",
            "aht",
            "--target",
            "300",
            "--change",
            "-10%",
            "--by",
            "2026-12-31",
            "--db",
            db());
    assertThat(both.code()).isEqualTo(2);
    assertThat(both.err()).contains("--target=VALUE, --change=+N%|-N% are mutually exclusive");

    Run wrong =
        run(
            "goal",
            "add",
            "--kpi",
            "aht",
            "--change",
            "+10%",
            "--by",
            "2026-12-31",
            "--from",
            "2026-10-01",
            "--db",
            db());
    assertThat(wrong.code()).isEqualTo(1);
    assertThat(wrong.err())
        .isEqualTo(
            "yardstick: The goal moves Average handle time +10%, but lower is better for"
                + " this KPI; a goal must improve it.\n");
    // The core names fields ({by}, {from}); the command line names them as its flags.
    Run backwards =
        run(
            "goal",
            "add",
            "--kpi",
            "aht",
            "--change",
            "-10%",
            "--by",
            "2026-09-01",
            "--from",
            "2026-10-01",
            "--db",
            db());
    assertThat(backwards.code()).isEqualTo(1);
    assertThat(backwards.err()).contains("give a deadline (--by) on or after the start (--from).");
  }
}
