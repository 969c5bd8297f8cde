package io.yardstick.server.api;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.yardstick.server.auth.Auth;
import io.yardstick.server.auth.LoginThrottle;
import io.yardstick.server.auth.Sessions;
import io.yardstick.user.Role;
import io.yardstick.user.User;
import io.yardstick.user.Users;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON API of accounts: log-in and log-out, the user's own password and tokens, and users
 * (admins).
 */
public final class UserRoutes {
  private final Users users;
  private final Auth auth;
  private final Sessions sessions;
  private final LoginThrottle throttle;

  public UserRoutes(Users users, Auth auth, Sessions sessions, java.time.Clock clock) {
    this.users = users;
    this.auth = auth;
    this.sessions = sessions;
    this.throttle = new LoginThrottle(clock);
  }

  public void register(Javalin app) {
    app.post("/api/login", this::login);
    app.post(
        "/api/logout",
        ctx ->
            ctx.json(
                auth.logout(ctx)
                    .<Map<String, Object>>map(url -> Map.of("ok", true, "logout_url", url))
                    .orElse(Map.of("ok", true))));
    app.get("/api/me", this::me);
    app.post("/api/password", this::changePassword);
    app.get(
        "/api/users",
        ctx -> {
          Auth.requireRole(ctx, Role.ADMIN);
          List<Object> list = new ArrayList<>();
          for (User u : users.list()) {
            list.add(userJson(u));
          }
          ctx.json(Map.of("users", list));
        });
    app.post("/api/users", this::addUser);
    app.delete("/api/users/{name}", this::removeUser);
    app.post("/api/users/{name}/disable", ctx -> setDisabled(ctx, true));
    app.post("/api/users/{name}/enable", ctx -> setDisabled(ctx, false));
    app.post(
        "/api/tokens",
        ctx -> {
          User u = Auth.user(ctx);
          Auth.requireSession(ctx, "Creating a token");
          Map<?, ?> body = ctx.bodyAsClass(Map.class);
          Object label = body.get("label");
          if (label != null && !(label instanceof String))
            throw ApiException.badRequest("label: expected a string.");
          Object readOnly = body.get("read_only");
          if (readOnly != null && !(readOnly instanceof Boolean)) {
            throw ApiException.badRequest("read_only: expected true or false.");
          }
          Object days = body.get("expires_days");
          if (days != null && !(days instanceof Integer)) {
            throw ApiException.badRequest(
                "expires_days: expected a whole number of days from 1 to "
                    + Users.MAX_TOKEN_DAYS
                    + ".");
          }
          AuditRoutes.detail(
              ctx,
              (label == null ? "" : "label " + label + ", ")
                  + (Boolean.TRUE.equals(readOnly) ? "read-only" : "read-write")
                  + (days == null ? "" : ", " + days + " days"));
          ctx.status(201)
              .json(
                  Map.of(
                      "token",
                      users.createToken(
                          u.name(), (String) label, Boolean.TRUE.equals(readOnly), (Integer) days),
                      "note",
                      "Shown once; send it as Authorization: Bearer TOKEN."));
        });
    app.get(
        "/api/tokens",
        ctx -> {
          List<Object> out = new ArrayList<>();
          for (Users.Token t : users.tokens(Auth.user(ctx).name())) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", t.id());
            m.put("label", t.label());
            m.put("created_at", t.createdAt() == null ? null : t.createdAt().toString());
            m.put("read_only", t.readOnly());
            m.put("expires_at", t.expiresAt() == null ? null : t.expiresAt().toString());
            out.add(m);
          }
          ctx.json(Map.of("tokens", out));
        });
    app.delete(
        "/api/tokens/{id}",
        ctx -> {
          if (!users.revokeToken(Auth.user(ctx).name(), ctx.pathParam("id"))) {
            throw ApiException.notFound(
                "You have no token " + ctx.pathParam("id") + "; GET /api/tokens lists yours.");
          }
          ctx.status(204);
        });
  }

  private void login(Context ctx) {
    Map<?, ?> body;
    try {
      body = ctx.bodyAsClass(Map.class);
    } catch (RuntimeException e) {
      throw ApiException.badRequest(
          "The body must be JSON: {\"name\": \"...\", \"password\": \"...\"}.");
    }
    Object name = body.get("name");
    Object password = body.get("password");
    if (!(name instanceof String) || !(password instanceof String)) {
      throw ApiException.badRequest(
          "The body needs name and password: {\"name\": \"...\", \"password\": \"...\"}.");
    }
    AuditRoutes.actor(ctx, ((String) name).strip().toLowerCase(java.util.Locale.ROOT));
    throttle.check(
        (String) name,
        ClientAddress.of(ctx)); // locked out: refused before the password is even checked
    java.util.Optional<User> found = users.authenticate((String) name, (String) password);
    if (found.isEmpty()) {
      throttle.failed((String) name, ClientAddress.of(ctx));
      throw ApiException.unauthorized("The name or the password is wrong.");
    }
    throttle.succeeded((String) name);
    User user = found.get();
    Sessions.Session s = auth.login(ctx, user);
    Map<String, Object> out = userJson(user);
    out.put("csrf", s.csrf());
    ctx.json(out);
  }

  private void me(Context ctx) {
    User user = Auth.user(ctx);
    Map<String, Object> out = userJson(user);
    Auth.session(ctx).ifPresent(s -> out.put("csrf", s.csrf()));
    ctx.json(out);
  }

  private void changePassword(Context ctx) {
    User user = Auth.user(ctx);
    Auth.requireSession(ctx, "Changing the password");
    Map<?, ?> body = ctx.bodyAsClass(Map.class);
    Object current = body.get("current");
    Object next = body.get("new");
    if (current == null || next == null) {
      throw ApiException.badRequest(
          "The body needs current and new: {\"current\": \"...\", \"new\": \"...\"}.");
    }
    throttle.check(
        user.name(), ClientAddress.of(ctx)); // the current password cannot be guessed here either
    if (users.authenticate(user.name(), current.toString()).isEmpty()) {
      throttle.failed(user.name(), ClientAddress.of(ctx));
      throw ApiException.forbidden("The current password is wrong.");
    }
    try {
      users.setPassword(user.name(), next.toString());
    } catch (io.yardstick.store.StoreException e) {
      throw e; // the server's failure: 500 with an error id, never the store's text
    } catch (io.yardstick.YardstickException e) {
      throw ApiException.badRequest(e.getMessage());
    }
    sessions.endAll(user.name());
    Sessions.Session s = auth.login(ctx, users.find(user.name()).orElseThrow());
    ctx.json(Map.of("ok", true, "csrf", s.csrf()));
  }

  /**
   * Disables a user (admins; not oneself): their sessions and tokens end; or enables them again.
   */
  private void setDisabled(Context ctx, boolean disabled) {
    User admin = Auth.requireRole(ctx, Role.ADMIN);
    String name = ctx.pathParam("name").strip().toLowerCase(java.util.Locale.ROOT);
    AuditRoutes.target(ctx, name);
    if (name.equals(admin.name()))
      throw ApiException.badRequest("You cannot disable yourself; ask another admin.");
    if (!users.setDisabled(name, disabled))
      throw ApiException.notFound("There is no user named '" + name + "'.");
    if (disabled) sessions.endAll(name);
    ctx.json(Map.of("name", name, "disabled", disabled));
  }

  /** Removes a user (admins; not oneself): their sessions and API tokens end with them. */
  private void removeUser(Context ctx) {
    User admin = Auth.requireRole(ctx, Role.ADMIN);
    String name = ctx.pathParam("name").strip().toLowerCase(java.util.Locale.ROOT);
    if (name.equals(admin.name()))
      throw ApiException.badRequest("You cannot remove yourself; ask another admin.");
    if (!users.remove(name)) throw ApiException.notFound("There is no user named '" + name + "'.");
    sessions.endAll(name);
    ctx.status(204);
  }

  private void addUser(Context ctx) {
    Auth.requireRole(ctx, Role.ADMIN);
    Map<?, ?> body = ctx.bodyAsClass(Map.class);
    Object name = body.get("name");
    Object role = body.get("role");
    Object agent = body.get("agent_id");
    if (name == null || role == null) {
      throw ApiException.badRequest(
          "The body needs name and role (admin, manager, lead or agent), agent_id for agents"
              + " and teams for leads.");
    }
    if (body.get("teams") != null
        && !(body.get("teams") instanceof List<?> l
            && l.stream().allMatch(t -> t instanceof String))) {
      throw ApiException.badRequest("teams: expected a list of team names, such as [\"red\"].");
    }
    try {
      Role r = Role.of(role.toString());
      List<String> teams =
          body.get("teams") instanceof List<?> l ? l.stream().map(Object::toString).toList() : null;
      if (teams != null && r != Role.LEAD)
        throw ApiException.badRequest("Only a team lead (role lead) has teams.");
      String password =
          r == Role.LEAD
              ? users.addLead(name.toString(), teams == null ? List.of() : teams)
              : users.add(name.toString(), r, agent == null ? null : agent.toString());
      AuditRoutes.target(ctx, name.toString().strip().toLowerCase(java.util.Locale.ROOT));
      AuditRoutes.detail(ctx, "role " + Role.of(role.toString()).id());
      ctx.status(201)
          .json(
              Map.of(
                  "name",
                  name.toString().strip().toLowerCase(java.util.Locale.ROOT),
                  "one_time_password",
                  password));
    } catch (io.yardstick.store.StoreException e) {
      throw e; // the server's failure: 500 with an error id, never the store's text
    } catch (io.yardstick.YardstickException e) {
      throw ApiException.badRequest(e.getMessage());
    }
  }

  private static Map<String, Object> userJson(User u) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", u.name());
    m.put("role", u.role().id());
    m.put("agent_id", u.agentId());
    if (u.teamScoped()) m.put("teams", u.teams());
    m.put("must_change_password", u.mustChangePassword());
    return m;
  }
}
