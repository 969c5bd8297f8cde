package io.yardstick.ingest.mapping.internal;

import io.yardstick.ingest.RowParser;
import io.yardstick.model.RecordType;
import java.util.List;

/**
 * How one kind of record is made from each row: the rules of its fields (in evaluation order: those
 * reading another field last), by field index, its attributes (customers), the rows it sets aside,
 * and what it does with values out of order.
 *
 * @param byIndex the rule of each canonical field, indexed like {@link RecordType#fields()}; null
 *     when unmapped
 */
record SectionRule(
    RecordType type,
    List<FieldRule> order,
    FieldRule[] byIndex,
    List<FieldRule> attributes,
    List<Skip> skips,
    List<OutOfOrder> outOfOrder) {

  /** Rows to set aside when a condition holds, with the reason the summary gives. */
  record Skip(String key, Condition when, String reason) {}

  /**
   * What to do with a row whose {@code field} breaks an order rule: set it aside, or (clear) keep
   * it without that field; counted under {@code reason} either way.
   */
  record OutOfOrder(RowParser.Order order, int field, int anchor, boolean clear, String reason) {}
}
