package io.yardstick.server.api;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.yardstick.forecast.Forecast;
import io.yardstick.forecast.ForecastRequest;
import io.yardstick.forecast.Forecaster;
import io.yardstick.forecast.SeriesForecaster;
import io.yardstick.server.auth.Auth;
import io.yardstick.staffing.IntervalVolume;
import io.yardstick.staffing.QueueMetrics;
import io.yardstick.staffing.StaffingHistory;
import io.yardstick.staffing.StaffingPlan;
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
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeSet;

/**
 * Volume forecasts and staffing plans over HTTP (docs/forecasting.md, docs/staffing.md), managers and admins only:
 *
 * <ul>
 *   <li>{@code GET /api/forecast?channel=&queue=&interval=30&horizon=14&tz=&start=&history=84&exclude=}: the
 *       forecast per interval ({@code start, forecast, low, high}) and per day, the model chosen and its backtest
 *       against seasonal naive, and the actual contacts per interval from a week before {@code start} (to now), for
 *       the chart. {@code POST /api/forecast} with the same parameters also stores it (a GET never writes).
 *   <li>{@code GET /api/staffing?channel=&from=&to=&tz=&interval=30&source=history|forecast&aht=&service_level=80
 *       &answer_seconds=20&shrinkage=0&max_occupancy=100&patience=&concurrency=1}: required agents per interval
 *       (Erlang C, or A with a patience), scheduled agents with shrinkage, and for history the agents logged in and
 *       the gap.
 * </ul>
 *
 * Percentages are 0-100 in and out. A bad parameter answers 400 naming it; what the core refuses (no history for
 * the channel, an impossible target) answers 400 with the core's reason.
 */
public final class ForecastRoutes {
  /** History a forecast learns from by default, as {@code yardstick forecast} does. */
  static final int HISTORY_DAYS = 84;
  /** Days of actuals before the forecast's first day, for the chart. */
  static final int ACTUAL_DAYS = 7;
  /** The longest staffing plan from history, in days. */
  static final int MAX_PLAN_DAYS = 93;

  private final Store store;
  private final Clock clock;
  // The page asks for the forecast and for the plan made from it: one computation for both.
  private final Cache<CacheKey, Forecast> forecasts = Caffeine.newBuilder().maximumSize(32)
      .expireAfterWrite(Duration.ofMinutes(10)).build();

  private record CacheKey(ForecastRequest request, long version, LocalDate today) {}

  public ForecastRoutes(Store store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  public void register(Javalin app) {
    app.get("/api/forecast", ctx -> forecast(ctx, false));
    app.post("/api/forecast", ctx -> forecast(ctx, true));
    app.get("/api/staffing", this::staffing);
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
      throw ApiException.badRequest("Parameter 'save': a GET never stores; POST /api/forecast with the same"
          + " parameters stores the forecast.");
    }
    ForecastRequest request = new ForecastRequest(channel, queue, interval, horizon, zone, start, history, excluded);
    Forecast f = forecastOf(request);
    boolean saved = save;
    if (saved) new Forecaster(store, clock).save(f);

    Map<String, Object> root = new LinkedHashMap<>();
    root.put("channel", channel);
    root.put("queue", queue);
    root.put("tz", zone.getId());
    root.put("interval_minutes", interval);
    root.put("start", start.toString());
    root.put("horizon_days", horizon);
    root.put("made_at", f.madeAt().toString());
    root.put("saved", saved);
    root.put("model", f.model().id());
    root.put("level", f.level());
    Map<String, Object> hist = new LinkedHashMap<>();
    hist.put("from", f.historyFrom().toString());
    hist.put("to", f.historyTo().toString());
    hist.put("contacts", f.historyContacts());
    hist.put("excluded", request.excludedSorted().stream().map(LocalDate::toString).toList());
    root.put("history", hist);
    SeriesForecaster.Score chosen = f.chosen();
    SeriesForecaster.Score naive = f.baseline();
    Map<String, Object> accuracy = new LinkedHashMap<>();
    accuracy.put("model", f.model().id());
    accuracy.put("wape", chosen == null ? null : chosen.intervals().wape());
    accuracy.put("seasonal_naive_wape", naive == null ? null : naive.intervals().wape());
    accuracy.put("improvement", chosen == null || naive == null || chosen.intervals().wape() == null
        || naive.intervals().wape() == null ? null : naive.intervals().wape() - chosen.intervals().wape());
    root.put("accuracy", accuracy);
    root.put("backtest", io.yardstick.forecast.ForecastJson.backtest(f));
    root.put("intervals", points(f.intervals(), zone, false));
    root.put("days", points(f.days(), zone, true));
    root.put("actuals", actuals(request));
    ctx.json(root);
  }

  private Forecast forecastOf(ForecastRequest request) {
    CacheKey key = new CacheKey(request, store.dataVersion(), LocalDate.now(clock.withZone(request.zone())));
    Forecast cached = forecasts.getIfPresent(key);
    if (cached != null) return cached;
    Forecast f = new Forecaster(store, clock).forecast(request, p -> {});
    forecasts.put(key, f);
    return f;
  }

