package io.yardstick.sources;

import static org.assertj.core.api.Assertions.assertThat;

import io.yardstick.ingest.RowParser;
import io.yardstick.ingest.RowSink;
import io.yardstick.model.RecordType;
import io.yardstick.store.LoadCounts;
import io.yardstick.store.Loader;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A loader that keeps rows in memory, for the importers' fuzz tests: {@link #validate} checks every
 * row against the canonical validation (the row parser) and the uniqueness of each record type's
 * key.
 */
public class CollectingLoader implements Loader {
  private final Map<RecordType, List<Object[]>> rows = new EnumMap<>(RecordType.class);

  @Override
  public RowSink sink(RecordType type) {
    List<Object[]> list = rows.computeIfAbsent(type, k -> new ArrayList<>());
    return (line, row) -> list.add(row);
  }

  /** The rows received for a type. */
  public List<Object[]> rows(RecordType type) {
    return rows.getOrDefault(type, List.of());
  }

  @Override
  public Loader replacingAll() {
    return this;
  }

  @Override
  public Map<RecordType, LoadCounts> commit() {
    return Map.of();
  }

  @Override
  public void close() {}

  /**
   * Every row passes the row parser, has the type's length, and no two rows of a type share a key.
   */
  public void validate() {
    rows.forEach(
        (type, list) -> {
          RowParser parser = new RowParser(type, "fuzz");
          Set<String> keys = new HashSet<>();
          long line = 0;
          for (Object[] row : list) {
            assertThat(row).hasSize(type.rowLength());
            String[] raw = new String[type.fields().size()];
            for (int i = 0; i < raw.length; i++) {
              raw[i] =
                  row[i] instanceof BigDecimal d
                      ? d.toPlainString()
                      : row[i] == null ? null : row[i].toString();
            }
            parser.parse(++line, raw, null);
            StringBuilder key = new StringBuilder();
            for (String k : type.key()) key.append(raw[type.indexOf(k)]).append('\u0000');
            assertThat(keys.add(key.toString())).as("unique key %s of %s", key, type).isTrue();
          }
        });
  }
}
