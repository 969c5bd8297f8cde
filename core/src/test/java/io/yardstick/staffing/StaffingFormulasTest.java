package io.yardstick.staffing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.math.MathContext;
import org.junit.jupiter.api.Test;

/**
 * Erlang B, C and A and the staffing search on cases small enough to work by hand, and on very
 * large traffic.
 */
class StaffingFormulasTest {
  @Test
  void erlang_b_with_two_lines_and_two_erlangs_is_two_fifths() {
    // (2^2 / 2!) / (1 + 2 + 2^2 / 2!) = 2 / 5
    assertThat(ErlangB.blocking(2, 2)).isCloseTo(0.4, within(1e-15));
  }

  @Test
  void erlang_c_with_three_agents_and_two_erlangs_is_four_ninths() {
    // B(3, 2) = (8/6) / (1 + 2 + 2 + 8/6) = 4/19; C = 3 (4/19) / (3 - 2 (15/19)) = (12/19) /
    // (27/19) = 4/9
    QueueMetrics m =
        ErlangC.metrics(Workload.of(120, 3600, 60), 3, 1, 30); // 120 x 60 / 3600 = 2 Erlangs
    assertThat(m.probabilityWait()).isCloseTo(4.0 / 9, within(1e-15));
    // 1 - (4/9) e^(-(3 - 2) 30 / 60) = 1 - 0.444444 x 0.606531 = 0.730431
    assertThat(m.serviceLevel()).isCloseTo(1 - 4.0 / 9 * Math.exp(-0.5), within(1e-15));
    // (4/9) x 60 / (3 - 2) = 26.667 s
    assertThat(m.asaSeconds()).isCloseTo(80.0 / 3, within(1e-12));
    assertThat(m.occupancy()).isCloseTo(2.0 / 3, within(1e-15));
  }

  @Test
  void erlang_a_with_one_agent_and_patience_equal_to_handle_time_is_the_infinite_server_queue() {
    // With patience = AHT every customer in the system leaves at the same rate, waiting or served,
    // so the number in
    // the system is Poisson(a) as in M/M/∞: at a = 1, P(wait) = P(N >= 1) = 1 - 1/e, and the served
    // share is
    // μ P(N >= 1) / λ = 1 - 1/e, so P(abandon) = 1/e
    QueueMetrics m = ErlangA.metrics(Workload.of(20, 3600, 180), 1, 1, 20, 180);
    assertThat(m.probabilityWait()).isCloseTo(1 - Math.exp(-1), within(1e-12));
    assertThat(m.abandonment()).isCloseTo(Math.exp(-1), within(1e-12));
    assertThat(m.occupancy()).isCloseTo(1 - Math.exp(-1), within(1e-12));
  }

  @Test
  void erlang_a_with_endless_patience_is_erlang_c() {
    QueueMetrics c = ErlangC.metrics(Workload.of(100, 1800, 180), 14, 1, 20);
    QueueMetrics a = ErlangA.metrics(Workload.of(100, 1800, 180), 14, 1, 20, 1e7);
    assertThat(a.serviceLevel()).isCloseTo(c.serviceLevel(), within(1e-4));
    assertThat(a.probabilityWait()).isCloseTo(c.probabilityWait(), within(1e-4));
    assertThat(a.asaSeconds()).isCloseTo(c.asaSeconds(), within(0.01));
  }

  @Test
  void erlang_a_needs_fewer_agents_than_erlang_c_when_callers_abandon() {
    Workload w = Workload.of(100, 1800, 180);
    // Erlang C: 14 agents (the cran ErlangC case); with a mean patience of 120 s, 12 answer 82.6%
    // within 20 s
    assertThat(Staffing.required(w, StaffingTarget.serviceLevel(0.8, 20).build()).agents())
        .isEqualTo(14);
    Staffing a =
        Staffing.required(w, StaffingTarget.serviceLevel(0.8, 20).patienceSeconds(120.0).build());
    assertThat(a.agents()).isEqualTo(12);
    assertThat(
            Staffing.evaluate(
                    w, 11, StaffingTarget.serviceLevel(0.8, 20).patienceSeconds(120.0).build())
                .serviceLevel())
        .isLessThan(0.8);
  }

  @Test
  void the_occupancy_cap_and_shrinkage_are_applied_after_the_service_level() {
    // 10 Erlangs, 80/20 needs 14; a 70% cap needs ceil(10 / 0.7) = ceil(14.29) = 15; 15 / (1 - 0.3)
    // = 21.4 -> 22
    Staffing s =
        Staffing.required(
            Workload.of(100, 1800, 180),
            StaffingTarget.serviceLevel(0.8, 20).maxOccupancy(0.7).shrinkage(0.3).build());
    assertThat(s.agents()).isEqualTo(15);
    assertThat(s.boundBy()).isEqualTo("occupancy");
    assertThat(s.scheduledAgents()).isEqualTo(22);
    // 14 / (1 - 0.3) is 20.000000000000004 in doubles, still 20 agents
    assertThat(Staffing.scheduled(14, 0.3)).isEqualTo(20);
  }

