package io.yardstick.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.yardstick.model.RecordType;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Which files DuckDB's own reader may take as written: a file is plain only when every value reads
 * the same there as through {@link RecordReader} (which strips white space, skips empty lines...).
 */
class PlainCsvTest {
  @TempDir Path dir;

  private static final String HEADER = "contact_id,channel,arrived_at,topic\n";

  private Path file(String name, byte[] bytes) throws IOException {
    Path p = dir.resolve(name);
    Files.write(p, bytes);
    return p;
  }

  private PlainCsv.Plan plan(String text) throws IOException {
    Path p = file("f.csv", text.getBytes(StandardCharsets.UTF_8));
    return PlainCsv.plan(RecordType.CONTACTS, ImportSource.of(p.toString()));
  }

  private PlainCsv.Scan scan(String text) throws IOException {
    PlainCsv.Plan plan = plan(text);
    assertThat(plan).as("a plan for %s", text).isNotNull();
    return PlainCsv.scan(plan, bytes -> {}, () -> false);
  }

  @Test
  void a_plain_file_is_counted_record_by_record() throws IOException {
    PlainCsv.Scan s =
        scan(
            HEADER
                + "a,phone,2026-03-01T10:00:00Z,\n"
                + "b,email,2026-03-01T10:00:00Z,\"two\nlines, \"\"quoted\"\"\"\n"
                + "c,chat,2026-03-01T10:00:00Z,\"\"\n"
                + "d,chat,2026-03-01T10:00:00Z,last");
    assertThat(s.plain()).as(s.why()).isTrue();
    assertThat(s.records()).isEqualTo(4); // the quoted line break is inside one record
  }

  @Test
  void the_plan_maps_columns_to_fields_in_any_order() throws IOException {
    PlainCsv.Plan plan = plan("Topic,ARRIVED_AT,contact_id,channel\n");
    assertThat(plan.fieldAt())
        .containsExactly(
            RecordType.CONTACTS.indexOf("topic"),
            RecordType.CONTACTS.indexOf("arrived_at"),
            RecordType.CONTACTS.indexOf("contact_id"),
            RecordType.CONTACTS.indexOf("channel"));
    assertThat(plan.crlf()).isFalse();
  }

