package io.yardstick.sources.queuelog.internal;

import io.yardstick.model.Contact;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Assembles the call events of a queue_log into queue visits: ENTERQUEUE starts one, CONNECT
 * answers it, COMPLETE*, TRANSFER*, ABANDON and EXIT* end it. A call id that enters a queue again
 * after its visit ended (an overflow to a second queue) starts a second visit, {@code callid/2}.
 * Events are taken in file order, which is time order in a queue_log.
 */
public final class Calls {
  /** How a visit ended; the id is what call_outcomes stores. */
  public enum Outcome {
    AGENT_HANGUP("agent_hangup"),
    CALLER_HANGUP("caller_hangup"),
    TRANSFER("transfer"),
    ABANDON("abandon"),
    TIMEOUT("timeout"),
    EMPTY("empty"),
    KEY("key"),
    /**
     * Answered, and no COMPLETE or TRANSFER in the log (the log ends, or the system restarted,
     * during the talk).
     */
    CONNECTED("connected"),
    /** Neither answered nor left: no end event in the log. */
    UNKNOWN("unknown");

    public final String id;

    Outcome(String id) {
      this.id = id;
    }

    public boolean answered() {
      return this == AGENT_HANGUP || this == CALLER_HANGUP || this == TRANSFER || this == CONNECTED;
    }
  }

  /** One stay of a call in a queue. */
  public static final class Visit {
    final String id;
    final String callid;
    final long line;
    String queue;
    String callerId;
    String agent;
    Instant enteredAt;

    /** Arrival derived from a logged wait when ENTERQUEUE is not in the log. */
    Instant derivedArrival;

    Instant answeredAt;
    Double ringS;
    Instant leftAt;
    Double talkS;
    Outcome end;
    String detail;

    Visit(String id, String callid, long line) {
      this.id = id;
      this.callid = callid;
      this.line = line;
    }

    public Outcome outcome() {
      if (end != null) return end;
      return answeredAt != null ? Outcome.CONNECTED : Outcome.UNKNOWN;
    }

    public Instant arrivedAt() {
      return enteredAt != null ? enteredAt : derivedArrival;
    }

    public Instant answeredAt() {
      return answeredAt;
    }

    public String id() {
      return id;
    }

    public long line() {
      return line;
    }

    public String detail() {
      List<String> parts = new ArrayList<>();
      if (detail != null) parts.add(detail);
      if (ringS != null) parts.add("rang " + fmt(ringS) + " s before the answer");
      return parts.isEmpty() ? null : String.join("; ", parts);
    }

    /**
     * The contact; null when the arrival is unknown or times run backwards (see {@link #problem}).
     */
    public Contact contact() {
      Contact.Builder b =
          Contact.builder(id, "phone", arrivedAt())
              .caseId(callid)
              .queue(queue)
              .customerId(callerId)
              .agentId(agent)
              .answeredAt(answeredAt)
              .talkSeconds(answeredAt != null ? talkS : null);
      if (answeredAt == null && leftAt != null && !outcome().answered()) {
        b.abandonedAt(leftAt);
      }
      return b.build();
    }

    /** Why this visit cannot become a contact, or null when it can. */
    public String problem() {
      Instant arrived = arrivedAt();
      if (arrived == null) {
        return "calls whose ENTERQUEUE is not in the log and whose wait is not logged (the log starts during them)";
      }
      if ((answeredAt != null && answeredAt.isBefore(arrived))
          || (answeredAt == null && leftAt != null && leftAt.isBefore(arrived))) {
        return "calls whose events run backwards in time (answered or left before they entered the queue)";
      }
      return null;
    }
  }

  private final Map<String, Visit> current = new HashMap<>();
  private final Map<String, Integer> visitsOf = new HashMap<>();
  private final List<Visit> visits = new ArrayList<>();
  private long afterEnd;
  private long rings;
  private double ringSeconds;

