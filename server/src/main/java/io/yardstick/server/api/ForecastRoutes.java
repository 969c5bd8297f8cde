package io.yardstick.server.api;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.yardstick.Parse;
import io.yardstick.YardstickException;
import io.yardstick.forecast.Forecast;
import io.yardstick.forecast.ForecastJson;
import io.yardstick.forecast.ForecastRequest;
import io.yardstick.forecast.ForecastSettings;
import io.yardstick.forecast.Forecaster;
import io.yardstick.forecast.Holidays;
import io.yardstick.server.auth.Auth;
import io.yardstick.staffing.StaffingException;
import io.yardstick.staffing.StaffingJson;
import io.yardstick.staffing.StaffingPlanner;
import io.yardstick.staffing.StaffingTarget;
import io.yardstick.store.Store;
import io.yardstick.user.Role;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Volume forecasts and staffing plans over HTTP (docs/forecasting.md, docs/staffing.md), managers
 * and admins only:
 *
 * <ul>
 *   <li>{@code GET
 *       /api/forecast?channel=&queue=&interval=30&horizon=14&tz=&start=&history=84&exclude=}: the
 *       forecast per interval ({@code start, forecast, low, high}) and per day, the model chosen
 *       and its backtest against seasonal naive, and the actual contacts per interval from a week
 *       before {@code start} (to now), for the chart. {@code POST /api/forecast} with the same
 *       parameters also stores it (a GET never writes).
 *   <li>{@code GET
 *       /api/staffing?channel=&from=&to=&tz=&interval=30&source=history|forecast&aht=&service_level=80
 *       &answer_seconds=20&shrinkage=0&max_occupancy=100&patience=&concurrency=1}: required agents
 *       per interval (Erlang C, or A with a patience), scheduled agents with shrinkage, and for
 *       history the agents logged in and the gap.
 * </ul>
 *
 * Percentages are 0-100 in and out. A bad parameter answers 400 naming it; what the core refuses
 * (no history for the channel, an impossible target) answers 400 with the core's reason.
 */
public final class ForecastRoutes {
  /** History a forecast learns from by default, as {@code yardstick forecast} does. */
  static final int HISTORY_DAYS = StaffingPlanner.FORECAST_HISTORY_DAYS;

  /** Days of actuals before the forecast's first day, for the chart. */
  static final int ACTUAL_DAYS = 7;

  /** The longest staffing plan from history, in days. */
  static final int MAX_PLAN_DAYS = 93;

  private final Store store;
  private final Clock clock;
  // The page asks for the forecast and for the plan made from it: one computation for both.
  private final Cache<CacheKey, Forecast> forecasts =
      Caffeine.newBuilder().maximumSize(32).expireAfterWrite(Duration.ofMinutes(10)).build();

  private record CacheKey(ForecastRequest request, long version, LocalDate today) {}

  private final ForecastSettings settings;

  public ForecastRoutes(Store store, Clock clock) {
    this(store, clock, ForecastSettings.none());
  }

  /**
   * Routes whose forecasts follow the settings file's {@code forecast} section (holiday calendars
   * per channel or queue, closures and campaigns).
   */
  public ForecastRoutes(Store store, Clock clock, ForecastSettings settings) {
    this.store = store;
    this.clock = clock;
    this.settings = settings;
  }

  public void register(Javalin app) {
    app.get("/api/forecast", ctx -> forecast(ctx, false));
    app.post("/api/forecast", ctx -> forecast(ctx, true));
    app.get("/api/staffing", this::staffing);
    app.get("/api/forecast/all", ctx -> forecastAll(ctx, false));
    app.post("/api/forecast/all", ctx -> forecastAll(ctx, true));
  }

