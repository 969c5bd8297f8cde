package io.yardstick.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.yardstick.server.auth.Auth;
import io.yardstick.survey.SurveyException;
import io.yardstick.survey.SurveyJson;
import io.yardstick.survey.Surveys;
import io.yardstick.user.Role;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Surveys (docs/surveys.md). Public, without log-in, under {@code /api/public/survey}: the answer
 * page's question ({@code GET ?t=TOKEN}), the answer ({@code POST {t, score, comment}}) and the
 * opt-out ({@code POST /opt-out {t}}), each bounded by a per-address request rate and a small body,
 * and answering the same for any customer (only the token is looked at). For managers and admins:
 * invitations listed, a link made for another channel, a bounce recorded.
 */
public final class SurveyRoutes {
  /**
   * The largest public request body: a score and a comment of {@link Surveys#MAX_COMMENT}
   * characters fit.
   */
  static final int MAX_PUBLIC_BODY = 16 * 1024;

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Surveys surveys;
  private final Throttle throttle;

  public SurveyRoutes(Surveys surveys, Clock clock) {
    this.surveys = surveys;
    this.throttle = new Throttle(clock, surveys.settings().publicRequestsPerMinute());
  }

  public void register(Javalin app) {
    for (String path : List.of("/api/public/survey", "/api/public/survey/*")) {
      app.before(
          path,
          ctx -> {
            ctx.header("Cache-Control", "no-store");
            throttle.admit(ClientAddress.of(ctx));
            if (ctx.req().getContentLengthLong() > MAX_PUBLIC_BODY) {
              throw new ApiException(
                  413,
                  "Body too large",
                  "A survey answer is at most " + MAX_PUBLIC_BODY + " bytes.");
            }
          });
    }
    app.get(
        "/api/public/survey",
        ctx -> publicly(ctx, () -> ctx.json(SurveyJson.page(surveys.page(ctx.queryParam("t"))))));
    app.post(
        "/api/public/survey",
        ctx ->
            publicly(
                ctx,
                () -> {
                  JsonNode body = body(ctx);
                  String token = text(body, "t");
                  Integer score = null;
                  JsonNode s = body.get("score");
                  if (s != null && !s.isNull()) {
                    if (!s.canConvertToExactIntegral())
                      throw ApiException.badRequest("score: expected a whole number.");
                    score = s.asInt();
                  }
                  JsonNode c = body.get("comment");
                  if (c != null && !c.isNull() && !c.isTextual())
                    throw ApiException.badRequest("comment: expected text.");
                  Surveys.Outcome outcome =
                      surveys.answer(
                          token,
                          score,
                          c == null || c.isNull() ? null : c.asText(),
                          body.has("comment"));
                  Map<String, Object> out = new LinkedHashMap<>();
                  out.put("outcome", outcome.name().toLowerCase(java.util.Locale.ROOT));
                  out.put("survey", SurveyJson.page(surveys.page(token)));
                  ctx.json(out);
                }));
    app.post(
        "/api/public/survey/opt-out",
        ctx ->
            publicly(
                ctx,
                () -> {
                  surveys.optOut(text(body(ctx), "t"));
                  ctx.json(Map.of("opted_out", true));
                }));

    app.get(
        "/api/surveys/invitations",
        ctx -> {
          Auth.requireRole(ctx, Role.ADMIN, Role.MANAGER);
          int limit = ApiParams.integer(ctx, "limit", 100, 1, 1000);
          List<Object> out = new ArrayList<>();
          for (Surveys.Invitation i :
              surveys.list(ctx.queryParam("contact_id"), ctx.queryParam("customer_id"), limit)) {
            out.add(SurveyJson.invitation(i, null));
          }
          ctx.json(Map.of("invitations", out, "counts", surveys.counts()));
        });
    app.post(
        "/api/surveys/invitations",
        ctx -> {
          Auth.requireRole(ctx, Role.ADMIN, Role.MANAGER);
          JsonNode body = body(ctx);
          Surveys.Invitation i = surveys.link(text(body, "contact_id"), text(body, "rule"));
          AuditRoutes.detail(
              ctx, "survey link for contact " + i.contactId() + ", rule " + i.rule());
          ctx.status(201).json(SurveyJson.invitation(i, surveys));
        });
    app.post(
        "/api/surveys/invitations/{id}/bounced",
        ctx -> {
          Auth.requireRole(ctx, Role.ADMIN, Role.MANAGER);
          JsonNode body = ctx.body().isBlank() ? JSON.createObjectNode() : body(ctx);
          JsonNode reason = body.get("reason");
          if (!surveys.bounced(
              ctx.pathParam("id"), reason == null || reason.isNull() ? null : reason.asText())) {
            throw ApiException.notFound(
                "There is no e-mailed invitation "
                    + ctx.pathParam("id")
                    + " to mark bounced;"
                    + " GET /api/surveys/invitations lists them.");
          }
          ctx.json(SurveyJson.invitation(surveys.find(ctx.pathParam("id")).orElseThrow(), null));
        });
  }

  /**
   * The survey errors as statuses: one message for every link that is not valid, whoever it was
   * for.
   */
  private static void publicly(Context ctx, Runnable work) {
    try {
      work.run();
    } catch (SurveyException e) {
      int status =
          switch (e.reason()) {
            case NOT_VALID -> 404;
            case EXPIRED -> 410;
            case CLOSED -> 409;
            case BAD_ANSWER -> 400;
          };
      String title =
          switch (e.reason()) {
            case NOT_VALID -> "Not found";
            case EXPIRED -> "Gone";
            case CLOSED -> "Conflict";
            case BAD_ANSWER -> "Bad request";
          };
      throw new ApiException(status, title, e.getMessage());
    }
  }

  private static JsonNode body(Context ctx) {
    try {
      JsonNode body = JSON.readTree(ctx.bodyAsBytes());
      if (body == null || !body.isObject())
        throw ApiException.badRequest("The body is not a JSON object.");
      return body;
    } catch (IOException e) {
      throw ApiException.badRequest(
          "The body is not JSON; send a JSON object as /openapi.json describes.");
    }
  }

  private static String text(JsonNode body, String name) {
    JsonNode v = body.get(name);
    if (v == null || !v.isTextual() || v.asText().isBlank()) {
      throw ApiException.badRequest(name + ": expected text; it is missing.");
    }
    return v.asText();
  }

  /**
   * At most {@code perMinute} requests per client address in each minute of the clock; beyond, 429
   * with Retry-After. The table forgets every address at each new minute, so it holds no more
   * addresses than one minute brings.
   */
  static final class Throttle {
    private final Clock clock;
    private final int perMinute;
    private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();
    private volatile long minute = -1;

    Throttle(Clock clock, int perMinute) {
      this.clock = clock;
      this.perMinute = perMinute;
    }

    void admit(String address) {
      long now = clock.millis() / 60_000;
      if (now != minute) {
        synchronized (this) {
          if (now != minute) {
            counts.clear();
            minute = now;
          }
        }
      }
      if (counts.size() > 100_000) counts.clear(); // a flood of addresses: forget rather than grow
      if (counts.computeIfAbsent(address, a -> new AtomicInteger()).incrementAndGet() > perMinute) {
        throw new ApiException(
                429,
                "Too many requests",
                "Too many survey requests from your address; try again in a" + " minute.")
            .retryAfterSeconds(60);
      }
    }
  }
}
