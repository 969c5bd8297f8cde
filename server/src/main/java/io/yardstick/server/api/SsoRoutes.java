package io.yardstick.server.api;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.nimbusds.jwt.JWT;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import io.yardstick.audit.AuditLog;
import io.yardstick.server.auth.Auth;
import io.yardstick.server.auth.Oidc;
import io.yardstick.server.auth.Sessions;
import io.yardstick.store.Store;
import io.yardstick.user.SsoSettings;
import io.yardstick.user.SsoUsers;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Single sign-on with OpenID Connect (docs/security.md#single-sign-on): {@code GET /api/sso} tells
 * the log-in page whether it is on, {@code GET /api/sso/login} sends the browser to the provider,
 * {@code GET /api/sso/callback} takes it back, starts a session like a password log-in does (a new
 * session id, its CSRF token, the same idle expiry) and records the sign-in or its refusal in the
 * audit log. With {@code sso.local_passwords: false} a password log-in is refused for everyone but
 * the break-glass accounts.
 */
public final class SsoRoutes {
  private static final Logger LOG = LoggerFactory.getLogger("yardstick.sso");
  static final String BROWSER_COOKIE = "ys_sso";

  private final Store store;
  private final Clock clock;
  private final Oidc oidc;
  private final Auth auth;
  private final Sessions sessions;
  private final AuditLog audit;

  /**
   * The ID token of each SSO session, for the provider's logout (id_token_hint); bounded like the
   * sessions.
   */
  private final Cache<String, JWT> idTokens =
      Caffeine.newBuilder().maximumSize(100_000).expireAfterAccess(Duration.ofHours(12)).build();

  /** {@code sso} null: single sign-on is off, and only {@code GET /api/sso} answers (saying so). */
  public SsoRoutes(Store store, Clock clock, SsoSettings sso, Auth auth, Sessions sessions) {
    this.store = store;
    this.clock = clock;
    this.oidc = sso == null ? null : new Oidc(sso);
    this.auth = auth;
    this.sessions = sessions;
    this.audit = new AuditLog(store, clock);
  }

  public void register(Javalin app) {
    app.get(
        "/api/sso",
        ctx -> {
          Map<String, Object> out = new LinkedHashMap<>();
          out.put("enabled", oidc != null);
          if (oidc != null) {
            out.put("label", oidc.settings().label());
            out.put("login", "/api/sso/login");
          }
          out.put("local_passwords", oidc == null || oidc.settings().localPasswords());
          ctx.json(out);
        });
    if (oidc == null) return;
    app.before("/api/login", this::onlyBreakGlass);
    app.get("/api/sso/login", this::login);
    app.get("/api/sso/callback", this::callback);
    auth.onLogout(
        (ctx, sessionId) -> {
          JWT idToken = idTokens.asMap().remove(sessionId);
          if (idToken == null) return Optional.empty();
          return oidc.logout(idToken, URI.create(origin(ctx) + "/")).map(URI::toString);
        });
  }

  /** With local passwords off, a password log-in is for the break-glass accounts only. */
  private void onlyBreakGlass(Context ctx) {
    if (oidc.settings().localPasswords()) return;
    Object name = null;
    try {
      name = ctx.bodyAsClass(Map.class).get("name");
    } catch (RuntimeException e) {
      return; // the log-in route answers a malformed body
    }
    String n = name instanceof String s ? s.strip().toLowerCase(Locale.ROOT) : "";
    if (!oidc.settings().breakGlass().contains(n)) {
      AuditRoutes.actor(ctx, n);
      throw ApiException.forbidden(
          "Log-in with a password is off (sso.local_passwords: false); sign in with "
              + oidc.settings().label()
              + " (GET /api/sso/login).");
    }
  }

  private void login(Context ctx) {
    String next = safeNext(ctx.queryParam("next"));
    Oidc.Start start;
    try {
      start = oidc.start(ctx.cookie(BROWSER_COOKIE), redirect(ctx), next);
    } catch (Oidc.Failure e) {
      LOG.warn("Single sign-on cannot start: " + e.getMessage());
      record(ctx, null, "refused:" + e.reason(), e.getMessage());
      ctx.redirect("/?sso_error=" + e.reason());
      return;
    }
    // Lax, not Strict: the provider sends the browser back by a cross-site navigation, which must
    // carry it.
    Cookie cookie = new Cookie(BROWSER_COOKIE, start.browser());
    cookie.setHttpOnly(true);
    cookie.setSameSite(SameSite.LAX);
    cookie.setPath("/api/sso");
    cookie.setMaxAge((int) Oidc.PENDING_SECONDS);
    cookie.setSecure(ClientAddress.secure(ctx));
    ctx.cookie(cookie);
    ctx.redirect(start.authorization().toString());
  }

  private void callback(Context ctx) {
    String query = ctx.queryString() == null ? "" : ctx.queryString();
    Oidc.Signed signed;
    try {
      URI uri;
      try {
        uri = URI.create(redirect(ctx) + "?" + query);
      } catch (IllegalArgumentException e) {
        throw new Oidc.Failure("bad_callback", "The callback's address is not a valid URI.");
      }
      signed = oidc.finish(uri, ctx.cookie(BROWSER_COOKIE));
    } catch (Oidc.Failure e) {
      refuse(ctx, null, e.reason(), e.getMessage());
      return;
    }
    SsoUsers.SignIn in;
    try {
      in =
          new SsoUsers(store, clock, oidc.settings())
              .signIn(signed.issuer(), signed.subject(), signed.claims());
    } catch (SsoSettings.Refused e) {
      Object name = signed.claims().get(oidc.settings().usernameClaim());
      refuse(ctx, name instanceof String s ? s : null, e.reason(), e.getMessage());
      return;
    } catch (io.yardstick.YardstickException e) {
      Object name = signed.claims().get(oidc.settings().usernameClaim());
      refuse(ctx, name instanceof String s ? s : null, "invalid", e.getMessage());
      return;
    }
    sessions.end(ctx.cookie(Auth.COOKIE)); // a session that was there before is not carried over
    Sessions.Session session = auth.login(ctx, in.user());
    idTokens.put(session.id(), signed.idToken());
    ctx.removeCookie(BROWSER_COOKIE, "/api/sso");
    record(
        ctx,
        in.user().name(),
        "ok",
        "sso "
            + signed.issuer()
            + ", role "
            + in.user().role().id()
            + (in.created() ? ", user created" : "")
            + (in.linked() ? ", identity linked" : ""));
    ctx.redirect(signed.next() == null ? "/" : signed.next());
  }

  private void refuse(Context ctx, String name, String reason, String message) {
    LOG.info("Single sign-on refused (" + reason + "): " + message);
    record(ctx, name, "refused:" + reason, message);
    ctx.redirect("/?sso_error=" + URLEncoder.encode(reason, StandardCharsets.UTF_8));
  }

  private void record(Context ctx, String name, String outcome, String detail) {
    String n = name == null ? null : name.strip().toLowerCase(Locale.ROOT);
    audit.record(
        new AuditLog.Record(
            n,
            ClientAddress.of(ctx),
            "login",
            ctx.method().name() + " " + ctx.path(),
            n,
            outcome,
            detail));
  }

  /**
   * This server's callback address: {@code sso.redirect_uri}, else from the request's scheme and
   * host.
   */
  private URI redirect(Context ctx) {
    URI configured = oidc.settings().redirectUri();
    return configured != null ? configured : URI.create(origin(ctx) + "/api/sso/callback");
  }

  private String origin(Context ctx) {
    URI configured = oidc.settings().redirectUri();
    if (configured != null) {
      return configured.getScheme() + "://" + configured.getRawAuthority();
    }
    String host = ctx.host();
    if (host == null || !host.matches("[A-Za-z0-9.\\-\\[\\]:]{1,255}")) host = "localhost";
    return (ClientAddress.secure(ctx) ? "https" : "http") + "://" + host;
  }

  /**
   * A path of this server to go to after signing in; anything else (another site, //host) is
   * dropped.
   */
  private static String safeNext(String next) {
    if (next == null
        || next.length() > 200
        || !next.startsWith("/")
        || next.startsWith("//")
        || next.contains("\\")
        || next.chars().anyMatch(c -> c < 0x21 || c == 0x7f)) {
      return null;
    }
    return next;
  }
}
