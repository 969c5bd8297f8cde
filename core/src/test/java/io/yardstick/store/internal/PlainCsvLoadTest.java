package io.yardstick.store.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.yardstick.ingest.ImportException;
import io.yardstick.ingest.ImportSource;
import io.yardstick.model.RecordType;
import io.yardstick.store.LoadCounts;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A plain CSV file loaded by DuckDB's own reader ({@link PlainCsvSql}) stores exactly what the
 * careful path ({@link io.yardstick.ingest.RecordReader} and the appender) stores from the same
 * file; a file or value it does not take goes the careful way, with the same result or the same
 * error.
 */
class PlainCsvLoadTest {
  @TempDir Path dir;

  private static final String CONTACTS =
      "contact_id,case_id,channel,direction,queue,topic,customer_id,agent_id,team,arrived_at,"
          + "answered_at,first_response_at,abandoned_at,resolved_at,talk_s,hold_s,wrap_s,resolved,"
          + "converted,revenue\n"
          // offsets of half and three quarters of an hour, fractions, a space for the T
          + "c1,k1,Phone,OUTBOUND,sales,\"billing, late\",u1,a1,t1,2026-03-29T01:59:59.5+05:30,"
          + "2026-03-29T02:00:00.123456+05:30,,,2026-03-29 03:00:00+05:45,12.5,.5,3.,,TRUE,-12.3456\n"
          // no direction (inbound), no resolved (from resolved_at), zero revenue, St John's offset
          + "c2,k1,email,,\"ventas \"\"VIP\"\"\",\"two\nlines\",u2,,,2026-10-25T00:30:00-02:30,,"
          + "2026-10-25T00:30:00-02:30,,2026-10-25T05:00:00Z,,,,,false,0\n"
          // abandoned, resolved false although resolved_at is empty, text in other scripts
          + "c3,,chat,inbound,atención,東京,,,,2026-01-01T00:00:00Z,,,2026-01-01T00:01:00Z,,,,,"
          + "False,,99999999999999.9999\n"
          // the same key again: the later line wins
          + "c1,k2,phone,inbound,q,t,u1,a1,t1,2026-03-30T08:00:00+02:00,,,,,,,,,,\n"
          // compact offsets, as PostgreSQL and some exports write them
          + "c4,,phone,,,,,,,2026-03-01 10:15:00+02,2026-03-01T10:15:00.5+0200,,,"
          + "2026-03-01T23:00:00-1130,,,,,,\n";

  private DuckDbStore store(String name) {
    return DuckDbStore.open(dir.resolve(name + ".duckdb"));
  }

  private ImportSource file(String name, String text) throws IOException {
    Path p = dir.resolve(name);
    Files.writeString(p, text, StandardCharsets.UTF_8);
    return ImportSource.of(p.toString());
  }

  private static List<List<Object>> rows(DuckDbStore store, String table, String order) {
    return store.query("SELECT * FROM " + table + " ORDER BY " + order).stream()
        .map(Arrays::asList)
        .toList();
  }

  /** Imports a file both ways into fresh stores and checks they keep the same rows and counts. */
  private void sameBothWays(RecordType type, String text, String order) throws IOException {
    ImportSource source = file(type.table() + ".csv", text);
    try (DuckDbStore plain = store("plain-" + type.table());
        DuckDbStore careful = store("careful-" + type.table())) {
      LoadCounts viaPlain = plain.importFile(type, source, b -> {});
      assertThat(plain.lastImportPlain()).as("the plain load took %s", type).isTrue();
      LoadCounts viaCareful;
      System.setProperty("yardstick.import.plain", "false");
      try {
        viaCareful = careful.importFile(type, source, b -> {});
      } finally {
        System.clearProperty("yardstick.import.plain");
      }
      assertThat(careful.lastImportPlain()).isFalse();
      assertThat(viaPlain).isEqualTo(viaCareful);
      assertThat(rows(plain, type.table(), order))
          .isNotEmpty()
          .isEqualTo(rows(careful, type.table(), order));
      if (type == RecordType.CONTACTS) {
        assertThat(rows(plain, "cases", "case_id")).isEqualTo(rows(careful, "cases", "case_id"));
      }
    }
  }

  @Test
  void contacts_are_stored_alike_both_ways() throws IOException {
    sameBothWays(RecordType.CONTACTS, CONTACTS, "contact_id");
  }

  @Test
  void the_store_keeps_no_setting_of_the_load() throws IOException {
    try (DuckDbStore store = store("settings")) {
      store.importFile(RecordType.CONTACTS, file("s.csv", CONTACTS), b -> {});
      assertThat(store.lastImportPlain()).isTrue();
      // progress is tracked for the load's statement only
      assertThat(store.query("SELECT current_setting('enable_progress_bar')").get(0)[0])
          .isEqualTo(false);
    }
  }

  @Test
  void crlf_contacts_are_stored_alike_both_ways() throws IOException {
    sameBothWays(RecordType.CONTACTS, CONTACTS.replace("\n", "\r\n"), "contact_id");
  }

