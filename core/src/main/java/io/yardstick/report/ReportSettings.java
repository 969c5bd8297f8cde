package io.yardstick.report;

import java.time.Duration;
import java.util.Map;

/**
 * How scheduled reports go out (docs/reports.md): occurrences missed while the server was down are
 * sent once on start when younger than {@code catchUp} and recorded as skipped when older; the
 * server looks for due occurrences every {@code checkEvery}; links in messages start with {@code
 * publicUrl}. E-mail and webhook settings are the alerts'.
 */
public record ReportSettings(Duration catchUp, Duration checkEvery, String publicUrl) {
  public static ReportSettings defaults() {
    return new ReportSettings(
        Duration.ofHours(24), Duration.ofSeconds(30), "http://localhost:8080");
  }

  /** YARDSTICK_REPORT_CATCH_UP_HOURS, YARDSTICK_REPORT_CHECK_SECONDS, YARDSTICK_PUBLIC_URL. */
  public static ReportSettings fromEnvironment() {
    return from(System.getenv());
  }

  static ReportSettings from(Map<String, String> env) {
    ReportSettings d = defaults();
    return new ReportSettings(
        env.containsKey("YARDSTICK_REPORT_CATCH_UP_HOURS")
            ? Duration.ofHours(Long.parseLong(env.get("YARDSTICK_REPORT_CATCH_UP_HOURS").strip()))
            : d.catchUp(),
        env.containsKey("YARDSTICK_REPORT_CHECK_SECONDS")
            ? Duration.ofSeconds(Long.parseLong(env.get("YARDSTICK_REPORT_CHECK_SECONDS").strip()))
            : d.checkEvery(),
        env.getOrDefault("YARDSTICK_PUBLIC_URL", d.publicUrl()).replaceAll("/+$", ""));
  }

  public ReportSettings withCatchUp(Duration catchUp) {
    return new ReportSettings(catchUp, checkEvery, publicUrl);
  }

  public ReportSettings withPublicUrl(String url) {
    return new ReportSettings(catchUp, checkEvery, url);
  }
}
