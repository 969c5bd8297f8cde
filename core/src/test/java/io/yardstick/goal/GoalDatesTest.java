package io.yardstick.goal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.yardstick.kpi.SettingsFile;
import io.yardstick.settings.Settings;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class GoalDatesTest {
  static final LocalDate JULY_1 = LocalDate.parse("2026-07-01");

  static LocalDate by(String text, int fiscalMonth) {
    return GoalDates.deadline(text, JULY_1, fiscalMonth);
  }

  @Test
  void the_end_of_the_fiscal_year_follows_its_first_month() {
    assertThat(by("end-of-fiscal-year", 1)).isEqualTo("2026-12-31");
    assertThat(by("end-of-fiscal-year", 4)).isEqualTo("2027-03-31"); // FY April 2026 - March 2027
    assertThat(by("end-of-fiscal-year", 7))
        .isEqualTo("2027-06-30"); // the start is the FY's first day
    assertThat(by("end-of-fiscal-year", 10)).isEqualTo("2026-09-30");
  }

  @Test
  void the_start_of_next_quarter_is_the_last_day_of_the_current_one() {
    assertThat(by("start-of-next-quarter", 1)).isEqualTo("2026-09-30");
    assertThat(GoalDates.deadline("start-of-next-quarter", LocalDate.parse("2026-10-01"), 1))
        .isEqualTo("2026-12-31");
    assertThat(by("start-of-next-quarter", 2))
        .isEqualTo("2026-07-31"); // quarters Feb-Apr, May-Jul, ...
  }

  @Test
  void within_and_month_day_deadlines_count_from_the_start() {
    assertThat(by("+2m", 1)).isEqualTo("2026-08-31");
    assertThat(by("+30d", 1)).isEqualTo("2026-07-30");
    assertThat(by("11-20", 1)).isEqualTo("2026-11-20");
    assertThat(by("06-08", 1)).isEqualTo("2027-06-08"); // the next 8 June on or after the start
    assertThat(by("2026-12-31", 1)).isEqualTo("2026-12-31");
    assertThatThrownBy(() -> by("next friday", 1))
        .hasMessageStartingWith("'next friday' is not a deadline;");
  }

  @Test
  void the_fiscal_year_start_month_is_a_setting() {
    assertThat(
            Settings.parse("goals:\n  fiscal_year_start_month: 4\n", "s.yaml")
                .goals()
                .fiscalYearStartMonth())
        .isEqualTo(4);
    assertThat(Settings.parse("kpi:\n  wait_limit_seconds: 120\n", "s.yaml").goals())
        .isEqualTo(GoalSettings.defaults());
    assertThatThrownBy(
            () -> Settings.parse("goals:\n  fiscal_year_start_month: 13\n", "s.yaml").goals())
        .isInstanceOf(SettingsFile.SettingsException.class)
        .hasMessage(
            "settings file s.yaml, line 2, column 28: goals.fiscal_year_start_month: the value 13 is not"
                + " valid; expected a month from 1 (January) to 12 (December)");
    assertThatThrownBy(() -> Settings.parse("goals:\n  fiscal_year: 4\n", "s.yaml").goals())
        .hasMessage(
            "settings file s.yaml, line 2, column 3: goals.fiscal_year: unknown key 'fiscal_year'; expected"
                + " fiscal_year_start_month");
    assertThatThrownBy(
            () -> Settings.parse("goals:\n  fiscal_year_start_mnth: 4\n", "s.yaml").goals())
        .hasMessage(
            "settings file s.yaml, line 2, column 3: goals.fiscal_year_start_mnth: unknown key"
                + " 'fiscal_year_start_mnth' (did you mean fiscal_year_start_month?); expected fiscal_year_start_month");
  }
}
