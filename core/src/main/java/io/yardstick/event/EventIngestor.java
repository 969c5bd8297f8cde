package io.yardstick.event;

import io.yardstick.YardstickException;
import io.yardstick.model.RecordType;
import io.yardstick.store.Loader;
import io.yardstick.store.Store;
import io.yardstick.store.StoreException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Applies live events to the store and keeps the {@link LiveView}. Each batch is all or nothing:
 * its new events go to the contacts, surveys and agent_states tables through one {@link Loader}
 * (one transaction) with their ids in the events table, and an event whose id is stored already (a
 * resend) is skipped, so a resend changes nothing.
 *
 * <pre>{@code
 * try (EventIngestor ingestor = new EventIngestor(store, clock)) {
 *   EventIngestor.Result r = ingestor.ingest(EventJson.parse(json));   // blocks until committed
 *   LiveView.Snapshot now = ingestor.live().snapshot(clock.instant());
 * }
 * }</pre>
 *
 * <p>Why one writer thread: a store takes one load at a time, and a commit costs about the same for
 * ten events as for ten thousand. Batches that arrive while a commit runs are applied together in
 * the next one (group commit), each caller still told only about its own batch; should the group
 * fail, its batches are retried one by one so that one bad batch does not take the others with it.
 */
public final class EventIngestor implements AutoCloseable {
  /** The most events applied in one commit. */
  static final int MAX_GROUP_EVENTS = 50_000;

  /**
   * Contacts kept in memory for the events that follow their arrival; older ones are read back from
   * the store.
   */
  static final int CACHED_CONTACTS = 200_000;

  private static final char RS = '\u001e';
  private static final char US = '\u001f';
  private static final int CONTACT_ID = RecordType.CONTACTS.indexOf("contact_id");
  private static final int ARRIVED_AT = RecordType.CONTACTS.indexOf("arrived_at");
  private static final int RESOLVED = RecordType.CONTACTS.indexOf("resolved");

  /** What became of one batch. */
  public record Result(int received, int applied, int duplicates) {}

  private record Pending(List<Event> events, CompletableFuture<Result> done) {}

