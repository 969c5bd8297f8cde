package io.yardstick.user;

import java.util.List;

/**
 * A person or machine that uses Yardstick.
 *
 * @param agentId for role agent, the agent_id of the contacts that are theirs (else null)
 * @param teams for role lead, the teams whose contacts they see (else empty)
 */
public record User(
    String name, Role role, String agentId, boolean mustChangePassword, List<String> teams) {
  public User {
    teams = teams == null ? List.of() : List.copyOf(teams);
  }

  public User(String name, Role role, String agentId, boolean mustChangePassword) {
    this(name, role, agentId, mustChangePassword, List.of());
  }

  /**
   * Whether the user may see other agents' data (admins, managers, and leads within their teams).
   */
  public boolean seesEveryone() {
    return role != Role.AGENT;
  }

  /** Whether the user sees only the contacts of {@link #teams()} (a lead). */
  public boolean teamScoped() {
    return role == Role.LEAD;
  }
}
