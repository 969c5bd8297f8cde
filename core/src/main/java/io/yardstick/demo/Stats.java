package io.yardstick.demo;

import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Counters kept while records are emitted, and the highlight lines made from them. */
final class Stats {
  private static final int CHANNELS = Channel.values().length;

  private final DemoSettings settings;
  private final Calendar cal;
  final long[] dayContacts;
  final int[][] dayTopics;

  final long[] inbound = new long[CHANNELS];
  final long[] answered = new long[CHANNELS];
  final long[] abandoned = new long[CHANNELS];
  final long[] quickAbandons = new long[CHANNELS];
  final long[] within20 = new long[CHANNELS];
  final long[] waitSeconds = new long[CHANNELS];
  final long[] outbound = new long[CHANNELS];
  final long[] responded = new long[CHANNELS];
  final long[] within4h = new long[CHANNELS];
  final long[] responseSeconds = new long[CHANNELS];

  long cases;
  long repeatCases;
  long repeatCaseContacts;
  long handled;
  long resolved;
  long csat;
  long csatSum;
  long ces;
  long cesSum;
  long nps;
  long promoters;
  long detractors;
  long esat;
  long esatSum;
  long agentDays;
  int agents;
  int teams;
  long salesHandled;
  long conversions;
  long revenueCents;
  long customers;
  long churned;
  long costCents;
  long staffCostCents;

  Stats(DemoSettings settings, Calendar cal) {
    this.settings = settings;
    this.cal = cal;
    this.dayContacts = new long[settings.days()];
    this.dayTopics = new int[settings.days()][Topic.values().length];
  }

  void contact(int day, Topic topic) {
    dayContacts[day]++;
    dayTopics[day][topic.ordinal()]++;
  }

  List<String> highlights() {
    List<String> lines = new ArrayList<>();
    long total = 0;
    int busiest = 0;
    for (int d = 0; d < dayContacts.length; d++) {
      total += dayContacts[d];
      if (dayContacts[d] > dayContacts[busiest]) {
        busiest = d;
      }
    }
    LocalDate busy = cal.first.plusDays(busiest);
    lines.add(
        String.format(
            Locale.ROOT,
            "%s contacts over %d days %s..%s (%s), busiest day %s %s with %s",
            count(total),
            settings.days(),
            cal.first,
            cal.last,
            settings.zone(),
            busy.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.ROOT),
            busy,
            count(dayContacts[busiest])));

    int p = Channel.PHONE.ordinal();
    lines.add(
        String.format(
            Locale.ROOT,
            "phone: %s calls, %s answered, %s within 20 s, mean wait %s, %s abandoned (%s under 5 s); %s outbound callbacks",
            count(inbound[p]),
            percent(answered[p], inbound[p]),
            percent(within20[p], inbound[p]),
            duration(answered[p] == 0 ? 0 : waitSeconds[p] / answered[p]),
            count(abandoned[p]),
            count(quickAbandons[p]),
            count(outbound[p])));
    int c = Channel.CHAT.ordinal();
    long async = 0;
    long asyncWithin = 0;
    long asyncSeconds = 0;
    for (Channel ch : Channel.values()) {
      if (!ch.live) {
        async += responded[ch.ordinal()];
        asyncWithin += within4h[ch.ordinal()];
        asyncSeconds += responseSeconds[ch.ordinal()];
      }
    }
    lines.add(
        String.format(
            Locale.ROOT,
            "chat: %s chats, %s answered, %s within 20 s; email/social/messaging: %s, %s first reply within 4 h, mean %s",
            count(inbound[c]),
            percent(answered[c], inbound[c]),
            percent(within20[c], inbound[c]),
            count(async),
            percent(asyncWithin, async),
            duration(async == 0 ? 0 : asyncSeconds / async)));

    lines.add(topicLine());

    lines.add(
        String.format(
            Locale.ROOT,
            "%s cases, %s closed in one contact; %s of handled contacts resolved; %s of contacts are in repeat cases",
            count(cases),
            percent(cases - repeatCases, cases),
            percent(resolved, handled),
            percent(repeatCaseContacts, total)));

