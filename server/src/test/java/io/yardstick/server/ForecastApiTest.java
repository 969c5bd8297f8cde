package io.yardstick.server;

import static io.yardstick.server.TestServer.ANA;
import static io.yardstick.server.TestServer.MIA;
import static io.yardstick.server.TestServer.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.yardstick.server.ApiClient.Response;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Forecast and staffing over HTTP on the test server's demo (May and June 2026, Madrid): shapes,
 * the figures against the KPI API and each other, roles and the 400s that name the parameter.
 */
class ForecastApiTest {
  private static final String FORECAST =
      "/api/forecast?channel=phone&interval=30&horizon=14&tz=Europe/Madrid" + "&start=2026-06-17";

  private static TestServer server;
  private static ApiClient manager;
  private static ApiClient agent;

  @BeforeAll
  static void start() {
    server = TestServer.get();
    manager = ApiClient.loggedIn(server, MIA, PASSWORD);
    agent = ApiClient.loggedIn(server, ANA, PASSWORD);
  }

  private static List<String> fields(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  /** Issue 11, finding 6: a GET never writes; saving a forecast is a POST. */
  @Test
  void a_get_never_stores_a_forecast_and_a_post_does() {
    String count = "SELECT COUNT(DISTINCT made_at) FROM forecasts";
    long before = ((Number) server.store.query(count).get(0)[0]).longValue();
    assertThat(manager.get(FORECAST + "&save=true").status()).isEqualTo(400);
    assertThat(manager.get(FORECAST).status()).isEqualTo(200);
    assertThat(((Number) server.store.query(count).get(0)[0]).longValue()).isEqualTo(before);
    Response saved = manager.post(FORECAST, Map.of());
    assertThat(saved.status()).as(saved.body().toString()).isEqualTo(200);
    assertThat(saved.body().get("saved").asBoolean()).isTrue();
    assertThat(((Number) server.store.query(count).get(0)[0]).longValue()).isEqualTo(before + 1);
    assertThat(agent.post(FORECAST, Map.of()).status()).isEqualTo(403);
  }

  @Test
  void a_forecast_has_its_intervals_model_backtest_and_the_actuals_for_the_chart() {
    Response r = manager.get(FORECAST);
    assertThat(r.status()).as(r.body().toString()).isEqualTo(200);
    JsonNode f = r.body();
    assertThat(fields(f))
        .containsExactly(
            "channel",
            "queue",
            "tz",
            "interval_minutes",
            "start",
            "horizon_days",
            "made_at",
            "saved",
            "model",
            "level",
            "history",
            "accuracy",
            "backtest",
            "holidays",
            "holiday_ratio",
            "special_days",
            "special_intervals",
            "days",
            "intervals",
            "actuals");
    assertThat(f.get("saved").asBoolean()).isFalse();
    JsonNode intervals = f.get("intervals");
    assertThat(intervals).hasSize(14 * 48); // no clock change in June
    assertThat(fields(intervals.get(0))).containsExactly("start", "forecast", "low", "high");
    assertThat(intervals.get(0).get("start").asText()).isEqualTo("2026-06-17T00:00+02:00");
    for (JsonNode p : intervals) {
      assertThat(p.get("forecast").asDouble()).isGreaterThanOrEqualTo(0);
      if (!p.get("low").isNull()) {
        assertThat(p.get("low").asDouble())
            .isLessThanOrEqualTo(p.get("forecast").asDouble() + 1e-9);
        assertThat(p.get("high").asDouble())
            .isGreaterThanOrEqualTo(p.get("forecast").asDouble() - 1e-9);
      }
    }
    // the chosen model is the backtest's, and its accuracy is set against seasonal naive's
    String model = f.get("model").asText();
    JsonNode chosen = null;
    JsonNode naive = null;
    for (JsonNode m : f.get("backtest").get("models")) {
      if (m.get("chosen").asBoolean()) chosen = m;
      if (m.get("model").asText().equals("seasonal_naive")) naive = m;
    }
    assertThat(chosen).isNotNull();
    assertThat(chosen.get("model").asText()).isEqualTo(model);
    JsonNode accuracy = f.get("accuracy");
    assertThat(accuracy.get("wape").asDouble()).isEqualTo(chosen.get("wape").asDouble());
    assertThat(accuracy.get("seasonal_naive_wape").asDouble())
        .isEqualTo(naive.get("wape").asDouble());
    assertThat(accuracy.get("wape").asDouble()).isLessThanOrEqualTo(naive.get("wape").asDouble());

    // actuals: every half-hour from a week before the start to the end of the data's horizon (all
    // past)
    JsonNode actuals = f.get("actuals");
    assertThat(actuals).hasSize(21 * 48);
    assertThat(actuals.get(0).get("start").asText()).isEqualTo("2026-06-10T00:00+02:00");
    long week = 0;
    for (int i = 7 * 48; i < 14 * 48; i++) week += actuals.get(i).get("actual").asLong();
    long kpi =
        manager
            .get(
                "/api/kpi?from=2026-06-17&to=2026-06-23&tz=Europe/Madrid&kpi=contacts"
                    + "&where=channel%3Dphone&where=direction%3Dinbound")
            .body()
            .get("rows")
            .get(0)
            .get("kpis")
            .get("contacts")
            .asLong();
    assertThat(week).isEqualTo(kpi);
  }

  @Test
  void a_plan_from_history_has_required_and_scheduled_agents_and_the_gap_to_those_logged_in() {
    Response r =
        manager.get(
            "/api/staffing?channel=phone&from=2026-06-15&to=2026-06-15&tz=Europe/Madrid"
                + "&service_level=80&answer_seconds=20&shrinkage=30&max_occupancy=85");
    assertThat(r.status()).as(r.body().toString()).isEqualTo(200);
    JsonNode plan = r.body();
    assertThat(plan.get("source").asText()).isEqualTo("history");
    assertThat(plan.get("aht_source").asText()).isEqualTo("history");
    assertThat(plan.get("model").asText()).isEqualTo("erlang_c");
    JsonNode intervals = plan.get("intervals");
    assertThat(intervals).hasSize(48);
    assertThat(fields(intervals.get(0)))
        .containsExactly(
            "start",
            "contacts",
            "agents",
            "scheduled_agents",
            "logged_in",
            "gap",
            "service_level",
            "asa",
            "probability_wait",
            "occupancy");
    long contacts = 0;
    int peak = 0;
    for (JsonNode i : intervals) {
      contacts += i.get("contacts").asLong();
      peak = Math.max(peak, i.get("agents").asInt());
      assertThat(i.get("gap").asDouble())
          .isCloseTo(i.get("logged_in").asDouble() - i.get("agents").asInt(), within(0.002));
      // 30% shrinkage: scheduled = ceil(agents / 0.7)
      assertThat(i.get("scheduled_agents").asInt())
          .isEqualTo((int) Math.ceil(i.get("agents").asInt() / 0.7 - 1e-9));
      if (i.get("contacts").asDouble() > 0) {
        assertThat(i.get("service_level").asDouble()).isGreaterThanOrEqualTo(80);
        assertThat(i.get("occupancy").asDouble()).isLessThanOrEqualTo(85);
      }
    }
    assertThat(plan.get("peak_agents").asInt()).isEqualTo(peak).isPositive();
    JsonNode day =
        manager
            .get(
                "/api/kpi?from=2026-06-15&to=2026-06-15&tz=Europe/Madrid&kpi=contacts"
                    + "&where=channel%3Dphone&where=direction%3Dinbound")
            .body()
            .get("rows")
            .get(0)
            .get("kpis");
    assertThat(contacts).isEqualTo(day.get("contacts").asLong());
  }

  @Test
  void a_plan_from_the_forecast_staffs_the_forecast_volumes_with_the_aht_given() {
    JsonNode forecast =
        manager
            .get(
                "/api/forecast?channel=phone&interval=30&horizon=2&tz=Europe/Madrid"
                    + "&start=2026-06-20")
            .body();
    Response r =
        manager.get(
            "/api/staffing?channel=phone&source=forecast&from=2026-06-20&to=2026-06-21"
                + "&tz=Europe/Madrid&aht=300&service_level=90&answer_seconds=30");
    assertThat(r.status()).as(r.body().toString()).isEqualTo(200);
    JsonNode plan = r.body();
    assertThat(plan.get("aht").asDouble()).isEqualTo(300);
    assertThat(plan.get("aht_source").asText()).isEqualTo("given");
    assertThat(plan.get("forecast_model").asText()).isEqualTo(forecast.get("model").asText());
    JsonNode intervals = plan.get("intervals");
    assertThat(intervals).hasSize(96);
    for (int i = 0; i < intervals.size(); i++) {
      assertThat(intervals.get(i).get("start").asText())
          .isEqualTo(forecast.get("intervals").get(i).get("start").asText());
      assertThat(intervals.get(i).get("contacts").asDouble())
          .isCloseTo(forecast.get("intervals").get(i).get("forecast").asDouble(), within(0.001));
      assertThat(intervals.get(i).get("logged_in").isNull()).isTrue();
      assertThat(intervals.get(i).get("gap").isNull()).isTrue();
    }
  }

  /** Issue 20: Sant Joan (24 June) is a holiday in Catalonia (ES-CT), not in Spain as a whole. */
  @Test
  void a_holiday_calendar_lists_the_holidays_ahead_among_the_special_days() {
    JsonNode ct = manager.get(FORECAST + "&holidays=es-ct").body();
    JsonNode es = manager.get(FORECAST + "&holidays=ES").body();

    assertThat(ct.get("holidays").asText()).isEqualTo("ES-CT");
    List<String> ahead = new ArrayList<>();
    for (JsonNode s : ct.get("special_days")) {
      if (s.get("volume").isNull()) ahead.add(s.get("date").asText() + " " + s.get("why").asText());
    }
    assertThat(ahead).containsExactly("2026-06-24 holiday");
    assertThat(es.get("special_days").findValuesAsText("date")).doesNotContain("2026-06-24");
  }

  /** Issue 20: every channel and queue at once, each as /api/forecast would forecast it alone. */
  @Test
  void every_channel_and_queue_at_once() {
    Response r =
        manager.get("/api/forecast/all?interval=60&horizon=7&tz=Europe/Madrid&start=2026-06-17");
    assertThat(r.status()).as(r.body().toString()).isEqualTo(200);
    JsonNode series = r.body().get("series");
    assertThat(series.size()).isGreaterThan(1);
    JsonNode phone = null;
    for (JsonNode s : series) {
      if (s.get("channel").asText().equals("phone") && s.get("queue").isNull()) phone = s;
    }
    assertThat(phone).isNotNull();
    JsonNode alone =
        manager
            .get(
                "/api/forecast?channel=phone&interval=60&horizon=7&tz=Europe/Madrid"
                    + "&start=2026-06-17")
            .body();
    assertThat(phone.get("model").asText()).isEqualTo(alone.get("model").asText());
    assertThat(phone.get("days")).isEqualTo(alone.get("days"));
    assertThat(agent.get("/api/forecast/all").status()).isEqualTo(403);
  }

  @Test
  void bad_parameters_answer_400_naming_the_parameter() {
    String plan = "/api/staffing?channel=phone&from=2026-06-15&to=2026-06-15&tz=Europe/Madrid";
    Map<String, String> cases = new LinkedHashMap<>();
    cases.put(
        "/api/forecast?interval=30",
        "Parameter 'channel' is missing; expected the channel to forecast, such as" + " phone.");
    cases.put(
        FORECAST.replace("interval=30", "interval=20"),
        "Parameter 'interval': '20' is not an interval length;"
            + " expected minutes: 15, 30, 60 or 1440 (a day).");
    cases.put(
        FORECAST.replace("horizon=14", "horizon=90"),
        "Parameter 'horizon': '90' is not a whole number from 1" + " to 56.");
    cases.put(
        FORECAST.replace("start=2026-06-17", "start=17/06/2026"),
        "Parameter 'start': '17/06/2026' is not a"
            + " date; expected YYYY-MM-DD, such as 2026-03-01.");
    cases.put(
        FORECAST + "&save=true",
        "Parameter 'save': a GET never stores; POST /api/forecast with the same"
            + " parameters stores the forecast.");
    cases.put(
        FORECAST + "&holidays=XX",
        "Parameter 'holidays': Holiday calendar 'XX' is unknown: give 'holidays' as a"
            + " country code such as ES, RO or US, optionally with a region (ES-CT, US-NY).");
    cases.put(
        FORECAST + "&keep_special_days=yes",
        "Parameter 'keep_special_days': 'yes' is not true or false.");
    cases.put(
        plan + "&service_level=0.8",
        "Parameter 'service_level': 0.8 looks like a fraction; give a percentage"
            + " from 0 to 100, such as 80.");
    cases.put(
        plan + "&shrinkage=150",
        "Parameter 'shrinkage': 150 is out of range; expected a percentage from 0 up" + " to 100.");
    cases.put(
        plan + "&aht=abc",
        "Parameter 'aht': 'abc' is not a number; expected the average handle time in"
            + " seconds, such as 300.");
    // Issue 13: one number parser (Parse): an infinite value is no number either.
    cases.put(
        plan + "&patience=1e999",
        "Parameter 'patience': '1e999' is not a number; expected the customers' mean patience in"
            + " seconds, such as 120.");
    cases.put(
        plan + "&source=guess",
        "Parameter 'source': 'guess' is not known; expected history (the contacts that"
            + " came) or forecast (a forecast made now).");
    cases.put(
        plan + "&interval=1440",
        "Parameter 'interval': '1440' is not an interval length; expected minutes: 15,"
            + " 30 or 60.");
    cases.put(
        plan.replace("to=2026-06-15", "to=2026-06-01"),
        "Parameter 'to' (2026-06-01) is before 'from'"
            + " (2026-06-15); give to on or after from.");
    cases.forEach(
        (path, details) -> {
          Response r = manager.get(path);
          assertThat(r.status()).as(path).isEqualTo(400);
          assertThat(r.body().get("details").asText()).as(path).isEqualTo(details);
        });
  }

  @Test
  void agents_may_not_read_forecasts_or_plans_and_openapi_describes_both() {
    assertThat(agent.get(FORECAST).status()).isEqualTo(403);
    assertThat(agent.get("/api/staffing?channel=phone&from=2026-06-15&to=2026-06-15").status())
        .isEqualTo(403);
    assertThat(new ApiClient(server).get(FORECAST).status()).isEqualTo(401);
    JsonNode paths = new ApiClient(server).get("/openapi.json").body().get("paths");
    assertThat(fields(paths))
        .contains("/api/forecast", "/api/staffing", "/api/goals", "/api/goals/{id}");
  }
}
