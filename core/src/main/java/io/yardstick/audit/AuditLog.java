package io.yardstick.audit;

import io.yardstick.UnknownNameException;
import io.yardstick.YardstickException;
import io.yardstick.store.Store;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The audit log of a store (issue 11): log-ins, changes of users, tokens, rules, goals and
 * settings, and changes of the data (imports, erasures), with who, when, from where and what.
 * Append-only: this class only inserts and reads, and nothing else in Yardstick writes the table
 * (PostgreSQL also turns an UPDATE or DELETE of it into nothing).
 *
 * <pre>{@code
 * AuditLog audit = new AuditLog(store, Clock.systemUTC());
 * audit.record(new AuditLog.Record("ana", "10.0.0.7", "goal", "POST /api/goals", "12", "201", null));
 * AuditLog.Page page = audit.list(new AuditLog.Filter("goal", null, null, null), 0, 50);
 * }</pre>
 *
 * <p>A detail never holds a password, a token or a customer's personal data: callers record names,
 * ids, counts and hashes.
 */
public final class AuditLog {
  /** What kinds of entries there are. */
  public static final List<String> KINDS =
      List.of("login", "user", "token", "rule", "goal", "settings", "data", "forecast", "other");

  private final Store store;
  private final Clock clock;

  public AuditLog(Store store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  /**
   * What happened: {@code actor} the user (or the OS user of a command), {@code address} the
   * client's address (or {@code local} for a command), {@code kind} one of {@link #KINDS}, {@code
   * action} what was asked (a route or a command), {@code target} what it acted on, {@code outcome}
   * the HTTP status or {@code ok}, {@code detail} more (counts, a hash), never personal data.
   */
  public record Record(
      String actor,
      String address,
      String kind,
      String action,
      String target,
      String outcome,
      String detail) {
    public Record {
      if (!KINDS.contains(kind)) throw new IllegalArgumentException("unknown audit kind " + kind);
      actor = clip(actor);
      address = clip(address);
      action = clip(action);
      target = clip(target);
      outcome = outcome == null ? "ok" : clip(outcome);
      detail = clip(detail);
    }
  }

  /** A stored entry: its id (growing with time) and when it was recorded. */
  public record Entry(long id, Instant at, Record record) {
    /** The entry as one JSON object's fields (the API, the export and the CLI's JSON Lines). */
    public Map<String, Object> toJson() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("id", id);
      m.put("at", at.toString());
      m.put("actor", record.actor());
      m.put("address", record.address());
      m.put("kind", record.kind());
      m.put("action", record.action());
      m.put("target", record.target());
      m.put("outcome", record.outcome());
      m.put("detail", record.detail());
      return m;
    }
  }

  /**
   * Which entries: of a kind, of an actor, at or after {@code from}, before {@code to}; null: any.
   */
  public record Filter(String kind, String actor, Instant from, Instant to) {
    public Filter {
      if (kind != null && !KINDS.contains(kind)) {
        throw new UnknownNameException(
            "'"
                + kind
                + "' is not a kind of audit entry; expected one of "
                + String.join(", ", KINDS)
                + ".");
      }
    }

    public static Filter all() {
      return new Filter(null, null, null, null);
    }
  }

  /** One page of entries, newest first, and how many match in all. */
  public record Page(long total, int page, int size, List<Entry> entries) {}

  /** Appends an entry, stamped with the clock's time; returns its id. */
  public long record(Record r) {
    long id = store.nextId("audit_log");
    store.update(
        "INSERT INTO audit_log (id, recorded_at, actor, address, kind, action, target, outcome, detail)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        id,
        clock.instant(),
        r.actor(),
        r.address(),
        r.kind(),
        r.action(),
        r.target(),
        r.outcome(),
        r.detail());
    return id;
  }

  /** The entries that pass the filter, newest first, {@code size} per page (at most 1,000). */
  public Page list(Filter filter, int page, int size) {
    if (size < 1 || size > 1000 || page < 0) {
      throw new YardstickException("A page has 1 to 1000 entries and its number is 0 or more.");
    }
    List<Object> params = new ArrayList<>();
    String where = where(filter, params);
    long total =
        ((Number) store.query("SELECT COUNT(*) FROM audit_log" + where, params.toArray()).get(0)[0])
            .longValue();
    params.add((long) size);
    params.add((long) page * size);
    return new Page(
        total,
        page,
        size,
        read(
            "SELECT id, recorded_at, actor, address, kind, action, target, outcome, detail"
                + " FROM audit_log"
                + where
                + " ORDER BY id DESC LIMIT ? OFFSET ?",
            params));
  }

  /**
   * Every entry that passes the filter, oldest first, handed over in chunks of 1,000 (an export of
   * any length in bounded memory).
   */
  public void export(Filter filter, java.util.function.Consumer<Entry> out) {
    long after = 0;
    while (true) {
      List<Object> params = new ArrayList<>();
      String where = where(filter, params);
      params.add(after);
      List<Entry> chunk =
          read(
              "SELECT id, recorded_at, actor, address, kind, action, target, outcome, detail FROM audit_log"
                  + where
                  + (where.isEmpty() ? " WHERE" : " AND")
                  + " id > ? ORDER BY id LIMIT 1000",
              params);
      chunk.forEach(out);
      if (chunk.size() < 1000) return;
      after = chunk.get(chunk.size() - 1).id();
    }
  }

  private List<Entry> read(String sql, List<Object> params) {
    List<Entry> out = new ArrayList<>();
    for (Object[] r : store.query(sql, params.toArray())) {
      out.add(
          new Entry(
              ((Number) r[0]).longValue(),
              (Instant) r[1],
              new Record(
                  (String) r[2],
                  (String) r[3],
                  (String) r[4],
                  (String) r[5],
                  (String) r[6],
                  (String) r[7],
                  (String) r[8])));
    }
    return out;
  }

  private static String where(Filter f, List<Object> params) {
    List<String> conditions = new ArrayList<>();
    if (f.kind() != null) {
      conditions.add("kind = ?");
      params.add(f.kind());
    }
    if (f.actor() != null) {
      conditions.add("actor = ?");
      params.add(f.actor());
    }
    if (f.from() != null) {
      conditions.add("recorded_at >= ?");
      params.add(f.from());
    }
    if (f.to() != null) {
      conditions.add("recorded_at < ?");
      params.add(f.to());
    }
    return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
  }

  /**
   * Long texts are cut (an entry stays small whatever a client sends); control characters become
   * spaces.
   */
  private static String clip(String s) {
    if (s == null) return null;
    String one =
        s.codePoints()
            .map(c -> Character.isISOControl(c) ? ' ' : c)
            .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
            .toString();
    return one.length() > 500 ? one.substring(0, 500) + "..." : one;
  }

  /** The OS user running a command, for entries of the CLI. */
  public static String osUser() {
    String user = System.getProperty("user.name");
    return user == null || user.isBlank() ? "unknown" : "os:" + user;
  }
}
