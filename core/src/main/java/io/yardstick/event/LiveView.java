package io.yardstick.event;

import io.yardstick.store.Store;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What is happening now, per queue: contacts waiting (inbound, arrived, not yet answered, responded
 * to, abandoned or resolved), the longest wait, and agents available. Kept by the {@link
 * EventIngestor} as events commit, and read from the store when it starts ({@link #load}); safe to
 * read from any thread.
 *
 * <p>A contact waits in the live view for at most {@link #MAX_WAIT}: one never closed by an event
 * (a lost hang-up) leaves it then rather than holding the longest wait up for ever.
 */
public final class LiveView {
  /** How long a contact without an outcome counts as waiting. */
  public static final Duration MAX_WAIT = Duration.ofHours(24);

  /** A contact waiting now. */
  public record Waiting(String contactId, String channel, String queue, Instant arrivedAt) {}

  /** An agent's current state, since when, and the queues they serve. */
  public record Agent(String agentId, String state, Instant since, List<String> queues) {}

  /**
   * One queue now (queue null: the total over every queue, agents counted once).
   *
   * @param longestWaitSeconds the wait so far of the contact waiting longest, or null when none
   *     waits
   */
  public record QueueNow(String queue, int waiting, Long longestWaitSeconds, int agentsAvailable) {}

  /** Every queue with someone waiting or an agent serving it, by name, and the total. */
  public record Snapshot(Instant at, List<QueueNow> queues, QueueNow total) {}

  private final Map<String, Waiting> waiting = new ConcurrentHashMap<>();
  private final Map<String, Agent> agents = new ConcurrentHashMap<>();

  /**
   * The live view as the store has it: contacts waiting that arrived within {@link #MAX_WAIT},
   * agents' states.
   */
  public static LiveView load(Store store, Instant now) {
    LiveView view = new LiveView();
    for (Object[] r :
        store.query(
            "SELECT contact_id, channel, queue, arrived_at FROM contacts WHERE direction ="
                + " 'inbound' AND answered_at IS NULL AND first_response_at IS NULL AND abandoned_at IS NULL AND resolved_at"
                + " IS NULL AND arrived_at >= ? AND arrived_at <= ?",
            now.minus(MAX_WAIT),
            now)) {
      view.waiting.put(
          (String) r[0], new Waiting((String) r[0], (String) r[1], (String) r[2], (Instant) r[3]));
    }
    for (Object[] r : store.query("SELECT agent_id, state, since, queues FROM live_agents")) {
      view.agents.put(
          (String) r[0],
          new Agent((String) r[0], (String) r[1], (Instant) r[2], lines((String) r[3])));
    }
    return view;
  }

  static List<String> lines(String text) {
    return text == null || text.isEmpty() ? List.of() : Arrays.asList(text.split("\n"));
  }

  void putWaiting(Waiting w) {
    waiting.put(w.contactId(), w);
  }

  void removeWaiting(String contactId) {
    waiting.remove(contactId);
  }

  void putAgent(Agent a) {
    agents.put(a.agentId(), a);
  }

  Agent agent(String agentId) {
    return agents.get(agentId);
  }

  /** The contacts waiting now (a copy), those waiting longer than {@link #MAX_WAIT} left out. */
  public List<Waiting> waiting(Instant now) {
    Instant oldest = now.minus(MAX_WAIT);
    List<Waiting> out = new ArrayList<>(waiting.size());
    for (Waiting w : waiting.values()) {
      if (!w.arrivedAt().isBefore(oldest)) out.add(w);
    }
    return out;
  }

  /** The agents' current states (a copy). */
  public Collection<Agent> agents() {
    return List.copyOf(agents.values());
  }

  /** Every queue now and the total. */
  public Snapshot snapshot(Instant now) {
    Map<String, int[]> counts = new TreeMap<>();
    Map<String, Instant> oldest = new TreeMap<>();
    Instant totalOldest = null;
    List<Waiting> all = waiting(now);
    for (Waiting w : all) {
      String q = w.queue() == null ? "" : w.queue();
      counts.computeIfAbsent(q, k -> new int[2])[0]++;
      oldest.merge(q, w.arrivedAt(), (a, b) -> a.isBefore(b) ? a : b);
      if (totalOldest == null || w.arrivedAt().isBefore(totalOldest)) totalOldest = w.arrivedAt();
    }
    int available = 0;
    for (Agent a : agents.values()) {
      if (!a.state().equals("available")) continue;
      available++;
      for (String q : a.queues()) {
        counts.computeIfAbsent(q, k -> new int[2])[1]++;
      }
    }
    List<QueueNow> queues = new ArrayList<>();
    for (Map.Entry<String, int[]> e : counts.entrySet()) {
      Instant o = oldest.get(e.getKey());
      queues.add(
          new QueueNow(
              e.getKey().isEmpty() ? null : e.getKey(),
              e.getValue()[0],
              wait(o, now),
              e.getValue()[1]));
    }
    return new Snapshot(
        now, queues, new QueueNow(null, all.size(), wait(totalOldest, now), available));
  }

  private static Long wait(Instant arrived, Instant now) {
    return arrived == null ? null : Math.max(0, Duration.between(arrived, now).toSeconds());
  }
}
