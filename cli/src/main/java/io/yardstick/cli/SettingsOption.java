package io.yardstick.cli;

import io.yardstick.kpi.KpiSettings;
import io.yardstick.kpi.SettingsFile;
import picocli.CommandLine.Option;

/** The {@code --settings} option: KPI variants, benchmarks and business-hours calendars (docs/settings.md). */
final class SettingsOption {
  @Option(
      names = "--settings",
      paramLabel = "FILE",
      description = "A settings file (default: $YARDSTICK_SETTINGS, else ./yardstick.yaml when present, else the"
          + " built-in definitions). See docs/settings.md.")
  String file;

  KpiSettings load() {
    return SettingsFile.resolve(file);
  }
}