  @Test
  void other_record_types_are_stored_alike_both_ways() throws IOException {
    sameBothWays(
        RecordType.SURVEYS,
        "survey_id,kind,score,submitted_at,contact_id,customer_id,agent_id,comment\n"
            + "s1,CSAT,5,2026-03-01T10:00:00Z,c1,u1,a1,\"great, thanks\"\n"
            + "s2,nps,0,2026-03-01T10:00:00+01:00,,,,\n"
            + "s3,ces,+7,2026-03-01T10:00:00Z,,,,\n",
        "survey_id");
    sameBothWays(
        RecordType.AGENT_STATES,
        "agent_id,state,started_at,ended_at\n"
            + "a1,Available,2026-03-01T08:00:00Z,2026-03-01T09:00:00Z\n"
            + "a1,break,2026-03-01T09:00:00Z,2026-03-01T09:15:00.25Z\n",
        "agent_id, started_at");
    sameBothWays(
        RecordType.COSTS,
        "period_start,period_end,amount,currency,category\n"
            + "2026-03-01,2026-03-31,1234.5,eur,Salaries\n"
            + "2026-04-01,2026-04-30,-10,,\n",
        "period_start");
    sameBothWays(
        RecordType.TICKET_EVENTS,
        "case_id,occurred_at,kind,status,priority,actor,agent_id\n"
            + "k1,2026-03-01T10:00:00Z,status,On Hold,,,\n"
            + "k1,2026-03-01T11:00:00Z,reply,,,agent,a1\n"
            + "k1,2026-03-01T12:00:00Z,priority,,high,,\n",
        "case_id, occurred_at");
  }

  /**
   * Values in forms the plain load does not take, valid or not: the careful path imports them, or
   * refuses them naming the line, column and value, exactly as before.
   */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "2026-03-01T10:15+01", // no seconds, a short offset: valid
        "2026-03-01t10:15:00z", // lowercase t and z: valid
        "2026-03-01T10:15:00,5+0100", // a decimal comma, a compact offset: valid
        "2026-03-01T10:15:00.1234567Z", // nanoseconds: valid
        "1850-03-01T10:15:00Z", // an old year: valid
        "2026-03-01T10:15:00", // no offset: refused
        "2026-02-30T10:15:00Z", // no such day: refused
        "2026-03-01T24:00:00Z", // no such hour: refused
      })
  void instants_the_plain_load_does_not_take_go_the_careful_way(String instant) throws IOException {
    String text =
        "contact_id,channel,arrived_at\nx,phone,2026-03-01T09:00:00Z\ny,phone," + instant + "\n";
    ImportSource source = file("i.csv", text);
    try (DuckDbStore plain = store("p");
        DuckDbStore careful = store("c")) {
      Object viaPlain;
      Object viaCareful;
      try {
        viaPlain = plain.importFile(RecordType.CONTACTS, source, b -> {});
      } catch (ImportException e) {
        viaPlain = e.getMessage();
      }
      assertThat(plain.lastImportPlain()).isFalse();
      System.setProperty("yardstick.import.plain", "false");
      try {
        viaCareful = careful.importFile(RecordType.CONTACTS, source, b -> {});
      } catch (ImportException e) {
        viaCareful = e.getMessage();
      } finally {
        System.clearProperty("yardstick.import.plain");
      }
      assertThat(viaPlain).isEqualTo(viaCareful);
      if (viaPlain instanceof LoadCounts) {
        assertThat(rows(plain, "contacts", "contact_id"))
            .isEqualTo(rows(careful, "contacts", "contact_id"));
      } else {
        assertThat(plain.count(RecordType.CONTACTS)).isZero();
      }
    }
  }

  @Test
  void a_bad_value_is_named_by_its_line_and_nothing_is_kept() throws IOException {
    StringBuilder text = new StringBuilder("contact_id,channel,arrived_at,answered_at\n");
    for (int i = 0; i < 5000; i++) {
      text.append("c").append(i).append(",phone,2026-03-01T09:00:00Z,2026-03-01T09:01:00Z\n");
    }
    text.append("bad,phone,2026-03-01T09:00:00Z,2026-03-01T08:59:00Z\n"); // line 5002
    ImportSource source = file("bad.csv", text.toString());
    try (DuckDbStore store = store("bad")) {
      assertThatThrownBy(() -> store.importFile(RecordType.CONTACTS, source, b -> {}))
          .isInstanceOf(ImportException.class)
          .hasMessageContaining("line 5002")
          .hasMessageContaining("answered_at");
      assertThat(store.count(RecordType.CONTACTS)).isZero();
      assertThat(store.lastImportPlain()).isFalse();
    }
  }

  @Test
  void a_second_import_into_a_filled_table_goes_the_careful_way() throws IOException {
    try (DuckDbStore store = store("twice")) {
      store.importFile(RecordType.CONTACTS, file("a.csv", CONTACTS), b -> {});
      assertThat(store.lastImportPlain()).isTrue();
      LoadCounts again = store.importFile(RecordType.CONTACTS, file("a.csv", CONTACTS), b -> {});
      assertThat(store.lastImportPlain()).isFalse();
      assertThat(again.replaced()).isEqualTo(4); // idempotent: the same four contacts again
      assertThat(store.count(RecordType.CONTACTS)).isEqualTo(4);
    }
  }
}
