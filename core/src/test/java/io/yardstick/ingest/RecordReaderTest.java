package io.yardstick.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.yardstick.model.RecordType;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/**
 * Parsing and validation of canonical files: every refusal names file, line, column, value and what
 * was expected.
 */
class RecordReaderTest {
  record Read(long line, Object[] row) {}

  static List<Read> read(RecordType type, String name, String text) {
    return read(type, ImportSource.of(name, text.getBytes(StandardCharsets.UTF_8)));
  }

  static List<Read> read(RecordType type, ImportSource source) {
    List<Read> rows = new ArrayList<>();
    RecordReader.read(type, source, (line, row) -> rows.add(new Read(line, row)), bytes -> {});
    return rows;
  }

  static void refused(RecordType type, String text, String message) {
    assertThatThrownBy(() -> read(type, "f.csv", text))
        .isInstanceOf(ImportException.class)
        .hasMessage(message + ". Nothing from this file was imported.");
  }

  @Test
  void header_names_are_case_insensitive_and_in_any_order() {
    List<Read> rows =
        read(
            RecordType.CONTACTS,
            "f.csv",
            "ARRIVED_AT,Channel,contact_id\n2026-03-01T10:00:00+01:00,EMAIL,x\n");

    assertThat(rows).hasSize(1);
    Object[] row = rows.get(0).row();
    assertThat(row[0]).isEqualTo("x");
    assertThat(row[2]).isEqualTo("email");
    assertThat(row[3]).isEqualTo("inbound"); // direction defaults to inbound
    assertThat(row[9]).isEqualTo(Instant.parse("2026-03-01T09:00:00Z"));
    assertThat(row[17]).isEqualTo(false); // no resolved_at, no resolved: not resolved
  }

  @Test
  void line_numbers_count_physical_lines_including_quoted_newlines() {
    String text =
        "contact_id,channel,arrived_at,topic\nx,phone,2026-03-01T10:00:00Z,\"two\nlines\"\n\ny,phone,2026-03-01,\n";

    assertThatThrownBy(() -> read(RecordType.CONTACTS, "f.csv", text))
        .hasMessageStartingWith(
            "f.csv, line 5, column arrived_at: \"2026-03-01\" is not a valid timestamp");
  }

  @Test
  void unknown_columns_are_named() {
    refused(
        RecordType.CONTACTS,
        "contact_id,channel,arrived_at,Colour,size\n",
        "f.csv, line 1, column Colour, size: are not columns of contacts; expected only contact_id, case_id, channel,"
            + " direction, queue, topic, customer_id, agent_id, team, arrived_at, answered_at, first_response_at,"
            + " abandoned_at, resolved_at, talk_s, hold_s, wrap_s, resolved, converted, revenue (see docs/data-format.md)");
  }

  @Test
  void a_misspelt_column_names_the_closest() {
    refused(
        RecordType.CONTACTS,
        "contact_id,chanel,arrived_at\n",
        "f.csv, line 1, column chanel: is not a column of contacts (did you mean channel?); expected only"
            + " contact_id, case_id, channel, direction, queue, topic, customer_id, agent_id, team, arrived_at,"
            + " answered_at, first_response_at, abandoned_at, resolved_at, talk_s, hold_s, wrap_s, resolved,"
            + " converted, revenue (see docs/data-format.md)");
  }

  @Test
  void missing_required_columns_are_named() {
    refused(
        RecordType.SURVEYS,
        "survey_id,score\n",
        "f.csv, line 1, column kind, submitted_at: are required columns of surveys missing from the header");
  }

  @Test
  void a_repeated_column_is_refused() {
    refused(
        RecordType.CONTACTS,
        "contact_id,channel,arrived_at,CHANNEL\n",
        "f.csv, line 1, column channel: appears twice in the header (columns 2 and 4; names are case-insensitive)");
  }

  @Test
  void an_empty_required_value_is_refused() {
    refused(
        RecordType.CONTACTS,
        "contact_id,channel,arrived_at\nx, ,2026-03-01T10:00:00Z\n",
        "f.csv, line 2, column channel: is empty, but contacts require a value here: a word such as phone, chat or email");
  }

