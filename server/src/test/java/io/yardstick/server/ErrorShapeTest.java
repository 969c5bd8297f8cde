package io.yardstick.server;

import static io.yardstick.server.TestServer.MIA;
import static io.yardstick.server.TestServer.PASSWORD;
import static io.yardstick.server.TestServer.ROOT;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.yardstick.alert.AlertSettings;
import io.yardstick.kpi.KpiSettings;
import io.yardstick.server.ApiClient.Response;
import io.yardstick.store.Store;
import io.yardstick.user.Role;
import io.yardstick.user.Users;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11, finding 6: every error has the documented JSON shape without SQL or class names, API
 * answers are not cached, /health names no path, and webhooks cannot reach internal addresses.
 */
class ErrorShapeTest {
  private static TestServer server;
  private static ApiClient manager;
  private static ApiClient admin;

  @BeforeAll
  static void start() {
    server = TestServer.get();
    manager = ApiClient.loggedIn(server, MIA, PASSWORD);
    admin = ApiClient.loggedIn(server, ROOT, PASSWORD);
  }

  private static void assertShape(Response r, int status) {
    List<String> names = new ArrayList<>();
    r.body().fieldNames().forEachRemaining(names::add);
    assertThat(names).as(r.body().toString()).containsExactly("title", "status", "type", "details");
    assertThat(r.status()).isEqualTo(status);
    assertThat(r.body().get("details").asText())
        .doesNotContainIgnoringCase("exception")
        .doesNotContain("jackson")
        .doesNotContain("SQL")
        .doesNotContain("io.yardstick")
        .doesNotContain("SELECT");
  }

  @Test
  void malformed_json_answers_400_in_the_one_shape_on_every_route() {
    for (String path :
        List.of(
            "/api/goals",
            "/api/alerts/rules",
            "/api/users",
            "/api/password",
            "/api/tokens",
            "/api/login",
            "/api/events")) {
      for (String body : List.of("{\"kpi\": ", "[1, 2]", "\"text\"")) {
        Response r = admin.postRaw(path, body);
        assertShape(r, 400);
      }
    }
    Response r = admin.postRaw("/api/goals", "{\"kpi\": ");
    assertThat(r.body().get("details").asText())
        .startsWith("The body is not the JSON expected (line 1, column");
  }

  @Test
  void unknown_routes_answer_a_json_404() {
    for (String path : List.of("/api/nothing-here", "/nothing-here", "/api/kpi/extra")) {
      Response r = manager.get(path);
      assertShape(r, 404);
      assertThat(r.body().get("details").asText()).startsWith("There is no GET " + path);
    }
  }

  @Test
  void an_address_too_long_for_the_server_answers_414_in_the_one_shape_not_html() {
    String many = "channel%3D" + "x,".repeat(5_000) + "phone";
    Response r = manager.get("/api/kpi?" + TestServer.period() + "&where=" + many);
    assertShape(r, 414);
    assertThat(r.body().get("details").asText())
        .isEqualTo(
            "The request's address is too long (over 8 KB); ask for fewer values at once, or send"
                + " them in several requests.");
  }

  @Test
  void api_answers_and_errors_are_not_cached_and_health_names_no_path() throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    HttpResponse<String> health =
        http.send(
            HttpRequest.newBuilder(URI.create(server.url("/health"))).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(health.body()).isEqualTo("{\"status\":\"ok\"}");
    HttpResponse<String> unauthorized =
        http.send(
            HttpRequest.newBuilder(URI.create(server.url("/api/kpi?" + TestServer.period())))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(unauthorized.headers().firstValue("Cache-Control")).hasValue("no-store");
    String token = new Users(server.store, TestServer.CLOCK).createToken(MIA, "cache test");
    HttpResponse<String> kpi =
        http.send(
            HttpRequest.newBuilder(URI.create(server.url("/api/kpi?" + TestServer.period())))
                .header("Authorization", "Bearer " + token)
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(kpi.statusCode()).isEqualTo(200);
    assertThat(kpi.headers().firstValue("Cache-Control")).hasValue("no-store");
  }

  @Test
  void webhooks_to_internal_addresses_are_refused() {
    for (String url :
        List.of(
            "http://169.254.169.254/latest/meta-data",
            "http://127.0.0.1:8080/hook",
            "http://10.0.0.7/hook",
            "http://[::1]/hook",
            "http://localhost/hook",
            "http://100.64.1.1/x")) {
      Response r =
          manager.post(
              "/api/alerts/rules",
              Map.of(
                  "name",
                  "SSRF",
                  "kind",
                  "waiting",
                  "above",
                  1,
                  "notify",
                  List.of("webhook:" + url)));
      assertShape(r, 400);
      assertThat(r.body().get("details").asText())
          .as(url)
          .contains("is an internal address")
          .contains("YARDSTICK_WEBHOOK_ALLOW_PRIVATE=true");
    }
  }

  @Test
  void a_store_failure_answers_500_with_an_error_id_and_keeps_the_sql_in_the_log(@TempDir Path dir)
      throws Exception {
    try (Store broken = Store.open(dir.resolve("broken.duckdb").toString())) {
      Users users = new Users(broken, TestServer.CLOCK);
      users.add("boss", Role.MANAGER, null, PASSWORD, false);
      String token = users.createToken("boss", "test");
      try (YardstickServer s =
          YardstickServer.start(
              broken, KpiSettings.defaults(), TestServer.CLOCK, 0, AlertSettings.defaults())) {
        broken.update(
            "ALTER TABLE contacts RENAME TO contacts_gone"); // every KPI query now fails in the
        // store
        HttpResponse<String> r =
            HttpClient.newHttpClient()
                .send(
                    HttpRequest.newBuilder(
                            URI.create(
                                "http://127.0.0.1:"
                                    + s.port()
                                    + "/api/kpi?"
                                    + TestServer.period()
                                    + "&kpi=contacts"))
                        .header("Authorization", "Bearer " + token)
                        .build(),
                    HttpResponse.BodyHandlers.ofString());
        JsonNode body = ApiClient.JSON.readTree(r.body());
        assertShape(new Response(r.statusCode(), body), 500);
        assertThat(body.get("details").asText())
            .matches(
                "The server could not answer; the error's id is [0-9a-f]{8}"
                    + " \\(the server's log has the details under it\\)\\.");
      }
    }
  }
}
