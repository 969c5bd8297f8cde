package io.yardstick.server;

import static io.yardstick.server.TestServer.PASSWORD;
import static io.yardstick.server.TestServer.ROOT;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.yardstick.kpi.KpiSettings;
import io.yardstick.server.ApiClient.Response;
import io.yardstick.user.Role;
import io.yardstick.user.Users;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 11, Deliver 7: the audit log records log-ins and changes with who, when, from where and
 * what.
 */
class AuditTest {
  private static final String OWN = "a-long-own-secret-7";

  private TestServer shared;
  private YardstickServer server;
  private UnaryOperator<String> url;

  @BeforeEach
  void start() {
    shared = TestServer.get();
    server = YardstickServer.start(shared.store, KpiSettings.defaults(), TestServer.CLOCK, 0);
    url = path -> "http://127.0.0.1:" + server.port() + path;
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private static List<JsonNode> entries(Response r) {
    List<JsonNode> out = new ArrayList<>();
    r.body().get("entries").forEach(out::add);
    return out;
  }

  @Test
  void log_ins_and_changes_are_recorded_with_who_when_where_and_what_and_never_a_password()
      throws Exception {
    String name = "audited-" + System.nanoTime() % 1_000_000;
    new Users(shared.store, TestServer.CLOCK).add(name, Role.MANAGER, null, OWN, false);
    assertThat(
            new ApiClient(url)
                .post("/api/login", Map.of("name", name, "password", "wrong-password-1"))
                .status())
        .isEqualTo(401);
    ApiClient manager = ApiClient.loggedIn(url, name, OWN);
    long goal =
        manager
            .post("/api/goals", Map.of("kpi", "csat", "target", 90, "by", "2026-12-31"))
            .body()
            .get("goal")
            .get("id")
            .asLong();
    assertThat(manager.delete("/api/goals/" + goal).status()).isEqualTo(204);
    assertThat(manager.get("/api/audit").status()).as("the log is the admins'").isEqualTo(403);

    ApiClient root = ApiClient.loggedIn(url, ROOT, PASSWORD);
    Response mine = root.get("/api/audit?user=" + name);
    assertThat(mine.status()).isEqualTo(200);
    List<JsonNode> list = entries(mine);
    // Newest first: the refused read of the log is a GET, so not a change and not recorded.
    assertThat(list)
        .extracting(
            e ->
                e.get("action").asText()
                    + " "
                    + e.get("target").asText()
                    + " "
                    + e.get("outcome").asText())
        .containsExactly(
            "DELETE /api/goals/" + goal + " " + goal + " 204",
            "POST /api/goals " + goal + " 201",
            "POST /api/login null 200",
            "POST /api/login null 401");
    assertThat(list)
        .extracting(e -> e.get("kind").asText())
        .containsExactly("goal", "goal", "login", "login");
    assertThat(list)
        .allSatisfy(
            e -> {
              assertThat(e.get("address").asText()).isEqualTo("127.0.0.1");
              assertThat(e.get("actor").asText()).isEqualTo(name);
              assertThat(e.get("at").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
            });
    assertThat(entries(root.get("/api/audit?user=" + name + "&kind=login&size=1"))).hasSize(1);
    assertThat(root.get("/api/audit?user=" + name + "&kind=login").body().get("total").asLong())
        .isEqualTo(2);
    assertThat(
            root.get("/api/audit?user=" + name + "&from=2999-01-01").body().get("total").asLong())
        .isZero();
    assertThat(root.get("/api/audit?kind=logins").body().get("details").asText())
        .isEqualTo(
            "Parameter 'kind':"
                + " 'logins' is not a kind of audit entry; expected one of login, user, token, rule, goal, settings, data,"
                + " forecast, other.");

    HttpResponse<String> export =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(url.apply("/api/audit/export?user=" + name)))
                    .header(
                        "Authorization",
                        "Bearer "
                            + new Users(shared.store, TestServer.CLOCK)
                                .createToken(ROOT, "audit export"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(export.statusCode()).isEqualTo(200);
    assertThat(export.headers().firstValue("Content-Type").orElseThrow())
        .startsWith("application/x-ndjson");
    assertThat(export.body().lines().toList())
        .hasSize(4)
        .first()
        .asString()
        .contains("\"action\":\"POST /api/login\"")
        .contains("\"outcome\":\"401\"");
    assertThat(export.body()).doesNotContain("wrong-password-1").doesNotContain(OWN);
  }

  @Test
  void user_and_token_changes_are_recorded_by_the_admin_who_made_them() {
    ApiClient root = ApiClient.loggedIn(url, ROOT, PASSWORD);
    String name = "added-" + System.nanoTime() % 1_000_000;
    assertThat(root.post("/api/users", Map.of("name", name, "role", "manager")).status())
        .isEqualTo(201);
    assertThat(root.delete("/api/users/" + name).status()).isEqualTo(204);
    List<JsonNode> list = entries(root.get("/api/audit?user=" + ROOT + "&kind=user&size=2"));
    assertThat(list)
        .extracting(e -> e.get("action").asText() + " " + e.get("target").asText())
        .containsExactly("DELETE /api/users/" + name + " " + name, "POST /api/users " + name);
    assertThat(list.get(1).toString()).doesNotContain("one_time_password");
  }
}