  private final Store store;
  private final Clock clock;
  private final LiveView live;
  private final BlockingQueue<Pending> queue = new ArrayBlockingQueue<>(1024);
  private final Thread writer;
  private final List<Consumer<Instant>> listeners = new CopyOnWriteArrayList<>();
  private final AtomicLong applied = new AtomicLong();
  private final Map<String, Object[]> contacts =
      new LinkedHashMap<>(1 << 16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Object[]> eldest) {
          return size() > CACHED_CONTACTS;
        }
      };
  private volatile boolean closed;

  public EventIngestor(Store store, Clock clock) {
    this.store = store;
    this.clock = clock;
    this.live = LiveView.load(store, clock.instant());
    this.writer = new Thread(this::run, "yardstick-events");
    writer.setDaemon(true);
    writer.start();
  }

  /** The live view this ingestor keeps. */
  public LiveView live() {
    return live;
  }

  /** Events applied since this ingestor started (duplicates not counted). */
  public long applied() {
    return applied.get();
  }

  /**
   * Called on the writer thread after every commit, with the time, before the batches' callers are
   * answered: live alert rules evaluate here.
   */
  public void onCommit(Consumer<Instant> listener) {
    listeners.add(listener);
  }

  /**
   * Applies one batch, all or nothing, and returns once it is committed.
   *
   * @throws EventException when an event cannot apply (an unknown contact, a time before the
   *     arrival); nothing of the batch was kept
   */
  public Result ingest(List<Event> events) {
    if (closed) throw new YardstickException("The event ingestion is stopped.");
    if (events.isEmpty()) return new Result(0, 0, 0);
    Pending p = new Pending(List.copyOf(events), new CompletableFuture<>());
    try {
      queue.put(p);
      return p.done().get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new YardstickException(
          "Interrupted while the events were applied; send the batch again (a resend is"
              + " safe).");
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) throw r;
      throw new YardstickException(
          "The events could not be applied: " + e.getCause(), e.getCause());
    }
  }

  private void run() {
    List<Pending> group = new ArrayList<>();
    while (!closed || !queue.isEmpty()) {
      try {
        Pending first = queue.poll(200, TimeUnit.MILLISECONDS);
        if (first == null) continue;
        group.clear();
        group.add(first);
        int n = first.events().size();
        Pending next;
        while (n < MAX_GROUP_EVENTS
            && (next = queue.peek()) != null
            && n + next.events().size() <= MAX_GROUP_EVENTS) {
          group.add(queue.poll());
          n += next.events().size();
        }
        applyGroup(group);
      } catch (InterruptedException e) {
        if (closed) break;
      } catch (RuntimeException e) {
        // applyGroup completes every future itself; this only keeps the writer alive
      }
    }
  }

  private void applyGroup(List<Pending> group) {
    List<Result> results;
    try {
      results = apply(group);
    } catch (RuntimeException e) {
      if (group.size() == 1) {
        group.get(0).done().completeExceptionally(e);
      } else {
        for (Pending p : group) {
          applyGroup(List.of(p));
        }
      }
      return;
    }
    Instant now = clock.instant();
    for (Consumer<Instant> l : listeners) {
      try {
        l.accept(now);
      } catch (RuntimeException e) {
        System.getLogger("yardstick.events")
            .log(System.Logger.Level.WARNING, "A listener of event commits failed", e);
      }
    }
    // Answered after the listeners: a batch's response means its live rules were evaluated too.
    for (int i = 0; i < group.size(); i++) {
      group.get(i).done().complete(results.get(i));
    }
  }

  /**
   * Applies a group of batches in one transaction; the cache and the live view change only once it
   * committed.
   */
  private List<Result> apply(List<Pending> group) {
    Instant received = clock.instant();
    Set<String> ids = new HashSet<>();
    for (Pending p : group) {
      for (Event e : p.events()) ids.add(e.id());
    }
    Set<String> stored =
        existing(
            "SELECT x FROM unnest(string_to_array(?, ?)) AS t(x) WHERE x IN"
                + " (SELECT event_id FROM events)",
            ids);
    Set<String> contactIds = new HashSet<>();
    for (Pending p : group) {
      for (Event e : p.events()) {
        if (e.type().isContactEvent() && !contacts.containsKey(e.subject()))
          contactIds.add(e.subject());
      }
    }
    Map<String, Object[]> read = readContacts(contactIds);

    Map<String, Object[]> changed = new LinkedHashMap<>();
    Map<String, LiveView.Agent> agentsChanged = new LinkedHashMap<>();
    List<Object[]> surveys = new ArrayList<>();
    List<Object[]> agentStates = new ArrayList<>();
    StringBuilder eventRows = new StringBuilder();
    Set<String> seen = new HashSet<>();
    List<Result> results = new ArrayList<>();
    for (Pending p : group) {
      int fresh = 0;
      int position = 0;
      for (Event e : p.events()) {
        position++;
        if (stored.contains(e.id()) || !seen.add(e.id())) continue;
        fresh++;
        String where = "Event " + position + " (id " + e.id() + ")";
        switch (e.type()) {
          case SURVEY -> surveys.add(surveyRow(e));
          case AGENT_STATE -> {
            LiveView.Agent before =
                agentsChanged.containsKey(e.subject())
                    ? agentsChanged.get(e.subject())
                    : live.agent(e.subject());
            if (before != null && e.at().isAfter(before.since())) {
              agentStates.add(new Object[] {e.subject(), before.state(), before.since(), e.at()});
            }
            agentsChanged.put(
                e.subject(),
                new LiveView.Agent(
                    e.subject(),
                    (String) e.values().get("state"),
                    e.at(),
                    e.queues().isEmpty() && before != null ? before.queues() : e.queues()));
          }
          default -> {
            Object[] row = changed.get(e.subject());
            if (row == null) {
              Object[] base =
                  contacts.containsKey(e.subject())
                      ? contacts.get(e.subject())
                      : read.get(e.subject());
              row = base == null ? null : base.clone();
            }
            changed.put(e.subject(), applyContact(where, e, row));
          }
        }
        eventRows
            .append(e.id())
            .append(US)
            .append(e.type().id())
            .append(US)
            .append(e.at())
            .append(RS);
      }
      results.add(new Result(p.events().size(), fresh, p.events().size() - fresh));
    }
    if (eventRows.isEmpty()) return results;
    eventRows.setLength(eventRows.length() - 1);

    try (Loader loader = store.loader()) {
      if (!changed.isEmpty()) {
        var sink = loader.sink(RecordType.CONTACTS);
        long line = 0;
        for (Object[] row : changed.values()) sink.accept(++line, row);
      }
      if (!surveys.isEmpty()) {
        var sink = loader.sink(RecordType.SURVEYS);
        long line = 0;
        for (Object[] row : surveys) sink.accept(++line, row);
      }
      if (!agentStates.isEmpty()) {
        var sink = loader.sink(RecordType.AGENT_STATES);
        long line = 0;
        for (Object[] row : agentStates) sink.accept(++line, row);
      }
      for (LiveView.Agent a : agentsChanged.values()) {
        loader.execute("DELETE FROM live_agents WHERE agent_id = ?", a.agentId());
        loader.execute(
            "INSERT INTO live_agents (agent_id, state, since, queues) VALUES (?, ?, ?, ?)",
            a.agentId(),
            a.state(),
            a.since(),
            String.join("\n", a.queues()));
      }
      String rs = String.valueOf(RS);
      String us = String.valueOf(US);
      loader.execute(
          "INSERT INTO events (event_id, type, happened_at, received_at) SELECT split_part(x, ?, 1),"
              + " split_part(x, ?, 2), CAST(split_part(x, ?, 3) AS TIMESTAMP WITH TIME ZONE), ?"
              + " FROM unnest(string_to_array(?, ?)) AS t(x)",
          us,
          us,
          us,
          received,
          eventRows.toString(),
          rs);
      loader.commit();
    }

    for (Map.Entry<String, Object[]> c : changed.entrySet()) {
      Object[] row = c.getValue();
      contacts.put(c.getKey(), row);
      if (waits(row)) {
        live.putWaiting(
            new LiveView.Waiting(
                c.getKey(), (String) row[2], (String) row[4], (Instant) row[ARRIVED_AT]));
      } else {
        live.removeWaiting(c.getKey());
      }
    }
    agentsChanged.values().forEach(live::putAgent);
    for (Result r : results) applied.addAndGet(r.applied());
    return results;
  }

  /** Inbound, and no answer, response, abandon or resolution yet. */
  private static boolean waits(Object[] row) {
    return "inbound".equals(row[3])
        && row[10] == null
        && row[11] == null
        && row[12] == null
        && row[13] == null;
  }

  private static Object[] applyContact(String where, Event e, Object[] row) {
    if (row == null) {
      if (e.type() != EventType.ARRIVED) {
        throw new EventException(
            where
                + ": contact "
                + e.subject()
                + " is unknown; send its arrived event first"
                + " (earlier in the same batch will do).");
      }
      row = new Object[RecordType.CONTACTS.rowLength()];
      row[CONTACT_ID] = e.subject();
      row[3] = "inbound";
      row[RESOLVED] = Boolean.FALSE;
    }
    for (Map.Entry<String, Object> v : e.values().entrySet()) {
      row[RecordType.CONTACTS.indexOf(v.getKey())] = v.getValue();
    }
    if (e.type().timestampField() != null)
      row[RecordType.CONTACTS.indexOf(e.type().timestampField())] = e.at();
    if (e.type() == EventType.RESOLVED) row[RESOLVED] = Boolean.TRUE;
    Instant arrived = (Instant) row[ARRIVED_AT];
    for (String later :
        new String[] {"answered_at", "first_response_at", "abandoned_at", "resolved_at"}) {
      Instant t = (Instant) row[RecordType.CONTACTS.indexOf(later)];
      if (t != null && t.isBefore(arrived)) {
        throw new EventException(
            where
                + ": "
                + later
                + " "
                + t
                + " of contact "
                + e.subject()
                + " is before its"
                + " arrival "
                + arrived
                + ".");
      }
    }
    return row;
  }

  private static Object[] surveyRow(Event e) {
    Map<String, Object> v = e.values();
    return new Object[] {
      e.subject(),
      v.get("kind"),
      v.get("score"),
      e.at(),
      v.get("contact_id"),
      v.get("customer_id"),
      v.get("agent_id"),
      v.get("comment")
    };
  }

  private Set<String> existing(String sql, Set<String> keys) {
    Set<String> out = new HashSet<>();
    if (keys.isEmpty()) return out;
    for (Object[] r : store.query(sql, String.join(String.valueOf(RS), keys), String.valueOf(RS))) {
      out.add((String) r[0]);
    }
    return out;
  }

  private Map<String, Object[]> readContacts(Set<String> ids) {
    Map<String, Object[]> out = new HashMap<>();
    if (ids.isEmpty()) return out;
    String columns =
        String.join(", ", RecordType.CONTACTS.fields().stream().map(f -> "c." + f.name()).toList());
    for (Object[] r :
        store.query(
            "SELECT "
                + columns
                + " FROM contacts c WHERE c.contact_id IN (SELECT x FROM"
                + " unnest(string_to_array(?, ?)) AS t(x))",
            String.join(String.valueOf(RS), ids),
            String.valueOf(RS))) {
      out.put((String) r[CONTACT_ID], r);
    }
    return out;
  }

  /** Stops taking batches; those queued are applied first. */
  @Override
  public void close() {
    closed = true;
    try {
      writer.join(30_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (writer.isAlive()) throw new StoreException("The event writer did not stop within 30 s.");
  }
}
