package io.yardstick.demo;

import io.yardstick.model.Contact;
import io.yardstick.model.Cost;
import io.yardstick.model.Direction;
import io.yardstick.model.State;
import io.yardstick.model.Survey;
import io.yardstick.model.SurveyKind;
import io.yardstick.store.Loader;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import java.util.function.LongConsumer;

/**
 * Runs the simulated contact center day by day. Each day: the follow-ups due, then that day's new
 * contacts (so that the period ends with exactly the requested total), staffing, and one pass over
 * the day's arrivals in time order: live queues by first-come-first-served over the agents' free
 * times with impatient customers, e-mail and social by the desk's opening hours. Every contact is
 * emitted when it is decided; only the day's arrivals and the pending follow-ups are held in
 * memory.
 */
final class Engine {
  private static final double[] FOLLOW_UP_DAYS =
      Rng.cumulative(new double[] {0.22, 0.35, 0.18, 0.12, 0.08, 0.05});
  private static final int MAX_REPEATS = 3;
  private static final double STAFF_RATE = 21.40;
  private static final double TELEPHONY_PER_MINUTE = 0.02;
  private static final double TELEPHONY_MONTHLY = 900;
  private static final double SOFTWARE_PER_AGENT_DAY = 6.50;
  private static final double SOFTWARE_MONTHLY = 2500;

  private final DemoSettings settings;
  private final long seed;
  private final long total;
  private final Calendar cal;
  private final Roster roster;
  private final Customers customers;
  private final Emitter out;
  private final Stats stats;
  private final Pool[] pools = new Pool[Group.values().length];
  private final PriorityQueue<Arrival> later = new PriorityQueue<>(Arrival.ORDER);
  private final PriorityQueue<Arrival> sameDay = new PriorityQueue<>(Arrival.ORDER);
  private final long periodEnd;

  private long committed;
  private long caseSeq;
  private long arrivalSeq;
  private int day;
  private DayPlan today;
  private SplittableRandom r;
  private List<AgentShift> desk = List.of();

  private LocalDate monthStart;
  private long monthStaffSeconds;
  private long monthPhoneSeconds;
  private long monthAgentDays;

  Engine(DemoSettings settings, Loader loader, LongConsumer progress) {
    this.settings = settings;
    this.seed = settings.seed();
    this.total = settings.contacts();
    this.cal = new Calendar(settings);
    this.roster = new Roster(cal, seed);
    this.customers = new Customers(settings, cal);
    long stop = settings.stopAt() == null ? Long.MAX_VALUE : settings.stopAt().getEpochSecond();
    java.util.Map<String, List<String>> queues = new java.util.HashMap<>();
    for (Agent a : roster.all) {
      queues.put(a.id, queuesOf(a));
    }
    this.out = new Emitter(loader, progress, stop, queues::get);
    this.stats = new Stats(settings, cal);
    this.periodEnd = Math.min(cal.day(cal.days - 1).end, stop);
    for (Group g : Group.values()) {
      pools[g.ordinal()] = new Pool(g);
    }
  }

  DemoSummary run() {
    for (int d = 0; d < cal.days; d++) {
      runDay(d);
    }
    customers.emit(out, stats);
    stats.cases = caseSeq;
    boolean[] team = new boolean[Queue.TEAMS.length];
    for (Agent a : roster.all) {
      if (a.everWorked) {
        stats.agents++;
        for (int t = 0; t < team.length; t++) {
          team[t] |= Queue.TEAMS[t].equals(a.team);
        }
      }
    }
    for (boolean t : team) {
      stats.teams += t ? 1 : 0;
    }
    out.finish();
    List<String> highlights = new ArrayList<>(stats.highlights());
    if (settings.stopAt() != null) {
      highlights.add(
          String.format(
              java.util.Locale.ROOT,
              "now (%s): %,d contacts waiting, %,d agents on shift, for the" + " wallboard",
              settings.stopAt().atZone(settings.zone()).toLocalTime().withNano(0),
              out.waiting(),
              out.agentsOnShift()));
    }
    return new DemoSummary(settings, out.rows(), highlights);
  }

