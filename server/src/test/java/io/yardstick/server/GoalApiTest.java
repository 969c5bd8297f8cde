package io.yardstick.server;

import static io.yardstick.server.TestServer.ANA;
import static io.yardstick.server.TestServer.MIA;
import static io.yardstick.server.TestServer.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.yardstick.server.ApiClient.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Goals over HTTP on the test server's demo (May and June 2026, Madrid): shapes, figures and roles.
 */
class GoalApiTest {
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
  void a_manager_sets_a_goal_and_reads_it_back_with_history_projection_and_realism() {
    // June 2026 against the 30 days before (2026-05-02..2026-05-31); the deadline has passed
    Response created =
        manager.post(
            "/api/goals",
            Map.of(
                "kpi",
                "aht",
                "where",
                List.of("channel=phone"),
                "change",
                "-10%",
                "from",
                "2026-06-01",
                "by",
                "2026-06-30",
                "tz",
                "Europe/Madrid",
                "name",
                "Phone AHT -10%"));
    assertThat(created.status()).isEqualTo(201);
    JsonNode goal = created.body();
    assertThat(fields(goal))
        .containsExactly(
            "goal",
            "today",
            "measured_to",
            "baseline",
            "baseline_from",
            "baseline_to",
            "target",
            "current",
            "progress_percent",
            "time_elapsed_percent",
            "projected",
            "projected_progress_percent",
            "status",
            "trend",
            "history",
            "realism");
    long id = goal.get("goal").get("id").asLong();
    assertThat(goal.get("baseline_from").asText()).isEqualTo("2026-05-02");
    assertThat(goal.get("measured_to").asText()).isEqualTo("2026-06-30");
    double baseline = goal.get("baseline").asDouble();
    assertThat(goal.get("target").asDouble()).isCloseTo(baseline * 0.9, within(1e-9));
    // the same figures as /api/kpi for the same period and segment
    JsonNode june =
        manager
            .get("/api/kpi?from=2026-06-01&to=2026-06-30&tz=Europe/Madrid&where=channel%3Dphone")
            .body()
            .get("rows")
            .get(0)
            .get("kpis");
    assertThat(goal.get("current").asDouble()).isEqualTo(june.get("aht").asDouble());
    assertThat(goal.get("history")).hasSize(5); // 2026-W23 (Mon 1 June) .. 2026-W27 (Tue 30 June)
    assertThat(goal.get("status").asText()).isIn("achieved", "missed");
    assertThat(goal.get("realism").get("verdict").asText())
        .isIn("ambitious", "realistic", "below_what_you_already_reach", "unknown");

    JsonNode shown = manager.get("/api/goals/" + id).body();
    assertThat(shown.get("current").asDouble()).isEqualTo(goal.get("current").asDouble());
    JsonNode listed = manager.get("/api/goals").body().get("goals");
    assertThat(listed.findValuesAsText("name")).contains("Phone AHT -10%");
  }

  @Test
  void agents_read_no_goals_and_bad_goals_are_refused_with_the_reason() {
    assertThat(agent.get("/api/goals").status()).isEqualTo(403);
    Response wrong =
        manager.post(
            "/api/goals",
            Map.of("kpi", "csat", "change", "-5%", "from", "2026-06-01", "by", "2026-06-30"));
    assertThat(wrong.status()).isEqualTo(400);
    assertThat(wrong.body().get("details").asText())
        .isEqualTo(
            "The goal moves Customer satisfaction (CSAT) -5%, but higher is better for this KPI; a goal"
                + " must improve it.");
    Response both =
        manager.post(
            "/api/goals", Map.of("kpi", "csat", "change", "+5%", "target", 90, "by", "2026-06-30"));
    assertThat(both.body().get("details").asText())
        .isEqualTo("Give one of target (a value) and change (such as" + " \"+25%\").");
    // The core names fields; the API says them as its JSON fields.
    Response backwards =
        manager.post(
            "/api/goals",
            Map.of("kpi", "csat", "change", "+5%", "from", "2026-06-30", "by", "2026-06-01"));
    assertThat(backwards.status()).isEqualTo(400);
    assertThat(backwards.body().get("details").asText())
        .contains("give a deadline ('by') on or after the start" + " ('from').");
    assertThat(manager.get("/api/goals/999").status()).isEqualTo(404);
  }
}
