package io.yardstick.demo;

import io.yardstick.model.State;

/**
 * An agent's shift on one day, and the timeline of their states over it: available between
 * contacts, busy while talking or holding, wrap after, one break. States are emitted as the day
 * goes, never overlapping. Live chat agents take several chats at once: their busy spells are the
 * union of their chats.
 */
final class AgentShift {
  final Agent agent;

  /** Position in the day's staffing, to break ties deterministically. */
  final int order;

  final long shiftStart;
  final long shiftEnd;
  final long breakAt;
  final long breakLength;
  private final Emitter out;

  boolean breakTaken;

  /** No new contact before this (the end of the break). */
  long blockedUntil;

  /** Slots still in the pool; the shift ends when none is left. */
  int liveSlots;

  /** Handling seconds of asynchronous work given to the agent today, and how many contacts. */
  long work;

  int handled;

  private long cursor;
  private boolean open;
  private long spellStart;
  private long spellTalkEnd;
  private long spellEnd;

  AgentShift(
      Agent agent,
      int order,
      long shiftStart,
      long shiftEnd,
      long breakAt,
      long breakLength,
      Emitter out) {
    this.agent = agent;
    this.order = order;
    this.shiftStart = shiftStart;
    this.shiftEnd = shiftEnd;
    this.breakAt = breakAt;
    this.breakLength = breakLength;
    this.out = out;
    this.cursor = shiftStart;
    this.blockedUntil = shiftStart;
  }

  /** A contact handled from start: talking and holding until talkEnd, wrapping up until end. */
  void assign(long start, long talkEnd, long end) {
    agent.monthBusy += end - start;
    if (open && start < spellEnd) {
      spellTalkEnd = Math.max(spellTalkEnd, talkEnd);
      spellEnd = Math.max(spellEnd, end);
      return;
    }
    closeSpell();
    out.state(agent.id, State.AVAILABLE, cursor, start);
    cursor = Math.max(cursor, start);
    open = true;
    spellStart = start;
    spellTalkEnd = talkEnd;
    spellEnd = end;
  }

  /** Takes the break as soon as the agent is free and not before {@code earliest}. */
  void takeBreak(long earliest) {
    closeSpell();
    long from = Math.max(cursor, earliest);
    out.state(agent.id, State.AVAILABLE, cursor, from);
    out.state(agent.id, State.BREAK, from, from + breakLength);
    cursor = from + breakLength;
    blockedUntil = cursor;
    breakTaken = true;
  }

  /**
   * Ends the shift: the break if still due and there is room, then available until the shift ends.
   */
  void finish() {
    closeSpell();
    if (!breakTaken && Math.max(cursor, breakAt) + breakLength <= shiftEnd) {
      takeBreak(breakAt);
    }
    out.state(agent.id, State.AVAILABLE, cursor, shiftEnd);
    cursor = Math.max(cursor, shiftEnd);
  }

  private void closeSpell() {
    if (open) {
      out.state(agent.id, State.BUSY, spellStart, spellTalkEnd);
      out.state(agent.id, State.WRAP, spellTalkEnd, spellEnd);
      cursor = spellEnd;
      open = false;
    }
  }
}
