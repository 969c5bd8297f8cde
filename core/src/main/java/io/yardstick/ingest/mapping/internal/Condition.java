package io.yardstick.ingest.mapping.internal;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A test on the source columns of a row, as a mapping writes it: {@code {outcome: HANG, q_start:
 * "0:00:00"}} holds when every named column has one of its listed values (compared
 * case-insensitively; an empty string or null means the column is empty).
 */
record Condition(List<Test> tests) {
  record Test(String column, Set<String> values) {}

  boolean holds(Row row) {
    for (Test t : tests) {
      String v = row.get(t.column());
      if (!t.values().contains(v == null ? "" : v.toLowerCase(Locale.ROOT))) return false;
    }
    return true;
  }

  List<String> columns() {
    return tests.stream().map(Test::column).toList();
  }
}
