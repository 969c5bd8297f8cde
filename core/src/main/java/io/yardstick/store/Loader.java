package io.yardstick.store;

import io.yardstick.ingest.RowSink;
import io.yardstick.model.RecordType;
import java.util.Map;

/**
 * An all-or-nothing load into a store: rows go to a staging area through {@link #sink}, and {@link
 * #commit} moves them into the store in one transaction, replacing stored records that have the
 * same key. Closing a loader that was not committed discards everything it received.
 *
 * <pre>{@code
 * try (Loader loader = store.loader()) {
 *   RowSink contacts = loader.sink(RecordType.CONTACTS);
 *   contacts.accept(2, contact.toRow());
 *   Map<RecordType, LoadCounts> counts = loader.commit();
 * }
 * }</pre>
 */
public interface Loader extends AutoCloseable {
  /**
   * The sink for one record type; the {@code line} a row comes with orders duplicates (the later
   * wins).
   */
  RowSink sink(RecordType type);

  /**
   * Makes the commit replace everything: stored records of every staged type are removed in the
   * same transaction, before the staged rows go in (the demo's {@code --fresh}).
   */
  Loader replacingAll();

  /**
   * Runs one statement now, inside the load's transaction, for rows of tables that are not record
   * types (the event ids of an event batch): they are kept if and only if the load commits.
   */
  default int execute(String sql, Object... params) {
    throw new UnsupportedOperationException("this loader writes record types only");
  }

  /**
   * Appends rows to a table that is not a record type (a derived table such as sla_targets) by the
   * store's bulk path (DuckDB's CSV reader, PostgreSQL's COPY), inside the load's transaction. Each
   * row holds, in {@code columns} order, a String, Instant, Double, Long, Integer, Boolean or null.
   */
  default void append(String table, java.util.List<String> columns, Iterable<Object[]> rows) {
    throw new UnsupportedOperationException("this loader writes record types only");
  }

  /** Moves everything received into the store, atomically. */
  Map<RecordType, LoadCounts> commit();

  @Override
  void close();
}
