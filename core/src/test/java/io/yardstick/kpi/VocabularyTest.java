package io.yardstick.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.yardstick.UnknownNameException;
import io.yardstick.ingest.ImportSource;
import io.yardstick.model.RecordType;
import io.yardstick.store.Store;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Names a question may use: refused when unknown, warned when they match nothing, looked up again
 * after an import.
 */
class VocabularyTest {
  @TempDir Path dir;

  @Test
  void one_engine_warns_until_an_import_brings_the_value_and_refuses_unknown_dimensions()
      throws Exception {
    Path first = dir.resolve("a.csv");
    Files.writeString(first, "contact_id,channel,arrived_at\na,phone,2026-03-02T09:00:00Z\n");
    Path second = dir.resolve("b.csv");
    Files.writeString(second, "contact_id,channel,arrived_at\nb,fax,2026-03-02T10:00:00Z\n");
    try (Store store = Store.open(dir.resolve("v.duckdb").toString())) {
      store.importFile(RecordType.CONTACTS, ImportSource.of(first.toString()), n -> {});
      KpiEngine engine = new KpiEngine(store);
      KpiQuery fax =
          KpiQuery.of(LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 2), ZoneId.of("UTC"))
              .withKpis(List.of(Kpi.CONTACTS))
              .withFilters(List.of(Filter.parse("channel=fax")));

      assertThat(engine.compute(fax).warnings())
          .containsExactly("No contact has channel 'fax'; known: phone.");
      assertThat(engine.compute(fax).warnings())
          .hasSize(1); // asked again: the same answer, from memory
      store.importFile(RecordType.CONTACTS, ImportSource.of(second.toString()), n -> {});
      assertThat(engine.compute(fax).warnings()).isEmpty();
      assertThat(engine.compute(fax).overall().value(Kpi.CONTACTS)).isEqualTo(1L);
      assertThatThrownBy(() -> engine.compute(fax.withGroupBy(List.of(Dimension.of("tier")))))
          .isInstanceOf(UnknownNameException.class)
          .hasMessageStartingWith("'by': Unknown dimension 'tier'");
    }
  }

  @Test
  void the_known_values_a_warning_lists_are_the_same_from_the_rollups_as_from_the_contacts()
      throws Exception {
    Path file = dir.resolve("c.csv");
    Files.writeString(
        file,
        "contact_id,channel,arrived_at,agent_id\n"
            + "a,phone,2026-03-02T09:00:00Z,a1\n"
            + "b,chat,2026-03-02T10:00:00Z,a1\n"
            + "c,email,2026-03-03T10:00:00Z,\n");
    try (Store store = Store.open(dir.resolve("r.duckdb").toString())) {
      store.importFile(RecordType.CONTACTS, ImportSource.of(file.toString()), n -> {});
      KpiQuery q =
          KpiQuery.of(LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 3), ZoneId.of("UTC"))
              .withKpis(List.of(Kpi.CONTACTS))
              .withFilters(List.of(Filter.parse("channel=fone"), Filter.parse("agent=a2")));
      List<String> scanned = new KpiEngine(store).compute(q).warnings();
      assertThat(scanned)
          .containsExactly(
              "No contact has channel 'fone' (did you mean phone?); known: chat, email, phone.",
              "No contact has agent 'a2' (did you mean a1?); known: a1.");
      io.yardstick.kpi.rollup.Rollups.ensureBuilt(
          store, io.yardstick.kpi.rollup.Rollups.BuildProgress.NONE);
      // A new engine looks them up in the rollups' rows of each dimension: the same lists.
      assertThat(new KpiEngine(store).compute(q).warnings()).isEqualTo(scanned);
    }
  }
}
