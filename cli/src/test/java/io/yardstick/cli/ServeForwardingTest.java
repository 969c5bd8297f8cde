package io.yardstick.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's flow: {@code yardstick serve} holds the DuckDB file, and commands in another process
 * still answer (the serving process runs them on its open store), while an import is refused with
 * what to do. The server is a real second JVM.
 */
class ServeForwardingTest {
  @TempDir Path dir;

  record Run(int code, String out, String err) {}

  static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  void commands_answer_through_the_serving_process_and_an_import_is_refused() throws Exception {
    Path calls = dir.resolve("calls.csv");
    Files.writeString(
        calls,
        """
        contact_id,channel,arrived_at
        a,phone,2026-03-02T09:00:00Z
        b,chat,2026-03-02T10:00:00Z
        c,phone,2026-03-03T11:00:00Z
        """);
    String db = dir.resolve("served.duckdb").toString();
    assertThat(run("import", "contacts", calls.toString(), "--db", db).code()).isZero();
    Run alone =
        run(
            "kpi",
            "--kpi",
            "contacts",
            "--from",
            "2026-03-02",
            "--to",
            "2026-03-03",
            "--by",
            "channel",
            "--format",
            "csv",
            "--db",
            db);

    Path log = dir.resolve("serve.log");
    Process serve =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED",
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName(),
                "serve",
                "--port",
                "0",
                "--db",
                db)
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    try {
      Path serving = Path.of(db + ".serving");
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (!Files.exists(serving) || Files.size(serving) == 0) {
        assertThat(serve.isAlive())
            .as("serve: " + (Files.exists(log) ? Files.readString(log) : ""))
            .isTrue();
        assertThat(System.nanoTime()).as("serve did not start").isLessThan(deadline);
        Thread.sleep(100);
      }
      assertThat(Files.getPosixFilePermissions(serving).toString())
          .isEqualTo("[OWNER_READ, OWNER_WRITE]");

      Run served =
          run(
              "kpi",
              "--kpi",
              "contacts",
              "--from",
              "2026-03-02",
              "--to",
              "2026-03-03",
              "--by",
              "channel",
              "--format",
              "csv",
              "--db",
              db);
      Run typo =
          run("kpi", "--by", "chanel", "--from", "2026-03-02", "--to", "2026-03-03", "--db", db);
      Run goal =
          run(
              "goal",
              "add",
              "--kpi",
              "contacts",
              "--target",
              "10",
              "--from",
              "2026-03-01",
              "--by",
              "2026-03-31",
              "--db",
              db);
      Run goals = run("goal", "list", "--db", db);
      Run settingsAudit = run("audit", "--kind", "settings", "--format", "jsonl", "--db", db);
      Run again = run("import", "contacts", calls.toString(), "--db", db);

      assertThat(served.code()).as(served.err()).isZero();
      assertThat(served.out()).isEqualTo(alone.out());
      assertThat(served.out().lines().toList()).contains("chat,1", "phone,2");
      assertThat(typo.code()).isEqualTo(2);
      assertThat(typo.err()).contains("Unknown dimension 'chanel'; did you mean channel?");
      assertThat(goal.code()).as(goal.err()).isZero();
      assertThat(goals.out()).contains("Contacts to 10");
      // The settings the server started with are in the audit log (a new hash when the file changes
      // between starts).
      assertThat(settingsAudit.out()).contains("\"kind\":\"settings\",\"action\":\"serve\"");
      assertThat(again.code()).isEqualTo(1);
      assertThat(again.err())
          .contains("is open by yardstick serve (process " + serve.pid(), "Stop it");

      // Issue 12, part 14: the terminal shows the start-up block only; Jetty, Javalin and the
      // access log go to the
      // log file beside the store.
      String terminal = Files.readString(log);
      assertThat(terminal)
          .contains(
              "  Yardstick is serving DuckDB file",
              "  Open    http://localhost:",
              "  Log in  admin, one-time password ",
              "  Log     " + db + ".log (--verbose prints it here)");
      assertThat(terminal).doesNotContain("INFO", "Javalin", "jetty");
      assertThat(Files.readString(Path.of(db + ".log"))).contains("INFO", "Javalin");
    } finally {
      serve.destroy();
      if (!serve.waitFor(20, TimeUnit.SECONDS)) serve.destroyForcibly().waitFor();
    }
    // Stopped, it leaves no .serving file, and commands open the file themselves again.
    assertThat(Path.of(db + ".serving")).doesNotExist();
    assertThat(run("goal", "list", "--db", db).out()).contains("Contacts to 10");
    assertThat(List.of(run("import", "contacts", calls.toString(), "--db", db).code()))
        .containsExactly(0);
  }
}