  @Test
  void a_score_outside_its_scale_is_refused() {
    refused(
        RecordType.SURVEYS,
        "survey_id,kind,score,submitted_at\ns,nps,10,2026-03-01T10:00:00Z\nt,CSAT,0,2026-03-01T10:00:00Z\n",
        "f.csv, line 3, column score: \"0\" is outside the csat scale; expected a whole number from 1 to 5");
  }

  @Test
  void values_of_each_type_are_checked() {
    String head = "contact_id,channel,arrived_at,";
    refused(
        RecordType.CONTACTS,
        head + "talk_s\nx,phone,2026-03-01T10:00:00Z,-5\n",
        "f.csv, line 2, column talk_s: \"-5\" is not a valid duration; expected a number of seconds, 0 or more, such as 95 or 12.5");
    refused(
        RecordType.CONTACTS,
        head + "resolved\nx,phone,2026-03-01T10:00:00Z,yes\n",
        "f.csv, line 2, column resolved: \"yes\" is not a boolean; expected true or false");
    refused(
        RecordType.CONTACTS,
        head + "direction\nx,phone,2026-03-01T10:00:00Z,incoming\n",
        "f.csv, line 2, column direction: \"incoming\" is not allowed here; expected inbound or outbound");
    refused(
        RecordType.CONTACTS,
        head + "revenue\nx,phone,2026-03-01T10:00:00Z,12.34567\n",
        "f.csv, line 2, column revenue: \"12.34567\" cannot be stored exactly; expected a decimal amount such as 1250.50"
            + " (at most 4 decimal places) and under 10^14");
    refused(
        RecordType.CONTACTS,
        head + "answered_at\nx,phone,2026-03-01T10:00:00Z,2026-02-30T10:00:00Z\n",
        "f.csv, line 2, column answered_at: \"2026-02-30T10:00:00Z\" is not a valid timestamp; expected an ISO-8601"
            + " timestamp with an offset or Z, such as 2026-03-01T09:15:00Z or 2026-03-01T10:15:00+01:00");
    refused(
        RecordType.AGENT_STATES,
        "agent_id,state,started_at,ended_at\na,lunch,2026-03-01T10:00:00Z,2026-03-01T11:00:00Z\n",
        "f.csv, line 2, column state: \"lunch\" is not allowed here; expected one of available, busy, wrap, break, offline");
    refused(
        RecordType.AGENT_STATES,
        "agent_id,state,started_at,ended_at\na,busy,2026-03-01T10:00:00Z,2026-03-01T10:00:00Z\n",
        "f.csv, line 2, column ended_at: \"2026-03-01T10:00:00Z\" is not after started_at 2026-03-01T10:00:00Z;"
            + " expected the end of the state to come after its start");
    refused(
        RecordType.CUSTOMERS,
        "customer_id,since,churned_at\nc,2026-03-01,2026-02-01\n",
        "f.csv, line 2, column churned_at: \"2026-02-01\" is before since 2026-03-01; expected a churn date on or after the customer's start");
    refused(
        RecordType.COSTS,
        "period_start,period_end,amount,currency\n2026-03-01,2026-03-31,10,euro\n",
        "f.csv, line 2, column currency: \"euro\" is not a currency code; expected a three-letter currency code such as EUR");
  }

  @Test
  void a_row_with_the_wrong_number_of_values_is_refused() {
    refused(
        RecordType.CONTACTS,
        "contact_id,channel,arrived_at\nx,phone,2026-03-01T10:00:00Z,extra\n",
        "f.csv, line 2: has 4 values but the header has 3 columns; expected one value per column (quote values that contain commas)");
  }

  @Test
  void an_empty_file_is_refused() {
    refused(
        RecordType.COSTS,
        "",
        "f.csv, line 1: is empty; expected a header row naming the columns of costs"
            + " (period_start, period_end, amount, currency, category)");
  }