  /** The forecast of the query's parameters; stored only by a POST, so that a GET never writes. */
  private void forecast(Context ctx, boolean save) {
    Auth.requireRole(ctx, Role.ADMIN, Role.MANAGER);
    String channel = required(ctx, "channel", "the channel to forecast, such as phone");
    String queue = blankToNull(ctx.queryParam("queue"));
    ZoneId zone = ApiParams.zone(ctx);
    int interval = interval(ctx, Set.of(15, 30, 60, 1440), "15, 30, 60 or 1440 (a day)");
    int horizon = ApiParams.integer(ctx, "horizon", 14, 1, ForecastRequest.MAX_HORIZON_DAYS);
    int history = ApiParams.integer(ctx, "history", HISTORY_DAYS, 7, 730);
    LocalDate start = optionalDate(ctx, "start", LocalDate.now(clock.withZone(zone)));
    Set<LocalDate> excluded = new TreeSet<>();
    for (String e : ApiParams.list(ctx, "exclude")) excluded.add(parseDate("exclude", e));
    String saveParam = ctx.queryParam("save");
    if (saveParam != null && !saveParam.isBlank() && !saveParam.equals("false")) {
      throw ApiException.badRequest(
          "Parameter 'save': a GET never stores; POST /api/forecast with the same"
              + " parameters stores the forecast.");
    }
    String holidays = blankToNull(ctx.queryParam("holidays"));
    if (holidays != null) {
      String code = holidays;
      try {
        holidays = Holidays.check(code);
      } catch (YardstickException e) {
        throw ApiException.badRequest("Parameter 'holidays': " + e.getMessage());
      }
    }
    ForecastRequest request =
        new ForecastRequest(
            channel,
            queue,
            interval,
            horizon,
            zone,
            start,
            history,
            excluded,
            holidays,
            flag(ctx, "holidays_closed"),
            flag(ctx, "keep_special_days"));
    Forecast f = forecastOf(request);
    boolean saved = save;
    if (saved) new Forecaster(store, clock, settings).save(f);

    Map<String, Object> root = new LinkedHashMap<>(ForecastJson.forecast(f, saved));
    root.put("actuals", actuals(request));
    ctx.json(root);
  }

  /**
   * Series forecast by one request of /api/forecast/all at most (each channel and each queue counts
   * one).
   */
  static final int MAX_ALL_SERIES = 50;

  /**
   * Every channel with inbound contacts in the history, whole and (unless {@code queues=false})
   * queue by queue: per series its model, backtest WAPE against seasonal naive, special days and
   * daily totals. A POST also stores them.
   */
  private void forecastAll(Context ctx, boolean save) {
    Auth.requireRole(ctx, Role.ADMIN, Role.MANAGER);
    ZoneId zone = ApiParams.zone(ctx);
    int interval = interval(ctx, Set.of(15, 30, 60, 1440), "15, 30, 60 or 1440 (a day)");
    int horizon = ApiParams.integer(ctx, "horizon", 14, 1, ForecastRequest.MAX_HORIZON_DAYS);
    int history = ApiParams.integer(ctx, "history", HISTORY_DAYS, 7, 730);
    LocalDate start = optionalDate(ctx, "start", LocalDate.now(clock.withZone(zone)));
    String queuesParam = blankToNull(ctx.queryParam("queues"));
    boolean queues = queuesParam == null || flag(ctx, "queues");
    ForecastRequest template =
        new ForecastRequest(
            "*",
            null,
            interval,
            horizon,
            zone,
            start,
            history,
            Set.of(),
            null,
            false,
            flag(ctx, "keep_special_days"));
    Forecaster forecaster = new Forecaster(store, clock, settings);
    int n = forecaster.series(template, queues).size();
    if (n > MAX_ALL_SERIES) {
      throw ApiException.badRequest(
          "Parameter 'queues': "
              + n
              + " series have contacts; at most "
              + MAX_ALL_SERIES
              + " are forecast in one request. Give queues=false for the channels alone, or forecast a channel's queues"
              + " one by one with /api/forecast.");
    }
    List<Forecaster.SeriesForecast> all = forecaster.forecastAll(template, queues, p -> {});
    if (save) {
      for (Forecaster.SeriesForecast s : all) {
        if (s.forecast() != null) forecaster.save(s.forecast());
      }
    }
    ctx.json(ForecastJson.all(all, save));
  }

