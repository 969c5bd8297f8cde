package io.yardstick.model;

import java.time.Instant;

/**
 * One survey answer; contact, customer and agent are optional links, and so is the customer's
 * comment (free text, as given; Zendesk and Freshdesk rating comments, or the answer page's comment
 * box).
 */
public record Survey(
    String surveyId,
    SurveyKind kind,
    int score,
    Instant submittedAt,
    String contactId,
    String customerId,
    String agentId,
    String comment) {

  /** An answer without a comment. */
  public Survey(
      String surveyId,
      SurveyKind kind,
      int score,
      Instant submittedAt,
      String contactId,
      String customerId,
      String agentId) {
    this(surveyId, kind, score, submittedAt, contactId, customerId, agentId, null);
  }

  public Object[] toRow() {
    return new Object[] {
      surveyId, kind.id(), score, submittedAt, contactId, customerId, agentId, comment
    };
  }
}
