package io.yardstick.ingest.mapping;

import io.yardstick.model.RecordType;
import java.util.Map;
import java.util.SequencedMap;

/**
 * What reading a data file through a mapping did: the rows read, and for each kind of record made,
 * how many rows were kept and how many were set aside, by reason (in the order the reasons first
 * occurred), and how many values out of order were cleared from rows that were kept, by reason.
 *
 * @param rowsRead data rows in the file (the header and blank lines not counted)
 */
public record MappingSummary(
    long rowsRead,
    Map<RecordType, Long> kept,
    Map<RecordType, SequencedMap<String, Long>> setAside,
    Map<RecordType, SequencedMap<String, Long>> cleared) {

  public MappingSummary {
    kept = Map.copyOf(kept);
    setAside = Map.copyOf(setAside);
    cleared = Map.copyOf(cleared);
  }

  /** Values cleared for a type (the row kept without them), by reason. */
  public SequencedMap<String, Long> cleared(RecordType type) {
    return cleared.getOrDefault(type, new java.util.LinkedHashMap<>());
  }

  /** Rows kept as records of a type. */
  public long kept(RecordType type) {
    return kept.getOrDefault(type, 0L);
  }

  /** Rows set aside for a type, by reason. */
  public SequencedMap<String, Long> setAside(RecordType type) {
    return setAside.getOrDefault(type, new java.util.LinkedHashMap<>());
  }

  /** All rows set aside for a type. */
  public long setAsideCount(RecordType type) {
    return setAside(type).values().stream().mapToLong(Long::longValue).sum();
  }
}
