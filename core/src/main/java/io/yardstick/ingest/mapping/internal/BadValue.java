package io.yardstick.ingest.mapping.internal;

/**
 * A source value a format cannot read; the message is the problem and the expectation, the caller
 * adds where.
 */
final class BadValue extends Exception {
  BadValue(String problem) {
    super(problem, null, false, false);
  }
}
