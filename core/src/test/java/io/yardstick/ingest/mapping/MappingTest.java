package io.yardstick.ingest.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.yardstick.ingest.ImportException;
import io.yardstick.ingest.ImportSource;
import io.yardstick.model.RecordType;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/**
 * Every format a mapping reads, with small fixtures, and every refusal naming the file, key or line
 * it is about.
 */
class MappingTest {
  /** What a read gave: the summary and the rows made, per type. */
  record Read(MappingSummary summary, Map<RecordType, List<Object[]>> rows) {
    Object[] contact(int i) {
      return rows.get(RecordType.CONTACTS).get(i);
    }

    Object contact(int i, String field) {
      return contact(i)[RecordType.CONTACTS.indexOf(field)];
    }

    List<Object> contacts(String field) {
      return rows.get(RecordType.CONTACTS).stream()
          .map(r -> r[RecordType.CONTACTS.indexOf(field)])
          .toList();
    }
  }

  static Read read(String yaml, String data, RecordType... types) {
    return read(
        Mapping.parse("m.yaml", yaml),
        ImportSource.of("calls.csv", data.getBytes(StandardCharsets.UTF_8)),
        types);
  }

  static Read read(Mapping mapping, ImportSource source, RecordType... types) {
    Map<RecordType, List<Object[]>> rows = new EnumMap<>(RecordType.class);
    Set<RecordType> wanted = types.length == 0 ? Set.of(RecordType.CONTACTS) : Set.of(types);
    MappingSummary summary =
        mapping.read(
            source,
            wanted,
            type -> {
              List<Object[]> list = rows.computeIfAbsent(type, t -> new ArrayList<>());
              return (line, row) -> list.add(row);
            },
            bytes -> {});
    return new Read(summary, rows);
  }

  static void refusedMapping(String yaml, String message) {
    assertThatThrownBy(() -> Mapping.parse("m.yaml", yaml))
        .isInstanceOf(MappingException.class)
        .hasMessage(message + " See docs/mapping.md.");
  }

  static void refusedData(String yaml, String data, String message) {
    assertThatThrownBy(() -> read(yaml, data))
        .isInstanceOf(ImportException.class)
        .hasMessage(message + ". Nothing from this file was imported.");
  }

  static final String CALLS =
      """
      input: {time_zone: Europe/Madrid}
      contacts:
        contact_id: Id
        channel: {constant: phone}
        arrived_at: {column: Start, format: "dd/MM/yyyy HH:mm"}
      """;

  // ---- sources
  // --------------------------------------------------------------------------------------------------

  @Test
  void a_column_name_a_constant_and_a_template_make_fields() {
    Read r =
        read(
            """
        input: {time_zone: UTC}
        contacts:
          contact_id: {template: "{Line}-{Call}"}
          channel: {constant: Phone}
          agent_id: Agent Name
          arrived_at: {column: At, format: "yyyy-MM-dd HH:mm:ss"}
        """,
            "Line,Call,Agent Name,At\nAA01,7,Dana,2026-03-02 09:15:00\n");

    assertThat(r.contact(0, "contact_id")).isEqualTo("AA01-7");
    assertThat(r.contact(0, "channel"))
        .isEqualTo("phone"); // canonical rules still apply: channels are lowercase
    assertThat(r.contact(0, "agent_id")).isEqualTo("Dana");
    assertThat(r.contact(0, "direction")).isEqualTo("inbound"); // the canonical default
    assertThat(r.contact(0, "arrived_at")).isEqualTo(Instant.parse("2026-03-02T09:15:00Z"));
  }

  @Test
  void column_names_are_matched_case_insensitively_and_a_tab_delimiter_is_read() {
    Read r =
        read(
            """
        input: {delimiter: "\\t", time_zone: UTC}
        contacts:
          contact_id: ID
          channel: {constant: chat}
          arrived_at: {column: start, format: "yyyy-MM-dd HH:mm"}
        """,
            "Id\tStart\n\"x 1\"\t2026-03-02 09:15\n");

    assertThat(r.contact(0, "contact_id")).isEqualTo("x 1");
  }

