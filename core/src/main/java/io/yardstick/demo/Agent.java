package io.yardstick.demo;

/**
 * One agent: a team, the group they serve in (null for the e-mail and social desk), a skill and a
 * mood.
 */
final class Agent {
  final String id;
  final String team;
  final Group group;

  /** Contacts the agent handles at once. */
  final int slots;

  /** Standard normal: better agents talk shorter, resolve more, please more. */
  final double skill;

  /** Standard normal: how the agent tends to feel about the job. */
  final double morale;

  /** Multiplies handling times. */
  final double speed;

  // this month, for the employee survey and the costs
  int monthShifts;
  long monthScheduled;
  long monthBusy;
  boolean everWorked;

  Agent(int number, String team, Group group, double skill, double morale) {
    this.id = Emitter.id("agent-", number, 3);
    this.team = team;
    this.group = group;
    this.slots = group == null ? 1 : group.channel.slots;
    this.skill = skill;
    this.morale = morale;
    this.speed = Math.exp(-0.12 * skill);
  }
}
