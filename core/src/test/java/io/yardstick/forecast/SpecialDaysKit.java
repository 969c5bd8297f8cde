package io.yardstick.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.yardstick.YardstickException;
import io.yardstick.model.Contact;
import io.yardstick.model.RecordType;
import io.yardstick.settings.Settings;
import io.yardstick.store.Loader;
import io.yardstick.store.Store;
import io.yardstick.store.StoreKit;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.function.ToIntBiFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Special days found on their own, and public holidays known ahead, on every store.
 *
 * <p>The planted series (phone, UTC): eight weeks, Monday 2026-01-05 to Sunday 2026-03-01, open
 * Monday to Friday 09:00 to 17:00; an ordinary Monday brings 12 calls an hour (96 a day), another
 * weekday 10 an hour (80 a day); weekends none. Planted in it: a holiday (Tuesday 6 January, no
 * calls), a closed week (2 to 6 February), an outage afternoon (Wednesday 18 February, nothing from
 * 13:00: 4 hours of 10 = 40) and a campaign spike (Thursday 26 February, 60 more calls at 11:xx:
 * 140).
 */
public abstract class SpecialDaysKit extends StoreKit {
  static final ZoneId UTC = ZoneId.of("UTC");
  static final LocalDate FIRST = LocalDate.parse("2026-01-05");
  static final LocalDate START = LocalDate.parse("2026-03-02");
  static final LocalDate HOLIDAY = LocalDate.parse("2026-01-06");
  static final LocalDate OUTAGE = LocalDate.parse("2026-02-18");
  static final LocalDate CAMPAIGN = LocalDate.parse("2026-02-26");
  static final Set<LocalDate> PLANTED =
      Set.of(
          HOLIDAY,
          LocalDate.parse("2026-02-02"),
          LocalDate.parse("2026-02-03"),
          LocalDate.parse("2026-02-04"),
          LocalDate.parse("2026-02-05"),
          LocalDate.parse("2026-02-06"),
          OUTAGE,
          CAMPAIGN);

  Store store;
  long line;

  @BeforeEach
  void open() throws Exception {
    store = newStore();
  }

  @AfterEach
  void close() {
    store.close();
  }

  /**
   * Loads calls per local hour of each day from {@code from} to {@code to} (exclusive):
   * perHour(day, hour) calls.
   */
  void load(
      String channel,
      ZoneId zone,
      LocalDate from,
      LocalDate to,
      ToIntBiFunction<LocalDate, Integer> perHour) {
    try (Loader loader = store.loader()) {
      var contacts = loader.sink(RecordType.CONTACTS);
      for (LocalDate d = from; d.isBefore(to); d = d.plusDays(1)) {
        for (int h = 0; h < 24; h++) {
          int n = perHour.applyAsInt(d, h);
          for (int i = 0; i < n; i++) {
            Instant at = LocalDateTime.of(d, LocalTime.of(h, i % 60)).atZone(zone).toInstant();
            contacts.accept(
                ++line,
                Contact.builder(channel + d + "-" + h + "-" + i, channel, at).build().toRow());
          }
        }
      }
      loader.commit();
    }
  }

  static boolean weekday(LocalDate d) {
    return d.getDayOfWeek().getValue() <= 5;
  }

  /**
   * The regular week: 12 an hour on Monday, 10 on other weekdays, 09:00 to 17:00; none at weekends.
   */
  static int regular(LocalDate d, int h) {
    if (!weekday(d) || h < 9 || h >= 17) return 0;
    return d.getDayOfWeek().getValue() == 1 ? 12 : 10;
  }

  void loadPlanted() {
    load(
        "phone",
        UTC,
        FIRST,
        START,
        (d, h) -> {
          if (d.equals(HOLIDAY)
              || !d.isBefore(LocalDate.parse("2026-02-02"))
                  && d.isBefore(LocalDate.parse("2026-02-07"))) {
            return 0;
          }
          if (d.equals(OUTAGE) && h >= 13) return 0;
          if (d.equals(CAMPAIGN) && h == 11) return 10 + 60;
          return regular(d, h);
        });
  }

  static ForecastRequest request(Set<LocalDate> excluded) {
    return new ForecastRequest("phone", null, 60, 14, UTC, START, 56, excluded);
  }

