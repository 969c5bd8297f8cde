package io.yardstick.server;

import static io.yardstick.server.TestServer.ANA;
import static io.yardstick.server.TestServer.ANA_AGENT;
import static io.yardstick.server.TestServer.MIA;
import static io.yardstick.server.TestServer.PASSWORD;
import static io.yardstick.server.TestServer.ROOT;
import static io.yardstick.server.TestServer.period;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.yardstick.kpi.Kpi;
import io.yardstick.server.ApiClient.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The JSON API against a running server on a free port, with java.net.http: shapes, errors, roles
 * and CSRF.
 */
class ApiTest {
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

  @Test
  void every_api_path_answers_401_without_a_login() {
    ApiClient nobody = new ApiClient(server);
    for (String path :
        List.of(
            "/api/me",
            "/api/kpis",
            "/api/kpi?" + period(),
            "/api/series?" + period(),
            "/api/agents?" + period(),
            "/api/agents/agent-001?" + period(),
            "/api/consistency?" + period(),
            "/api/topics?" + period(),
            "/api/contacts?" + period(),
            "/api/extent",
            "/api/users")) {
      Response r = nobody.get(path);
      assertThat(r.status()).as(path).isEqualTo(401);
      assertThat(fields(r.body())).as(path).containsExactly("title", "status", "type", "details");
      assertThat(r.body().get("details").asText()).startsWith("Log in first");
    }
  }

  @Test
  void login_answers_the_user_and_a_csrf_token_and_refuses_a_wrong_password() {
    Response ok =
        new ApiClient(server).post("/api/login", Map.of("name", MIA, "password", PASSWORD));
    assertThat(ok.status()).isEqualTo(200);
    assertThat(fields(ok.body()))
        .containsExactly("name", "role", "agent_id", "must_change_password", "csrf");
    assertThat(ok.body().get("role").asText()).isEqualTo("manager");
    Response wrong =
        new ApiClient(server).post("/api/login", Map.of("name", MIA, "password", "nope-nope-nope"));
    assertThat(wrong.status()).isEqualTo(401);
    assertThat(wrong.body().get("details").asText())
        .isEqualTo("The name or the password is wrong.");
  }

  @Test
  void me_names_the_user_with_the_csrf_token_of_the_session() {
    JsonNode me = manager.get("/api/me").body();
    assertThat(me.get("name").asText()).isEqualTo(MIA);
    assertThat(me.get("csrf").asText()).isEqualTo(manager.csrf());
    assertThat(agent.get("/api/me").body().get("agent_id").asText()).isEqualTo(ANA_AGENT);
  }

  @Test
  void kpis_lists_the_whole_catalog_with_definitions() {
    JsonNode kpis = manager.get("/api/kpis").body().get("kpis");
    List<String> ids =
        StreamSupport.stream(kpis.spliterator(), false).map(k -> k.get("id").asText()).toList();
    assertThat(ids).isEqualTo(Kpi.ids());
    JsonNode asa = kpis.get(ids.indexOf("asa"));
    assertThat(asa.get("unit").asText()).isEqualTo("seconds");
    assertThat(asa.get("better").asText()).isEqualTo("lower");
    assertThat(asa.get("definition").asText()).isEqualTo(Kpi.ASA.formula());
    assertThat(kpis.get(ids.indexOf("service_level")).get("benchmark").get("low").asDouble())
        .isEqualTo(80.0);
  }

  @Test
  void kpi_answers_values_with_the_previous_period() {
    JsonNode r = manager.get("/api/kpi?" + period() + "&kpi=contacts,asa&compare=previous").body();
    assertThat(fields(r))
        .containsExactly(
            "from", "to", "tz", "previous_from", "previous_to", "rows", "answered_from");
    // The test store keeps no rollups (they are off until 'yardstick rollups rebuild').
    assertThat(r.get("answered_from").asText()).isEqualTo("scan");
    assertThat(r.get("previous_from").asText()).isEqualTo("2026-05-02");
    JsonNode contacts = r.get("rows").get(0).get("kpis").get("contacts");
    assertThat(fields(contacts)).containsExactly("value", "previous", "change", "change_percent");
    assertThat(contacts.get("value").asLong()).isPositive();
    assertThat(contacts.get("change").asLong())
        .isEqualTo(contacts.get("value").asLong() - contacts.get("previous").asLong());
  }

