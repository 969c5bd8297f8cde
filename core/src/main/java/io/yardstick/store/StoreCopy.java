package io.yardstick.store;

import io.yardstick.ingest.RowSink;
import io.yardstick.model.Field;
import io.yardstick.model.FieldType;
import io.yardstick.model.RecordType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Copies the records of one store into another in one load ({@code yardstick export --to
 * LOCATION}): every record type with its rows as stored (customers with their attributes), merged
 * by key into the target, so a repeated export changes nothing. The small tables (settings, users,
 * goals, alert rules) are not records and stay where they are.
 *
 * <p>Each table is read whole into memory before it is loaded: for a store larger than the heap,
 * export per source file with {@code yardstick import --db TARGET} instead.
 */
public final class StoreCopy {
  private StoreCopy() {}

  public static Map<RecordType, LoadCounts> copy(Store from, Store to) {
    try (Loader loader = to.loader()) {
      for (RecordType type : RecordType.values()) {
        List<Field> fields = type.fields();
        StringBuilder cols = new StringBuilder();
        for (Field f : fields) cols.append(cols.isEmpty() ? "" : ", ").append(f.name());
        List<Object[]> rows = from.query("SELECT " + cols + " FROM " + type.table());
        if (rows.isEmpty()) continue;
        Map<String, Map<String, String>> attributes = new HashMap<>();
        if (type.hasAttributes()) {
          for (Object[] a :
              from.query("SELECT customer_id, name, value FROM customer_attributes")) {
            attributes
                .computeIfAbsent((String) a[0], k -> new TreeMap<>())
                .put((String) a[1], (String) a[2]);
          }
        }
        RowSink sink = loader.sink(type);
        long line = 1;
        for (Object[] r : rows) {
          Object[] row = r;
          for (int i = 0; i < fields.size(); i++) row[i] = asParsed(fields.get(i), row[i]);
          if (type.hasAttributes()) {
            row = java.util.Arrays.copyOf(r, fields.size() + 1);
            row[fields.size()] = attributes.getOrDefault((String) r[0], Map.of());
          }
          sink.accept(++line, row);
        }
      }
      return loader.commit();
    }
  }

  /**
   * A stored value as the field's parser gives it ({@link FieldType#javaType}): a store returns
   * every whole number as a Long, and a survey score is an Integer in a row.
   */
  static Object asParsed(Field field, Object v) {
    if (!(v instanceof Number n)) return v;
    Class<?> type = field.type().javaType();
    if (type == Integer.class && !(v instanceof Integer)) return Math.toIntExact(n.longValue());
    if (type == Double.class && !(v instanceof Double)) return n.doubleValue();
    if (type == java.math.BigDecimal.class && !(v instanceof java.math.BigDecimal)) {
      return new java.math.BigDecimal(n.toString());
    }
    return v;
  }
}
