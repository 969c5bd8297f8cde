package io.yardstick.server;

import static io.yardstick.server.TestServer.PASSWORD;
import static io.yardstick.server.TestServer.ROOT;
import static org.assertj.core.api.Assertions.assertThat;

import io.yardstick.kpi.KpiSettings;
import io.yardstick.server.ApiClient.Response;
import io.yardstick.user.Role;
import io.yardstick.user.Users;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 11, finding 4: log-in throttling, password rules, the forced change enforced by the API,
 * and tokens that can be listed, revoked and end with a password change. Each test has a server of
 * its own (over the shared test store), so a lockout of 127.0.0.1 stays there.
 */
class AccountsTest {
  private static final AtomicInteger NEXT = new AtomicInteger();
  private static final String OWN = "a-long-own-secret-7";

  private TestServer shared;
  private Users users;
  private YardstickServer server;
  private UnaryOperator<String> url;
  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeEach
  void start() {
    shared = TestServer.get();
    users = new Users(shared.store, TestServer.CLOCK);
    server = YardstickServer.start(shared.store, KpiSettings.defaults(), TestServer.CLOCK, 0);
    url = path -> "http://127.0.0.1:" + server.port() + path;
  }

  @AfterEach
  void stop() {
    server.close();
  }

  /** A new manager with a password of their own (names are unique across the shared store). */
  private String manager() {
    String name = "acct-" + NEXT.incrementAndGet() + "-" + System.nanoTime() % 100_000;
    users.add(name, Role.MANAGER, null, OWN, false);
    return name;
  }

  private Response login(String name, String password) {
    return new ApiClient(url).post("/api/login", Map.of("name", name, "password", password));
  }

