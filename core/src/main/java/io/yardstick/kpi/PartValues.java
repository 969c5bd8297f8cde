package io.yardstick.kpi;

import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

/**
 * The values of the parts of one group: counts and sums as doubles, null where the part's base has
 * no value.
 */
public final class PartValues {
  private final Map<Part, Double> values = new EnumMap<>(Part.class);
  private final Set<Part> recorder;

  public PartValues() {
    this(null);
  }

  PartValues(Set<Part> recorder) {
    this.recorder = recorder;
  }

  public void put(Part part, Double value) {
    values.put(part, value);
  }

  public Double get(Part part) {
    if (recorder != null) {
      recorder.add(part);
      return 1.0;
    }
    Double v = values.get(part);
    if (v == null && part.agg() == Part.Agg.COUNT && values.containsKey(part)) return 0.0;
    return v;
  }

  /**
   * A count as a whole number (0 when the base ran and found nothing), or null when the base did
   * not run.
   */
  public Long count(Part part) {
    Double v = get(part);
    return v == null ? null : Math.round(v);
  }

  public boolean has(Part part) {
    return values.containsKey(part);
  }
}
