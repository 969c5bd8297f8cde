package io.yardstick.store;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Reads stored objects (rules, goals) row by row so that one that cannot be read (stored before its
 * values were checked, or by a newer Yardstick) is skipped with a log line instead of failing the
 * whole list, and can be reported. Rows start with the object's id and name.
 *
 * <pre>{@code
 * List<Goal> goals = StoredRows.readable(rows, Goals::goal, "yardstick.goals", "Goal");
 * List<StoredRows.Broken> broken = StoredRows.broken(rows, Goals::goal);
 * }</pre>
 */
public final class StoredRows {
  private StoredRows() {}

  /** A stored object that cannot be read: its id, name and why. */
  public record Broken(long id, String name, String problem) {}

  /**
   * The objects of the rows that can be read; each other row is logged to {@code logger} and
   * skipped.
   */
  public static <T> List<T> readable(
      List<Object[]> rows, Function<Object[], T> read, String logger, String what) {
    List<T> out = new ArrayList<>();
    for (Object[] row : rows) {
      try {
        out.add(read.apply(row));
      } catch (RuntimeException e) {
        System.getLogger(logger)
            .log(
                System.Logger.Level.WARNING,
                what
                    + " "
                    + row[0]
                    + " cannot be read and is"
                    + " skipped (remove it and create it again): "
                    + e.getMessage());
      }
    }
    return out;
  }

  /** The rows that cannot be read, with why. */
  public static List<Broken> broken(List<Object[]> rows, Function<Object[], ?> read) {
    List<Broken> out = new ArrayList<>();
    for (Object[] row : rows) {
      try {
        read.apply(row);
      } catch (RuntimeException e) {
        out.add(
            new Broken(
                ((Number) row[0]).longValue(), (String) row[1], String.valueOf(e.getMessage())));
      }
    }
    return out;
  }
}