  @Test
  void timestamps_accept_every_iso_offset_form() {
    assertThat(Timestamps.parse("2026-03-01T10:15:30+01:00"))
        .isEqualTo(Instant.parse("2026-03-01T09:15:30Z"));
    assertThat(Timestamps.parse("2026-03-01T10:15:30+0100"))
        .isEqualTo(Instant.parse("2026-03-01T09:15:30Z"));
    assertThat(Timestamps.parse("2026-03-01T10:15:30+01"))
        .isEqualTo(Instant.parse("2026-03-01T09:15:30Z"));
    assertThat(Timestamps.parse("2026-03-01T04:15:30.123456789-05:00"))
        .isEqualTo(Instant.parse("2026-03-01T09:15:30.123456789Z"));
    assertThat(Timestamps.parse("2026-03-01 09:15Z"))
        .isEqualTo(Instant.parse("2026-03-01T09:15:00Z"));
    assertThat(Timestamps.parse("2024-02-29T00:00:00z"))
        .isEqualTo(Instant.parse("2024-02-29T00:00:00Z"));
    assertThat(Timestamps.parse("2026-03-01T09:15:30")).isNull();
    assertThat(Timestamps.parse("2026-03-01T24:00:00Z")).isNull();
    assertThat(Timestamps.parse("2026-03-01T09:15:30+1:00")).isNull();
    assertThat(Timestamps.parse("2026-03-01T09:15:30Zjunk")).isNull();
  }

  @Test
  void json_lines_fields_are_case_insensitive_and_unknown_fields_refused() {
    List<Read> rows =
        read(
            RecordType.SURVEYS,
            "s.jsonl",
            "{\"Survey_ID\":\"s1\",\"kind\":\"CES\",\"score\":3,\"submitted_at\":\"2026-03-01T10:00:00Z\"}\n");
    assertThat(rows.get(0).row())
        .containsExactly(
            "s1", "ces", 3, Instant.parse("2026-03-01T10:00:00Z"), null, null, null, null);

    assertThatThrownBy(
            () ->
                read(
                    RecordType.SURVEYS,
                    "s.jsonl",
                    "\n{\"survey_id\":\"s1\",\"kind\":\"csat\",\"score\":3,\"submitted_at\":\"2026-03-01T10:00:00Z\",\"mood\":\"ok\"}\n"))
        .hasMessage(
            "s.jsonl, line 2, column mood: is not a field of surveys; expected only survey_id, kind, score,"
                + " submitted_at, contact_id, customer_id, agent_id, comment. Nothing from this file was imported.");
    assertThatThrownBy(() -> read(RecordType.SURVEYS, "s.jsonl", "{\"survey_id\":\"s1\",\n"))
        .hasMessageStartingWith("s.jsonl, line 1: \"{\"survey_id\":\"s1\",\" is not valid JSON");
    assertThatThrownBy(
            () ->
                read(
                    RecordType.SURVEYS,
                    "s.jsonl",
                    "{\"survey_id\":\"s1\",\"kind\":\"csat\",\"score\":3}\n"))
        .hasMessage(
            "s.jsonl, line 1, column submitted_at: is missing; surveys require it: an ISO-8601 timestamp with"
                + " an offset or Z, such as 2026-03-01T09:15:00Z or 2026-03-01T10:15:00+01:00. Nothing from this file was imported.");
  }

  @Test
  void customer_columns_beyond_the_canonical_ones_are_attributes() {
    List<Read> rows =
        read(RecordType.CUSTOMERS, "c.csv", "customer_id,since,AGE,Tier\nc1,2020-01-01,61,\n");

    assertThat(rows.get(0).row()[3]).isEqualTo(Map.of("age", "61"));
  }

  @Test
  void gzip_and_a_byte_order_mark_are_read() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
      gz.write(
          "\uFEFFcontact_id,channel,arrived_at\nx,phone,2026-03-01T10:00:00Z\n"
              .getBytes(StandardCharsets.UTF_8));
    }

    List<Read> rows = read(RecordType.CONTACTS, ImportSource.of("f.csv.gz", bytes.toByteArray()));

    assertThat(rows).extracting(Read::line).containsExactly(2L);
  }

  @Test
  void a_missing_file_is_named() {
    assertThatThrownBy(() -> ImportSource.of("/nonexistent/contacts.csv"))
        .hasMessage(
            "/nonexistent/contacts.csv: does not exist. Nothing from this file was imported.");
  }
}