  @Test
  void planted_special_days_are_found_and_the_forecast_is_the_one_made_with_them_given_by_hand() {
    loadPlanted();
    Forecaster forecaster =
        new Forecaster(store, Clock.fixed(Instant.parse("2026-03-01T20:00:00Z"), ZoneOffset.UTC));

    Forecast found = forecaster.forecast(request(Set.of()), p -> {});
    Forecast byHand = forecaster.forecast(request(PLANTED), p -> {});

    // Each is judged against the same weekday in the other weeks (up to 8, nearest first), where
    // the median m is the
    // ordinary day (80, or 96 on Mondays) and the MAD is 0 (at most one neighbour is a closed day),
    // so sigma is the
    // Poisson floor sqrt(m): 8.94 (9.80 on Mondays) and the limit 3 sigma = 26.8 (29.4).
    // Closed days: 0 contacts where m >= 5. Outage: |40 - 80| = 40 > 26.8, low. Campaign: |140 -
    // 80| = 60 > 26.8, high.
    assertThat(found.specialDays())
        .extracting(
            SpecialDay::date,
            SpecialDay::volume,
            SpecialDay::expected,
            SpecialDay::why,
            SpecialDay::kept)
        .containsExactly(
            tuple(HOLIDAY, 0.0, 80.0, "closed", false),
            tuple(LocalDate.parse("2026-02-02"), 0.0, 96.0, "closed", false),
            tuple(LocalDate.parse("2026-02-03"), 0.0, 80.0, "closed", false),
            tuple(LocalDate.parse("2026-02-04"), 0.0, 80.0, "closed", false),
            tuple(LocalDate.parse("2026-02-05"), 0.0, 80.0, "closed", false),
            tuple(LocalDate.parse("2026-02-06"), 0.0, 80.0, "closed", false),
            tuple(OUTAGE, 40.0, 80.0, "low", false),
            tuple(CAMPAIGN, 140.0, 80.0, "high", false));
    // Nothing more is found once they are given by hand.
    assertThat(byHand.specialDays()).isEmpty();
    assertThat(found.model()).isEqualTo(byHand.model());
    assertThat(found.intervals()).isEqualTo(byHand.intervals());
    assertThat(found.days()).isEqualTo(byHand.days());
    assertThat(found.scores()).isEqualTo(byHand.scores());
    // Without the special days the weeks are all alike: every baseline's backtest is perfect, so
    // the
    // reference, the seasonal mean of eight weeks' history, is kept (no model beats it), and it
    // forecasts the regular week: Monday 2 March 96 (12 at 09:00), Tuesday 80 (10 at 09:00),
    // Saturday 0.
    assertThat(found.model()).isEqualTo(Model.SEASONAL_MEAN);
    assertThat(found.chosen().intervals().wape()).isZero();
    assertThat(found.days().subList(0, 7))
        .extracting(Forecast.Point::forecast)
        .containsExactly(96.0, 80.0, 80.0, 80.0, 80.0, 0.0, 0.0);
    assertThat(found.intervals().get(9).forecast()).isEqualTo(12.0);
    assertThat(found.intervals().get(24 + 9).forecast()).isEqualTo(10.0);
  }

