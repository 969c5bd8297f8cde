package io.yardstick.model;

import java.util.Locale;

/** What an agent was doing during an interval of time. */
public enum State {
  AVAILABLE,
  BUSY,
  WRAP,
  BREAK,
  OFFLINE;

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }
}