  private static List<Object> points(List<Forecast.Point> points, ZoneId zone, boolean days) {
    List<Object> out = new ArrayList<>();
    for (Forecast.Point p : points) {
      Map<String, Object> m = new LinkedHashMap<>();
      if (days) m.put("date", p.local().toLocalDate().toString());
      else m.put("start", p.start().atZone(zone).toOffsetDateTime().toString());
      m.put("forecast", round(p.forecast()));
      m.put("low", p.low() == null ? null : round(p.low()));
      m.put("high", p.high() == null ? null : round(p.high()));
      out.add(m);
    }
    return out;
  }

  /** What came, from {@link #ACTUAL_DAYS} days before the forecast's start (the core's {@link Forecaster#actuals}). */
  private List<Object> actuals(ForecastRequest r) {
    List<Object> out = new ArrayList<>();
    for (Forecaster.Actual a : new Forecaster(store, clock).actuals(r, ACTUAL_DAYS)) {
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
      throw ApiException.badRequest("Parameter 'source': '" + source + "' is not known; expected history (the"
          + " contacts that came) or forecast (a forecast made now).");
    }
    boolean fromForecast = source.equals("forecast");
    ZoneId zone = ApiParams.zone(ctx);
    LocalDate from = ApiParams.date(ctx, "from");
    LocalDate to = ApiParams.date(ctx, "to");
    if (to.isBefore(from)) {
      throw ApiException.badRequest("Parameter 'to' (" + to + ") is before 'from' (" + from + "); give to on or after"
          + " from.");
    }
    int days = (int) (to.toEpochDay() - from.toEpochDay() + 1);
    int maxDays = fromForecast ? ForecastRequest.MAX_HORIZON_DAYS : MAX_PLAN_DAYS;
    if (days > maxDays) {
      throw ApiException.badRequest("Parameter 'to': the plan covers " + days + " days; give at most " + maxDays
          + " days from 'from'" + (fromForecast ? " (the longest forecast)." : "."));
    }
    int interval = interval(ctx, Set.of(15, 30, 60), "15, 30 or 60");
    Double aht = positive(ctx, "aht", "the average handle time in seconds, such as 300");
    double serviceLevel = percent(ctx, "service_level", 80, false);
    double answerSeconds = nonNegative(ctx, "answer_seconds", 20);
    double shrinkage = percent(ctx, "shrinkage", 0, true);
    double maxOccupancy = percent(ctx, "max_occupancy", 100, false);
    Double patience = positive(ctx, "patience", "the customers' mean patience in seconds, such as 120");
    int concurrency = ApiParams.integer(ctx, "concurrency", 1, 1, 20);
    StaffingTarget target = StaffingTarget.serviceLevel(serviceLevel / 100, answerSeconds)
        .maxOccupancy(maxOccupancy / 100).shrinkage(shrinkage / 100).concurrency(concurrency)
        .patienceSeconds(patience).build();

    StaffingHistory.Period period = new StaffingHistory.Period(from, to, zone, Duration.ofMinutes(interval));
    String ahtSource = "given";
    Forecast forecast = null;
    StaffingPlan plan;
    if (fromForecast) {
      if (aht == null) {
        // days not yet come have no handle times: the channel's AHT over the four weeks before the plan
        StaffingHistory.Period before = new StaffingHistory.Period(from.minusDays(28), from.minusDays(1), zone,
            Duration.ofMinutes(interval));
        aht = ahtOf(channel, before);
        ahtSource = "history";
      }
      forecast = forecastOf(new ForecastRequest(channel, null, interval, days, zone, from, HISTORY_DAYS, Set.of()));
      List<IntervalVolume> volumes = forecast.intervals().stream().map(p -> new IntervalVolume(p.start(),
          Duration.between(p.start(), p.end()), Math.max(0, p.forecast()))).toList();
      plan = StaffingPlan.of(volumes, aht, target);
    } else {
      if (aht == null) {
        aht = ahtOf(channel, period);
        ahtSource = "history";
      }
      plan = StaffingPlan.of(StaffingHistory.volumes(store, channel, period), aht, target)
          .against(StaffingHistory.loggedIn(store, channel, period));
    }

    Map<String, Object> root = new LinkedHashMap<>();
    root.put("source", source);
    root.put("channel", channel);
    root.put("from", from.toString());
    root.put("to", to.toString());
    root.put("tz", zone.getId());
    root.put("interval_minutes", interval);
    root.put("aht", aht);
    root.put("aht_source", ahtSource);
    root.put("service_level_target", serviceLevel);
    root.put("answer_seconds", answerSeconds);
    root.put("shrinkage", shrinkage);
    root.put("max_occupancy", maxOccupancy);
    root.put("model", target.erlangA() ? "erlang_a" : "erlang_c");
    root.put("patience", target.patienceSeconds());
    root.put("forecast_model", forecast == null ? null : forecast.model().id());
    root.put("peak_agents", plan.peakAgents());
    root.put("agent_hours", plan.agentHours());
    root.put("scheduled_hours", plan.scheduledHours());
    List<Object> intervals = new ArrayList<>();
    for (StaffingPlan.Row r : plan.rows()) {
      QueueMetrics m = r.staffing().metrics();
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("start", r.volume().start().atZone(zone).toOffsetDateTime().toString());
      row.put("contacts", round(r.volume().contacts()));
      row.put("agents", r.agents());
      row.put("scheduled_agents", r.scheduledAgents());
      row.put("logged_in", r.loggedIn() == null ? null : round(r.loggedIn()));
      row.put("gap", r.gap() == null ? null : round(r.gap()));
      boolean none = r.volume().contacts() == 0;
      row.put("service_level", none ? null : m.serviceLevel() * 100);
      row.put("asa", none || !Double.isFinite(m.asaSeconds()) ? null : m.asaSeconds());
      row.put("occupancy", none ? null : m.occupancy() * 100);
      if (m.abandonment() != null) row.put("abandonment", none ? null : m.abandonment() * 100);
      intervals.add(row);
    }
    root.put("intervals", intervals);
    ctx.json(root);
  }