  private void runDay(int d) {
    day = d;
    today = cal.day(d);
    r = Rng.of(seed, 1, d);
    if (d == 0 || today.date.getDayOfMonth() == 1) {
      monthStart = today.date;
    }

    List<Arrival> arrivals = new ArrayList<>();
    while (!later.isEmpty() && later.peek().time < today.end) {
      arrivals.add(later.poll());
    }
    long fresh =
        Math.max(
            0,
            Math.min(
                cal.cumulativeTarget(d) - out.contacts() - arrivals.size(), total - committed));
    committed += fresh;
    double[][] topicMix = new double[Channel.values().length][];
    for (Channel c : Channel.values()) {
      topicMix[c.ordinal()] = Rng.cumulative(cal.topicWeights(d, c));
    }
    Channel[] channels = Channel.values();
    Topic[] topics = Topic.values();
    for (long i = 0; i < fresh; i++) {
      Channel c = channels[Rng.pick(r, Channel.shareCumulative())];
      long t = today.at(Rng.pick(r, c.hourlyCumulative), r);
      Topic topic = topics[Rng.pick(r, topicMix[c.ordinal()])];
      Queue q = Queue.route(c, topic, r);
      arrivals.add(new Arrival(arrivalSeq++, t, topic, q, customers.pick(d, r), 0, 0, false));
    }
    arrivals.sort(Arrival.ORDER);
    arrivals.removeIf(x -> x.time >= periodEnd); // a demo stopped at "now" has nothing after it

    for (Group g : Group.values()) {
      List<AgentShift> shifts = roster.staff(g, roster.shifts(g, d), today, r, out);
      pools[g.ordinal()].open(shifts);
      countShifts(shifts);
    }
    desk = roster.staff(null, roster.deskShifts(d), today, r, out);
    countShifts(desk);

    int i = 0;
    while (i < arrivals.size() || !sameDay.isEmpty()) {
      Arrival a;
      if (sameDay.isEmpty()
          || (i < arrivals.size() && Arrival.ORDER.compare(arrivals.get(i), sameDay.peek()) <= 0)) {
        a = arrivals.get(i++);
      } else {
        a = sameDay.poll();
      }
      if (a.queue.channel.live) {
        live(a);
      } else {
        async(a);
      }
    }
    for (Pool pool : pools) {
      pool.close();
    }
    deskStates();
    if (d == cal.days - 1 || today.date.plusDays(1).getDayOfMonth() == 1) {
      closeMonth();
    }
  }

  private void countShifts(List<AgentShift> shifts) {
    for (AgentShift s : shifts) {
      stats.agentDays++;
      monthAgentDays++;
      monthStaffSeconds += s.shiftEnd - s.shiftStart;
    }
  }

  // ---- live queues: phone and chat

  private void live(Arrival a) {
    Pool pool = pools[a.queue.group.ordinal()];
    Pool.Slot slot = pool.next(a.time);
    if (a.outbound) {
      long start = slot == null ? a.time : Math.max(a.time, slot.free);
      serve(a, pool, slot, start, start);
      return;
    }
    // a few hang up at once; the others hold on a while, then give up more and more
    double patience =
        Rng.chance(r, 0.05) ? Rng.exponential(r, 8) : Rng.weibull(r, a.queue.channel.patience, 1.6);
    long patienceSeconds = Math.max(1, Math.round(patience));
    if (slot == null || Math.max(a.time, slot.free) > a.time + patienceSeconds) {
      abandon(a, a.time + patienceSeconds);
    } else {
      serve(a, pool, slot, a.time, Math.max(a.time, slot.free));
    }
  }

