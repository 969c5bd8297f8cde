package io.yardstick.server;

import static io.yardstick.server.TestServer.PASSWORD;
import static io.yardstick.server.TestServer.ROOT;
import static org.assertj.core.api.Assertions.assertThat;

import io.yardstick.alert.AlertSettings;
import io.yardstick.kpi.KpiSettings;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Issue 11, Deliver 9 (part): --bind, and a reverse proxy's forwarded headers believed only from
 * trusted proxies.
 */
class DeploymentTest {
  private final TestServer shared = TestServer.get();
  private final HttpClient http = HttpClient.newHttpClient();

  private HttpResponse<String> login(YardstickServer server, String forwardedFor, String proto)
      throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/api/login"))
            .header("Content-Type", "application/json")
            .header("X-Forwarded-For", forwardedFor)
            .header("X-Forwarded-Proto", proto)
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    "{\"name\":\"" + ROOT + "\",\"password\":\"" + PASSWORD + "\"}"));
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private String lastLoginAddress() {
    return (String)
        shared.store.query(
                "SELECT address FROM audit_log WHERE actor = ? AND kind = 'login' ORDER BY id"
                    + " DESC LIMIT 1",
                ROOT)
            .get(0)[0];
  }

  @Test
  void behind_a_trusted_proxy_the_client_address_and_https_come_from_its_headers()
      throws Exception {
    try (YardstickServer server =
        YardstickServer.start(
            shared.store,
            KpiSettings.defaults(),
            TestServer.CLOCK,
            0,
            AlertSettings.fromEnvironment(),
            new YardstickServer.Network("127.0.0.1", Set.of("127.0.0.1")))) {
      HttpResponse<String> r = login(server, "198.51.100.4, 203.0.113.9, 127.0.0.1", "https");
      assertThat(r.statusCode()).isEqualTo(200);
      assertThat(r.headers().firstValue("Set-Cookie").orElseThrow()).contains("Secure");
      assertThat(r.headers().firstValue("Strict-Transport-Security")).contains("max-age=31536000");
      // The last address before the trusted proxies: the one the proxy saw (the first could be made
      // up).
      assertThat(lastLoginAddress()).isEqualTo("203.0.113.9");
    }
  }

  @Test
  void without_trusted_proxies_forwarded_headers_are_ignored() throws Exception {
    try (YardstickServer server =
        YardstickServer.start(shared.store, KpiSettings.defaults(), TestServer.CLOCK, 0)) {
      HttpResponse<String> r = login(server, "203.0.113.9", "https");
      assertThat(r.statusCode()).isEqualTo(200);
      assertThat(r.headers().firstValue("Set-Cookie").orElseThrow()).doesNotContain("Secure");
      assertThat(r.headers().firstValue("Strict-Transport-Security")).isEmpty();
      assertThat(lastLoginAddress()).isEqualTo("127.0.0.1");
    }
  }
}
