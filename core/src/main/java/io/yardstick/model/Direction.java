package io.yardstick.model;

import java.util.Locale;

/** Whether the customer (inbound) or the service (outbound) started the contact. */
public enum Direction {
  INBOUND,
  OUTBOUND;

  /** The lowercase word used in files, the store and the API. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }
}
