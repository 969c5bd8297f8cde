package io.yardstick.demo;

/**
 * Why customers get in touch: a base weight in the mix, the mean talk time of a phone call about
 * it, how often an agent resolves it in one contact, and how much more or less often each channel
 * sees it.
 */
enum Topic {
  LOGIN("login", 11, 240, 0.90, 1.0, 1.4, 0.8, 0.7, 1.2),
  BILLING("billing", 15, 330, 0.86, 1.1, 0.8, 1.3, 0.5, 0.9),
  BUFFERING("buffering", 8, 420, 0.74, 0.9, 1.2, 0.8, 1.8, 1.0),
  RETURNS("returns", 10, 270, 0.85, 0.9, 1.0, 1.4, 0.8, 1.1),
  DELIVERY("delivery", 14, 210, 0.80, 0.9, 1.1, 1.1, 1.6, 1.4),
  ACCOUNT("account", 9, 300, 0.88, 1.1, 0.9, 1.0, 0.6, 0.8),
  PLAN_CHANGE("plan_change", 8, 390, 0.90, 1.2, 0.9, 0.7, 0.4, 0.8),
  CANCELLATION("cancellation", 6, 450, 0.82, 1.2, 0.8, 1.0, 0.7, 0.8),
  PRODUCT_INFO("product_info", 12, 360, 0.93, 1.0, 1.2, 0.9, 1.0, 1.0),
  /** Near zero, except for a few weeks of product recall. */
  RECALL("recall", 0.15, 360, 0.66, 1.1, 1.0, 0.9, 1.5, 1.0);

  final String id;
  final double weight;
  final double talkSeconds;
  final double resolveRate;
  private final double[] channelFactor;

  Topic(String id, double weight, double talkSeconds, double resolveRate, double... channelFactor) {
    this.id = id;
    this.weight = weight;
    this.talkSeconds = talkSeconds;
    this.resolveRate = resolveRate;
    this.channelFactor = channelFactor;
  }

  double channelFactor(Channel c) {
    return channelFactor[c.ordinal()];
  }
}
