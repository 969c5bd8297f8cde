package io.yardstick.demo;

/**
 * The channels of the simulated contact center: their share of contacts, whether agents serve them
 * live from a queue (phone, chat) or answer later (email, social, messaging), and when in the local
 * day contacts arrive.
 */
enum Channel {
  PHONE(
      "phone",
      0.45,
      true,
      1,
      1.0,
      240,
      new double[] {
        0.05, 0.03, 0.02, 0.02, 0.02, 0.05, 0.20, 1.0, 3.2, 5.8, 7.8, 8.2,
        6.8, 5.0, 5.0, 6.2, 7.4, 7.2, 5.6, 3.6, 1.6, 0.6, 0.25, 0.10
      }),
  CHAT(
      "chat",
      0.25,
      true,
      2,
      1.6,
      420,
      new double[] {
        0.15, 0.08, 0.05, 0.04, 0.04, 0.08, 0.25, 1.0, 2.8, 5.0, 6.8, 7.2,
        6.2, 5.2, 5.4, 6.2, 7.0, 7.0, 6.0, 4.6, 2.8, 1.4, 0.60, 0.30
      }),
  EMAIL(
      "email",
      0.20,
      false,
      1,
      1.1,
      0,
      new double[] {
        1.0, 0.7, 0.5, 0.4, 0.4, 0.6, 1.2, 2.5, 4.0, 5.0, 5.2, 5.0,
        4.5, 4.6, 4.8, 4.6, 4.3, 4.0, 3.6, 3.2, 2.8, 2.4, 1.8, 1.3
      }),
  SOCIAL(
      "social",
      0.05,
      false,
      1,
      0.55,
      0,
      new double[] {
        1.6, 1.1, 0.7, 0.5, 0.4, 0.5, 0.9, 1.8, 3.0, 3.8, 4.2, 4.4,
        4.4, 4.5, 4.4, 4.2, 4.2, 4.4, 4.6, 4.8, 4.8, 4.4, 3.6, 2.5
      }),
  MESSAGING(
      "messaging",
      0.05,
      false,
      1,
      0.8,
      0,
      new double[] {
        0.8, 0.5, 0.3, 0.2, 0.2, 0.4, 1.0, 2.4, 3.8, 4.6, 5.0, 5.1,
        5.0, 4.8, 4.8, 4.8, 4.8, 4.8, 4.6, 4.2, 3.6, 2.8, 2.0, 1.3
      });

  private static final double[] SHARE_CUMULATIVE;

  static {
    double[] shares = new double[values().length];
    for (Channel c : values()) {
      shares[c.ordinal()] = c.share;
    }
    SHARE_CUMULATIVE = Rng.cumulative(shares);
  }

  final String id;
  final double share;

  /** Served live from a queue by agents on shifts; otherwise answered asynchronously. */
  final boolean live;

  /** Contacts one agent handles at once. */
  final int slots;

  /** Handling time relative to a phone call on the same topic. */
  final double talkFactor;

  /** Mean seconds a customer waits in the queue before giving up (live channels). */
  final double patience;

  /** Arrival weight of each local hour 0..23. */
  final double[] hourly;

  final double[] hourlyCumulative;

  Channel(
      String id,
      double share,
      boolean live,
      int slots,
      double talkFactor,
      double patience,
      double[] hourly) {
    this.id = id;
    this.share = share;
    this.live = live;
    this.slots = slots;
    this.talkFactor = talkFactor;
    this.patience = patience;
    double sum = 0;
    for (double w : hourly) {
      sum += w;
    }
    this.hourly = new double[hourly.length];
    for (int h = 0; h < hourly.length; h++) {
      this.hourly[h] = hourly[h] / sum;
    }
    this.hourlyCumulative = Rng.cumulative(this.hourly);
  }

  static double[] shareCumulative() {
    return SHARE_CUMULATIVE;
  }
}
