package io.yardstick.demo;

import io.yardstick.model.RecordType;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What a demo run emitted: rows per record type and a few human lines about the simulated year
 * (volumes, service level, the recall spike...), all counted from the emitted records.
 */
public record DemoSummary(
    DemoSettings settings, Map<RecordType, Long> rows, List<String> highlights) {
  public DemoSummary {
    EnumMap<RecordType, Long> copy = new EnumMap<>(RecordType.class);
    copy.putAll(rows);
    rows = Collections.unmodifiableMap(copy);
    highlights = List.copyOf(highlights);
  }
}
