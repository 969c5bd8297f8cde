package io.yardstick.goal;

import com.fasterxml.jackson.databind.JsonNode;
import io.yardstick.kpi.SettingsFile;
import io.yardstick.yaml.YamlTree;

/**
 * The goals' part of the settings file (docs/settings.md, docs/goals.md): {@code goals:
 * {fiscal_year_start_month: 4}} makes the fiscal year run April to March, for {@code --by
 * end-of-fiscal-year} and {@code start-of-next-quarter}. Read with the rest of the file by {@code
 * io.yardstick.settings.Settings}.
 *
 * @param fiscalYearStartMonth 1 (January, the default) to 12
 */
public record GoalSettings(int fiscalYearStartMonth) {
  public GoalSettings {
    if (fiscalYearStartMonth < 1 || fiscalYearStartMonth > 12) {
      throw new SettingsFile.SettingsException(
          "goals.fiscal_year_start_month: "
              + fiscalYearStartMonth
              + " is not a month; expected 1 (January) to 12 (December)");
    }
  }

  public static GoalSettings defaults() {
    return new GoalSettings(1);
  }

  /**
   * Reads {@code goals.fiscal_year_start_month} of a settings file's tree; the rest of the file is
   * not looked at.
   */
  public static GoalSettings read(YamlTree tree) {
    SettingsFile.Reader reader = new SettingsFile.Reader(tree);
    JsonNode goals = tree.root() == null ? null : reader.section(tree.root(), "goals");
    if (goals == null) return defaults();
    reader.onlyKeys(goals, "goals", "fiscal_year_start_month");
    JsonNode m = goals.get("fiscal_year_start_month");
    if (m == null) return defaults();
    if (!m.isIntegralNumber() || m.asLong() < 1 || m.asLong() > 12) {
      throw reader.fail(
          "goals.fiscal_year_start_month", m, "a month from 1 (January) to 12 (December)");
    }
    return new GoalSettings(m.asInt());
  }
}
