package io.yardstick.ingest;

/** Receives parsed rows, in file order, with the line each came from. */
@FunctionalInterface
public interface RowSink {
  void accept(long line, Object[] row);
}
