package io.yardstick.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.yardstick.YardstickException;
import io.yardstick.kpi.Kpi;
import io.yardstick.store.Store;
import io.yardstick.store.StoredRows;
import io.yardstick.user.Role;
import io.yardstick.user.User;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The saved views and dashboards of a store (table {@code saved_views}). A view is checked whole by
 * {@link SavedView} before it is stored; who may see or change one is {@link SavedView#visibleTo}
 * and {@link SavedView#editableBy}.
 *
 * <pre>{@code
 * SavedViews views = new SavedViews(store, clock);
 * SavedView stored = views.add(view);            // stored.id() is 1, 2, ...
 * List<SavedView> mine = views.visibleTo(user);
 * }</pre>
 */
public final class SavedViews {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String COLUMNS =
      "id, name, owner, shared, page, arg, period, zone, kpis, group_by, filters,"
          + " compare, panels, created_at";

  private final Store store;
  private final Clock clock;

  public SavedViews(Store store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  /** Stores a view under the next free id and returns it with its id. */
  public SavedView add(SavedView view) {
    SavedView v = view.withId(store.nextId("saved_views"), clock.instant());
    store.update(
        "INSERT INTO saved_views ("
            + COLUMNS
            + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        v.id(),
        v.name(),
        v.owner(),
        roles(v.shared()),
        v.page(),
        v.arg(),
        v.period().id(),
        v.zone().getId(),
        v.kpis().stream().map(Kpi::id).collect(Collectors.joining("\n")),
        String.join("\n", v.groupBy()),
        String.join("\n", v.filters()),
        v.compare(),
        panels(v.panels()),
        v.createdAt());
    return v;
  }

  /**
   * Replaces a stored view's definition (its id, owner and creation time stay); false when there is
   * none.
   */
  public boolean replace(SavedView v) {
    return store.update(
            "UPDATE saved_views SET name = ?, shared = ?, page = ?, arg = ?, period = ?, zone = ?, kpis = ?,"
                + " group_by = ?, filters = ?, compare = ?, panels = ? WHERE id = ?",
            v.name(),
            roles(v.shared()),
            v.page(),
            v.arg(),
            v.period().id(),
            v.zone().getId(),
            v.kpis().stream().map(Kpi::id).collect(Collectors.joining("\n")),
            String.join("\n", v.groupBy()),
            String.join("\n", v.filters()),
            v.compare(),
            panels(v.panels()),
            v.id())
        > 0;
  }

  /** Every readable view, by id (an unreadable one is logged and skipped). */
  public List<SavedView> list() {
    return StoredRows.readable(
        store.query("SELECT " + COLUMNS + " FROM saved_views ORDER BY id"),
        SavedViews::view,
        "yardstick.reports",
        "Saved view");
  }

  /** The views a user may open: their own and those shared with their role. */
  public List<SavedView> visibleTo(User user) {
    return list().stream().filter(v -> v.visibleTo(user)).toList();
  }

  public Optional<SavedView> find(long id) {
    List<Object[]> rows = store.query("SELECT " + COLUMNS + " FROM saved_views WHERE id = ?", id);
    return rows.isEmpty() ? Optional.empty() : Optional.of(view(rows.get(0)));
  }

  /**
   * The view if this user may open it; else an error that does not tell a private view from a
   * missing one.
   */
  public SavedView get(long id, User user) {
    return find(id).filter(v -> v.visibleTo(user)).orElseThrow(() -> new ViewNotFound(id));
  }

  /** Removes a view and its schedules; false when there was none. */
  public boolean remove(long id) {
    store.update("DELETE FROM report_schedules WHERE view_id = ?", id);
    return store.update("DELETE FROM saved_views WHERE id = ?", id) > 0;
  }

  /** No view with this id that the user may open. */
  public static final class ViewNotFound extends YardstickException {
    public ViewNotFound(long id) {
      super("There is no view " + id + " that you can open; report list shows yours.");
    }
  }

  private static String roles(Set<Role> roles) {
    return roles.stream().sorted().map(Role::id).collect(Collectors.joining("\n"));
  }

  static String panels(List<Panel> panels) {
    List<Object> out = new ArrayList<>();
    for (Panel p : panels) out.add(ReportJson.panel(p));
    try {
      return JSON.writeValueAsString(out);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<String> lines(Object text) {
    String s = (String) text;
    return s == null || s.isEmpty() ? List.of() : Arrays.asList(s.split("\n"));
  }

  @SuppressWarnings("unchecked")
  private static SavedView view(Object[] r) {
    List<Panel> panels = new ArrayList<>();
    try {
      for (Object p : JSON.readValue((String) r[12], List.class))
        panels.add(ReportJson.readPanel((Map<String, Object>) p));
    } catch (JsonProcessingException e) {
      throw new YardstickException(
          "View " + r[0] + " has panels that are not JSON: " + e.getOriginalMessage());
    }
    Set<Role> shared = lines(r[3]).stream().map(Role::of).collect(Collectors.toSet());
    List<Kpi> kpis =
        lines(r[8]).stream()
            .map(
                id ->
                    Kpi.byId(id)
                        .orElseThrow(
                            () ->
                                new YardstickException(
                                    "View "
                                        + r[0]
                                        + " names the KPI '"
                                        + id
                                        + "', which this Yardstick does not know.")))
            .toList();
    return new SavedView(
        ((Number) r[0]).longValue(),
        (String) r[1],
        (String) r[2],
        shared,
        (String) r[4],
        (String) r[5],
        Period.parse((String) r[6]),
        ZoneId.of((String) r[7]),
        kpis,
        lines(r[9]),
        lines(r[10]),
        Boolean.TRUE.equals(r[11]),
        panels,
        (Instant) r[13]);
  }
}
