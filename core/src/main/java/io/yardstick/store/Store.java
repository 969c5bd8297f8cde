package io.yardstick.store;

import io.yardstick.ingest.ImportSource;
import io.yardstick.ingest.PipelinedReader;
import io.yardstick.ingest.RecordReader;
import io.yardstick.model.RecordType;
import io.yardstick.store.internal.DuckDbStore;
import io.yardstick.store.internal.PostgresStore;
import java.nio.file.Path;
import java.util.List;
import java.util.function.LongConsumer;

/**
 * Where Yardstick keeps its records: an embedded DuckDB file (the default) or a PostgreSQL database. Opening a store
 * applies any schema migrations it lacks.
 *
 * <pre>{@code
 * try (Store store = Store.open("./yardstick.duckdb")) {
 *   LoadCounts counts = store.importFile(RecordType.CONTACTS, ImportSource.of("contacts.csv"), bytes -> {});
 * }
 * }</pre>
 */
public interface Store extends AutoCloseable {
  /** The location used when neither {@code --db} nor {@code YARDSTICK_DB} says otherwise. */
  String DEFAULT_LOCATION = "./yardstick.duckdb";

  /**
   * Opens a store: a {@code jdbc:postgresql://} URL opens PostgreSQL; anything else is the path of a DuckDB file
   * (created when missing; {@code jdbc:duckdb:} prefix optional).
   */
  static Store open(String location) {
    if (location.startsWith("jdbc:postgresql:")) {
      return PostgresStore.open(location);
    }
    String path = location.startsWith("jdbc:duckdb:") ? location.substring("jdbc:duckdb:".length()) : location;
    return DuckDbStore.open(Path.of(path));
  }

  /** The location chosen by the user: the option when given, else {@code YARDSTICK_DB}, else the default file. */
  static String resolveLocation(String option) {
    if (option != null && !option.isBlank()) return option;
    String env = System.getenv("YARDSTICK_DB");
    return env != null && !env.isBlank() ? env : DEFAULT_LOCATION;
  }

  /** The SQL dialect, for the KPI engine's renderer. */
  Dialect dialect();

  /** A human description of where the data is, without passwords. */
  String describe();

  /** Starts an all-or-nothing load. */
  Loader loader();

  /** Imports one canonical file, all or nothing; see {@link RecordReader}. */
  default LoadCounts importFile(RecordType type, ImportSource source, LongConsumer progress) {
    try (Loader loader = loader()) {
      PipelinedReader.read(type, source, loader.sink(type), progress);
      return loader.commit().get(type);
    }
  }

  /**
   * A number that every committed import raises (in the import's transaction, whichever process imported): equal
   * versions mean equal data, so a cache of results can be kept until it changes.
   */
  long dataVersion();

  /** The number of stored records of a type. */
  long count(RecordType type);

  /**
   * Runs a query and returns its rows as arrays of the same Java types on every store: timestamps as {@code
   * Instant}, dates as {@code LocalDate}, whole numbers as {@code Long}, floating point as {@code Double}, decimals as
   * {@code BigDecimal}. Parameters may be instants, dates, strings and numbers.
   */
  List<Object[]> query(String sql, Object... params);

  /**
   * {@link #query(String, Object...)} within bounds: the query is cancelled when it runs longer than {@code
   * bounds.timeout()}, and reading stops when it returns more than {@code bounds.maxRows()} rows; either way a
   * {@link io.yardstick.LimitException} says which bound was hit, and nothing of the answer is kept.
   */
  List<Object[]> query(Bounds bounds, String sql, Object... params);

  /**
   * The next id of a kind of stored object ({@code alert_rules}, {@code goals}): one more than any id given before,
   * deleted ones included, so an id is never reused. One atomic statement; concurrent callers get distinct ids.
   */
  default long nextId(String counter) {
    List<Object[]> rows = query("UPDATE id_counters SET last_id = last_id + 1 WHERE name = ? RETURNING last_id",
        counter);
    if (rows.isEmpty()) throw new StoreException("There is no id counter '" + counter + "' in " + describe() + ".");
    return ((Number) rows.get(0)[0]).longValue();
  }

  /**
   * Cancels every query run without its own {@link Bounds} (and every {@link Bounds} without a timeout) after {@code
   * timeout}; null: no limit (the default). The server sets it from {@code limits.query_timeout_seconds}, so that no
   * request's query runs unbounded. A store that only lends another (a wrapper) may leave it to the one it lends.
   */
  default void queryTimeout(java.time.Duration timeout) {}

  /** How long a query may run and how many rows it may return. */
  record Bounds(java.time.Duration timeout, long maxRows) {}

  /**
   * Runs one statement that changes data (INSERT, UPDATE, DELETE) in its own transaction and returns the rows it
   * changed. For the small tables of settings and users; record imports go through {@link #loader()}.
   */
  int update(String sql, Object... params);

  @Override
  void close();

  /** The SQL dialects Yardstick renders KPIs for. */
  enum Dialect {
    DUCKDB,
    POSTGRESQL
  }
}
