package io.yardstick.sources;

import io.yardstick.model.RecordType;
import io.yardstick.store.LoadCounts;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What an import of a foreign source read, kept and set aside, and why; then what the store did
 * with the rows.
 *
 * @param source what was read ("Asterisk queue_log")
 * @param file the file name as given
 * @param read how many units were read (lines, tickets)
 * @param unit the unit of {@code read} ("lines", "tickets")
 * @param figures what the source says, in reading order ("queued calls" → 108, "answered" → 93...)
 * @param setAside what was not imported, by reason, with counts
 * @param notes further facts worth a line ("mean wait of answered calls 38.70 s")
 * @param loaded what the store did per record type (empty until committed)
 */
public record SourceSummary(
    String source,
    String file,
    long read,
    String unit,
    Map<String, Long> figures,
    Map<String, Long> setAside,
    List<String> notes,
    Map<RecordType, LoadCounts> loaded) {

  public SourceSummary {
    figures = Collections.unmodifiableMap(new LinkedHashMap<>(figures));
    setAside = Collections.unmodifiableMap(new LinkedHashMap<>(setAside));
    notes = List.copyOf(notes);
    loaded =
        Collections.unmodifiableMap(
            loaded.isEmpty() ? new EnumMap<>(RecordType.class) : new EnumMap<>(loaded));
  }

  /** The summary of a truly empty file (nothing but white space): nothing read, nothing kept. */
  public static SourceSummary empty(String source, String file, String unit) {
    return new SourceSummary(
        source,
        file,
        0,
        unit,
        Map.of(),
        Map.of(),
        List.of("the file is empty: nothing to" + " import"),
        Map.of());
  }

  public SourceSummary withLoaded(Map<RecordType, LoadCounts> counts) {
    return new SourceSummary(source, file, read, unit, figures, setAside, notes, counts);
  }

  /** A figure by name, 0 when absent. */
  public long figure(String name) {
    return figures.getOrDefault(name, 0L);
  }

  /** Rows kept (handed to the store) of one record type, from the load counts. */
  public long kept(RecordType type) {
    LoadCounts c = loaded.get(type);
    return c == null ? 0 : c.read();
  }

  /**
   * The summary as lines for a person: read, figures, kept per table, set aside with reasons,
   * notes.
   */
  public List<String> lines() {
    List<String> out = new ArrayList<>();
    out.add("Imported " + source + " from " + file + ": " + count(read) + " " + unit + " read.");
    if (!figures.isEmpty()) {
      StringBuilder b = new StringBuilder("  ");
      figures.forEach(
          (k, v) -> b.append(b.length() > 2 ? ", " : "").append(count(v)).append(' ').append(k));
      out.add(b.toString());
    }
    loaded.forEach(
        (type, c) -> {
          if (c.read() == 0) return;
          StringBuilder b =
              new StringBuilder("  kept ")
                  .append(count(c.read()))
                  .append(' ')
                  .append(type.table().replace('_', ' '))
                  .append(": ")
                  .append(count(c.inserted()))
                  .append(" new, ")
                  .append(count(c.replaced()))
                  .append(" replaced");
          if (c.duplicates() > 0)
            b.append(", ").append(count(c.duplicates())).append(" repeated (the later kept)");
          out.add(b.toString());
        });
    if (setAside.isEmpty()) {
      out.add("  set aside: nothing");
    } else {
      setAside.forEach((reason, n) -> out.add("  set aside " + count(n) + ": " + reason));
    }
    notes.forEach(n -> out.add("  " + n));
    return out;
  }

  private static String count(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }
}
