package io.yardstick.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.yardstick.kpi.SettingsFile.SettingsException;
import io.yardstick.settings.Settings;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 20: the settings file's forecast section, holiday calendars per series and dated events.
 */
class ForecastSettingsTest {
  private static ForecastSettings parse(String yaml) {
    return Settings.parse(yaml, "y.yaml").get(Settings.FORECAST);
  }

  @Test
  void the_calendar_of_a_queue_is_its_own_else_its_channels_else_the_default() {
    ForecastSettings s =
        parse(
            """
            forecast:
              holidays: {default: es, phone: ES-CT, phone/madrid: ES-MD}
              holidays_closed: true
            """);
    assertThat(s.holidaysFor("phone", "madrid")).isEqualTo("ES-MD");
    assertThat(s.holidaysFor("phone", "billing")).isEqualTo("ES-CT");
    assertThat(s.holidaysFor("phone", null)).isEqualTo("ES-CT");
    assertThat(s.holidaysFor("chat", null)).isEqualTo("ES");
    assertThat(parse("forecast:\n  holidays: RO\n").holidaysFor("chat", "x")).isEqualTo("RO");
    assertThat(Settings.defaults().get(Settings.FORECAST).holidaysFor("phone", null)).isNull();
    // A request without a calendar takes the series' one and holidays_closed; one with a calendar
    // keeps it.
    ForecastRequest r =
        new ForecastRequest(
            "phone",
            "billing",
            30,
            14,
            java.time.ZoneOffset.UTC,
            LocalDate.of(2026, 3, 2),
            56,
            java.util.Set.of());
    assertThat(s.complete(r).holidays()).isEqualTo("ES-CT");
    assertThat(s.complete(r).holidaysClosed()).isTrue();
    assertThat(s.complete(r.withHolidays("RO", false)).holidays()).isEqualTo("RO");
    assertThat(s.complete(r.withHolidays("RO", false)).holidaysClosed()).isFalse();
  }

  @Test
  void events_cover_their_days_and_apply_to_their_channels_and_queues() {
    ForecastSettings s =
        parse(
            """
            forecast:
              events:
                - {name: Christmas, kind: closure, from: 2026-12-24, to: 2026-12-26}
                - name: Black Friday
                  kind: campaign
                  date: 2026-11-27
                  multiplier: 1.8
                  channels: [chat, phone/sales]
            """);
    assertThat(s.events())
        .containsExactly(
            new ForecastSettings.Event(
                "Christmas",
                ForecastSettings.Kind.CLOSURE,
                LocalDate.of(2026, 12, 24),
                LocalDate.of(2026, 12, 26),
                null,
                List.of()),
            new ForecastSettings.Event(
                "Black Friday",
                ForecastSettings.Kind.CAMPAIGN,
                LocalDate.of(2026, 11, 27),
                LocalDate.of(2026, 11, 27),
                1.8,
                List.of("chat", "phone/sales")));
    assertThat(s.events().get(0).covers(LocalDate.of(2026, 12, 26))).isTrue();
    assertThat(s.events().get(0).covers(LocalDate.of(2026, 12, 27))).isFalse();
    assertThat(s.eventsFor("phone", null))
        .extracting(ForecastSettings.Event::name)
        .containsExactly("Christmas");
    assertThat(s.eventsFor("phone", "sales")).hasSize(2);
    assertThat(s.eventsFor("chat", "any")).hasSize(2);
  }

  @Test
  void a_bad_entry_is_refused_where_it_stands() {
    assertThatThrownBy(() -> parse("forecast:\n  holiday: ES\n"))
        .isInstanceOf(SettingsException.class)
        .hasMessageContaining("y.yaml, line 2, column 3")
        .hasMessageContaining("did you mean holidays?");
    assertThatThrownBy(() -> parse("forecast:\n  holidays: {phone: XX}\n"))
        .hasMessageContaining("line 2, column 21")
        .hasMessageContaining("forecast.holidays.phone: Holiday calendar 'XX' is unknown");
    assertThatThrownBy(() -> parse("forecast:\n  holidays: {phone: ES-ZZ}\n"))
        .hasMessageContaining("ES has no region 'ZZ'");
    assertThatThrownBy(
            () -> parse("forecast:\n  events:\n    - {name: X, kind: closure, date: 2026-02-30}\n"))
        .hasMessageContaining("line 3, column 38")
        .hasMessageContaining(
            "forecast.events[0].date: the value \"2026-02-30\" is not valid;"
                + " expected a day, YYYY-MM-DD");
    assertThatThrownBy(
            () -> parse("forecast:\n  events:\n    - {name: X, kind: sale, date: 2026-02-03}\n"))
        .hasMessageContaining("forecast.events[0].kind")
        .hasMessageContaining("expected one of closure, campaign");
    assertThatThrownBy(
            () ->
                parse(
                    "forecast:\n  events:\n"
                        + "    - {name: X, kind: closure, date: 2026-02-03, multiplier: 2}\n"))
        .hasMessageContaining("forecast.events[0].multiplier")
        .hasMessageContaining("a closure is forecast as 0");
    assertThatThrownBy(
            () ->
                parse(
                    "forecast:\n  events:\n"
                        + "    - {name: X, kind: campaign, date: 2026-02-03, multiplier: -1}\n"))
        .hasMessageContaining("a number above 0 and at most 100");
    assertThatThrownBy(
            () ->
                parse(
                    "forecast:\n  events:\n"
                        + "    - {name: X, kind: closure, from: 2026-02-03, to: 2026-02-01}\n"))
        .hasMessageContaining("forecast.events[0].to")
        .hasMessageContaining("a day on or after from (2026-02-03)");
    assertThatThrownBy(() -> parse("forecast:\n  events:\n    - {name: X, kind: closure}\n"))
        .hasMessageContaining("line 3, column 7")
        .hasMessageContaining("forecast.events[0].date");
    assertThatThrownBy(
            () ->
                parse(
                    "forecast:\n  events:\n"
                        + "    - {name: X, kind: closure, date: 2026-02-03, channels: [a/b/c]}\n"))
        .hasMessageContaining("forecast.events[0].channels[0]")
        .hasMessageContaining("a channel (phone) or a queue of a channel (phone/billing)");
  }
}