  @Test
  void gzip_input_is_read_like_the_canonical_import() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
      gz.write("Id,Start\na,02/03/2026 09:15\n".getBytes(StandardCharsets.UTF_8));
    }

    Read r =
        read(Mapping.parse("m.yaml", CALLS), ImportSource.of("calls.csv.gz", bytes.toByteArray()));

    assertThat(r.contacts("contact_id")).containsExactly("a");
  }

  // ---- timestamps
  // -----------------------------------------------------------------------------------------------

  @Test
  void a_pattern_reads_local_times_in_the_mapping_time_zone() {
    Read r = read(CALLS, "Id,Start\na,02/03/2026 09:15\nb,02/07/2026 09:15\n");

    // Madrid is UTC+1 in March and UTC+2 in July.
    assertThat(r.contacts("arrived_at"))
        .containsExactly(
            Instant.parse("2026-03-02T08:15:00Z"), Instant.parse("2026-07-02T07:15:00Z"));
  }

  @Test
  void a_repeated_autumn_hour_is_its_first_occurrence_and_a_skipped_spring_hour_is_refused() {
    Read r = read(CALLS, "Id,Start\na,25/10/2026 02:30\n");

    // 02:30 happens at +02:00 and again at +01:00; the first is 00:30Z.
    assertThat(r.contact(0, "arrived_at")).isEqualTo(Instant.parse("2026-10-25T00:30:00Z"));
    refusedData(
        CALLS,
        "Id,Start\na,29/03/2026 02:30\n",
        "calls.csv, line 2, column Start: \"29/03/2026 02:30\" is a"
            + " local time that does not exist in Europe/Madrid (the clocks jumped forward over it); expected a time that"
            + " exists there (mapping m.yaml, key contacts.arrived_at)");
  }

  @Test
  void iso_timestamps_keep_their_offset_and_take_the_zone_when_they_have_none() {
    Read r =
        read(
            """
        input: {time_zone: Europe/Madrid}
        contacts: {contact_id: Id, channel: {constant: phone}, arrived_at: Start}
        """,
            "Id,Start\na,2026-03-02T09:15:00Z\nb,2026-03-02 09:15\n");

    assertThat(r.contacts("arrived_at"))
        .containsExactly(
            Instant.parse("2026-03-02T09:15:00Z"), Instant.parse("2026-03-02T08:15:00Z"));
  }

  @Test
  void an_excel_serial_is_days_since_1899_12_30_with_the_time_of_day_as_fraction() {
    Read r =
        read(
            """
        input: {time_zone: Europe/Madrid}
        contacts: {contact_id: Id, channel: {constant: phone}, arrived_at: {column: Start, format: excel}}
        """,
            "Id,Start\na,44197.5\nb,44197.384004629629\n");

    // 44197 is 2021-01-01; .5 is 12:00 in Madrid (UTC+1); .384004629629 x 86,400 s = 33,178.0000 s
    // = 09:12:58.
    assertThat(r.contacts("arrived_at"))
        .containsExactly(
            Instant.parse("2021-01-01T11:00:00Z"), Instant.parse("2021-01-01T08:12:58Z"));
  }

  @Test
  void epoch_seconds_and_milliseconds_are_instants_without_a_zone() {
    Read r =
        read(
            """
        contacts:
          contact_id: Id
          channel: {constant: phone}
          arrived_at: {column: S, format: epoch_seconds}
          answered_at: {column: Ms, format: epoch_millis}
        """,
            "Id,S,Ms\na,1772442900,1772442912500\n");

    assertThat(r.contact(0, "arrived_at")).isEqualTo(Instant.parse("2026-03-02T09:15:00Z"));
    assertThat(r.contact(0, "answered_at")).isEqualTo(Instant.parse("2026-03-02T09:15:12.500Z"));
  }

  @Test
  void a_date_column_and_a_time_column_combine_in_the_zone() {
    Read r =
        read(
            """
        input: {time_zone: Europe/Zurich}
        contacts:
          contact_id: Id
          channel: {constant: phone}
          arrived_at: {date: Date, time: Time, time_format: excel}
          answered_at: {date: Day, time: Clock, date_format: excel, time_format: "h:mm a"}
        """,
            "Id,Date,Time,Day,Clock\na,2021-01-01,0.38400462962962961,44197,9:14 AM\n");

    // 0.38400462962962961 x 86,400 = 33,178 s = 09:12:58 local, UTC+1 in January.
    assertThat(r.contact(0, "arrived_at")).isEqualTo(Instant.parse("2021-01-01T08:12:58Z"));
    assertThat(r.contact(0, "answered_at")).isEqualTo(Instant.parse("2021-01-01T08:14:00Z"));
  }

  @Test
  void an_excel_time_that_rounds_to_a_whole_day_is_midnight_of_the_next_day() {
    Read r =
        read(
            """
        input: {time_zone: UTC}
        contacts:
          contact_id: Id
          channel: {constant: phone}
          arrived_at: {date: Date, time: Time, time_format: excel}
        """,
            "Id,Date,Time\na,2021-01-01,0.9999999999\n");

    // 0.9999999999 x 86,400,000 ms = 86,399,999.99 ms, rounded to the millisecond: 24:00.
    assertThat(r.contact(0, "arrived_at")).isEqualTo(Instant.parse("2021-01-02T00:00:00Z"));
  }

  // ---- durations, booleans, maps
  // ----------------------------------------------------------------------------------

  @Test
  void durations_are_read_in_seconds_minutes_clock_forms_and_excel_fractions() {
    Read r =
        read(
            """
        input: {time_zone: UTC}
        contacts:
          contact_id: Id
          channel: {constant: phone}
          arrived_at: {column: At, format: "yyyy-MM-dd HH:mm"}
          talk_s: {column: Talk, format: "mm:ss"}
          hold_s: {column: Hold, format: "hh:mm:ss"}
          wrap_s: {column: Wrap, format: excel}
        """,
            """
        Id,At,Talk,Hold,Wrap
        a,2026-03-02 09:00,12:05,1:02:05,1.6550925925925926E-3
        b,2026-03-02 09:00,75:00,0:00:07.5,0.5
        """);

    // 12 x 60 + 5 = 725; 3,600 + 2 x 60 + 5 = 3,725; 0.0016550925925925926 x 86,400 = 143.0000 s.
    assertThat(r.contacts("talk_s"))
        .containsExactly(725.0, 4500.0); // 75 minutes are allowed in mm:ss
    assertThat(r.contacts("hold_s")).containsExactly(3725.0, 7.5);
    assertThat(r.contacts("wrap_s")).containsExactly(143.0, 43_200.0); // half a day
  }

  @Test
  void milliseconds_and_minutes_become_seconds() {
    Read r =
        read(
            """
        contacts:
          contact_id: Id
          channel: {constant: phone}
          arrived_at: At
          talk_s: {column: Talk, format: milliseconds}
          hold_s: {column: Hold, format: minutes}
        """,
            "Id,At,Talk,Hold\na,2026-03-02T09:00:00Z,95500,1.5\n");

    assertThat(r.contact(0, "talk_s")).isEqualTo(95.5);
    assertThat(r.contact(0, "hold_s")).isEqualTo(90.0);
  }

  @Test
  void booleans_read_y_n_yes_no_1_0_and_true_false_in_any_case() {
    Read r =
        read(
            """
        contacts: {contact_id: Id, channel: {constant: phone}, arrived_at: At, resolved: Solved}
        """,
            """
        Id,At,Solved
        a,2026-03-02T09:00:00Z,Y
        b,2026-03-02T09:00:00Z,n
        c,2026-03-02T09:00:00Z,Yes
        d,2026-03-02T09:00:00Z,0
        e,2026-03-02T09:00:00Z,TRUE
        f,2026-03-02T09:00:00Z,
        """);

    // An empty value is absent, and the canonical rule makes it false (no resolved_at either).
    assertThat(r.contacts("resolved")).containsExactly(true, false, true, false, true, false);
  }

  @Test
  void a_value_map_translates_source_values_and_can_make_them_absent() {
    Read r =
        read(
            """
        contacts:
          contact_id: Id
          channel: {column: Kind, map: {Tel: phone, Mail: email}}
          arrived_at: At
          queue: {column: Q, map: {"1": billing, "2": sales, "0": null}}
        """,
            "Id,At,Kind,Q\na,2026-03-02T09:00:00Z,TEL,1\nb,2026-03-02T09:00:00Z,mail,0\n");

    // Keys match case-insensitively; a key mapped to null gives no value.
    assertThat(r.contacts("channel")).containsExactly("phone", "email");
    assertThat(r.contacts("queue")).containsExactly("billing", null);
  }

  @Test
  void absent_lists_source_values_that_mean_no_value() {
    Read r =
        read(
            """
        contacts:
          contact_id: Id
          channel: {constant: phone}
          arrived_at: At
          agent_id: {column: Server, absent: [NO_SERVER, "-"]}
        """,
            "Id,At,Server\na,2026-03-02T09:00:00Z,NO_SERVER\nb,2026-03-02T09:00:00Z,-\nc,2026-03-02T09:00:00Z,DORIT\n");

    assertThat(r.contacts("agent_id")).containsExactly(null, null, "DORIT");
  }

  @Test
  void yaml_values_stay_as_written_so_yes_no_and_decimals_are_not_retyped() {
    Read r =
        read(
            """
        contacts:
          contact_id: Id
          channel: {constant: phone}
          arrived_at: At
          resolved: {column: Done, when: {Flag: [yes, on]}}
          queue: {column: Q, map: {A: 1.10, B: 007}}
        """,
            "Id,At,Done,Flag,Q\na,2026-03-02T09:00:00Z,Y,yes,A\nb,2026-03-02T09:00:00Z,Y,NO,B\nc,2026-03-02T09:00:00Z,Y,On,A\n");

    // YAML 1.1 reads yes/on as booleans and 1.10 as 1.1; a mapping keeps what was written.
    assertThat(r.contacts("resolved"))
        .containsExactly(true, false, true); // b: the condition fails, resolved is empty
    assertThat(r.contacts("queue")).containsExactly("1.10", "007", "1.10");
  }

  // ---- derived fields, conditions, defaults, skips
  // ------------------------------------------------------------------

  static final String OUTCOMES =
      """
      input: {time_zone: UTC}
      skip:
        - when: {Outcome: PHANTOM}
          reason: phantom call
      contacts:
        contact_id: Id
        channel: {constant: phone}
        arrived_at: {column: At, format: "yyyy-MM-dd HH:mm:ss"}
        answered_at: {field: arrived_at, plus: Wait, when: {Outcome: AGENT}}
        abandoned_at: {field: arrived_at, plus: Wait, when: {Outcome: [HANG, TIMEOUT]}}
        resolved_at: {field: arrived_at, plus: [Wait, {column: Talk, format: "mm:ss"}], when: {Outcome: AGENT}}
        skip:
          - when: {Outcome: HANG, Wait: "0"}
            reason: hung up before queueing
      """;

  @Test
  void derived_fields_add_durations_to_another_field_under_a_condition() {
    Read r =
        read(
            OUTCOMES,
            """
        Id,At,Outcome,Wait,Talk
        a,2026-03-02 23:59:50,AGENT,15,2:00
        b,2026-03-02 10:00:00,hang,40,
        c,2026-03-02 10:00:00,TIMEOUT,300,
        """);

    // a: answered 15 s after arrival, past midnight; ended 15 + 120 s after arrival. b, c:
    // abandoned after the wait.
    assertThat(r.contacts("answered_at"))
        .containsExactly(Instant.parse("2026-03-03T00:00:05Z"), null, null);
    assertThat(r.contacts("resolved_at"))
        .containsExactly(Instant.parse("2026-03-03T00:02:05Z"), null, null);
    assertThat(r.contacts("abandoned_at"))
        .containsExactly(
            null, Instant.parse("2026-03-02T10:00:40Z"), Instant.parse("2026-03-02T10:05:00Z"));
  }

  @Test
  void skipped_rows_are_counted_by_reason_in_the_order_they_first_appear() {
    Read r =
        read(
            OUTCOMES,
            """
        Id,At,Outcome,Wait,Talk
        a,2026-03-02 10:00:00,HANG,0,
        b,2026-03-02 10:00:00,PHANTOM,0,
        c,2026-03-02 10:00:00,AGENT,5,1:00
        d,2026-03-02 10:00:00,hang,0,
        """);

    assertThat(r.summary().rowsRead()).isEqualTo(4);
    assertThat(r.summary().kept(RecordType.CONTACTS)).isEqualTo(1);
    assertThat(r.contacts("contact_id")).containsExactly("c");
    assertThat(r.summary().setAside(RecordType.CONTACTS))
        .containsExactly(Map.entry("hung up before queueing", 2L), Map.entry("phantom call", 1L));
    assertThat(r.summary().setAsideCount(RecordType.CONTACTS)).isEqualTo(3);
  }

  @Test
  void a_field_is_absent_when_a_duration_it_adds_is_empty() {
    Read r =
        read(
            """
        input: {time_zone: UTC}
        contacts:
          contact_id: Id
          channel: {constant: phone}
          arrived_at: {column: At, format: "yyyy-MM-dd HH:mm"}
          answered_at: {field: arrived_at, plus: Speed}
        """,
            "Id,At,Speed\na,2026-03-02 10:00,\n");

    assertThat(r.contact(0, "answered_at")).isNull();
  }

  @Test
  void defaults_fill_empty_values_and_columns_the_file_does_not_have() {
    Read r =
        read(
            """
        contacts:
          contact_id: Id
          channel: {column: Channel, default: phone}
          arrived_at: At
          queue: {column: Queue, default: general}
          direction: {column: Dir, default: outbound}
        """,
            "Id,At,Channel,Queue\na,2026-03-02T10:00:00Z,,\nb,2026-03-02T10:00:00Z,Chat,vip\n");

    // The file has no Dir column at all: every row takes the default.
    assertThat(r.contacts("channel")).containsExactly("phone", "chat");
    assertThat(r.contacts("queue")).containsExactly("general", "vip");
    assertThat(r.contacts("direction")).containsExactly("outbound", "outbound");
  }

  @Test
  void one_file_can_make_contacts_and_surveys() {
    String yaml =
        """
        input: {time_zone: UTC}
        contacts:
          contact_id: Call
          channel: {constant: phone}
          arrived_at: {column: At, format: "yyyy-MM-dd HH:mm"}
        surveys:
          skip:
            - when: {Rating: ""}
              reason: no rating
          survey_id: {template: "{Call}-csat"}
          kind: {constant: csat}
          score: Rating
          submitted_at: {column: At, format: "yyyy-MM-dd HH:mm", plus: {column: Talk, format: "mm:ss"}}
          contact_id: Call
        """;
    String data = "Call,At,Talk,Rating\nc1,2026-03-02 10:00,3:00,4\nc2,2026-03-02 11:00,,\n";

    Read r = read(yaml, data, RecordType.CONTACTS, RecordType.SURVEYS);

    assertThat(Mapping.parse("m.yaml", yaml).types())
        .containsExactly(RecordType.CONTACTS, RecordType.SURVEYS);
    assertThat(r.rows().get(RecordType.CONTACTS)).hasSize(2);
    assertThat(r.rows().get(RecordType.SURVEYS))
        .singleElement()
        .satisfies(
            s ->
                assertThat(s)
                    .containsExactly(
                        "c1-csat",
                        "csat",
                        4,
                        Instant.parse("2026-03-02T10:03:00Z"),
                        "c1",
                        null,
                        null,
                        null));
    assertThat(r.summary().setAside(RecordType.SURVEYS))
        .containsExactly(Map.entry("no rating", 1L));
    assertThat(r.summary().kept(RecordType.CONTACTS)).isEqualTo(2);
  }

  @Test
  void customer_attributes_and_dates_in_patterns_and_excel_serials() {
    Read r =
        read(
            """
        customers:
          customer_id: Client
          since: {column: Opened, format: "dd.MM.yyyy"}
          churned_at: {column: Closed, format: excel}
          attributes:
            Tier: {column: Level, map: {G: gold, S: silver}}
            age: Age
        """,
            "Client,Opened,Closed,Level,Age\nk1,01.02.2020,44197,G,61\n",
            RecordType.CUSTOMERS);

    assertThat(r.rows().get(RecordType.CUSTOMERS))
        .singleElement()
        .satisfies(
            c ->
                assertThat(c)
                    .containsExactly(
                        "k1",
                        LocalDate.of(2020, 2, 1),
                        LocalDate.of(2021, 1, 1),
                        Map.of("tier", "gold", "age", "61")));
  }

  // ---- data errors
  // --------------------------------------------------------------------------------------------------

  @Test
  void a_value_the_format_cannot_read_names_file_line_column_value_expectation_and_key() {
    refusedData(
        CALLS,
        "Id,Start\na,02/03/2026 09:15\nb,2026-03-02 09:15\n",
        "calls.csv, line 3, column Start:"
            + " \"2026-03-02 09:15\" is not a timestamp like 14/03/2021 15:09 (pattern dd/MM/yyyy HH:mm) (mapping m.yaml,"
            + " key contacts.arrived_at)");
  }

  @Test
  void thirty_february_is_refused_by_a_pattern() {
    refusedData(
        CALLS,
        "Id,Start\na,30/02/2026 09:15\n",
        "calls.csv, line 2, column Start: \"30/02/2026 09:15\" is"
            + " not a timestamp like 14/03/2021 15:09 (pattern dd/MM/yyyy HH:mm) (mapping m.yaml, key contacts.arrived_at)");
  }

  @Test
  void a_bad_boolean_duration_and_unmapped_value_are_explained() {
    String yaml =
        """
        contacts:
          contact_id: Id
          channel: {column: Kind, map: {Tel: phone}}
          arrived_at: At
          resolved: {column: Solved, default: "false"}
          talk_s: {column: Talk, format: "mm:ss"}
        """;
    refusedData(
        yaml,
        "Id,At,Kind,Solved,Talk\na,2026-03-02T09:00:00Z,Tel,maybe,1:00\n",
        "calls.csv, line 2, column Solved:"
            + " \"maybe\" is not a yes or no; expected Y or N, yes or no, 1 or 0, true or false (any case) (mapping m.yaml,"
            + " key contacts.resolved)");
    refusedData(
        yaml,
        "Id,At,Kind,Talk\na,2026-03-02T09:00:00Z,Tel,95\n",
        "calls.csv, line 2, column Talk: \"95\" is"
            + " not a duration like 12:05 (mm:ss: minutes, then seconds) (mapping m.yaml, key contacts.talk_s)");
    refusedData(
        yaml.replace("default: \"false\"", "map: {Solved: Y, Open: N, Later: maybe}"),
        "Id,At,Kind,Solved,Talk\na,2026-03-02T09:00:00Z,Tel,Later,1:00\n",
        "calls.csv, line 2, column Solved:"
            + " \"Later\" (mapped to \"maybe\") is not a yes or no; expected Y or N, yes or no, 1 or 0, true or false (any"
            + " case) (mapping m.yaml, key contacts.resolved)");
    refusedData(
        yaml,
        "Id,At,Kind,Talk\na,2026-03-02T09:00:00Z,Fax,1:00\n",
        "calls.csv, line 2, column Kind: \"Fax\""
            + " is not in the value map; expected one of tel (mapping m.yaml, key contacts.channel.map)");
  }

  @Test
  void canonical_checks_name_the_source_column_and_the_key() {
    String yaml =
        """
        input: {time_zone: UTC}
        contacts:
          contact_id: Id
          channel: {constant: phone}
          arrived_at: {column: In, format: "yyyy-MM-dd HH:mm"}
          answered_at: {column: Up, format: "yyyy-MM-dd HH:mm"}
        """;
    refusedData(
        yaml,
        "Id,In,Up\na,2026-03-02 10:00,2026-03-02 09:59\n",
        "calls.csv, line 2, column Up (mapped to"
            + " answered_at): \"2026-03-02T09:59:00Z\" is before arrived_at 2026-03-02T10:00:00Z; expected a time at or after"
            + " the arrival; to set such rows aside or keep them without this value, add out_of_order: {answered_at:"
            + " set_aside} or {answered_at: clear} to the contacts section (mapping m.yaml, key contacts.answered_at)");
    refusedData(
        yaml,
        "Id,In,Up\n,2026-03-02 10:00,\n",
        "calls.csv, line 2, column Id (mapped to contact_id): is empty,"
            + " but contacts require a value here: text; give it a default, or set such rows aside with a skip rule"
            + " (mapping m.yaml, key contacts.contact_id)");
  }

  @Test
  void a_survey_score_off_its_scale_names_the_source_column() {
    String yaml =
        """
        surveys:
          survey_id: Id
          kind: {constant: csat}
          score: Satisfaction rating
          submitted_at: At
        """;
    assertThatThrownBy(
            () ->
                read(
                    yaml,
                    "Id,At,Satisfaction rating\ns,2026-03-02T10:00:00Z,7\n",
                    RecordType.SURVEYS))
        .hasMessage(
            "calls.csv, line 2, column Satisfaction rating (mapped to score): \"7\" is outside the csat scale;"
                + " expected a whole number from 1 to 5 (mapping m.yaml, key surveys.score). Nothing from this file was"
                + " imported.");
  }

  @Test
  void a_column_the_mapping_reads_must_be_in_the_header() {
    refusedData(
        CALLS,
        "Id,Begin\na,02/03/2026 09:15\n",
        "calls.csv, line 1, column Start: is not a column of this"
            + " file, but mapping m.yaml reads it at key contacts.arrived_at; the header has Id, Begin (separated by a"
            + " comma)");
  }

  @Test
  void a_row_with_a_different_number_of_values_names_the_delimiter() {
    refusedData(
        CALLS,
        "Id,Start\na;02/03/2026 09:15\n",
        "calls.csv, line 2: has 1 values but the header has 2"
            + " columns; expected one value per column (the mapping's input.delimiter is a comma)");
  }

  // ---- mapping errors
  // -----------------------------------------------------------------------------------------------

  @Test
  void mapping_errors_name_the_key_path_and_value() {
    refusedMapping(
        """
        input: {time_zone: Europe/Madird}
        contacts: {contact_id: Id, channel: {constant: phone}, arrived_at: At}
        """,
        "m.yaml, line 1, column 20, key input.time_zone: \"Europe/Madird\" is not a time zone; expected an IANA name such as"
            + " Europe/Madrid or Asia/Jerusalem.");
    refusedMapping(
        """
        contacts: {contact_id: Id, channel: {constant: phone}, arrived_at: {column: At, format: "yyyy-bb-dd"}}
        """,
        "m.yaml, line 1, column 89, key contacts.arrived_at.format: \"yyyy-bb-dd\" is not a valid java.time pattern (Unknown pattern"
            + " letter: b).");
    refusedMapping(
        """
        contacts: {contact_id: Id, channel: {constant: phone}, arrived_at: At, talk_s: {column: T, format: "m:s"}}
        """,
        "m.yaml, line 1, column 100, key contacts.talk_s.format: \"m:s\" is not a duration format; expected seconds, milliseconds,"
            + " minutes, mm:ss, hh:mm:ss or excel.");
    refusedMapping(
        """
        contacts: {contact_id: Id, channel: {constant: phone}, arrived_at: At, arived: X}
        """,
        "m.yaml, line 1, column 72, key contacts.arived: is not a key here; expected one of contact_id, case_id, channel, direction,"
            + " queue, topic, customer_id, agent_id, team, arrived_at, answered_at, first_response_at, abandoned_at,"
            + " resolved_at, talk_s, hold_s, wrap_s, resolved, converted, revenue, skip, out_of_order.");
  }

  @Test
  void a_required_field_left_unmapped_is_named() {
    refusedMapping(
        "contacts: {contact_id: Id}\n",
        "m.yaml, line 1, column 11, key contacts: channel, arrived_at are required fields of"
            + " contacts and not mapped; map each to a column, or give a constant such as channel: {constant: phone}.");
  }

  @Test
  void constants_defaults_and_map_values_are_checked_by_the_canonical_rules() {
    refusedMapping(
        """
        contacts: {contact_id: Id, channel: {constant: phone}, arrived_at: At, direction: {column: D, default: sideways}}
        """,
        "m.yaml, line 1, column 104, key contacts.direction.default: \"sideways\" is not allowed here; expected inbound or outbound.");
    refusedMapping(
        """
        surveys: {survey_id: Id, kind: {constant: happiness}, score: S, submitted_at: At}
        """,
        "m.yaml, line 1, column 43, key surveys.kind.constant: \"happiness\" is not allowed here; expected one of csat, nps, ces, esat.");
    refusedMapping(
        """
        contacts: {contact_id: Id, channel: {constant: phone}, arrived_at: At, revenue: {column: R, map: {x: lots}}}
        """,
        "m.yaml, line 1, column 102, key contacts.revenue.map.x: \"lots\" is not a decimal amount; expected a decimal amount such as"
            + " 1250.50 (at most 4 decimal places).");
  }

  @Test
  void local_time_formats_need_a_time_zone() {
    refusedMapping(
        """
        contacts: {contact_id: Id, channel: {constant: phone}, arrived_at: {column: At, format: excel}}
        """,
        "m.yaml, line 1, column 89, key contacts.arrived_at.format: \"excel\" gives local times, so a time zone is needed: add"
            + " input.time_zone (or time_zone here) with an IANA name such as Europe/Madrid (excel).");
  }

  @Test
  void derived_fields_must_read_a_mapped_field_of_the_same_type() {
    refusedMapping(
        """
        contacts: {contact_id: Id, channel: {constant: phone}, arrived_at: At, answered_at: {field: resolved_at}}
        """,
        "m.yaml, line 1, column 93, key contacts.answered_at.field: \"resolved_at\" is not another mapped field of contacts;"
            + " expected a field mapped in this section, such as arrived_at.");
    refusedMapping(
        """
        contacts: {contact_id: Id, channel: {constant: phone}, arrived_at: At, talk_s: {column: T, plus: W}}
        """,
        "m.yaml, line 1, column 98, key contacts.talk_s.plus: adds a duration, and talk_s is not a timestamp.");
  }

  @Test
  void a_field_needs_exactly_one_source_and_skips_need_a_reason() {
    refusedMapping(
        """
        contacts: {contact_id: {column: Id, constant: x}, channel: {constant: phone}, arrived_at: At}
        """,
        "m.yaml, line 1, column 24, key contacts.contact_id: has 2 sources (column, constant); expected exactly one of column,"
            + " constant, template, field, or date with time.");
    refusedMapping(
        """
        skip: [{when: {Outcome: PHANTOM}}]
        contacts: {contact_id: Id, channel: {constant: phone}, arrived_at: At}
        """,
        "m.yaml, line 1, column 8, key skip[0].reason: is missing; say why the rows are set aside (the summary shows it).");
  }

  @Test
  void yaml_syntax_errors_and_empty_mappings_are_named() {
    assertThatThrownBy(() -> Mapping.parse("m.yaml", "contacts: {contact_id: Id\n"))
        .isInstanceOf(MappingException.class)
        .hasMessageStartingWith("m.yaml: is not valid YAML at line ");
    refusedMapping(
        "input: {time_zone: UTC}\n",
        "m.yaml: maps no records; expected at least one section named after a"
            + " kind of record: contacts, surveys, agent_states, customers, costs, call_outcomes, tickets,"
            + " ticket_events.");
  }

  @Test
  void reading_a_kind_the_mapping_has_no_section_for_is_refused() {
    assertThatThrownBy(() -> read(CALLS, "Id,Start\n", RecordType.SURVEYS))
        .isInstanceOf(MappingException.class)
        .hasMessage("m.yaml: has no surveys section; it maps contacts. See docs/mapping.md.");
  }
}
