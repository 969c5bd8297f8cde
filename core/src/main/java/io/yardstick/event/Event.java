package io.yardstick.event;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One live event, validated: its id (a resend with the same id changes nothing), type and time, and
 * the values it carries, already typed as the store's rows hold them (text, Double seconds,
 * Boolean, BigDecimal money, Integer score). Parse them from JSON with {@link EventJson}.
 *
 * @param subject the contact_id of a contact event, the survey_id of a survey, the agent_id of an
 *     agent state
 * @param values further fields by canonical name (channel, queue, agent_id, talk_s...; kind and
 *     score of a survey; state of an agent), absent ones left out
 * @param queues the queues an agent serves (agent_state only; empty: counted in no queue's agents
 *     available)
 */
public record Event(
    String id,
    EventType type,
    Instant at,
    String subject,
    Map<String, Object> values,
    List<String> queues) {
  public Event {
    values = Map.copyOf(values);
    queues = List.copyOf(queues);
  }
}
