package io.yardstick.kpi;

import io.yardstick.UnknownNameException;
import io.yardstick.kpi.rollup.Rollups;
import io.yardstick.store.Store;
import io.yardstick.yaml.YamlTree;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The names a question may use in a store: the dimensions (contact fields, time buckets and the
 * customer attributes the store holds), checked before a query runs, so that a typo ({@code --by
 * chanel}) is refused with the valid names and the closest one instead of answering a column of
 * nothing; and the filter values that match nothing in the store ({@code --where channel=fone}),
 * which are warnings naming the known values.
 *
 * <pre>{@code
 * Vocabulary v = new Vocabulary(store);
 * v.check(query);                     // throws UnknownNameException for an unknown dimension
 * List<String> w = v.warnings(query); // "No contact has channel 'fone' (did you mean phone?); known: chat, ..."
 * }</pre>
 */
public final class Vocabulary {
  /** Known values listed in a warning at most. */
  private static final int LISTED = 20;

  private static final List<String> CONTACT_FIELDS =
      List.of("channel", "direction", "queue", "topic", "team", "agent");
  private static final List<String> TIME = List.of("hour", "day", "week", "month");

  private final Store store;

  /** What was looked up, valid while the store's data version is {@code version}. */
  private long version = Long.MIN_VALUE;

  private Set<String> attributes;
  private final Map<Filter, Optional<String>> warningByFilter = new HashMap<>();

  /**
   * Looks names up in the store only when a question needs them (attribute names, the values of a
   * filter), and keeps what it found until the store's data changes, so an engine asked many
   * questions (a goal's weeks, the alert evaluator) asks the store once.
   */
  public Vocabulary(Store store) {
    this.store = store;
  }

  private Boolean rollups;

  /** Whether the store keeps rollups now (asked once while the data stays the same). */
  private boolean rollups() {
    if (rollups == null) {
      try {
        rollups = Rollups.built(store);
      } catch (RuntimeException e) {
        rollups = false; // a store without the rollup tables
      }
    }
    return rollups;
  }

  /** Forgets what was looked up when the data changed since. */
  private void sync() {
    long now = store.dataVersion();
    if (now != version) {
      version = now;
      attributes = null;
      rollups = null;
      warningByFilter.clear();
    }
  }

  /**
   * The store's customer attribute names, sorted (one small query while the data stays the same).
   */
  public synchronized Set<String> attributes() {
    sync();
    if (attributes == null) {
      Set<String> names = new TreeSet<>();
      for (Object[] r : store.query("SELECT DISTINCT name FROM customer_attributes")) {
        names.add(r[0].toString().toLowerCase(Locale.ROOT));
      }
      attributes = names;
    }
    return attributes;
  }

  /**
   * Refuses a dimension that is neither a contact field, a time bucket nor a customer attribute of
   * this store.
   */
  public void check(KpiQuery query) {
    for (Dimension d : query.groupBy()) {
      if (d.name().equals("tag")) {
        throw new UnknownNameException(
            "Cannot group by tag: a ticket has several tags, so its numbers would count in each;"
                + " filter by tag instead (tag=vip), or group by priority.");
      }
    }
    for (Dimension d : query.groupBy()) {
      if (d.kind() == Dimension.Kind.ATTRIBUTE && !attributes().contains(d.name())) {
        throw new UnknownNameException("{by}: " + unknown(d.name()));
      }
    }
    for (Filter f : query.filters()) {
      Dimension d = f.dimension();
      if (d.kind() == Dimension.Kind.ATTRIBUTE && !attributes().contains(d.name())) {
        throw new UnknownNameException("{where}: " + unknown(d.name()));
      }
    }
  }

  private String unknown(String name) {
    Set<String> attributes = attributes();
    List<String> all = new ArrayList<>(CONTACT_FIELDS);
    all.addAll(List.of("priority", "tag"));
    all.addAll(TIME);
    all.addAll(attributes);
    String closest = closest(name, all);
    return "Unknown dimension '"
        + name
        + "'"
        + (closest == null ? "" : "; did you mean " + closest + "?")
        + " Dimensions: "
        + String.join(", ", CONTACT_FIELDS)
        + "; tickets: priority, tag"
        + "; time: "
        + String.join(", ", TIME)
        + "; customer attributes in this store: "
        + (attributes.isEmpty()
            ? "none (import customers with attributes)"
            : String.join(", ", attributes))
        + ".";
  }

  /**
   * The name at the smallest edit distance, if it is close enough to be a typo (at most a third of
   * its length, or 2); on a tie the one of the typo's length (swapped letters: fromat is format,
   * not from).
   */
  public static String closest(String name, List<String> candidates) {
    return YamlTree.closest(name, candidates);
  }

  /**
   * One warning per filter value that matches no stored contact (contact fields) or no customer
   * (attributes), naming the known values; numeric ranges are not checked. Empty when every value
   * matches something.
   */
  public synchronized List<String> warnings(KpiQuery query) {
    sync();
    List<String> out = new ArrayList<>();
    for (Filter f : query.filters()) {
      if (f.isRange() || f.dimension().kind() == Dimension.Kind.TIME) continue;
      warningByFilter.computeIfAbsent(f, this::warning).ifPresent(out::add);
    }
    return out;
  }

