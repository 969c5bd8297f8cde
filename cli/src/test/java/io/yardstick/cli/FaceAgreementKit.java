package io.yardstick.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.yardstick.demo.ContactCenterSimulation;
import io.yardstick.demo.DemoSettings;
import io.yardstick.kpi.Consistency;
import io.yardstick.kpi.Dimension;
import io.yardstick.kpi.Filter;
import io.yardstick.kpi.Kpi;
import io.yardstick.kpi.KpiEngine;
import io.yardstick.kpi.KpiQuery;
import io.yardstick.kpi.KpiResult;
import io.yardstick.kpi.KpiSettings;
import io.yardstick.server.YardstickServer;
import io.yardstick.store.Loader;
import io.yardstick.store.Store;
import io.yardstick.user.Role;
import io.yardstick.user.Users;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Issue 10's agreement suite: the same question asked through the engine, the command line's JSON
 * and every API route that shows the KPI gives the identical value (not close: identical), on each
 * store (one subclass per store). A new page or route that shows a KPI joins here.
 *
 * <p>Slices: overall (whole catalog), by channel, by agent (every agent KPI: {@code kpi --by
 * agent}, /api/kpi, /api/agents, each agent's report and the consistency report's values pooled and
 * within channels), by week (/api/series and the agent report's weekly series), a
 * customer-attribute filter, compare previous, topics (CLI and API), a goal's current value, and a
 * rolling window (the computation of an alert's measured value) over whole local days. The data: a
 * simulated contact center (3,000 contacts over the 61 days to 2026-06-30 in Madrid, seed 11), so
 * agents work several channels, surveys, agent states and customer attributes are all there.
 *
 * <p>The command line runs first, while no server holds the store (an embedded DuckDB file is one
 * process's at a time); then the server starts on the same store, and the engine's answer is the
 * truth every face must repeat.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class FaceAgreementKit {
  static final ObjectMapper JSON = new ObjectMapper();
  static final ZoneId MADRID = ZoneId.of("Europe/Madrid");
  static final LocalDate FROM = LocalDate.of(2026, 6, 1);
  static final LocalDate TO = LocalDate.of(2026, 6, 30);
  static final String PERIOD = "from=" + FROM + "&to=" + TO + "&tz=" + MADRID.getId();

  private String location;
  private Store store;
  private KpiEngine engine;
  private YardstickServer server;
  private String token;
  private final HttpClient http = HttpClient.newHttpClient();

  /** The CLI's answers, asked before the server started, by their arguments. */
  private final Map<String, JsonNode> cli = new HashMap<>();

  /** A new, empty store's location (a DuckDB file or a PostgreSQL URL), for {@code --db}. */
  protected abstract String newLocation() throws Exception;

  @BeforeAll
  void loadAskTheCliAndServe() throws Exception {
    location = newLocation();
    try (Store s = Store.open(location);
        Loader loader = s.loader()) {
      new ContactCenterSimulation(new DemoSettings(3_000, 61, 11, TO, MADRID)).run(loader, n -> {});
      loader.commit();
    }
    for (List<String> args : cliQuestions()) {
      cli.put(String.join(" ", args), cliJson(args));
    }
    store = Store.open(location);
    engine = new KpiEngine(store, KpiSettings.defaults());
    // The server's time: the morning after the data (then ticking), so no answer depends on the day
    // the test runs.
    Clock clock =
        Clock.offset(
            Clock.systemUTC(),
            java.time.Duration.between(
                java.time.Instant.now(),
                TO.plusDays(1).atTime(8, 0).toInstant(java.time.ZoneOffset.UTC)));
    Users users = new Users(store, clock);
    users.add("mia", Role.MANAGER, null, "agreement-pass-1", false);
    token = users.createToken("mia", "agreement");
    server = YardstickServer.start(store, KpiSettings.defaults(), clock, 0);
  }

  @AfterAll
  void stop() {
    if (server != null) server.close();
    if (store != null) store.close();
  }

  // ---------------------------------------------------------------------------------------------------------------
  // The questions

  static final String AGENT_KPIS =
      String.join(",", Consistency.agentKpis().stream().map(Kpi::id).toList());
  static final String ATTRIBUTE = "age=30..50";

  private static List<List<String>> cliQuestions() {
    return List.of(
        kpi(),
        kpi("--by", "channel"),
        kpi("--by", "agent", "--kpi", AGENT_KPIS),
        kpi("--by", "agent,channel", "--kpi", AGENT_KPIS),
        kpi("--by", "week"),
        kpi("--where", ATTRIBUTE),
        kpi("--by", "channel", "--compare", "previous"),
        consistency("channel"),
        consistency("none"),
        period("topics", "--limit", "0"),
        FORECAST,
        STAFF_HISTORY,
        STAFF_FORECAST);
  }

  static final List<String> FORECAST =
      List.of(
          "forecast",
          "--channel",
          "phone",
          "--interval",
          "30m",
          "--horizon",
          "7d",
          "--start",
          "2026-06-24",
          "--tz",
          MADRID.getId(),
          "--no-save",
          "--format",
          "json");
  static final List<String> STAFF_HISTORY =
      List.of(
          "staff",
          "--from-history",
          "--channel",
          "phone",
          "--from",
          "2026-06-22",
          "--to",
          "2026-06-23",
          "--tz",
          MADRID.getId(),
          "--interval-minutes",
          "30",
          "--service-level",
          "85",
          "--shrinkage",
          "30",
          "--format",
          "json");
  static final List<String> STAFF_FORECAST =
      List.of(
          "staff",
          "--from-forecast",
          "--channel",
          "phone",
          "--from",
          "2026-06-24",
          "--to",
          "2026-06-25",
          "--tz",
          MADRID.getId(),
          "--interval-minutes",
          "30",
          "--aht",
          "240",
          "--format",
          "json");

  private static List<String> kpi(String... more) {
    return period("kpi", more);
  }

  private static List<String> consistency(String split) {
    return period("consistency", "--split", split, "--min-contacts", "1");
  }

  private static List<String> period(String verb, String... more) {
    List<String> args =
        new ArrayList<>(
            List.of(
                verb,
                "--from",
                FROM.toString(),
                "--to",
                TO.toString(),
                "--tz",
                MADRID.getId(),
                "--format",
                "json"));
    args.addAll(List.of(more));
    return args;
  }

  private KpiQuery query(List<Kpi> kpis) {
    return KpiQuery.of(FROM, TO, MADRID).withKpis(kpis);
  }

  private static List<Dimension> by(String... names) {
    return java.util.Arrays.stream(names).map(Dimension::of).toList();
  }

  @Test
  void overall_every_kpi_agrees_on_cli_and_api() {
    KpiResult truth = engine.compute(query(List.of(Kpi.values())));
    assertSame("kpi (CLI)", truth, cli.get(String.join(" ", kpi())));
    assertSame("/api/kpi", truth, api("/api/kpi?" + PERIOD));
  }

  @Test
  void by_channel_agrees_on_cli_and_api() {
    KpiResult truth = engine.compute(query(List.of(Kpi.values())).withGroupBy(by("channel")));
    assertSame("kpi --by channel (CLI)", truth, cli.get(String.join(" ", kpi("--by", "channel"))));
    assertSame("/api/kpi?by=channel", truth, api("/api/kpi?" + PERIOD + "&by=channel"));
  }

  @Test
  void by_agent_agrees_on_cli_kpi_api_agents_every_agent_report_and_consistency() {
    KpiResult truth = engine.compute(query(Consistency.agentKpis()).withGroupBy(by("agent")));
    assertThat(truth.rows()).hasSizeGreaterThan(10);
    assertSame(
        "kpi --by agent (CLI)",
        truth,
        cli.get(String.join(" ", kpi("--by", "agent", "--kpi", AGENT_KPIS))));
    assertSame(
        "/api/kpi?by=agent", truth, api("/api/kpi?" + PERIOD + "&by=agent&kpi=" + AGENT_KPIS));
    assertSame("/api/agents", truth, api("/api/agents?" + PERIOD + "&kpi=" + AGENT_KPIS));

    // Each agent's report: its own row, and its team's (a manager sees the team's numbers).
    List<String> mismatches = new ArrayList<>();
    for (KpiResult.Row row : truth.rows().subList(1, truth.rows().size())) {
      String agent = row.group().get("agent");
      if (agent == null) continue;
      JsonNode report = api("/api/agents/" + agent + "?" + PERIOD + "&kpi=" + AGENT_KPIS);
      compareRow(
          "/api/agents/" + agent + " kpis",
          row.values(),
          report.get("kpis").get("rows").get(0).get("kpis"),
          mismatches);
      String team = report.get("team").isNull() ? null : report.get("team").asText();
      if (team != null && report.hasNonNull("team_kpis")) {
        KpiResult teamTruth =
            engine.compute(
                query(Consistency.agentKpis())
                    .withFilters(
                        List.of(new Filter(Dimension.of("team"), List.of(team), null, null))));
        compareRow(
            "/api/agents/" + agent + " team_kpis",
            teamTruth.overall().values(),
            report.get("team_kpis").get("rows").get(0).get("kpis"),
            mismatches);
      }
    }
    assertThat(mismatches).as("per-agent values that differ from kpi --by agent").isEmpty();

    // The consistency report, pooled: every value is the agent's row of kpi --by agent.
    Map<String, Map<Kpi, Number>> byAgent = new HashMap<>();
    truth.rows().forEach(r -> byAgent.put(r.group().get("agent"), r.values()));
    assertConsistency(
        "consistency --split none (CLI)",
        cli.get(String.join(" ", consistency("none"))),
        byAgent,
        false);
    assertConsistency(
        "/api/consistency?split=none",
        api("/api/consistency?" + PERIOD + "&split=none&min_contacts=1"),
        byAgent,
        false);
  }

  @Test
  void consistency_within_channels_takes_each_value_from_kpi_by_agent_and_channel() {
    KpiResult truth =
        engine.compute(query(Consistency.agentKpis()).withGroupBy(by("agent", "channel")));
    assertSame(
        "kpi --by agent,channel (CLI)",
        truth,
        cli.get(String.join(" ", kpi("--by", "agent,channel", "--kpi", AGENT_KPIS))));
    Map<String, Map<Kpi, Number>> byAgentChannel = new HashMap<>();
    truth
        .rows()
        .forEach(
            r ->
                byAgentChannel.put(
                    r.group().get("agent") + "|" + r.group().get("channel"), r.values()));
    KpiResult agents = engine.compute(query(Consistency.agentKpis()).withGroupBy(by("agent")));
    agents.rows().forEach(r -> byAgentChannel.put(r.group().get("agent") + "|null", r.values()));
    JsonNode viaCli = cli.get(String.join(" ", consistency("channel")));
    assertConsistency("consistency (CLI)", viaCli, byAgentChannel, true);
    assertConsistency(
        "/api/consistency",
        api("/api/consistency?" + PERIOD + "&min_contacts=1"),
        byAgentChannel,
        true);
    // Like with like: the first response times of phone and of e-mail agents are separate rows;
    // abandonment is no
    // agent KPI.
    List<String> frtChannels = new ArrayList<>();
    viaCli
        .get("kpis")
        .forEach(
            k -> {
              if (k.get("kpi").asText().equals("frt_median"))
                frtChannels.add(k.get("channel").asText());
            });
    assertThat(frtChannels).contains("phone", "email");
    assertThat(viaCli.toString()).doesNotContain("abandonment_rate");
  }

  @Test
  void by_week_agrees_on_cli_series_and_the_agent_reports_weekly_series() {
    KpiResult truth = engine.compute(query(List.of(Kpi.values())).withGroupBy(by("week")));
    assertSame("kpi --by week (CLI)", truth, cli.get(String.join(" ", kpi("--by", "week"))));
    KpiResult contacts =
        engine.compute(query(List.of(Kpi.CONTACTS, Kpi.AHT, Kpi.CSAT)).withGroupBy(by("week")));
    assertSame(
        "/api/series?unit=week",
        contacts,
        api("/api/series?" + PERIOD + "&unit=week&kpi=contacts,aht,csat"));

    String agent = "agent-003";
    KpiResult agentWeeks =
        engine.compute(
            query(Consistency.agentKpis())
                .withGroupBy(by("week"))
                .withFilters(
                    List.of(new Filter(Dimension.of("agent"), List.of(agent), null, null))));
    assertSame(
        "/api/agents/" + agent + " series",
        agentWeeks,
        api("/api/agents/" + agent + "?" + PERIOD + "&kpi=" + AGENT_KPIS).get("series"));
  }

  @Test
  void a_customer_attribute_filter_agrees_on_cli_and_api() {
    KpiResult truth =
        engine.compute(query(List.of(Kpi.values())).withFilters(List.of(Filter.parse(ATTRIBUTE))));
    assertThat(truth.overall().value(Kpi.CONTACTS).longValue()).isPositive();
    assertSame(
        "kpi --where " + ATTRIBUTE + " (CLI)",
        truth,
        cli.get(String.join(" ", kpi("--where", ATTRIBUTE))));
    assertSame(
        "/api/kpi?where=" + ATTRIBUTE,
        truth,
        api(
            "/api/kpi?"
                + PERIOD
                + "&where="
                + URLEncoder.encode(ATTRIBUTE, StandardCharsets.UTF_8)));
  }

  @Test
  void compare_previous_agrees_on_cli_and_api_value_and_previous() {
    KpiResult truth =
        engine.compute(
            query(List.of(Kpi.values())).withGroupBy(by("channel")).withComparePrevious(true));
    assertSame(
        "kpi --compare previous (CLI)",
        truth,
        cli.get(String.join(" ", kpi("--by", "channel", "--compare", "previous"))));
    assertSame(
        "/api/kpi?compare=previous",
        truth,
        api("/api/kpi?" + PERIOD + "&by=channel&compare=previous"));
  }

  @Test
  void topics_agree_with_kpi_by_topic_on_cli_and_api() {
    KpiResult truth =
        engine.compute(
            query(List.of(Kpi.CONTACTS, Kpi.FCR, Kpi.CSAT, Kpi.AHT)).withGroupBy(by("topic")));
    Map<String, Map<Kpi, Number>> byTopic = new HashMap<>();
    truth.rows().forEach(r -> byTopic.put(r.group().get("topic"), r.values()));
    for (Map.Entry<String, JsonNode> face :
        Map.of(
                "topics (CLI)",
                cli.get(String.join(" ", period("topics", "--limit", "0"))),
                "/api/topics",
                api("/api/topics?" + PERIOD + "&limit=0"))
            .entrySet()) {
      List<String> mismatches = new ArrayList<>();
      assertThat(face.getValue().get("topics")).as(face.getKey()).hasSizeGreaterThan(3);
      for (JsonNode t : face.getValue().get("topics")) {
        Map<Kpi, Number> expected = byTopic.get(t.get("topic").asText());
        Map<String, Kpi> fields =
            Map.of("contacts", Kpi.CONTACTS, "fcr", Kpi.FCR, "csat", Kpi.CSAT, "aht", Kpi.AHT);
        fields.forEach(
            (field, k) ->
                compareValue(
                    face.getKey() + " " + t.get("topic").asText(),
                    k,
                    expected.get(k),
                    t.get(field),
                    mismatches));
      }
      assertThat(mismatches).as(face.getKey()).isEmpty();
    }
  }

  @Test
  void a_goals_current_value_is_the_kpi_of_its_segment_and_period() {
    JsonNode made =
        post(
            "/api/goals",
            Map.of(
                "name",
                "agreement",
                "kpi",
                "csat",
                "where",
                List.of("channel=phone"),
                "target",
                90,
                "from",
                FROM.toString(),
                "by",
                TO.toString(),
                "tz",
                MADRID.getId()));
    long id = made.get("goal").get("id").asLong();
    KpiResult truth =
        engine.compute(
            query(List.of(Kpi.CSAT)).withFilters(List.of(Filter.parse("channel=phone"))));
    JsonNode shown = api("/api/goals/" + id);
    List<String> mismatches = new ArrayList<>();
    compareValue(
        "/api/goals/" + id + " current",
        Kpi.CSAT,
        truth.overall().value(Kpi.CSAT),
        shown.get("current"),
        mismatches);
    for (JsonNode g : api("/api/goals").get("goals")) {
      if (g.get("goal").get("id").asLong() == id) {
        compareValue(
            "/api/goals current",
            Kpi.CSAT,
            truth.overall().value(Kpi.CSAT),
            g.get("current"),
            mismatches);
      }
    }
    assertThat(mismatches).isEmpty();
    assertThat(shown.get("current").isNumber()).isTrue();
  }

  @Test
  void a_rolling_window_over_whole_local_days_is_the_kpi_of_those_days() {
    // Alert rules measure with computeWindow over instants; over whole local days (across the
    // period's DST-free June
    // and with a queue filter) it must be the day query's number.
    List<Kpi> kpis =
        List.of(
            Kpi.CONTACTS,
            Kpi.ABANDONMENT_RATE,
            Kpi.SERVICE_LEVEL,
            Kpi.ASA,
            Kpi.AHT,
            Kpi.CSAT,
            Kpi.FRT_MEDIAN);
    List<Filter> filters = List.of(Filter.parse("channel=phone"));
    LocalDate first = LocalDate.of(2026, 6, 8);
    LocalDate last = LocalDate.of(2026, 6, 14);
    KpiResult.Row window =
        engine.computeWindow(
            first.atStartOfDay(MADRID).toInstant(),
            last.plusDays(1).atStartOfDay(MADRID).toInstant(),
            MADRID,
            kpis,
            filters);
    KpiResult days =
        engine.compute(KpiQuery.of(first, last, MADRID).withKpis(kpis).withFilters(filters));
    List<String> mismatches = new ArrayList<>();
    for (Kpi k : kpis) {
      Number a = days.overall().value(k);
      Number b = window.value(k);
      if (a == null ? b != null : b == null || a.doubleValue() != b.doubleValue()) {
        mismatches.add(k.id() + ": days " + a + ", window " + b);
      }
    }
    assertThat(mismatches).isEmpty();
  }

  @Test
  void a_forecast_and_a_staffing_plan_are_the_same_json_from_the_cli_and_the_api() {
    // The same forecast (made_at is when each was made; the API adds what came, actuals).
    JsonNode viaCli = cli.get(String.join(" ", FORECAST)).deepCopy();
    JsonNode viaApi =
        api("/api/forecast?channel=phone&interval=30&horizon=7&start=2026-06-24&tz=Europe/Madrid")
            .deepCopy();
    for (JsonNode n : List.of(viaCli, viaApi)) {
      ((com.fasterxml.jackson.databind.node.ObjectNode) n).remove(List.of("made_at", "actuals"));
    }
    assertThat(viaApi).isEqualTo(viaCli);
    assertThat(viaCli.get("intervals")).hasSize(7 * 48);

    // Staffing from history (AHT measured over the plan's days) and from a forecast (AHT given).
    assertThat(
            api(
                "/api/staffing?channel=phone&source=history&from=2026-06-22&to=2026-06-23&tz=Europe/Madrid"
                    + "&interval=30&service_level=85&shrinkage=30"))
        .isEqualTo(cli.get(String.join(" ", STAFF_HISTORY)));
    JsonNode plan =
        api(
            "/api/staffing?channel=phone&source=forecast&from=2026-06-24&to=2026-06-25&tz=Europe/Madrid"
                + "&interval=30&aht=240");
    assertThat(plan).isEqualTo(cli.get(String.join(" ", STAFF_FORECAST)));
    assertThat(plan.get("forecast_model").isNull()).isFalse();
    assertThat(plan.get("intervals")).hasSize(2 * 48);
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Faces and comparison

  private JsonNode cliJson(List<String> args) {
    List<String> all = new ArrayList<>(args);
    all.addAll(List.of("--db", location));
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(all.toArray(String[]::new), new PrintWriter(out), new PrintWriter(err));
    assertThat(code).as(String.join(" ", args) + ": " + err).isZero();
    try {
      return JSON.readTree(out.toString());
    } catch (Exception e) {
      throw new AssertionError(String.join(" ", args) + " printed no JSON: " + out, e);
    }
  }

  private JsonNode api(String pathAndQuery) {
    return send(HttpRequest.newBuilder(uri(pathAndQuery)).GET(), pathAndQuery);
  }

  private JsonNode post(String path, Object body) {
    try {
      return send(
          HttpRequest.newBuilder(uri(path))
              .header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))),
          path);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private URI uri(String pathAndQuery) {
    return URI.create("http://localhost:" + server.port() + pathAndQuery);
  }

  private JsonNode send(HttpRequest.Builder request, String what) {
    try {
      HttpResponse<String> r =
          http.send(
              request.header("Authorization", "Bearer " + token).build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(r.statusCode()).as(what + ": " + r.body()).isBetween(200, 201);
      return JSON.readTree(r.body());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * Every row of the engine's result is in the face's JSON rows with identical values (and previous
   * values).
   */
  private static void assertSame(String face, KpiResult truth, JsonNode json) {
    Map<Map<String, String>, JsonNode> rows = new LinkedHashMap<>();
    for (JsonNode r : json.get("rows")) {
      Map<String, String> group = new LinkedHashMap<>();
      r.get("group")
          .properties()
          .forEach(
              e -> group.put(e.getKey(), e.getValue().isNull() ? null : e.getValue().asText()));
      rows.put(group, r.get("kpis"));
    }
    List<String> mismatches = new ArrayList<>();
    assertThat(rows).as(face + ": its rows").hasSize(truth.rows().size());
    for (KpiResult.Row row : truth.rows()) {
      JsonNode values = rows.get(row.group());
      if (values == null) {
        mismatches.add(face + ": no row " + row.group());
        continue;
      }
      if (truth.query().comparePrevious()) {
        for (Kpi k : truth.query().kpis()) {
          compareValue(
              face + " " + row.group() + " previous",
              k,
              row.previous().get(k),
              values.get(k.id()).get("previous"),
              mismatches);
          compareValue(
              face + " " + row.group(),
              k,
              row.value(k),
              values.get(k.id()).get("value"),
              mismatches);
        }
      } else {
        compareRow(face + " " + row.group(), row.values(), values, mismatches);
      }
    }
    assertThat(mismatches).as(face).isEmpty();
  }

  private static void compareRow(
      String where, Map<Kpi, Number> expected, JsonNode values, List<String> mismatches) {
    for (Map.Entry<Kpi, Number> e : expected.entrySet()) {
      compareValue(where, e.getKey(), e.getValue(), values.get(e.getKey().id()), mismatches);
    }
  }

  private static void compareValue(
      String where, Kpi k, Number expected, JsonNode shown, List<String> mismatches) {
    boolean same =
        expected == null
            ? shown == null || shown.isNull()
            : shown != null && shown.isNumber() && shown.asDouble() == expected.doubleValue();
    if (!same) mismatches.add(where + " " + k.id() + ": engine " + expected + ", shown " + shown);
  }

  /**
   * Every value the consistency report names (its agents' values and outliers) is the engine's for
   * that group.
   */
  private static void assertConsistency(
      String face, JsonNode json, Map<String, Map<Kpi, Number>> truth, boolean byChannel) {
    List<String> mismatches = new ArrayList<>();
    int compared = 0;
    for (JsonNode spread : json.get("kpis")) {
      Kpi k = Kpi.byId(spread.get("kpi").asText()).orElseThrow();
      String channel = spread.get("channel").isNull() ? "null" : spread.get("channel").asText();
      if (!byChannel) assertThat(channel).as(face + " " + k.id()).isEqualTo("null");
      List<JsonNode> named = new ArrayList<>();
      spread.get("values").forEach(named::add);
      spread.get("outliers").forEach(named::add);
      assertThat(spread.get("values"))
          .as(face + " " + k.id() + " " + channel)
          .hasSize(spread.get("agents").asInt());
      for (JsonNode v : named) {
        String key = v.get("agent").asText() + (byChannel ? "|" + channel : "");
        Map<Kpi, Number> row = truth.get(key);
        compareValue(
            face + " " + key, k, row == null ? null : row.get(k), v.get("value"), mismatches);
        compared++;
      }
    }
    assertThat(compared).as(face + ": values compared").isGreaterThan(100);
    assertThat(mismatches).as(face).isEmpty();
  }
}
