package io.yardstick.server.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.yardstick.Parse;
import io.yardstick.audit.AuditLog;
import io.yardstick.erasure.Erasures;
import io.yardstick.server.auth.Auth;
import io.yardstick.user.Role;
import io.yardstick.user.User;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The audit log on the HTTP side: every request that changes something ({@code POST}, {@code PUT},
 * {@code DELETE} under {@code /api}, log-ins included, refused ones too) is recorded after it is
 * answered, with the user, the client's address, the route and the status; {@code GET /api/audit}
 * lists the log for admins and {@code GET /api/audit/export} gives it as JSON Lines. A route adds
 * what it acted on with {@link #target} and counts with {@link #detail}; bodies are never recorded
 * (they may hold passwords).
 */
public final class AuditRoutes {
  private static final Logger LOG = LoggerFactory.getLogger("yardstick.audit");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String ACTOR = "yardstick.audit.actor";
  private static final String TARGET = "yardstick.audit.target";
  private static final String DETAIL = "yardstick.audit.detail";

  private final AuditLog audit;

  public AuditRoutes(AuditLog audit) {
    this.audit = audit;
  }

  /** Who a request acts as when no one is logged in yet (the name a log-in tried). */
  public static void actor(Context ctx, String name) {
    ctx.attribute(ACTOR, name);
  }

  /** What a request acted on (a created goal's id...), when the path does not say it. */
  public static void target(Context ctx, Object target) {
    ctx.attribute(TARGET, String.valueOf(target));
  }

  /** More about what a request did: counts, a hash; never personal data. */
  public static void detail(Context ctx, String detail) {
    ctx.attribute(DETAIL, detail);
  }

  public void register(Javalin app) {
    app.after("/api/*", this::recordChange);
    app.get(
        "/api/audit",
        ctx -> {
          Auth.requireRole(ctx, Role.ADMIN);
          int page = ApiParams.integer(ctx, "page", 0, 0, 1_000_000);
          int size = ApiParams.integer(ctx, "size", 50, 1, 1000);
          AuditLog.Page p = audit.list(filter(ctx), page, size);
          Map<String, Object> out = new LinkedHashMap<>();
          out.put("total", p.total());
          out.put("page", p.page());
          out.put("size", p.size());
          List<Object> entries = new ArrayList<>();
          p.entries().forEach(e -> entries.add(e.toJson()));
          out.put("entries", entries);
          ctx.json(out);
        });
    app.get(
        "/api/audit/export",
        ctx -> {
          Auth.requireRole(ctx, Role.ADMIN);
          AuditLog.Filter filter = filter(ctx);
          ctx.contentType("application/x-ndjson; charset=utf-8");
          ctx.header("Content-Disposition", "attachment; filename=\"yardstick-audit.jsonl\"");
          OutputStream out = ctx.outputStream();
          audit.export(
              filter,
              e -> {
                try {
                  out.write(JSON.writeValueAsBytes(e.toJson()));
                  out.write('\n');
                } catch (IOException ex) {
                  throw new UncheckedIOException(ex);
                }
              });
        });
  }

  /**
   * kind, user, from and to (a date, the start of that UTC day, or an instant; to is exclusive).
   */
  private static AuditLog.Filter filter(Context ctx) {
    String kind = blankToNull(ctx.queryParam("kind"));
    if (kind != null && !AuditLog.KINDS.contains(kind)) {
      throw ApiException.badRequest(
          "Parameter 'kind': '"
              + kind
              + "' is not a kind of audit entry; expected one of "
              + String.join(", ", AuditLog.KINDS)
              + ".");
    }
    return new AuditLog.Filter(
        kind, blankToNull(ctx.queryParam("user")), instant(ctx, "from"), instant(ctx, "to"));
  }

  private static Instant instant(Context ctx, String name) {
    String text = blankToNull(ctx.queryParam(name));
    if (text == null) return null;
    if (text.contains("T")) return ApiParams.parsed(name, () -> Parse.instant(text));
    return ApiParams.parsed(name, () -> Parse.date(text)).atStartOfDay(ZoneOffset.UTC).toInstant();
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  private void recordChange(Context ctx) {
    String method = ctx.method().name();
    if (method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS")) return;
    String path = ctx.path();
    // Live events are recorded by their ids in the events table, batch by batch; one entry per
    // batch would bury the
    // rest of the log.
    if (path.equals("/api/events")) return;
    // Customers' survey answers and opt-outs (no user) are recorded in survey_invitations and
    // survey_opt_outs.
    if (path.startsWith("/api/public/")) return;
    Object user = ctx.attribute("yardstick.user");
    String actor = user instanceof User u ? u.name() : ctx.attribute(ACTOR);
    String target = ctx.attribute(TARGET);
    if (target == null) target = lastSegment(path);
    // A customer id is personal data: the log keeps its hash, and the route without it.
    boolean personal = path.startsWith("/api/customers/");
    if (personal && target != null && !target.startsWith("sha256:")) {
      target = "sha256:" + Erasures.sha256(target.strip());
    }
    String action = method + " " + (personal ? "/api/customers/{id}" : path);
    try {
      audit.record(
          new AuditLog.Record(
              actor,
              ClientAddress.of(ctx),
              kind(path),
              action,
              target,
              Integer.toString(ctx.statusCode()),
              ctx.attribute(DETAIL)));
    } catch (RuntimeException e) {
      // The answer is gone already; the log keeps what could not be recorded.
      LOG.error(
          "Could not record " + method + " " + path + " by " + actor + " in the audit log", e);
    }
  }

  private static String lastSegment(String path) {
    String[] parts = path.split("/");
    // /api/goals/12 -> 12; /api/goals -> none
    return parts.length > 3
        ? java.net.URLDecoder.decode(parts[parts.length - 1], StandardCharsets.UTF_8)
        : null;
  }

  static String kind(String path) {
    if (path.equals("/api/login") || path.equals("/api/logout")) return "login";
    if (path.startsWith("/api/users") || path.equals("/api/password")) return "user";
    if (path.startsWith("/api/tokens")) return "token";
    if (path.startsWith("/api/alerts")) return "rule";
    if (path.startsWith("/api/goals")) return "goal";
    if (path.startsWith("/api/customers") || path.startsWith("/api/retention")) return "data";
    if (path.startsWith("/api/forecast")) return "forecast";
    if (path.startsWith("/api/settings")) return "settings";
    return "other";
  }
}
