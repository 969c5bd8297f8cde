package io.yardstick.ingest.mapping.internal;

import io.yardstick.model.RecordType;
import java.util.List;

/**
 * How one kind of record is made from each row: the rules of its fields (in evaluation order: those reading another
 * field last), by field index, its attributes (customers) and the rows it sets aside.
 *
 * @param byIndex the rule of each canonical field, indexed like {@link RecordType#fields()}; null when unmapped
 */
record SectionRule(RecordType type, List<FieldRule> order, FieldRule[] byIndex, List<FieldRule> attributes,
    List<Skip> skips) {

  /** Rows to set aside when a condition holds, with the reason the summary gives. */
  record Skip(String key, Condition when, String reason) {}
}
