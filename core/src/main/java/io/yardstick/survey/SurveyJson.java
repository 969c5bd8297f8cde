package io.yardstick.survey;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The JSON shapes of surveys, for the API and the CLI alike (maps that Jackson writes as they are
 * ordered).
 */
public final class SurveyJson {
  private SurveyJson() {}

  /**
   * What the public answer page reads: the question and the answer as it stands, nothing about the
   * customer.
   */
  public static Map<String, Object> page(Surveys.Page p) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("kind", p.kind().id());
    m.put("min", p.kind().min());
    m.put("max", p.kind().max());
    m.put("language", p.language());
    m.put("question", p.question());
    m.put("low", p.low());
    m.put("high", p.high());
    m.put("answered", p.answered());
    m.put("score", p.score());
    m.put("comment", p.comment());
    m.put("can_change", p.canChange());
    m.put("change_until", p.changeUntil() == null ? null : p.changeUntil().toString());
    m.put("expires_at", p.expiresAt().toString());
    return m;
  }

  /**
   * An invitation as managers see it (never its address), with its links when {@code surveys} is
   * given.
   */
  public static Map<String, Object> invitation(Surveys.Invitation i, Surveys surveys) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", i.id());
    m.put("rule", i.rule());
    m.put("kind", i.kind().id());
    m.put("via", i.via());
    m.put("state", i.state());
    m.put("contact_id", i.contactId());
    m.put("case_id", i.caseId());
    m.put("customer_id", i.customerId());
    m.put("agent_id", i.agentId());
    m.put("channel", i.channel());
    m.put("language", i.language());
    m.put("created_at", i.createdAt().toString());
    m.put("due_at", i.dueAt().toString());
    m.put("sent_at", i.sentAt() == null ? null : i.sentAt().toString());
    m.put("expires_at", i.expiresAt().toString());
    m.put("error", i.error());
    m.put("answered_at", i.answeredAt() == null ? null : i.answeredAt().toString());
    m.put("score", i.score());
    m.put("comment", i.comment());
    if (surveys != null) {
      m.put("url", surveys.url(i, null));
      Map<String, String> scores = new LinkedHashMap<>();
      for (int s = i.kind().min(); s <= i.kind().max(); s++)
        scores.put(Integer.toString(s), surveys.url(i, s));
      m.put("score_urls", scores);
      m.put("opt_out_url", surveys.optOutUrl(i));
    }
    return m;
  }
}