  private Forecast forecastOf(ForecastRequest request) {
    CacheKey key =
        new CacheKey(request, store.dataVersion(), LocalDate.now(clock.withZone(request.zone())));
    Forecast cached = forecasts.getIfPresent(key);
    if (cached != null) return cached;
    Forecast f = new Forecaster(store, clock, settings).forecast(request, p -> {});
    forecasts.put(key, f);
    return f;
  }

  /**
   * What came, from {@link #ACTUAL_DAYS} days before the forecast's start (the core's {@link
   * Forecaster#actuals}).
   */
  private List<Object> actuals(ForecastRequest r) {
    List<Object> out = new ArrayList<>();
    for (Forecaster.Actual a : new Forecaster(store, clock, settings).actuals(r, ACTUAL_DAYS)) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("start", a.start().atZone(r.zone()).toOffsetDateTime().toString());
      m.put("actual", a.contacts());
      out.add(m);
    }
    return out;
  }

  private void staffing(Context ctx) {
    Auth.requireRole(ctx, Role.ADMIN, Role.MANAGER);
    String channel = required(ctx, "channel", "the channel to staff, such as phone");
    String source = ctx.queryParamAsClass("source", String.class).getOrDefault("history").strip();
    if (!source.equals("history") && !source.equals("forecast")) {
      throw ApiException.badRequest(
          "Parameter 'source': '"
              + source
              + "' is not known; expected history (the"
              + " contacts that came) or forecast (a forecast made now).");
    }
    boolean fromForecast = source.equals("forecast");
    ZoneId zone = ApiParams.zone(ctx);
    LocalDate from = ApiParams.date(ctx, "from");
    LocalDate to = ApiParams.date(ctx, "to");
    if (to.isBefore(from)) {
      throw ApiException.badRequest(
          "Parameter 'to' ("
              + to
              + ") is before 'from' ("
              + from
              + "); give to on or after"
              + " from.");
    }
    int days = (int) (to.toEpochDay() - from.toEpochDay() + 1);
    int maxDays = fromForecast ? ForecastRequest.MAX_HORIZON_DAYS : MAX_PLAN_DAYS;
    if (days > maxDays) {
      throw ApiException.badRequest(
          "Parameter 'to': the plan covers "
              + days
              + " days; give at most "
              + maxDays
              + " days from 'from'"
              + (fromForecast ? " (the longest forecast)." : "."));
    }
    int interval = interval(ctx, Set.of(15, 30, 60), "15, 30 or 60");
    Double aht = positive(ctx, "aht", "the average handle time in seconds, such as 300");
    double serviceLevel = percent(ctx, "service_level", 80, false);
    double answerSeconds = nonNegative(ctx, "answer_seconds", 20);
    double shrinkage = percent(ctx, "shrinkage", 0, true);
    double maxOccupancy = percent(ctx, "max_occupancy", 100, false);
    Double patience =
        positive(ctx, "patience", "the customers' mean patience in seconds, such as 120");
    int concurrency = ApiParams.integer(ctx, "concurrency", 1, 1, 20);
    StaffingTarget target =
        StaffingTarget.serviceLevel(serviceLevel / 100, answerSeconds)
            .maxOccupancy(maxOccupancy / 100)
            .shrinkage(shrinkage / 100)
            .concurrency(concurrency)
            .patienceSeconds(patience)
            .build();

    StaffingPlanner.Request request =
        new StaffingPlanner.Request(
            fromForecast ? StaffingPlanner.Source.FORECAST : StaffingPlanner.Source.HISTORY,
            channel,
            from,
            to,
            zone,
            interval,
            aht,
            false,
            target);
    StaffingPlanner.Result plan;
    try {
      plan = new StaffingPlanner(store, this::forecastOf).plan(request);
    } catch (StaffingException e) {
      throw ApiException.badRequest(
          aht == null
              ? "Parameter 'aht' is missing and " + e.getMessage() + ", such as 300."
              : e.getMessage());
    }
    ctx.json(StaffingJson.plan(plan));
  }

  // --- parameters
  // ----------------------------------------------------------------------------------------------------

  private static String required(Context ctx, String name, String what) {
    String v = blankToNull(ctx.queryParam(name));
    if (v == null)
      throw ApiException.badRequest("Parameter '" + name + "' is missing; expected " + what + ".");
    return v;
  }

  /** A true/false parameter, false when absent. */
  private static boolean flag(Context ctx, String name) {
    String v = blankToNull(ctx.queryParam(name));
    if (v == null || v.equals("false")) return false;
    if (v.equals("true")) return true;
    throw ApiException.badRequest("Parameter '" + name + "': '" + v + "' is not true or false.");
  }

  private static String blankToNull(String v) {
    return v == null || v.isBlank() ? null : v.strip();
  }

  private static int interval(Context ctx, Set<Integer> allowed, String expected) {
    String text = blankToNull(ctx.queryParam("interval"));
    if (text == null) return 30;
    String digits = text.endsWith("m") ? text.substring(0, text.length() - 1) : text;
    try {
      long v = Parse.wholeNumber(digits, 1, 1440);
      if (allowed.contains((int) v)) return (int) v;
    } catch (Parse.InvalidValueException e) {
      // answered below, with the lengths this route takes
    }
    throw ApiException.badRequest(
        "Parameter 'interval': '"
            + text
            + "' is not an interval length; expected minutes: "
            + expected
            + ".");
  }

  private static LocalDate optionalDate(Context ctx, String name, LocalDate fallback) {
    String text = blankToNull(ctx.queryParam(name));
    return text == null ? fallback : parseDate(name, text);
  }

  private static LocalDate parseDate(String name, String text) {
    return ApiParams.parsed(name, () -> Parse.date(text));
  }

  private static Double number(Context ctx, String name, String expected) {
    String text = blankToNull(ctx.queryParam(name));
    if (text == null) return null;
    try {
      return Parse.number(text);
    } catch (Parse.InvalidValueException e) {
      // The core's sentence, with what this parameter expects.
      String reason = e.getMessage().replaceAll("\\.$", "");
      throw ApiException.badRequest(
          "Parameter '" + name + "': " + reason + "; expected " + expected + ".");
    }
  }

  private static Double positive(Context ctx, String name, String expected) {
    Double v = number(ctx, name, expected);
    if (v != null && v <= 0) {
      throw ApiException.badRequest(
          "Parameter '"
              + name
              + "': '"
              + ctx.queryParam(name)
              + "' must be more than 0;"
              + " expected "
              + expected
              + ".");
    }
    return v;
  }

  private static double nonNegative(Context ctx, String name, double fallback) {
    Double v = number(ctx, name, "seconds, 0 or more, such as 20");
    if (v == null) return fallback;
    if (v < 0) {
      throw ApiException.badRequest(
          "Parameter '"
              + name
              + "': '"
              + ctx.queryParam(name)
              + "' must be 0 or more;"
              + " expected seconds, such as 20.");
    }
    return v;
  }

  /**
   * A percentage 0-100, by the core's rule (as the CLI takes it); 100% service level is no target.
   */
  private static double percent(Context ctx, String name, double fallback, boolean zeroAllowed) {
    Double v = number(ctx, name, "a percentage from 0 to 100");
    if (v == null) return fallback;
    try {
      return Parse.percentage(v, zeroAllowed, !name.equals("service_level"));
    } catch (Parse.InvalidValueException e) {
      throw ApiException.badRequest("Parameter '" + name + "': " + e.getMessage());
    }
  }
}
