package io.yardstick.demo;

import java.util.Comparator;

/** A contact about to happen: a new one, a customer trying again, or an agent calling back. */
final class Arrival {
  static final Comparator<Arrival> ORDER =
      Comparator.<Arrival>comparingLong(a -> a.time).thenComparingLong(a -> a.seq);

  /** Creation order, to break ties deterministically. */
  final long seq;

  final long time;
  final Topic topic;
  final Queue queue;
  final int customer;

  /** 0 until the first contact of the case is emitted. */
  long caseNo;

  /** 0 for the first contact of a case, 1 for the second... */
  final int repeat;

  final boolean outbound;

  Arrival(
      long seq,
      long time,
      Topic topic,
      Queue queue,
      int customer,
      long caseNo,
      int repeat,
      boolean outbound) {
    this.seq = seq;
    this.time = time;
    this.topic = topic;
    this.queue = queue;
    this.customer = customer;
    this.caseNo = caseNo;
    this.repeat = repeat;
    this.outbound = outbound;
  }
}
