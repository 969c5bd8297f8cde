package io.yardstick.sources.queuelog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.yardstick.ingest.ImportException;
import io.yardstick.ingest.ImportSource;
import io.yardstick.kpi.Kpi;
import io.yardstick.kpi.KpiEngine;
import io.yardstick.kpi.KpiQuery;
import io.yardstick.model.RecordType;
import io.yardstick.sources.SourceSummary;
import io.yardstick.sources.Sources;
import io.yardstick.store.Store;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The queue_log mapping, event by event, on a hand-written log (QueueLogFixtures.NATIVE). */
class QueueLogImporterTest {
  @TempDir Path dir;

  static SourceSummary load(Store store, String name, String content) {
    return Sources.byName("queue-log")
        .orElseThrow()
        .importInto(
            store, ImportSource.of(name, content.getBytes(StandardCharsets.UTF_8)), b -> {});
  }

  Store store() {
    return Store.open(dir.resolve("q.duckdb").toString());
  }

  static List<String> rows(Store store, String sql) {
    return store.query(sql).stream()
        .map(r -> java.util.Arrays.stream(r).map(String::valueOf).collect(Collectors.joining(" ")))
        .toList();
  }

  @Test
  void every_call_event_maps_to_its_contact_and_outcome() {
    try (Store store = store()) {
      SourceSummary s = load(store, "queue_log", QueueLogFixtures.NATIVE);

      assertThat(
              rows(
                  store,
                  "SELECT contact_id, case_id, channel, queue, agent_id, customer_id, arrived_at,"
                      + " answered_at, abandoned_at, talk_s FROM contacts ORDER BY contact_id"))
          .containsExactly(
              // wait 10:01:40 -> 10:02:00 = 20 s (CONNECT holdtime 20); talk 180 s from
              // COMPLETECALLER's calltime
              "c1 c1 phone support alice +34600111222 2026-01-01T10:01:40Z 2026-01-01T10:02:00Z null 180.0",
              "c2 c2 phone support null 600222333 2026-01-01T10:03:20Z null 2026-01-01T10:04:05Z null",
              // EXITWITHTIMEOUT leaves the queue unanswered: abandoned_at, with outcome timeout
              "c3 c3 phone sales null 600444555 2026-01-01T10:04:10Z null 2026-01-01T10:09:10Z null",
              "c4 c4 phone sales null null 2026-01-01T10:04:20Z null 2026-01-01T10:04:21Z null",
              "c5 c5 phone support null 600666777 2026-01-01T10:04:30Z null 2026-01-01T10:04:35Z null",
              // a transfer's talk time is its calltime (100 s, 60 s)
              "c6 c6 phone support bob 600888999 2026-01-01T10:05:05Z 2026-01-01T10:05:10Z null 100.0",
              "c7 c7 phone support alice 600000001 2026-01-01T10:07:00Z 2026-01-01T10:07:10Z null 60.0",
              // still connected when the log ends: answered, talk unknown
              "c8 c8 phone support bob 600000002 2026-01-01T10:15:00Z 2026-01-01T10:15:05Z null null",
              // no end at all: kept with its arrival only
              "c9 c9 phone support null 600000003 2026-01-01T10:16:40Z null null null");
      assertThat(
              rows(
                  store,
                  "SELECT contact_id, outcome, detail FROM call_outcomes ORDER BY contact_id"))
          .containsExactly(
              "c1 caller_hangup rang 4 s before the answer",
              "c2 abandon null",
              "c3 timeout null",
              "c4 empty null",
              "c5 key key 5",
              "c6 transfer to 2001@from-internal",
              "c7 transfer attended (BRIDGE c7b); rang 2 s before the answer",
              "c8 connected rang 1 s before the answer",
              "c9 unknown null");
      assertThat(s.figures())
          .containsExactly(
              java.util.Map.entry("queued calls", 9L), java.util.Map.entry("answered", 4L),
              java.util.Map.entry("abandoned", 1L), java.util.Map.entry("timeout", 1L),
              java.util.Map.entry("left empty queue", 1L),
                  java.util.Map.entry("left with a key", 1L),
              java.util.Map.entry("without an end", 1L), java.util.Map.entry("agent states", 10L));
      // ASA = (20 + 5 + 10 + 5) / 4 = 10 s; RINGNOANSWER 15000 ms = 15 s
      assertThat(s.notes())
          .containsExactly(
              "answered: 0 ended by the agent, 1 by the caller, 2 transferred, 1 still connected when the log ends (talk"
                  + " time unknown)",
              "mean wait of answered calls 10.00 s; rings not answered: 1 (15 s, logged in milliseconds)");
      assertThat(
              new KpiEngine(store)
                  .compute(
                      KpiQuery.of(
                              LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 1), ZoneOffset.UTC)
                          .withKpis(List.of(Kpi.ASA)))
                  .overall()
                  .value(Kpi.ASA)
                  .doubleValue())
          .isEqualTo(10.0);
    }
  }

  @Test
  void agent_sessions_become_available_busy_and_break_spans() {
    try (Store store = store()) {
      SourceSummary s = load(store, "queue_log", QueueLogFixtures.NATIVE);

      assertThat(
              rows(
                  store,
                  "SELECT agent_id, state, started_at, ended_at FROM agent_states"
                      + " ORDER BY agent_id, started_at"))
          .containsExactly(
              "alice available 2026-01-01T10:00:10Z 2026-01-01T10:02:00Z", // ADDMEMBER .. CONNECT
              // c1
              "alice busy 2026-01-01T10:02:00Z 2026-01-01T10:05:00Z", // .. COMPLETECALLER c1
              "alice available 2026-01-01T10:05:00Z 2026-01-01T10:07:10Z",
              "alice busy 2026-01-01T10:07:10Z 2026-01-01T10:08:10Z", // c7 .. ATTENDEDTRANSFER
              "alice available 2026-01-01T10:08:10Z 2026-01-01T10:18:20Z", // .. REMOVEMEMBER
              "bob available 2026-01-01T10:00:20Z 2026-01-01T10:05:10Z", // AGENTLOGIN .. CONNECT c6
              "bob busy 2026-01-01T10:05:10Z 2026-01-01T10:06:50Z", // .. BLINDTRANSFER
              "bob available 2026-01-01T10:06:50Z 2026-01-01T10:08:20Z",
              "bob break 2026-01-01T10:08:20Z 2026-01-01T10:13:20Z", // PAUSE .. UNPAUSE
              "bob available 2026-01-01T10:13:20Z 2026-01-01T10:15:05Z");
      // bob is busy with c8 from 10:15:05 until the log ends (his AGENTLOGOFF does not end a call):
      // open, set aside
      assertThat(s.setAside())
          .containsEntry(
              "agent states still open when the log ends (a longer log will close them)", 1L);
    }
  }

  @Test
  void a_csv_export_with_data_columns_reads_like_the_native_log() {
    String csv =
        "time,callid,queuename,agent,event,data1,data2,data3,data4,data5\n"
            + QueueLogFixtures.NATIVE
                .lines()
                .map(
                    l -> {
                      String[] f = l.split("\\|", -1);
                      String[] out = new String[10];
                      java.util.Arrays.fill(out, "");
                      System.arraycopy(f, 0, out, 0, Math.min(f.length, 10));
                      return String.join(",", out);
                    })
                .collect(Collectors.joining("\n"));
    try (Store a = Store.open(dir.resolve("a.duckdb").toString());
        Store b = Store.open(dir.resolve("b.duckdb").toString())) {
      load(a, "queue_log", QueueLogFixtures.NATIVE);
      load(b, "queue_log.csv", csv);

      for (String sql :
          List.of(
              "SELECT * FROM contacts ORDER BY contact_id",
              "SELECT * FROM call_outcomes ORDER BY contact_id",
              "SELECT * FROM agent_states ORDER BY agent_id, started_at")) {
        assertThat(rows(b, sql)).as(sql).isEqualTo(rows(a, sql));
      }
    }
  }

  @Test
  void importing_the_same_log_again_changes_nothing() {
    try (Store store = store()) {
      load(store, "queue_log", QueueLogFixtures.NATIVE);
      List<String> before = rows(store, "SELECT * FROM contacts ORDER BY contact_id");

      SourceSummary again = load(store, "queue_log", QueueLogFixtures.NATIVE);

      assertThat(again.loaded().get(RecordType.CONTACTS).inserted()).isZero();
      assertThat(again.loaded().get(RecordType.CONTACTS).replaced()).isEqualTo(9);
      assertThat(rows(store, "SELECT * FROM contacts ORDER BY contact_id")).isEqualTo(before);
    }
  }

  @Test
  void a_longer_log_adds_only_what_is_new_and_ends_what_was_open() {
    String full =
        QueueLogFixtures.NATIVE
            + """
        1767262900|c8|support|Agent/bob|COMPLETEAGENT|5|395|1
        1767262950|c9|support|NONE|ABANDON|1|1|350
        1767263000|c10|support|NONE|ENTERQUEUE||600000004|1
        """;
    try (Store incremental = Store.open(dir.resolve("i.duckdb").toString());
        Store fresh = Store.open(dir.resolve("f.duckdb").toString())) {
      load(incremental, "queue_log", QueueLogFixtures.NATIVE);

      SourceSummary second = load(incremental, "queue_log", full);
      load(fresh, "queue_log", full);

      // c10 is new; c1..c9 are replaced (c8 now has its talk time, c9 its abandon)
      assertThat(second.loaded().get(RecordType.CONTACTS).inserted()).isEqualTo(1);
      assertThat(second.loaded().get(RecordType.CONTACTS).replaced()).isEqualTo(9);
      // bob's busy span 10:15:05..10:21:40 is new, and nothing else: the shorter log emitted only
      // closed spans
      assertThat(second.loaded().get(RecordType.AGENT_STATES).inserted()).isEqualTo(1);
      for (String sql :
          List.of(
              "SELECT * FROM contacts ORDER BY contact_id",
              "SELECT * FROM call_outcomes ORDER BY contact_id",
              "SELECT * FROM agent_states ORDER BY agent_id, started_at")) {
        assertThat(rows(incremental, sql)).as(sql).isEqualTo(rows(fresh, sql));
      }
      assertThat(
              rows(
                  fresh,
                  "SELECT outcome FROM call_outcomes WHERE contact_id IN ('c8', 'c9') ORDER BY 1"))
          .containsExactly("abandon", "agent_hangup");
    }
  }

  @Test
  void a_bad_duration_names_file_line_column_and_value_and_nothing_is_kept() {
    String bad =
        QueueLogFixtures.NATIVE.replace(
            "1767262505|c8|support|Agent/bob|CONNECT|5|",
            "1767262505|c8|support|Agent/bob|CONNECT|5s|");
    try (Store store = store()) {
      assertThatThrownBy(() -> load(store, "queue_log", bad))
          .isInstanceOf(ImportException.class)
          .hasMessage(
              "queue_log, line 25, column data1 (holdtime): \"5s\" is not a duration for CONNECT; expected a"
                  + " number of seconds, 0 or more. Nothing from this file was imported.");
      assertThat(store.count(RecordType.CONTACTS)).isZero();
      assertThat(store.count(RecordType.AGENT_STATES)).isZero();
    }
  }

  @Test
  void a_line_that_is_not_a_queue_log_line_is_refused_with_its_line() {
    try (Store store = store()) {
      assertThatThrownBy(
              () ->
                  load(
                      store,
                      "queue_log",
                      "1767261600|NONE|NONE|NONE|QUEUESTART|\n1767261610|c1|q\n"))
          .isInstanceOf(ImportException.class)
          .hasMessage(
              "queue_log, line 2: \"1767261610|c1|q\" has 3 fields separated by |; expected a queue_log:"
                  + " native lines epoch|callid|queuename|agent|EVENT|data... or a CSV export with a header naming time,"
                  + " callid, queuename, agent, event and data1..data5. Nothing from this file was imported.");
      assertThatThrownBy(() -> load(store, "calls.csv", "id,started,phone\n1,2026-01-01,555\n"))
          .isInstanceOf(ImportException.class)
          .hasMessageStartingWith("calls.csv, line 1: has no event column;");
    }
  }

  @Test
  void a_csv_time_without_an_offset_is_refused_rather_than_guessed() {
    try (Store store = store()) {
      assertThatThrownBy(
              () ->
                  load(
                      store,
                      "q.csv",
                      "time,callid,queuename,agent,event\n"
                          + "2026-01-01 10:00:00,c1,support,NONE,ENTERQUEUE\n"))
          .isInstanceOf(ImportException.class)
          .hasMessageStartingWith(
              "q.csv, line 2, column time: \"2026-01-01 10:00:00\" is not a time in seconds since"
                  + " 1970");
    }
  }

  @Test
  void exact_duplicate_lines_are_one_event_and_are_counted() {
    try (Store store = store()) {
      SourceSummary s = load(store, "queue_log", QueueLogFixtures.FREEPBX_STATIC_MEMBERS);

      assertThat(s.read()).isEqualTo(19);
      assertThat(s.notes())
          .contains(
              "7 duplicate lines ignored (a line repeating an earlier one exactly is one event"
                  + " logged twice)"); // 6 repeats of the ENTERQUEUE, 1 of the CONNECT
      // Issue 10: the seven ENTERQUEUE lines of one call made seven contacts (10 from 4 call ids);
      // now one.
      assertThat(s.figure("queued calls")).isEqualTo(4);
      assertThat(
              rows(
                  store,
                  "SELECT contact_id, agent_id, arrived_at, answered_at, abandoned_at, talk_s FROM contacts"
                      + " ORDER BY contact_id"))
          .containsExactly(
              "1767261700.101 201 2026-01-01T10:01:40Z 2026-01-01T10:01:52Z null 120.0",
              "1767261800.105 null 2026-01-01T10:03:20Z null 2026-01-01T10:03:50Z null",
              "1767261900.110 202 2026-01-01T10:05:00Z 2026-01-01T10:05:05Z null 180.0",
              "1767262000.120 201 2026-01-01T10:06:40Z 2026-01-01T10:06:50Z null 60.0");
    }
  }

  @Test
  void static_members_without_log_in_events_have_unknown_agent_time_not_made_up_states() {
    try (Store store = store()) {
      SourceSummary s = load(store, "queue_log", QueueLogFixtures.FREEPBX_STATIC_MEMBERS);

      // Only busy periods are known: emitting them alone made occupancy 100%. No agent states at
      // all instead.
      assertThat(store.count(RecordType.AGENT_STATES)).isZero();
      assertThat(s.figure("agent states")).isZero();
      assertThat(s.setAside())
          .containsEntry(
              "busy periods of agents whose logged-in time is unknown (no log-in or"
                  + " queue membership events)",
              3L); // 201: calls ...101 and ...120; 202: call ...110
      assertThat(s.notes())
          .contains(
              "agent time unknown for 2 agents (201, 202): the log has no log-in or queue"
                  + " membership events for them (static queue members), so no agent states were made for them, and their"
                  + " occupancy, idle time, contacts per hour and absence are empty");

      var byAgent =
          new KpiEngine(store)
              .compute(
                  KpiQuery.of(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 1), ZoneOffset.UTC)
                      .withGroupBy(List.of(io.yardstick.kpi.Dimension.of("agent")))
                      .withKpis(
                          List.of(
                              Kpi.AHT,
                              Kpi.OCCUPANCY,
                              Kpi.IDLE_TIME_AVG,
                              Kpi.CONTACTS_PER_HOUR,
                              Kpi.ABSENCE_RATE)));
      var agent201 =
          byAgent.rows().stream()
              .filter(r -> "201".equals(r.group().get("agent")))
              .findFirst()
              .orElseThrow();
      // What is known stays: handle time (120 + 60) / 2 = 90 s.
      assertThat(agent201.value(Kpi.AHT).doubleValue()).isEqualTo(90.0);
      assertThat(agent201.value(Kpi.OCCUPANCY)).isNull();
      assertThat(agent201.value(Kpi.IDLE_TIME_AVG)).isNull();
      assertThat(agent201.value(Kpi.CONTACTS_PER_HOUR)).isNull();
      assertThat(agent201.value(Kpi.ABSENCE_RATE)).isNull();
    }
  }

  @Test
  void only_a_truly_empty_log_reads_as_nothing_and_a_header_alone_is_refused() {
    try (Store store = store()) {
      SourceSummary empty = load(store, "queue_log", "\n\n");

      assertThat(empty.read()).isZero();
      assertThat(empty.notes()).containsExactly("the file is empty: nothing to import");
      assertThatThrownBy(
              () -> load(store, "queue_log.csv", "time,callid,queuename,agent,event,data1\n"))
          .isInstanceOf(ImportException.class)
          .hasMessage(
              "queue_log.csv: has a header and no events; expected a queue_log: native lines"
                  + " epoch|callid|queuename|agent|EVENT|data... or a CSV export with a header naming time, callid,"
                  + " queuename, agent, event and data1..data5 (an empty file imports nothing). Nothing from this file"
                  + " was imported.");
    }
  }
}