  @Test
  void crlf_files_and_a_byte_order_mark_are_plain() throws IOException {
    String text = HEADER.replace("\n", "\r\n") + "a,phone,2026-03-01T10:00:00Z,x\r\n";
    byte[] body = text.getBytes(StandardCharsets.UTF_8);
    byte[] bytes = new byte[body.length + 3];
    bytes[0] = (byte) 0xEF;
    bytes[1] = (byte) 0xBB;
    bytes[2] = (byte) 0xBF;
    System.arraycopy(body, 0, bytes, 3, body.length);
    PlainCsv.Plan plan =
        PlainCsv.plan(RecordType.CONTACTS, ImportSource.of(file("bom.csv", bytes).toString()));
    assertThat(plan.crlf()).isTrue();
    PlainCsv.Scan s = PlainCsv.scan(plan, b -> {}, () -> false);
    assertThat(s.plain()).as(s.why()).isTrue();
    assertThat(s.records()).isEqualTo(1);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "a,phone, 2026-03-01T10:00:00Z,x\n", // leading space: RecordReader strips it
        "a,phone,2026-03-01T10:00:00Z,x \n", // trailing space
        "a,phone,2026-03-01T10:00:00Z,x\t\n", // trailing tab
        "a,phone,2026-03-01T10:00:00Z,\" x\"\n", // quoted, leading space
        "a,phone,2026-03-01T10:00:00Z,\"x\n\"\n", // quoted, trailing line break
        "a,phone,2026-03-01T10:00:00Z,x\u3000\n", // ideographic space
        "a,phone,2026-03-01T10:00:00Z,\u2028x\n", // line separator
        "a,phone,2026-03-01T10:00:00Z,x\u1680\n", // ogham space mark
        "a,phone,2026-03-01T10:00:00Z,x\n\nb,phone,2026-03-01T10:00:00Z,y\n", // empty line
        "a,phone,2026-03-01T10:00:00Z,x\r\nb,phone,2026-03-01T10:00:00Z,y\n", // mixed line ends
        "a,phone,2026-03-01T10:00:00Z\n", // one value short
        "a,phone,2026-03-01T10:00:00Z,x,y\n", // one value over
        "a,phone,2026-03-01T10:00:00Z,x\"y\n", // a quote inside a value
        "a,phone,2026-03-01T10:00:00Z,\"x\"y\n", // text after the closing quote
        "a,phone,2026-03-01T10:00:00Z,\"x\n", // unterminated
        "a,phone,2026-03-01T10:00:00Z,x\u0000\n", // NUL
        "   \n", // a blank line, which RecordReader skips
      })
  void files_that_read_differently_are_not_plain(String body) throws IOException {
    PlainCsv.Scan s = scan(HEADER + body);
    assertThat(s.plain()).isFalse();
    assertThat(s.why()).isNotBlank();
  }

  @Test
  void inner_spaces_and_other_unicode_are_plain() throws IOException {
    PlainCsv.Scan s =
        scan(HEADER + "a,phone,2026-03-01T10:00:00Z,atención al cliente – 東京 \u00A0x\n");
    assertThat(s.plain()).as(s.why()).isTrue();
  }

  /** Values that straddle the scanner's 1 MiB blocks are judged as a whole. */
  @Test
  void block_boundaries_change_nothing() throws IOException {
    StringBuilder quoted = new StringBuilder(HEADER);
    StringBuilder unquoted = new StringBuilder(HEADER);
    int n = 0;
    while (quoted.length() < (1 << 20) + 200_000) {
      quoted.append("id-").append(n).append(",phone,2026-03-01T10:00:00Z,\"t o\npic\"\n");
      unquoted.append("id-").append(n).append(",phone,2026-03-01T10:00:00Z,topic\n");
      n++;
    }
    PlainCsv.Scan s = scan(quoted.toString());
    assertThat(s.plain()).as(s.why()).isTrue();
    assertThat(s.records()).isEqualTo(n);
    String plain = unquoted.toString();
    assertThat(scan(plain).records()).isEqualTo(n);
    assertThat(scan(plain).keysUnique()).isTrue(); // every id once, timestamps read across blocks
    String repeated = plain + "id-7,phone,2026-03-01T10:00:00Z,topic\n";
    assertThat(scan(repeated).plain()).isTrue();
    assertThat(scan(repeated).keysUnique()).isFalse();
    // a space before a delimiter, and a Unicode space, placed all across the first block's end
    for (int at = (1 << 20) - 6; at <= (1 << 20) + 6; at++) {
      int comma = plain.indexOf(',', at);
      String spaced = plain.substring(0, comma) + " " + plain.substring(comma);
      assertThat(scan(spaced).plain()).as("a space before byte %d", comma).isFalse();
      String ideographic = plain.substring(0, at) + "\u3000" + plain.substring(at);
      assertThat(scan(ideographic).plain()).as("U+3000 at byte %d", at).isFalse();
    }
  }

  @Test
  void only_files_on_disk_of_csv_with_a_plain_header_have_a_plan() throws IOException {
    assertThat(PlainCsv.plan(RecordType.CONTACTS, ImportSource.of("x.csv", HEADER.getBytes())))
        .isNull(); // in memory: no path
    ByteArrayOutputStream gz = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
      out.write((HEADER + "a,phone,2026-03-01T10:00:00Z,x\n").getBytes(StandardCharsets.UTF_8));
    }
    assertThat(
            PlainCsv.plan(
                RecordType.CONTACTS,
                ImportSource.of(file("f.csv.gz", gz.toByteArray()).toString())))
        .isNull();
    assertThat(plan("{\"contact_id\": \"a\"}\n")).isNull(); // JSON Lines
    assertThat(plan("\"contact_id\",channel,arrived_at\n")).isNull(); // a quoted name
    assertThat(plan("contact_id,chanel,arrived_at\n")).isNull(); // RecordReader says why
    assertThat(
            PlainCsv.plan(
                RecordType.CUSTOMERS,
                ImportSource.of(file("c.csv", "customer_id,since,tier\n".getBytes()).toString())))
        .isNull(); // attributes
  }

  @Test
  void typed_values_must_have_their_one_form() throws IOException {
    assertThat(scan(HEADER + "a,phone,2026-03-01T10:15:00+01:00,x\n").plain()).isTrue();
    assertThat(scan(HEADER + "a,phone,\"2026-03-01T10:15:00Z\",x\n").plain()).isTrue();
    assertThat(scan(HEADER + "a,phone,2026-03-01T10:15+01,x\n").plain()).isFalse();
    assertThat(scan(HEADER + "a,phone,\"2026-03-01T10:15\"\"Z\",x\n").plain()).isFalse();
    assertThat(scan(HEADER + "a,Teléfono,2026-03-01T10:15:00Z,x\n").plain()).isFalse(); // a word
    assertThat(scan(HEADER + "a,phone,2026-03-01T10:15:00Z,Teléfono\n").plain()).isTrue(); // text
  }

  @Test
  void keys_are_followed_unquoted_and_quoted() throws IOException {
    PlainCsv.Scan distinct =
        scan(HEADER + "a,phone,2026-03-01T10:00:00Z,x\n\"b\",phone,2026-03-01T10:00:00Z,x\n");
    assertThat(distinct.keysUnique()).isTrue();
    PlainCsv.Scan repeated =
        scan(HEADER + "a,phone,2026-03-01T10:00:00Z,x\n\"a\",phone,2026-03-01T10:00:00Z,x\n");
    assertThat(repeated.plain()).isTrue();
    assertThat(repeated.keysUnique()).isFalse(); // "a" quoted is the same key as a
    PlainCsv.Scan escaped = scan(HEADER + "\"a\"\"b\",phone,2026-03-01T10:00:00Z,x\n");
    assertThat(escaped.plain()).isTrue();
    assertThat(escaped.keysUnique()).isFalse(); // not followed: the store counts
  }

  /**
   * Every instant the plain form takes is one {@link Timestamps} reads (the form is a subset of
   * what the careful path accepts; DuckDB reads the same instants, PlainCsvLoadTest).
   */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "2026-03-01T10:15:00Z",
        "2026-03-01 10:15:00.5+05:30",
        "2026-03-01T10:15:00.123456-0330",
        "2026-03-01T10:15:00+02",
        "1900-01-01T00:00:00+18:00",
        "2199-12-31T23:59:59-17:59",
      })
  void instants_in_the_form_read_the_same_both_ways(String text) {
    byte[] b = text.getBytes(StandardCharsets.US_ASCII);
    assertThat(PlainCsv.matches(PlainCsv.Form.INSTANT, b, 0, b.length)).isTrue();
    assertThat(Timestamps.parse(text)).isNotNull();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2026-03-01T10:15Z", // no seconds
        "2026-03-01t10:15:00Z",
        "2026-03-01T10:15:00z",
        "2026-03-01T10:15:00,5Z",
        "2026-03-01T10:15:00.1234567Z", // nanoseconds
        "2026-03-01T10:15:00", // no offset
        "2026-03-01T24:00:00Z",
        "2026-13-01T10:15:00Z",
        "2026-03-32T10:15:00Z",
        "1899-12-31T10:15:00Z",
        "2026-03-01T10:15:00+18:30",
        "2026-03-01T10:15:00+1",
        "2026-03-01T10:15:00+01:0",
        "2026-3-01T10:15:00Z",
      })
  void instants_in_other_forms_are_not_plain(String text) {
    byte[] b = text.getBytes(StandardCharsets.US_ASCII);
    assertThat(PlainCsv.matches(PlainCsv.Form.INSTANT, b, 0, b.length)).isFalse();
  }

  @Test
  void numbers_have_one_form_each() {
    assertThat(forms(PlainCsv.Form.SECONDS, "12", "12.5", ".5", "3.", "0")).containsOnly(true);
    assertThat(forms(PlainCsv.Form.SECONDS, ".", "-1", "1e3", "1.2.3", "NaN", "+1"))
        .containsOnly(false);
    assertThat(forms(PlainCsv.Form.MONEY, "-12.3456", "0", "99999999999999.9999", "1.5"))
        .containsOnly(true);
    assertThat(forms(PlainCsv.Form.MONEY, "1.23456", "123456789012345", "+1", "1.", ".5", "1e2"))
        .containsOnly(false);
    assertThat(forms(PlainCsv.Form.SCORE, "5", "+7", "-1", "123456789")).containsOnly(true);
    assertThat(forms(PlainCsv.Form.SCORE, "1234567890", "4.0", "+", "five")).containsOnly(false);
    assertThat(forms(PlainCsv.Form.DATE, "2026-02-28", "1900-01-01")).containsOnly(true);
    assertThat(forms(PlainCsv.Form.DATE, "2026-2-28", "26-02-28", "2026-02-28T00:00:00Z"))
        .containsOnly(false);
  }

  private static java.util.List<Boolean> forms(PlainCsv.Form form, String... values) {
    java.util.List<Boolean> out = new java.util.ArrayList<>();
    for (String v : values) {
      byte[] b = v.getBytes(StandardCharsets.US_ASCII);
      out.add(PlainCsv.matches(form, b, 0, b.length));
    }
    return out;
  }
}
