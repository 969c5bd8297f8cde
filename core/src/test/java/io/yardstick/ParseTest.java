package io.yardstick;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.yardstick.kpi.Kpi;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The one parser of each typed value: what it accepts, and the one message (value and fix) when it
 * refuses.
 */
class ParseTest {
  @Test
  void dates_are_iso_local_dates() {
    assertThat(Parse.date(" 2026-03-01 ")).isEqualTo(LocalDate.of(2026, 3, 1));
    assertThatThrownBy(() -> Parse.date("01/03/2026"))
        .isInstanceOf(Parse.InvalidValueException.class)
        .hasMessage("'01/03/2026' is not a date; expected YYYY-MM-DD, such as 2026-03-01.");
  }

  @Test
  void an_offset_of_zero_is_utc_and_other_zones_stay_as_named() {
    for (String utc : List.of("UTC", "Z", "+00:00", "GMT", "Etc/UTC")) {
      assertThat(Parse.zone(utc)).as(utc).isEqualTo(ZoneId.of("UTC"));
    }
    assertThat(Parse.zone("Asia/Kolkata")).isEqualTo(ZoneId.of("Asia/Kolkata"));
    assertThatThrownBy(() -> Parse.zone("Madrid"))
        .hasMessageStartingWith(
            "'Madrid' is not a time zone (did you mean Europe/Madrid?); expected an IANA name");
    assertThatThrownBy(() -> Parse.zone("Europe/Madird"))
        .hasMessageStartingWith(
            "'Europe/Madird' is not a time zone (did you mean Europe/Madrid?);");
    assertThatThrownBy(() -> Parse.zone("Mars/Olympus"))
        .hasMessageStartingWith("'Mars/Olympus' is not a time zone; expected an IANA name");
  }

  @Test
  void kpi_ids_are_read_once_each_and_a_typo_names_the_closest() {
    assertThat(Parse.kpis("aht, CSAT,aht")).containsExactly(Kpi.AHT, Kpi.CSAT);
    assertThatThrownBy(() -> Parse.kpi("csta"))
        .hasMessageStartingWith(
            "unknown KPI 'csta' (did you mean csat?);" + " expected one of contacts, ");
  }

  @Test
  void a_percentage_below_one_is_refused_as_a_likely_fraction() {
    assertThat(Parse.percentage("80%", false, true)).isEqualTo(80.0);
    assertThat(Parse.percentage(0, true, true)).isZero();
    assertThatThrownBy(() -> Parse.percentage(0.8, false, true))
        .hasMessage("0.8 looks like a fraction; give a percentage from 0 to 100, such as 80.");
    assertThatThrownBy(() -> Parse.percentage(1, false, true))
        .hasMessageContaining("looks like a fraction");
    assertThatThrownBy(() -> Parse.percentage(100, false, false))
        .hasMessage("100 is out of range; expected a percentage above 0 and below 100.");
    assertThatThrownBy(() -> Parse.percentage("eighty", true, true))
        .hasMessage("'eighty' is not a number.");
  }
}
