package io.yardstick.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.yardstick.model.RecordType;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PipelinedReaderTest {
  static ImportSource contacts(int rows, String badLine) {
    StringBuilder sb = new StringBuilder("contact_id,channel,arrived_at\n");
    for (int i = 0; i < rows; i++) {
      sb.append("c").append(i).append(",phone,2026-03-01T10:00:00Z\n");
    }
    if (badLine != null) sb.append(badLine).append('\n');
    return ImportSource.of("big.csv", sb.toString().getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void delivers_every_row_in_file_order_across_batches() {
    List<Long> lines = new ArrayList<>();

    RecordReader.ReadSummary summary =
        PipelinedReader.read(
            RecordType.CONTACTS, contacts(5000, null), (line, row) -> lines.add(line), bytes -> {});

    assertThat(summary.records()).isEqualTo(5000);
    assertThat(lines).hasSize(5000).isSorted().startsWith(2L).endsWith(5001L);
  }

  @Test
  void an_error_late_in_the_file_reaches_the_caller_with_its_line() {
    assertThatThrownBy(
            () ->
                PipelinedReader.read(
                    RecordType.CONTACTS,
                    contacts(5000, "x,phone,yesterday"),
                    (line, row) -> {},
                    bytes -> {}))
        .isInstanceOf(ImportException.class)
        .hasMessageStartingWith(
            "big.csv, line 5002, column arrived_at: \"yesterday\" is not a valid timestamp");
  }

  @Test
  void a_failing_sink_stops_the_read_and_its_error_is_thrown() {
    assertThatThrownBy(
            () ->
                PipelinedReader.read(
                    RecordType.CONTACTS,
                    contacts(100_000, null),
                    (line, row) -> {
                      if (line == 3000) throw new IllegalStateException("store is full");
                    },
                    bytes -> {}))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("store is full");
  }
}