  @Test
  void
      an_outage_hour_in_an_ordinary_day_is_found_and_the_forecast_is_the_one_with_it_given_by_hand() {
    // Weekdays 09:00 to 17:00, 60 calls an hour (30 a half hour, 480 a day); on Wednesday 18
    // February the line is down from 14:00 to 15:00: 420 that day.
    load(
        "phone",
        UTC,
        FIRST,
        START,
        (d, h) -> !weekday(d) || h < 9 || h >= 17 || d.equals(OUTAGE) && h == 14 ? 0 : 60);
    Forecaster forecaster =
        new Forecaster(store, Clock.fixed(Instant.parse("2026-03-01T20:00:00Z"), ZoneOffset.UTC));
    ForecastRequest half = new ForecastRequest("phone", null, 30, 14, UTC, START, 56, Set.of());

    Forecast found = forecaster.forecast(half, p -> {});

    // The day is no special day: |420 - 480| = 60 is within 3 sqrt(480) = 65.7 of its median.
    assertThat(found.specialDays()).isEmpty();
    // Its 14:00 and 14:30 half hours are: 0 where the other seven Wednesdays bring 30 (median 30 >=
    // 5, and 30 - 0 > 3 sqrt(30) = 16.4), two in a row: an outage, expected 30 + 30 = 60.
    assertThat(found.specialIntervals())
        .containsExactly(
            new SpecialInterval(
                OUTAGE.atTime(14, 0), OUTAGE.atTime(15, 0), 0, 60, "outage", false));
    assertThat(ForecastJson.specialIntervals(found).toString())
        .isEqualTo(
            "[{start=2026-02-18T14:00Z, end=2026-02-18T15:00Z, volume=0, expected=60.0,"
                + " why=outage, kept=false}]");

    // By hand: the same 56 days of half hours (history index 0 = Monday 5 January 00:00), with the
    // two half hours of the outage given as excluded: day 44 (18 February), half hours 28 and 29.
    double[] y = new double[56 * 48];
    for (int i = 0; i < y.length; i++) {
      LocalDate d = FIRST.plusDays(i / 48);
      int hour = i % 48 / 2;
      y[i] = !weekday(d) || hour < 9 || hour >= 17 || d.equals(OUTAGE) && hour == 14 ? 0 : 30;
    }
    boolean[] excluded = new boolean[y.length];
    excluded[44 * 48 + 28] = true;
    excluded[44 * 48 + 29] = true;
    SeriesForecaster.Result byHand =
        new SeriesForecaster(48, 7).forecast(y, excluded, 14 * 48, p -> {});
    assertThat(found.model()).isEqualTo(byHand.model());
    assertThat(found.intervals())
        .extracting(Forecast.Point::forecast)
        .containsExactly(java.util.Arrays.stream(byHand.forecast()).boxed().toArray(Double[]::new));
    // The weeks are alike once the outage is left out: a perfect backtest, 30 a half hour ahead.
    assertThat(found.chosen().intervals().wape()).isZero();
    assertThat(found.intervals().get(28).forecast()).isEqualTo(30.0);

    // Kept on request, it is listed as kept and learnt from: the backtest is no longer perfect.
    Forecast kept = forecaster.forecast(half.keepingSpecialDays(true), p -> {});
    assertThat(kept.specialIntervals()).extracting(SpecialInterval::kept).containsExactly(true);
    assertThat(kept.chosen().intervals().wape()).isPositive();
  }

  @Test
  void special_days_kept_on_request_are_listed_and_learnt_from() {
    loadPlanted();
    Forecaster forecaster =
        new Forecaster(store, Clock.fixed(Instant.parse("2026-03-01T20:00:00Z"), ZoneOffset.UTC));

    Forecast kept = forecaster.forecast(request(Set.of()).keepingSpecialDays(true), p -> {});

    assertThat(kept.specialDays()).hasSize(8).allMatch(SpecialDay::kept);
    // Learnt from, the campaign and the closed week spoil the backtest: no model is perfect any
    // more.
    assertThat(kept.chosen().intervals().wape()).isPositive();
  }

  @Test
  void a_quiet_series_does_not_flag_its_noise() {
    // 0, 1 or 2 calls a day at 10:xx (the day of the month mod 3): zeros are no closed days (median
    // 1 < 5), and a 2
    // is within 3 sqrt(max(1, 1)) = 3 of the median.
    load("phone", UTC, FIRST, START, (d, h) -> h == 10 ? d.getDayOfMonth() % 3 : 0);

    Forecast f = new Forecaster(store, Clock.systemUTC()).forecast(request(Set.of()), p -> {});

    assertThat(f.specialDays()).isEmpty();
  }

