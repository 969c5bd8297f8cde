package io.yardstick.cli;

import io.yardstick.Parse;
import io.yardstick.YardstickException;
import io.yardstick.forecast.Accuracy;
import io.yardstick.forecast.Forecast;
import io.yardstick.forecast.ForecastJson;
import io.yardstick.forecast.ForecastRequest;
import io.yardstick.forecast.Forecaster;
import io.yardstick.forecast.Holidays;
import io.yardstick.forecast.PastAccuracy;
import io.yardstick.forecast.SeriesForecaster;
import io.yardstick.forecast.SpecialDay;
import io.yardstick.forecast.SpecialInterval;
import io.yardstick.settings.Settings;
import io.yardstick.store.Store;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code yardstick forecast}: the volume forecast of a channel (or queue), and {@code forecast
 * accuracy} of past ones.
 */
@Command(
    name = "forecast",
    description =
        "Forecast inbound contacts of a channel (or one queue) per 15-, 30- or"
            + " 60-minute interval or per day, up to 8 weeks ahead, with the model chosen by backtest and 80%% prediction"
            + " intervals; the forecast is stored so that 'forecast accuracy' can measure it later. See docs/forecasting.md.",
    subcommands = ForecastCommand.AccuracyCommand.class)
final class ForecastCommand implements Callable<Integer> {
  /** The clock the command reads "today" from; tests replace it. */
  static Clock clock = Clock.systemUTC();

  @Spec CommandSpec spec;

  // Not picocli-required: 'forecast accuracy' runs without it.
  @Option(
      names = "--channel",
      paramLabel = "C",
      description = "The channel, as stored (phone, chat...); required.")
  String channel;

  @Option(
      names = "--queue",
      paramLabel = "Q",
      description = "One queue of the channel (default: all its queues).")
  String queue;

  @Option(
      names = "--interval",
      paramLabel = "I",
      defaultValue = "30m",
      description = "15m, 30m, 60m (or 1h) or 1d (default: ${DEFAULT-VALUE}).")
  String interval;

  @Option(
      names = "--horizon",
      paramLabel = "H",
      defaultValue = "14d",
      description =
          "How far ahead: days (14d) or weeks (2w), at most 8 weeks (default: ${DEFAULT-VALUE}).")
  String horizon;

  @Option(
      names = "--history",
      paramLabel = "H",
      defaultValue = "12w",
      description =
          "History to learn from, before the first forecast day (default: ${DEFAULT-VALUE}).")
  String history;

  @Option(
      names = "--start",
      paramLabel = "DATE",
      description = "First local day to forecast, YYYY-MM-DD (default: today in --tz).")
  LocalDate start;

  @Option(
      names = "--tz",
      paramLabel = "ZONE",
      defaultValue = "UTC",
      description = "IANA time zone of the intervals and dates (default: ${DEFAULT-VALUE}).")
  ZoneId tz;

  @Option(
      names = "--exclude",
      paramLabel = "DATE",
      split = ",",
      description =
          "Local days to leave out of training and scoring (holidays, events), comma-separated.")
  List<LocalDate> exclude = new ArrayList<>();

  @Option(
      names = "--holidays",
      paramLabel = "CODE",
      description =
          "Public-holiday calendar (Jollyday): a country code, optionally with its region, such as ES,"
              + " ES-CT, RO or US-NY. Past holidays are left out of learning; future ones are forecast from how past ones"
              + " compared with their weekdays.")
  String holidays;

  @Option(
      names = "--holidays-closed",
      description = "The centre is closed on those holidays: forecast them as 0.")
  boolean holidaysClosed;

  @Option(
      names = "--keep-special-days",
      description =
          "Keep the special days found automatically (closed days,"
              + " outages, campaigns) in learning and scoring; they are still listed.")
  boolean keepSpecialDays;

  @Option(
      names = "--all",
      description =
          "Forecast every channel with inbound contacts in the history, each as a whole"
              + " and each of its queues (--channel and --queue are then not given); each forecast is stored.")
  boolean all;

