package io.yardstick.server;

import static io.yardstick.server.TestServer.PASSWORD;
import static io.yardstick.server.TestServer.ROOT;
import static org.assertj.core.api.Assertions.assertThat;

import io.yardstick.alert.AlertSettings;
import io.yardstick.kpi.KpiSettings;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import java.util.Set;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11, Deliver 9: the server's own TLS from a PKCS12 keystore or PEM files, with HSTS and a
 * Secure cookie.
 */
class TlsTest {
  private static final String STORE_PASSWORD = "changeit-not-used";
  @TempDir static Path dir;
  private static Path keystore;

  @BeforeAll
  static void makeCertificate() throws Exception {
    keystore = dir.resolve("server.p12");
    run(
        List.of(
            Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
            "-genkeypair",
            "-alias",
            "yardstick",
            "-keyalg",
            "EC",
            "-groupname",
            "secp256r1",
            "-dname",
            "CN=localhost",
            "-ext",
            "san=ip:127.0.0.1,dns:localhost",
            "-validity",
            "2",
            "-storetype",
            "PKCS12",
            "-keystore",
            keystore.toString(),
            "-storepass",
            STORE_PASSWORD));
    run(
        List.of(
            "openssl",
            "pkcs12",
            "-in",
            keystore.toString(),
            "-passin",
            "pass:" + STORE_PASSWORD,
            "-nokeys",
            "-out",
            dir.resolve("cert.pem").toString()));
    run(
        List.of(
            "openssl",
            "pkcs12",
            "-in",
            keystore.toString(),
            "-passin",
            "pass:" + STORE_PASSWORD,
            "-nocerts",
            "-nodes",
            "-out",
            dir.resolve("key-any.pem").toString()));
    run(
        List.of(
            "openssl",
            "pkcs8",
            "-topk8",
            "-nocrypt",
            "-in",
            dir.resolve("key-any.pem").toString(),
            "-out",
            dir.resolve("key.pem").toString()));
  }

  private static void run(List<String> command) throws Exception {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    if (p.waitFor() != 0) throw new AssertionError(command + ": " + out);
  }

  private static HttpClient trusting() throws Exception {
    KeyStore ks = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(keystore)) {
      ks.load(in, STORE_PASSWORD.toCharArray());
    }
    TrustManagerFactory tmf =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(ks);
    SSLContext ssl = SSLContext.getInstance("TLS");
    ssl.init(null, tmf.getTrustManagers(), null);
    return HttpClient.newBuilder().sslContext(ssl).build();
  }

  private static void answersOverHttpsWithHstsAndASecureCookie(Tls tls) throws Exception {
    TestServer shared = TestServer.get();
    try (YardstickServer server =
        YardstickServer.start(
            shared.store,
            KpiSettings.defaults(),
            TestServer.CLOCK,
            0,
            AlertSettings.fromEnvironment(),
            new YardstickServer.Network("127.0.0.1", Set.of(), tls))) {
      HttpResponse<String> r =
          trusting()
              .send(
                  HttpRequest.newBuilder(
                          URI.create("https://localhost:" + server.port() + "/api/login"))
                      .header("Content-Type", "application/json")
                      .POST(
                          HttpRequest.BodyPublishers.ofString(
                              "{\"name\":\"" + ROOT + "\",\"password\":\"" + PASSWORD + "\"}"))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      assertThat(r.statusCode()).isEqualTo(200);
      assertThat(r.headers().firstValue("Strict-Transport-Security")).contains("max-age=31536000");
      assertThat(r.headers().firstValue("Set-Cookie").orElseThrow()).contains("Secure");
      HttpResponse<String> plain = null;
      try {
        plain =
            HttpClient.newHttpClient()
                .send(
                    HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + server.port() + "/health"))
                        .build(),
                    HttpResponse.BodyHandlers.ofString());
      } catch (java.io.IOException e) {
        // refused at the TLS layer: fine
      }
      assertThat(plain == null || plain.statusCode() == 400)
          .as("no plain HTTP on the TLS port")
          .isTrue();
    }
  }

  @Test
  void the_server_serves_https_from_a_pkcs12_keystore() throws Exception {
    answersOverHttpsWithHstsAndASecureCookie(Tls.keystore(keystore, STORE_PASSWORD));
  }

  @Test
  void the_server_serves_https_from_pem_files() throws Exception {
    answersOverHttpsWithHstsAndASecureCookie(
        Tls.pem(dir.resolve("cert.pem"), dir.resolve("key.pem")));
  }

  @Test
  void plain_http_has_no_hsts() throws Exception {
    TestServer shared = TestServer.get();
    HttpResponse<String> r =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(shared.url("/health"))).build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(r.headers().firstValue("Strict-Transport-Security")).isEmpty();
  }
}
