package io.yardstick.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.yardstick.staffing.ErlangA;
import io.yardstick.staffing.ErlangC;
import io.yardstick.staffing.QueueMetrics;
import io.yardstick.staffing.Workload;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The demo's own live-queue mechanics ({@link Pool}: first come, first served over the agents'
 * slots, an impatient customer leaving when the wait the queue offers exceeds their patience, as
 * {@code Engine.live} does) run with fixed staffing, Poisson arrivals and exponential handle times,
 * against what Erlang C (and Erlang A, with exponential patience) predicts for the same staffing.
 * Times are in milliseconds so that the pool's whole-number clock does not round waits. The
 * simulated service level must agree within 1.5 points, the ASA within 10%.
 */
class QueueSimulationVersusErlangTest {
  record Simulated(double serviceLevel, double asa, double abandonment, double occupancy) {}

  /**
   * Runs {@code contacts} arrivals through a pool of {@code agents} of {@code group}; patience 0
   * means infinite.
   */
  static Simulated simulate(
      Group group,
      int agents,
      double callsPerHour,
      double ahtSeconds,
      double answerSeconds,
      double patienceSeconds,
      int contacts,
      long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    Pool pool = new Pool(group);
    java.util.List<AgentShift> shifts = new java.util.ArrayList<>();
    for (int i = 0; i < agents; i++) {
      Agent agent = new Agent(i + 1, group.team, group, 0, 0);
      // no break and no end: the pool never emits a state, so no emitter is needed
      shifts.add(new AgentShift(agent, i, 0, Long.MAX_VALUE, Long.MAX_VALUE, 0, null));
    }
    pool.open(shifts);
    double meanGapMs = 3_600_000 / callsPerHour;
    long t = 0;
    long within = 0;
    long answered = 0;
    long abandoned = 0;
    double waitSum = 0;
    double busyMs = 0;
    int warmUp = contacts / 20;
    long measuredFrom = 0;
    for (int i = 0; i < contacts + warmUp; i++) {
      t += Math.round(Rng.exponential(r, meanGapMs));
      if (i == warmUp) measuredFrom = t;
      boolean counted = i >= warmUp;
      Pool.Slot slot = pool.next(t);
      long start = Math.max(t, slot.free);
      long wait = start - t;
      if (patienceSeconds > 0 && wait > Math.round(Rng.exponential(r, patienceSeconds * 1000))) {
        if (counted) abandoned++;
        continue;
      }
      long service = Math.round(Rng.exponential(r, ahtSeconds * 1000));
      pool.take(slot, start + service);
      if (counted) {
        answered++;
        waitSum += wait;
        busyMs += service;
        if (wait <= answerSeconds * 1000) within++;
      }
    }
    long offered = answered + abandoned;
    double slots = agents * group.channel.slots;
    return new Simulated(
        within / (double) offered,
        waitSum / answered / 1000,
        abandoned / (double) offered,
        busyMs / (slots * (t - measuredFrom)));
  }

  @Test
  void demo_phone_queue_with_patient_callers_matches_erlang_c_at_10_erlangs() {
    // 200 calls/h x 180 s = 10 Erlangs on 12 agents: Erlang C says 64.0% within 20 s (the cran
    // ErlangC case, 100
    // calls per half hour), ASA 40.4 s
    Simulated s = simulate(Group.CARE, 12, 200, 180, 20, 0, 400_000, 1);
    QueueMetrics c = ErlangC.metrics(Workload.of(200, 3600, 180), 12, 1, 20);
    assertThat(c.serviceLevel()).isCloseTo(0.640158, within(1e-6));
    assertThat(s.serviceLevel()).isCloseTo(c.serviceLevel(), within(0.015));
    assertThat(s.asa()).isCloseTo(c.asaSeconds(), within(0.10 * c.asaSeconds()));
    assertThat(s.occupancy()).isCloseTo(c.occupancy(), within(0.01));
  }

  @Test
  void demo_phone_queue_matches_erlang_c_at_100_erlangs() {
    // 1,200 calls/h x 300 s = 100 Erlangs on 108 agents
    Simulated s = simulate(Group.CARE, 108, 1200, 300, 20, 0, 400_000, 2);
    QueueMetrics c = ErlangC.metrics(Workload.of(1200, 3600, 300), 108, 1, 20);
    assertThat(s.serviceLevel()).isCloseTo(c.serviceLevel(), within(0.015));
    assertThat(s.asa()).isCloseTo(c.asaSeconds(), within(0.10 * c.asaSeconds()));
  }

  @Test
  void demo_chat_queue_with_two_chats_per_agent_matches_erlang_c_on_agents_times_two_slots() {
    // 150 chats/h x 420 s = 17.5 Erlangs; 10 chat agents with 2 slots each are 20 servers
    Simulated s = simulate(Group.CHAT, 10, 150, 420, 30, 0, 300_000, 3);
    QueueMetrics c = ErlangC.metrics(Workload.of(150, 3600, 420), 10, 2, 30);
    assertThat(c.servers()).isEqualTo(20);
    assertThat(s.serviceLevel()).isCloseTo(c.serviceLevel(), within(0.015));
    assertThat(s.occupancy()).isCloseTo(c.occupancy(), within(0.01));
  }

  @Test
  void demo_phone_queue_with_impatient_callers_matches_erlang_a_not_erlang_c() {
    // 11 Erlangs (220 calls/h x 180 s) on 11 agents: Erlang C has no steady state at all; with a
    // mean patience of
    // 120 s callers abandon and Erlang A predicts the service level, the abandonment and the ASA
    Simulated s = simulate(Group.CARE, 11, 220, 180, 20, 120, 400_000, 4);
    QueueMetrics a = ErlangA.metrics(Workload.of(220, 3600, 180), 11, 1, 20, 120);
    assertThat(ErlangC.metrics(Workload.of(220, 3600, 180), 11, 1, 20).serviceLevel()).isZero();
    assertThat(s.serviceLevel()).isCloseTo(a.serviceLevel(), within(0.015));
    assertThat(s.abandonment()).isCloseTo(a.abandonment(), within(0.01));
    assertThat(s.asa()).isCloseTo(a.asaSeconds(), within(0.10 * a.asaSeconds()));
    assertThat(s.occupancy()).isCloseTo(a.occupancy(), within(0.01));
  }

  @Test
  void demo_phone_queue_with_impatient_callers_at_100_erlangs_matches_erlang_a() {
    Simulated s = simulate(Group.CARE, 98, 1200, 300, 20, 180, 400_000, 5);
    QueueMetrics a = ErlangA.metrics(Workload.of(1200, 3600, 300), 98, 1, 20, 180);
    assertThat(s.serviceLevel()).isCloseTo(a.serviceLevel(), within(0.015));
    assertThat(s.abandonment()).isCloseTo(a.abandonment(), within(0.01));
  }
}
