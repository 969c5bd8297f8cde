package io.yardstick.demo;

import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * The agents of one group serving their live queues on one day, as a min-heap of agent slots by the
 * time each is next free: first come, first served, the agent free the longest takes the next
 * contact.
 */
final class Pool {
  /** One line of an agent: phone agents have one, chat agents two. */
  static final class Slot {
    final AgentShift shift;
    final int index;
    long free;

    Slot(AgentShift shift, int index, long free) {
      this.shift = shift;
      this.index = index;
      this.free = free;
    }
  }

  private static final Comparator<Slot> ORDER =
      Comparator.<Slot>comparingLong(s -> s.free)
          .thenComparingInt(s -> s.shift.order)
          .thenComparingInt(s -> s.index);

  private final int slots;
  private final PriorityQueue<Slot> heap = new PriorityQueue<>(ORDER);
  private AgentShift last;

  Pool(Group group) {
    this.slots = group.channel.slots;
  }

  void open(List<AgentShift> shifts) {
    heap.clear();
    for (AgentShift shift : shifts) {
      shift.liveSlots = slots;
      for (int k = 0; k < slots; k++) {
        heap.add(new Slot(shift, k, shift.shiftStart));
      }
      last = shift;
    }
  }

  /**
   * The slot that would take a contact arriving at {@code now} (it starts at max(now, free)), after
   * sending agents on their break and ending shifts that are over; null when nobody is left today.
   */
  Slot next(long now) {
    while (!heap.isEmpty()) {
      Slot s = heap.peek();
      AgentShift a = s.shift;
      if (s.free < a.blockedUntil) {
        heap.poll();
        s.free = a.blockedUntil;
        heap.add(s);
        continue;
      }
      long start = Math.max(now, s.free);
      if (start >= a.shiftEnd) {
        heap.poll();
        retire(a);
        continue;
      }
      if (!a.breakTaken && start >= a.breakAt) {
        a.takeBreak(Math.max(s.free, a.breakAt));
        continue;
      }
      return s;
    }
    return null;
  }

  /** The slot returned by {@link #next} is busy until {@code free}. */
  void take(Slot s, long free) {
    Slot top = heap.poll();
    if (top != s) {
      throw new IllegalStateException("slot is not at the top of the pool");
    }
    s.free = free;
    heap.add(s);
  }

  /** Someone who was on shift today, for the rare callback placed when everyone has gone home. */
  AgentShift anyone() {
    return last;
  }

  /** Ends the day: every shift still open finishes. */
  void close() {
    while (!heap.isEmpty()) {
      retire(heap.poll().shift);
    }
  }

  private static void retire(AgentShift a) {
    if (--a.liveSlots == 0) {
      a.finish();
    }
  }
}
