package io.yardstick.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The agents and their shifts. Each day, each group of live queues is staffed from a forecast of
 * its hourly load (Erlang C, aiming at 70% answered within 20 s but only 55% in the busiest hours,
 * so that queues build up and some callers give up); the e-mail and social desk gets enough agents
 * for its day's work. Breaks are spread so that a group is never all on break at once. Agents
 * rotate through the shifts so that each works some days a week.
 */
final class Roster {
  /** Live queues open from 07:00 to 22:00 local time. */
  static final int OPENS = 7;

  static final int CLOSES = 22;

  private static final double HOLD_SHARE = 0.2;
  private static final double HOLD_MEAN = 75;
  private static final double DESK_OCCUPANCY = 0.7;
  private static final int QUARTER = 900;

  private final Calendar cal;
  private final long seed;

  /** Agents by group ordinal, then the desk's at the end. */
  private final Agent[][] agents = new Agent[Group.values().length + 1][];

  private final int[] rotation = new int[Group.values().length + 1];
  final List<Agent> all = new ArrayList<>();

  Roster(Calendar cal, long seed) {
    this.cal = cal;
    this.seed = seed;
    SplittableRandom r = Rng.of(seed, 5, 0);
    for (int g = 0; g <= Group.values().length; g++) {
      Group group = g < Group.values().length ? Group.values()[g] : null;
      int most = 1;
      for (int d = 0; d < cal.days; d++) {
        most = Math.max(most, (group == null ? deskShifts(d) : shifts(group, d)).length / 2);
      }
      agents[g] = new Agent[(int) Math.ceil(most * 1.35)];
      for (int i = 0; i < agents[g].length; i++) {
        double skill = Math.max(-2.5, Math.min(2.5, r.nextGaussian()));
        Agent a =
            new Agent(
                all.size() + 1,
                group == null ? Queue.DESK_TEAM : group.team,
                group,
                skill,
                r.nextGaussian());
        agents[g][i] = a;
        all.add(a);
      }
    }
  }

  /** The shifts of a group on day d, as local hour pairs [start, end). */
  int[] shifts(Group g, int d) {
    double[] mix =
        cal.topicWeights(d - 7, g.channel); // the forecast knows last week's topics, not today's
    double all = 0;
    double share = 0;
    double work = 0;
    for (Topic t : Topic.values()) {
      double w = mix[t.ordinal()];
      all += w;
      if (Queue.route(g.channel, t, null).group == g) {
        share += w;
        work += w * t.talkSeconds * g.channel.talkFactor;
      }
    }
    double aht = share == 0 ? 0 : work / share;
    aht += g.channel == Channel.PHONE ? HOLD_SHARE * HOLD_MEAN + 45 : 30;
    double volume =
        cal.planned(d)
            * 1.1
            * g.channel.share
            * share
            / all
            * Math.exp(0.06 * Rng.of(seed, 4, d * 16L + g.ordinal()).nextGaussian());
    double peak = 0;
    for (int h = OPENS; h < CLOSES; h++) {
      peak = Math.max(peak, g.channel.hourly[h]);
    }
    // someone is always there in the core hours, 08-20, or 09-17 when the group has little to do
    int coreFrom = volume >= 40 ? 8 : 9;
    int coreTo = volume >= 40 ? 20 : 17;
    int[] need = new int[24];
    for (int h = OPENS; h < CLOSES; h++) {
      double erlangs = volume * g.channel.hourly[h] * aht / 3600;
      double target = g.channel.hourly[h] >= 0.8 * peak ? 0.55 : 0.70;
      int servers = erlangs < 0.03 ? 0 : servers(erlangs, aht, target);
      need[h] = (servers + g.channel.slots - 1) / g.channel.slots;
      if (volume > 0 && h >= coreFrom && h < coreTo) {
        need[h] = Math.max(1, need[h]);
      }
    }
    return cover(need);
  }

  /** The fewest servers (Erlang C) that answer the share {@code target} of contacts within 20 s. */
  static int servers(double erlangs, double aht, double target) {
    double erlangB = 1;
    for (int n = 1; ; n++) {
      erlangB = erlangs * erlangB / (n + erlangs * erlangB);
      if (n > erlangs) {
        double erlangC = n * erlangB / (n - erlangs * (1 - erlangB));
        double serviceLevel = 1 - erlangC * Math.exp(-(n - erlangs) * 20 / aht);
        if (serviceLevel >= target) {
          return n;
        }
      }
    }
  }

