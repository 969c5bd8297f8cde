package io.yardstick.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.yardstick.settings.Settings;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class RetentionTest {
  private static final Clock DEC_6 =
      Clock.fixed(Instant.parse("2026-12-06T15:30:00Z"), ZoneOffset.UTC);

  @Test
  void contacts_are_kept_for_ever_unless_the_settings_say_how_many_months() {
    assertThat(KpiSettings.defaults().retention().cutoff(DEC_6)).isEmpty();
    Retention r = Settings.parse("retention: {contacts_months: 25}", "r.yaml").kpi().retention();
    assertThat(r).isEqualTo(new Retention(25));
    // 25 months before the start of 6 December 2026 (UTC).
    assertThat(r.cutoff(DEC_6)).contains(Instant.parse("2024-11-06T00:00:00Z"));
  }

  @Test
  void a_retention_that_is_not_a_whole_number_of_months_is_refused() {
    assertThatThrownBy(() -> Settings.parse("retention: {contacts_months: 2.5}", "r.yaml").kpi())
        .hasMessage(
            "settings file r.yaml, line 1, column 30: retention.contacts_months: the value 2.5 is not valid; expected a whole number of"
                + " months from 0 (keep for ever) to 1200");
    assertThatThrownBy(() -> Settings.parse("retention: {days: 30}", "r.yaml").kpi())
        .hasMessageContaining("retention");
  }
}
