package io.yardstick.report;

import io.yardstick.YardstickException;
import io.yardstick.kpi.Dimension;
import io.yardstick.kpi.Filter;
import io.yardstick.kpi.Kpi;
import io.yardstick.user.Role;
import io.yardstick.user.User;
import java.time.Instant;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * A page's state kept under a name (issue 16): the page, its KPIs, grouping, filters, comparison
 * and zone, and a {@link Period} that moves with time. A view with panels is a dashboard. Private
 * to its owner, or shared with roles. The constructor checks everything, so a stored view is always
 * valid.
 *
 * <pre>{@code
 * SavedView v = SavedView.of("Phone, last week", "ana", "channels", Period.parse("last_week"), ZoneId.of("Europe/Madrid"))
 *     .withFilters(List.of("channel=phone"));
 * }</pre>
 *
 * @param shared the roles that see it besides its owner; empty: private
 * @param arg the page's argument (an agent id on the agent page), or null
 */
public record SavedView(
    long id,
    String name,
    String owner,
    Set<Role> shared,
    String page,
    String arg,
    Period period,
    ZoneId zone,
    List<Kpi> kpis,
    List<String> groupBy,
    List<String> filters,
    boolean compare,
    List<Panel> panels,
    Instant createdAt) {
  /** The pages a view may be saved from ({@code dashboard}: a composed dashboard). */
  public static final List<String> PAGES =
      List.of(
          "overview",
          "trends",
          "channels",
          "queues",
          "topics",
          "agents",
          "agent",
          "contacts",
          "dashboard");

  /** The KPIs a view without its own shows: the overview's headline numbers. */
  public static final List<Kpi> HEADLINE =
      List.of(
          Kpi.CONTACTS,
          Kpi.ABANDONMENT_RATE,
          Kpi.SERVICE_LEVEL,
          Kpi.ASA,
          Kpi.AHT,
          Kpi.FCR,
          Kpi.CSAT);

  static final int MAX_NAME = 200;
  static final int MAX_PANELS = 24;

  public SavedView {
    checkText("name", name);
    if (name.length() > MAX_NAME) {
      throw new YardstickException("The {name} is longer than " + MAX_NAME + " characters.");
    }
    name = name.strip();
    if (owner == null || owner.isBlank()) throw new YardstickException("A view needs an {owner}.");
    shared = shared == null || shared.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(shared));
    if (!PAGES.contains(page)) {
      throw new YardstickException(
          "'"
              + page
              + "' is not a {page} a view can be saved from; expected one of "
              + String.join(", ", PAGES)
              + ".");
    }
    if (arg != null) checkText("arg", arg);
    if (period == null) throw new YardstickException("A view needs a {period}, such as last_week.");
    if (zone == null) throw new YardstickException("A view needs a {tz}, such as Europe/Madrid.");
    kpis = kpis == null || kpis.isEmpty() ? HEADLINE : List.copyOf(kpis);
    groupBy = groupBy == null ? List.of() : List.copyOf(groupBy);
    if (groupBy.size() > 2)
      throw new YardstickException("A view groups by at most two dimensions ({by}).");
    groupBy.forEach(Dimension::of);
    filters = filters == null ? List.of() : List.copyOf(filters);
    if (filters.size() > 20) throw new YardstickException("A view has at most 20 {where} filters.");
    filters.forEach(
        f -> {
          checkText("where", f);
          Filter.parse(f);
        });
    panels = panels == null ? List.of() : List.copyOf(panels);
    if (panels.size() > MAX_PANELS)
      throw new YardstickException("A dashboard has at most " + MAX_PANELS + " {panels}.");
    if (page.equals("dashboard") != !panels.isEmpty()) {
      throw new YardstickException(
          page.equals("dashboard")
              ? "A dashboard needs at least one of its {panels}."
              : "Only a dashboard (page dashboard) has {panels}.");
    }
  }

  /** A new view (id 0 until stored) with the headline KPIs, no grouping, no filters. */
  public static SavedView of(String name, String owner, String page, Period period, ZoneId zone) {
    return new SavedView(
        0, name, owner, Set.of(), page, null, period, zone, List.of(), List.of(), List.of(), false,
        List.of(), null);
  }

  public SavedView withId(long id, Instant createdAt) {
    return new SavedView(
        id, name, owner, shared, page, arg, period, zone, kpis, groupBy, filters, compare, panels,
        createdAt);
  }

  public SavedView withName(String name) {
    return new SavedView(
        id, name, owner, shared, page, arg, period, zone, kpis, groupBy, filters, compare, panels,
        createdAt);
  }

  public SavedView withShared(Set<Role> shared) {
    return new SavedView(
        id, name, owner, shared, page, arg, period, zone, kpis, groupBy, filters, compare, panels,
        createdAt);
  }

  public SavedView withKpis(List<Kpi> kpis) {
    return new SavedView(
        id, name, owner, shared, page, arg, period, zone, kpis, groupBy, filters, compare, panels,
        createdAt);
  }

  public SavedView withGroupBy(List<String> groupBy) {
    return new SavedView(
        id, name, owner, shared, page, arg, period, zone, kpis, groupBy, filters, compare, panels,
        createdAt);
  }

  public SavedView withFilters(List<String> filters) {
    return new SavedView(
        id, name, owner, shared, page, arg, period, zone, kpis, groupBy, filters, compare, panels,
        createdAt);
  }

  public SavedView withCompare(boolean compare) {
    return new SavedView(
        id, name, owner, shared, page, arg, period, zone, kpis, groupBy, filters, compare, panels,
        createdAt);
  }

  public SavedView withArg(String arg) {
    return new SavedView(
        id, name, owner, shared, page, arg, period, zone, kpis, groupBy, filters, compare, panels,
        createdAt);
  }

  public SavedView withPanels(List<Panel> panels) {
    return new SavedView(
        id, name, owner, shared, page, arg, period, zone, kpis, groupBy, filters, compare, panels,
        createdAt);
  }

  public boolean isDashboard() {
    return !panels.isEmpty();
  }

  /** Whether the user may open it: its owner, or a role it is shared with. */
  public boolean visibleTo(User user) {
    return owner.equals(user.name()) || shared.contains(user.role());
  }

  /** Whether the user may rename, change, schedule or remove it: its owner, or an admin. */
  public boolean editableBy(User user) {
    return owner.equals(user.name()) || user.role() == Role.ADMIN;
  }

  static void checkText(String field, String text) {
    if (text == null || text.isBlank())
      throw new YardstickException("The {" + field + "} is empty.");
    if (text.chars().anyMatch(Character::isISOControl)) {
      throw new YardstickException(
          "The {"
              + field
              + "} '"
              + text.replaceAll("\\p{Cntrl}", "?")
              + "' holds a control"
              + " character (a line break?).");
    }
  }
}