  private int withToken(String method, String path, String token, String body) throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(url.apply(path)))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json");
    b =
        body == null
            ? b.method(method, HttpRequest.BodyPublishers.noBody())
            : b.method(method, HttpRequest.BodyPublishers.ofString(body));
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString()).statusCode();
  }

  @Test
  void five_wrong_passwords_lock_the_account_even_against_the_right_one() {
    String name = manager();
    for (int i = 0; i < 5; i++) {
      assertThat(login(name, "wrong-password-" + i).status()).isEqualTo(401);
    }
    Response locked = login(name, OWN);
    assertThat(locked.status()).isEqualTo(429);
    assertThat(locked.body().get("details").asText())
        .startsWith(
            "Too many failed log-ins for '"
                + name
                + "'; log-in"
                + " is locked for 15 minutes after the last failure, until ")
        .endsWith(" UTC. Wait, or ask an admin.");
    assertThat(login(manager(), OWN).status())
        .as("another account from the same address")
        .isEqualTo(200);
  }

  @Test
  void twenty_wrong_passwords_from_one_address_lock_that_address() {
    for (int i = 0; i < 20; i++) {
      assertThat(login("nobody-" + i, "wrong-password").status()).isEqualTo(401);
    }
    Response locked = login(manager(), OWN);
    assertThat(locked.status()).isEqualTo(429);
    assertThat(locked.body().get("details").asText())
        .startsWith("Too many failed log-ins from your address");
  }

  @Test
  void the_api_applies_the_password_rules() {
    String name = manager();
    ApiClient c = ApiClient.loggedIn(url, name, OWN);
    Map<String, String> cases =
        Map.of(
            "short-pass",
            "A password needs at least 12 characters.",
            "aaaaaaaaaaaa",
            "That password is too easy to guess (a common password, the user's name, or fewer than 4"
                + " different characters); choose another, such as a few unrelated words.",
            "Password1234",
            "That password is too easy to guess (a common password, the user's name, or fewer than 4"
                + " different characters); choose another, such as a few unrelated words.",
            OWN,
            "The new password is the current one; choose another.");
    cases.forEach(
        (next, message) -> {
          Response r = c.post("/api/password", Map.of("current", OWN, "new", next));
          assertThat(r.status()).as(next).isEqualTo(400);
          assertThat(r.body().get("details").asText()).as(next).isEqualTo(message);
        });
    assertThat(
            c.post("/api/password", Map.of("current", OWN, "new", "three unrelated words"))
                .status())
        .isEqualTo(200);
  }

  @Test
  void while_a_password_change_is_due_the_api_answers_only_the_change() throws Exception {
    String name = "due-" + NEXT.incrementAndGet() + "-" + System.nanoTime() % 100_000;
    users.add(name, Role.ADMIN, null, OWN, true);
    String token = users.createToken(name, "minted before");
    ApiClient c = ApiClient.loggedIn(url, name, OWN);
    assertThat(c.get("/api/me").status()).isEqualTo(200);
    for (String path :
        java.util.List.of("/api/users", "/api/kpi?" + TestServer.period(), "/api/tokens")) {
      Response r = c.get(path);
      assertThat(r.status()).as(path).isEqualTo(403);
      assertThat(r.body().get("details").asText()).startsWith("Choose your own password first");
    }
    assertThat(c.post("/api/tokens", Map.of("label", "x")).status()).isEqualTo(403);
    assertThat(withToken("GET", "/api/me", token, null)).isEqualTo(403);
    assertThat(
            c.post("/api/password", Map.of("current", OWN, "new", "three unrelated words"))
                .status())
        .isEqualTo(200);
    assertThat(c.get("/api/users").status()).isEqualTo(200);
  }

  @Test
  void
      tokens_are_listed_revoked_powerless_over_tokens_and_passwords_and_end_with_a_password_change()
          throws Exception {
    String name = manager();
    ApiClient c = ApiClient.loggedIn(url, name, OWN);
    String first = c.post("/api/tokens", Map.of("label", "wallboard")).body().get("token").asText();
    String second = c.post("/api/tokens", Map.of("label", "etl")).body().get("token").asText();
    Response list = c.get("/api/tokens");
    assertThat(list.body().get("tokens")).hasSize(2);
    assertThat(list.body().get("tokens").get(0).get("label").asText()).isIn("wallboard", "etl");
    assertThat(list.body().toString()).doesNotContain(first).doesNotContain(second);

    assertThat(withToken("POST", "/api/tokens", first, "{}"))
        .as("a token minting a token")
        .isEqualTo(403);
    assertThat(
            withToken(
                "POST",
                "/api/password",
                first,
                "{\"current\": \"" + OWN + "\", \"new\": \"other words" + " here\"}"))
        .as("a token changing the password")
        .isEqualTo(403);

    String id = null;
    for (var t : list.body().get("tokens")) {
      if (t.get("label").asText().equals("wallboard")) id = t.get("id").asText();
    }
    assertThat(c.delete("/api/tokens/" + id).status()).isEqualTo(204);
    assertThat(withToken("GET", "/api/me", first, null)).isEqualTo(401);
    assertThat(withToken("GET", "/api/me", second, null)).isEqualTo(200);

    assertThat(
            c.post("/api/password", Map.of("current", OWN, "new", "three unrelated words"))
                .status())
        .isEqualTo(200);
    assertThat(withToken("GET", "/api/me", second, null))
        .as("ended by the password change")
        .isEqualTo(401);
  }

  @Test
  void an_admin_removes_a_user_and_their_session_ends() {
    String name = manager();
    ApiClient c = ApiClient.loggedIn(url, name, OWN);
    ApiClient admin = ApiClient.loggedIn(url, ROOT, PASSWORD);
    assertThat(admin.delete("/api/users/" + name).status()).isEqualTo(204);
    assertThat(c.get("/api/me").status()).isEqualTo(401);
    assertThat(admin.delete("/api/users/" + ROOT).status()).isEqualTo(400);
  }

  @Test
  void a_disabled_user_loses_their_session_and_tokens_and_cannot_log_in_until_enabled()
      throws Exception {
    String name = manager();
    ApiClient c = ApiClient.loggedIn(url, name, OWN);
    String token = users.createToken(name, "job");
    ApiClient admin = ApiClient.loggedIn(url, ROOT, PASSWORD);

    assertThat(admin.post("/api/users/" + name + "/disable", Map.of()).status()).isEqualTo(200);

    assertThat(c.get("/api/me").status()).isEqualTo(401);
    assertThat(withToken("GET", "/api/me", token, null)).isEqualTo(401);
    assertThat(login(name, OWN).status()).isEqualTo(401);
    assertThat(admin.post("/api/users/" + ROOT + "/disable", Map.of()).status()).isEqualTo(400);
    assertThat(admin.post("/api/users/" + name + "/enable", Map.of()).status()).isEqualTo(200);
    assertThat(login(name, OWN).status()).isEqualTo(200);
    assertThat(withToken("GET", "/api/me", token, null))
        .as("tokens ended with the disabling")
        .isEqualTo(401);
  }

  @Test
  void a_read_only_token_only_reads_and_an_expired_token_is_refused() throws Exception {
    String name = manager();
    ApiClient c = ApiClient.loggedIn(url, name, OWN);
    Response made =
        c.post(
            "/api/tokens", Map.of("label", "dashboard tv", "read_only", true, "expires_days", 30));
    assertThat(made.status()).isEqualTo(201);
    String token = made.body().get("token").asText();
    assertThat(withToken("GET", "/api/kpis", token, null)).isEqualTo(200);
    assertThat(
            withToken(
                "POST",
                "/api/goals",
                token,
                "{\"kpi\":\"csat\",\"target\":90,\"by\":\"2026-12-31\"}"))
        .isEqualTo(403);
    var listed = c.get("/api/tokens").body().get("tokens").get(0);
    assertThat(listed.get("label").asText()).isEqualTo("dashboard tv");
    assertThat(listed.get("read_only").asBoolean()).isTrue();
    assertThat(
            java.time.Duration.between(
                    TestServer.CLOCK.instant(),
                    java.time.Instant.parse(listed.get("expires_at").asText()))
                .toDays())
        .isEqualTo(29);
    assertThat(c.post("/api/tokens", Map.of("expires_days", 0)).body().get("details").asText())
        .isEqualTo("A token expires after 1 to 3650 days; got 0.");

    String old =
        new Users(shared.store, Clock.offset(TestServer.CLOCK, java.time.Duration.ofDays(-2)))
            .createToken(name, "old", false, 1);
    assertThat(withToken("GET", "/api/kpis", old, null)).isEqualTo(401);
  }
}
