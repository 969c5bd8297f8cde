package io.yardstick.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code yardstick staff} as a user meets it: exit codes, the JSON keys and the messages. */
class StaffCommandTest {
  @TempDir Path dir;

  record Run(int code, String out, String err) {}

  Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
    return new Run(code, out.toString(), err.toString());
  }

  /** An empty store (read commands refuse a store that does not exist). */
  String emptyStore() {
    String path = dir.resolve("empty.duckdb").toString();
    io.yardstick.store.Store.open(path).close();
    return path;
  }

  @Test
  void staff_prints_the_documented_json_keys_in_percent() {
    // the cran ErlangC case: 100 calls in 30 min, AHT 180 s, 80/20, occupancy cap 85%, shrinkage
    // 30%
    Run r =
        run(
            "staff",
            "--calls",
            "100",
            "--interval-minutes",
            "30",
            "--aht",
            "180",
            "--service-level",
            "80",
            "--answer-seconds",
            "20",
            "--max-occupancy",
            "85",
            "--shrinkage",
            "30",
            "--format",
            "json");

    assertThat(r.code()).isZero();
    assertThat(r.out())
        .startsWith("{\"agents\":14,\"service_level\":88.835001917946")
        .contains("\"asa\":7.83593701177")
        .contains("\"probability_wait\":17.41319335")
        .contains("\"occupancy\":71.42857142857")
        .contains(
            "\"scheduled_agents\":20,\"model\":\"erlang_c\",\"traffic_erlangs\":10.0,\"servers\":14,"
                + "\"bound_by\":\"service_level\"}");
  }

  @Test
  void staff_with_patience_uses_erlang_a_and_reports_abandonment() {
    Run r = run("staff", "--calls", "100", "--aht", "180", "--patience", "120", "--format", "json");

    assertThat(r.code()).isZero();
    assertThat(r.out())
        .startsWith("{\"agents\":12,")
        .contains("\"abandonment\":6.1597")
        .contains("\"model\":\"erlang_a\"");
  }

  @Test
  void staff_table_names_the_model_and_each_figure() {
    Run r = run("staff", "--calls", "100", "--aht", "180", "--shrinkage", "30");

    assertThat(r.code()).isZero();
    assertThat(r.out())
        .startsWith(
            "Erlang C: 100 contacts in 30 min, AHT 3 min 0 s = 10.00 Erlangs; target 80.0%"
                + " within 20 s")
        .containsPattern("Agents needed +14")
        .containsPattern("Service level +88.8%")
        .containsPattern("Agents scheduled +20 +with 30.0% shrinkage")
        .doesNotContain("probability_wait");
  }

  @Test
  void a_fraction_for_a_percentage_is_bad_usage_with_the_fix() {
    Run r = run("staff", "--calls", "100", "--aht", "180", "--service-level", "0.8");

    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err())
        .startsWith(
            "yardstick: --service-level: 0.8 looks like a fraction; give a percentage from 0 to 100,"
                + " such as 80");
  }

  /** Issue 13: --patience goes through the core's number parser; Infinity is no patience. */
  @Test
  void a_patience_that_is_no_finite_number_is_bad_usage() {
    Run r = run("staff", "--calls", "100", "--aht", "180", "--patience", "Infinity");

    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err())
        .contains("--patience: 'Infinity' is neither a number of seconds nor 'history'");
  }

  @Test
  void calls_and_history_are_exclusive() {
    assertThat(run("staff", "--aht", "180").err())
        .startsWith("yardstick: give either --calls N (one interval) or" + " --from-history");
  }

  @Test
  void from_forecast_without_an_aht_takes_the_four_weeks_before_and_says_when_they_have_none() {
    // Future days have no handle times: as the API, the AHT of the 28 days before the plan (9 Feb -
    // 8 Mar).
    Run r =
        run(
            "staff",
            "--from-forecast",
            "--from",
            "2026-03-09",
            "--to",
            "2026-03-09",
            "--db",
            emptyStore());

    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err())
        .startsWith(
            "yardstick: no answered inbound phone contact from 2026-02-09 to 2026-03-08 gives"
                + " an AHT; give the AHT in seconds (--aht S)");
  }

  @Test
  void from_history_on_an_empty_store_needs_an_aht() {
    Run r =
        run(
            "staff",
            "--from-history",
            "--from",
            "2026-03-02",
            "--to",
            "2026-03-02",
            "--tz",
            "Europe/Madrid",
            "--db",
            emptyStore());

    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err())
        .startsWith(
            "yardstick: no answered inbound phone contact from 2026-03-02 to 2026-03-02"
                + " gives an AHT; give the AHT in seconds (--aht S)");
  }

  @Test
  void from_history_with_an_aht_plans_every_interval_as_json() {
    Run r =
        run(
            "staff",
            "--from-history",
            "--from",
            "2026-03-02",
            "--to",
            "2026-03-02",
            "--tz",
            "Europe/Madrid",
            "--aht",
            "200",
            "--format",
            "json",
            "--db",
            emptyStore());

    assertThat(r.code()).isZero();
    assertThat(r.out())
        .startsWith(
            "{\"source\":\"history\",\"channel\":\"phone\",\"from\":\"2026-03-02\",\"to\":\"2026-03-02\","
                + "\"tz\":\"Europe/Madrid\",\"interval_minutes\":30,\"aht\":200.0,\"aht_source\":\"given\","
                + "\"service_level_target\":80.0,\"answer_seconds\":20.0,\"shrinkage\":0.0,\"max_occupancy\":100.0,"
                + "\"concurrency\":1,\"model\":\"erlang_c\",\"patience\":null,\"patience_source\":null,"
                + "\"forecast_model\":null,\"peak_agents\":0,")
        .contains("{\"start\":\"2026-03-02T00:00+01:00\",\"contacts\":0.0,\"agents\":0,");
  }
}