  @Test
  void chat_concurrency_counts_agents_times_slots_as_servers() {
    Workload w = Workload.of(150, 3600, 420); // 17.5 Erlangs of chat
    Staffing s = Staffing.required(w, StaffingTarget.serviceLevel(0.8, 30).concurrency(2).build());
    assertThat(s.metrics().servers()).isEqualTo(2 * s.agents());
    // the fewest: one agent less (two slots less) misses the target
    assertThat(ErlangC.metrics(w, s.agents() - 1, 2, 30).serviceLevel()).isLessThan(0.8);
    assertThat(s.metrics().serviceLevel()).isGreaterThanOrEqualTo(0.8);
  }

  @Test
  void an_interval_without_contacts_needs_no_agents() {
    Staffing s =
        Staffing.required(Workload.of(0, 1800, 180), StaffingTarget.serviceLevel(0.8, 20).build());
    assertThat(s.agents()).isZero();
    assertThat(s.boundBy()).isEqualTo("none");
  }

  @Test
  void erlang_c_at_1000_erlangs_is_finite_and_equals_the_exact_sum() {
    // 1000 Erlangs: a^n / n! alone overflows a double (1000^1015 / 1015!); the recursion does not.
    // Checked against
    // the textbook formula in 50-digit decimals: C = (a^n/n! · n/(n-a)) / (Σ_{k<n} a^k/k! + a^n/n!
    // · n/(n-a))
    int n = 1015;
    BigDecimal a = BigDecimal.valueOf(1000);
    MathContext mc = new MathContext(50);
    BigDecimal term = BigDecimal.ONE;
    BigDecimal sum = BigDecimal.ZERO;
    for (int k = 0; k < n; k++) {
      sum = sum.add(term, mc);
      term = term.multiply(a, mc).divide(BigDecimal.valueOf(k + 1), mc);
    }
    BigDecimal last =
        term.multiply(BigDecimal.valueOf(n), mc).divide(BigDecimal.valueOf(n - 1000), mc);
    double exact = last.divide(sum.add(last, mc), mc).doubleValue();

    QueueMetrics m = ErlangC.metrics(Workload.of(6000, 1800, 300), n, 1, 20);
    assertThat(m.trafficErlangs()).isEqualTo(1000.0);
    assertThat(m.probabilityWait()).isCloseTo(exact, within(1e-12));
    Staffing s =
        Staffing.required(
            Workload.of(6000, 1800, 300), StaffingTarget.serviceLevel(0.8, 20).build());
    assertThat(s.agents()).isEqualTo(1015);
    assertThat(s.metrics().serviceLevel()).isBetween(0.8, 0.81);
  }

  @Test
  void erlang_a_at_1000_and_10000_erlangs_is_finite() {
    for (double erlangs : new double[] {1000, 10_000}) {
      Staffing s =
          Staffing.required(
              Workload.of(erlangs * 6, 1800, 300),
              StaffingTarget.serviceLevel(0.8, 20).patienceSeconds(180.0).build());
      QueueMetrics m = s.metrics();
      assertThat(m.serviceLevel()).isBetween(0.8, 0.81);
      assertThat(m.asaSeconds()).isFinite().isPositive();
      assertThat(m.abandonment()).isFinite().isBetween(0.0, 0.2);
      assertThat(m.occupancy()).isBetween(0.9, 1.0);
    }
  }

  @Test
  void a_service_level_of_100_percent_is_refused_with_the_reason() {
    assertThatThrownBy(() -> StaffingTarget.serviceLevel(1.0, 20).build())
        .isInstanceOf(StaffingException.class)
        .hasMessage(
            "the service-level target must be above 0% and below 100% (no queue of random arrivals answers"
                + " every contact in time), not 100.0%");
  }

  @Test
  void an_answer_time_beyond_a_week_is_refused_as_a_typo() {
    // 7 days = 7 x 86400 = 604800 s is the last accepted value.
    StaffingTarget.serviceLevel(0.8, 604_800).build();
    assertThatThrownBy(() -> StaffingTarget.serviceLevel(0.8, 1e12).build())
        .isInstanceOf(StaffingException.class)
        .hasMessage("the answer time must be from 0 seconds to 7 days (604800 s), not 1.0E12");
    assertThatThrownBy(() -> StaffingTarget.serviceLevel(0.8, -1).build())
        .isInstanceOf(StaffingException.class);
  }

  @Test
  void patience_is_the_total_wait_over_the_abandons() {
    assertThat(Patience.estimate(3000, 10).meanSeconds()).isEqualTo(300.0);
    assertThatThrownBy(() -> Patience.estimate(3000, 0))
        .hasMessageStartingWith("no contact abandoned");
  }

  @Test
  void email_agents_carry_the_arrivals_and_clear_the_backlog_within_the_response_target() {
    // (60 x 300 / 3600 + 120 x 300 / 14400) / 0.85 = (5 + 2.5) / 0.85 = 8.82 -> 9
    assertThat(EmailWorkload.agents(60, 3600, 300, 120, 4 * 3600, 0.85)).isEqualTo(9);
  }
}
