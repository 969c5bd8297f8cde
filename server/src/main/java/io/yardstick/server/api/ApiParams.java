package io.yardstick.server.api;

import io.javalin.http.Context;
import io.yardstick.Parse;
import io.yardstick.YardstickException;
import io.yardstick.kpi.Dimension;
import io.yardstick.kpi.Filter;
import io.yardstick.kpi.Kpi;
import io.yardstick.kpi.KpiQuery;
import io.yardstick.user.User;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The query model of the API, the same as the CLI's: from, to (local dates, both inclusive), tz, by
 * (comma-separated dimensions), where (repeatable DIM=V[,V...] or DIM=LOW..HIGH), kpi
 * (comma-separated ids), compare=previous, business_hours. A bad parameter answers 400 naming the
 * parameter and the expected form. An agent's queries are always restricted to their own agent_id,
 * a lead's to the contacts of their teams.
 */
public final class ApiParams {
  private ApiParams() {}

  public static KpiQuery query(Context ctx, User user, List<Kpi> defaultKpis) {
    LocalDate from = date(ctx, "from");
    LocalDate to = date(ctx, "to");
    try {
      KpiQuery.checkDays(from, to);
    } catch (YardstickException e) {
      throw ApiException.badRequest(e.getMessage());
    }
    if (to.isBefore(from)) {
      throw ApiException.badRequest(
          "Parameter 'to' (" + to + ") is before 'from' (" + from + "); give to on or after from.");
    }
    ZoneId zone = zone(ctx);
    List<Kpi> kpis = kpis(ctx, defaultKpis);
    List<Dimension> by = new ArrayList<>();
    for (String name : list(ctx, "by")) {
      try {
        by.add(Dimension.of(name));
      } catch (YardstickException e) {
        throw ApiException.badRequest("Parameter 'by': " + e.getMessage());
      }
    }
    List<Filter> filters = new ArrayList<>();
    for (String w : ctx.queryParams("where")) {
      if (w.isBlank()) continue;
      try {
        filters.add(Filter.parse(w));
      } catch (YardstickException e) {
        throw ApiException.badRequest("Parameter 'where': " + e.getMessage());
      }
    }
    if (!user.seesEveryone()) {
      filters.removeIf(f -> f.dimension().name().equals("agent"));
      filters.add(new Filter(Dimension.of("agent"), List.of(user.agentId()), null, null));
    }
    if (user.teamScoped()) {
      // A lead's questions are about their teams' contacts, whatever else they filter by (the
      // filters add up).
      filters.add(new Filter(Dimension.of("team"), user.teams(), null, null));
    }
    String compare = ctx.queryParam("compare");
    if (compare != null && !compare.isBlank() && !compare.equals("previous")) {
      throw ApiException.badRequest(
          "Parameter 'compare': '" + compare + "' is not known; expected previous.");
    }
    String bh = ctx.queryParam("business_hours");
    try {
      return new KpiQuery(
          from,
          to,
          zone,
          kpis,
          by,
          filters,
          "previous".equals(compare),
          bh == null || bh.isBlank() ? null : bh);
    } catch (YardstickException e) {
      throw ApiException.badRequest(e.getMessage());
    }
  }

  public static List<Kpi> kpis(Context ctx, List<Kpi> defaultKpis) {
    List<String> ids = list(ctx, "kpi");
    if (ids.isEmpty()) return defaultKpis;
    return parsed("kpi", () -> Parse.kpis(String.join(",", ids)));
  }

  /**
   * A field of a JSON body read by the core's parser ({@link Parse}); its refusal is a 400 naming
   * the field.
   */
  public static <T> T field(String name, java.util.function.Supplier<T> parse) {
    try {
      return parse.get();
    } catch (Parse.InvalidValueException e) {
      throw ApiException.badRequest("Field '" + name + "': " + e.getMessage());
    }
  }

  /**
   * A value read by the core's parser ({@link Parse}); its refusal is a 400 naming the parameter.
   */
  public static <T> T parsed(String name, java.util.function.Supplier<T> parse) {
    try {
      return parse.get();
    } catch (Parse.InvalidValueException e) {
      throw ApiException.badRequest("Parameter '" + name + "': " + e.getMessage());
    }
  }

  public static LocalDate date(Context ctx, String name) {
    String text = ctx.queryParam(name);
    if (text == null || text.isBlank()) {
      throw ApiException.badRequest(
          "Parameter '" + name + "' is missing; expected a date YYYY-MM-DD, such as 2026-03-01.");
    }
    return parsed(name, () -> Parse.date(text));
  }

  public static ZoneId zone(Context ctx) {
    String tz = ctx.queryParam("tz");
    if (tz == null || tz.isBlank()) return ZoneId.of("UTC");
    return parsed("tz", () -> Parse.zone(tz));
  }

  public static int integer(Context ctx, String name, int fallback, int min, int max) {
    String text = ctx.queryParam(name);
    if (text == null || text.isBlank()) return fallback;
    return Math.toIntExact(parsed(name, () -> Parse.wholeNumber(text, min, max)));
  }

  /** The {@code {id}} of a route's path: a stored object's id, else 400 naming the parameter. */
  public static long id(Context ctx) {
    String text = ctx.pathParam("id");
    return parsed("id", () -> Parse.id(text));
  }

  static List<String> list(Context ctx, String name) {
    List<String> out = new ArrayList<>();
    for (String v : ctx.queryParams(name)) {
      Arrays.stream(v.split(",")).map(String::strip).filter(s -> !s.isEmpty()).forEach(out::add);
    }
    return out;
  }
}