  @Test
  void series_lists_every_day_of_the_period_after_the_overall_row() {
    JsonNode rows =
        manager.get("/api/series?" + period() + "&kpi=contacts&unit=day").body().get("rows");
    assertThat(rows.size()).isEqualTo(1 + 30);
    assertThat(rows.get(1).get("group").get("day").asText()).isEqualTo("2026-06-01");
    long sum = 0;
    for (int i = 1; i < rows.size(); i++) sum += rows.get(i).get("kpis").get("contacts").asLong();
    assertThat(sum).isEqualTo(rows.get(0).get("kpis").get("contacts").asLong());
  }

  @Test
  void agents_consistency_topics_and_the_agent_report_have_their_shapes() {
    JsonNode agents = manager.get("/api/agents?" + period() + "&kpi=contacts,csat").body();
    assertThat(agents.get("rows").get(1).get("group").has("agent")).isTrue();
    JsonNode consistency = manager.get("/api/consistency?" + period() + "&kpi=aht").body();
    assertThat(fields(consistency))
        .containsExactly(
            "from", "to", "tz", "min_contacts", "split", "agents", "kpis", "unmeasured");
    assertThat(fields(consistency.get("kpis").get(0)))
        .contains("kpi", "channel", "agents", "mean", "median", "q1", "q3", "outliers", "values");
    JsonNode topics = manager.get("/api/topics?" + period() + "&limit=3").body();
    assertThat(topics.get("topics").size()).isEqualTo(3);
    // Issue 12, part 13: the pages say what a spike is, from the rule itself.
    assertThat(topics.get("spike_rule").toString())
        .isIn("{\"ratio\":1.5,\"share_points\":1.0}", "{\"share_points\":1.0,\"ratio\":1.5}");
    assertThat(fields(topics.get("topics").get(0)))
        .containsExactly(
            "topic",
            "contacts",
            "share",
            "previous_contacts",
            "previous_share",
            "change_percent",
            "fcr",
            "csat",
            "aht",
            "spike");
    JsonNode report = manager.get("/api/agents/agent-001?" + period() + "&kpi=csat").body();
    assertThat(fields(report))
        .containsExactly(
            "agent", "team", "kpis", "series", "team_kpis", "team_per_agent", "team_series");
    // Issue 12, part 8: a team's count stands beside one agent's as the team's count per agent with
    // contacts.
    JsonNode perAgent =
        manager
            .get("/api/agents/agent-001?" + period() + "&kpi=contacts")
            .body()
            .get("team_per_agent");
    JsonNode teamContacts =
        manager
            .get("/api/agents/agent-001?" + period() + "&kpi=contacts")
            .body()
            .get("team_kpis")
            .get("rows")
            .get(0)
            .get("kpis")
            .get("contacts");
    assertThat(perAgent.get("agents").asInt()).isGreaterThan(1);
    assertThat(perAgent.get("kpis").get("contacts").asDouble())
        .isEqualTo(teamContacts.asDouble() / perAgent.get("agents").asInt());
  }

  @Test
  void contacts_pages_through_the_rows_behind_a_kpi() {
    JsonNode all = manager.get("/api/contacts?" + period() + "&kpi=abandonment_rate&size=5").body();
    assertThat(fields(all))
        .containsExactly(
            "kpi", "rows_of", "denominator", "total", "page", "size", "columns", "rows");
    assertThat(all.get("rows").size()).isEqualTo(5);
    // The denominator's rows (answered inbound and long abandons), the abandoned ones marked as the
    // numerator.
    long abandoned = 0;
    for (JsonNode c : all.get("rows")) {
      assertThat(c.get("direction").asText()).isEqualTo("inbound");
      boolean isAbandoned = c.get("answered_at").isNull();
      assertThat(c.get("counted").isNull()).isEqualTo(!isAbandoned);
      if (isAbandoned) abandoned++;
    }
    assertThat(abandoned).isLessThan(5);
    long total = all.get("total").asLong();
    JsonNode last =
        manager
            .get(
                "/api/contacts?"
                    + period()
                    + "&kpi=abandonment_rate&size=5&page="
                    + ((total - 1) / 5))
            .body();
    assertThat(last.get("rows").size()).isEqualTo((int) (total - (total - 1) / 5 * 5));
  }

