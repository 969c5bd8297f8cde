package io.yardstick.server;

import static io.yardstick.server.TestServer.MIA;
import static io.yardstick.server.TestServer.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.yardstick.server.ApiClient.Response;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 11, finding 2: every stored object is checked completely before it is stored, nothing
 * stored can make a list or an evaluation fail, and ids are never given twice.
 */
class EdgeValidationTest {
  private static TestServer server;
  private static ApiClient manager;

  @BeforeAll
  static void start() {
    server = TestServer.get();
    manager = ApiClient.loggedIn(server, MIA, PASSWORD);
  }

  private static Map<String, Object> waitingRule(String name, Object notify) {
    return Map.of("name", name, "kind", "waiting", "above", 0, "notify", notify);
  }

  @Test
  void an_email_target_with_a_line_break_is_refused_and_the_rules_still_list() {
    Response r =
        manager.post(
            "/api/alerts/rules",
            waitingRule("Bcc smuggling", List.of("email:a@b.example\r\nBcc: victim@example.com")));
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.body().get("details").asText())
        .isEqualTo(
            "Cannot notify 'email:a@b.example??Bcc: victim@example.com':"
                + " it holds a control character (a line break?); give one target per entry; expected log,"
                + " webhook:https://... or email:someone@example.com.");
    assertThat(manager.get("/api/alerts/rules").status()).isEqualTo(200);
    assertThat(manager.get("/api/alerts/rules").body().get("rules").toString())
        .doesNotContain("Bcc smuggling");
  }

  @Test
  void an_email_target_must_be_one_bare_address() {
    for (String target :
        List.of(
            "email:a@b.example, c@d.example",
            "email:Ops <ops@example.com>",
            "email:nobody",
            "email:@example.com")) {
      Response r = manager.post("/api/alerts/rules", waitingRule("One address", List.of(target)));
      assertThat(r.status()).as(target).isEqualTo(400);
      assertThat(r.body().get("details").asText()).as(target).contains("is not one e-mail address");
    }
    Response ok =
        manager.post(
            "/api/alerts/rules", waitingRule("One address", List.of("email:ops@example.com")));
    assertThat(ok.status()).as(ok.body().toString()).isEqualTo(201);
    manager.delete("/api/alerts/rules/" + ok.body().get("id").asLong());
  }

  @Test
  void a_huge_min_volume_is_refused_not_clamped() {
    Response r =
        manager.post(
            "/api/alerts/rules",
            Map.of("name", "Huge", "kind", "waiting", "above", 1, "min_volume", 1e30));
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.body().get("details").asText())
        .isEqualTo("min_volume: 1.0E30 is not a whole number from 0 to" + " 1000000000.");
  }

  @Test
  void a_goal_with_a_far_deadline_is_refused_and_not_stored() {
    int before = manager.get("/api/goals").body().get("goals").size();
    Response r =
        manager.post("/api/goals", Map.of("kpi", "csat", "target", 90, "by", "+999999999-01-01"));
    assertThat(r.status()).isEqualTo(400);
    Response list = manager.get("/api/goals");
    assertThat(list.status()).isEqualTo(200);
    assertThat(list.body().get("goals").size()).isEqualTo(before);
    assertThat(list.body().get("broken").size()).isZero();
  }

  @Test
  void a_broken_rule_already_stored_is_reported_and_skipped_by_the_list_and_the_evaluation() {
    long id = server.store.nextId("alert_rules");
    server.store.update(
        "INSERT INTO alert_rules (id, name, kind, kpi, filters, comparison, threshold_source,"
            + " threshold, goal_id, window_s, min_volume, cool_down_s, notify, zone, created_at) VALUES (?, 'Old broken',"
            + " 'waiting', NULL, '', 'above', 'value', 0, NULL, 900, 0, 0, ?, 'UTC', ?)",
        id,
        "email:a@b.example\r\nBcc: victim@example.com",
        Instant.parse("2026-06-01T00:00:00Z"));
    try {
      Response list = manager.get("/api/alerts/rules");
      assertThat(list.status()).isEqualTo(200);
      JsonNode broken = list.body().get("broken");
      assertThat(broken).hasSize(1);
      assertThat(broken.get(0).get("id").asLong()).isEqualTo(id);
      assertThat(broken.get(0).get("problem").asText())
          .startsWith("Cannot notify 'email:a@b.example?'");
      assertThat(manager.post("/api/alerts/evaluate", Map.of()).status()).isEqualTo(200);
    } finally {
      manager.delete("/api/alerts/rules/" + id);
    }
  }

  @Test
  void a_broken_goal_already_stored_is_reported_and_skipped_by_the_list() {
    long id = server.store.nextId("goals");
    server.store.update(
        "INSERT INTO goals (id, name, kpi, filters, zone, start_date, deadline, baseline,"
            + " baseline_from, baseline_to, target_kind, target, created_at) VALUES (?, 'Far', 'csat', '', 'UTC', ?, ?,"
            + " NULL, NULL, NULL, 'absolute', 90, ?)",
        id,
        java.time.LocalDate.of(2026, 6, 1),
        java.time.LocalDate.of(9999, 1, 1),
        Instant.parse("2026-06-01T00:00:00Z"));
    try {
      Response list = manager.get("/api/goals");
      assertThat(list.status()).isEqualTo(200);
      assertThat(list.body().get("broken")).hasSize(1);
      assertThat(list.body().get("broken").get(0).get("id").asLong()).isEqualTo(id);
    } finally {
      manager.delete("/api/goals/" + id);
    }
  }

  @Test
  void a_deleted_rules_id_and_a_deleted_goals_id_are_never_given_again() {
    long rule =
        manager
            .post("/api/alerts/rules", waitingRule("First", List.of("log")))
            .body()
            .get("id")
            .asLong();
    assertThat(manager.delete("/api/alerts/rules/" + rule).status()).isEqualTo(204);
    long next =
        manager
            .post("/api/alerts/rules", waitingRule("Second", List.of("log")))
            .body()
            .get("id")
            .asLong();
    assertThat(next).isGreaterThan(rule);
    manager.delete("/api/alerts/rules/" + next);

    Map<String, Object> goal =
        Map.of("kpi", "csat", "change", "+5%", "from", "2026-06-01", "by", "2026-06-30");
    long g = manager.post("/api/goals", goal).body().get("goal").get("id").asLong();
    assertThat(manager.delete("/api/goals/" + g).status()).isEqualTo(204);
    long g2 = manager.post("/api/goals", goal).body().get("goal").get("id").asLong();
    assertThat(g2).isGreaterThan(g);
    manager.delete("/api/goals/" + g2);
  }

  @Test
  void an_event_field_must_be_one_value_not_an_array() {
    Response r =
        manager.post(
            "/api/events",
            List.of(
                Map.of(
                    "id",
                    "edge-1",
                    "type",
                    "arrived",
                    "at",
                    "2026-06-30T10:00:00Z",
                    "contact_id",
                    "edge-c1",
                    "channel",
                    List.of("phone"))));
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.body().get("details").asText())
        .isEqualTo(
            "Event 1 (id edge-1): channel must be one value (a string,"
                + " number or boolean), not an array: [\"phone\"].");
  }

  /**
   * A probe of the running server: a NUL in a filter value reached the SQL (a 400 carrying the
   * query text, the agent's own filter included) and an infinite range end was written into it
   * (500). Both are refused as input now, on every route, and no answer carries SQL.
   */
  @Test
  void
      a_control_character_or_an_infinite_range_in_a_filter_is_refused_as_input_and_no_answer_carries_sql() {
    for (String path :
        List.of(
            "/api/contacts?from=2026-06-01&to=2026-06-07&where=queue=%00",
            "/api/kpi?from=2026-06-01&to=2026-06-07&kpi=contacts&where=queue=a%00b",
            "/api/series?from=2026-06-01&to=2026-06-07&kpi=contacts&where=age=1..1e999",
            "/api/contacts?from=2026-06-01&to=2026-06-07&kpi=csat&where=age=-1e999..3")) {
      Response r = manager.get(path);
      assertThat(r.status()).as(path + " " + r.body()).isEqualTo(400);
      String details = r.body().get("details").asText();
      assertThat(details)
          .as(path)
          .startsWith("Parameter 'where': ")
          .doesNotContain("SELECT", "Binder", "SQL");
    }
  }

  /** The probe again: a live session is ended only with its CSRF token, as every other change. */
  @Test
  void log_out_needs_the_csrf_token_of_a_live_session() {
    ApiClient someone = ApiClient.loggedIn(server, MIA, PASSWORD);
    assertThat(someone.postWith("/api/logout", Map.of(), null).status()).isEqualTo(403);
    assertThat(someone.get("/api/me").status()).isEqualTo(200);
    assertThat(someone.post("/api/logout", Map.of()).status()).isEqualTo(200);
    assertThat(someone.get("/api/me").status()).isEqualTo(401);
  }
}
