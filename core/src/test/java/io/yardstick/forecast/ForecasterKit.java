package io.yardstick.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.yardstick.YardstickException;
import io.yardstick.model.Contact;
import io.yardstick.model.Direction;
import io.yardstick.model.RecordType;
import io.yardstick.store.Loader;
import io.yardstick.store.Store;
import io.yardstick.store.StoreKit;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Forecasting from a store, on every store: three hand-made weeks in Madrid, 2026-03-02 (a Monday)
 * to 2026-03-22, where every day brings two inbound phone calls at 09:xx local (queues billing and
 * sales) and one at 10:xx (sales), besides an outbound call and a chat that must not count. The
 * forecast starts on Monday 2026-03-23; clocks go forward on Sunday 2026-03-29 (02:00 becomes
 * 03:00).
 */
public abstract class ForecasterKit extends StoreKit {
  static final ZoneId MADRID = ZoneId.of("Europe/Madrid");
  static final LocalDate START = LocalDate.parse("2026-03-23");
  static final Clock MADE = Clock.fixed(Instant.parse("2026-03-22T20:00:00Z"), ZoneOffset.UTC);

  Store store;

  static Instant local(LocalDate day, String time) {
    return LocalDateTime.of(day, java.time.LocalTime.parse(time)).atZone(MADRID).toInstant();
  }

  @BeforeEach
  void load() throws Exception {
    store = newStore();
    try (Loader loader = store.loader()) {
      var contacts = loader.sink(RecordType.CONTACTS);
      long line = 0;
      for (LocalDate d = LocalDate.parse("2026-03-02"); d.isBefore(START); d = d.plusDays(1)) {
        String k = d.toString();
        contacts.accept(
            ++line,
            Contact.builder(k + "a", "phone", local(d, "09:10")).queue("billing").build().toRow());
        contacts.accept(
            ++line,
            Contact.builder(k + "b", "phone", local(d, "09:40")).queue("sales").build().toRow());
        contacts.accept(
            ++line,
            Contact.builder(k + "c", "phone", local(d, "10:20")).queue("sales").build().toRow());
        contacts.accept(
            ++line,
            Contact.builder(k + "o", "phone", local(d, "09:30"))
                .direction(Direction.OUTBOUND)
                .build()
                .toRow());
        contacts.accept(
            ++line, Contact.builder(k + "x", "chat", local(d, "09:30")).build().toRow());
      }
      loader.commit();
    }
  }

  @AfterEach
  void close() {
    store.close();
  }

  static ForecastRequest request(String queue, int interval, int days, Set<LocalDate> excluded) {
    return new ForecastRequest("phone", queue, interval, days, MADRID, START, 21, excluded);
  }

  @Test
  void a_regular_week_is_forecast_exactly_by_seasonal_naive_and_the_dst_hour_is_left_out() {
    Forecast f = new Forecaster(store, MADE).forecast(request(null, 60, 7, Set.of()), p -> {});

    // Seasonal naive's backtest is perfect (WAPE 0), so no model can be strictly better.
    assertThat(f.model()).isEqualTo(Model.SEASONAL_NAIVE);
    assertThat(f.chosen().intervals().wape()).isZero();
    assertThat(f.historyFrom()).isEqualTo(LocalDate.parse("2026-03-02"));
    assertThat(f.historyContacts()).isEqualTo(21 * 3);
    // 7 days of 24 hours, less 02:00 on 29 March, which does not exist in Madrid.
    assertThat(f.intervals()).hasSize(7 * 24 - 1);
    assertThat(f.intervals())
        .noneMatch(p -> p.local().equals(LocalDateTime.parse("2026-03-29T02:00")));
    Forecast.Point nine = f.intervals().get(9);
    assertThat(nine.local()).isEqualTo(LocalDateTime.parse("2026-03-23T09:00"));
    assertThat(nine.start()).isEqualTo(Instant.parse("2026-03-23T08:00:00Z"));
    assertThat(nine.forecast()).isEqualTo(2.0);
    assertThat(nine.low()).isEqualTo(2.0);
    assertThat(nine.high()).isEqualTo(2.0);
    assertThat(f.intervals().get(10).forecast()).isEqualTo(1.0);
    assertThat(f.intervals().get(11).forecast()).isZero();
    assertThat(f.days()).hasSize(7).allSatisfy(d -> assertThat(d.forecast()).isEqualTo(3.0));
  }

