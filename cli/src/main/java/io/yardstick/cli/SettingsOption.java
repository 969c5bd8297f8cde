package io.yardstick.cli;

import io.yardstick.kpi.KpiSettings;
import io.yardstick.settings.Settings;
import picocli.CommandLine.Option;

/**
 * The {@code --settings} option: the settings file (KPI variants, benchmarks, business hours,
 * limits, goals...; docs/settings.md), read once per command however many parts of it the command
 * uses.
 */
final class SettingsOption {
  @Option(
      names = "--settings",
      paramLabel = "FILE",
      description =
          "A settings file (default: $YARDSTICK_SETTINGS, else ./yardstick.yaml when present, else the"
              + " built-in definitions). See docs/settings.md.")
  String file;

  private Settings read;

  /** The whole settings file (or the defaults), read at the first call. */
  Settings settings() {
    if (read == null) read = Settings.resolve(file);
    return read;
  }

  /** The KPI part of {@link #settings()}. */
  KpiSettings load() {
    return settings().kpi();
  }

  /** Single sign-on, when the file has an {@code sso} section (docs/security.md#single-sign-on). */
  java.util.Optional<io.yardstick.user.SsoSettings> sso() {
    return settings().get(Settings.SSO);
  }

  /**
   * Records in the store's audit log which settings file a server starts with and a SHA-256 of its
   * bytes, so a change of the file between starts shows as a new hash (the file is edited outside
   * Yardstick).
   */
  void audit(io.yardstick.store.Store store, String action) {
    Settings s = settings();
    CliAudit.record(
        store,
        "settings",
        action,
        s.file().map(p -> p.toAbsolutePath().toString()).orElse(null),
        s.fingerprint());
  }
}
