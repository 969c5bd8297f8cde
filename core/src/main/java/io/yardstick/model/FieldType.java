package io.yardstick.model;

/**
 * The type of a field in the canonical format, with the Java type its parsed value takes in a row
 * and the phrase an error message uses for what was expected.
 */
public enum FieldType {
  /** Free text, kept as written (trimmed). */
  TEXT(String.class, "text"),
  /** A single word such as a channel name, stored lowercase. */
  WORD(String.class, "a word such as phone, chat or email"),
  DIRECTION(String.class, "inbound or outbound"),
  SURVEY_KIND(String.class, "one of csat, nps, ces, esat"),
  AGENT_STATE(String.class, "one of available, busy, wrap, break, offline"),
  /** A point in time: ISO-8601 with an offset or Z, stored as an instant. */
  INSTANT(
      java.time.Instant.class,
      "an ISO-8601 timestamp with an offset or Z, such as 2026-03-01T09:15:00Z or 2026-03-01T10:15:00+01:00"),
  /** A calendar date. */
  DATE(java.time.LocalDate.class, "an ISO date such as 2026-03-01"),
  /** A non-negative number of seconds, decimals allowed. */
  SECONDS(Double.class, "a number of seconds, 0 or more, such as 95 or 12.5"),
  BOOLEAN(Boolean.class, "true or false"),
  /** A decimal amount with at most four decimal places. */
  MONEY(java.math.BigDecimal.class, "a decimal amount such as 1250.50 (at most 4 decimal places)"),
  /** A whole-number survey score; its range depends on the survey kind. */
  SCORE(Integer.class, "a whole number"),
  /** A three-letter currency code, stored uppercase. */
  CURRENCY(String.class, "a three-letter currency code such as EUR"),
  /**
   * A ticket's status (docs/data-format.md#tickets); on-hold, hold and resolved are read as on_hold
   * and solved.
   */
  TICKET_STATUS(String.class, "one of new, open, pending, on_hold, solved, closed"),
  /** Who wrote a reply: the service's agent or the customer. */
  ACTOR(String.class, "agent or customer"),
  /** What a ticket event records. */
  EVENT_KIND(String.class, "one of status, reply, priority"),
  /**
   * Tags: words separated by commas (a JSON Lines array of strings also works); stored lowercase,
   * without repeats, sorted and wrapped in commas ({@code ,billing,vip,}) so that one tag is found
   * with {@code POSITION(',vip,' IN tags)}.
   */
  TAGS(String.class, "tags separated by commas, such as billing,vip");

  private final Class<?> javaType;
  private final String expected;

  FieldType(Class<?> javaType, String expected) {
    this.javaType = javaType;
    this.expected = expected;
  }

  public Class<?> javaType() {
    return javaType;
  }

  /** What a valid value looks like, for error messages. */
  public String expected() {
    return expected;
  }
}
