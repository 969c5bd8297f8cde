package io.yardstick.demo;

import java.util.SplittableRandom;

/**
 * The queues of each channel and the group of agents that serves each; the topic a customer picks
 * routes them to one.
 */
enum Queue {
  PHONE_GENERAL(Channel.PHONE, "general", Group.CARE),
  PHONE_BILLING(Channel.PHONE, "billing", Group.CARE),
  PHONE_SALES(Channel.PHONE, "sales", Group.SALES),
  PHONE_TECH(Channel.PHONE, "tech", Group.TECH),
  CHAT_GENERAL(Channel.CHAT, "general", Group.CHAT),
  CHAT_TECH(Channel.CHAT, "tech", Group.CHAT),
  EMAIL_SUPPORT(Channel.EMAIL, "support", null),
  SOCIAL_BLOG(Channel.SOCIAL, "blog", null),
  SOCIAL_TWITTER(Channel.SOCIAL, "twitter", null),
  MESSAGING_WHATSAPP(Channel.MESSAGING, "whatsapp", null);

  static final String[] TEAMS = {"care", "sales", "tech", "digital"};

  /** The team of the desk that answers e-mail, social and messaging. */
  static final String DESK_TEAM = "digital";

  final Channel channel;
  final String id;

  /** The agents who serve this live queue; null for e-mail, social and messaging (the desk). */
  final Group group;

  final String team;

  Queue(Channel channel, String id, Group group) {
    this.channel = channel;
    this.id = id;
    this.group = group;
    this.team = group == null ? DESK_TEAM : group.team;
  }

  /**
   * The queue an IVR or a routing rule sends a contact about {@code topic} on {@code channel} to.
   */
  static Queue route(Channel channel, Topic topic, SplittableRandom r) {
    return switch (channel) {
      case PHONE ->
          switch (topic) {
            case BILLING -> PHONE_BILLING;
            case PLAN_CHANGE, PRODUCT_INFO -> PHONE_SALES;
            case LOGIN, BUFFERING -> PHONE_TECH;
            default -> PHONE_GENERAL;
          };
      case CHAT -> topic == Topic.LOGIN || topic == Topic.BUFFERING ? CHAT_TECH : CHAT_GENERAL;
      case EMAIL -> EMAIL_SUPPORT;
      case SOCIAL -> r.nextDouble() < 0.3 ? SOCIAL_BLOG : SOCIAL_TWITTER;
      case MESSAGING -> MESSAGING_WHATSAPP;
    };
  }
}
