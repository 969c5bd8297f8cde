package io.yardstick.sources.freshdesk;

import io.yardstick.sources.JsonFuzz;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 10: mutated Freshdesk exports (seeded) are read into valid rows or refused with an import
 * error naming the file; never a crash, an "unforeseen failure" or a silent "0 read".
 */
class FreshdeskFuzzTest {
  @Test
  void mutated_exports_are_read_or_refused_never_crash() throws IOException {
    JsonFuzz.check(
        new FreshdeskImporter(),
        List.of(
            FreshdeskImporterTest.fixture(),
            FreshdeskShapesTest.resource("search_response.json"),
            FreshdeskShapesTest.resource("single_ticket.json")),
        3000);
  }
}
