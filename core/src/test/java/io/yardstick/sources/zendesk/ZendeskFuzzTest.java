package io.yardstick.sources.zendesk;

import io.yardstick.sources.JsonFuzz;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 10: mutated Zendesk exports (seeded) are read into valid rows or refused with an import
 * error naming the file; never a crash, an "unforeseen failure" or a silent "0 read".
 */
class ZendeskFuzzTest {
  @Test
  void mutated_exports_are_read_or_refused_never_crash() throws IOException {
    JsonFuzz.check(
        new ZendeskImporter(),
        List.of(
            ZendeskImporterTest.fixture(),
            ZendeskShapesTest.resource("offered_and_orphan_metric_sets.json")),
        3000);
  }
}
