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

  /** Single sign-on, when the file has an {@code sso} section (docs/security.md#single-sign-on). */
  java.util.Optional<io.yardstick.user.SsoSettings> sso() {
    return io.yardstick.user.SsoSettings.resolve(file);
  }

  /**
   * Records in the store's audit log which settings file a server starts with and a SHA-256 of its bytes, so a change
   * of the file between starts shows as a new hash (the file is edited outside Yardstick).
   */
  void audit(io.yardstick.store.Store store, String action) {
    java.util.Optional<java.nio.file.Path> path = SettingsFile.locate(file, System.getenv(), java.nio.file.Path.of(""));
    String hash;
    try {
      hash = path.isEmpty() ? "built-in defaults" : "sha256:" + java.util.HexFormat.of().formatHex(
          java.security.MessageDigest.getInstance("SHA-256").digest(java.nio.file.Files.readAllBytes(path.get())));
    } catch (java.io.IOException | java.security.NoSuchAlgorithmException e) {
      hash = "unreadable: " + e.getMessage();
    }
    CliAudit.record(store, "settings", action, path.map(p -> p.toAbsolutePath().toString()).orElse(null), hash);
  }
}
