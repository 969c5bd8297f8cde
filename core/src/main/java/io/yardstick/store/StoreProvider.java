package io.yardstick.store;

/**
 * A kind of store that lives outside the core, found on the class path with {@link
 * java.util.ServiceLoader} (a {@code META-INF/services/io.yardstick.store.StoreProvider} file in
 * its jar): {@link Store#open} asks each provider whether it takes a location before it tries
 * PostgreSQL and DuckDB. The Spark module is one, for {@code spark:} and {@code sc://} locations;
 * the core and the plain distribution do not carry it.
 */
public interface StoreProvider {
  /** Whether this provider opens the location (its scheme is the provider's). */
  boolean accepts(String location);

  /** Opens the store at the location; errors say what is wrong with it. */
  Store open(String location);
}