  private void serve(Arrival a, Pool pool, Pool.Slot slot, long arrival, long start) {
    if (out.pending(start)) {
      if (!a.outbound) leftWaiting(a, arrival);
      return;
    }
    Channel ch = a.queue.channel;
    AgentShift shift = slot != null ? slot.shift : pool.anyone();
    Agent agent = shift == null ? null : shift.agent;
    double skill = agent == null ? 0 : agent.skill;
    double speed = agent == null ? 1 : agent.speed;
    long wait = start - arrival;
    long talk =
        Math.max(
            20,
            Math.round(
                Rng.lognormal(
                    r,
                    a.topic.talkSeconds * ch.talkFactor * speed * (a.repeat > 0 ? 1.15 : 1.0),
                    0.55)));
    long hold =
        ch == Channel.PHONE && Rng.chance(r, 0.2)
            ? Math.max(5, Math.round(Rng.lognormal(r, 75, 0.7)))
            : 0;
    long wrap = ch == Channel.PHONE ? 25 + r.nextInt(41) : 15 + r.nextInt(31);
    long talkEnd = start + talk + hold;
    long end = talkEnd + wrap;
    if (slot != null) {
      shift.assign(start, talkEnd, end);
      pool.take(slot, end);
    }
    double resolveRate =
        a.topic.resolveRate
            + 0.04 * skill
            + (a.repeat > 0 ? 0.06 : 0)
            + (a.outbound ? 0.04 : 0)
            - (wait > 240 ? 0.05 : 0);
    boolean resolved = Rng.chance(r, resolveRate);
    Long resolvedAt =
        !resolved
            ? null
            : Rng.chance(r, 0.88) ? talkEnd : talkEnd + Math.round(Rng.lognormal(r, 4 * 3600, 0.8));

    if (out.pending(end)) {
      // still being handled at the demo's stop: answered, its durations and outcome not known yet
      emit(
          a,
          contact(a, arrival)
              .agentId(agent == null ? null : agent.id)
              .answeredAt(Instant.ofEpochSecond(start)));
      if (!a.outbound) {
        int c = ch.ordinal();
        stats.inbound[c]++;
        stats.answered[c]++;
        stats.waitSeconds[c] += wait;
        if (wait <= 20) stats.within20[c]++;
      }
      return;
    }
    // solved later than the demo's stop: not yet in the store (the simulation goes on knowing it
    // will be)
    boolean notYet = resolvedAt != null && out.pending(resolvedAt);
    Contact.Builder b =
        contact(a, arrival)
            .agentId(agent == null ? null : agent.id)
            .answeredAt(Instant.ofEpochSecond(start))
            .resolvedAt(resolvedAt == null || notYet ? null : Instant.ofEpochSecond(resolvedAt))
            .talkSeconds((double) talk)
            .holdSeconds(ch == Channel.PHONE ? (double) hold : null)
            .wrapSeconds((double) wrap)
            .resolved(resolved && !notYet);
    convert(a, b, skill);
    String id = emit(a, b);

    int c = ch.ordinal();
    if (a.outbound) {
      stats.outbound[c]++;
    } else {
      stats.inbound[c]++;
      stats.answered[c]++;
      stats.waitSeconds[c] += wait;
      if (wait <= 20) {
        stats.within20[c]++;
      }
    }
    stats.handled++;
    if (resolved && !notYet) {
      stats.resolved++;
    }
    if (ch == Channel.PHONE) {
      monthPhoneSeconds += talkEnd - arrival;
    }
    if (wait > 180 || !resolved) {
      customers.badExperience(a.customer);
    }
    surveys(a, id, agent, end, Math.min(2.0, wait / 300.0), resolved);
    if (!resolved) {
      followUp(a, talkEnd, false);
    }
  }

  private void abandon(Arrival a, long at) {
    if (out.pending(at)) {
      leftWaiting(a, a.time);
      return;
    }
    Contact.Builder b =
        contact(a, a.time).abandonedAt(Instant.ofEpochSecond(at)).resolved(false).converted(false);
    emit(a, b);
    int c = a.queue.channel.ordinal();
    stats.inbound[c]++;
    stats.abandoned[c]++;
    if (at - a.time < 5) {
      stats.quickAbandons[c]++;
    }
    if (a.queue.channel == Channel.PHONE) {
      monthPhoneSeconds += at - a.time;
    }
    customers.badExperience(a.customer);
    followUp(a, at, true);
  }

  /**
   * A contact the demo's stop finds still waiting: only its arrival is known (a live queue counts
   * it as inbound).
   */
  private String leftWaiting(Arrival a, long arrival) {
    String id = emit(a, contact(a, arrival));
    out.countWaiting();
    if (a.queue.channel.live) {
      stats.inbound[a.queue.channel.ordinal()]++;
    }
    return id;
  }

  /** The queues an agent serves: their group's, or the desk's written channels. */
  private static List<String> queuesOf(Agent agent) {
    List<String> ids = new ArrayList<>();
    for (Queue q : Queue.values()) {
      if (q.group == agent.group && !ids.contains(q.id)) ids.add(q.id);
    }
    return ids;
  }