  @Test
  void one_queue_and_15_minute_intervals() {
    Forecast f = new Forecaster(store, MADE).forecast(request("billing", 15, 1, Set.of()), p -> {});

    // billing: one call at 09:10 each day, so the 09:00-09:15 interval (the 37th of the day) holds
    // 1.
    assertThat(f.intervals()).hasSize(96);
    assertThat(f.intervals().get(36).local()).isEqualTo(LocalDateTime.parse("2026-03-23T09:00"));
    assertThat(f.intervals().get(36).forecast()).isEqualTo(1.0);
    assertThat(f.intervals().stream().mapToDouble(Forecast.Point::forecast).sum()).isEqualTo(1.0);
  }

  @Test
  void an_excluded_day_is_neither_learnt_from_nor_scored() throws Exception {
    // A campaign on Thursday 2026-03-19 brings 40 more calls at 09:30.
    try (Loader loader = store.loader()) {
      var contacts = loader.sink(RecordType.CONTACTS);
      for (int i = 0; i < 40; i++) {
        contacts.accept(
            i + 1,
            Contact.builder("event" + i, "phone", local(LocalDate.parse("2026-03-19"), "09:30"))
                .build()
                .toRow());
      }
      loader.commit();
    }
    Forecaster forecaster = new Forecaster(store, MADE);

    Forecast with =
        forecaster.forecast(request(null, 60, 7, Set.of()).keepingSpecialDays(true), p -> {});
    Forecast found = forecaster.forecast(request(null, 60, 7, Set.of()), p -> {});
    Forecast without =
        forecaster.forecast(request(null, 60, 7, Set.of(LocalDate.parse("2026-03-19"))), p -> {});

    // Thursday 26 March, 09:00: seasonal naive would repeat 42; without the event day it is 2
    // again, and the backtest
    // is perfect once more.
    assertThat(with.intervals().get(3 * 24 + 9).forecast()).isGreaterThan(2.0);
    assertThat(without.model()).isEqualTo(Model.SEASONAL_NAIVE);
    assertThat(without.intervals().get(3 * 24 + 9).forecast()).isEqualTo(2.0);
    assertThat(without.chosen().intervals().wape()).isZero();
    // Not given by hand, the day is found (43 calls where Thursdays bring 3: |43 - 3| > 3 sqrt(3))
    // and left out the same.
    assertThat(found.specialDays())
        .extracting(SpecialDay::date, SpecialDay::why)
        .containsExactly(
            org.assertj.core.api.Assertions.tuple(LocalDate.parse("2026-03-19"), "high"));
    assertThat(found.intervals()).isEqualTo(without.intervals());
  }

