package io.yardstick.server.auth;

import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import io.yardstick.server.api.ApiException;
import io.yardstick.user.Role;
import io.yardstick.user.User;
import io.yardstick.user.Users;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * Who is asking: an API token ({@code Authorization: Bearer ys_...}) or a session cookie. Requests
 * that change something with a session cookie must carry its CSRF token in {@code X-CSRF-Token};
 * the cookie is HttpOnly and SameSite=Strict.
 */
public final class Auth {
  public static final String COOKIE = "ys_session";
  private static final String USER = "yardstick.user";
  private static final String SESSION = "yardstick.session";

  private static final java.util.Set<String> PASSWORD_CHANGE =
      java.util.Set.of("/api/me", "/api/password", "/api/logout");

  private final Users users;
  private final Sessions sessions;
  private volatile java.util.function.BiFunction<Context, String, Optional<String>> endSession =
      (ctx, id) -> Optional.empty();

  public Auth(Users users, Sessions sessions) {
    this.users = users;
    this.sessions = sessions;
  }

  /**
   * Identifies the caller or answers 401; checks the CSRF token of cookie-authenticated changes.
   */
  public void require(Context ctx) {
    String header = ctx.header("Authorization");
    if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      Users.Bearer bearer =
          users
              .bearer(header.substring(7))
              .orElseThrow(
                  () ->
                      ApiException.unauthorized(
                          "The API token is not valid (unknown, revoked, expired, or its user is disabled);"
                              + " create one with POST /api/tokens or ./yardstick user token NAME."));
      User user = bearer.user();
      if (bearer.readOnly() && !isSafe(ctx.method().name())) {
        throw ApiException.forbidden(
            "This API token may only read (GET); create one without read_only to change"
                + " things.");
      }
      if (user.mustChangePassword()) {
        throw ApiException.forbidden(
            "The token's user must choose a new password first (log in on the web page).");
      }
      ctx.attribute(USER, user);
      return;
    }
    Sessions.Session session =
        sessions
            .find(ctx.cookie(COOKIE))
            .orElseThrow(
                () ->
                    ApiException.unauthorized(
                        "Log in first (POST /api/login), or send an API token as Authorization: Bearer."));
    User user =
        users
            .find(session.user())
            .orElseThrow(() -> ApiException.unauthorized("The user no longer exists."));
    if (users.isDisabled(user.name())) {
      sessions.end(ctx.cookie(COOKIE));
      throw ApiException.unauthorized("The user is disabled; ask an admin.");
    }
    if (user.mustChangePassword() && !PASSWORD_CHANGE.contains(ctx.path())) {
      // The forced change is the API's rule, not only the pages'.
      throw ApiException.forbidden(
          "Choose your own password first: POST /api/password {\"current\": \"...\","
              + " \"new\": \"...\"}; until then only /api/me, /api/password and /api/logout answer.");
    }
    if (!isSafe(ctx.method().name())) {
      String token = ctx.header("X-CSRF-Token");
      if (token == null
          || !MessageDigest.isEqual(
              token.getBytes(StandardCharsets.UTF_8),
              session.csrf().getBytes(StandardCharsets.UTF_8))) {
        throw ApiException.forbidden(
            "The CSRF token is missing or wrong; send the csrf value of GET /api/me in the"
                + " X-CSRF-Token header.");
      }
    }
    ctx.attribute(USER, user);
    ctx.attribute(SESSION, session);
  }

  public static User user(Context ctx) {
    User u = ctx.attribute(USER);
    if (u == null) throw ApiException.unauthorized("Log in first.");
    return u;
  }

  /**
   * The session of a request that must come from a person logged in, not from an API token; else
   * 403.
   */
  public static Sessions.Session requireSession(Context ctx, String what) {
    return session(ctx)
        .orElseThrow(
            () ->
                ApiException.forbidden(
                    what + " needs a log-in session; an API token" + " cannot do it."));
  }

  public static Optional<Sessions.Session> session(Context ctx) {
    return Optional.ofNullable(ctx.attribute(SESSION));
  }

  /** Answers 403 unless the caller has one of the roles. */
  public static User requireRole(Context ctx, Role... roles) {
    User u = user(ctx);
    for (Role r : roles) {
      if (u.role() == r) return u;
    }
    throw ApiException.forbidden(
        "This needs the role "
            + String.join(" or ", java.util.Arrays.stream(roles).map(Role::id).toList())
            + "; you are "
            + u.role().id()
            + ".");
  }

  /** Logs a user in: a new session and its cookie. */
  public Sessions.Session login(Context ctx, User user) {
    Sessions.Session s = sessions.start(user.name());
    Cookie cookie = new Cookie(COOKIE, s.id());
    cookie.setHttpOnly(true);
    cookie.setSameSite(SameSite.STRICT);
    cookie.setPath("/");
    cookie.setSecure(io.yardstick.server.api.ClientAddress.secure(ctx));
    ctx.cookie(cookie);
    return s;
  }

  /**
   * Ends the session and removes its cookie; answers where the browser should go to end the session
   * at the identity provider too (RP-initiated logout), when single sign-on started it.
   */
  public Optional<String> logout(Context ctx) {
    String id = ctx.cookie(COOKIE);
    // A live session is ended only by its own pages (the CSRF token), as every other change; a
    // stale cookie is just
    // cleared.
    Optional<Sessions.Session> live = sessions.find(id);
    if (live.isPresent()) {
      String token = ctx.header("X-CSRF-Token");
      if (token == null
          || !MessageDigest.isEqual(
              token.getBytes(StandardCharsets.UTF_8),
              live.get().csrf().getBytes(StandardCharsets.UTF_8))) {
        throw ApiException.forbidden(
            "The CSRF token is missing or wrong; send the csrf value of GET /api/me in the"
                + " X-CSRF-Token header.");
      }
    }
    Optional<String> provider = id == null ? Optional.empty() : endSession.apply(ctx, id);
    sessions.end(id);
    ctx.removeCookie(COOKIE, "/");
    return provider;
  }

  /**
   * What else ends with a session: single sign-on answers the provider's logout address
   * (docs/security.md).
   */
  public void onLogout(java.util.function.BiFunction<Context, String, Optional<String>> hook) {
    this.endSession = hook;
  }

  private static boolean isSafe(String method) {
    return method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS");
  }
}
