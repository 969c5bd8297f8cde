package io.yardstick.model;

import java.time.Instant;

/** An agent in one state over [startedAt, endedAt). */
public record AgentState(String agentId, State state, Instant startedAt, Instant endedAt) {

  public Object[] toRow() {
    return new Object[] {agentId, state.id(), startedAt, endedAt};
  }
}
