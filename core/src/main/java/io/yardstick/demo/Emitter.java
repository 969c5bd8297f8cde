package io.yardstick.demo;

import io.yardstick.event.LiveView;
import io.yardstick.ingest.RowSink;
import io.yardstick.model.AgentState;
import io.yardstick.model.Contact;
import io.yardstick.model.Cost;
import io.yardstick.model.Customer;
import io.yardstick.model.RecordType;
import io.yardstick.model.State;
import io.yardstick.model.Survey;
import io.yardstick.store.Loader;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.LongConsumer;

/**
 * Hands rows to the loader's sinks with a line number per type, and counts them. A demo stopped at
 * an instant ({@link DemoSettings#stopAt()}) keeps only what happened by then: agent states after
 * it are dropped, and the state each agent is in at the stop becomes their live state (live_agents,
 * as the events API keeps it), not a row.
 */
final class Emitter {
  private static final int PROGRESS_EVERY = 10_000;

  private final Loader loader;
  private final RowSink[] sinks = new RowSink[RecordType.values().length];
  private final long[] rows = new long[RecordType.values().length];
  private final LongConsumer progress;
  private final long stop;
  private final Function<String, List<String>> queuesOf;
  private final Map<String, LiveView.Agent> live = new TreeMap<>();
  private long waiting;

  /** stop: epoch second after which nothing has happened yet (Long.MAX_VALUE for none). */
  Emitter(
      Loader loader, LongConsumer progress, long stop, Function<String, List<String>> queuesOf) {
    this.loader = loader;
    for (RecordType type : RecordType.values()) {
      sinks[type.ordinal()] = loader.sink(type);
    }
    this.progress = progress;
    this.stop = stop;
    this.queuesOf = queuesOf;
  }

  /**
   * Whether an instant (epoch second) lies after the stop: what happens then has not happened yet.
   */
  boolean pending(long t) {
    return t > stop;
  }

  void countWaiting() {
    waiting++;
  }

  long waiting() {
    return waiting;
  }

  long agentsOnShift() {
    return live.size();
  }

  long contacts() {
    return rows[RecordType.CONTACTS.ordinal()];
  }

  String nextContactId() {
    return id("c-", contacts() + 1, 7);
  }

  String nextSurveyId() {
    return id("s-", rows[RecordType.SURVEYS.ordinal()] + 1, 7);
  }

  void contact(Contact c) {
    long n = emit(RecordType.CONTACTS, c.toRow());
    if (n % PROGRESS_EVERY == 0) {
      progress.accept(n);
    }
  }

  void survey(Survey s) {
    emit(RecordType.SURVEYS, s.toRow());
  }

  /**
   * An agent state over [from, to); nothing when the interval is empty; the live state when it
   * spans the stop.
   */
  void state(String agentId, State state, long from, long to) {
    if (to <= from || pending(from)) {
      return;
    }
    if (pending(to)) {
      live.put(
          agentId,
          new LiveView.Agent(
              agentId, state.id(), Instant.ofEpochSecond(from), queuesOf.apply(agentId)));
      return;
    }
    emit(
        RecordType.AGENT_STATES,
        new AgentState(agentId, state, Instant.ofEpochSecond(from), Instant.ofEpochSecond(to))
            .toRow());
  }

  void customer(Customer c) {
    emit(RecordType.CUSTOMERS, c.toRow());
  }

  void cost(Cost c) {
    emit(RecordType.COSTS, c.toRow());
  }

  void finish() {
    if (stop != Long.MAX_VALUE) {
      loader.execute("DELETE FROM live_agents");
      for (LiveView.Agent a : live.values()) {
        loader.execute(
            "INSERT INTO live_agents (agent_id, state, since, queues) VALUES (?, ?, ?, ?)",
            a.agentId(),
            a.state(),
            a.since(),
            String.join("\n", a.queues()));
      }
    }
    long n = contacts();
    if (n % PROGRESS_EVERY != 0) {
      progress.accept(n);
    }
  }

  Map<RecordType, Long> rows() {
    Map<RecordType, Long> m = new EnumMap<>(RecordType.class);
    for (RecordType type : RecordType.values()) {
      m.put(type, rows[type.ordinal()]);
    }
    return m;
  }

  private long emit(RecordType type, Object[] row) {
    long line = ++rows[type.ordinal()];
    sinks[type.ordinal()].accept(line, row);
    return line;
  }

  /** prefix + n zero-padded to width digits (more digits when n needs them). */
  static String id(String prefix, long n, int width) {
    String digits = Long.toString(n);
    StringBuilder b = new StringBuilder(prefix.length() + Math.max(width, digits.length()));
    b.append(prefix);
    for (int i = digits.length(); i < width; i++) {
      b.append('0');
    }
    return b.append(digits).toString();
  }
}
