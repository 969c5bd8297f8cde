package io.yardstick.spark;

import io.yardstick.store.Store;
import io.yardstick.store.StoreProvider;

/** Opens {@code spark:} and {@code sc://} locations (found by {@link Store#open}). */
public final class SparkStoreProvider implements StoreProvider {
  @Override
  public boolean accepts(String location) {
    return SparkLocation.accepts(location);
  }

  @Override
  public Store open(String location) {
    return SparkStore.open(SparkLocation.parse(location));
  }
}