  /** Shifts of 4 to 8 hours covering the need of each hour, greedily from the morning. */
  private static int[] cover(int[] need) {
    int[] covered = new int[24];
    List<int[]> shifts = new ArrayList<>();
    for (int h = OPENS; h < CLOSES; h++) {
      while (covered[h] < need[h]) {
        int run = 0;
        while (h + run < CLOSES && need[h + run] > covered[h + run]) {
          run++;
        }
        int length = Math.max(4, Math.min(8, run));
        int start = Math.min(h, CLOSES - length);
        for (int k = start; k < start + length; k++) {
          covered[k]++;
        }
        shifts.add(new int[] {start, start + length});
      }
    }
    shifts.sort((a, b) -> a[0] != b[0] ? Integer.compare(a[0], b[0]) : Integer.compare(a[1], b[1]));
    int[] flat = new int[shifts.size() * 2];
    for (int i = 0; i < shifts.size(); i++) {
      flat[2 * i] = shifts.get(i)[0];
      flat[2 * i + 1] = shifts.get(i)[1];
    }
    return flat;
  }

  /**
   * The e-mail and social desk's shifts on day d: 08-16 and 12-20 on working days, 10-18 otherwise.
   */
  int[] deskShifts(int d) {
    DayPlan p = cal.day(d);
    double work = 0;
    double volume = 0;
    for (Channel c : Channel.values()) {
      if (!c.live) {
        volume += cal.planned(d) * c.share;
        double[] mix = cal.topicWeights(d, c);
        double all = 0;
        double talk = 0;
        for (Topic t : Topic.values()) {
          all += mix[t.ordinal()];
          talk += mix[t.ordinal()] * t.talkSeconds * c.talkFactor;
        }
        work += cal.planned(d) * c.share * talk / all;
      }
    }
    int n = Math.max(volume >= 30 ? 2 : 1, (int) Math.ceil(work / (DESK_OCCUPANCY * 7.5 * 3600)));
    int[] flat = new int[2 * n];
    for (int i = 0; i < n; i++) {
      int start = p.weekend || p.holiday ? 10 : (i % 2 == 0 ? 8 : 12);
      flat[2 * i] = start;
      flat[2 * i + 1] = start + 8;
    }
    return flat;
  }

  /**
   * Puts agents of the group (null: the desk) on today's shifts, in rotation, each with a break
   * near the middle of the shift in the quarter hour where the fewest colleagues are on break.
   */
  List<AgentShift> staff(Group g, int[] hours, DayPlan p, SplittableRandom r, Emitter out) {
    int slot = g == null ? agents.length - 1 : g.ordinal();
    Agent[] pool = agents[slot];
    int[] onBreak = new int[(int) ((p.end - p.start) / QUARTER) + 1];
    List<AgentShift> shifts = new ArrayList<>(hours.length / 2);
    int n = Math.min(hours.length / 2, pool.length);
    for (int i = 0; i < n; i++) {
      Agent a = pool[(rotation[slot] + i) % pool.length];
      long start = p.hour[hours[2 * i]];
      long end = p.hour[hours[2 * i + 1]];
      long length = end - start;
      long breakLength = length >= 6 * 3600 ? 1800 : 900;
      int middle = (int) ((start + length / 2 - p.start) / QUARTER);
      int reach = (int) (length / 4 / QUARTER);
      int best = middle;
      for (int k = 1; k <= reach; k++) {
        for (int q : new int[] {middle - k, middle + k}) {
          if (q >= 0 && q < onBreak.length && onBreak[q] < onBreak[best]) {
            best = q;
          }
        }
      }
      for (int q = best; q < Math.min(onBreak.length, best + breakLength / QUARTER); q++) {
        onBreak[q]++;
      }
      long breakAt = p.start + (long) best * QUARTER + r.nextInt(QUARTER / 3);
      shifts.add(new AgentShift(a, i, start, end, breakAt, breakLength, out));
      a.monthShifts++;
      a.monthScheduled += length;
      a.everWorked = true;
    }
    rotation[slot] = (rotation[slot] + n) % pool.length;
    return shifts;
  }
}
