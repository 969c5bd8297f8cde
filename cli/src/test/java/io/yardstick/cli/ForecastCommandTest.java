package io.yardstick.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code yardstick forecast} as a user meets it, on three hand-made weeks (2026-03-02 ..
 * 2026-03-22, UTC): every day two phone calls at 09:xx and one at 10:xx.
 */
class ForecastCommandTest {
  @TempDir Path dir;

  record Run(int code, String out, String err) {}

  Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
    return new Run(code, out.toString(), err.toString());
  }

  String db() {
    return dir.resolve("forecast.duckdb").toString();
  }

  void importContacts(String csv) throws IOException {
    Path file = dir.resolve("contacts-" + System.nanoTime() + ".csv");
    Files.writeString(file, "contact_id,channel,arrived_at\n" + csv);
    assertThat(run("import", "contacts", file.toString(), "--db", db()).code()).isZero();
  }

  @BeforeEach
  void history() throws IOException {
    StringBuilder csv = new StringBuilder();
    for (LocalDate d = LocalDate.parse("2026-03-02");
        d.isBefore(LocalDate.parse("2026-03-23"));
        d = d.plusDays(1)) {
      csv.append(d).append("a,phone,").append(d).append("T09:10:00Z\n");
      csv.append(d).append("b,phone,").append(d).append("T09:40:00Z\n");
      csv.append(d).append("c,phone,").append(d).append("T10:20:00Z\n");
    }
    importContacts(csv.toString());
    ForecastCommand.clock = Clock.fixed(Instant.parse("2026-03-23T00:00:00Z"), ZoneOffset.UTC);
  }

  @AfterEach
  void resetClock() {
    ForecastCommand.clock = Clock.systemUTC();
  }

  @Test
  void json_gives_each_interval_with_its_band_the_model_and_its_backtest() {
    Run run =
        run(
            "forecast",
            "--channel",
            "phone",
            "--interval",
            "60m",
            "--horizon",
            "7d",
            "--history",
            "3w",
            "--format",
            "json",
            "--db",
            db());

    assertThat(run.code()).isZero();
    assertThat(run.out())
        .startsWith(
            "{\"channel\":\"phone\",\"queue\":null,\"tz\":\"UTC\",\"interval_minutes\":60,"
                + "\"start\":\"2026-03-23\",\"horizon_days\":7,\"made_at\":\"2026-03-23T00:00:00Z\",\"saved\":true,"
                + "\"model\":\"seasonal_naive\",\"level\":0.8,\"history\":{\"from\":\"2026-03-02\",\"to\":\"2026-03-22\","
                + "\"contacts\":63,\"excluded\":[]},\"accuracy\":{\"model\":\"seasonal_naive\",\"wape\":0.0,"
                + "\"seasonal_naive_wape\":0.0,\"improvement\":0.0},\"backtest\":{\"origins\":");
    assertThat(run.out())
        .contains(
            "{\"model\":\"seasonal_naive\",\"chosen\":true,\"wape\":0.0,\"mape\":0.0,"
                + "\"bias\":0.0,\"day_wape\":0.0,\"day_mape\":0.0}");
    assertThat(run.out())
        .contains("\"days\":[{\"date\":\"2026-03-23\",\"forecast\":3.0,\"low\":3.0,\"high\":3.0},");
    assertThat(run.out())
        .contains(
            "{\"start\":\"2026-03-23T09:00Z\",\"forecast\":2.0,\"low\":2.0,\"high\":2.0},"
                + "{\"start\":\"2026-03-23T10:00Z\",\"forecast\":1.0,\"low\":1.0,\"high\":1.0},");
  }

  @Test
  void table_shows_the_model_the_backtest_and_day_totals_with_their_peak() {
    Run run =
        run(
            "forecast",
            "--channel",
            "phone",
            "--interval",
            "30m",
            "--horizon",
            "2d",
            "--history",
            "3w",
            "--no-save",
            "--db",
            db());

    assertThat(run.code()).isZero();
    assertThat(run.out())
        .startsWith(
            """
        Forecast of inbound phone contacts, 30-minute intervals, 2026-03-23 .. 2026-03-24 (UTC)
        Learnt from 2026-03-02 .. 2026-03-22: 63 contacts.
        Model: seasonal naive (same interval last week), chosen in a backtest over""");
    assertThat(run.out())
        .contains("2026-03-23 Mon")
        .contains("low .. high: 80% prediction interval. Not stored");
    // Each day: 3 calls, at most 1 per half hour (09:00, 09:30, 10:00), the first of them the peak.
    assertThat(run.out().lines().filter(l -> l.startsWith("2026-03-2")))
        .hasSize(2)
        .allSatisfy(
            l -> assertThat(l.split("\\s+")).containsSequence("3", "3", "3", "1.0", "09:00"));
  }

  @Test
  void accuracy_compares_the_stored_forecast_with_what_came() throws IOException {
    assertThat(
            run(
                    "forecast",
                    "--channel",
                    "phone",
                    "--interval",
                    "60m",
                    "--horizon",
                    "7d",
                    "--history",
                    "3w",
                    "--format",
                    "csv",
                    "--db",
                    db())
                .code())
        .isZero();
    // Monday 23 March: 3 calls at 09:xx (2 forecast), 1 at 10:xx (1 forecast).
    importContacts(
        "m1,phone,2026-03-23T09:05:00Z\nm2,phone,2026-03-23T09:15:00Z\nm3,phone,2026-03-23T09:25:00Z\n"
            + "m4,phone,2026-03-23T10:25:00Z\n");
    ForecastCommand.clock = Clock.fixed(Instant.parse("2026-03-24T00:00:00Z"), ZoneOffset.UTC);

    Run run =
        run(
            "forecast",
            "accuracy",
            "--channel",
            "phone",
            "--interval",
            "60m",
            "--from",
            "2026-03-23",
            "--to",
            "2026-03-29",
            "--format",
            "json",
            "--db",
            db());

    // 24 intervals over; |3 - 2| = 1 of 4 contacts: WAPE 25%, bias -25%, MAPE mean(1/3, 0) =
    // 16.67%.
    assertThat(run.code()).isZero();
    assertThat(run.out())
        .startsWith(
            "{\"from\":\"2026-03-23\",\"to\":\"2026-03-29\",\"tz\":\"UTC\",\"channel\":"
                + "\"phone\",\"queue\":null,\"interval_minutes\":60,\"intervals\":24,\"actual\":4,\"forecast\":3.0,"
                + "\"wape\":25.0,\"mape\":16.66666666666");
    assertThat(run.out()).endsWith(",\"bias\":-25.0}\n");
  }

  @Test
  void csv_has_one_line_per_interval() {
    Run run =
        run(
            "forecast",
            "--channel",
            "phone",
            "--interval",
            "1d",
            "--horizon",
            "1w",
            "--history",
            "3w",
            "--format",
            "csv",
            "--no-save",
            "--db",
            db());

    assertThat(run.code()).isZero();
    assertThat(run.out().lines()).hasSize(8).first().isEqualTo("start,end,forecast,low,high,model");
    assertThat(run.out().lines().skip(1).findFirst().orElseThrow())
        .isEqualTo("2026-03-23T00:00Z,2026-03-24T00:00Z,3.000,3.000,3.000,seasonal_naive");
  }

  @Test
  void a_bad_interval_or_horizon_is_bad_usage_with_the_fix() {
    Run interval = run("forecast", "--channel", "phone", "--interval", "20m", "--db", db());
    Run horizon = run("forecast", "--channel", "phone", "--horizon", "9w", "--db", db());

    assertThat(interval.code()).isEqualTo(2);
    assertThat(interval.err())
        .startsWith("yardstick: --interval: '20m' is not an interval; use 15m, 30m, 60m or 1d.");
    assertThat(horizon.code()).isEqualTo(2);
    assertThat(horizon.err())
        .startsWith("yardstick: Horizon 63 days is out of range; forecast 1 to 56 days (8 weeks).");
  }

  @Test
  void an_unknown_channel_fails_with_the_reason() {
    Run run = run("forecast", "--channel", "fax", "--history", "3w", "--db", db());

    assertThat(run.code()).isEqualTo(1);
    assertThat(run.err())
        .isEqualTo(
            "yardstick: No inbound contact of this store has the channel 'fax'; channels with"
                + " inbound contacts: phone (--channel).\n");
    Run typo = run("forecast", "--channel", "fone", "--history", "3w", "--db", db());
    assertThat(typo.code()).isEqualTo(1);
    assertThat(typo.err())
        .isEqualTo(
            "yardstick: No inbound contact of this store has the channel 'fone' (did you mean"
                + " phone?); channels with inbound contacts: phone (--channel).\n");
  }

  @Test
  void a_campaign_day_is_found_listed_and_left_out_unless_kept() throws IOException {
    // Thursday 19 March: 40 more calls at 09:30 (43 where Thursdays bring 3: |43 - 3| = 40 > 3
    // sqrt(3) = 5.2).
    StringBuilder csv = new StringBuilder();
    for (int i = 0; i < 40; i++)
      csv.append("campaign").append(i).append(",phone,2026-03-19T09:30:00Z\n");
    importContacts(csv.toString());

    Run json =
        run(
            "forecast",
            "--channel",
            "phone",
            "--interval",
            "60m",
            "--horizon",
            "7d",
            "--history",
            "3w",
            "--format",
            "json",
            "--no-save",
            "--db",
            db());
    Run byHand =
        run(
            "forecast",
            "--channel",
            "phone",
            "--interval",
            "60m",
            "--horizon",
            "7d",
            "--history",
            "3w",
            "--format",
            "json",
            "--no-save",
            "--exclude",
            "2026-03-19",
            "--db",
            db());
    Run kept =
        run(
            "forecast",
            "--channel",
            "phone",
            "--interval",
            "60m",
            "--horizon",
            "7d",
            "--history",
            "3w",
            "--format",
            "json",
            "--no-save",
            "--keep-special-days",
            "--db",
            db());
    Run table =
        run(
            "forecast",
            "--channel",
            "phone",
            "--interval",
            "60m",
            "--horizon",
            "2d",
            "--history",
            "3w",
            "--no-save",
            "--db",
            db());

    assertThat(json.out())
        .contains(
            "\"special_days\":[{\"date\":\"2026-03-19\",\"volume\":43,\"expected\":3.0,"
                + "\"why\":\"high\",\"name\":null,\"kept\":false}]");
    // The same forecast as with the day given by hand: from "days" on, the two outputs agree.
    assertThat(json.out().substring(json.out().indexOf("\"days\":")))
        .isEqualTo(byHand.out().substring(byHand.out().indexOf("\"days\":")));
    assertThat(kept.out()).contains("\"kept\":true");
    assertThat(table.out())
        .contains(
            "Special days of the history (left out of learning and scoring, as --exclude days;"
                + " --keep-special-days keeps them):",
            "2026-03-19 Thu",
            "high");
  }

  @Test
  void the_settings_files_closures_and_campaigns_are_forecast_and_marked() throws IOException {
    // Every day brings 3 calls, so seasonal naive forecasts 3 a day; the settings close Wednesday
    // 25 March (0) and run a campaign on Thursday 26 March at twice an ordinary day (3 x 2 = 6).
    Path settings = dir.resolve("yardstick.yaml");
    Files.writeString(
        settings,
        """
        forecast:
          events:
            - {name: Works, kind: closure, date: 2026-03-25}
            - {name: Launch, kind: campaign, date: 2026-03-26, multiplier: 2, channels: [phone]}
        """);
    Run table =
        run(
            "forecast",
            "--channel",
            "phone",
            "--horizon",
            "1w",
            "--history",
            "3w",
            "--settings",
            settings.toString(),
            "--no-save",
            "--db",
            db());
    Files.writeString(
        settings, "forecast:\n  events:\n    - {name: Works, kind: closed, date: 2026-03-25}\n");
    Run bad =
        run("forecast", "--channel", "phone", "--settings", settings.toString(), "--db", db());

    assertThat(table.code()).isZero();
    assertThat(table.out())
        .containsPattern("2026-03-24 Tue +3 ")
        .containsPattern("2026-03-25 Wed +0 .*closure: Works \\(x 0.00\\)")
        .containsPattern("2026-03-26 Thu +6 .*campaign: Launch \\(x 2.00\\)");
    assertThat(bad.code()).isNotZero();
    assertThat(bad.err())
        .contains("line 3, column 27: forecast.events[0].kind")
        .contains("expected one of closure, campaign");
  }

  @Test
  void holidays_ahead_are_marked_in_the_table_and_an_unknown_calendar_is_bad_usage() {
    // 24 March 2026 is no holiday; Sant Josep (19 March) is a holiday in Valencia, not in
    // Catalonia. In ES-CT the
    // horizon 23 March - 5 April holds Good Friday (3 April); no past holiday in the three weeks:
    // an ordinary day.
    Run table =
        run(
            "forecast",
            "--channel",
            "phone",
            "--interval",
            "60m",
            "--horizon",
            "2w",
            "--history",
            "3w",
            "--holidays",
            "ES-CT",
            "--no-save",
            "--db",
            db());
    Run unknown = run("forecast", "--channel", "phone", "--holidays", "XX", "--db", db());

    assertThat(table.code()).isZero();
    assertThat(table.out())
        .contains(
            "2026-04-03 Fri", "holiday: Good Friday (as an ordinary day: no past holiday seen)");
    assertThat(unknown.code()).isEqualTo(2);
    assertThat(unknown.err())
        .startsWith(
            "yardstick: Holiday calendar 'XX' is unknown: give --holidays as a country code");
  }

  @Test
  void all_forecasts_every_channel_and_queue() throws IOException {
    // Besides the phone calls (no queue), one chat a day in queue "web" over the same three weeks.
    StringBuilder csv = new StringBuilder("contact_id,channel,arrived_at,queue\n");
    for (LocalDate d = LocalDate.parse("2026-03-02");
        d.isBefore(LocalDate.parse("2026-03-23"));
        d = d.plusDays(1)) {
      csv.append(d).append("w,chat,").append(d).append("T11:00:00Z,web\n");
    }
    Path file = dir.resolve("chats.csv");
    Files.writeString(file, csv.toString());
    assertThat(run("import", "contacts", file.toString(), "--db", db()).code()).isZero();

    Run table =
        run(
            "forecast",
            "--all",
            "--interval",
            "60m",
            "--horizon",
            "7d",
            "--history",
            "3w",
            "--db",
            db());
    Run both = run("forecast", "--all", "--channel", "phone", "--db", db());

    assertThat(table.code()).as(table.err()).isZero();
    // chat as a whole, chat's queue web, phone as a whole: 7 chats and 21 calls forecast for the
    // week.
    assertThat(table.out())
        .contains(
            "chat     (all)  seasonal_naive",
            "chat       web  seasonal_naive",
            "phone    (all)  seasonal_naive");
    assertThat(table.out().lines().filter(l -> l.startsWith("chat ")).toList())
        .allMatch(l -> l.strip().endsWith(" 7"));
    assertThat(table.out().lines().filter(l -> l.startsWith("phone ")).toList())
        .allMatch(l -> l.strip().endsWith(" 21"));
    assertThat(both.code()).isEqualTo(2);
    assertThat(both.err())
        .contains("--all forecasts every channel and queue; leave out --channel and --queue.");
  }
}
