package io.yardstick.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.yardstick.model.Contact;
import io.yardstick.model.RecordType;
import io.yardstick.store.Loader;
import io.yardstick.store.Store;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code yardstick survey send} and {@code list} as a user meets them: once, and the states shown.
 */
class SurveyCommandTest {
  @TempDir Path dir;

  record Run(int code, String out, String err) {}

  Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  void send_makes_the_invitations_once_and_list_shows_them() throws Exception {
    String db = dir.resolve("surveys.duckdb").toString();
    // An hour ago (the rules look back 24 hours from now): C1 solved for cust-1, C2 solved without
    // a customer.
    Instant hourAgo = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(3600);
    try (Store store = Store.open(db);
        Loader loader = store.loader()) {
      loader
          .sink(RecordType.CUSTOMERS)
          .accept(
              1, new Object[] {"cust-1", LocalDate.of(2025, 1, 1), null, Map.of("language", "ca")});
      var contacts = loader.sink(RecordType.CONTACTS);
      contacts.accept(
          1,
          Contact.builder("C1", "chat", hourAgo)
              .customerId("cust-1")
              .resolvedAt(hourAgo.plusSeconds(60))
              .build()
              .toRow());
      contacts.accept(
          2,
          Contact.builder("C2", "chat", hourAgo)
              .resolvedAt(hourAgo.plusSeconds(60))
              .build()
              .toRow());
      loader.commit();
    }
    Path settings = dir.resolve("yardstick.yaml");
    Files.writeString(
        settings,
        "surveys:\n  rules:\n    - {name: chat-csat, kind: csat, after: case_solved, send:"
            + " link}\n");

    Run send = run("survey", "send", "--db", db, "--settings", settings.toString());
    assertThat(send.err()).isEmpty();
    assertThat(send.out()).isEqualTo("2 invitations made, 0 sent.\nBy state: link 2\n");
    assertThat(run("survey", "send", "--db", db, "--settings", settings.toString()).out())
        .isEqualTo("0 invitations made, 0 sent.\nBy state: link 2\n");

    Run list =
        run("survey", "list", "--contact", "C1", "--db", db, "--settings", settings.toString());
    assertThat(list.code()).isZero();
    assertThat(list.out())
        .contains("chat-csat")
        .contains("link")
        .contains("cust-1")
        .endsWith("By state: link 2\n");
    assertThat(run("survey", "list", "--limit", "0", "--db", db).err())
        .contains("--limit: 0 is not a number from 1" + " to 1000.");
  }
}