  private void convert(Arrival a, Contact.Builder b, double skill) {
    if (a.queue != Queue.PHONE_SALES) {
      b.converted(false);
      return;
    }
    stats.salesHandled++;
    double rate =
        switch (a.topic) {
          case PLAN_CHANGE -> 0.24;
          case PRODUCT_INFO -> 0.19;
          default -> 0.08;
        };
    rate += 0.04 * skill + (a.outbound ? 0.05 : 0);
    if (!Rng.chance(r, rate)) {
      b.converted(false);
      return;
    }
    double mean = a.topic == Topic.PLAN_CHANGE ? 95 : a.topic == Topic.PRODUCT_INFO ? 160 : 60;
    long cents = Math.max(500, Math.round(Rng.lognormal(r, mean, 0.6) * 100));
    stats.conversions++;
    stats.revenueCents += cents;
    b.converted(true).revenue(BigDecimal.valueOf(cents, 2));
  }

  // ---- e-mail, social, messaging: answered by the desk during its opening hours

  private void async(Arrival a) {
    Channel ch = a.queue.channel;
    double meanDelay =
        switch (ch) {
          case EMAIL -> 3 * 3600;
          case SOCIAL -> 45 * 60;
          default -> 20 * 60;
        };
    long deskDelay = Math.max(60, Math.round(Rng.lognormal(r, meanDelay, 1.0)));
    if (deskDelay > 16 * 3600) {
      deskDelay = 8 * 3600 + r.nextInt(8 * 3600); // the backlog is worked off within two days
    }
    long first = cal.addDeskTime(a.time, deskDelay, day);
    AgentShift shift = desk.get(r.nextInt(desk.size()));
    Agent agent = shift.agent;
    long handle =
        Math.max(
            30,
            Math.round(
                Rng.lognormal(
                    r,
                    a.topic.talkSeconds * ch.talkFactor * agent.speed * (a.repeat > 0 ? 1.15 : 1.0),
                    0.6)));
    shift.work += handle;
    shift.handled++;
    agent.monthBusy += handle;
    double resolveRate =
        a.topic.resolveRate - 0.03 + 0.04 * agent.skill + (a.repeat > 0 ? 0.06 : 0);
    boolean resolved = Rng.chance(r, resolveRate);
    Long resolvedAt =
        !resolved
            ? null
            : Rng.chance(r, 0.7)
                ? first
                : cal.addDeskTime(first, Math.round(Rng.lognormal(r, 5 * 3600, 0.9)), day);
    boolean notYet = resolvedAt != null && out.pending(resolvedAt); // as in serve()

    // A demo stopped before the reply finds it waiting; the simulation goes on as if not stopped
    // (the same random
    // draws), so that the days before are a whole run's.
    long delay = first - a.time;
    String id;
    if (out.pending(first)) {
      id = leftWaiting(a, a.time);
    } else {
      Contact.Builder b =
          contact(a, a.time)
              .agentId(agent.id)
              .firstResponseAt(Instant.ofEpochSecond(first))
              .resolvedAt(resolvedAt == null || notYet ? null : Instant.ofEpochSecond(resolvedAt))
              .talkSeconds((double) handle)
              .resolved(resolved && !notYet)
              .converted(false);
      id = emit(a, b);
      int c = ch.ordinal();
      stats.responded[c]++;
      stats.responseSeconds[c] += delay;
      if (delay <= 4 * 3600) {
        stats.within4h[c]++;
      }
      stats.handled++;
      if (resolved && !notYet) {
        stats.resolved++;
      }
    }
    if (delay > 24 * 3600 || !resolved) {
      customers.badExperience(a.customer);
    }
    surveys(a, id, agent, first + handle, Math.min(2.0, delay / (8.0 * 3600)), resolved);
    if (!resolved) {
      followUp(a, first, false);
    }
  }