  /**
   * Catalonia (ES-CT) in Madrid time: ten ordinary weeks before Monday 23 March 2026 (80 calls a
   * weekday, 09:00-17:00), where the past holidays of the calendar in that span (1 and 6 January)
   * brought 20 calls, a quarter of their weekdays' 80. The three weeks forecast cross the change to
   * summer time (Sunday 29 March) and hold Good Friday (3 April) and Easter Monday (6 April, a
   * Catalan holiday, not a national one).
   */
  @Test
  void catalan_holidays_ahead_are_forecast_from_how_past_holidays_compared_with_their_weekdays() {
    ZoneId madrid = ZoneId.of("Europe/Madrid");
    LocalDate start = LocalDate.parse("2026-03-23");
    load(
        "phone",
        madrid,
        LocalDate.parse("2025-12-29"),
        start,
        (d, h) -> {
          if (!weekday(d) || h < 9 || h >= 17) return 0;
          boolean holiday =
              d.equals(LocalDate.parse("2026-01-01")) || d.equals(LocalDate.parse("2026-01-06"));
          return holiday ? (h < 11 ? 10 : 0) : 10;
        });
    Forecaster forecaster =
        new Forecaster(store, Clock.fixed(Instant.parse("2026-03-22T20:00:00Z"), ZoneOffset.UTC));
    ForecastRequest plain = new ForecastRequest("phone", null, 60, 21, madrid, start, 84, Set.of());

    Forecast f = forecaster.forecast(plain.withHolidays("ES-CT", false), p -> {});
    Forecast closed = forecaster.forecast(plain.withHolidays("es-ct", true), p -> {});
    Forecast national = forecaster.forecast(plain.withHolidays("ES", false), p -> {});

    // Past: 1 and 6 January, 20 calls each against a median of 80: ratio (20 + 20) / (80 + 80) =
    // 0.25. They are
    // left out of learning, as holidays, and the rule finds no other special day.
    assertThat(f.holidayRatio()).isEqualTo(0.25);
    assertThat(f.specialDays())
        .extracting(SpecialDay::date, SpecialDay::volume, SpecialDay::why)
        .containsExactly(
            tuple(LocalDate.parse("2026-01-01"), 20.0, "holiday"),
                tuple(LocalDate.parse("2026-01-06"), 20.0, "holiday"),
            tuple(LocalDate.parse("2026-04-03"), null, "holiday"),
                tuple(LocalDate.parse("2026-04-06"), null, "holiday"));
    // Ordinary weekdays 80 (the perfect seasonal naive), Good Friday and Easter Monday 80 x 0.25 =
    // 20.
    assertThat(f.days())
        .extracting(Forecast.Point::forecast)
        .containsExactly(
            80.0, 80.0, 80.0, 80.0, 80.0, 0.0, 0.0, // 23-29 March: the week of the clock change
            80.0, 80.0, 80.0, 80.0, 20.0, 0.0, 0.0, // 30 March - 5 April: Good Friday
            20.0, 80.0, 80.0, 80.0, 80.0, 0.0, 0.0); // 6-12 April: Easter Monday
    // The hour skipped on 29 March is not forecast: 21 x 24 - 1 intervals; 09:00 on Good Friday is
    // 10 x 0.25.
    assertThat(f.intervals()).hasSize(21 * 24 - 1);
    Forecast.Point goodFriday9 =
        f.intervals().stream()
            .filter(p -> p.local().equals(LocalDateTime.parse("2026-04-03T09:00")))
            .findFirst()
            .orElseThrow();
    assertThat(goodFriday9.forecast()).isEqualTo(2.5);
    assertThat(goodFriday9.start())
        .isEqualTo(Instant.parse("2026-04-03T07:00:00Z")); // summer time, UTC+2
    // Closed on holidays: 0 on both days.
    assertThat(closed.days().get(11).forecast()).isZero();
    assertThat(closed.days().get(14).forecast()).isZero();
    // Spain as a whole: Easter Monday is no national holiday, so it is an ordinary Monday.
    assertThat(national.days().get(11).forecast()).isEqualTo(20.0);
    assertThat(national.days().get(14).forecast()).isEqualTo(80.0);
  }

  /**
   * Romania (RO) in Bucharest time across the change to summer time (Sunday 29 March 2026):
   * Orthodox Good Friday (10 April) and Easter Monday (13 April) are holidays; the centre says it
   * is closed on them.
   */
  @Test
  void romanian_orthodox_easter_is_known_ahead_across_the_clock_change() {
    ZoneId bucharest = ZoneId.of("Europe/Bucharest");
    LocalDate start = LocalDate.parse("2026-03-23");
    load("phone", bucharest, LocalDate.parse("2026-01-26"), start, SpecialDaysKit::regular);
    Forecaster forecaster =
        new Forecaster(store, Clock.fixed(Instant.parse("2026-03-22T20:00:00Z"), ZoneOffset.UTC));

    Forecast f =
        forecaster.forecast(
            new ForecastRequest("phone", null, 30, 28, bucharest, start, 56, Set.of())
                .withHolidays("RO", true),
            p -> {});

    assertThat(f.specialDays())
        .extracting(SpecialDay::date)
        .contains(LocalDate.parse("2026-04-10"), LocalDate.parse("2026-04-13"));
    // 28 days of 48 half hours, less the two skipped at 03:00-04:00 on 29 March (Bucharest jumps
    // from 03:00 to 04:00).
    assertThat(f.intervals()).hasSize(28 * 48 - 2);
    assertThat(f.days().get(18).forecast()).isZero(); // Friday 10 April
    assertThat(f.days().get(21).forecast()).isZero(); // Monday 13 April
    assertThat(f.days().get(17).forecast()).isEqualTo(80.0); // Thursday 9 April
    assertThat(f.days().get(28 - 7).local().toLocalDate()).isEqualTo(LocalDate.parse("2026-04-13"));
  }

