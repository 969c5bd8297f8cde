package io.yardstick.goal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.yardstick.kpi.SettingsFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The goals' part of the settings file (docs/settings.md, docs/goals.md): {@code goals: {fiscal_year_start_month: 4}}
 * makes the fiscal year run April to March, for {@code --by end-of-fiscal-year} and {@code start-of-next-quarter}.
 *
 * @param fiscalYearStartMonth 1 (January, the default) to 12
 */
public record GoalSettings(int fiscalYearStartMonth) {
  public GoalSettings {
    if (fiscalYearStartMonth < 1 || fiscalYearStartMonth > 12) {
      throw new SettingsFile.SettingsException("goals.fiscal_year_start_month: " + fiscalYearStartMonth
          + " is not a month; expected 1 (January) to 12 (December)");
    }
  }

  public static GoalSettings defaults() {
    return new GoalSettings(1);
  }

  /** The settings in force, from the same file {@link SettingsFile#resolve(String)} reads. */
  public static GoalSettings resolve(String optionPath) {
    return SettingsFile.locate(optionPath, System.getenv(), Path.of("")).map(GoalSettings::load)
        .orElseGet(GoalSettings::defaults);
  }

  public static GoalSettings load(Path file) {
    try {
      return parse(Files.readString(file), file.toString());
    } catch (IOException e) {
      throw new SettingsFile.SettingsException("settings file " + file + " cannot be read: " + e.getMessage(), e);
    }
  }

  /** Reads {@code goals.fiscal_year_start_month}; the rest of the file is {@link SettingsFile}'s. */
  public static GoalSettings parse(String yaml, String source) {
    SettingsFile.parse(yaml, source); // the whole file is checked the same way whoever reads it
    JsonNode goals;
    try {
      JsonNode root = new YAMLMapper().readTree(yaml);
      goals = root == null ? null : root.get("goals");
    } catch (IOException e) {
      throw new SettingsFile.SettingsException("settings file " + source + " is not valid YAML: " + e.getMessage(), e);
    }
    if (goals == null || goals.isNull()) return defaults();
    if (!goals.isObject()) {
      throw new SettingsFile.SettingsException("settings file " + source + ", goals: expected a map such as"
          + " {fiscal_year_start_month: 4}");
    }
    for (Map.Entry<String, JsonNode> e : goals.properties()) {
      if (!e.getKey().equals("fiscal_year_start_month")) {
        throw new SettingsFile.SettingsException("settings file " + source + ", goals." + e.getKey()
            + ": unknown key; expected fiscal_year_start_month");
      }
    }
    JsonNode m = goals.get("fiscal_year_start_month");
    if (m == null) return defaults();
    if (!m.canConvertToExactIntegral() || !m.isNumber()) {
      throw new SettingsFile.SettingsException("settings file " + source + ", goals.fiscal_year_start_month: '"
          + m.asText() + "' is not a month; expected 1 (January) to 12 (December)");
    }
    try {
      return new GoalSettings(m.asInt());
    } catch (SettingsFile.SettingsException e) {
      throw new SettingsFile.SettingsException("settings file " + source + ", " + e.getMessage());
    }
  }
}
