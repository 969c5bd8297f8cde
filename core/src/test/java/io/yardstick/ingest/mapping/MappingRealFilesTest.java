package io.yardstick.ingest.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.yardstick.ingest.ImportSource;
import io.yardstick.kpi.Kpi;
import io.yardstick.kpi.KpiEngine;
import io.yardstick.kpi.KpiQuery;
import io.yardstick.kpi.KpiResult;
import io.yardstick.kpi.KpiSettings;
import io.yardstick.model.RecordType;
import io.yardstick.store.LoadCounts;
import io.yardstick.store.Loader;
import io.yardstick.store.Store;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The two example mappings of docs/mappings on the real files they were written for (issue 7, item
 * 3).
 */
class MappingRealFilesTest {
  @TempDir Path dir;
  Store store;

  @BeforeEach
  void open() {
    store = Store.open(dir.resolve("real.duckdb").toString());
  }

  @AfterEach
  void close() {
    store.close();
  }

  record Imported(MappingSummary summary, Map<RecordType, LoadCounts> counts) {}

  Imported importFile(Path data, String mapping, Set<RecordType> types) {
    Mapping m = Mapping.load(SharedFiles.exampleMapping(mapping));
    try (Loader loader = store.loader()) {
      MappingSummary s = m.read(ImportSource.of(data.toString()), types, loader::sink, bytes -> {});
      return new Imported(s, loader.commit());
    }
  }

  @Test
  void pwc_calls_give_the_published_dashboard_figures() {
    Path data = SharedFiles.data("call-center-pwc", "call_center_pwc.csv");

    Imported calls = importFile(data, "call-center-pwc.yaml", Set.of(RecordType.CONTACTS));
    Imported surveys = importFile(data, "call-center-pwc.yaml", Set.of(RecordType.SURVEYS));

    assertThat(calls.summary().rowsRead()).isEqualTo(5000);
    assertThat(calls.counts().get(RecordType.CONTACTS)).isEqualTo(new LoadCounts(5000, 5000, 0, 0));
    // 946 unanswered calls have no rating: 5,000 - 946 = 4,054 surveys.
    assertThat(surveys.counts().get(RecordType.SURVEYS))
        .isEqualTo(new LoadCounts(4054, 4054, 0, 0));
    assertThat(surveys.summary().setAside(RecordType.SURVEYS))
        .containsExactly(Map.entry("no satisfaction rating", 946L));

    // The file does not record how long unanswered calls waited (abandoned_at = arrived_at, 0 s),
    // so they count as
    // abandons only with the short-abandon threshold at 0 s.
    KpiSettings d = KpiSettings.defaults();
    KpiSettings settings =
        new KpiSettings(
            0,
            d.serviceLevelSeconds(),
            d.serviceLevelSecondsByChannel(),
            d.serviceLevelFormula(),
            d.waitLimitSeconds(),
            d.fcrDenominator(),
            d.cesMode(),
            d.calendars(),
            d.benchmarks());
    KpiResult.Row r =
        new KpiEngine(store, settings)
            .compute(
                new KpiQuery(
                    LocalDate.of(2021, 1, 1),
                    LocalDate.of(2021, 3, 31),
                    ZoneId.of("Europe/Zurich"),
                    List.of(
                        Kpi.CONTACTS,
                        Kpi.ABANDONMENT_RATE,
                        Kpi.RESOLUTION_RATE,
                        Kpi.ASA,
                        Kpi.AHT,
                        Kpi.CSAT,
                        Kpi.SERVICE_LEVEL)))
            .overall();

    long contacts = r.value(Kpi.CONTACTS).longValue();
    long abandoned = Math.round(contacts * r.value(Kpi.ABANDONMENT_RATE).doubleValue() / 100);
    long resolved =
        Math.round(
            contacts * r.value(Kpi.RESOLUTION_RATE).doubleValue() / 100); // one case per call
    assertThat(contacts).isEqualTo(5000);
    assertThat(abandoned).isEqualTo(946); // 18.92% of 5,000
    assertThat(contacts - abandoned).isEqualTo(4054); // answered
    assertThat(resolved).isEqualTo(3646); // 72.92% of 5,000
    // Published: 1 min 8 s. The mean over the 4,054 answered calls is 273,729 s / 4,054 = 67.52 s,
    // shown rounded.
    assertThat(r.value(Kpi.ASA).doubleValue()).isCloseTo(273_729.0 / 4054, within(1e-9));
    assertThat(Math.round(r.value(Kpi.ASA).doubleValue())).isEqualTo(68);
  }

  @Test
  void anonymous_bank_calls_import_with_phantoms_and_voice_menu_hang_ups_set_aside() {
    Path data = SharedFiles.data("anonymous-bank", "data_anonymous_bank_february.txt");

    Imported calls = importFile(data, "anonymous-bank.yaml", Set.of(RecordType.CONTACTS));

    // 33,344 rows - 278 phantom calls - 1,941 hang-ups in the voice menu = 31,125 calls offered to
    // the agents.
    assertThat(calls.summary().rowsRead()).isEqualTo(33_344);
    assertThat(calls.summary().setAside(RecordType.CONTACTS))
        .containsExactly(
            Map.entry(
                "hung up in the voice menu before queueing for an agent", 1941L), // first on line 5
            Map.entry(
                "phantom call (a virtual call, to be ignored per the data's documentation)", 278L));
    assertThat(calls.counts().get(RecordType.CONTACTS))
        .isEqualTo(new LoadCounts(31_125, 31_125, 0, 0));

    KpiResult.Row r =
        new KpiEngine(store)
            .compute(
                new KpiQuery(
                    LocalDate.of(1999, 2, 1),
                    LocalDate.of(1999, 2, 28),
                    ZoneId.of("Asia/Jerusalem"),
                    List.of(
                        Kpi.CONTACTS,
                        Kpi.ABANDONMENT_RATE,
                        Kpi.SERVICE_LEVEL,
                        Kpi.ASA,
                        Kpi.AHT,
                        Kpi.WAIT_OVER_LIMIT)))
            .overall();

    // 27,162 answered (AGENT) and 3,963 abandoned (HANG after queueing), 219 of them short (under 5
    // s): 3,744 count.
    assertThat(r.value(Kpi.CONTACTS)).isEqualTo(31_125L);
    assertThat(r.value(Kpi.ABANDONMENT_RATE).doubleValue())
        .isCloseTo(3744 * 100.0 / (27_162 + 3744), within(1e-9));
    // 16,209 answered within 20 s (13,067 of them never queued): 16,209 / 30,906 = 52.45%.
    assertThat(r.value(Kpi.SERVICE_LEVEL).doubleValue())
        .isCloseTo(16_209 * 100.0 / 30_906, within(1e-9));
    // Waits (q_time, 0 for calls that did not queue) of answered calls: 1,107,512 s / 27,162 =
    // 40.77 s.
    assertThat(r.value(Kpi.ASA).doubleValue()).isCloseTo(1_107_512.0 / 27_162, within(1e-9));
    // Service times (ser_time) of answered calls: 4,790,100 s / 27,162 = 176.35 s.
    assertThat(r.value(Kpi.AHT).doubleValue()).isCloseTo(4_790_100.0 / 27_162, within(1e-9));
  }
}
