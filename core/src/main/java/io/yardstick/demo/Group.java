package io.yardstick.demo;

/**
 * The groups of agents who serve the live queues, each from one team: care answers general and
 * billing calls, sales and tech their own lines, and the digital team all chats.
 */
enum Group {
  CARE(Channel.PHONE, "care"),
  SALES(Channel.PHONE, "sales"),
  TECH(Channel.PHONE, "tech"),
  CHAT(Channel.CHAT, "digital");

  final Channel channel;
  final String team;

  Group(Channel channel, String team) {
    this.channel = channel;
    this.team = team;
  }
}