  private Optional<String> warning(Filter f) {
    boolean field = f.dimension().kind() == Dimension.Kind.CONTACT_FIELD;
    boolean ticket = f.dimension().kind() == Dimension.Kind.TICKET_FIELD;
    Set<String> found = ticket ? ticketValues(f) : field ? contactValues(f) : attributeValues(f);
    List<String> missing = f.values().stream().filter(v -> !found.contains(v)).toList();
    if (missing.isEmpty()) return Optional.empty();
    List<String> known = ticket ? knownTicketValues(f.dimension()) : known(f.dimension());
    String what =
        ticket
            ? "No ticket has " + f.dimension().name()
            : field
                ? "No contact has " + f.dimension().name()
                : "No customer has " + f.dimension().name();
    String closest = missing.size() == 1 ? closest(missing.get(0), known) : null;
    return Optional.of(
        what
            + " "
            + String.join(" or ", missing.stream().map(v -> "'" + v + "'").toList())
            + (closest == null ? "" : " (did you mean " + closest + "?)")
            + "; known: "
            + (known.isEmpty()
                ? "none"
                : String.join(", ", known.subList(0, Math.min(LISTED, known.size())))
                    + (known.size() > LISTED ? ", ..." : ""))
            + ".");
  }

  private Set<String> contactValues(Filter f) {
    String column = column(f.dimension());
    String from = "contacts";
    if (rollups()) {
      // The rollups' rows of the dimension alone hold each of its values (a few rows a bucket),
      // kept with the contacts: no scan of every contact.
      column = f.dimension().name();
      from = "rollup_contacts WHERE gset = " + (1 << Rollups.DIMENSIONS.indexOf(column)) + " AND";
    } else {
      from += " WHERE";
    }
    Set<String> found = new LinkedHashSet<>();
    List<Object> args = new ArrayList<>(f.values());
    for (Object[] r :
        store.query(
            "SELECT DISTINCT "
                + column
                + " FROM "
                + from
                + " "
                + column
                + " IN ("
                + String.join(", ", f.values().stream().map(v -> "?").toList())
                + ")",
            args.toArray())) {
      found.add(r[0].toString());
    }
    return found;
  }

  /** The priorities (of tickets and priority events) or tags among a filter's values. */
  private Set<String> ticketValues(Filter f) {
    Set<String> found = new LinkedHashSet<>();
    if (f.dimension().name().equals("priority")) {
      String in = String.join(", ", f.values().stream().map(v -> "?").toList());
      List<Object> args = new ArrayList<>(f.values());
      args.addAll(f.values());
      for (Object[] r :
          store.query(
              "SELECT DISTINCT priority FROM tickets WHERE priority IN ("
                  + in
                  + ") UNION SELECT DISTINCT priority FROM ticket_events WHERE kind = 'priority' AND"
                  + " priority IN ("
                  + in
                  + ")",
              args.toArray())) {
        found.add(r[0].toString());
      }
      return found;
    }
    for (String v : f.values()) {
      // tags are stored wrapped in commas (,billing,vip,): one tag is ',vip,' anywhere in them
      if (!store
          .query("SELECT case_id FROM tickets WHERE POSITION(? IN tags) > 0 LIMIT 1", "," + v + ",")
          .isEmpty()) {
        found.add(v);
      }
    }
    return found;
  }

  /** Known priorities, or tags (split from the stored lists of at most a thousand tickets). */
  private List<String> knownTicketValues(Dimension d) {
    Set<String> out = new TreeSet<>();
    if (d.name().equals("priority")) {
      for (Object[] r :
          store.query(
              "SELECT priority FROM tickets WHERE priority IS NOT NULL UNION SELECT priority FROM"
                  + " ticket_events WHERE kind = 'priority' AND priority IS NOT NULL ORDER BY 1 LIMIT "
                  + (LISTED + 1))) {
        out.add(r[0].toString());
      }
    } else {
      for (Object[] r :
          store.query("SELECT DISTINCT tags FROM tickets WHERE tags IS NOT NULL LIMIT 1000")) {
        for (String t : r[0].toString().split(",")) {
          if (!t.isEmpty()) out.add(t);
        }
      }
    }
    return new ArrayList<>(out);
  }

  private Set<String> attributeValues(Filter f) {
    Set<String> found = new LinkedHashSet<>();
    List<Object> args = new ArrayList<>();
    args.add(f.dimension().name());
    args.addAll(f.values());
    for (Object[] r :
        store.query(
            "SELECT DISTINCT value FROM customer_attributes WHERE lower(name) = ? AND value IN ("
                + String.join(", ", f.values().stream().map(v -> "?").toList())
                + ")",
            args.toArray())) {
      found.add(r[0].toString());
    }
    return found;
  }

  private List<String> known(Dimension d) {
    List<String> out = new ArrayList<>();
    // With rollups, from the rows of the dimension alone (as contactValues): a scan of every
    // contact took 0.5 s at 50 M contacts, for a warning.
    boolean field = d.kind() == Dimension.Kind.CONTACT_FIELD;
    String from =
        field && rollups()
            ? "rollup_contacts WHERE gset = "
                + (1 << Rollups.DIMENSIONS.indexOf(d.name()))
                + " AND "
            : "contacts WHERE ";
    String col = !field ? null : rollups() ? d.name() : column(d);
    String sql =
        field
            ? "SELECT DISTINCT "
                + col
                + " FROM "
                + from
                + col
                + " IS NOT NULL ORDER BY 1 LIMIT "
                + (LISTED + 1)
            : "SELECT DISTINCT value FROM customer_attributes WHERE lower(name) = ? ORDER BY 1 LIMIT "
                + (LISTED + 1);
    List<Object[]> rows = field ? store.query(sql) : store.query(sql, d.name());
    rows.forEach(r -> out.add(r[0].toString()));
    return out;
  }

  private static String column(Dimension d) {
    if (!CONTACT_FIELDS.contains(d.name())) throw new IllegalArgumentException(d.name());
    return d.name().equals("agent") ? "agent_id" : d.name();
  }
}
