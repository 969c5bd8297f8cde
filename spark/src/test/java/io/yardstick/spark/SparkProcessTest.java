package io.yardstick.spark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.yardstick.ingest.ImportSource;
import io.yardstick.model.RecordType;
import io.yardstick.store.LoadCounts;
import io.yardstick.store.Store;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What only another process shows: an import killed (SIGKILL) while it writes the lake leaves the
 * table as it was, and the module's BatchReport runs through Spark's own spark-submit.
 */
class SparkProcessTest {
  @TempDir Path dir;

  /** The child of {@link #a_killed_import_leaves_the_table_as_it_was}: imports one file. */
  public static void main(String[] args) {
    try (Store store = Store.open(args[0])) {
      System.out.println(store.importFile(RecordType.CONTACTS, ImportSource.of(args[1]), b -> {}));
    }
  }

  private static final String SMALL =
      "contact_id,channel,arrived_at,answered_at,talk_s\n"
          + "k1,phone,2026-01-05T09:00:00Z,2026-01-05T09:00:30Z,120\n"
          + "k2,email,2026-02-10T12:00:00Z,,\n"
          + "k3,chat,2026-03-31T23:30:00Z,2026-03-31T23:31:00Z,60\n";

  /**
   * 200,000 contacts over January-March 2026, keys k1..k200000: the first three replace SMALL's (a
   * merge by key) and the import rewrites all three months, which takes Spark seconds.
   */
  private Path bigFile() throws IOException {
    Path f = dir.resolve("big.csv");
    Instant start = Instant.parse("2026-01-01T00:00:00Z");
    try (BufferedWriter w = Files.newBufferedWriter(f)) {
      w.write("contact_id,channel,arrived_at,answered_at,talk_s\n");
      for (int i = 1; i <= 200_000; i++) {
        Instant at = start.plusSeconds(i * 37L); // 200,000 x 37 s = 85.6 days: to 2026-03-27
        w.write("k" + i + ",phone," + at + "," + at.plusSeconds(i % 90) + "," + (i % 600) + "\n");
      }
    }
    return f;
  }

  private static List<String> rows(Store s) {
    return s
        .query(
            "SELECT contact_id, channel, arrived_at, answered_at, talk_s FROM contacts"
                + " ORDER BY contact_id")
        .stream()
        .map(Arrays::toString)
        .toList();
  }

  @Test
  void a_killed_import_leaves_the_table_as_it_was() throws Exception {
    String where = "spark:local[2]?path=" + dir.resolve("lake");
    Path big = bigFile();
    List<String> before;
    try (Store store = Store.open(where)) {
      store.importFile(
          RecordType.CONTACTS, ImportSource.of("small.csv", SMALL.getBytes()), b -> {});
      before = rows(store);
      assertThat(store.dataVersion()).isEqualTo(1);
    }
    // The child imports the big file into the same lake; it is killed (SIGKILL, no shutdown
    // hook) as soon as its version-2 folders appear, while Spark writes them.
    Path log = dir.resolve("child.log");
    Process child =
        ChildJvm.start(
            ChildJvm.classPath(e -> false),
            List.of("-Xmx1g"),
            SparkProcessTest.class.getName(),
            List.of(where, big.toString()),
            log);
    Path contacts = dir.resolve("lake/contacts");
    long end = System.nanoTime() + Duration.ofMinutes(4).toNanos();
    boolean writing = false;
    while (!writing && child.isAlive() && System.nanoTime() < end) {
      try (Stream<Path> s = Files.list(contacts)) {
        writing = s.anyMatch(p -> p.getFileName().toString().startsWith("v2-"));
      }
      if (!writing) Thread.sleep(20);
    }
    assertThat(writing).as("the child started writing version 2\n" + ChildJvm.tail(log)).isTrue();
    child.destroyForcibly().waitFor();
    List<Path> killed;
    try (Stream<Path> s = Files.list(contacts)) {
      killed = s.filter(p -> p.getFileName().toString().startsWith("v2-")).toList();
    }
    assertThat(dir.resolve("lake/_manifests/00000000000000000002.json"))
        .as("killed before its commit")
        .doesNotExist();

    try (Store store = Store.open(where)) {
      // k1, k2, k3 as SMALL left them: the killed import's rows are nowhere
      assertThat(store.dataVersion()).isEqualTo(1);
      assertThat(rows(store)).isEqualTo(before);
      assertThat(store.count(RecordType.CONTACTS)).isEqualTo(3);
      // the next import commits version 2 and deletes the killed one's folders
      LoadCounts again =
          store.importFile(
              RecordType.CONTACTS, ImportSource.of("small.csv", SMALL.getBytes()), b -> {});
      assertThat(again).isEqualTo(new LoadCounts(3, 0, 3, 0));
      assertThat(rows(store)).isEqualTo(before);
      // what the killed child wrote is gone; version 1's folder is kept (the previous version,
      // for readers still on it) beside the new version 2's
      assertThat(killed).isNotEmpty().allSatisfy(p -> assertThat(p).doesNotExist());
      try (Stream<Path> s = Files.list(contacts)) {
        assertThat(s.map(p -> p.getFileName().toString().substring(0, 3)).sorted().toList())
            .containsExactly("v1-", "v2-");
      }
    }
  }

  @Test
  void the_batch_report_runs_through_spark_submit() throws Exception {
    String where = "spark:local[2]?path=" + dir.resolve("lake");
    try (Store store = Store.open(where)) {
      store.importFile(
          RecordType.CONTACTS, ImportSource.of("small.csv", SMALL.getBytes()), b -> {});
    }
    // The module's jar, as the build packages it (target/classes), submitted with Spark's own
    // SparkSubmit: its classes come from the jar, not from the child's class path.
    Path jar = dir.resolve("yardstick-spark.jar");
    Path classes = Path.of("target/classes");
    try (OutputStream out = Files.newOutputStream(jar);
        JarOutputStream j = new JarOutputStream(out);
        Stream<Path> s = Files.walk(classes)) {
      for (Path p : s.filter(Files::isRegularFile).toList()) {
        j.putNextEntry(new ZipEntry(classes.relativize(p).toString().replace('\\', '/')));
        Files.copy(p, j);
        j.closeEntry();
      }
    }
    Path report = dir.resolve("report.json");
    Path log = dir.resolve("submit.log");
    Process submit =
        ChildJvm.start(
            ChildJvm.classPath(e -> e.startsWith(Path.of("target").toAbsolutePath().toString())),
            List.of("-Xmx1g"),
            "org.apache.spark.deploy.SparkSubmit",
            List.of(
                "--master",
                "local[2]",
                "--conf",
                "spark.ui.enabled=false",
                "--class",
                "io.yardstick.spark.BatchReport",
                jar.toString(),
                "--db",
                where,
                "--kpi",
                "contacts,aht",
                "--from",
                "2026-01-01",
                "--to",
                "2026-03-31",
                "--tz",
                "UTC",
                "--out",
                report.toString()),
            log);
    assertThat(submit.waitFor(5, java.util.concurrent.TimeUnit.MINUTES)).isTrue();
    assertThat(submit.exitValue()).as(ChildJvm.tail(log)).isZero();
    JsonNode json = new ObjectMapper().readTree(report.toFile());
    JsonNode kpis = json.get("rows").get(0).get("kpis");
    // 3 contacts; AHT = (talk + hold + wrap) / handled: k1 120 s and k3 60 s -> 180 / 2 = 90 s
    assertThat(kpis.get("contacts").asLong()).isEqualTo(3);
    assertThat(kpis.get("aht").asDouble()).isEqualTo(90.0);
  }
}