  @Test
  void stored_forecasts_are_measured_against_what_came() throws Exception {
    Forecaster before = new Forecaster(store, MADE);
    before.save(before.forecast(request(null, 60, 7, Set.of()), p -> {}));
    // Monday 23 March: 3 calls at 09:xx (2 forecast) and 1 at 10:xx (1 forecast).
    try (Loader loader = store.loader()) {
      var contacts = loader.sink(RecordType.CONTACTS);
      contacts.accept(1, Contact.builder("m1", "phone", local(START, "09:05")).build().toRow());
      contacts.accept(2, Contact.builder("m2", "phone", local(START, "09:15")).build().toRow());
      contacts.accept(3, Contact.builder("m3", "phone", local(START, "09:25")).build().toRow());
      contacts.accept(4, Contact.builder("m4", "phone", local(START, "10:25")).build().toRow());
      loader.commit();
    }
    // On Tuesday 24 March at 09:00 local, Monday's 24 intervals and Tuesday's first 9 are over.
    Forecaster after =
        new Forecaster(store, Clock.fixed(local(START.plusDays(1), "09:00"), ZoneOffset.UTC));

    PastAccuracy past = after.accuracy("phone", null, 60, START, START.plusDays(6), MADRID);

    assertThat(past.rows()).hasSize(24 + 9);
    assertThat(past.rows().get(9).actual()).isEqualTo(3);
    assertThat(past.rows().get(9).forecast()).isEqualTo(2.0);
    assertThat(past.rows().get(9).model()).isEqualTo("seasonal_naive");
    assertThat(past.rows().get(9).madeAt()).isEqualTo(MADE.instant());
    // |3 - 2| + |1 - 1| = 1 over 4 contacts: WAPE 25%; bias (3 - 4) / 4 = -25%; MAPE mean(1/3, 0) =
    // 16.67%.
    assertThat(past.accuracy().wape()).isEqualTo(25.0);
    assertThat(past.accuracy().bias()).isEqualTo(-25.0);
    assertThat(past.accuracy().mape()).isCloseTo(100.0 / 6, within(1e-9));
    assertThat(after.forecastWape("phone", 60, START, START.plusDays(6), MADRID)).isEqualTo(25.0);
    assertThat(after.forecastWape(null, 60, START, START.plusDays(6), MADRID)).isEqualTo(25.0);
    assertThat(after.forecastWape("phone", 30, START, START.plusDays(6), MADRID)).isNull();
  }

  @Test
  void a_later_forecast_replaces_an_earlier_one_for_the_intervals_it_covers() {
    new Forecaster(store, MADE)
        .save(new Forecaster(store, MADE).forecast(request(null, 60, 2, Set.of()), p -> {}));
    Clock later = Clock.fixed(MADE.instant().plusSeconds(3600), ZoneOffset.UTC);
    new Forecaster(store, later)
        .save(new Forecaster(store, later).forecast(request(null, 60, 1, Set.of()), p -> {}));

    PastAccuracy past =
        new Forecaster(store, Clock.fixed(Instant.parse("2026-03-26T00:00:00Z"), ZoneOffset.UTC))
            .accuracy("phone", null, 60, START, START.plusDays(1), MADRID);

    assertThat(past.rows()).hasSize(48);
    assertThat(past.rows().subList(0, 24)).allMatch(r -> r.madeAt().equals(later.instant()));
    assertThat(past.rows().subList(24, 48)).allMatch(r -> r.madeAt().equals(MADE.instant()));
  }

  @Test
  void a_channel_without_history_is_refused_with_the_reason() {
    Forecaster forecaster = new Forecaster(store, MADE);
    // phone has calls, but none in the 21 days before 2027-03-22
    LocalDate later = START.plusYears(1).minusDays(1);

    assertThatThrownBy(
            () ->
                forecaster.forecast(
                    new ForecastRequest("phone", null, 60, 7, MADRID, later, 21, Set.of()),
                    p -> {}))
        .isInstanceOf(YardstickException.class)
        .hasMessage(
            "No inbound contacts of channel phone from 2027-03-01 to 2027-03-21 (Europe/Madrid): nothing to"
                + " forecast from. Check the channel and queue names, or move 'start' to where the data is.");
  }

  @Test
  void a_channel_or_queue_no_contact_has_is_refused_naming_those_there_are() {
    Forecaster forecaster = new Forecaster(store, MADE);
    // inbound contacts have the channels chat and phone; phone's queues are billing and sales
    assertThatThrownBy(
            () ->
                forecaster.forecast(
                    new ForecastRequest("fone", null, 60, 7, MADRID, START, 21, Set.of()), p -> {}))
        .isInstanceOf(YardstickException.class)
        .hasMessage(
            "No inbound contact of this store has the channel 'fone' (did you mean phone?);"
                + " channels with inbound contacts: chat, phone ('channel').");
    assertThatThrownBy(
            () ->
                forecaster.forecast(
                    new ForecastRequest("email", null, 60, 7, MADRID, START, 21, Set.of()),
                    p -> {}))
        .hasMessage(
            "No inbound contact of this store has the channel 'email'; channels with inbound"
                + " contacts: chat, phone ('channel').");
    assertThatThrownBy(
            () ->
                forecaster.forecast(
                    new ForecastRequest("phone", "biling", 60, 7, MADRID, START, 21, Set.of()),
                    p -> {}))
        .hasMessage(
            "No inbound contact of channel phone has the queue 'biling' (did you mean billing?);"
                + " its queues: billing, sales ('queue').");
  }