  /**
   * The settings file's dated events on the planted series: the closed week and the campaign spike
   * named there (so not found by the rule but listed as the settings name them), and four events
   * ahead.
   */
  @Test
  void settings_events_are_left_out_of_learning_and_forecast_ahead_as_closed_or_as_campaigns() {
    loadPlanted();
    ForecastSettings settings =
        Settings.parse(
                """
                forecast:
                  events:
                    - {name: Winter closure, kind: closure, from: 2026-02-02, to: 2026-02-06}
                    - {name: Open day, kind: campaign, date: 2026-02-26}
                    - {name: Spring sale, kind: campaign, date: 2026-03-03, multiplier: 1.5}
                    - {name: Chat day, kind: campaign, date: 2026-03-04, multiplier: 3, channels: [chat]}
                    - {name: Works, kind: closure, date: 2026-03-09, channels: [phone]}
                    - {name: open day, kind: campaign, date: 2026-03-12}
                """,
                "yardstick.yaml")
            .get(Settings.FORECAST);
    Clock clock = Clock.fixed(Instant.parse("2026-03-01T20:00:00Z"), ZoneOffset.UTC);

    Forecast f = new Forecaster(store, clock, settings).forecast(request(Set.of()), p -> {});
    Forecast byHand = new Forecaster(store, clock).forecast(request(PLANTED), p -> {});

    // Past: the rule still finds the holiday (closed) and the outage (low); the closed week and the
    // spike are the settings' events, each with its weekday's median (96 on Monday, else 80).
    assertThat(f.specialDays())
        .extracting(
            SpecialDay::date,
            SpecialDay::volume,
            SpecialDay::expected,
            SpecialDay::why,
            SpecialDay::name,
            SpecialDay::factor)
        .containsExactly(
            tuple(HOLIDAY, 0.0, 80.0, "closed", null, null),
            tuple(LocalDate.parse("2026-02-02"), 0.0, 96.0, "closure", "Winter closure", null),
            tuple(LocalDate.parse("2026-02-03"), 0.0, 80.0, "closure", "Winter closure", null),
            tuple(LocalDate.parse("2026-02-04"), 0.0, 80.0, "closure", "Winter closure", null),
            tuple(LocalDate.parse("2026-02-05"), 0.0, 80.0, "closure", "Winter closure", null),
            tuple(LocalDate.parse("2026-02-06"), 0.0, 80.0, "closure", "Winter closure", null),
            tuple(OUTAGE, 40.0, 80.0, "low", null, null),
            tuple(CAMPAIGN, 140.0, 80.0, "campaign", "Open day", null),
            // Ahead (expected: the ordinary-day forecast): Spring sale 80 x 1.5; Works closed;
            // "open day" (the name compared without case) learnt from the past Open day: 140
            // against its Thursdays' median 80, 140 / 80 = 1.75. Chat day is not phone's.
            tuple(LocalDate.parse("2026-03-03"), null, 80.0, "campaign", "Spring sale", 1.5),
            tuple(LocalDate.parse("2026-03-09"), null, 96.0, "closure", "Works", 0.0),
            tuple(LocalDate.parse("2026-03-12"), null, 80.0, "campaign", "open day", 1.75));
    // The same days left out of learning as by hand: the same model and backtest.
    assertThat(f.model()).isEqualTo(byHand.model());
    assertThat(f.scores()).isEqualTo(byHand.scores());
    assertThat(f.days())
        .extracting(Forecast.Point::forecast)
        .containsExactly(
            96.0, 120.0, 80.0, 80.0, 80.0, 0.0, 0.0, // 2-8 March: Tuesday 80 x 1.5
            0.0, 80.0, 80.0, 140.0, 80.0, 0.0,
            0.0); // 9-15 March: Monday closed, Thursday 80 x 1.75
    // 09:00 on Tuesday 3 March: 10 x 1.5.
    assertThat(f.intervals().get(24 + 9).forecast()).isEqualTo(15.0);
    // The days not named ahead are the forecast made by hand.
    assertThat(f.days().get(4)).isEqualTo(byHand.days().get(4));
  }

