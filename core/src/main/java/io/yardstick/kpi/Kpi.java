package io.yardstick.kpi;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The KPI catalog: every KPI once, with the definition that docs, API and UI read. Issue 3 fills the catalog; the
 * foundation defines volume.
 */
public enum Kpi {
  CONTACTS(
      "contacts",
      "Contacts",
      Unit.COUNT,
      Direction.NEUTRAL,
      "count of contacts whose arrived_at falls in the period [from 00:00, to+1 00:00) in the report's zone, all"
          + " directions and channels",
      "Volume as counted by contact-center reporting (COPC CX Standard, 'contacts offered'); by channel it is volume"
          + " by channel");

  /** What a KPI's value is measured in. */
  public enum Unit {
    COUNT,
    PERCENT,
    SECONDS,
    SCORE,
    MONEY
  }

  /** Whether a higher value is better, lower is better, or neither (volume). */
  public enum Direction {
    HIGHER_IS_BETTER,
    LOWER_IS_BETTER,
    NEUTRAL
  }

  private final String id;
  private final String displayName;
  private final Unit unit;
  private final Direction direction;
  private final String formula;
  private final String source;

  Kpi(String id, String displayName, Unit unit, Direction direction, String formula, String source) {
    this.id = id;
    this.displayName = displayName;
    this.unit = unit;
    this.direction = direction;
    this.formula = formula;
    this.source = source;
  }

  /** The stable snake_case id used by the CLI, the API, goals and alerts. */
  public String id() {
    return id;
  }

  public String displayName() {
    return displayName;
  }

  public Unit unit() {
    return unit;
  }

  public Direction direction() {
    return direction;
  }

  public String formula() {
    return formula;
  }

  public String source() {
    return source;
  }

  public static Optional<Kpi> byId(String id) {
    return Arrays.stream(values()).filter(k -> k.id.equalsIgnoreCase(id.strip())).findFirst();
  }

  public static List<String> ids() {
    return Arrays.stream(values()).map(Kpi::id).toList();
  }
}
