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
 * Where Yardstick keeps its records: an embedded DuckDB file (the default) or a PostgreSQL
 * database. Opening a store applies any schema migrations it lacks.
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
   * Opens a store: a location a {@link StoreProvider} on the class path accepts opens its store
   * ({@code spark:} and {@code sc://} with the Spark module); a {@code jdbc:postgresql://} URL
   * opens PostgreSQL; anything else is the path of a DuckDB file (created when missing; {@code
   * jdbc:duckdb:} prefix optional).
   */
  static Store open(String location) {
    for (StoreProvider provider : java.util.ServiceLoader.load(StoreProvider.class)) {
      if (provider.accepts(location)) return provider.open(location);
    }
    if (location.startsWith("spark:") || location.startsWith("sc://")) {
      throw new StoreException(
          "The store "
              + location
              + " is on Apache Spark, and the Spark module (yardstick-spark) is not on the class"
              + " path. Run it with ./yardstick, which adds spark/target/lib for spark: and sc://"
              + " locations, or build the module first: ./mvnw -pl spark -am package -DskipTests.");
    }
    if (location.startsWith("jdbc:postgresql:")) {
      return PostgresStore.open(location);
    }
    String path =
        location.startsWith("jdbc:duckdb:")
            ? location.substring("jdbc:duckdb:".length())
            : location;
    return DuckDbStore.open(Path.of(path));
  }

  /**
   * The location chosen by the user: the option when given, else {@code YARDSTICK_DB}, else the
   * default file.
   */
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
   * A number that every committed import raises (in the import's transaction, whichever process
   * imported): equal versions mean equal data, so a cache of results can be kept until it changes.
   */
  long dataVersion();

  /** The number of stored records of a type. */
  long count(RecordType type);

  /**
   * Runs a query and returns its rows as arrays of the same Java types on every store: timestamps
   * as {@code Instant}, dates as {@code LocalDate}, whole numbers as {@code Long}, floating point
   * as {@code Double}, decimals as {@code BigDecimal}. Parameters may be instants, dates, strings
   * and numbers.
   */
  List<Object[]> query(String sql, Object... params);

  /**
   * {@link #query(String, Object...)} within bounds: the query is cancelled when it runs longer
   * than {@code bounds.timeout()}, and reading stops when it returns more than {@code
   * bounds.maxRows()} rows; either way a {@link io.yardstick.LimitException} says which bound was
   * hit, and nothing of the answer is kept.
   */
  List<Object[]> query(Bounds bounds, String sql, Object... params);

  /**
   * The next id of a kind of stored object ({@code alert_rules}, {@code goals}): one more than any
   * id given before, deleted ones included, so an id is never reused. One atomic statement;
   * concurrent callers get distinct ids.
   */
  default long nextId(String counter) {
    List<Object[]> rows =
        query(
            "UPDATE id_counters SET last_id = last_id + 1 WHERE name = ? RETURNING last_id",
            counter);
    if (rows.isEmpty())
      throw new StoreException("There is no id counter '" + counter + "' in " + describe() + ".");
    return ((Number) rows.get(0)[0]).longValue();
  }

  /**
   * Erases, in one transaction, a customer's records or the records older than a retention cut-off
   * (see {@link Erasure}): their contacts with those contacts' surveys and call outcomes, the cases
   * recomputed from the contacts that remain (so KPIs of what remains are what an import without
   * the erased records gives), and for a customer their surveys, customer record and attributes.
   * Raises the data version, so caches of results drop.
   */
  Erased erase(Erasure what);

  /** What to erase: one customer's records, or contacts (and surveys) before an instant. */
  sealed interface Erasure {
    /** Everything of this customer id. */
    record Customer(String customerId) implements Erasure {
      public Customer {
        if (customerId == null || customerId.isBlank()) {
          throw new io.yardstick.YardstickException("Name the customer id to erase.");
        }
      }
    }

    /** Contacts that arrived, and surveys submitted, before this instant. */
    record Before(java.time.Instant cutoff) implements Erasure {}
  }

  /** How many rows an erasure removed, per table. */
  record Erased(
      long contacts, long surveys, long callOutcomes, long customers, long customerAttributes) {
    public long total() {
      return contacts + surveys + callOutcomes + customers + customerAttributes;
    }

    /** The counts as words, for a summary and the audit log (no ids). */
    public String describe() {
      return contacts
          + " contacts, "
          + surveys
          + " surveys, "
          + callOutcomes
          + " call outcomes, "
          + customers
          + " customer records, "
          + customerAttributes
          + " customer attributes";
    }
  }

  /**
   * Cancels every query run without its own {@link Bounds} (and every {@link Bounds} without a
   * timeout) after {@code timeout}; null: no limit (the default). The server sets it from {@code
   * limits.query_timeout_seconds}, so that no request's query runs unbounded. A store that only
   * lends another (a wrapper) may leave it to the one it lends.
   */
  default void queryTimeout(java.time.Duration timeout) {}

  /** How long a query may run and how many rows it may return. */
  record Bounds(java.time.Duration timeout, long maxRows) {}

  /**
   * Runs one statement that changes data (INSERT, UPDATE, DELETE) in its own transaction and
   * returns the rows it changed. For the small tables of settings and users; record imports go
   * through {@link #loader()}.
   */
  int update(String sql, Object... params);

  @Override
  void close();

  /** The SQL dialects Yardstick renders KPIs for. */
  enum Dialect {
    DUCKDB,
    POSTGRESQL,
    /** Spark SQL (the spark module's store): same catalog, a few functions rendered differently. */
    SPARK
  }
}