  @Option(
      names = "--no-save",
      description = "Do not store the forecast (by default it is kept for 'forecast accuracy').")
  boolean noSave;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "table",
      description = "table, json or csv (default: ${DEFAULT-VALUE}).")
  KpiCommand.Format format;

  @Mixin DbOption db;

  @Mixin SettingsOption settings;

  @Override
  public Integer call() throws Exception {
    CommandLine cli = spec.commandLine();
    if (all && (channel != null || queue != null)) {
      throw new ParameterException(
          cli, "--all forecasts every channel and queue; leave out --channel and --queue.");
    }
    if (channel == null && !all) {
      throw new ParameterException(
          cli,
          "Missing required option: '--channel=C' (the channel to forecast, such as phone),"
              + " or --all for every channel and queue.");
    }
    ZoneId zone = tz;
    LocalDate first = start == null ? LocalDate.now(clock.withZone(zone)) : start;
    Set<LocalDate> excluded = new TreeSet<>();
    excluded.addAll(exclude);
    int minutes = intervalMinutes(cli, interval);
    ForecastRequest request;
    try {
      request =
          new ForecastRequest(
              all ? "*" : channel,
              queue,
              minutes,
              days(cli, "--horizon", horizon),
              zone,
              first,
              days(cli, "--history", history),
              excluded,
              holidays == null ? null : Holidays.check(holidays),
              holidaysClosed,
              keepSpecialDays);
    } catch (YardstickException e) {
      throw new ParameterException(cli, Main.message(e));
    }
    if (all) return all(cli, request);
    Forecast f;
    try (Store store = db.open()) {
      Forecaster forecaster =
          new Forecaster(store, clock, settings.settings().get(Settings.FORECAST));
      try (Progress progress = Progress.start("Forecasting", 100, "%", 1, true)) {
        f = forecaster.forecast(request, p -> progress.stepTo(Math.round(p * 100)));
      }
      if (!noSave) forecaster.save(f);
    }
    PrintWriter out = cli.getOut();
    switch (format) {
      case JSON -> out.println(Json.MAPPER.writeValueAsString(ForecastJson.forecast(f, !noSave)));
      case CSV -> {
        Csv csv = Csv.to(out).row("start", "end", "forecast", "low", "high", "model");
        for (Forecast.Point p : f.intervals()) {
          csv.row(
              p.start().atZone(zone).toOffsetDateTime().toString(),
              p.end().atZone(zone).toOffsetDateTime().toString(),
              num(p.forecast()),
              num(p.low()),
              num(p.high()),
              f.model().id());
        }
        csv.flush();
      }
      case TABLE -> table(out, f, !noSave);
    }
    return 0;
  }

  /** --all: every channel and queue, one line each (JSON: ForecastJson.all). */
  private int all(CommandLine cli, ForecastRequest template) throws Exception {
    List<Forecaster.SeriesForecast> results;
    try (Store store = db.open()) {
      Forecaster forecaster =
          new Forecaster(store, clock, settings.settings().get(Settings.FORECAST));
      try (Progress progress =
          Progress.start("Forecasting every channel and queue", 100, "%", 1, true)) {
        results = forecaster.forecastAll(template, true, p -> progress.stepTo(Math.round(p * 100)));
      }
      if (!noSave) {
        for (Forecaster.SeriesForecast s : results) {
          if (s.forecast() != null) forecaster.save(s.forecast());
        }
      }
    }
    PrintWriter out = cli.getOut();
    if (format == KpiCommand.Format.JSON) {
      out.println(Json.MAPPER.writeValueAsString(ForecastJson.all(results, !noSave)));
      return 0;
    }
    if (format == KpiCommand.Format.CSV) {
      Csv csv =
          Csv.to(out).row("channel", "queue", "start", "end", "forecast", "low", "high", "model");
      for (Forecaster.SeriesForecast s : results) {
        if (s.forecast() == null) continue;
        for (Forecast.Point p : s.forecast().intervals()) {
          csv.row(
              s.request().channel(),
              s.request().queue(),
              p.start().atZone(template.zone()).toOffsetDateTime().toString(),
              p.end().atZone(template.zone()).toOffsetDateTime().toString(),
              num(p.forecast()),
              num(p.low()),
              num(p.high()),
              s.forecast().model().id());
        }
      }
      csv.flush();
      return 0;
    }
    out.println(
        "Forecast of every channel and queue, "
            + template.start()
            + " .. "
            + template.start().plusDays(template.horizonDays() - 1)
            + " ("
            + template.zone().getId()
            + ")"
            + (noSave ? "; not stored (--no-save)." : "; stored."));
    List<List<String>> rows = new ArrayList<>();
    rows.add(
        List.of(
            "channel",
            "queue",
            "model",
            "WAPE",
            "naive WAPE",
            "special days",
            "forecast total",
            "note"));
    for (Forecaster.SeriesForecast s : results) {
      Forecast f = s.forecast();
      if (f == null) {
        rows.add(
            List.of(
                s.request().channel(),
                s.request().queue() == null ? "(all)" : s.request().queue(),
                "-",
                "-",
                "-",
                "-",
                "-",
                s.error()));
        continue;
      }
      double total = f.days().stream().mapToDouble(Forecast.Point::forecast).sum();
      rows.add(
          List.of(
              s.request().channel(),
              s.request().queue() == null ? "(all)" : s.request().queue(),
              f.model().id(),
              pct(f.chosen() == null ? null : f.chosen().intervals().wape()),
              pct(f.baseline() == null ? null : f.baseline().intervals().wape()),
              String.valueOf(f.specialDays().stream().filter(d -> d.volume() != null).count()),
              whole(total),
              ""));
    }
    Tables.print(out, rows, 1);
    return 0;
  }

  private static void table(PrintWriter out, Forecast f, boolean saved) {
    ForecastRequest r = f.request();
    String what =
        r.intervalMinutes() == 1440 ? "per day" : r.intervalMinutes() + "-minute intervals";
    out.println(
        "Forecast of inbound "
            + r.channel()
            + " contacts"
            + (r.queue() == null ? "" : " in queue " + r.queue())
            + ", "
            + what
            + ", "
            + r.start()
            + " .. "
            + r.start().plusDays(r.horizonDays() - 1)
            + " ("
            + r.zone().getId()
            + ")");
    out.println(
        "Learnt from "
            + f.historyFrom()
            + " .. "
            + f.historyTo()
            + ": "
            + Formats.count(f.historyContacts())
            + " contacts"
            + (r.excluded().isEmpty()
                ? ""
                : ", " + Formats.plural(r.excluded().size(), "day") + " excluded")
            + ".");
    out.println(
        "Model: "
            + f.model().description()
            + (f.origins() == 0
                ? " (history too short for a backtest)"
                : ", chosen in a backtest over "
                    + f.origins()
                    + " weekly origins of "
                    + days(f.backtestIntervals(), r.perDay())
                    + " (the better seasonal baseline, unless a model beats it beyond the"
                    + " backtest's noise)."));
    if (f.specialDays().stream().anyMatch(s -> s.volume() != null)) {
      out.println();
      out.println(
          "Special days of the history ("
              + (r.keepSpecialDays()
                  ? "kept in learning, as asked"
                  : "left out of learning and scoring, as --exclude days; --keep-special-days keeps them")
              + "):");
      List<List<String>> rows = new ArrayList<>();
      rows.add(List.of("day", "contacts", "expected", "why"));
      for (SpecialDay s : f.specialDays()) {
        if (s.volume() == null) continue;
        rows.add(
            List.of(
                s.date()
                    + " "
                    + s.date()
                        .getDayOfWeek()
                        .getDisplayName(java.time.format.TextStyle.SHORT, Locale.ENGLISH),
                whole(s.volume()),
                s.expected() == null ? "-" : whole(s.expected()),
                s.why() + (s.name() == null ? "" : ": " + s.name())));
      }
      Tables.print(out, rows, 1);
    }
    if (!f.specialIntervals().isEmpty()) {
      out.println();
      out.println(
          "Outages within ordinary days ("
              + (r.keepSpecialDays()
                  ? "kept in learning, as asked"
                  : "their intervals left out of learning and scoring")
              + "):");
      List<List<String>> rows = new ArrayList<>();
      rows.add(List.of("from", "to", "contacts", "expected", "why"));
      for (SpecialInterval s : f.specialIntervals()) {
        rows.add(
            List.of(
                s.start().toString().replace('T', ' '),
                s.end().toLocalDate().equals(s.start().toLocalDate())
                    ? s.end().toLocalTime().toString()
                    : s.end().toString().replace('T', ' '),
                whole(s.volume()),
                whole(s.expected()),
                s.why()));
      }
      Tables.print(out, rows, 1);
    }
    if (!f.scores().isEmpty()) {
      out.println();
      List<List<String>> rows = new ArrayList<>();
      rows.add(List.of("model", "WAPE", "MAPE", "bias", "day WAPE", "choice"));
      for (SeriesForecaster.Score s : f.scores()) {
        rows.add(
            List.of(
                s.model().id(),
                pct(s.intervals().wape()),
                pct(s.intervals().mape()),
                signed(s.intervals().bias()),
                pct(s.days().wape()),
                s.chosen() ? "chosen" : "-"));
      }
      Tables.print(out, rows, 1, true);
    }
    out.println();
    List<List<String>> rows = new ArrayList<>();
    rows.add(new ArrayList<>(List.of("day", "forecast", "low", "high")));
    boolean intraday = r.intervalMinutes() < 1440;
    if (intraday) {
      rows.get(0).add("peak");
      rows.get(0).add("at");
    }
    boolean anyHoliday = f.specialDays().stream().anyMatch(s -> s.volume() == null);
    if (anyHoliday) rows.get(0).add("note");
    for (Forecast.Point d : f.days()) {
      List<String> row =
          new ArrayList<>(
              List.of(
                  d.local().toLocalDate()
                      + " "
                      + d.local()
                          .getDayOfWeek()
                          .getDisplayName(java.time.format.TextStyle.SHORT, Locale.ENGLISH),
                  whole(d.forecast()),
                  d.low() == null ? "-" : whole(d.low()),
                  d.high() == null ? "-" : whole(d.high())));
      if (intraday) {
        Forecast.Point peak = null;
        for (Forecast.Point p : f.intervals()) {
          if (p.local().toLocalDate().equals(d.local().toLocalDate())
              && (peak == null || p.forecast() > peak.forecast())) {
            peak = p;
          }
        }
        row.add(peak == null ? "-" : String.format(Locale.ENGLISH, "%.1f", peak.forecast()));
        row.add(peak == null ? "-" : peak.local().toLocalTime().toString());
      }
      if (anyHoliday) {
        SpecialDay s = f.special(d.local().toLocalDate());
        row.add(
            s == null
                ? ""
                : s.why()
                    + ": "
                    + s.name()
                    + (s.factor() == null
                        ? " (as an ordinary day: no past "
                            + (s.why().equals("holiday") ? "holiday" : "event of that name")
                            + " seen)"
                        : String.format(Locale.ENGLISH, " (x %.2f)", s.factor())));
      }
      rows.add(row);
    }
    Tables.print(out, rows, 1);
    out.println();
    out.println(
        "low .. high: "
            + Math.round(f.level() * 100)
            + "% prediction interval. "
            + (saved
                ? "Stored as made at "
                    + f.madeAt().truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
                    + "; 'yardstick forecast accuracy' compares it with what comes."
                : "Not stored (--no-save)."));
  }

  private static String days(int intervals, int perDay) {
    return intervals % perDay == 0
        ? Formats.plural(intervals / perDay, "day")
        : Formats.plural(intervals, "interval");
  }

  private static String whole(double v) {
    return Formats.count(Math.round(v));
  }

  static String pct(Double d) {
    return d == null ? "-" : String.format(Locale.ENGLISH, "%.1f%%", d);
  }

  static String signed(Double d) {
    return d == null ? "-" : String.format(Locale.ENGLISH, "%+.1f%%", d);
  }

  /** A value rounded to three decimals for CSV (a number, so the CSV writer leaves it as it is). */
  private static java.math.BigDecimal num(Double d) {
    return d == null
        ? null
        : java.math.BigDecimal.valueOf(d).setScale(3, java.math.RoundingMode.HALF_UP);
  }

  static int intervalMinutes(CommandLine cli, String text) {
    return switch (text.strip().toLowerCase(Locale.ROOT)) {
      case "15m", "15" -> 15;
      case "30m", "30" -> 30;
      case "60m", "60", "1h" -> 60;
      case "1d", "1440m", "day" -> 1440;
      default ->
          throw new ParameterException(
              cli, "--interval: '" + text + "' is not an interval; use 15m, 30m, 60m" + " or 1d.");
    };
  }

  private static final Pattern SPAN = Pattern.compile("(\\d+)([dw])");

  static int days(CommandLine cli, String option, String text) {
    Matcher m = SPAN.matcher(text.strip().toLowerCase(Locale.ROOT));
    if (!m.matches()) {
      throw new ParameterException(
          cli, option + ": '" + text + "' is not a span; use days or weeks, such as 14d or 2w.");
    }
    long n;
    try {
      n = Parse.wholeNumber(m.group(1), 0, 100_000);
    } catch (Parse.InvalidValueException e) {
      throw new ParameterException(cli, option + ": " + e.getMessage());
    }
    return (int) (m.group(2).equals("w") ? n * 7 : n);
  }

  /** {@code yardstick forecast accuracy}: stored forecasts against what came. */
  @Command(
      name = "accuracy",
      description =
          "How good past forecasts were: for each interval of the period that is"
              + " over, the latest stored forecast made before it began against the inbound contacts that came (WAPE, MAPE,"
              + " bias).")
  static final class AccuracyCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(
        names = "--channel",
        paramLabel = "C",
        description = "One channel (default: every channel, pooled).")
    String channel;

    @Option(
        names = "--queue",
        paramLabel = "Q",
        description = "One queue of the channel (default: whole channels).")
    String queue;

    @Option(
        names = "--interval",
        paramLabel = "I",
        defaultValue = "30m",
        description =
            "The interval of the stored forecasts: 15m, 30m, 60m or 1d (default: ${DEFAULT-VALUE}).")
    String interval;

    @Option(
        names = "--from",
        required = true,
        paramLabel = "DATE",
        description = "First local date, YYYY-MM-DD.")
    LocalDate from;

    @Option(
        names = "--to",
        required = true,
        paramLabel = "DATE",
        description = "Last local date (inclusive).")
    LocalDate to;

    @Option(
        names = "--tz",
        paramLabel = "ZONE",
        defaultValue = "UTC",
        description = "IANA time zone of the dates (default: ${DEFAULT-VALUE}).")
    ZoneId tz;

    @Option(
        names = "--format",
        paramLabel = "FORMAT",
        defaultValue = "table",
        description = "table, json or csv (default: ${DEFAULT-VALUE}).")
    KpiCommand.Format format;

    @Mixin DbOption db;

    @Override
    public Integer call() throws Exception {
      CommandLine cli = spec.commandLine();
      ZoneId zone = tz;
      LocalDate f = from;
      LocalDate t = to;
      if (t.isBefore(f)) {
        throw new ParameterException(
            cli, "--to (" + t + ") is before --from (" + f + "); give --to on or after --from.");
      }
      if (queue != null && channel == null) {
        throw new ParameterException(cli, "--queue needs --channel: a queue belongs to a channel.");
      }
      PastAccuracy past;
      try (Store store = db.open()) {
        past =
            new Forecaster(store, clock)
                .accuracy(channel, queue, intervalMinutes(cli, interval), f, t, zone);
      }
      Accuracy a = past.accuracy();
      PrintWriter out = cli.getOut();
      switch (format) {
        case JSON -> {
          Map<String, Object> root = new LinkedHashMap<>();
          root.put("from", f.toString());
          root.put("to", t.toString());
          root.put("tz", zone.getId());
          root.put("channel", channel);
          root.put("queue", queue);
          root.put("interval_minutes", past.intervalMinutes());
          root.put("intervals", a.points());
          root.put("actual", Math.round(a.actual()));
          root.put("forecast", ForecastJson.round(a.forecast()));
          root.put("wape", a.wape());
          root.put("mape", a.mape());
          root.put("bias", a.bias());
          out.println(Json.MAPPER.writeValueAsString(root));
        }
        case CSV -> {
          Csv csv =
              Csv.to(out)
                  .row(
                      "channel",
                      "queue",
                      "start",
                      "end",
                      "made_at",
                      "model",
                      "forecast",
                      "low",
                      "high",
                      "actual");
          for (PastAccuracy.Row x : past.rows()) {
            csv.row(
                x.channel(),
                x.queue(),
                x.start().toString(),
                x.end().toString(),
                x.madeAt().toString(),
                x.model(),
                num(x.forecast()),
                num(x.low()),
                num(x.high()),
                x.actual());
          }
          csv.flush();
        }
        case TABLE -> {
          out.println(
              "Forecast accuracy "
                  + f
                  + " .. "
                  + t
                  + " ("
                  + zone.getId()
                  + "), "
                  + (channel == null
                      ? "every channel"
                      : channel + (queue == null ? "" : ", queue " + queue))
                  + ", "
                  + past.intervalMinutes()
                  + "-minute forecasts");
          if (a.points() == 0) {
            out.println(
                "No stored forecast covers an interval of this period that is over; make one with"
                    + " 'yardstick forecast' and come back once its intervals have passed.");
          } else {
            out.println(
                Formats.count(a.points())
                    + " intervals, "
                    + Formats.count(Math.round(a.actual()))
                    + " contacts came, "
                    + Formats.count(Math.round(a.forecast()))
                    + " forecast: WAPE "
                    + pct(a.wape())
                    + ", MAPE "
                    + pct(a.mape())
                    + ", bias "
                    + signed(a.bias())
                    + ".");
          }
        }
      }
      return 0;
    }
  }
}
