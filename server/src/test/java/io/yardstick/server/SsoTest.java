package io.yardstick.server;

import static io.yardstick.server.TestServer.ANA_AGENT;
import static io.yardstick.server.TestServer.MIA;
import static io.yardstick.server.TestServer.PASSWORD;
import static io.yardstick.server.TestServer.ROOT;
import static io.yardstick.server.TestServer.period;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.openid.connect.sdk.Nonce;
import io.yardstick.alert.AlertSettings;
import io.yardstick.kpi.KpiSettings;
import io.yardstick.server.auth.Oidc;
import io.yardstick.user.SsoSettings;
import io.yardstick.user.Users;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 11, Deliver 5: single sign-on with OpenID Connect against a real provider running in this
 * JVM (NAV's mock-oauth2-server: discovery, JWKS, authorization and token endpoints, PKCE checked,
 * codes used once). Each test drives the redirects as a browser would: Yardstick's log-in, the
 * provider's authorization, Yardstick's callback.
 */
class SsoTest {
  private static final String CLIENT = "yardstick";
  private final TestServer shared = TestServer.get();
  private MockOAuth2Server provider;
  private YardstickServer server;
  private String issuer;
  private int n;

  @BeforeEach
  void start() {
    provider = new MockOAuth2Server();
    provider.start();
    issuer = provider.issuerUrl("default").toString().replaceAll("/$", "");
    // The provider's first answer loads its templates and keys; not part of what is measured here.
    new Browser().get(provider.wellKnownUrl("default").toString());
    n = (int) (System.nanoTime() % 1_000_000);
  }

  @AfterEach
  void stop() {
    if (server != null) server.close();
    provider.shutdown();
  }

  /**
   * The settings a customer's IT would write; the secret comes from the environment, never the
   * file.
   */
  private SsoSettings settings(String extra) {
    String yaml =
        """
        sso:
          issuer: %s
          client_id: %s
          client_secret_env: SSO_SECRET
          label: Acme ID
          scopes: [openid, profile, groups]
          roles:
            claim: groups
            admin: [yardstick-admins]
            manager: [kpi-managers]
            lead: [team-leads]
            agent: [support]
          break_glass: [root]
        """
                .formatted(issuer, CLIENT)
            + extra;
    return SsoSettings.parse(yaml, "sso-test.yaml", Map.of("SSO_SECRET", "s3cret-from-env"))
        .orElseThrow();
  }

  private YardstickServer serve(String extra) {
    SsoSettings sso = settings(extra);
    server =
        YardstickServer.start(
            shared.store,
            KpiSettings.defaults(),
            Clock.systemUTC(),
            0,
            AlertSettings.fromEnvironment(),
            new YardstickServer.Network(null, Set.of()).withSso(sso));
    return server;
  }

  private String url(String path) {
    return "http://localhost:" + server.port() + path;
  }

  /** The next ID token the provider issues: this subject with these claims, for {@code seconds}. */
  private void nextToken(String subject, Map<String, Object> claims, long seconds) {
    provider.enqueueCallback(
        new DefaultOAuth2TokenCallback("default", subject, "JWT", null, claims, seconds));
  }

  /**
   * A browser: its own cookies, redirects followed by hand so each step can be looked at (or
   * tampered with).
   */
  private static final class Browser {
    final HttpClient http =
        HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    String csrf;

