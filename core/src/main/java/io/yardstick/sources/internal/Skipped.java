package io.yardstick.sources.internal;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What a help-desk import skips on purpose in a data pipeline's output (Singer, Airbyte): records
 * of streams it does not read (users, groups...) and messages that are not records (SCHEMA,
 * STATE...), counted for the summary.
 */
public final class Skipped {
  private final Set<String> streams;
  private final Map<String, Long> otherStreams = new TreeMap<>();
  private long messages;

  /** {@code streams}: the streams (and API arrays) the importer reads. */
  public Skipped(Set<String> streams) {
    this.streams = streams;
  }

  /** Whether an item from {@code array} is skipped (and counted). */
  public boolean skips(String array) {
    if (JsonItems.NOT_A_RECORD.equals(array)) {
      messages++;
      return true;
    }
    if (array != null && !streams.contains(array)) {
      otherStreams.merge(array, 1L, Long::sum);
      return true;
    }
    return false;
  }

  /** The notes for the summary, if anything was skipped. */
  public void addNotes(List<String> notes) {
    if (!otherStreams.isEmpty()) {
      notes.add(
          otherStreams.values().stream().mapToLong(Long::longValue).sum()
              + " records of streams not imported"
              + " were skipped ("
              + otherStreams.entrySet().stream()
                  .map(e -> e.getKey() + " " + e.getValue())
                  .collect(Collectors.joining(", "))
              + ")");
    }
    if (messages > 0)
      notes.add(
          messages + " pipeline messages that are not records (SCHEMA, STATE...) were skipped");
  }
}
