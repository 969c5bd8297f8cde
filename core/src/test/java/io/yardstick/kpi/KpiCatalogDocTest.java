package io.yardstick.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class KpiCatalogDocTest {
  private static final Path DOC = Path.of("..", "docs", "kpis.md");

  @Test
  void docs_kpis_md_is_generated_from_the_catalog() throws IOException {
    String expected = KpiCatalogDoc.markdown();
    if (Boolean.getBoolean("yardstick.regenerateDocs")) {
      Files.writeString(DOC, expected, StandardCharsets.UTF_8);
    }
    assertThat(Files.readString(DOC, StandardCharsets.UTF_8))
        .as(
            "docs/kpis.md is out of date; regenerate it: ./mvnw -q -pl core test -Dtest=KpiCatalogDocTest"
                + " -Dyardstick.regenerateDocs=true")
        .isEqualTo(expected);
  }

  @Test
  void ids_are_stable_snake_case_and_unique() {
    assertThat(Kpi.ids()).allMatch(id -> id.matches("[a-z][a-z0-9_]*")).doesNotHaveDuplicates();
  }
}
