package io.yardstick.model;

import java.time.Instant;

/** One survey answer; contact, customer and agent are optional links. */
public record Survey(
    String surveyId, SurveyKind kind, int score, Instant submittedAt, String contactId, String customerId,
    String agentId) {

  public Object[] toRow() {
    return new Object[] {surveyId, kind.id(), score, submittedAt, contactId, customerId, agentId};
  }
}