  /**
   * The desk's agent states, coarser than the live queues': each shift is two halves around the
   * break, each half a few spells of busy then available (as many spells as contacts handled, up to
   * 8), busy in proportion to the work.
   */
  private void deskStates() {
    for (AgentShift s : desk) {
      long length = s.shiftEnd - s.shiftStart;
      double occupancy = Math.min(0.92, s.work / (double) Math.max(1, length - s.breakLength));
      long breakStart = s.shiftStart + (length - s.breakLength) / 2;
      int spells = Math.min(8, s.handled);
      deskSpells(s.agent.id, s.shiftStart, breakStart, (spells + 1) / 2, occupancy);
      out.state(s.agent.id, State.BREAK, breakStart, breakStart + s.breakLength);
      deskSpells(s.agent.id, breakStart + s.breakLength, s.shiftEnd, spells / 2, occupancy);
    }
  }

  private void deskSpells(String agentId, long from, long to, int spells, double occupancy) {
    if (spells == 0) {
      out.state(agentId, State.AVAILABLE, from, to);
      return;
    }
    long t = from;
    for (int k = 0; k < spells; k++) {
      long end = k == spells - 1 ? to : from + (to - from) * (k + 1) / spells;
      long room = end - t;
      long busy = Math.min(room, Math.round(room * occupancy * (0.8 + 0.4 * r.nextDouble())));
      out.state(agentId, State.BUSY, t, t + busy);
      out.state(agentId, State.AVAILABLE, t + busy, end);
      t = end;
    }
  }

  // ---- cases: repeat contacts and callbacks

  /**
   * An unresolved contact may bring the customer back (the same case, 0 to 5 days later, sometimes
   * on the phone instead) or an agent calls back. Nothing new is started on the last day, nor
   * beyond the period, nor beyond the requested total, so the total comes out exact.
   */
  private void followUp(Arrival a, long end, boolean abandoned) {
    if (day == cal.days - 1 || a.repeat >= MAX_REPEATS || committed >= total) {
      return;
    }
    if (!Rng.chance(r, abandoned ? 0.55 : 0.5)) {
      return;
    }
    Channel from = a.queue.channel;
    boolean outbound = from == Channel.PHONE && Rng.chance(r, abandoned ? 0.4 : 0.3);
    Channel to = outbound || from == Channel.PHONE || !Rng.chance(r, 0.25) ? from : Channel.PHONE;
    long t;
    if (abandoned || outbound) {
      t = end + 60 + Math.round(Rng.exponential(r, outbound ? 5400 : 2400));
    } else {
      int k = Rng.pick(r, FOLLOW_UP_DAYS);
      if (k == 0) {
        t = end + 1800 + r.nextLong(4 * 3600);
      } else if (day + k < cal.days) {
        t = cal.day(day + k).at(Rng.pick(r, to.hourlyCumulative), r);
      } else {
        return;
      }
    }
    if (to.live && t < periodEnd) {
      DayPlan p = cal.day(cal.indexOf(t, day));
      if (t < p.hour[8]) {
        t = p.hour[8] + r.nextInt(3 * 3600);
      } else if (t >= p.hour[20]) {
        t = cal.day(p.index + 1).hour[9] + r.nextInt(3 * 3600);
      }
    }
    if (t >= periodEnd) {
      return;
    }
    Queue q = to == from ? a.queue : Queue.route(to, a.topic, r);
    Arrival next =
        new Arrival(arrivalSeq++, t, a.topic, q, a.customer, a.caseNo, a.repeat + 1, outbound);
    committed++;
    stats.repeatCase(a.repeat == 0);
    (t < today.end ? sameDay : later).add(next);
  }

  // ---- surveys

