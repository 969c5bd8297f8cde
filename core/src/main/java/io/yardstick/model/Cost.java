package io.yardstick.model;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A cost over the whole days periodStart..periodEnd (inclusive), in a currency and a category. */
public record Cost(
    LocalDate periodStart,
    LocalDate periodEnd,
    BigDecimal amount,
    String currency,
    String category) {

  public Object[] toRow() {
    return new Object[] {periodStart, periodEnd, amount, currency, category};
  }
}
