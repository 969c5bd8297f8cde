package io.yardstick.staffing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.NamedCsvRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every published case in ../shared/data/erlang (test suites of the R package ErlangC, pyworkforce
 * and a Java ErlangC project, and Miller's Anonymous Bank staffing), each to the precision it is
 * stated with: half a unit of its last printed digit, or the tolerance its note names. The files
 * stay outside the repository; without them these tests are skipped with a message saying so.
 */
class ErlangReferenceCasesTest {
  private static final Pattern TOLERANCE = Pattern.compile("tolerance ([0-9.eE-]+)");

  static Path shared(String folder) {
    Path dir = Path.of("..", "shared", "data", folder).toAbsolutePath().normalize();
    if (!Files.isDirectory(dir))
      dir = Path.of("..", "..", "shared", "data", folder).toAbsolutePath().normalize();
    assumeTrue(
        Files.isDirectory(dir),
        "Skipped: "
            + dir
            + " is absent (the shared data folder ../shared/data is not"
            + " beside this checkout; CI always has it).");
    return dir;
  }

  static List<NamedCsvRecord> rows(String file) {
    try (CsvReader<NamedCsvRecord> r =
        CsvReader.builder().ofNamedCsvRecord(shared("erlang").resolve(file))) {
      return r.stream().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The allowance a printed value carries: the note's tolerance, else half a unit of its last
   * decimal.
   */
  static double precision(String printed, String note) {
    Matcher m = TOLERANCE.matcher(note);
    if (m.find()) return Double.parseDouble(m.group(1));
    int dot = printed.indexOf('.');
    int decimals = dot < 0 ? 0 : printed.length() - dot - 1;
    return 0.5 * Math.pow(10, -decimals) * (1 + 1e-9);
  }

  @TestFactory
  Stream<DynamicTest> erlang_b_lines_match_every_reference_case() {
    return rows("erlang_b_reference_cases.csv").stream()
        .map(
            r ->
                DynamicTest.dynamicTest(
                    r.getField("case_id"),
                    () ->
                        assertThat(
                                ErlangB.lines(
                                    Double.parseDouble(r.getField("traffic_erlangs")),
                                    Double.parseDouble(r.getField("blocking"))))
                            .isEqualTo(Integer.parseInt(r.getField("expected_lines")))));
  }

  @TestFactory
  Stream<DynamicTest> erlang_c_metrics_match_every_reference_case_to_its_printed_precision() {
    return rows("erlang_c_reference_cases.csv").stream()
        .map(
            r ->
                DynamicTest.dynamicTest(
                    r.getField("case_id"),
                    () -> {
                      Workload w =
                          Workload.of(num(r, "calls"), num(r, "interval_s"), num(r, "aht_s"));
                      String target = r.getField("target_answer_s");
                      QueueMetrics m =
                          ErlangC.metrics(
                              w,
                              (int) num(r, "agents"),
                              1,
                              target.isEmpty() ? 0 : Double.parseDouble(target));
                      String note = r.getField("note");
                      check(r, "expected_traffic_erlangs", m.trafficErlangs(), note);
                      check(r, "expected_pw", m.probabilityWait(), note);
                      check(r, "expected_service_level", m.serviceLevel(), note);
                      check(r, "expected_asa_s", m.asaSeconds(), note);
                      check(r, "expected_occupancy", m.occupancy(), note);
                    }));
  }

  @TestFactory
  Stream<DynamicTest> required_agents_match_every_reference_case() {
    return rows("erlang_staffing_reference_cases.csv").stream()
        .filter(r -> !r.getField("case_id").startsWith("miller"))
        .map(
            r ->
                DynamicTest.dynamicTest(
                    r.getField("case_id"),
                    () -> {
                      Workload w =
                          Workload.of(num(r, "calls"), num(r, "interval_s"), num(r, "aht_s"));
                      StaffingTarget t =
                          StaffingTarget.serviceLevel(
                                  num(r, "target_sl"), num(r, "target_answer_s"))
                              .maxOccupancy(num(r, "max_occupancy"))
                              .shrinkage(num(r, "shrinkage"))
                              .build();
                      Staffing s = Staffing.required(w, t);
                      assertThat(s.agents()).isEqualTo((int) num(r, "expected_agents"));
                      if (!r.getField("expected_agents_with_shrinkage").isEmpty()) {
                        assertThat(s.scheduledAgents())
                            .isEqualTo((int) num(r, "expected_agents_with_shrinkage"));
                      }
                    }));
  }

  /**
   * Miller (2015): Anonymous Bank, the four Wednesdays of February 1999, PHANTOM calls and negative
   * VRU times dropped, calls per hour of VRU entry / 4, 15 calls per agent-hour, the fewest agents
   * with Erlang C P(wait) <= 0.5.
   */
  @Test
  void miller_anonymous_bank_hourly_agents_are_reproduced_exactly() throws IOException {
    NamedCsvRecord row =
        rows("erlang_staffing_reference_cases.csv").stream()
            .filter(r -> r.getField("case_id").startsWith("miller"))
            .findFirst()
            .orElseThrow();
    int[] expected =
        Arrays.stream(row.getField("expected_agents").split(" "))
            .mapToInt(Integer::parseInt)
            .toArray();
    Path file = shared("anonymous-bank").resolve("data_anonymous_bank_february.txt");
    int[] calls = new int[24];
    List<String> lines = Files.readAllLines(file);
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.split("\t");
      if (f.length < 17 || f[12].equals("PHANTOM") || Integer.parseInt(f[8].trim()) < 0) continue;
      LocalDate date =
          LocalDate.of(
              1900 + Integer.parseInt(f[5].substring(0, 2)),
              Integer.parseInt(f[5].substring(2, 4)),
              Integer.parseInt(f[5].substring(4, 6)));
      if (date.getDayOfWeek() != DayOfWeek.WEDNESDAY) continue;
      calls[Integer.parseInt(f[6].split(":")[0])]++;
    }
    List<Integer> agents = new ArrayList<>();
    for (int h = 0; h < 24; h++) {
      double traffic = calls[h] / 4.0 / 15.0;
      int n = 0;
      if (traffic > 0) {
        do n++;
        while (ErlangC.probabilityWait(traffic, n) > 0.5);
      }
      agents.add(n);
    }
    assertThat(agents).containsExactly(Arrays.stream(expected).boxed().toArray(Integer[]::new));
  }

  private static double num(NamedCsvRecord r, String field) {
    return Double.parseDouble(r.getField(field));
  }

  private static void check(NamedCsvRecord r, String field, double actual, String note) {
    String printed = r.getField(field);
    if (printed.isEmpty()) return;
    assertThat(actual)
        .as(r.getField("case_id") + " " + field)
        .isCloseTo(Double.parseDouble(printed), within(precision(printed, note)));
  }
}
