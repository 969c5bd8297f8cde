package io.yardstick.sources.queuelog;

import io.yardstick.ingest.ImportException;
import io.yardstick.ingest.ImportSource;
import io.yardstick.ingest.RowSink;
import io.yardstick.model.AgentState;
import io.yardstick.model.Contact;
import io.yardstick.model.RecordType;
import io.yardstick.sources.SourceImporter;
import io.yardstick.sources.SourceSummary;
import io.yardstick.sources.internal.Inputs;
import io.yardstick.sources.queuelog.internal.AgentTimeline;
import io.yardstick.sources.queuelog.internal.Calls;
import io.yardstick.sources.queuelog.internal.Calls.Outcome;
import io.yardstick.sources.queuelog.internal.Calls.Visit;
import io.yardstick.sources.queuelog.internal.Event;
import io.yardstick.sources.queuelog.internal.LogReader;
import io.yardstick.store.Loader;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.LongConsumer;
import java.util.stream.Collectors;

/**
 * Asterisk's queue_log (the native {@code epoch|callid|queue|agent|EVENT|data...} text, or a CSV
 * export of the realtime table) into contacts, call outcomes and agent states; the mapping is in
 * docs/sources.md.
 *
 * <pre>{@code
 * SourceSummary s = new QueueLogImporter().importInto(store, ImportSource.of("/var/log/asterisk/queue_log"), b -> {});
 * s.figure("answered");   // 93
 * }</pre>
 *
 * <p>Each queue visit becomes one contact whose id is the call id, so importing a longer version of
 * the same log replaces what was there and adds what is new. A call with no end event (the log
 * ends, or Asterisk restarted, while it waited) is kept with its arrival only and outcome {@code
 * unknown}, counted in the summary.
 */
public final class QueueLogImporter implements SourceImporter {
  @Override
  public String name() {
    return "queue-log";
  }

  @Override
  public String description() {
    return "Asterisk queue_log";
  }

  @Override
  public SourceSummary read(ImportSource source, Loader loader, LongConsumer progress) {
    return Inputs.guarded(
        source,
        () -> {
          Reading r = new Reading();
          LogReader.Result read;
          try (InputStream in = Inputs.open(source, progress)) {
            read = LogReader.read(in, source.name(), r::take);
          } catch (IOException e) {
            throw new ImportException(
                source.name(), 0, null, null, "could not be read: " + e.getMessage());
          }
          if (r.events == 0 && read.duplicates() == 0) {
            if (read.lines() == 0)
              return SourceSummary.empty("Asterisk queue_log", source.name(), "lines");
            throw new ImportException(
                source.name(),
                0,
                null,
                null,
                "has a header and no events; "
                    + LogReader.EXPECTED
                    + " (an empty file imports nothing)");
          }
          return r.finish(source.name(), read, loader);
        });
  }

  /** The state of one read. */
  private static final class Reading {
    final Calls calls = new Calls();
    final AgentTimeline agents = new AgentTimeline();
    final Map<String, Long> unused = new TreeMap<>();
    long noCallId;
    long noAgent;
    long events;

    void take(Event e) {
      events++;
      Inputs.guarded(
          () -> {
            read(e);
            return null;
          },
          x ->
              new ImportException(
                  e.file(),
                  e.line(),
                  "event",
                  e.name(),
                  "could not be imported: " + x + " (" + Inputs.UNFORESEEN + ")"));
    }

    private void read(Event e) {
      String agent = Calls.agentId(e.agent());
      switch (e.name()) {
        case "ENTERQUEUE",
            "CONNECT",
            "COMPLETEAGENT",
            "COMPLETECALLER",
            "TRANSFER",
            "BLINDTRANSFER",
            "ATTENDEDTRANSFER",
            "ABANDON",
            "EXITWITHTIMEOUT",
            "EXITEMPTY",
            "EXITWITHKEY",
            "RINGNOANSWER",
            "RINGCANCELED" -> {
          if (!e.hasCall()) {
            noCallId++;
            return;
          }
          if (!calls.accept(e) || agent == null) return;
          switch (e.name()) {
            case "CONNECT" -> agents.busy(e.at(), agent, e.callid());
            case "COMPLETEAGENT",
                "COMPLETECALLER",
                "TRANSFER",
                "BLINDTRANSFER",
                "ATTENDEDTRANSFER" ->
                agents.free(e.at(), agent, e.callid());
            default -> {}
          }
        }
        case "AGENTLOGIN",
            "AGENTCALLBACKLOGIN",
            "AGENTLOGOFF",
            "AGENTCALLBACKLOGOFF",
            "ADDMEMBER",
            "REMOVEMEMBER",
            "PAUSE",
            "PAUSEALL",
            "UNPAUSE",
            "UNPAUSEALL" -> {
          if (agent == null) {
            noAgent++;
            return;
          }
          switch (e.name()) {
            case "AGENTLOGIN", "AGENTCALLBACKLOGIN" -> agents.login(e.at(), agent);
            case "AGENTLOGOFF", "AGENTCALLBACKLOGOFF" -> agents.logoff(e.at(), agent);
            case "ADDMEMBER" -> agents.addMember(e.at(), agent, e.queue());
            case "REMOVEMEMBER" -> agents.removeMember(e.at(), agent, e.queue());
            case "PAUSE", "PAUSEALL" -> agents.pause(e.at(), agent);
            default -> agents.unpause(e.at(), agent);
          }
        }
        case "QUEUESTART" -> agents.restart(e.at());
        default -> unused.merge(e.name(), 1L, Long::sum);
      }
    }