  private double ahtOf(String channel, StaffingHistory.Period p) {
    OptionalDouble v = StaffingHistory.aht(store, channel, p);
    if (v.isEmpty()) {
      throw ApiException.badRequest("Parameter 'aht' is missing and no answered inbound " + channel + " contact from "
          + p.from() + " to " + p.to() + " gives one; give aht in seconds, such as 300.");
    }
    return v.getAsDouble();
  }

  // --- parameters ----------------------------------------------------------------------------------------------------

  private static String required(Context ctx, String name, String what) {
    String v = blankToNull(ctx.queryParam(name));
    if (v == null) throw ApiException.badRequest("Parameter '" + name + "' is missing; expected " + what + ".");
    return v;
  }

  private static String blankToNull(String v) {
    return v == null || v.isBlank() ? null : v.strip();
  }

  private static int interval(Context ctx, Set<Integer> allowed, String expected) {
    String text = blankToNull(ctx.queryParam("interval"));
    if (text == null) return 30;
    String digits = text.endsWith("m") ? text.substring(0, text.length() - 1) : text;
    try {
      int v = Integer.parseInt(digits);
      if (allowed.contains(v)) return v;
    } catch (NumberFormatException e) {
      // answered below
    }
    throw ApiException.badRequest("Parameter 'interval': '" + text + "' is not an interval length; expected minutes: "
        + expected + ".");
  }

  private static LocalDate optionalDate(Context ctx, String name, LocalDate fallback) {
    String text = blankToNull(ctx.queryParam(name));
    return text == null ? fallback : parseDate(name, text);
  }

  private static LocalDate parseDate(String name, String text) {
    return ApiParams.parsed(name, () -> io.yardstick.Parse.date(text));
  }

  private static Double number(Context ctx, String name, String expected) {
    String text = blankToNull(ctx.queryParam(name));
    if (text == null) return null;
    try {
      double v = Double.parseDouble(text);
      if (Double.isFinite(v)) return v;
    } catch (NumberFormatException e) {
      // answered below
    }
    throw ApiException.badRequest("Parameter '" + name + "': '" + text + "' is not a number; expected " + expected
        + ".");
  }

  private static Double positive(Context ctx, String name, String expected) {
    Double v = number(ctx, name, expected);
    if (v != null && v <= 0) {
      throw ApiException.badRequest("Parameter '" + name + "': '" + ctx.queryParam(name) + "' must be more than 0;"
          + " expected " + expected + ".");
    }
    return v;
  }

  private static double nonNegative(Context ctx, String name, double fallback) {
    Double v = number(ctx, name, "seconds, 0 or more, such as 20");
    if (v == null) return fallback;
    if (v < 0) {
      throw ApiException.badRequest("Parameter '" + name + "': '" + ctx.queryParam(name) + "' must be 0 or more;"
          + " expected seconds, such as 20.");
    }
    return v;
  }

  /** A percentage 0-100, by the core's rule (as the CLI takes it); 100% service level is no target. */
  private static double percent(Context ctx, String name, double fallback, boolean zeroAllowed) {
    Double v = number(ctx, name, "a percentage from 0 to 100");
    if (v == null) return fallback;
    try {
      return io.yardstick.Parse.percentage(v, zeroAllowed, !name.equals("service_level"));
    } catch (io.yardstick.Parse.InvalidValueException e) {
      throw ApiException.badRequest("Parameter '" + name + "': " + e.getMessage());
    }
  }

  private static double round(double v) {
    return Math.round(v * 1000) / 1000.0;
  }
}
