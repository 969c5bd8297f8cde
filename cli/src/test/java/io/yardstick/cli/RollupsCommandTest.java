package io.yardstick.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.yardstick.store.Store;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code yardstick rollups verify} and {@code rebuild} as a user meets them (issue 14). */
class RollupsCommandTest {
  @TempDir Path dir;

  record Run(int code, String out, String err) {}

  Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
    return new Run(code, out.toString(), err.toString());
  }

  String db() {
    return dir.resolve("cli.duckdb").toString();
  }

  /** Three contacts over two UTC days (28-29 March 2026), imported into db(). */
  void importThreeContacts() throws IOException {
    Path file = dir.resolve("contacts.csv");
    Files.writeString(
        file,
        """
        contact_id,channel,direction,arrived_at,answered_at
        a,phone,inbound,2026-03-28T22:30:00Z,2026-03-28T22:30:10Z
        b,chat,inbound,2026-03-28T23:30:00Z,
        c,email,inbound,2026-03-29T12:00:00+02:00,2026-03-29T12:05:00+02:00
        """);
    assertThat(run("import", "contacts", file.toString(), "--db", db()).code()).isZero();
  }

  @Test
  void verify_passes_names_a_drifted_part_with_exit_1_and_rebuild_mends_it() throws IOException {
    importThreeContacts();
    // A store keeps no rollups until they are turned on.
    Run off = run("rollups", "verify", "--db", db());
    assertThat(off.code()).isEqualTo(1);
    assertThat(off.err()).contains("keeps no rollups").contains("'yardstick rollups rebuild'");
    assertThat(run("rollups", "rebuild", "--db", db()).code()).isZero();

    Run ok = run("rollups", "verify", "--db", db(), "--tz", "Asia/Kathmandu");
    assertThat(ok.code()).as(ok.err()).isZero();
    assertThat(ok.out())
        .isEqualTo(
            "The rollups agree with the scan: every KPI, 10 slices, 2026-03-29..2026-03-29"
                + " Asia/Kathmandu.\n");

    try (Store store = Store.open(db())) {
      // One contact more in each of the three buckets of the overall rows: 3 + 3 = 6.
      store.update("UPDATE rollup_contacts SET n = n + 1 WHERE gset = 0");
    }
    Run drifted = run("rollups", "verify", "--db", db());
    assertThat(drifted.code()).isEqualTo(1);
    assertThat(drifted.err())
        .contains(
            "contacts overall, overall 2026-03-28..2026-03-29 UTC: 6 from the rollups, 3 from the scan")
        .contains("'yardstick rollups rebuild' recomputes the rollups.");

    Run rebuild = run("rollups", "rebuild", "--db", db());
    assertThat(rebuild.code()).isZero();
    assertThat(rebuild.out()).startsWith("Rollups rebuilt in ");
    assertThat(rebuild.err())
        .contains("Rebuilding the rollups: contacts: each bucket and combination (1 of 12)")
        .contains("Rebuilding the rollups: agent time: totals by set (10 of 12)")
        .contains(
            "Rebuilding the rollups: cases: percentiles of whole days, weeks and months (12 of 12)");
    assertThat(run("rollups", "verify", "--db", db()).code()).isZero();

    Run dropped = run("rollups", "off", "--db", db());
    assertThat(dropped.code()).isZero();
    assertThat(dropped.out()).isEqualTo("Rollups dropped: every question is answered by a scan.\n");
    assertThat(run("rollups", "verify", "--db", db()).code()).isEqualTo(1);
  }

  @Test
  void zones_are_listed_set_refused_when_unknown_and_their_days_answer_as_the_scan()
      throws IOException {
    importThreeContacts();
    Run none = run("rollups", "zones", "--db", db());
    assertThat(none.code()).isZero();
    assertThat(none.out())
        .isEqualTo(
            "Zones whose days, weeks and months keep their percentiles: UTC (none set); this"
                + " store keeps no rollups yet.\n");
    Run typo = run("rollups", "zones", "Europe/Madird", "--db", db());
    assertThat(typo.code()).isEqualTo(2);
    assertThat(typo.err()).contains("Europe/Madird");
    assertThat(run("rollups", "rebuild", "--db", db()).code()).isZero();
    Run set = run("rollups", "zones", "Asia/Kathmandu", "UTC", "--db", db());
    assertThat(set.code()).as(set.err()).isZero();
    assertThat(set.out())
        .startsWith("Zones kept: Asia/Kathmandu, UTC; their percentiles computed (");
    assertThat(set.err())
        .contains("Keeping the percentiles: contacts: percentiles of whole days, weeks and months");
    assertThat(run("rollups", "zones", "--db", db()).out())
        .isEqualTo(
            "Zones whose days, weeks and months keep their percentiles: Asia/Kathmandu, UTC.\n");
    try (Store store = Store.open(db())) {
      // The Kathmandu day 2026-03-29 (+05:45) holds the three contacts (04:15, 05:15, 15:45 local):
      // its span is kept for frt, besides the UTC days, weeks and months and Kathmandu's weeks and
      // months.
      long day =
          java.time.LocalDate.of(2026, 3, 29)
              .atStartOfDay(java.time.ZoneId.of("Asia/Kathmandu"))
              .toEpochSecond();
      assertThat(
              store.query(
                  "SELECT COUNT(*) FROM rollup_spans WHERE measure = 'frt' AND s = "
                      + day
                      + " AND e = "
                      + (day + 86400)))
          .containsExactly(new Object[] {1L});
    }
    Run ok = run("rollups", "verify", "--db", db(), "--tz", "Asia/Kathmandu");
    assertThat(ok.code()).as(ok.err()).isZero();
  }

  @Test
  void serve_builds_the_rollups_of_a_large_store_once_unless_they_were_turned_off()
      throws IOException {
    importThreeContacts();
    try (Store store = Store.open(db())) {
      StringWriter out = new StringWriter();
      // "Large" from 4 contacts: these 3 are not, so nothing is built.
      assertThat(Serving.buildRollups(store, 4, new PrintWriter(out))).isFalse();
      assertThat(out.toString()).isEmpty();
      assertThat(io.yardstick.kpi.rollup.Rollups.built(store)).isFalse();
      // From 3 they are: built once, with a line per step (no terminal here, so no bar).
      assertThat(Serving.buildRollups(store, 3, new PrintWriter(out))).isTrue();
      assertThat(out.toString())
          .startsWith("Building the rollups of these 3 contacts, once")
          .contains("  contacts: each bucket and combination (1 of 12), ")
          .contains("  agent time: totals by set (10 of 12), ")
          .contains("Rollups built in ");
      assertThat(io.yardstick.kpi.rollup.Rollups.built(store)).isTrue();
      StringWriter again = new StringWriter();
      assertThat(Serving.buildRollups(store, 3, new PrintWriter(again))).isFalse();
      assertThat(again.toString()).isEmpty();
      // Rollups built by a version that kept no percentiles of whole days: computed once, on open.
      store.update("DELETE FROM rollup_span_values");
      store.update("DELETE FROM rollup_spans");
      StringWriter spans = new StringWriter();
      assertThat(Serving.buildRollups(store, 3, new PrintWriter(spans))).isFalse();
      assertThat(spans.toString())
          .startsWith(
              "Keeping the percentiles of whole days, weeks and months of these rollups, once (UTC;")
          .contains("  contacts: percentiles of whole days, weeks and months (1 of 2), ");
      assertThat(store.query("SELECT COUNT(*) FROM rollup_spans").get(0)[0]).isNotEqualTo(0L);
    }
    // Turned off by hand, they stay off when served, and the start-up block says so.
    assertThat(run("rollups", "off", "--db", db()).code()).isZero();
    try (Store store = Store.open(db())) {
      assertThat(Serving.buildRollups(store, 3, new PrintWriter(new StringWriter()))).isFalse();
      assertThat(io.yardstick.kpi.rollup.Rollups.built(store)).isFalse();
      assertThat(io.yardstick.kpi.rollup.Rollups.keptOff(store)).isTrue();
    }
    // A rebuild turns them on again, and they are no longer kept off.
    assertThat(run("rollups", "rebuild", "--db", db()).code()).isZero();
    try (Store store = Store.open(db())) {
      assertThat(io.yardstick.kpi.rollup.Rollups.keptOff(store)).isFalse();
    }
  }
}
