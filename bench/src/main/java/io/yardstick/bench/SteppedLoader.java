package io.yardstick.bench;

import io.yardstick.ingest.RowSink;
import io.yardstick.model.RecordType;
import io.yardstick.store.LoadCounts;
import io.yardstick.store.Loader;
import io.yardstick.store.Store;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A loader for generating very large demo stores: it commits to the store every {@code every}
 * contacts and opens a new load, so that no single transaction holds 100 M contacts (at 100 M, one
 * commit passed 14 GB resident). Each step is an ordinary import, so the store derives the cases a
 * step touches from every contact stored so far (a case that spans two steps is recomputed by the
 * second), the same as a user importing a file month by month. Only for the benchmarks: a failure
 * half-way leaves the steps already committed.
 */
final class SteppedLoader implements Loader {
  private final Store store;
  private final long every;
  private final Runnable onCommit;
  private final Map<RecordType, LoadCounts> totals = new EnumMap<>(RecordType.class);
  private final RowSink[] sinks = new RowSink[RecordType.values().length];
  private Loader current;
  private long contacts;

  SteppedLoader(Store store, long every, Runnable onCommit) {
    this.store = store;
    this.every = every;
    this.onCommit = onCommit;
    this.current = store.loader();
  }

  @Override
  public RowSink sink(RecordType type) {
    // The sink is asked of whichever load is open when a row comes, not once.
    return (line, row) -> {
      RowSink sink = sinks[type.ordinal()];
      if (sink == null) sink = sinks[type.ordinal()] = current.sink(type);
      sink.accept(line, row);
      if (type == RecordType.CONTACTS && ++contacts % every == 0) step();
    };
  }

  private void step() {
    add(current.commit());
    current.close();
    Arrays.fill(sinks, null);
    onCommit.run();
    current = store.loader();
  }

  private void add(Map<RecordType, LoadCounts> counts) {
    counts.forEach(
        (type, c) ->
            totals.merge(
                type,
                c,
                (a, b) ->
                    new LoadCounts(
                        a.read() + b.read(),
                        a.inserted() + b.inserted(),
                        a.replaced() + b.replaced(),
                        a.duplicates() + b.duplicates())));
  }

  @Override
  public Loader replacingAll() {
    throw new UnsupportedOperationException("a stepped load adds to what earlier steps stored");
  }

  @Override
  public int execute(String sql, Object... params) {
    return current.execute(sql, params);
  }

  @Override
  public void append(String table, List<String> columns, Iterable<Object[]> rows) {
    current.append(table, columns, rows);
  }

  @Override
  public Map<RecordType, LoadCounts> commit() {
    add(current.commit());
    return new EnumMap<>(totals);
  }

  @Override
  public void close() {
    current.close();
  }
}
