package io.yardstick.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import io.yardstick.demo.ContactCenterSimulation;
import io.yardstick.demo.DemoSettings;
import io.yardstick.settings.Settings;
import io.yardstick.store.Loader;
import io.yardstick.store.Store;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 11, finding 3: the small-group rule counts the other agents with contacts in a slice. */
class PrivacyTest {
  @TempDir Path dir;

  @Test
  void a_team_slice_is_withheld_below_k_other_agents_and_shown_from_k() {
    try (Store store = Store.open(dir.resolve("privacy.duckdb").toString())) {
      try (Loader loader = store.loader()) {
        new ContactCenterSimulation(
                new DemoSettings(600, 10, 5, LocalDate.of(2026, 6, 30), ZoneId.of("UTC")))
            .run(loader, n -> {});
        loader.commit();
      }
      KpiEngine engine = new KpiEngine(store);
      KpiQuery team =
          new KpiQuery(
                  LocalDate.of(2026, 6, 21),
                  LocalDate.of(2026, 6, 30),
                  ZoneId.of("UTC"),
                  List.of(Kpi.CONTACTS))
              .withFilters(List.of(Filter.parse("team=care")));
      KpiResult byAgent = engine.compute(team.withGroupBy(List.of(Dimension.of("agent"))));
      List<String> agents =
          byAgent.rows().stream()
              .skip(1)
              .map(r -> r.group().get("agent"))
              .filter(a -> a != null)
              .toList();
      String me = agents.get(0);
      long others = agents.size() - 1;
      assertThat(others).isPositive();
      assertThat(new Privacy((int) others).withheld(engine, team, me)).isEmpty();
      assertThat(new Privacy((int) others + 1).withheld(engine, team, me))
          .hasValue("fewer than " + (others + 1) + " other agents in this slice");
    }
  }

  @Test
  void k_comes_from_the_settings_file_and_defaults_to_three() {
    assertThat(KpiSettings.defaults().privacy()).isEqualTo(new Privacy(3));
    assertThat(Settings.parse("privacy: {min_other_agents: 5}", "p.yaml").kpi().privacy())
        .isEqualTo(new Privacy(5));
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> Settings.parse("privacy: {min_other_agents: -1}", "p.yaml").kpi())
        .hasMessage(
            "settings file p.yaml, line 1, column 29: privacy.min_other_agents: the value -1 is not valid; expected a"
                + " whole number from 0 to 1000");
  }
}
