package io.yardstick.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.yardstick.calendar.BusinessCalendar;
import io.yardstick.calendar.BusinessCalendar.Window;
import io.yardstick.kpi.SettingsFile.SettingsException;
import io.yardstick.settings.Settings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsFileTest {
  private static final String FULL =
      """
      kpi:
        short_abandon_seconds: 10
        wait_limit_seconds: 120
        service_level:
          seconds: 30
          per_channel: {chat: 60, Email: 86400}
          formula: all_offered
        fcr:
          denominator: all_cases
        ces:
          mode: low_effort_percent
      benchmarks:
        abandonment_rate: {low: 3, high: 5, text: "3-5% is our target", source: "Ops plan 2026"}
        asa: {high: 30}
      business_hours:
        Support:
          zone: Europe/Madrid
          hours:
            mon-fri: "09:00-18:00"
            sat: "10:00-14:00, 16:00-18:00"
          holidays: [2026-12-25, 2027-01-01]
        night:
          hours:
            sun: [22:00-24:00]
      """;

  @TempDir Path dir;

  private static KpiSettings parse(String yaml) {
    return Settings.parse(yaml, "yardstick.yaml").kpi();
  }

  private Path write(String name, String yaml) throws IOException {
    Path p = dir.resolve(name);
    Files.writeString(p, yaml);
    return p;
  }

  @Test
  void a_full_file_sets_every_setting() throws IOException {
    KpiSettings s = Settings.load(write("yardstick.yaml", FULL)).kpi();

    assertThat(s.shortAbandonSeconds()).isEqualTo(10);
    assertThat(s.waitLimitSeconds()).isEqualTo(120);
    assertThat(s.serviceLevelSeconds()).isEqualTo(30);
    assertThat(s.serviceLevelSecondsByChannel()).isEqualTo(Map.of("chat", 60.0, "email", 86_400.0));
    assertThat(s.serviceLevelSeconds("email")).isEqualTo(86_400);
    assertThat(s.serviceLevelSeconds("phone")).isEqualTo(30);
    assertThat(s.serviceLevelFormula()).isEqualTo(KpiSettings.ServiceLevelFormula.ALL_OFFERED);
    assertThat(s.fcrDenominator()).isEqualTo(KpiSettings.FcrDenominator.ALL_CASES);
    assertThat(s.cesMode()).isEqualTo(KpiSettings.CesMode.LOW_EFFORT_PERCENT);

    // the file's benchmarks replace the built-in ones of those KPIs; the others stay
    assertThat(s.benchmarks().get(Kpi.ABANDONMENT_RATE))
        .isEqualTo(new Benchmark(3.0, 5.0, "3-5% is our target", "Ops plan 2026"));
    assertThat(s.benchmarks().get(Kpi.ASA))
        .isEqualTo(
            new Benchmark(
                null, 30.0, "at most 30 s", "settings file " + dir.resolve("yardstick.yaml")));
    assertThat(s.benchmarks().get(Kpi.FCR)).isEqualTo(Benchmark.defaults().get(Kpi.FCR));

    BusinessCalendar support = s.calendar("support").orElseThrow();
    assertThat(support.name()).isEqualTo("support");
    assertThat(support.zone()).isEqualTo(ZoneId.of("Europe/Madrid"));
    assertThat(support.weekly().get(DayOfWeek.FRIDAY))
        .containsExactly(new Window(LocalTime.of(9, 0), LocalTime.of(18, 0)));
    assertThat(support.weekly().get(DayOfWeek.SATURDAY))
        .containsExactly(
            new Window(LocalTime.of(10, 0), LocalTime.of(14, 0)),
            new Window(LocalTime.of(16, 0), LocalTime.of(18, 0)));
    assertThat(support.weekly()).doesNotContainKey(DayOfWeek.SUNDAY);
    assertThat(support.holidays())
        .isEqualTo(Set.of(LocalDate.parse("2026-12-25"), LocalDate.parse("2027-01-01")));
    assertThat(s.calendar("SUPPORT")).containsSame(support);

    // a calendar without a zone is in UTC; hours may be a list
    BusinessCalendar night = s.calendar("night").orElseThrow();
    assertThat(night.zone()).isEqualTo(ZoneOffset.UTC);
    assertThat(night.weekly())
        .isEqualTo(Map.of(DayOfWeek.SUNDAY, List.of(Window.parse("22:00-24:00"))));
  }

  @Test
  void a_partial_file_keeps_the_defaults_for_everything_it_does_not_say() {
    KpiSettings s = parse("kpi:\n  service_level:\n    seconds: 15\n");
    KpiSettings d = KpiSettings.defaults();
    assertThat(s.serviceLevelSeconds()).isEqualTo(15);
    assertThat(s)
        .isEqualTo(
            new KpiSettings(
                d.shortAbandonSeconds(),
                15,
                d.serviceLevelSecondsByChannel(),
                d.serviceLevelFormula(),
                d.waitLimitSeconds(),
                d.fcrDenominator(),
                d.cesMode(),
                d.calendars(),
                d.benchmarks()));
  }

  @Test
  void an_empty_file_or_empty_sections_give_the_defaults() {
    assertThat(parse("")).isEqualTo(KpiSettings.defaults());
    assertThat(parse("# nothing yet\n")).isEqualTo(KpiSettings.defaults());
    assertThat(parse("kpi:\nbenchmarks:\nbusiness_hours:\n")).isEqualTo(KpiSettings.defaults());
  }

  @Test
  void the_defaults_hold_the_issue_s_definitions_and_the_built_in_benchmarks() {
    KpiSettings d = KpiSettings.defaults();
    assertThat(d.shortAbandonSeconds()).isEqualTo(5);
    assertThat(d.serviceLevelSeconds()).isEqualTo(20);
    assertThat(d.waitLimitSeconds()).isEqualTo(180);
    assertThat(d.benchmarks().get(Kpi.ABANDONMENT_RATE).low()).isEqualTo(5.0);
    assertThat(d.benchmarks().get(Kpi.ABANDONMENT_RATE).high()).isEqualTo(8.0);
    assertThat(d.benchmarks().get(Kpi.RESOLUTION_RATE))
        .extracting(Benchmark::low, Benchmark::high)
        .containsExactly(70.0, 75.0);
    assertThat(d.benchmarks().get(Kpi.SERVICE_LEVEL).low()).isEqualTo(80.0);
    assertThat(d.benchmarks())
        .containsKeys(
            Kpi.WAIT_OVER_LIMIT, Kpi.EMAIL_RESPONSE_24H, Kpi.FCR, Kpi.OCCUPANCY, Kpi.CSAT);
    assertThat(d.benchmarks().values())
        .allSatisfy(
            b -> {
              assertThat(b.text()).isNotBlank();
              assertThat(b.source()).isNotBlank();
            });
  }

  @Test
  void docs_settings_md_lists_every_built_in_benchmark() throws IOException {
    String doc = Files.readString(Path.of("..", "docs", "settings.md"));
    assertThat(Benchmark.defaults())
        .allSatisfy(
            (kpi, b) ->
                assertThat(doc)
                    .as("docs/settings.md, built-in benchmark of %s", kpi.id())
                    .contains("| " + kpi.id() + " | ", b.text(), b.source()));
  }

  @Test
  void a_benchmark_set_to_null_drops_the_built_in_one() {
    KpiSettings s = parse("benchmarks:\n  abandonment_rate: ~\n");
    assertThat(s.benchmarks()).doesNotContainKey(Kpi.ABANDONMENT_RATE).containsKey(Kpi.FCR);
  }

  @Test
  void resolve_takes_the_option_then_the_environment_then_yardstick_yaml_then_the_defaults()
      throws IOException {
    Path option = write("option.yaml", "kpi: {wait_limit_seconds: 1}\n");
    Path env = write("env.yaml", "kpi: {wait_limit_seconds: 2}\n");
    // no option, no environment, no yardstick.yaml: the defaults
    assertThat(Settings.resolve(null, Map.of(), dir).kpi()).isEqualTo(KpiSettings.defaults());
    assertThat(SettingsFile.locate(" ", Map.of(SettingsFile.ENV, ""), dir)).isEmpty();
    write("yardstick.yaml", "kpi: {wait_limit_seconds: 3}\n");
    assertThat(Settings.resolve(null, Map.of(), dir).kpi().waitLimitSeconds()).isEqualTo(3);
    assertThat(
            Settings.resolve(null, Map.of(SettingsFile.ENV, env.toString()), dir)
                .kpi()
                .waitLimitSeconds())
        .isEqualTo(2);
    assertThat(
            Settings.resolve("option.yaml", Map.of(SettingsFile.ENV, env.toString()), dir)
                .kpi()
                .waitLimitSeconds())
        .isEqualTo(1);
    assertThat(SettingsFile.locate(option.toString(), Map.of(), dir)).contains(option);
  }

  @Test
  void a_named_file_that_does_not_exist_is_refused() {
    assertThatThrownBy(() -> Settings.resolve("missing.yaml", Map.of(), dir).kpi())
        .isInstanceOf(SettingsException.class)
        .hasMessage(
            "settings file "
                + dir.resolve("missing.yaml")
                + " (named by --settings) does not exist or is not"
                + " a file");
    assertThatThrownBy(
            () -> Settings.resolve(null, Map.of(SettingsFile.ENV, "gone.yaml"), dir).kpi())
        .hasMessage(
            "settings file "
                + dir.resolve("gone.yaml")
                + " (named by the environment variable"
                + " YARDSTICK_SETTINGS) does not exist or is not a file");
  }

  @Test
  void errors_name_the_file() throws IOException {
    Path p = write("bad.yaml", "kpi: {wait_limit_seconds: soon}\n");
    assertThatThrownBy(() -> Settings.load(p).kpi())
        .isInstanceOf(SettingsException.class)
        .hasMessage(
            "settings file "
                + p
                + ", line 1, column 27: kpi.wait_limit_seconds: the value \"soon\" is not valid; expected a"
                + " number of seconds, 0 or more");
  }

  @Test
  void unknown_keys_are_refused() {
    assertThatThrownBy(() -> parse("kpis:\n  wait_limit_seconds: 60\n"))
        .hasMessage(
            "settings file yardstick.yaml, line 1, column 1: kpis: unknown key 'kpis' (did you"
                + " mean kpi?); expected one of kpi, benchmarks, business_hours, limits, privacy, retention, goals,"
                + " sla_policies, sso, surveys, labels, forecast");
    assertThatThrownBy(() -> parse("kpi:\n  wait_limit_secnds: 60\n"))
        .hasMessage(
            "settings file yardstick.yaml, line 2, column 3: kpi.wait_limit_secnds: unknown key"
                + " 'wait_limit_secnds' (did you mean wait_limit_seconds?); expected one of short_abandon_seconds,"
                + " wait_limit_seconds, service_level, fcr, ces");
    assertThatThrownBy(() -> parse("kpi:\n  service_level:\n    secs: 30\n"))
        .hasMessage(
            "settings file yardstick.yaml, line 3, column 5: kpi.service_level.secs: unknown key 'secs'; expected one of"
                + " seconds, per_channel, formula");
    assertThatThrownBy(() -> parse("business_hours:\n  support:\n    timezone: UTC\n"))
        .hasMessage(
            "settings file yardstick.yaml, line 3, column 5: business_hours.support.timezone: unknown key 'timezone';"
                + " expected one of zone, hours, holidays");
    assertThatThrownBy(() -> parse("benchmarks:\n  fcr: {low: 70, note: x}\n"))
        .hasMessage(
            "settings file yardstick.yaml, line 2, column 18: benchmarks.fcr.note: unknown key 'note'; expected one of low,"
                + " high, text, source");
  }

  @Test
  void bad_numbers_are_refused() {
    assertThatThrownBy(() -> parse("kpi:\n  short_abandon_seconds: -1\n"))
        .hasMessage(
            "settings file yardstick.yaml, line 2, column 26: kpi.short_abandon_seconds: the value -1 is not valid; expected a"
                + " number of seconds, 0 or more");
    assertThatThrownBy(() -> parse("kpi:\n  service_level:\n    per_channel: {chat: \"30\"}\n"))
        .hasMessage(
            "settings file yardstick.yaml, line 3, column 25: kpi.service_level.per_channel.chat: the value \"30\" is not"
                + " valid; expected a number of seconds, 0 or more");
    assertThatThrownBy(() -> parse("kpi:\n  wait_limit_seconds:\n"))
        .hasMessage(
            "settings file yardstick.yaml, line 2, column 22: kpi.wait_limit_seconds: the value (empty) is not valid; expected"
                + " a number of seconds, 0 or more");
  }

  @Test
  void bad_choices_are_refused() {
    assertThatThrownBy(() -> parse("kpi:\n  service_level:\n    formula: answered\n"))
        .hasMessage(
            "settings file yardstick.yaml, line 3, column 14: kpi.service_level.formula: the value \"answered\" is not valid;"
                + " expected one of answered_and_abandoned, answered_only, all_offered");
    assertThatThrownBy(() -> parse("kpi:\n  fcr:\n    denominator: 3\n"))
        .hasMessage(
            "settings file yardstick.yaml, line 3, column 18: kpi.fcr.denominator: the value 3 is not valid; expected one of"
                + " resolved_cases, all_cases");
    assertThatThrownBy(() -> parse("kpi:\n  ces:\n    mode: median\n"))
        .hasMessage(
            "settings file yardstick.yaml, line 3, column 11: kpi.ces.mode: the value \"median\" is not valid; expected one of"
                + " mean, low_effort_percent");
    assertThatThrownBy(() -> parse("kpi:\n  ces: mean\n"))
        .hasMessage(
            "settings file yardstick.yaml, line 2, column 8: kpi.ces: the value \"mean\" is not valid; expected a map of"
                + " settings (see docs/settings.md)");
  }

  @Test
  void unknown_kpi_ids_and_bad_benchmarks_are_refused() {
    assertThatThrownBy(() -> parse("benchmarks:\n  abandon_rate: {low: 5}\n"))
        .hasMessageStartingWith(
            "settings file yardstick.yaml, line 2, column 17: benchmarks.abandon_rate: unknown KPI id"
                + " 'abandon_rate'; expected one of contacts, abandonment_rate, ");
    assertThatThrownBy(() -> parse("benchmarks:\n  fcr: {low: 80, high: 70}\n"))
        .hasMessage(
            "settings file yardstick.yaml, line 2, column 8: benchmarks.fcr: low 80 is above high 70; expected low <= high");
    assertThatThrownBy(() -> parse("benchmarks:\n  fcr: {source: me}\n"))
        .hasMessage(
            "settings file yardstick.yaml, line 2, column 8: benchmarks.fcr: the value {\"source\":\"me\"} is not valid;"
                + " expected at least one of low, high and text");
    assertThatThrownBy(() -> parse("benchmarks:\n  fcr: {low: high}\n"))
        .hasMessage(
            "settings file yardstick.yaml, line 2, column 14: benchmarks.fcr.low: the value \"high\" is not valid; expected a"
                + " number");
    assertThatThrownBy(() -> parse("benchmarks:\n  fcr: 70\n"))
        .hasMessageStartingWith(
            "settings file yardstick.yaml, line 2, column 8: benchmarks.fcr: the value 70 is not valid; expected a"
                + " map with low, high, text and source");
  }

  @Test
  void bad_calendars_are_refused() {
    assertThatThrownBy(
            () ->
                parse(
                    "business_hours:\n  support:\n    zone: Europe/Madird\n    hours: {mon: 09:00-17:00}\n"))
        .hasMessage(
            "settings file yardstick.yaml, line 3, column 11: business_hours.support.zone: the value \"Europe/Madird\" is not"
                + " valid; expected an IANA time-zone name such as Europe/Madrid");
    assertThatThrownBy(
            () -> parse("business_hours:\n  support:\n    hours: {mon-fry: 09:00-17:00}\n"))
        .hasMessage(
            "settings file yardstick.yaml, line 3, column 22: business_hours.support.hours.mon-fry: unknown day name 'fry' in"
                + " 'mon-fry'; expected mon, tue, wed, thu, fri, sat, sun (or the full English names), a range such as"
                + " mon-fri, or a comma-separated list");
    assertThatThrownBy(
            () ->
                parse(
                    "business_hours:\n  support:\n    hours: {sat: \"10:00-14:00, 13:00-18:00\"}\n"))
        .hasMessage(
            "settings file yardstick.yaml, line 3, column 12: business_hours.support.hours: business-hours calendar 'support':"
                + " on Saturday the windows 10:00-14:00 and 13:00-18:00 overlap; give each open time once");
    assertThatThrownBy(
            () -> parse("business_hours:\n  support:\n    hours: {mon: \"18:00-09:00\"}\n"))
        .hasMessage(
            "settings file yardstick.yaml, line 3, column 18: business_hours.support.hours.mon: window 18:00-09:00 closes at"
                + " 09:00, not after it opens at 18:00; a window may not cross midnight (use 24:00 for the end of the day"
                + " and give the rest to the next day)");
    assertThatThrownBy(() -> parse("business_hours:\n  support:\n    hours: {mon: 9}\n"))
        .hasMessage(
            "settings file yardstick.yaml, line 3, column 18: business_hours.support.hours.mon: the value 9 is not valid;"
                + " expected opening hours as a string such as \"09:00-18:00\" or \"10:00-14:00, 16:00-18:00\", or"
                + " closed");
    assertThatThrownBy(() -> parse("business_hours:\n  support:\n    zone: UTC\n"))
        .hasMessage(
            "settings file yardstick.yaml, line 3, column 5: business_hours.support.hours: missing; expected the weekly"
                + " opening hours, such as hours: {mon-fri: \"09:00-18:00\"}");
    assertThatThrownBy(
            () ->
                parse(
                    "business_hours:\n  support:\n    hours: {mon: 09:00-17:00}\n    holidays: [2026-12-25, 2026-13-01]\n"))
        .hasMessage(
            "settings file yardstick.yaml, line 4, column 28: business_hours.support.holidays[1]: the value \"2026-13-01\" is"
                + " not valid; expected a date YYYY-MM-DD such as 2026-12-25");
    assertThatThrownBy(
            () ->
                parse(
                    "business_hours:\n  support:\n    hours: {mon: 09:00-17:00}\n  SUPPORT:\n    hours: {tue: 09:00-17:00}\n"))
        .hasMessage(
            "settings file yardstick.yaml, line 5, column 5: business_hours.SUPPORT: calendar 'SUPPORT' is given twice (names"
                + " are compared without case); name each calendar once");
  }

  @Test
  void invalid_yaml_and_duplicate_keys_are_refused_with_their_line() {
    assertThatThrownBy(() -> parse("kpi:\n  wait_limit_seconds: [60\n"))
        .isInstanceOf(SettingsException.class)
        .hasMessageStartingWith("settings file yardstick.yaml is not valid YAML at line ");
    assertThatThrownBy(() -> parse("kpi:\n  wait_limit_seconds: 60\n  wait_limit_seconds: 90\n"))
        .hasMessageStartingWith("settings file yardstick.yaml is not valid YAML at line 3")
        .hasMessageContaining("wait_limit_seconds");
    assertThatThrownBy(() -> parse("- kpi\n"))
        .hasMessage(
            "settings file yardstick.yaml, line 1, column 1: (top level): the value [\"kpi\"] is not valid; expected a map with the keys kpi, benchmarks, business_hours, limits, privacy, retention, goals, sla_policies, sso, surveys, labels, forecast");
  }
}
