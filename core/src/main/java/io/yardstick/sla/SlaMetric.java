package io.yardstick.sla;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The targets an SLA policy can set (docs/sla.md), as Zendesk and Freshdesk define them:
 *
 * <ul>
 *   <li>{@link #FIRST_REPLY}: from the ticket's creation to the first public agent reply; never
 *       paused.
 *   <li>{@link #NEXT_REPLY}: from the oldest customer reply that no agent reply has answered yet
 *       (after the first agent reply) to the next agent reply or a solve; never paused.
 *   <li>{@link #PERIODIC_UPDATE}: from one agent reply to the next (or to the solve), paused in the
 *       policy's pause statuses (Zendesk's "pausable update").
 *   <li>{@link #RESOLUTION}: from creation to the last solve, paused in the policy's pause statuses
 *       and while solved or closed, so that a reopened ticket resumes its clock.
 * </ul>
 */
public enum SlaMetric {
  FIRST_REPLY,
  NEXT_REPLY,
  PERIODIC_UPDATE,
  RESOLUTION;

  /** The snake_case id used in the settings file and results: first_reply, next_reply... */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<SlaMetric> byId(String id) {
    return Arrays.stream(values())
        .filter(m -> m.id().equals(id.strip().toLowerCase(Locale.ROOT)))
        .findFirst();
  }

  /**
   * Whether the policy's pause statuses stop this target's clock (reply targets always run, as in
   * Zendesk).
   */
  public boolean pausable() {
    return this == PERIODIC_UPDATE || this == RESOLUTION;
  }
}