  /**
   * Issue 12, part 9: a series of a case KPI says from which day its cases are still settling;
   * others do not.
   */
  @Test
  void a_case_kpi_series_says_from_which_day_it_is_not_settled() {
    JsonNode fcr = manager.get("/api/series?" + period() + "&kpi=fcr&unit=day").body();
    java.time.LocalDate from = java.time.LocalDate.parse(fcr.get("unsettled_from").asText());
    assertThat(from).isBetween(TestServer.LAST_DAY.minusDays(20), TestServer.LAST_DAY);
    assertThat(
            manager
                .get("/api/series?" + period() + "&kpi=contacts&unit=day")
                .body()
                .has("unsettled_from"))
        .isFalse();
  }

  /**
   * Issue 12, part 7: a CSAT drill-down lists the csat surveys (its denominator) with their score,
   * not contacts.
   */
  @Test
  void a_survey_kpi_drills_down_to_its_surveys_and_a_case_kpi_to_its_cases() {
    JsonNode csat = manager.get("/api/contacts?" + period() + "&kpi=csat&size=1000").body();
    assertThat(csat.get("rows_of").asText()).isEqualTo("surveys");
    assertThat(csat.get("denominator").asBoolean()).isTrue();
    long satisfied = 0;
    for (JsonNode r : csat.get("rows")) {
      assertThat(r.get("kind").asText()).isEqualTo("csat");
      if (r.get("score").asInt() >= 4) satisfied++;
    }
    assertThat(csat.get("total").asLong()).isEqualTo(csat.get("rows").size());
    double value =
        manager
            .get("/api/kpi?" + period() + "&kpi=csat")
            .body()
            .get("rows")
            .get(0)
            .get("kpis")
            .get("csat")
            .asDouble();
    assertThat(satisfied * 100.0 / csat.get("total").asLong())
        .isCloseTo(value, org.assertj.core.api.Assertions.within(1e-9));

    JsonNode fcr = manager.get("/api/contacts?" + period() + "&kpi=fcr&size=3").body();
    assertThat(fcr.get("rows_of").asText()).isEqualTo("cases");
    assertThat(fcr.get("columns").toString()).contains("n_contacts", "n_inbound", "resolved");
    JsonNode occupancy = manager.get("/api/contacts?" + period() + "&kpi=occupancy&size=3").body();
    assertThat(occupancy.get("rows_of").asText()).isEqualTo("agent_time");
    assertThat(occupancy.get("denominator").asBoolean()).isFalse();
  }

  @Test
  void extent_names_the_first_and_last_day_and_the_values_of_each_field() {
    JsonNode e = manager.get("/api/extent?tz=Europe/Madrid").body();
    assertThat(fields(e)).containsExactly("tz", "first", "last", "values");
    assertThat(e.get("first").asText()).isEqualTo("2026-05-01");
    assertThat(e.get("last").asText()).isEqualTo("2026-06-30");
    assertThat(fields(e.get("values")))
        .containsExactly("channel", "direction", "queue", "topic", "team", "agent");
    assertThat(e.get("values").get("direction").toString()).isEqualTo("[\"inbound\",\"outbound\"]");
    assertThat(e.get("values").get("agent").size()).isGreaterThan(5);
  }

  @Test
  void extent_offers_an_agent_only_their_own_agent_id() {
    JsonNode e = agent.get("/api/extent?tz=Europe/Madrid").body();
    assertThat(e.get("values").get("agent").toString()).isEqualTo("[\"" + ANA_AGENT + "\"]");
  }