    SourceSummary finish(String file, LogReader.Result read, Loader loader) {
      RowSink contacts = loader.sink(RecordType.CONTACTS);
      RowSink outcomes = loader.sink(RecordType.CALL_OUTCOMES);
      RowSink states = loader.sink(RecordType.AGENT_STATES);
      Map<Outcome, Long> byOutcome = new EnumMap<>(Outcome.class);
      Map<String, Long> setAside = new LinkedHashMap<>();
      double waitSum = 0;
      long waitN = 0;
      for (Visit v : calls.visits()) {
        String problem = v.problem();
        if (problem != null) {
          setAside.merge(problem, 1L, Long::sum);
          continue;
        }
        Contact c = v.contact();
        contacts.accept(v.line(), c.toRow());
        outcomes.accept(v.line(), new Object[] {v.id(), v.outcome().id, v.detail()});
        byOutcome.merge(v.outcome(), 1L, Long::sum);
        if (c.answeredAt() != null) {
          waitSum += (c.answeredAt().toEpochMilli() - c.arrivedAt().toEpochMilli()) / 1000.0;
          waitN++;
        }
      }
      long line = 0;
      for (AgentState s : agents.states()) {
        states.accept(++line, s.toRow());
      }

      long queued = byOutcome.values().stream().mapToLong(Long::longValue).sum();
      long answered =
          byOutcome.entrySet().stream()
              .filter(e -> e.getKey().answered())
              .mapToLong(Map.Entry::getValue)
              .sum();
      Map<String, Long> figures = new LinkedHashMap<>();
      figures.put("queued calls", queued);
      figures.put("answered", answered);
      figures.put("abandoned", n(byOutcome, Outcome.ABANDON));
      figures.put("timeout", n(byOutcome, Outcome.TIMEOUT));
      figures.put("left empty queue", n(byOutcome, Outcome.EMPTY));
      figures.put("left with a key", n(byOutcome, Outcome.KEY));
      figures.put("without an end", n(byOutcome, Outcome.UNKNOWN));
      figures.put("agent states", line);

      if (calls.eventsAfterEnd() > 0) {
        setAside.put(
            "call events after their call had ended (repeated end events)", calls.eventsAfterEnd());
      }
      if (noCallId > 0) setAside.put("call events without a call id", noCallId);
      if (noAgent > 0) setAside.put("agent events without an agent", noAgent);
      if (agents.openAtEnd() > 0) {
        setAside.put(
            "agent states still open when the log ends (a longer log will close them)",
            agents.openAtEnd());
      }
      long unusedLines = unused.values().stream().mapToLong(Long::longValue).sum();
      if (unusedLines > 0) {
        setAside.put(
            "lines of events that are neither queue calls nor agent sessions ("
                + unused.entrySet().stream()
                    .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                    .map(e -> e.getKey() + " " + e.getValue())
                    .collect(Collectors.joining(", "))
                + ")",
            unusedLines);
      }

      List<String> notes = new ArrayList<>();
      notes.add(
          "answered: "
              + n(byOutcome, Outcome.AGENT_HANGUP)
              + " ended by the agent, "
              + n(byOutcome, Outcome.CALLER_HANGUP)
              + " by the caller, "
              + n(byOutcome, Outcome.TRANSFER)
              + " transferred, "
              + n(byOutcome, Outcome.CONNECTED)
              + " still connected when the log ends (talk time unknown)");
      if (waitN > 0) {
        notes.add(
            String.format(
                Locale.ROOT,
                "mean wait of answered calls %.2f s; rings not answered: %,d (%,.0f s,"
                    + " logged in milliseconds)",
                waitSum / waitN,
                calls.rings(),
                calls.ringSeconds()));
      }
      if (read.duplicates() > 0) {
        notes.add(
            String.format(
                Locale.ROOT,
                "%,d duplicate lines ignored (a line repeating an earlier one exactly is"
                    + " one event logged twice)",
                read.duplicates()));
      }
      Set<String> unknownTime = agents.withoutPresence();
      if (!unknownTime.isEmpty()) {
        if (agents.busyWithoutPresence() > 0) {
          setAside.put(
              "busy periods of agents whose logged-in time is unknown (no log-in or queue membership"
                  + " events)",
              agents.busyWithoutPresence());
        }
        notes.add(
            "agent time unknown for "
                + unknownTime.size()
                + " agents ("
                + String.join(", ", unknownTime)
                + "): the log has no log-in or queue membership events for them (static queue members), so no agent"
                + " states were made for them, and their occupancy, idle time, contacts per hour and absence are empty");
      }
      return new SourceSummary(
          "Asterisk queue_log", file, read.lines(), "lines", figures, setAside, notes, Map.of());
    }

    private static long n(Map<Outcome, Long> m, Outcome o) {
      return m.getOrDefault(o, 0L);
    }
  }
}