  /**
   * The settings give the calendar per channel (ES-CT for phone, ES for the others); a calendar in
   * the request wins. The Catalan series of the test above.
   */
  @Test
  void holiday_calendars_come_from_the_settings_per_channel_unless_the_request_names_one() {
    ZoneId madrid = ZoneId.of("Europe/Madrid");
    LocalDate start = LocalDate.parse("2026-03-23");
    ToIntBiFunction<LocalDate, Integer> series =
        (d, h) -> {
          if (!weekday(d) || h < 9 || h >= 17) return 0;
          boolean holiday =
              d.equals(LocalDate.parse("2026-01-01")) || d.equals(LocalDate.parse("2026-01-06"));
          return holiday ? (h < 11 ? 10 : 0) : 10;
        };
    load("phone", madrid, LocalDate.parse("2025-12-29"), start, series);
    load("chat", madrid, LocalDate.parse("2025-12-29"), start, series);
    Clock clock = Clock.fixed(Instant.parse("2026-03-22T20:00:00Z"), ZoneOffset.UTC);
    ForecastSettings settings =
        Settings.parse("forecast:\n  holidays: {default: ES, phone: ES-CT}\n", "yardstick.yaml")
            .get(Settings.FORECAST);
    Forecaster forecaster = new Forecaster(store, clock, settings);
    ForecastRequest phone = new ForecastRequest("phone", null, 60, 21, madrid, start, 84, Set.of());
    ForecastRequest chat = new ForecastRequest("chat", null, 60, 21, madrid, start, 84, Set.of());

    Forecast p = forecaster.forecast(phone, x -> {});
    Forecast c = forecaster.forecast(chat, x -> {});
    Forecast asked = forecaster.forecast(phone.withHolidays("ES", false), x -> {});

    // phone: ES-CT, as in the test above: Good Friday (day 11) and Easter Monday (day 14) at
    // 80 x 0.25 = 20.
    assertThat(p.request().holidays()).isEqualTo("ES-CT");
    assertThat(p.days().get(11).forecast()).isEqualTo(20.0);
    assertThat(p.days().get(14).forecast()).isEqualTo(20.0);
    // chat: the default ES, where Easter Monday is an ordinary Monday; the request's ES likewise.
    assertThat(c.request().holidays()).isEqualTo("ES");
    assertThat(c.days().get(11).forecast()).isEqualTo(20.0);
    assertThat(c.days().get(14).forecast()).isEqualTo(80.0);
    assertThat(asked.days().get(14).forecast()).isEqualTo(80.0);
    // Every channel at once: each series with its own calendar.
    assertThat(
            forecaster.forecastAll(phone.withHolidays(null, false), false, x -> {}).stream()
                .map(s -> s.forecast().request().holidays()))
        .containsExactly("ES", "ES-CT");
  }

  @Test
  void an_unknown_holiday_calendar_is_refused_with_the_codes_to_use() {
    load("phone", UTC, FIRST, START, SpecialDaysKit::regular);
    Forecaster forecaster = new Forecaster(store, Clock.systemUTC());

    assertThatThrownBy(
            () -> forecaster.forecast(request(Set.of()).withHolidays("XX", false), p -> {}))
        .isInstanceOf(YardstickException.class)
        .hasMessageStartingWith("Holiday calendar 'XX' is unknown");
    assertThatThrownBy(
            () -> forecaster.forecast(request(Set.of()).withHolidays("ES-ZZ", false), p -> {}))
        .isInstanceOf(YardstickException.class)
        .hasMessageContaining("ES has no region 'ZZ'; its regions are")
        .hasMessageContaining("CT");
    assertThat(List.of(Holidays.check("es-ct"))).containsExactly("ES-CT");
  }
}
