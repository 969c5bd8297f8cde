package io.yardstick.ingest.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import io.yardstick.ingest.ImportSource;
import io.yardstick.model.RecordType;
import io.yardstick.sources.CollectingLoader;
import io.yardstick.sources.Fuzzing;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Issue 10: random and mutated delimited files (seeded, so a failing case can be replayed) read
 * through a mapping with formats, value maps, derived fields, skips and out_of_order rules: each is
 * read into rows that pass the canonical validation with unique keys, with rows read, or refused
 * with an import error naming the file; never anything else, never an unforeseen failure.
 */
class MappingFuzzTest {
  static final Mapping MAPPING =
      Mapping.parse(
          "fuzz.yaml",
          MappingOutOfOrderTest.MAPPING
              + """
        talk_s: {column: Talk, format: "mm:ss", absent: ["-"]}
        abandoned_at: {field: arrived_at, plus: {column: Wait, format: seconds}, when: {Status: Abandoned}}
        skip:
          - when: {Type: Spam}
            reason: spam
        out_of_order:
          first_response_at: set_aside
          resolved_at: clear
      surveys:
        skip:
          - when: {Score: ""}
            reason: no score
        survey_id: {template: "fd-{Ticket ID}"}
        kind: {constant: csat}
        score: Score
        submitted_at: {column: Created time, format: "yyyy-MM-dd HH:mm:ss"}
      """);

  private static final String HEADER =
      "Ticket ID,Subject,Status,Priority,Source,Type,Agent,Group,Created time,"
          + "Resolved time,Initial response time,Talk,Wait,Score";
  private static final String[] STATUS = {"Open", "Pending", "Resolved", "Closed", "open", ""};
  private static final String[] SOURCE = {"Email", "Portal", "Phone", "Chat", "email"};
  private static final String[] TYPE = {"Incident", "Question", "Spam", ""};
  private static final String[] CREATED = {
    "2026-03-09 09:00:00", "2026-03-09 08:59:59", "2026-03-09 10:30:00"
  };
  private static final String[] TIME = {
    "2026-03-09 09:00:00", "2026-03-09 08:59:59", "2026-03-09 10:30:00", ""
  };
  private static final String[] TALK = {"01:30", "00:00", "90:00", "-", ""};
  private static final String[] WAIT = {"0", "12", "3.5", ""};
  private static final String[] SCORE = {"1", "5", "3", ""};

  /** Values some column of the mapping refuses; one in about 100 values is one of these. */
  private static final String[] BAD = {
    "",
    "Other",
    "Fax",
    "Abandoned",
    "2026-03-29 02:30:00",
    "2026-02-30 10:00:00",
    "09/03/2026 10:00",
    "-1",
    "x",
    "1:5",
    "-01:00",
    "1e9",
    "0",
    "6",
    "4.5",
    "-4"
  };

  @Test
  void random_and_mutated_files_are_read_or_refused_never_crash() {
    int read = 0;
    int refused = 0;
    for (int seed = 0; seed < 3000; seed++) {
      Random r = new Random(seed);
      String data = randomFile(r);
      boolean ok =
          Fuzzing.readOrRefused(
              seed,
              "fuzz.csv",
              data,
              () -> {
                CollectingLoader loader = new CollectingLoader();
                MappingSummary s =
                    MAPPING.read(
                        ImportSource.of("fuzz.csv", data.getBytes(StandardCharsets.UTF_8)),
                        Set.of(RecordType.CONTACTS, RecordType.SURVEYS),
                        loader::sink,
                        b -> {});
                loader.validate();
                assertThat(s.rowsRead() > 0 || data.isBlank())
                    .as("rows read from a file that is not empty")
                    .isTrue();
                // Every row read is kept or set aside, per kind of record.
                for (RecordType t : List.of(RecordType.CONTACTS, RecordType.SURVEYS)) {
                  assertThat(s.kept(t) + s.setAsideCount(t)).isEqualTo(s.rowsRead());
                  assertThat(loader.rows(t)).hasSize((int) s.kept(t));
                }
              });
      if (ok) read++;
      else refused++;
    }
    assertThat(read).isGreaterThan(1000);
    assertThat(refused).isGreaterThan(300);
  }

  /**
   * Up to 12 rows of plausible values, with now and then a bad one, a cut line, a missing header or
   * junk.
   */
  static String randomFile(Random r) {
    StringBuilder b = new StringBuilder();
    int shape = r.nextInt(20);
    if (shape == 0) return r.nextBoolean() ? "" : "\n \n";
    if (shape != 1) b.append(HEADER).append(r.nextInt(10) == 0 ? "\r\n" : "\n");
    int n = r.nextInt(13);
    for (int i = 0; i < n; i++) {
      String id = r.nextInt(40) == 0 ? "" : Integer.toString(i + 1);
      String line =
          String.join(
              ",",
              id,
              r.nextBoolean() ? "Subject" : "\"Quoted, subject\"",
              pick(r, STATUS),
              "Low",
              pick(r, SOURCE),
              pick(r, TYPE),
              r.nextBoolean() ? "Ana" : "",
              "Support",
              pick(r, CREATED),
              pick(r, TIME),
              pick(r, TIME),
              pick(r, TALK),
              pick(r, WAIT),
              pick(r, SCORE));
      if (r.nextInt(25) == 0) line = line.substring(0, r.nextInt(line.length() + 1)); // cut short
      if (r.nextInt(40) == 0) line = "\"unclosed," + line;
      b.append(line).append('\n');
    }
    return b.toString();
  }

  private static String pick(Random r, String[] options) {
    return r.nextInt(100) == 0 ? BAD[r.nextInt(BAD.length)] : options[r.nextInt(options.length)];
  }
}