  /**
   * Takes one call event (the caller checked it has a call id). Returns false when it came after
   * its call ended.
   */
  public boolean accept(Event e) {
    String name = e.name();
    if (name.equals("RINGNOANSWER") || name.equals("RINGCANCELED")) {
      Double s = e.seconds(0, "ring time in milliseconds", 1000);
      rings++;
      if (s != null) ringSeconds += s;
      return true;
    }
    Visit v = current.get(e.callid());
    if (name.equals("ENTERQUEUE")) {
      if (v == null || v.end != null || v.answeredAt != null || v.enteredAt != null) {
        v = newVisit(e);
      }
      v.enteredAt = e.at();
      v.queue = e.queue() != null ? e.queue() : v.queue;
      // ENTERQUEUE(url|callerid|...): data2 is the caller id.
      v.callerId = e.text(1);
      return true;
    }
    if (v == null) {
      v = newVisit(e);
      v.queue = e.queue();
    } else if (v.end != null) {
      afterEnd++;
      return false;
    }
    if (v.queue == null) v.queue = e.queue();
    switch (name) {
      case "CONNECT" -> {
        // CONNECT(holdtime|bridged channel uniqueid|ringtime)
        Double hold = e.seconds(0, "holdtime", 1);
        v.ringS = e.seconds(2, "ringtime", 1);
        v.answeredAt = e.at();
        v.agent = agentId(e.agent());
        if (hold != null) v.derivedArrival = e.at().minus(micros(hold));
      }
      case "COMPLETEAGENT", "COMPLETECALLER" -> {
        // COMPLETE*(holdtime|calltime|origposition)
        Double hold = e.seconds(0, "holdtime", 1);
        v.talkS = e.seconds(1, "calltime", 1);
        end(
            v,
            e,
            name.equals("COMPLETEAGENT") ? Outcome.AGENT_HANGUP : Outcome.CALLER_HANGUP,
            hold);
      }
      case "TRANSFER", "BLINDTRANSFER" -> {
        // (BLIND)TRANSFER(extension|context|holdtime|calltime|origposition)
        Double hold = e.seconds(2, "holdtime", 1);
        v.talkS = e.seconds(3, "calltime", 1);
        String ext = e.text(0);
        String ctx = e.text(1);
        v.detail = ext == null ? null : "to " + ext + (ctx == null ? "" : "@" + ctx);
        end(v, e, Outcome.TRANSFER, hold);
      }
      case "ATTENDEDTRANSFER" -> {
        // ATTENDEDTRANSFER(method|method data|holdtime|calltime|origposition)
        Double hold = e.seconds(2, "holdtime", 1);
        v.talkS = e.seconds(3, "calltime", 1);
        v.detail =
            "attended"
                + (e.text(0) == null
                    ? ""
                    : " (" + e.text(0) + (e.text(1) == null ? "" : " " + e.text(1)) + ")");
        end(v, e, Outcome.TRANSFER, hold);
      }
      case "ABANDON", "EXITWITHTIMEOUT", "EXITEMPTY" -> {
        // (position|origposition|waittime)
        Double wait = e.seconds(2, "waittime", 1);
        leave(
            v,
            e,
            switch (name) {
              case "ABANDON" -> Outcome.ABANDON;
              case "EXITWITHTIMEOUT" -> Outcome.TIMEOUT;
              default -> Outcome.EMPTY;
            },
            wait);
      }
      case "EXITWITHKEY" -> {
        // EXITWITHKEY(key|position|origposition|waittime)
        Double wait = e.seconds(3, "waittime", 1);
        v.detail = e.text(0) == null ? null : "key " + e.text(0);
        leave(v, e, Outcome.KEY, wait);
      }
      default -> throw new IllegalArgumentException("not a call event: " + name);
    }
    return true;
  }

  private Visit newVisit(Event e) {
    int n = visitsOf.merge(e.callid(), 1, Integer::sum);
    Visit v = new Visit(n == 1 ? e.callid() : e.callid() + "/" + n, e.callid(), e.line());
    current.put(e.callid(), v);
    visits.add(v);
    return v;
  }

  private static void end(Visit v, Event e, Outcome outcome, Double hold) {
    v.end = outcome;
    v.leftAt = e.at();
    if (v.agent == null) v.agent = agentId(e.agent());
    if (v.answeredAt == null && v.talkS != null) {
      // The CONNECT is not in the log: the answer was calltime before the end.
      v.answeredAt = e.at().minus(micros(v.talkS));
      if (hold != null) v.derivedArrival = v.answeredAt.minus(micros(hold));
    }
  }

  private static void leave(Visit v, Event e, Outcome outcome, Double wait) {
    v.end = outcome;
    v.leftAt = e.at();
    if (wait != null && v.derivedArrival == null) v.derivedArrival = e.at().minus(micros(wait));
  }

  static Duration micros(double seconds) {
    return Duration.ofNanos(Math.round(seconds * 1e6) * 1000);
  }

  /**
   * The agent id of a member as logged: the technology prefix and any {@code @context} go, so that
   * Agent/1001, SIP/1001 and Local/1001@agents all name agent 1001. A member name without a slash
   * is kept as it is.
   */
  public static String agentId(String member) {
    if (member == null) return null;
    String s = member;
    int slash = s.indexOf('/');
    if (slash >= 0) s = s.substring(slash + 1);
    int at = s.indexOf('@');
    if (at > 0) s = s.substring(0, at);
    s = s.strip();
    return s.isEmpty() ? null : s;
  }

  public List<Visit> visits() {
    return visits;
  }

  public long eventsAfterEnd() {
    return afterEnd;
  }

  public long rings() {
    return rings;
  }

  public double ringSeconds() {
    return ringSeconds;
  }

  static String fmt(double v) {
    return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
  }
}
