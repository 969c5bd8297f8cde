package io.yardstick.server;

import static io.yardstick.server.TestServer.MIA;
import static io.yardstick.server.TestServer.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import io.yardstick.server.ApiClient.Response;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every value a route reads goes through the core's one parser of its kind ({@code Parse}), so a
 * bad one answers the same 400 naming the parameter or field, never a 500, a 404 or a value
 * silently rounded.
 */
class ParameterParsingTest {
  private static ApiClient manager;
  private static ApiClient admin;

  @BeforeAll
  static void start() {
    manager = ApiClient.loggedIn(TestServer.get(), MIA, PASSWORD);
    admin = ApiClient.loggedIn(TestServer.get(), TestServer.ROOT, PASSWORD);
  }

  private static void refused(Response r, String details) {
    assertThat(r.status()).as(r.body().toString()).isEqualTo(400);
    assertThat(r.body().get("details").asText()).isEqualTo(details);
  }

  @Test
  void an_alert_rules_threshold_that_is_not_a_number_names_its_field() {
    refused(
        manager.post(
            "/api/alerts/rules", Map.of("name", "Waits", "kind", "waiting", "above", "lots")),
        "Field 'above': 'lots' is not a number.");
    refused(
        manager.post(
            "/api/alerts/rules", Map.of("name", "Waits", "kind", "waiting", "below", "NaN")),
        "Field 'below': 'NaN' is not a number.");
  }

  @Test
  void an_alert_rules_goal_is_a_whole_id_never_rounded() {
    refused(
        manager.post(
            "/api/alerts/rules",
            Map.of("name", "Goal", "kind", "kpi", "kpi", "csat", "window", "1d", "goal", 1.5)),
        "goal: 1.5 is not a whole number from 1 to 9223372036854775807.");
  }

  @Test
  void an_id_in_a_path_that_is_not_an_id_answers_400_naming_it() {
    String details = "Parameter 'id': 'abc' is not an id; ids are whole numbers such as 12.";
    refused(manager.delete("/api/alerts/rules/abc"), details);
    refused(manager.get("/api/goals/abc"), details);
    refused(manager.delete("/api/goals/abc"), details);
    refused(manager.get("/api/views/abc"), details);
    refused(manager.delete("/api/schedules/abc"), details);
    refused(
        manager.get("/api/goals/99999999999999999999"),
        "Parameter 'id': '99999999999999999999' is not an id; ids are whole numbers such as 12.");
  }

  @Test
  void a_whole_number_parameter_refuses_fractions_exponents_and_overflow() {
    refused(
        manager.get("/api/consistency?" + TestServer.period() + "&min_contacts=1e3"),
        "Parameter 'min_contacts': '1e3' is not a whole number from 0 to 1000000.");
    refused(
        manager.get("/api/topics?" + TestServer.period() + "&limit=99999999999"),
        "Parameter 'limit': '99999999999' is not a whole number from 0 to 10000.");
    refused(
        manager.get("/api/alerts?limit=2.5"),
        "Parameter 'limit': '2.5' is not a whole number from 1 to 10000.");
  }

  @Test
  void an_audit_instant_that_cannot_be_read_names_its_parameter() {
    refused(
        admin.get("/api/audit?from=2026-13-01T00:00:00Z"),
        "Parameter 'from': '2026-13-01T00:00:00Z' is not an instant; expected ISO-8601 in UTC,"
            + " such as 2026-03-01T09:00:00Z.");
  }

  @Test
  void a_misspelt_dimension_or_calendar_names_its_parameter_on_every_route() {
    Response contacts =
        manager.get("/api/contacts?" + TestServer.period() + "&where=chanel%3Dphone");
    assertThat(contacts.status()).isEqualTo(400);
    assertThat(contacts.body().get("details").asText())
        .startsWith("'where': Unknown dimension 'chanel'; did you mean channel?");
    Response twice = manager.get("/api/kpi?" + TestServer.period() + "&by=agent,agent");
    refused(twice, "'by' names a dimension twice: [agent, agent]; give each once.");
    Response calendar =
        manager.get("/api/kpi?" + TestServer.period() + "&kpi=frt_avg&business_hours=nope");
    assertThat(calendar.status()).isEqualTo(400);
    assertThat(calendar.body().get("details").asText())
        .startsWith("'business_hours': There is no business-hours calendar named 'nope'");
  }

  @Test
  void
      an_alert_rule_is_refused_before_it_is_stored_with_a_misspelt_dimension_a_missing_goal_or_a_long_window() {
    refused(
        manager.post(
            "/api/alerts/rules",
            Map.of(
                "name",
                "Typo",
                "kind",
                "kpi",
                "kpi",
                "asa",
                "above",
                30,
                "window",
                "1h",
                "where",
                java.util.List.of("chanel=phone"))),
        manager
            .get("/api/kpi?" + TestServer.period() + "&where=chanel%3Dphone")
            .body()
            .get("details")
            .asText());
    Response goal =
        manager.post(
            "/api/alerts/rules",
            Map.of(
                "name", "No goal", "kind", "kpi", "kpi", "asa", "goal", 999_999, "window", "1h"));
    assertThat(goal.status()).isEqualTo(400);
    assertThat(goal.body().get("details").asText()).startsWith("There is no goal 999999;");
    refused(
        manager.post(
            "/api/alerts/rules",
            Map.of(
                "name", "Forever", "kind", "kpi", "kpi", "asa", "above", 30, "window", "99999d")),
        "The window 99999d is longer than 31d; a rule watches the recent past (15m, 1h, 1d); for"
            + " longer periods use a goal.");
    assertThat(manager.get("/api/alerts/rules").body().get("rules").toString())
        .doesNotContain("Typo", "No goal", "Forever");
  }

  @Test
  void a_series_refuses_a_time_bucket_in_by_instead_of_dropping_it() {
    refused(
        manager.get("/api/series?" + TestServer.period() + "&unit=day&by=week"),
        "Parameter 'by': 'week' is a time bucket; a series takes it as 'unit' (unit=week).");
  }

  @Test
  void a_day_no_one_has_data_for_is_refused_not_a_500() {
    // Was a 500: year 10000 (the day after 9999-12-31) cannot be written as an SQL timestamp.
    refused(
        manager.get("/api/kpi?from=2026-01-01&to=9999-12-31&kpi=contacts"),
        "'to': 9999-12-31 is outside the days a question can ask about, 1900-01-01 to 2199-12-31.");
    refused(
        manager.get("/api/kpi?from=0001-01-01&to=2026-01-01&kpi=contacts"),
        "'from': 0001-01-01 is outside the days a question can ask about, 1900-01-01 to"
            + " 2199-12-31.");
  }
}