    lines.add(
        String.format(
            Locale.ROOT,
            "surveys: %s CSAT (mean %.2f), %s CES (mean %.2f), %s NPS (%+d), %s ESAT (mean %.2f)",
            count(csat),
            mean(csatSum, csat),
            count(ces),
            mean(cesSum, ces),
            count(nps),
            nps == 0 ? 0 : Math.round(100.0 * (promoters - detractors) / nps),
            count(esat),
            mean(esatSum, esat)));

    lines.add(
        String.format(
            Locale.ROOT,
            "%s agent-days, %s agents in %d teams; costs %s EUR (staff %s)",
            count(agentDays),
            count(agents),
            teams,
            money(costCents),
            percent(staffCostCents, costCents)));

    lines.add(
        String.format(
            Locale.ROOT,
            "%s customers, %s churned; sales conversion %s, revenue %s EUR",
            count(customers),
            percent(churned, customers),
            percent(conversions, salesHandled),
            money(revenueCents)));
    return lines;
  }

  /** A case got a repeat contact: its first ({@code first}) or a further one. */
  void repeatCase(boolean first) {
    repeatCaseContacts += first ? 2 : 1;
    if (first) {
      repeatCases++;
    }
  }

  private String topicLine() {
    int days = dayContacts.length;
    int recall = Topic.RECALL.ordinal();
    int peak = 0;
    double peakShare = 0;
    for (int d = 0; d < days; d++) {
      double share = share(d, recall);
      if (share > peakShare) {
        peakShare = share;
        peak = d;
      }
    }
    StringBuilder b = new StringBuilder();
    if (peakShare > 0.02) {
      double threshold = Math.max(0.01, peakShare / 5);
      int from = peak;
      int to = peak;
      while (from > 0 && share(from - 1, recall) >= threshold) {
        from--;
      }
      while (to < days - 1 && share(to + 1, recall) >= threshold) {
        to++;
      }
      b.append(
          String.format(
              Locale.ROOT,
              "topic 'recall' spikes %s..%s (peak %.1f%% of contacts on %s)",
              cal.first.plusDays(from),
              cal.first.plusDays(to),
              100 * peakShare,
              cal.first.plusDays(peak)));
    } else {
      b.append("topic 'recall' stays quiet");
    }
    int window = Math.max(1, Math.min(30, days / 4));
    int buffering = Topic.BUFFERING.ordinal();
    b.append(
        String.format(
            Locale.ROOT,
            "; 'buffering' grows from %.1f%% to %.1f%% of contacts",
            100 * share(0, window, buffering),
            100 * share(days - window, days, buffering)));
    return b.toString();
  }

  private double share(int d, int topic) {
    return dayContacts[d] == 0 ? 0 : (double) dayTopics[d][topic] / dayContacts[d];
  }

  private double share(int from, int to, int topic) {
    long all = 0;
    long mine = 0;
    for (int d = from; d < to; d++) {
      all += dayContacts[d];
      mine += dayTopics[d][topic];
    }
    return all == 0 ? 0 : (double) mine / all;
  }

  static String count(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }

  static String percent(long part, long whole) {
    return whole == 0 ? "n/a" : String.format(Locale.ROOT, "%.1f%%", 100.0 * part / whole);
  }

  private static double mean(long sum, long n) {
    return n == 0 ? 0 : (double) sum / n;
  }

  static String money(long cents) {
    return String.format(Locale.ROOT, "%,d.%02d", cents / 100, cents % 100);
  }

  static String duration(long seconds) {
    if (seconds < 60) return seconds + " s";
    if (seconds < 3600) {
      return String.format(Locale.ROOT, "%d min %02d s", seconds / 60, seconds % 60);
    }
    return String.format(Locale.ROOT, "%d h %02d min", seconds / 3600, seconds % 3600 / 60);
  }
}
