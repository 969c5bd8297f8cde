package io.yardstick.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.yardstick.kpi.rollup.Rollups;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The start-up block, its line suggesting rollups to a large store that turned them off, and the
 * build of a large store's rollups before it is served.
 */
class ServingBannerTest {
  @Test
  void a_large_store_with_its_rollups_turned_off_is_told_about_them_and_a_small_one_is_not() {
    // the threshold is 5,000,000 contacts: 4,999,999 says nothing, 5,000,000 says it
    assertThat(Serving.rollupHint(false, 4_999_999, "a.duckdb")).isNull();
    assertThat(Serving.rollupHint(false, 5_000_000, "a.duckdb"))
        .startsWith("5,000,000 contacts and the rollups turned off");
    assertThat(Serving.rollupHint(true, 12_345_678, "a.duckdb")).isNull(); // it keeps them already
    assertThat(Serving.rollupHint(false, 12_345_678, "my store.duckdb"))
        .isEqualTo(
            "12,345,678 contacts and the rollups turned off: every question scans them."
                + " `./yardstick rollups rebuild --db 'my store.duckdb'` builds them once (minutes)"
                + " and answers the overview about three times as fast (docs/rollups.md).");
    String banner =
        Serving.banner("DuckDB file x.duckdb", "http://localhost:8080/", "admin", "x.log", "HINT");
    assertThat(banner.lines().toList())
        .containsSubsequence("  Log     x.log", "  Faster  HINT", "  Stop with Ctrl-C.");
    assertThat(Serving.banner("s", "u/", "l", "g", null)).doesNotContain("Faster");
  }

  @Test
  void the_size_from_which_serve_builds_rollups_can_be_set_and_a_bad_one_is_refused() {
    assertThat(Rollups.buildOnOpenFrom(Map.of())).isEqualTo(5_000_000L);
    assertThat(Rollups.buildOnOpenFrom(Map.of("YARDSTICK_ROLLUPS_FROM", "0"))).isZero();
    assertThat(Rollups.buildOnOpenFrom(Map.of("YARDSTICK_ROLLUPS_FROM", " 2_000_000 ")))
        .isEqualTo(2_000_000L);
    for (String bad : new String[] {"-1", "lots", "5M"}) {
      assertThatThrownBy(() -> Rollups.buildOnOpenFrom(Map.of("YARDSTICK_ROLLUPS_FROM", bad)))
          .hasMessageStartingWith("YARDSTICK_ROLLUPS_FROM is '" + bad + "'; give a whole number");
    }
  }
}
