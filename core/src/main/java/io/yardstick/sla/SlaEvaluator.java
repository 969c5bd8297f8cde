package io.yardstick.sla;

import io.yardstick.YardstickException;
import io.yardstick.calendar.BusinessCalendar;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Measures a ticket's timeline against the SLA policies (docs/sla.md): which targets it had, when
 * each fell due, and whether each was met, breached or is still open at an instant.
 *
 * <pre>{@code
 * SlaEvaluator sla = new SlaEvaluator(policies, settings.calendars());
 * List<SlaOutcome> outcomes = sla.evaluate(timeline, clock.instant());
 * }</pre>
 */
public final class SlaEvaluator {
  /**
   * Solved and closed tickets stop the resolution clock whatever the policy says: there is nothing
   * left to do.
   */
  private static final Set<String> DONE = Set.of("solved", "closed");

  /**
   * How far ahead a due time is looked for in business hours before it is called never (a calendar
   * barely open).
   */
  private static final int MAX_DAYS = 3_700;

  private final List<SlaPolicy> policies;
  private final Map<String, BusinessCalendar> calendars;

  /**
   * @param calendars business-hours calendars by lowercase name; every policy's calendar must be
   *     among them
   */
  public SlaEvaluator(List<SlaPolicy> policies, Map<String, BusinessCalendar> calendars) {
    this.policies = List.copyOf(policies);
    this.calendars = Map.copyOf(calendars);
    for (SlaPolicy p : policies) {
      if (p.businessHours() != null && !calendars.containsKey(p.businessHours())) {
        throw new YardstickException(
            "SLA policy '"
                + p.name()
                + "' measures in business hours '"
                + p.businessHours()
                + "', but there is no such calendar; add it under business_hours in the settings file");
      }
    }
  }

  public List<SlaPolicy> policies() {
    return policies;
  }

  /**
   * The policies and their calendars written out in one canonical order (the same text in every
   * process): two evaluators with equal fingerprints measure every ticket alike.
   */
  public String fingerprint() {
    StringBuilder sb = new StringBuilder();
    for (SlaPolicy p : policies) {
      sb.append(p.name()).append('|');
      new java.util.TreeMap<>(p.conditions())
          .forEach(
              (k, v) -> sb.append(k).append('=').append(new java.util.TreeSet<>(v)).append(';'));
      sb.append('|');
      new java.util.TreeMap<>(p.targets()).forEach((k, v) -> sb.append(k).append('=').append(v));
      sb.append('|').append(new java.util.TreeSet<>(p.pauseOn())).append('|');
      BusinessCalendar c = p.businessHours() == null ? null : calendars.get(p.businessHours());
      if (c != null) {
        sb.append(c.name()).append(' ').append(c.zone()).append(' ').append(c.weekly());
        sb.append(' ').append(new java.util.TreeSet<>(c.holidays()));
      }
      sb.append('\n');
    }
    return sb.toString();
  }

  /** The first policy whose conditions the facts meet, or null. */
  public SlaPolicy policyFor(SlaPolicy.Facts facts) {
    for (SlaPolicy p : policies) {
      if (p.matches(facts)) return p;
    }
    return null;
  }

  /** Every target of the ticket as of {@code asOf}; events after {@code asOf} are not looked at. */
  public List<SlaOutcome> evaluate(TicketTimeline t, Instant asOf) {
    List<SlaOutcome> out = new ArrayList<>();
    List<TicketTimeline.Event> events =
        t.events().stream().filter(e -> !e.at().isAfter(asOf)).toList();
    Instant created = t.createdAt();
    if (created.isAfter(asOf)) return out;

    // First reply: creation to the first agent reply.
    Instant firstAgent =
        events.stream()
            .filter(TicketTimeline.Event::agentReply)
            .map(TicketTimeline.Event::at)
            .findFirst()
            .orElse(null);
    measure(out, t, SlaMetric.FIRST_REPLY, created, firstAgent, asOf);

    if (firstAgent != null) {
      // Next reply: each customer reply with none of its predecessors still unanswered, to the next
      // agent reply or the solve, whichever comes first (as Zendesk, whose solve fulfils an active
      // reply target: docs/sla.md, "A solve ends a next-reply wait").
      Instant waiting = null;
      for (TicketTimeline.Event e : events) {
        if (e.at().isBefore(firstAgent) || e.at().equals(firstAgent) && !e.agentReply()) continue;
        boolean solve = e.kind().equals("status") && DONE.contains(e.status());
        if (e.customerReply() && waiting == null && e.at().isAfter(firstAgent)) {
          waiting = e.at();
        } else if ((e.agentReply() || solve) && waiting != null) {
          measure(out, t, SlaMetric.NEXT_REPLY, waiting, e.at(), asOf);
          waiting = null;
        }
      }
      if (waiting != null) measure(out, t, SlaMetric.NEXT_REPLY, waiting, null, asOf);

      // Periodic update: from each agent reply to the next agent reply or the solve, whichever
      // comes first; an agent
      // reply on a solved ticket starts nothing.
      Instant from = firstAgent;
      for (TicketTimeline.Event e : events) {
        if (!e.at().isAfter(firstAgent)) continue;
        boolean solve = e.kind().equals("status") && DONE.contains(e.status());
        if (from != null && (e.agentReply() || solve)) {
          measure(out, t, SlaMetric.PERIODIC_UPDATE, from, e.at(), asOf);
          from = null;
        }
        if (e.agentReply() && !DONE.contains(t.statusAt(e.at()))) from = e.at();
      }
      if (from != null) measure(out, t, SlaMetric.PERIODIC_UPDATE, from, null, asOf);
    }

    // Resolution: creation to the last solve, unless reopened since.
    Instant solvedAt = null;
    for (TicketTimeline.Event e : events) {
      if (e.kind().equals("status"))
        solvedAt = DONE.contains(e.status()) ? (solvedAt == null ? e.at() : solvedAt) : null;
    }
    measure(out, t, SlaMetric.RESOLUTION, created, solvedAt, asOf);
    return out;
  }

