package io.yardstick.user;

/**
 * A person or machine that uses Yardstick.
 *
 * @param agentId for role agent, the agent_id of the contacts that are theirs (else null)
 */
public record User(String name, Role role, String agentId, boolean mustChangePassword) {
  /** Whether the user may see every agent's data (admins and managers). */
  public boolean seesEveryone() {
    return role != Role.AGENT;
  }
}