  @Test
  void bad_requests_say_what_is_accepted() {
    assertThatThrownBy(() -> new ForecastRequest("phone", null, 20, 7, MADRID, START, 21, Set.of()))
        .hasMessage(
            "Interval 20 minutes is not supported; use 15, 30 or 60 minutes, or 1440 (a day).");
    assertThatThrownBy(
            () -> new ForecastRequest("phone", null, 30, 57, MADRID, START, 21, Set.of()))
        .hasMessage("Horizon 57 days is out of range; forecast 1 to 56 days (8 weeks).");
    assertThat(List.of(15, 30, 60, 1440)).allMatch(ForecastRequest.INTERVALS::contains);
  }

  @Test
  void the_daily_forecast_stores_every_channel_and_queue_so_forecast_wape_has_data() {
    // At 02:00 in Madrid on Monday 23 March, with the defaults of the environment (30 minutes, 14
    // days), in Madrid.
    Clock at = Clock.fixed(local(START, "02:00"), ZoneOffset.UTC);
    DailyForecast daily =
        DailyForecast.from(
            java.util.Map.of(
                "YARDSTICK_DAILY_FORECAST_TZ",
                "Europe/Madrid",
                "YARDSTICK_DAILY_FORECAST_HISTORY",
                "21"));

    // A new store: no forecast stored, so the run due at 02:00 counts as missed (serve runs at
    // once).
    assertThat(new Forecaster(store, at).lastMadeAt()).isEmpty();
    assertThat(daily.missed(null, at)).isTrue();

    long version = store.dataVersion();
    int stored = daily.run(store, at);
    // Stored forecasts change forecast_wape: the data version KPI results are cached by moves.
    assertThat(store.dataVersion()).isGreaterThan(version);

    // chat (whole, no queue), phone whole, phone billing, phone sales.
    assertThat(stored).isEqualTo(4);
    assertThat(daily.untilNext(at)).isEqualTo(java.time.Duration.ofDays(1));
    // Made at 02:00 Madrid (01:00 UTC): not missed until 02:00 the next day.
    java.time.Instant made = new Forecaster(store, at).lastMadeAt().orElseThrow();
    assertThat(made).isEqualTo(local(START, "02:00"));
    assertThat(daily.missed(made, Clock.fixed(local(START, "23:59"), ZoneOffset.UTC))).isFalse();
    assertThat(daily.missed(made, Clock.fixed(local(START.plusDays(1), "01:59"), ZoneOffset.UTC)))
        .isFalse();
    assertThat(daily.missed(made, Clock.fixed(local(START.plusDays(1), "02:00"), ZoneOffset.UTC)))
        .isTrue();
    // By Tuesday, Monday's 48 half hours are over; the forecast made at 02:00 counts for the 44
    // that began after it
    // was made (3 calls, as came every day); nothing came on the 23rd in this store: forecast_wape
    // is undefined.
    Forecaster later =
        new Forecaster(store, Clock.fixed(local(START.plusDays(1), "00:00"), ZoneOffset.UTC));
    PastAccuracy monday = later.accuracy("phone", null, 30, START, START, MADRID);
    assertThat(monday.rows()).hasSize(44);
    assertThat(monday.accuracy().forecast()).isEqualTo(3.0);
    assertThat(later.forecastWape("phone", 30, START, START, MADRID)).isNull();
    assertThatThrownBy(
            () -> DailyForecast.from(java.util.Map.of("YARDSTICK_DAILY_FORECAST", "maybe")))
        .hasMessage("YARDSTICK_DAILY_FORECAST is 'maybe'; give on or off.");
  }
}
