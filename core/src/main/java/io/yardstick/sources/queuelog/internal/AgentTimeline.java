package io.yardstick.sources.queuelog.internal;

import io.yardstick.model.AgentState;
import io.yardstick.model.State;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Turns agent and call events into agent states. An agent is present while logged in (AGENTLOGIN,
 * AGENTCALLBACKLOGIN) or a member of at least one queue (ADDMEMBER); present and not paused is
 * available, paused (PAUSE, PAUSEALL) is break, and from CONNECT to its COMPLETE or TRANSFER the
 * agent is busy, whatever else holds. QUEUESTART (a restart) ends everything: Asterisk forgets its
 * members and calls. A span still open when the log ends is not emitted: its end is unknown, and a
 * longer log will close it (with the same start, so the import stays idempotent).
 *
 * <p>An agent with no log-in or queue membership event in the log (a static queue member,
 * configured in queues.conf: Asterisk logs only its calls) has no known logged-in time: only its
 * busy periods are known. Its states are not emitted at all, rather than made up, so occupancy,
 * idle time, contacts per hour and absence stay empty for it; the agents and their busy periods are
 * counted ({@link #withoutPresence}, {@link #busyWithoutPresence}).
 */
public final class AgentTimeline {
  enum Kind {
    LOGIN,
    LOGOFF,
    ADD,
    REMOVE,
    PAUSE,
    UNPAUSE,
    BUSY,
    FREE,
    RESTART
  }

  private record Change(Instant at, long seq, String agent, Kind kind, String arg) {}

  private static final class Agent {
    boolean loggedIn;
    final Set<String> queues = new HashSet<>();
    boolean paused;
    final Set<String> calls = new HashSet<>();
    State state;
    Instant since;

    State now() {
      if (!calls.isEmpty()) return State.BUSY;
      if (!loggedIn && queues.isEmpty()) return null;
      return paused ? State.BREAK : State.AVAILABLE;
    }
  }

  private final List<Change> changes = new ArrayList<>();
  private final Set<String> present = new HashSet<>();
  private final Set<String> withoutPresence = new TreeSet<>();
  private long busyWithoutPresence;
  private long open;

  /**
   * Records a change; {@code agent} is the agent id (null for RESTART), {@code arg} the queue or
   * call id.
   */
  private void add(Instant at, String agent, Kind kind, String arg) {
    changes.add(new Change(at, changes.size(), agent, kind, arg));
  }

  public void login(Instant at, String agent) {
    present.add(agent);
    add(at, agent, Kind.LOGIN, null);
  }

  public void logoff(Instant at, String agent) {
    add(at, agent, Kind.LOGOFF, null);
  }

  public void addMember(Instant at, String agent, String queue) {
    present.add(agent);
    add(at, agent, Kind.ADD, String.valueOf(queue));
  }

  public void removeMember(Instant at, String agent, String queue) {
    add(at, agent, Kind.REMOVE, String.valueOf(queue));
  }

  public void pause(Instant at, String agent) {
    add(at, agent, Kind.PAUSE, null);
  }

  public void unpause(Instant at, String agent) {
    add(at, agent, Kind.UNPAUSE, null);
  }

  public void busy(Instant at, String agent, String callid) {
    add(at, agent, Kind.BUSY, callid);
  }

  public void free(Instant at, String agent, String callid) {
    add(at, agent, Kind.FREE, callid);
  }

  public void restart(Instant at) {
    add(at, null, Kind.RESTART, null);
  }

  /**
   * The closed spans, in time order per agent; counts the spans left open (see {@link #openAtEnd}).
   */
  public List<AgentState> states() {
    List<Change> sorted = new ArrayList<>(changes);
    sorted.sort(Comparator.comparing(Change::at).thenComparingLong(Change::seq));
    Map<String, Agent> agents = new LinkedHashMap<>();
    List<AgentState> out = new ArrayList<>();
    withoutPresence.clear();
    busyWithoutPresence = 0;
    for (Change c : sorted) {
      if (c.agent() != null && !present.contains(c.agent())) {
        withoutPresence.add(c.agent());
        if (c.kind() == Kind.BUSY) busyWithoutPresence++;
        continue;
      }
      if (c.kind() == Kind.RESTART) {
        for (Map.Entry<String, Agent> e : agents.entrySet()) {
          Agent a = e.getValue();
          a.loggedIn = false;
          a.queues.clear();
          a.paused = false;
          a.calls.clear();
          settle(e.getKey(), a, c.at(), out);
        }
        continue;
      }
      Agent a = agents.computeIfAbsent(c.agent(), k -> new Agent());
      switch (c.kind()) {
        case LOGIN -> a.loggedIn = true;
        case LOGOFF -> {
          a.loggedIn = false;
          a.queues.clear();
          a.paused = false;
        }
        case ADD -> a.queues.add(c.arg());
        case REMOVE -> a.queues.remove(c.arg());
        case PAUSE -> a.paused = true;
        case UNPAUSE -> a.paused = false;
        case BUSY -> a.calls.add(c.arg());
        case FREE -> a.calls.remove(c.arg());
        case RESTART -> throw new AssertionError();
      }
      settle(c.agent(), a, c.at(), out);
    }
    open = agents.values().stream().filter(a -> a.state != null).count();
    return out;
  }

  private static void settle(String id, Agent a, Instant at, List<AgentState> out) {
    State next = a.now();
    if (next == a.state) return;
    if (a.state != null && at.isAfter(a.since)) {
      out.add(new AgentState(id, a.state, a.since, at));
    }
    a.state = next;
    a.since = at;
  }

  /**
   * Agents with calls but no log-in or queue membership event: their time is unknown (known after
   * {@link #states}).
   */
  public Set<String> withoutPresence() {
    return Collections.unmodifiableSet(withoutPresence);
  }

  /**
   * The busy periods (CONNECTs) of those agents, which make no agent states (known after {@link
   * #states}).
   */
  public long busyWithoutPresence() {
    return busyWithoutPresence;
  }

  /** Agents whose last span was still open when the log ended (known after {@link #states}). */
  public long openAtEnd() {
    return open;
  }
}