    HttpResponse<String> get(String url) {
      try {
        return http.send(
            HttpRequest.newBuilder(URI.create(url)).GET().build(),
            HttpResponse.BodyHandlers.ofString());
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }

    HttpResponse<String> post(String url, String json) {
      try {
        HttpRequest.Builder b =
            HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (csrf != null) b.header("X-CSRF-Token", csrf);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }

    JsonNode json(String url) {
      try {
        HttpResponse<String> r = get(url);
        return r.statusCode() == 200 ? ApiClient.JSON.readTree(r.body()) : null;
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }
  }

  private static String location(HttpResponse<String> r) {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(302);
    return r.headers().firstValue("Location").orElseThrow();
  }

  /**
   * Yardstick's log-in and the provider's authorization: the callback address the provider sends
   * the browser to.
   */
  private String toProvider(Browser b) {
    String authorize = location(b.get(url("/api/sso/login")));
    assertThat(authorize).startsWith(issuer + "/authorize");
    return location(b.get(authorize));
  }

  /** The whole flow: where Yardstick sends the browser at the end ("/" or "/?sso_error=..."). */
  private String signIn(Browser b) {
    return location(b.get(toProvider(b)));
  }

  private JsonNode me(Browser b) {
    JsonNode me = b.json(url("/api/me"));
    if (me != null && me.hasNonNull("csrf")) b.csrf = me.get("csrf").asText();
    return me;
  }

  private Map<String, Object> claims(String name, String group, Object... more) {
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("preferred_username", name);
    c.put("groups", List.of(group));
    for (int i = 0; i < more.length; i += 2) c.put((String) more[i], more[i + 1]);
    return c;
  }

  private Object[] lastSsoAudit() {
    return shared
        .store
        .query(
            "SELECT actor, outcome, detail, action FROM audit_log WHERE kind = 'login' AND action"
                + " LIKE 'GET /api/sso/%' ORDER BY id DESC LIMIT 1")
        .get(0);
  }

  @Test
  void a_sign_in_creates_the_user_with_the_role_of_their_group_and_a_normal_session() {
    serve("");
    String name = "sso-mia-" + n;
    nextToken("sub-" + n, claims(name, "kpi-managers"), 3600);
    Browser b = new Browser();

    String callback = toProvider(b);
    assertThat(callback).startsWith(url("/api/sso/callback?")).contains("code=").contains("state=");
    HttpResponse<String> done = b.get(callback);
    assertThat(location(done)).isEqualTo("/");
    // The session cookie is the password log-in's: HttpOnly, SameSite=Strict.
    assertThat(done.headers().allValues("Set-Cookie"))
        .anySatisfy(
            c ->
                assertThat(c)
                    .startsWith("ys_session=")
                    .contains("HttpOnly")
                    .contains("SameSite=Strict"));

    JsonNode me = me(b);
    assertThat(me.get("name").asText()).isEqualTo(name);
    assertThat(me.get("role").asText()).isEqualTo("manager");
    assertThat(me.get("must_change_password").asBoolean()).isFalse();
    // CSRF holds as for any session: a change without the token is refused, with it accepted.
    String csrf = b.csrf;
    b.csrf = null;
    assertThat(b.post(url("/api/tokens"), "{\"label\":\"x\"}").statusCode()).isEqualTo(403);
    b.csrf = csrf;
    assertThat(b.post(url("/api/tokens"), "{\"label\":\"x\"}").statusCode()).isEqualTo(201);

    Object[] audit = lastSsoAudit();
    assertThat(audit[0]).isEqualTo(name);
    assertThat(audit[1]).isEqualTo("ok");
    assertThat((String) audit[2])
        .contains("role manager")
        .contains("user created")
        .contains("identity linked");
    assertThat(
            shared.store.query(
                    "SELECT user_name FROM sso_identities WHERE issuer = ? AND subject = ?",
                    issuer,
                    "sub-" + n)
                .get(0)[0])
        .isEqualTo(name);
  }

  @Test
  void the_authorization_request_carries_pkce_state_and_nonce() {
    serve("");
    String authorize = location(new Browser().get(url("/api/sso/login")));
    Map<String, String> q = query(URI.create(authorize));
    assertThat(q)
        .containsEntry("response_type", "code")
        .containsEntry("client_id", CLIENT)
        .containsEntry("code_challenge_method", "S256")
        .containsEntry("redirect_uri", url("/api/sso/callback"))
        .containsEntry("scope", "openid profile groups");
    assertThat(q.get("code_challenge")).hasSize(43);
    assertThat(q.get("state")).isNotBlank();
    assertThat(q.get("nonce")).isNotBlank();
  }

  @Test
  void a_sign_in_returns_to_a_path_of_this_server_only() {
    serve("");
    for (String[] c :
        new String[][] {
          {"%2Fapi%2Fme", "/api/me"},
          {"%2F%2Fevil.example%2F", "/"},
          {"https%3A%2F%2Fevil.example%2F", "/"},
          {"%2F%5Cevil.example", "/"}
        }) {
      nextToken("sub-" + n, claims("sso-next-" + n, "kpi-managers"), 3600);
      Browser b = new Browser();
      String authorize = location(b.get(url("/api/sso/login?next=" + c[0])));
      assertThat(location(b.get(location(b.get(authorize))))).as(c[0]).isEqualTo(c[1]);
    }
  }

  @Test
  void the_provider_decides_the_role_at_every_sign_in() {
    serve("");
    String name = "sso-lee-" + n;
    nextToken("sub-" + n, claims(name, "team-leads", "teams", List.of("Billing")), 3600);
    Browser first = new Browser();
    assertThat(signIn(first)).isEqualTo("/");
    assertThat(me(first).get("role").asText()).isEqualTo("lead");
    assertThat(new Users(shared.store, Clock.systemUTC()).find(name).orElseThrow().teams())
        .containsExactly("Billing");

    // Moved to the admins' group: the same person (subject), now an admin; the username claim no
    // longer matters.
    nextToken("sub-" + n, claims("renamed-" + n, "yardstick-admins"), 3600);
    Browser second = new Browser();
    assertThat(signIn(second)).isEqualTo("/");
    assertThat(me(second).get("name").asText()).isEqualTo(name);
    assertThat(me(second).get("role").asText()).isEqualTo("admin");
  }

  @Test
  void a_tampered_state_is_refused_and_recorded() {
    serve("");
    nextToken("sub-" + n, claims("sso-t-" + n, "kpi-managers"), 3600);
    Browser b = new Browser();
    String callback = toProvider(b);
    String tampered = callback.replaceFirst("state=[^&]+", "state=made-up-by-an-attacker");

    assertThat(location(b.get(tampered))).isEqualTo("/?sso_error=state");
    assertThat(me(b)).isNull();
    assertThat(lastSsoAudit()[1]).isEqualTo("refused:state");
  }

  @Test
  void a_callback_from_another_browser_is_refused() {
    serve("");
    nextToken("sub-" + n, claims("sso-x-" + n, "kpi-managers"), 3600);
    String callback = toProvider(new Browser());
    Browser other = new Browser(); // an attacker's callback link opened by a victim (login CSRF)

    assertThat(location(other.get(callback))).isEqualTo("/?sso_error=browser");
    assertThat(me(other)).isNull();
  }

  @Test
  void a_replayed_code_is_refused_whether_with_its_state_or_a_fresh_one() {
    serve("");
    nextToken("sub-" + n, claims("sso-r-" + n, "kpi-managers"), 3600);
    Browser b = new Browser();
    String callback = toProvider(b);
    assertThat(location(b.get(callback))).isEqualTo("/");

    // The same callback again: its state was used.
    assertThat(location(b.get(callback))).isEqualTo("/?sso_error=state");
    // The old code with a fresh, valid state of this browser: the provider refuses the used code.
    String fresh = location(b.get(url("/api/sso/login")));
    String state = query(URI.create(fresh)).get("state");
    String code = query(URI.create(callback)).get("code");
    assertThat(location(b.get(url("/api/sso/callback?code=" + code + "&state=" + state))))
        .isEqualTo("/?sso_error=token");
    assertThat((String) lastSsoAudit()[2]).contains("invalid_grant");
  }

  @Test
  void an_id_token_for_another_audience_is_refused() {
    serve("");
    nextToken("sub-" + n, claims("sso-a-" + n, "kpi-managers", "aud", "another-client"), 3600);
    Browser b = new Browser();
    assertThat(signIn(b)).isEqualTo("/?sso_error=id_token");
    assertThat(me(b)).isNull();
    assertThat((String) lastSsoAudit()[2]).contains("audience");
  }

  @Test
  void an_expired_id_token_is_refused() throws Exception {
    serve("");
    // Through the flow: the provider answers an ID token that expired ten minutes ago with a
    // negative expires_in,
    // and the token answer is refused as it stands.
    nextToken("sub-" + n, claims("sso-e-" + n, "kpi-managers"), -600);
    Browser b = new Browser();
    assertThat(signIn(b)).isEqualTo("/?sso_error=token");
    assertThat(me(b)).isNull();
    assertThat((String) lastSsoAudit()[2]).contains("expires_in");

    // The ID token's own exp: a token the provider signed (its JWKS, its issuer, this client),
    // expired ten minutes
    // ago (beyond the 60 s skew), is refused by the validation the callback applies; the same token
    // unexpired passes.
    Oidc oidc = new Oidc(settings(""));
    SignedJWT expired =
        provider.issueToken(
            "default",
            CLIENT,
            new DefaultOAuth2TokenCallback(
                "default", "sub-e", "JWT", List.of(CLIENT), Map.of("nonce", "n-1"), -600));
    assertThatThrownBy(() -> oidc.validate(expired, new Nonce("n-1")))
        .isInstanceOf(Oidc.Failure.class)
        .hasMessage("The ID token is not valid: Expired JWT");
    SignedJWT fresh =
        provider.issueToken(
            "default",
            CLIENT,
            new DefaultOAuth2TokenCallback(
                "default", "sub-e", "JWT", List.of(CLIENT), Map.of("nonce", "n-1"), 600));
    assertThat(oidc.validate(fresh, new Nonce("n-1")).getSubject().getValue()).isEqualTo("sub-e");
    // The expired token's claims under the fresh token's signature: the signature no longer holds.
    String[] f = fresh.serialize().split("\\.");
    String[] e = expired.serialize().split("\\.");
    SignedJWT forged = SignedJWT.parse(f[0] + "." + e[1] + "." + f[2]);
    assertThatThrownBy(() -> oidc.validate(forged, new Nonce("n-1")))
        .isInstanceOf(Oidc.Failure.class)
        .hasMessageContaining("signature");
  }

  @Test
  void an_id_token_with_another_nonce_is_refused() {
    serve("");
    nextToken(
        "sub-" + n,
        claims("sso-n-" + n, "kpi-managers", "nonce", "a-nonce-of-another-sign-in"),
        3600);
    Browser b = new Browser();
    assertThat(signIn(b)).isEqualTo("/?sso_error=id_token");
    assertThat(me(b)).isNull();
    assertThat((String) lastSsoAudit()[2]).containsIgnoringCase("nonce");
  }

  @Test
  void unknown_users_are_refused_when_the_settings_say_so_and_known_ones_are_linked() {
    serve("  unknown_users: refuse\n");
    nextToken("sub-" + n, claims("sso-u-" + n, "kpi-managers"), 3600);
    Browser b = new Browser();
    assertThat(signIn(b)).isEqualTo("/?sso_error=unknown_user");
    assertThat(me(b)).isNull();
    assertThat(new Users(shared.store, Clock.systemUTC()).find("sso-u-" + n)).isEmpty();
    assertThat(lastSsoAudit()[0]).isEqualTo("sso-u-" + n);
    assertThat(lastSsoAudit()[1]).isEqualTo("refused:unknown_user");

    // An admin added them: their first sign-in links the account to the provider's subject.
    new Users(shared.store, Clock.systemUTC())
        .add("sso-u-" + n, io.yardstick.user.Role.AGENT, "agent-001");
    nextToken("sub-" + n, claims("sso-u-" + n, "kpi-managers"), 3600);
    Browser again = new Browser();
    assertThat(signIn(again)).isEqualTo("/");
    assertThat(me(again).get("role").asText()).isEqualTo("manager");
    // Another subject claiming the same name later is refused: the name is linked.
    nextToken("someone-else-" + n, claims("sso-u-" + n, "kpi-managers"), 3600);
    assertThat(signIn(new Browser())).isEqualTo("/?sso_error=taken");
  }

  @Test
  void a_person_without_a_mapped_group_or_claiming_a_break_glass_name_is_refused() {
    serve("");
    nextToken("sub-" + n, claims("sso-g-" + n, "cleaners"), 3600);
    assertThat(signIn(new Browser())).isEqualTo("/?sso_error=no_role");
    nextToken("sub2-" + n, claims(ROOT, "yardstick-admins"), 3600);
    assertThat(signIn(new Browser())).isEqualTo("/?sso_error=break_glass");
    nextToken(
        "sub3-" + n,
        claims("sso-agent-" + n, "support"),
        3600); // an agent without an agent_id claim
    assertThat(signIn(new Browser())).isEqualTo("/?sso_error=no_agent_id");
  }

  @Test
  void a_disabled_user_is_refused() {
    serve("");
    String name = "sso-d-" + n;
    nextToken("sub-" + n, claims(name, "kpi-managers"), 3600);
    assertThat(signIn(new Browser())).isEqualTo("/");
    new Users(shared.store, Clock.systemUTC()).setDisabled(name, true);
    nextToken("sub-" + n, claims(name, "kpi-managers"), 3600);
    assertThat(signIn(new Browser())).isEqualTo("/?sso_error=disabled");
  }

  @Test
  void an_agent_signed_in_by_sso_still_sees_only_their_own_numbers() {
    serve("");
    nextToken("sub-" + n, claims("sso-ana-" + n, "support", "agent_id", ANA_AGENT), 3600);
    Browser b = new Browser();
    assertThat(signIn(b)).isEqualTo("/");
    assertThat(me(b).get("role").asText()).isEqualTo("agent");
    assertThat(me(b).get("agent_id").asText()).isEqualTo(ANA_AGENT);

    ApiClient manager = ApiClient.loggedIn(this::url, MIA, PASSWORD);
    String q = "/api/kpi?" + period() + "&kpi=contacts,aht";
    JsonNode own =
        manager.get(q + "&where=agent%3D" + ANA_AGENT).body().get("rows").get(0).get("kpis");
    JsonNode all = manager.get(q).body().get("rows").get(0).get("kpis");
    JsonNode asAgent = b.json(url(q)).get("rows").get(0).get("kpis");
    JsonNode asking = b.json(url(q + "&where=agent%3Dagent-001")).get("rows").get(0).get("kpis");
    assertThat(asAgent).isEqualTo(own);
    assertThat(asking).isEqualTo(own); // another agent's filter is replaced by their own
    assertThat(own.get("contacts").asLong()).isLessThan(all.get("contacts").asLong());
    assertThat(b.get(url("/api/users")).statusCode()).isEqualTo(403);
  }

  @Test
  void with_local_passwords_off_only_break_glass_accounts_log_in_with_a_password() {
    serve("  local_passwords: false\n");
    Browser b = new Browser();
    HttpResponse<String> mia =
        b.post(url("/api/login"), "{\"name\":\"" + MIA + "\",\"password\":\"" + PASSWORD + "\"}");
    assertThat(mia.statusCode()).isEqualTo(403);
    assertThat(mia.body()).contains("sign in with Acme ID");
    assertThat(
            b.post(
                    url("/api/login"),
                    "{\"name\":\"" + ROOT + "\",\"password\":\"" + PASSWORD + "\"}")
                .statusCode())
        .isEqualTo(200);
    JsonNode config = new Browser().json(url("/api/sso"));
    assertThat(config.get("enabled").asBoolean()).isTrue();
    assertThat(config.get("label").asText()).isEqualTo("Acme ID");
    assertThat(config.get("local_passwords").asBoolean()).isFalse();
  }

  @Test
  void logout_ends_the_session_and_answers_the_providers_end_session_address() throws Exception {
    serve("");
    nextToken("sub-" + n, claims("sso-o-" + n, "kpi-managers"), 3600);
    Browser b = new Browser();
    assertThat(signIn(b)).isEqualTo("/");
    me(b);
    HttpResponse<String> out = b.post(url("/api/logout"), "{}");
    assertThat(out.statusCode()).isEqualTo(200);
    String logoutUrl = ApiClient.JSON.readTree(out.body()).get("logout_url").asText();
    assertThat(logoutUrl).startsWith(issuer + "/endsession?");
    assertThat(query(URI.create(logoutUrl)))
        .containsKey("id_token_hint")
        .containsEntry("post_logout_redirect_uri", url("/"));
    assertThat(me(b)).isNull();
  }

  private static Map<String, String> query(URI uri) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String pair : uri.getRawQuery().split("&")) {
      int eq = pair.indexOf('=');
      out.put(
          URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
          URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
    }
    return out;
  }
}
