package io.yardstick.ingest.mapping.internal;

import io.yardstick.model.RecordType;
import java.util.List;
import java.util.Map;

/**
 * A parsed, checked mapping file.
 *
 * @param delimiter the field separator of the data file
 * @param quote the quote character of the data file
 * @param skips rows every section sets aside
 * @param sections the kinds of records the mapping makes, in the order of the file
 */
public record MappingRules(
    String file,
    String description,
    char delimiter,
    char quote,
    List<SectionRule.Skip> skips,
    Map<RecordType, SectionRule> sections) {

  /** The kinds of records the mapping makes. */
  public List<RecordType> types() {
    return List.copyOf(sections.keySet());
  }
}
