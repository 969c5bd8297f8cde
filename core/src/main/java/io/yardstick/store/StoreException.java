package io.yardstick.store;

import io.yardstick.YardstickException;

/**
 * A store could not be opened, migrated, read or written. When SQL failed, the message carries the
 * SQL.
 */
public final class StoreException extends YardstickException {
  public StoreException(String message) {
    super(message);
  }

  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
