package io.yardstick.model;

import java.time.LocalDate;
import java.util.Map;

/**
 * A customer since a date, perhaps churned, with free attributes (age, tier, region...) keyed by
 * lowercase name.
 */
public record Customer(
    String customerId, LocalDate since, LocalDate churnedAt, Map<String, String> attributes) {

  public Object[] toRow() {
    return new Object[] {customerId, since, churnedAt, attributes};
  }
}
