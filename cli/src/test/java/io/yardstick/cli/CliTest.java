package io.yardstick.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.yardstick.erasure.Erasures;
import io.yardstick.kpi.Kpi;
import io.yardstick.store.Store;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line as a user meets it: exit codes, messages and output (picocli's testing chapter).
 */
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

  static final String CONTACTS =
      """
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
    assertThat(first.out())
        .startsWith("Imported contacts from " + file + ": 4 rows read, 4 inserted, 0 replaced in ")
        .contains(" rows/s).");
    assertThat(second.out())
        .startsWith("Imported contacts from " + file + ": 4 rows read, 0 inserted, 4 replaced in ");
  }

  @Test
  void imports_and_user_changes_are_in_the_audit_log_by_the_os_user() throws IOException {
    Path file = write("contacts.csv", CONTACTS);
    run("import", "contacts", file.toString(), "--db", db());
    run("user", "add", "zoe", "--role", "manager", "--db", db());
    String os = "os:" + System.getProperty("user.name");

    Run table = run("audit", "--db", db());
    assertThat(table.code()).isZero();
    List<String> lines = table.out().lines().toList();
    assertThat(lines).hasSize(4); // the header, its rule, two entries newest first
    assertThat(lines.get(0).split(" +"))
        .containsExactly("at", "actor", "address", "kind", "action", "target", "outcome", "detail");
    assertThat(lines.get(2))
        .contains(os + "  local    user  user add")
        .endsWith("  ok       role manager")
        .contains(" zoe ");
    assertThat(lines.get(3))
        .contains(os + "  local    data  import contacts  " + file)
        .endsWith("4 read, 4 inserted, 0 replaced");

    Run jsonl = run("audit", "--kind", "data", "--format", "jsonl", "--db", db());
    assertThat(jsonl.out().lines().toList())
        .singleElement()
        .asString()
        .startsWith("{\"id\":1,\"at\":\"")
        .contains(
            "\"actor\":\""
                + os
                + "\",\"address\":\"local\",\"kind\":\"data\",\"action\":\"import contacts\"");
    assertThat(run("audit", "--kind", "logins", "--db", db()).err())
        .startsWith(
            "yardstick: 'logins' is not a kind of"
                + " audit entry; expected one of login, user, token,");
  }

  @Test
  void erase_customer_removes_their_contacts_and_is_recorded_without_the_id() throws IOException {
    run(
        "import",
        "contacts",
        write(
                "contacts.csv",
                """
        contact_id,channel,arrived_at,customer_id
        a,phone,2026-03-28T22:30:00Z,cust-7
        b,chat,2026-03-28T23:30:00Z,cust-8
        c,email,2099-03-29T12:00:00Z,cust-7
        """)
            .toString(),
        "--db",
        db());

    Run erase = run("erase", "customer", "cust-7", "--db", db());

    assertThat(erase.code()).isZero();
    assertThat(erase.out())
        .isEqualTo(
            "Erased customer cust-7: 2 contacts, 0 surveys, 0 call outcomes, 0 customer"
                + " records, 0 customer attributes.\n");
    assertThat(
            run(
                    "kpi",
                    "--kpi",
                    "contacts",
                    "--from",
                    "2026-03-28",
                    "--to",
                    "2026-03-28",
                    "--format",
                    "csv",
                    "--db",
                    db())
                .out())
        .isEqualTo("contacts\n1\n"); // b, cust-8's
    String audit = run("audit", "--kind", "data", "--format", "jsonl", "--db", db()).out();
    assertThat(audit)
        .contains(
            "\"action\":\"erase customer\"",
            "\"target\":\"sha256:" + Erasures.sha256("cust-7") + "\"")
        .doesNotContain("cust-7");

    Path settings = write("settings.yaml", "retention: {contacts_months: 1}\n");
    Run retention = run("erase", "--retention", "--settings", settings.toString(), "--db", db());
    assertThat(retention.out())
        .startsWith("Erased what arrived before ")
        .contains("(1 months): 1 contacts,");
    assertThat(run("erase", "--db", db()).err())
        .startsWith("yardstick: Say what to erase: 'erase customer ID'");
  }

  @Test
  void a_team_lead_is_added_with_their_teams() throws IOException {
    run("import", "contacts", write("contacts.csv", CONTACTS).toString(), "--db", db());

    Run added =
        run(
            "user", "add", "lea", "--role", "lead", "--team", "red", "--team", "blue", "--db",
            db());

    assertThat(added.code()).isZero();
    assertThat(added.out()).startsWith("Added lea (lead); one-time password: ");
    assertThat(run("user", "list", "--db", db()).out().lines().toList().get(2).split(" +"))
        .containsExactly("lea", "lead", "blue,red", "one-time");
    assertThat(run("user", "add", "leo", "--role", "lead", "--db", db()).err())
        .isEqualTo(
            "yardstick: A team lead needs the teams they see; add --team TEAM (once per team).\n");
    assertThat(run("user", "add", "mo", "--role", "manager", "--team", "red", "--db", db()).err())
        .isEqualTo("yardstick: Only a team lead (--role lead) has teams.\n");

    assertThat(
            run("user", "token", "lea", "--read-only", "--expires-days", "7", "--db", db()).out())
        .startsWith("ys_");
    assertThat(run("user", "disable", "lea", "--db", db()).out()).isEqualTo("Disabled lea.\n");
    assertThat(run("user", "disable", "nobody", "--db", db()).err())
        .isEqualTo("yardstick: There is no user named 'nobody'.\n");
    assertThat(run("audit", "--kind", "token", "--format", "jsonl", "--db", db()).out())
        .contains("\"detail\":\"read-only, 7 days\"");
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
    Path file =
        write(
            "bad.csv",
            "contact_id,channel,arrived_at\nx,phone,2026-03-01T09:00:00Z\ny,phone,2026-03-01 09:00\n");

    Run run = run("import", "contacts", file.toString(), "--db", db());

    assertThat(run.code()).isEqualTo(1);
    assertThat(run.err())
        .isEqualTo(
            "yardstick: "
                + file
                + ", line 3, column arrived_at: \"2026-03-01 09:00\" has no"
                + " time-zone offset, so the instant it means is ambiguous; add Z (UTC) or an offset such as +01:00."
                + " Nothing from this file was imported."
                + System.lineSeparator());
    assertThat(
            run(
                    "kpi",
                    "--kpi",
                    "contacts",
                    "--from",
                    "2026-03-01",
                    "--to",
                    "2026-03-01",
                    "--format",
                    "csv",
                    "--db",
                    db())
                .out())
        .isEqualTo("contacts\n0\n".replace("\n", System.lineSeparator()));
  }

  @Test
  void an_unknown_kind_is_bad_usage() throws IOException {
    Path file = write("x.csv", CONTACTS);

    Run run = run("import", "calls", file.toString(), "--db", db());

    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err())
        .contains(
            "Unknown kind 'calls'; expected one of contacts, surveys, agent-states, customers,"
                + " costs, tickets, ticket-events.");
  }

  @Test
  void kpi_json_counts_contacts_by_local_dates_in_the_zone() throws IOException {
    run("import", "contacts", write("contacts.csv", CONTACTS).toString(), "--db", db());

    // 2026-03-29 in Europe/Madrid is [2026-03-28T23:00Z, 2026-03-29T22:00Z) (the spring DST
    // change): b and c.
    Run run =
        run(
            "kpi",
            "--kpi",
            "contacts",
            "--from",
            "2026-03-29",
            "--to",
            "2026-03-29",
            "--tz",
            "Europe/Madrid",
            "--format",
            "json",
            "--db",
            db());

    assertThat(run.code()).isZero();
    assertThat(run.out().replaceAll("\\s+", ""))
        .isEqualTo(
            "{\"from\":\"2026-03-29\",\"to\":\"2026-03-29\",\"tz\":\"Europe/Madrid\",\"rows\":[{\"group\":{},\"kpis\":{\"contacts\":2}}],\"answered_from\":\"scan\"}");
  }

  @Test
  void kpi_rejects_a_bad_zone_as_bad_usage() {
    Run run =
        run("kpi", "--from", "2026-03-01", "--to", "2026-03-02", "--tz", "Madrid", "--db", db());

    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err())
        .contains(
            "--tz: 'Madrid' is not a time zone (did you mean Europe/Madrid?); expected an IANA name"
                + " such as Europe/Madrid");
  }

  @Test
  void demo_fills_an_empty_store_and_leaves_a_filled_one_alone() {
    Run first =
        run(
            "demo",
            "--contacts",
            "3000",
            "--days",
            "14",
            "--end",
            "2026-03-31",
            "--no-serve",
            "--db",
            db());
    Run second =
        run(
            "demo",
            "--contacts",
            "3000",
            "--days",
            "14",
            "--end",
            "2026-03-31",
            "--no-serve",
            "--db",
            db());

    assertThat(first.code()).as(first.err()).isZero();
    assertThat(first.out())
        .startsWith(
            "Simulated a contact center from 2026-03-18 to 2026-03-31 (Europe/Madrid), seed 42:")
        .contains("3,000 contacts");
    assertThat(second.out()).contains("already holds 3,000 contacts; the demo left it as it is");
    Run kpi =
        run(
            "kpi",
            "--kpi",
            "contacts",
            "--from",
            "2026-03-18",
            "--to",
            "2026-03-31",
            "--tz",
            "Europe/Madrid",
            "--format",
            "csv",
            "--db",
            db());
    assertThat(kpi.out())
        .isEqualTo("contacts" + System.lineSeparator() + "3000" + System.lineSeparator());
  }

  static final String CALLS =
      """
      contact_id,channel,agent_id,topic,arrived_at,answered_at,abandoned_at,talk_s
      p1,phone,a1,billing,2026-03-02T09:00:00Z,2026-03-02T09:00:10Z,,60
      p2,phone,a1,billing,2026-03-02T10:00:00Z,2026-03-02T10:01:58Z,,120
      p3,phone,a2,login,2026-03-02T11:00:00Z,,2026-03-02T11:00:03Z,
      p4,phone,a2,login,2026-03-02T12:00:00Z,,2026-03-02T12:00:30Z,
      c1,chat,a2,login,2026-03-03T09:00:00Z,2026-03-03T09:00:20Z,,300
      e1,email,,billing,2026-02-23T09:00:00Z,,,
      """;

  @Test
  void
      a_typo_in_a_dimension_is_refused_with_the_closest_name_and_a_filter_value_that_matches_nothing_warns()
          throws IOException {
    run("import", "contacts", write("calls.csv", CALLS).toString(), "--db", db());
    String[] period = {
      "--from", "2026-03-02", "--to", "2026-03-08", "--db", db(), "--kpi", "contacts"
    };

    Run by = run(concat(new String[] {"kpi", "--by", "chanel"}, period));
    Run where = run(concat(new String[] {"kpi", "--where", "chanel=phone"}, period));
    Run value =
        run(concat(new String[] {"kpi", "--where", "channel=fone", "--format", "csv"}, period));
    Run good =
        run(concat(new String[] {"kpi", "--where", "channel=phone", "--format", "csv"}, period));

    assertThat(by.code()).isEqualTo(2);
    assertThat(by.err())
        .contains(
            "--by: Unknown dimension 'chanel'; did you mean channel?",
            "customer attributes in this" + " store: none");
    assertThat(by.out()).isEmpty();
    assertThat(where.code()).isEqualTo(2);
    assertThat(where.err()).contains("--where: Unknown dimension 'chanel'");
    // The answer stands (0 contacts), and stderr says why: no contact has that value.
    assertThat(value.code()).isZero();
    assertThat(value.out().lines().toList()).containsExactly("contacts", "0");
    assertThat(value.err())
        .contains(
            "warning: No contact has channel 'fone' (did you mean phone?); known: chat,"
                + " email, phone.");
    assertThat(good.err()).isEmpty();
  }

  @Test
  void a_read_command_on_a_store_that_does_not_exist_refuses_and_creates_nothing() {
    Path missing = dir.resolve("nothing-here.duckdb");

    Run kpi = run("kpi", "--from", "2026-03-02", "--to", "2026-03-08", "--db", missing.toString());
    Run goals = run("goal", "list", "--db", missing.toString());

    assertThat(kpi.code()).isEqualTo(1);
    assertThat(kpi.err())
        .contains(
            "There is no store at " + missing,
            "./yardstick import contacts FILE --db " + missing,
            "./yardstick demo --db " + missing);
    assertThat(goals.code()).isEqualTo(1);
    assertThat(Files.exists(missing)).isFalse();
  }

  @Test
  void csv_quotes_as_rfc_4180_and_defuses_formulas_but_keeps_negative_numbers() throws IOException {
    run(
        "import",
        "contacts",
        write(
                "evil.csv",
                """
        contact_id,channel,topic,arrived_at,answered_at,talk_s
        x1,phone,"=HYPERLINK(""http://x"",""y"")",2026-03-02T09:00:00Z,2026-03-02T09:00:10Z,60
        x2,phone,"a,b",2026-03-02T10:00:00Z,2026-03-02T10:00:10Z,120
        x3,phone,a,2026-03-09T10:00:00Z,2026-03-09T10:00:10Z,120
        """)
            .toString(),
        "--db",
        db());

    // Contacts by topic on 2-8 March: =HYPERLINK... 1 and a,b 1 (topic a came on 9 March: no row).
    // The formula text
    // gets a leading quote (and, holding quotes and commas, RFC 4180 quoting), the text with a
    // comma is quoted, and a
    // negative change stays a number.
    Run run =
        run(
            "kpi",
            "--kpi",
            "contacts",
            "--from",
            "2026-03-02",
            "--to",
            "2026-03-08",
            "--by",
            "topic",
            "--format",
            "csv",
            "--db",
            db());
    Run drop =
        run(
            "kpi",
            "--kpi",
            "contacts",
            "--from",
            "2026-03-09",
            "--to",
            "2026-03-15",
            "--by",
            "topic",
            "--compare",
            "previous",
            "--format",
            "csv",
            "--db",
            db());

    assertThat(run.out().lines().toList())
        .containsExactly(
            "topic,contacts",
            "(all),2",
            "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",1",
            "\"a,b\",1");
    // 9-15 March: a 1 (previous 0); the previous week's two topics are absent now, so only (all)
    // shows the drop:
    // 1 against 2, change -1.
    assertThat(drop.out().lines().toList()).contains("(all),1,2,-1");
  }

  @Test
  void tables_name_every_column_and_counts_take_their_plural() throws IOException {
    run("import", "contacts", write("calls.csv", CALLS).toString(), "--db", db());

    Run topics = run("topics", "--from", "2026-03-02", "--to", "2026-03-08", "--db", db());

    List<String> header = List.of(topics.out().lines().toList().get(1).trim().split("\\s{2,}"));
    assertThat(header)
        .containsExactly(
            "#", "topic", "contacts", "share", "change", "FCR", "CSAT", "AHT", "spike");
    assertThat(Formats.plural(1, "day")).isEqualTo("1 day");
    assertThat(Formats.plural(3, "day")).isEqualTo("3 days");
    assertThat(Formats.plural(1200, "interval")).isEqualTo("1,200 intervals");
    assertThat(Formats.change(Kpi.CSAT, 0.25, 0.0)).isEqualTo("+0.3 pp");
  }

  @Test
  void every_command_and_subcommand_takes_help() {
    List<List<String>> paths = new java.util.ArrayList<>();
    collect(Main.commandLine(new String[0]), List.of(), paths);
    assertThat(paths).hasSizeGreaterThan(20);
    for (List<String> path : paths) {
      List<String> args = new java.util.ArrayList<>(path);
      args.add("--help");
      Run run = run(args.toArray(String[]::new));
      assertThat(run.code()).as(String.join(" ", args) + ": " + run.err()).isZero();
      assertThat(run.out())
          .as(String.join(" ", args))
          .startsWith("Usage: yardstick" + (path.isEmpty() ? "" : " " + String.join(" ", path)));
    }
  }

  private static void collect(picocli.CommandLine cmd, List<String> path, List<List<String>> out) {
    out.add(path);
    cmd.getSubcommands()
        .forEach(
            (name, sub) -> {
              if (name.equals("help")) return;
              List<String> p = new java.util.ArrayList<>(path);
              p.add(name);
              collect(sub, p, out);
            });
  }

  @Test
  void a_misspelt_option_is_one_line_with_the_closest_options_and_a_pointer_to_help() {
    Run staff = run("staff", "--occupancy-max", "0.85", "--calls", "100", "--aht", "180");
    Run kpi = run("kpi", "--from", "2026-03-01", "--to", "2026-03-02", "--fromat", "json");

    assertThat(staff.code()).isEqualTo(2);
    assertThat(staff.err().lines().toList())
        .containsExactly(
            "yardstick: Unknown options: '--occupancy-max', '0.85'",
            "Did you mean --max-occupancy?",
            "Run 'yardstick staff --help' for its options.");
    assertThat(kpi.err().lines().toList())
        .containsExactly(
            "yardstick: Unknown options: '--fromat', 'json'",
            "Did you mean --format?",
            "Run 'yardstick kpi --help' for its options.");
  }

  @Test
  void a_misspelt_command_names_the_closest_and_a_misspelt_required_option_is_called_unknown() {
    Run verb = run("forcast", "--channel", "phone");
    Run from = run("kpi", "--form", "2026-03-01", "--to", "2026-03-02");

    assertThat(verb.code()).isEqualTo(2);
    assertThat(verb.err().lines().toList())
        .containsExactly(
            "yardstick: unknown command 'forcast' (did you mean forecast?); 'yardstick help' lists"
                + " the commands.");
    Run kind = run("import", "contact", "nothing.csv", "--db", db());
    assertThat(kind.code()).isEqualTo(2);
    assertThat(kind.err())
        .contains("Unknown kind 'contact' (did you mean contacts?); expected one of");
    assertThat(from.code()).isEqualTo(2);
    assertThat(from.err().lines().toList())
        .containsExactly(
            "yardstick: Unknown option: '--form'",
            "Did you mean --from?",
            "yardstick: Missing required option: '--from=DATE'",
            "Run 'yardstick kpi --help' for its options.");
  }

  @Test
  void numbers_are_read_by_the_cores_parser_and_bounded_as_the_api_bounds_them() {
    Run calls = run("staff", "--calls", "abc", "--aht", "180");
    Run limit = run("topics", "--from", "2026-03-01", "--to", "2026-03-02", "--limit", "-1");
    Run min =
        run("consistency", "--from", "2026-03-01", "--to", "2026-03-02", "--min-contacts", "-5");
    Run horizon = run("forecast", "--channel", "phone", "--horizon", "99999999999d");

    assertThat(calls.code()).isEqualTo(2);
    assertThat(calls.err().lines().findFirst().orElseThrow())
        .isEqualTo("yardstick: --calls: 'abc' is not a number.");
    assertThat(limit.code()).isEqualTo(2);
    assertThat(limit.err().lines().findFirst().orElseThrow())
        .isEqualTo("yardstick: --limit: '-1' is not a whole number from 0 to 10000.");
    assertThat(min.code()).isEqualTo(2);
    assertThat(min.err().lines().findFirst().orElseThrow())
        .isEqualTo("yardstick: --min-contacts: '-5' is not a whole number from 0 to 1000000.");
    Run far = run("kpi", "--from", "2026-01-01", "--to", "9999-12-31");
    assertThat(far.code()).isEqualTo(2);
    assertThat(far.err().lines().findFirst().orElseThrow())
        .isEqualTo(
            "yardstick: --to: 9999-12-31 is outside the days a question can ask about, 1900-01-01"
                + " to 2199-12-31.");
    // Was "unexpected error: java.lang.NumberFormatException".
    assertThat(horizon.code()).isEqualTo(2);
    assertThat(horizon.err().lines().findFirst().orElseThrow())
        .isEqualTo("yardstick: --horizon: '99999999999' is not a whole number from 0 to 100000.");
  }

  private static String[] concat(String[] a, String[] b) {
    String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }

  @Test
  void kpi_groups_by_channel_as_csv_with_the_overall_row_first() throws IOException {
    run("import", "contacts", write("calls.csv", CALLS).toString(), "--db", db());

    // March 2-3 UTC: p1-p4, c1. Abandonment: p3 waited 3 s (short), p4 30 s; answered inbound p1,
    // p2, c1:
    // overall 1 / (3 + 1) x 100 = 25; phone 1 / (2 + 1) x 100 = 33.33...; chat 0 / 1 = 0.
    // ASA: overall (10 + 118 + 20) / 3 = 49.33...; phone (10 + 118) / 2 = 64; chat 20.
    Run run =
        run(
            "kpi",
            "--kpi",
            "contacts,abandonment_rate,asa",
            "--by",
            "channel",
            "--from",
            "2026-03-02",
            "--to",
            "2026-03-03",
            "--format",
            "csv",
            "--db",
            db());

    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.out())
        .isEqualTo(
            String.join(
                System.lineSeparator(),
                "channel,contacts,abandonment_rate,asa",
                "(all),5,25.0," + (148.0 / 3),
                "chat,1,0.0,20.0",
                "phone,4," + (100.0 / 3) + ",64.0",
                ""));
  }

  @Test
  void kpi_table_shows_units_and_human_durations() throws IOException {
    run("import", "contacts", write("calls.csv", CALLS).toString(), "--db", db());

    Run run =
        run(
            "kpi",
            "--kpi",
            "asa,abandonment_rate,contacts",
            "--where",
            "channel=phone",
            "--from",
            "2026-03-02",
            "--to",
            "2026-03-02",
            "--db",
            db());

    // Phone ASA (10 + 118) / 2 = 64 s = 1 min 4 s.
    assertThat(run.out())
        .contains("2026-03-02 .. 2026-03-02 (UTC), where channel = phone")
        .containsPattern("Average speed of answer +1 min 4 s")
        .containsPattern("Abandonment rate +33.3%")
        .containsPattern("Contacts +4");
  }

  @Test
  void kpi_compare_previous_gives_value_previous_and_change() throws IOException {
    run("import", "contacts", write("calls.csv", CALLS).toString(), "--db", db());

    // 2026-03-02..08 against 2026-02-23..03-01: 5 contacts against 1 (e1): change 4, +400%.
    Run run =
        run(
            "kpi",
            "--kpi",
            "contacts",
            "--compare",
            "previous",
            "--from",
            "2026-03-02",
            "--to",
            "2026-03-08",
            "--format",
            "json",
            "--db",
            db());

    assertThat(run.out().strip())
        .isEqualTo(
            "{\"from\":\"2026-03-02\",\"to\":\"2026-03-08\",\"tz\":\"UTC\","
                + "\"previous_from\":\"2026-02-23\",\"previous_to\":\"2026-03-01\",\"rows\":[{\"group\":{},\"kpis\":"
                + "{\"contacts\":{\"value\":5,\"previous\":1,\"change\":4,\"change_percent\":400.0}}}],"
                + "\"answered_from\":\"scan\"}");
  }

  @Test
  void kpi_refuses_bad_filters_and_dimensions_as_bad_usage() {
    Run where =
        run(
            "kpi",
            "--where",
            "channel",
            "--from",
            "2026-03-01",
            "--to",
            "2026-03-02",
            "--db",
            db());
    Run by =
        run("kpi", "--by", "chan nel", "--from", "2026-03-01", "--to", "2026-03-02", "--db", db());
    Run range =
        run(
            "kpi",
            "--where",
            "age=70..55",
            "--from",
            "2026-03-01",
            "--to",
            "2026-03-02",
            "--db",
            db());
    Run kpi =
        run(
            "kpi",
            "--kpi",
            "csat,happiness",
            "--from",
            "2026-03-01",
            "--to",
            "2026-03-02",
            "--db",
            db());
    Run column =
        run("kpi", "--by", "case_id", "--from", "2026-03-01", "--to", "2026-03-02", "--db", db());

    assertThat(where.code()).isEqualTo(2);
    assertThat(where.err())
        .contains(
            "--where: 'channel' is not a filter; expected DIM=VALUE[,VALUE...] or"
                + " DIM=LOW..HIGH, such as channel=phone,chat or age=55..70.");
    assertThat(by.code()).isEqualTo(2);
    assertThat(by.err()).contains("--by: 'chan nel' is not a dimension");
    assertThat(range.err()).contains("'age=70..55': the range starts above its end (70.0 > 55.0).");
    assertThat(kpi.err())
        .contains("--kpi: unknown KPI 'happiness'; expected one of contacts, abandonment_rate,");
    assertThat(column.code()).isEqualTo(2);
    assertThat(column.err()).contains("--by: 'case_id' is a record column, not a dimension");
  }

  @Test
  void an_unknown_business_hours_calendar_is_named() {
    Store.open(db()).close();
    Run run =
        run(
            "kpi",
            "--kpi",
            "frt_avg",
            "--business-hours",
            "support",
            "--from",
            "2026-03-01",
            "--to",
            "2026-03-02",
            "--db",
            db());

    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err())
        .contains(
            "--business-hours: There is no business-hours calendar named 'support'; none is"
                + " defined");
  }

  @Test
  void business_hours_from_a_settings_file_measure_first_response_in_open_time()
      throws IOException {
    // Arrives Friday 2026-03-06 17:00 UTC, answered Monday 10:00; open Mon-Fri 09:00-18:00 UTC:
    // 1 h on Friday + 1 h on Monday = 7200 s (clock time: 65 h = 234000 s).
    run(
        "import",
        "contacts",
        write(
                "mail.csv",
                """
        contact_id,channel,arrived_at,first_response_at
        m1,email,2026-03-06T17:00:00Z,2026-03-09T10:00:00Z
        """)
            .toString(),
        "--db",
        db());
    Path settings =
        write(
            "yardstick.yaml",
            """
        business_hours:
          office:
            zone: UTC
            hours:
              mon-fri: "09:00-18:00"
        """);

    Run business =
        run(
            "kpi",
            "--kpi",
            "frt_avg",
            "--business-hours",
            "office",
            "--settings",
            settings.toString(),
            "--from",
            "2026-03-06",
            "--to",
            "2026-03-06",
            "--format",
            "csv",
            "--db",
            db());
    Run clock =
        run(
            "kpi",
            "--kpi",
            "frt_avg",
            "--from",
            "2026-03-06",
            "--to",
            "2026-03-06",
            "--format",
            "csv",
            "--db",
            db());

    assertThat(business.out())
        .as(business.err())
        .isEqualTo("frt_avg" + System.lineSeparator() + "7200.0" + System.lineSeparator());
    assertThat(clock.out())
        .isEqualTo("frt_avg" + System.lineSeparator() + "234000.0" + System.lineSeparator());
  }

  @Test
  void topics_rank_by_volume_with_share_and_change() throws IOException {
    run("import", "contacts", write("calls.csv", CALLS).toString(), "--db", db());

    // 2026-03-02..08: login p3, p4, c1 = 3 of 5 (60%); billing p1, p2 = 2 (40%), previous week
    // billing e1 = 1: +100%.
    // Login is new (none the week before) with a share over 1 point: a spike. Billing doubled (>=
    // 1.5x) and its
    // share went from 100% to 40%: not a spike. No case is resolved and there are no surveys: FCR
    // and CSAT empty.
    Run run =
        run(
            "topics",
            "--from",
            "2026-03-02",
            "--to",
            "2026-03-08",
            "--format",
            "csv",
            "--db",
            db());

    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.out().lines().toList())
        .containsExactly(
            "topic,contacts,share,previous_contacts,previous_share,change_percent,fcr,csat,aht,spike",
            "login,3,60.0,0,0.0,,,,300.0,true",
            "billing,2,40.0,1,100.0,100.0,,,90.0,false");
  }

  @Test
  void consistency_lists_the_spread_across_agents() throws IOException {
    run("import", "contacts", write("calls.csv", CALLS).toString(), "--db", db());

    // AHT per agent (answered contacts): a1 (60 + 120) / 2 = 90; a2 c1 = 300. Mean 195, sample sd
    // sqrt(((90-195)^2 + (300-195)^2) / 1) = 148.49..., CV 76.15...%; quartiles (HF7): 142.5, 195,
    // 247.5.
    // (--split none compares a1's phone calls with a2's chat: within channels each would stand
    // alone.)
    Run run =
        run(
            "consistency",
            "--kpi",
            "aht",
            "--min-contacts",
            "1",
            "--from",
            "2026-03-02",
            "--to",
            "2026-03-08",
            "--split",
            "none",
            "--format",
            "csv",
            "--db",
            db());

    assertThat(run.code()).as(run.err()).isZero();
    double sd = Math.sqrt(2 * 105.0 * 105.0);
    assertThat(run.out().lines().toList())
        .containsExactly(
            "kpi,channel,agents,mean,stddev,cv_percent,q1,median,q3,iqr,low_fence,high_fence,outliers",
            "aht,,2,195.0,"
                + sd
                + ","
                + (sd / 195 * 100)
                + ",142.5,195.0,247.5,105.0,-15.0,405.0,");
  }

  static final String MIXED_CHANNELS =
      """
      contact_id,channel,agent_id,arrived_at,answered_at,talk_s
      p1,phone,a1,2026-03-02T09:00:00Z,2026-03-02T09:00:10Z,600
      p2,phone,a2,2026-03-02T09:00:00Z,2026-03-02T09:00:10Z,100
      p3,phone,a3,2026-03-02T09:00:00Z,2026-03-02T09:00:10Z,110
      p4,phone,a4,2026-03-02T09:00:00Z,2026-03-02T09:00:10Z,120
      p5,phone,a5,2026-03-02T09:00:00Z,2026-03-02T09:00:10Z,130
      m1,email,e1,2026-03-02T09:00:00Z,2026-03-02T09:30:00Z,5000
      m2,email,e2,2026-03-02T09:00:00Z,2026-03-02T09:30:00Z,5200
      """;

  @Test
  void consistency_compares_agents_within_each_channel_and_names_each_outlier_with_its_own_value()
      throws Exception {
    run("import", "contacts", write("mixed.csv", MIXED_CHANNELS).toString(), "--db", db());

    // Phone AHT by agent: a1 600, a2 100, a3 110, a4 120, a5 130. Sorted 100 110 120 130 600; HF7
    // with n = 5:
    // Q1 = x[1] = 110, median 120, Q3 = x[3] = 130, IQR 20, fences 80 and 160: a1 (600) is the one
    // outlier (the
    // quantile once sorted the values in place, and the outlier was reported as a5). E-mail: e1
    // 5000, e2 5200, compared
    // only with each other, so no e-mail agent is an outlier among phone agents. Abandonment is no
    // agent KPI.
    Run run =
        run(
            "consistency",
            "--kpi",
            "aht",
            "--min-contacts",
            "1",
            "--from",
            "2026-03-02",
            "--to",
            "2026-03-02",
            "--format",
            "json",
            "--db",
            db());
    Run all =
        run(
            "consistency",
            "--min-contacts",
            "1",
            "--from",
            "2026-03-02",
            "--to",
            "2026-03-02",
            "--format",
            "json",
            "--db",
            db());
    Run none =
        run(
            "consistency",
            "--kpi",
            "aht",
            "--min-contacts",
            "1",
            "--from",
            "2026-03-02",
            "--to",
            "2026-03-02",
            "--split",
            "none",
            "--format",
            "json",
            "--db",
            db());
    Run typo =
        run(
            "consistency",
            "--split",
            "chanel",
            "--from",
            "2026-03-02",
            "--to",
            "2026-03-02",
            "--db",
            db());

    assertThat(run.code()).as(run.err()).isZero();
    var kpis = new com.fasterxml.jackson.databind.ObjectMapper().readTree(run.out()).get("kpis");
    assertThat(kpis).hasSize(2);
    var email = kpis.get(0);
    var phone = kpis.get(1);
    assertThat(email.get("channel").asText()).isEqualTo("email");
    assertThat(email.get("agents").asInt()).isEqualTo(2);
    assertThat(email.get("outliers")).isEmpty();
    assertThat(phone.get("channel").asText()).isEqualTo("phone");
    assertThat(phone.get("q1").asDouble()).isEqualTo(110.0);
    assertThat(phone.get("q3").asDouble()).isEqualTo(130.0);
    assertThat(phone.get("outliers")).hasSize(1);
    assertThat(phone.get("outliers").get(0).get("agent").asText()).isEqualTo("a1");
    assertThat(phone.get("outliers").get(0).get("value").asDouble()).isEqualTo(600.0);
    assertThat(phone.get("values").toString())
        .contains("{\"agent\":\"a1\",\"value\":600.0}", "{\"agent\":\"a5\",\"value\":130.0}");
    assertThat(all.out()).doesNotContain("abandonment_rate");
    // All seven together: 100 110 120 130 600 5000 5200; Q1 = 110 + 0.5 x 10 = 115, Q3 = 600 + 0.5
    // x 4400 = 2800,
    // IQR 2685, high fence 2800 + 4027.5 = 6827.5: nobody is outside.
    var pooled =
        new com.fasterxml.jackson.databind.ObjectMapper().readTree(none.out()).get("kpis").get(0);
    assertThat(pooled.get("channel").isNull()).isTrue();
    assertThat(pooled.get("q1").asDouble()).isEqualTo(115.0);
    assertThat(pooled.get("q3").asDouble()).isEqualTo(2800.0);
    assertThat(pooled.get("outliers")).isEmpty();
    assertThat(typo.code()).isEqualTo(2);
    assertThat(typo.err()).contains("--split", "chanel", "channel or none");
  }

  @Test
  void kpis_lists_the_catalog_with_definitions_and_benchmarks() throws Exception {
    Run run = run("kpis", "--format", "json");

    var root = new com.fasterxml.jackson.databind.ObjectMapper().readTree(run.out());
    assertThat(root.get("kpis")).hasSize(Kpi.values().length);
    var abandonment = root.get("kpis").get(1);
    assertThat(abandonment.get("id").asText()).isEqualTo("abandonment_rate");
    assertThat(abandonment.get("unit").asText()).isEqualTo("percent");
    assertThat(abandonment.get("better").asText()).isEqualTo("lower");
    assertThat(abandonment.get("benchmark").get("low").asDouble()).isEqualTo(5.0);
    assertThat(abandonment.get("benchmark").get("high").asDouble()).isEqualTo(8.0);
  }
}