  private void surveys(
      Arrival a, String contactId, Agent agent, long end, double waitPenalty, boolean resolved) {
    String agentId = agent == null ? null : agent.id;
    double skill = agent == null ? 0 : agent.skill;
    String customerId = Customers.id(a.customer);
    if (Rng.chance(r, 0.2)) {
      double latent =
          4.4
              + 0.3 * skill
              - 0.6 * waitPenalty
              - (resolved ? 0 : 1.3)
              - (a.repeat > 0 ? 0.3 : 0)
              - (a.topic == Topic.RECALL ? 0.35 : 0)
              + 0.85 * r.nextGaussian();
      int score = Rng.clampRound(latent, 1, 5);
      long at = end + 30 + Math.min(86_000, Math.round(Rng.exponential(r, 3 * 3600)));
      if (survey(SurveyKind.CSAT, score, at, contactId, customerId, agentId)) {
        stats.csat++;
        stats.csatSum += score;
        if (score <= 2) {
          customers.badExperience(a.customer);
        }
      }
    }
    if (Rng.chance(r, 0.1)) {
      double latent =
          2.4
              + (resolved ? 0 : 1.7)
              + 0.7 * Math.min(3, a.repeat)
              + 0.7 * waitPenalty
              - 0.2 * skill
              + 1.0 * r.nextGaussian();
      int score = Rng.clampRound(latent, 1, 7);
      long at = end + 30 + Math.min(86_000, Math.round(Rng.exponential(r, 2 * 3600)));
      if (survey(SurveyKind.CES, score, at, contactId, customerId, agentId)) {
        stats.ces++;
        stats.cesSum += score;
      }
    }
    if (Rng.chance(r, 0.025)) {
      double latent =
          8.7
              - 0.9 * Math.min(3, customers.badExperiences(a.customer))
              + (customers.premium(a.customer) ? 0.5 : 0)
              + 1.9 * r.nextGaussian();
      int score = Rng.clampRound(latent, 0, 10);
      long at = end + 86_400 + r.nextLong(4 * 86_400L);
      if (survey(SurveyKind.NPS, score, at, null, customerId, null)) {
        stats.nps++;
        if (score >= 9) {
          stats.promoters++;
        } else if (score <= 6) {
          stats.detractors++;
        }
      }
    }
  }

  private boolean survey(
      SurveyKind kind, int score, long at, String contactId, String customerId, String agentId) {
    if (at >= periodEnd) {
      return false;
    }
    out.survey(
        new Survey(
            out.nextSurveyId(),
            kind,
            score,
            Instant.ofEpochSecond(at),
            contactId,
            customerId,
            agentId));
    return true;
  }

  // ---- months: costs and the employee survey

  private void closeMonth() {
    double fraction =
        (today.date.getDayOfMonth() - monthStart.getDayOfMonth() + 1.0)
            / today.date.lengthOfMonth();
    double staff = monthStaffSeconds / 3600.0 * STAFF_RATE;
    double telephony =
        monthPhoneSeconds / 60.0 * TELEPHONY_PER_MINUTE + TELEPHONY_MONTHLY * fraction;
    double software = monthAgentDays * SOFTWARE_PER_AGENT_DAY + SOFTWARE_MONTHLY * fraction;
    cost("staff", staff);
    stats.staffCostCents += Math.round(staff * 100);
    cost("telephony", telephony);
    cost("software", software);
    for (Agent a : roster.all) {
      if (a.monthShifts > 0 && Rng.chance(r, 0.75)) {
        double occupancy = a.monthBusy / (double) Math.max(1, a.monthScheduled) / a.slots;
        double latent =
            3.7 + 0.55 * a.morale - 2.5 * Math.max(0, occupancy - 0.7) + 0.6 * r.nextGaussian();
        int score = Rng.clampRound(latent, 1, 5);
        long at = today.hour[9] + r.nextInt(8 * 3600);
        if (survey(SurveyKind.ESAT, score, at, null, null, a.id)) {
          stats.esat++;
          stats.esatSum += score;
        }
      }
      a.monthShifts = 0;
      a.monthBusy = 0;
      a.monthScheduled = 0;
    }
    monthStaffSeconds = 0;
    monthPhoneSeconds = 0;
    monthAgentDays = 0;
  }

  private void cost(String category, double amount) {
    long cents = Math.round(amount * 100);
    stats.costCents += cents;
    out.cost(new Cost(monthStart, today.date, BigDecimal.valueOf(cents, 2), "EUR", category));
  }

  // ---- contacts

  private Contact.Builder contact(Arrival a, long arrival) {
    if (a.caseNo == 0) {
      a.caseNo = ++caseSeq;
    }
    return Contact.builder(out.nextContactId(), a.queue.channel.id, Instant.ofEpochSecond(arrival))
        .caseId(Emitter.id("case-", a.caseNo, 6))
        .direction(a.outbound ? Direction.OUTBOUND : Direction.INBOUND)
        .queue(a.queue.id)
        .topic(a.topic.id)
        .customerId(Customers.id(a.customer))
        .team(a.queue.team);
  }

  private String emit(Arrival a, Contact.Builder b) {
    Contact c = b.build();
    out.contact(c);
    stats.contact(day, a.topic);
    return c.contactId();
  }
}
