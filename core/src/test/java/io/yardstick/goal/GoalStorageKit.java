package io.yardstick.goal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.yardstick.kpi.Kpi;
import io.yardstick.store.Store;
import io.yardstick.store.StoreKit;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Goals stored and read back the same on every store. */
public abstract class GoalStorageKit extends StoreKit {
  static final ZoneId MADRID = ZoneId.of("Europe/Madrid");
  static final Instant NOW = Instant.parse("2026-11-25T08:00:00Z");

  Store store;
  Goals goals;

  @BeforeEach
  void open() throws Exception {
    store = newStore();
    goals = new Goals(store, Clock.fixed(NOW, ZoneOffset.UTC));
  }

  @AfterEach
  void close() {
    store.close();
  }

  @Test
  void a_goal_reads_back_as_it_was_stored_with_the_next_id() {
    Goal csat =
        Goal.builder(Kpi.CSAT, LocalDate.parse("2026-07-01"), LocalDate.parse("2026-12-31"), MADRID)
            .where("age=55..70")
            .target(Target.change(25))
            .name("CSAT 55-70 +25%")
            .build();
    Goal retention =
        Goal.builder(
                Kpi.RETENTION_RATE,
                LocalDate.parse("2026-07-01"),
                LocalDate.parse("2026-12-31"),
                MADRID)
            .baseline(85.0)
            .target(Target.absolute(90))
            .build();
    Goal blog =
        Goal.builder(
                Kpi.FRT_AVG, LocalDate.parse("2026-10-01"), LocalDate.parse("2026-12-31"), MADRID)
            .where("channel=social", "queue=blog")
            .baselinePeriod(LocalDate.parse("2026-01-01"), LocalDate.parse("2026-03-31"))
            .target(Target.change(-5))
            .build();

    assertThat(goals.add(csat).id()).isEqualTo(1);
    assertThat(goals.add(retention).id()).isEqualTo(2);
    assertThat(goals.add(blog).id()).isEqualTo(3);

    assertThat(goals.list())
        .containsExactly(csat.withId(1, NOW), retention.withId(2, NOW), blog.withId(3, NOW));
    assertThat(goals.get(2).name()).isEqualTo("Customer retention to 90.0% by 2026-12-31");
  }

  @Test
  void a_removed_goal_is_gone_and_an_unknown_id_names_the_goals_there_are() {
    Goal g =
        goals.add(
            Goal.builder(
                    Kpi.AHT, LocalDate.parse("2026-09-01"), LocalDate.parse("2026-11-20"), MADRID)
                .where("topic=login")
                .target(Target.change(-10))
                .build());

    assertThat(goals.remove(g.id())).isTrue();
    assertThat(goals.remove(g.id())).isFalse();
    assertThat(goals.find(g.id())).isEmpty();
    assertThatThrownBy(() -> goals.get(7))
        .hasMessage("There is no goal 7; goal list shows the goals (none).");
  }
}