  @Test
  void extent_refuses_a_bad_zone_naming_the_parameter() {
    Response r = manager.get("/api/extent?tz=Mars/Olympus");
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.body().get("details").asText())
        .isEqualTo(
            "Parameter 'tz': 'Mars/Olympus' is not a time zone;"
                + " expected an IANA name such as Europe/Madrid, America/New_York or UTC.");
  }

  @Test
  void bad_parameters_answer_400_naming_the_parameter_and_the_expected_form() {
    Map<String, String> cases =
        Map.of(
            "/api/kpi?to=2026-06-30",
            "Parameter 'from' is missing; expected a date YYYY-MM-DD, such as 2026-03-01.",
            "/api/kpi?from=2026-06-31&to=2026-07-01",
            "Parameter 'from': '2026-06-31' is not a date; expected YYYY-MM-DD,"
                + " such as 2026-03-01.",
            "/api/kpi?" + period() + "&compare=last",
            "Parameter 'compare': 'last' is not known; expected previous.",
            "/api/series?" + period() + "&unit=fortnight",
            "Parameter 'unit': 'fortnight' is not a time bucket; expected"
                + " hour, day, week or month.",
            "/api/contacts?" + period() + "&size=0",
            "Parameter 'size': '0' is not a whole number from 1 to 1000.");
    cases.forEach(
        (path, details) -> {
          Response r = manager.get(path);
          assertThat(r.status()).as(path).isEqualTo(400);
          assertThat(r.body().get("details").asText()).as(path).isEqualTo(details);
        });
    assertThat(
            manager.get("/api/contacts?" + period() + "&kpi=speed").body().get("details").asText())
        .startsWith("Parameter 'kpi': unknown KPI 'speed'; expected one of contacts, ");
  }

  @Test
  void
      an_unknown_dimension_answers_400_with_the_closest_name_and_a_value_matching_nothing_is_a_warning() {
    Response by = manager.get("/api/kpi?" + period() + "&kpi=contacts&by=chanel");
    Response where = manager.get("/api/agents?" + period() + "&where=chanel%3Dphone");
    Response value = manager.get("/api/kpi?" + period() + "&kpi=contacts&where=channel%3Dfone");
    Response good = manager.get("/api/kpi?" + period() + "&kpi=contacts&where=channel%3Dphone");

    assertThat(by.status()).isEqualTo(400);
    assertThat(by.body().get("details").asText())
        .startsWith("'by': Unknown dimension 'chanel'; did you mean channel?");
    assertThat(where.status()).isEqualTo(400);
    assertThat(where.body().get("details").asText()).startsWith("'where': Unknown dimension");
    assertThat(value.status()).isEqualTo(200);
    assertThat(value.body().get("rows").get(0).get("kpis").get("contacts").asLong()).isZero();
    assertThat(value.body().get("warnings").get(0).asText())
        .startsWith("No contact has channel 'fone' (did you mean phone?); known: ");
    assertThat(good.body().has("warnings")).isFalse();
  }

  @Test
  void an_agent_reading_another_agent_gets_403_or_only_their_own_numbers() {
    Response other = agent.get("/api/agents/agent-001?" + period());
    assertThat(other.status()).isEqualTo(403);
    assertThat(other.body().get("details").asText())
        .isEqualTo("An agent may read only their own report (" + ANA_AGENT + ").");
    assertThat(agent.get("/api/consistency?" + period()).status()).isEqualTo(403);
    assertThat(agent.get("/api/topics?" + period()).status()).isEqualTo(403);
    assertThat(agent.get("/api/users").status()).isEqualTo(403);

    String asked =
        agent
            .get("/api/kpi?" + period() + "&kpi=contacts,aht&where=agent=agent-001")
            .body()
            .get("rows")
            .get(0)
            .get("kpis")
            .toString();
    String own =
        manager
            .get("/api/kpi?" + period() + "&kpi=contacts,aht&where=agent=" + ANA_AGENT)
            .body()
            .get("rows")
            .get(0)
            .get("kpis")
            .toString();
    String others =
        manager
            .get("/api/kpi?" + period() + "&kpi=contacts,aht&where=agent=agent-001")
            .body()
            .get("rows")
            .get(0)
            .get("kpis")
            .toString();
    assertThat(asked).isEqualTo(own).isNotEqualTo(others);

    JsonNode contacts =
        agent.get("/api/contacts?" + period() + "&where=agent=agent-001&size=50").body();
    assertThat(contacts.get("total").asLong()).isPositive();
    for (JsonNode c : contacts.get("rows"))
      assertThat(c.get("agent").asText()).isEqualTo(ANA_AGENT);
    assertThat(agent.get("/api/agents/" + ANA_AGENT + "?" + period()).status()).isEqualTo(200);
  }

  @Test
  void a_change_without_the_csrf_token_is_refused() {
    ApiClient root = ApiClient.loggedIn(server, ROOT, PASSWORD);
    Map<String, String> body = Map.of("name", "nobody", "role", "manager");
    for (String token : new String[] {null, "0123456789abcdef"}) {
      Response r = root.postWith("/api/users", body, token);
      assertThat(r.status()).isEqualTo(403);
      assertThat(r.body().get("details").asText())
          .isEqualTo(
              "The CSRF token is missing or wrong; send the csrf value"
                  + " of GET /api/me in the X-CSRF-Token header.");
    }
    assertThat(root.get("/api/users").body().toString()).doesNotContain("nobody");
  }

  @Test
  void only_admins_list_and_add_users() {
    ApiClient root = ApiClient.loggedIn(server, ROOT, PASSWORD);
    Response added =
        root.post("/api/users", Map.of("name", "Zoe", "role", "agent", "agent_id", "agent-009"));
    assertThat(added.status()).isEqualTo(201);
    assertThat(added.body().get("name").asText()).isEqualTo("zoe");
    assertThat(added.body().get("one_time_password").asText()).hasSizeGreaterThanOrEqualTo(8);
    JsonNode users = root.get("/api/users").body().get("users");
    assertThat(users.toString())
        .contains(
            "\"name\":\"zoe\",\"role\":\"agent\",\"agent_id\":\"agent-009\","
                + "\"must_change_password\":true");
    assertThat(manager.post("/api/users", Map.of("name", "yan", "role", "manager")).status())
        .isEqualTo(403);
  }

  @Test
  void alert_rules_are_added_listed_evaluated_and_removed_by_managers_only() {
    Response added =
        manager.post(
            "/api/alerts/rules",
            Map.of(
                "name",
                "Abandons (api)",
                "kpi",
                "abandonment_rate",
                "benchmark",
                true,
                "window",
                "1h",
                "min_volume",
                5,
                "cool_down",
                "30m"));
    assertThat(added.status()).as(added.body().toString()).isEqualTo(201);
    long id = added.body().get("id").asLong();
    assertThat(added.body().get("threshold_source").asText()).isEqualTo("benchmark");
    assertThat(added.body().get("window").asText()).isEqualTo("1h");
    assertThat(manager.get("/api/alerts/rules").body().get("rules").toString())
        .contains("\"name\":\"Abandons (api)\"");
    assertThat(manager.post("/api/alerts/evaluate", Map.of()).body().get("changes").isArray())
        .isTrue();
    JsonNode alerts = manager.get("/api/alerts").body();
    assertThat(fields(alerts)).containsExactly("firing", "history");
    assertThat(
            manager
                .post(
                    "/api/alerts/rules",
                    Map.of("name", "Bad", "kind", "waiting", "above", 1, "below", 2))
                .status())
        .isEqualTo(400);
    assertThat(agent.get("/api/alerts/rules").status()).isEqualTo(403);
    assertThat(agent.get("/api/alerts").status()).isEqualTo(403);
    assertThat(agent.delete("/api/alerts/rules/" + id).status()).isEqualTo(403);
    assertThat(manager.delete("/api/alerts/rules/" + id).status()).isEqualTo(204);
    assertThat(manager.delete("/api/alerts/rules/" + id).status()).isEqualTo(404);
  }

  @Test
  void openapi_describes_every_path_the_pages_use() {
    JsonNode paths = new ApiClient(server).get("/openapi.json").body().get("paths");
    assertThat(fields(paths))
        .contains(
            "/api/login",
            "/api/me",
            "/api/password",
            "/api/kpis",
            "/api/kpi",
            "/api/series",
            "/api/agents",
            "/api/agents/{agent}",
            "/api/consistency",
            "/api/topics",
            "/api/contacts",
            "/api/extent",
            "/api/users",
            "/api/events",
            "/api/live",
            "/api/alerts/rules",
            "/api/alerts/rules/{id}",
            "/api/alerts",
            "/api/alerts/evaluate",
            "/api/audit",
            "/api/audit/export",
            "/api/customers/{id}",
            "/api/views",
            "/api/views/{id}",
            "/api/views/{id}/report",
            "/api/views/{id}/pdf",
            "/api/schedules",
            "/api/schedules/{id}/send",
            "/api/schedules/{id}/history");
  }
}
