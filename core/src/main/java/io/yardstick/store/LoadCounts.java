package io.yardstick.store;

/**
 * What a load did to one record type.
 *
 * @param read rows received
 * @param inserted keys that were not in the store before
 * @param replaced keys that were in the store and whose rows were replaced (possibly by identical
 *     values)
 * @param duplicates rows whose key appeared again later in the same load; the later row was kept
 */
public record LoadCounts(long read, long inserted, long replaced, long duplicates) {}