  private void measure(
      List<SlaOutcome> out,
      TicketTimeline t,
      SlaMetric metric,
      Instant start,
      Instant end,
      Instant asOf) {
    Instant until = end != null ? end : asOf;
    SlaPolicy policy = policyFor(t.factsAt(until));
    if (policy == null) return;
    Duration target = policy.targets().get(metric);
    if (target == null) return;
    double targetSeconds = target.toNanos() / 1e9;
    BusinessCalendar calendar =
        policy.businessHours() == null ? null : calendars.get(policy.businessHours());
    Set<String> pause = new java.util.HashSet<>(metric.pausable() ? policy.pauseOn() : Set.of());
    if (metric.pausable()) pause.addAll(DONE);

    // The clock's running intervals from the start up to the fulfilment (or asOf). A fulfilled
    // target's clock is then
    // thought to run on, which gives its due time; an open one runs on only if it runs now (paused:
    // no due time yet).
    List<Instant[]> running = new ArrayList<>();
    boolean runsOn = end != null;
    for (Instant[] r : running(t, start, pause)) {
      Instant b = r[1] == null || r[1].isAfter(until) ? until : r[1];
      if (b.isAfter(r[0])) running.add(new Instant[] {r[0], b});
      if (!r[0].isAfter(until) && (r[1] == null || r[1].isAfter(until))) runsOn = true;
    }
    double elapsed = 0;
    for (Instant[] r : running) elapsed += seconds(calendar, r[0], r[1]);
    if (runsOn) {
      if (!running.isEmpty() && running.get(running.size() - 1)[1].equals(until)) {
        running.get(running.size() - 1)[1] = null;
      } else {
        running.add(new Instant[] {until, null});
      }
    }
    Instant due = null;
    double remaining = targetSeconds;
    for (Instant[] r : running) {
      due = plus(calendar, r[0], remaining, r[1]);
      if (due != null || r[1] == null) break;
      remaining -= seconds(calendar, r[0], r[1]);
    }
    SlaOutcome.State state =
        elapsed > targetSeconds
            ? SlaOutcome.State.BREACHED
            : end != null ? SlaOutcome.State.MET : SlaOutcome.State.OPEN;
    out.add(
        new SlaOutcome(
            t.caseId(), metric, policy.name(), targetSeconds, start, end, due, elapsed, state));
  }

  /**
   * [start, end) intervals from {@code start} on in which the status is not paused; the last end
   * may be null (open).
   */
  private static List<Instant[]> running(TicketTimeline t, Instant start, Set<String> pause) {
    List<Instant[]> out = new ArrayList<>();
    Instant segmentStart = start;
    String status = t.statusAt(start);
    for (TicketTimeline.Event e : t.events()) {
      if (!e.at().isAfter(start) || !e.kind().equals("status")) continue;
      if (!pause.contains(status)) out.add(new Instant[] {segmentStart, e.at()});
      segmentStart = e.at();
      status = e.status();
    }
    if (!pause.contains(status)) out.add(new Instant[] {segmentStart, null});
    // touching intervals (a change between two running statuses) are one
    List<Instant[]> merged = new ArrayList<>();
    for (Instant[] r : out) {
      if (!merged.isEmpty() && merged.get(merged.size() - 1)[1].equals(r[0])) {
        merged.get(merged.size() - 1)[1] = r[1];
      } else {
        merged.add(r);
      }
    }
    return merged;
  }

  private static double seconds(BusinessCalendar calendar, Instant a, Instant b) {
    if (!b.isAfter(a)) return 0;
    return calendar == null
        ? Duration.between(a, b).toNanos() / 1e9
        : calendar.businessSeconds(a, b);
  }

  /**
   * The instant at which {@code amount} counted seconds have passed from {@code a}, if before
   * {@code limit} (null: no limit).
   */
  private static Instant plus(BusinessCalendar calendar, Instant a, double amount, Instant limit) {
    Instant at;
    if (calendar == null) {
      at = a.plusNanos(Math.round(amount * 1e9));
    } else {
      at = null;
      double left = amount;
      LocalDate d = LocalDate.ofInstant(a, calendar.zone());
      for (int i = 0; i < MAX_DAYS && at == null; i++, d = d.plusDays(1)) {
        if (limit != null && calendar.startOf(d).isAfter(limit)) break;
        for (BusinessCalendar.Window w : calendar.windows(d)) {
          Instant open = BusinessCalendar.instant(d, w.open(), calendar.zone());
          Instant close =
              w.closesAtEndOfDay()
                  ? calendar.startOf(d.plusDays(1))
                  : BusinessCalendar.instant(d, w.close(), calendar.zone());
          Instant lo = open.isBefore(a) ? a : open;
          if (!close.isAfter(lo)) continue;
          double avail = Duration.between(lo, close).toNanos() / 1e9;
          if (left <= avail) {
            at = lo.plusNanos(Math.round(left * 1e9));
            break;
          }
          left -= avail;
        }
      }
      if (at == null) return null;
    }
    return limit == null || !at.isAfter(limit) ? at : null;
  }
}
