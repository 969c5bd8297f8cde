package io.yardstick.spark;

import static org.assertj.core.api.Assertions.assertThat;

import io.yardstick.Parse;
import io.yardstick.demo.ContactCenterSimulation;
import io.yardstick.demo.DemoSettings;
import io.yardstick.ingest.ImportSource;
import io.yardstick.kpi.Dimension;
import io.yardstick.kpi.Kpi;
import io.yardstick.kpi.KpiEngine;
import io.yardstick.kpi.KpiQuery;
import io.yardstick.kpi.KpiResult;
import io.yardstick.model.RecordType;
import io.yardstick.store.LoadCounts;
import io.yardstick.store.Loader;
import io.yardstick.store.Store;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Spark Connect: a real Spark Connect server (Spark's own {@code SparkConnectServer}, {@code
 * local[2]}) runs as a child process on a free loopback port, and this JVM reaches it as a user
 * would, through {@code sc://127.0.0.1:PORT?path=...}. The server's jars and the Connect client's
 * cannot share a class path (both carry {@code org.apache.spark.connect.proto}, relocated
 * differently), hence the child process.
 *
 * <p>The questions: every KPI of the catalog by channel, and six by local day and queue, in
 * Europe/Madrid (across the spring change of 2026-03-29), over 14 simulated days (1,500 contacts,
 * with their surveys, agent states, customers and costs), loaded into DuckDB and through the
 * Connect server. The numbers must be the same (1e-9); local mode gives DuckDB's numbers for the
 * whole store kit ({@link SparkStoreTck}), so Connect gives local mode's. This is a subset of the
 * kit (the whole of it through Connect would take another 10 minutes of CI): it checks the
 * transport, the lake's commits through a client without a SparkContext and the result types, not
 * the SQL again.
 */
class SparkConnectTest {
  @TempDir static Path dir;
  static Process server;
  static int port;

  @BeforeAll
  static void startServer() throws Exception {
    port = ChildJvm.freePort();
    Path log = dir.resolve("connect-server.log");
    List<String> cp =
        new ArrayList<>(ChildJvm.classPath(e -> e.contains("spark-connect-client-jvm")));
    cp.addAll(ChildJvm.connectServerJars());
    server =
        ChildJvm.start(
            cp,
            List.of(
                "-Xmx1g",
                "-Dspark.master=local[2]",
                "-Dspark.app.name=yardstick-connect-test",
                "-Dspark.ui.enabled=false",
                "-Dspark.sql.shuffle.partitions=2",
                "-Dspark.connect.grpc.binding.address=127.0.0.1",
                "-Dspark.connect.grpc.binding.port=" + port),
            "org.apache.spark.sql.connect.service.SparkConnectServer",
            List.of(),
            log);
    ChildJvm.awaitPort(server, port, Duration.ofMinutes(4), log);
  }

  @AfterAll
  static void stopServer() throws InterruptedException {
    ChildJvm.stop(server);
  }

  static final LocalDate LAST_DAY = LocalDate.of(2026, 3, 31);

  static Map<RecordType, LoadCounts> demo(Store store) {
    DemoSettings settings =
        DemoSettings.defaults(LAST_DAY).withContacts(1_500).withDays(14).withSeed(15);
    try (Loader loader = store.loader()) {
      new ContactCenterSimulation(settings).run(loader, n -> {});
      return loader.commit();
    }
  }

  @Test
  void every_kpi_through_spark_connect_has_the_numbers_of_duckdb() throws Exception {
    String lake = dir.resolve("connect-lake").toString();
    try (Store duck = Store.open(dir.resolve("d.duckdb").toString());
        Store remote = Store.open("sc://127.0.0.1:" + port + "?path=" + lake)) {
      assertThat(remote.describe()).startsWith("Spark Connect sc://127.0.0.1:");
      Map<RecordType, LoadCounts> counts = demo(remote);
      assertThat(counts).isEqualTo(demo(duck));
      assertThat(remote.count(RecordType.CONTACTS))
          .isEqualTo(duck.count(RecordType.CONTACTS))
          .isGreaterThan(1_000);

      ZoneId madrid = ZoneId.of("Europe/Madrid");
      List<KpiQuery> questions =
          List.of(
              KpiQuery.of(LAST_DAY.minusDays(13), LAST_DAY, madrid)
                  .withKpis(Arrays.asList(Kpi.values()))
                  .withGroupBy(List.of(Dimension.of("channel"))),
              KpiQuery.of(LAST_DAY.minusDays(6), LAST_DAY, madrid)
                  .withKpis(Parse.kpis("contacts,aht,service_level,frt_p90,csat,occupancy"))
                  .withGroupBy(List.of(Dimension.of("day"), Dimension.of("queue"))));
      for (KpiQuery q : questions) {
        KpiResult expected = new KpiEngine(duck).compute(q);
        assertSame(new KpiEngine(remote).compute(q), expected);
      }
    }
  }

  @Test
  void imports_through_spark_connect_merge_by_key_and_a_repeated_one_changes_nothing() {
    String where = "sc://127.0.0.1:" + port + "?path=" + dir.resolve("again-lake");
    try (Store remote = Store.open(where)) {
      byte[] csv =
          ("contact_id,channel,arrived_at,answered_at,talk_s\n"
                  + "r1,phone,2026-03-02T10:00:00Z,2026-03-02T10:00:20Z,100\n"
                  + "r2,chat,2026-04-01T00:30:00Z,,\n")
              .getBytes(java.nio.charset.StandardCharsets.UTF_8);
      LoadCounts first =
          remote.importFile(RecordType.CONTACTS, ImportSource.of("r.csv", csv), b -> {});
      long version = remote.dataVersion();
      List<String> before = rows(remote);
      LoadCounts again =
          remote.importFile(RecordType.CONTACTS, ImportSource.of("r.csv", csv), b -> {});
      assertThat(first).isEqualTo(new LoadCounts(2, 2, 0, 0));
      assertThat(again).isEqualTo(new LoadCounts(2, 0, 2, 0));
      assertThat(remote.dataVersion()).isEqualTo(version + 1);
      assertThat(rows(remote)).isEqualTo(before);
      // Two months (March and April, UTC): the Java types of every store come back.
      assertThat(before)
          .containsExactly(
              "[r1, phone, 2026-03-02T10:00:00Z, 2026-03-02T10:00:20Z, 100.0]",
              "[r2, chat, 2026-04-01T00:30:00Z, null, null]");
      // r1 changed (and moved to April), r3 new, r2 not in the file: kept
      byte[] next =
          ("contact_id,channel,arrived_at,answered_at,talk_s\n"
                  + "r1,email,2026-04-02T08:00:00Z,,\n"
                  + "r3,phone,2026-03-03T10:00:00Z,2026-03-03T10:00:05Z,50\n")
              .getBytes(java.nio.charset.StandardCharsets.UTF_8);
      LoadCounts merged =
          remote.importFile(RecordType.CONTACTS, ImportSource.of("n.csv", next), b -> {});
      assertThat(merged).isEqualTo(new LoadCounts(2, 1, 1, 0));
      assertThat(rows(remote))
          .containsExactly(
              "[r1, email, 2026-04-02T08:00:00Z, null, null]",
              "[r2, chat, 2026-04-01T00:30:00Z, null, null]",
              "[r3, phone, 2026-03-03T10:00:00Z, 2026-03-03T10:00:05Z, 50.0]");
    }
  }

  private static List<String> rows(Store s) {
    return s
        .query(
            "SELECT contact_id, channel, arrived_at, answered_at, talk_s FROM contacts ORDER BY 1")
        .stream()
        .map(Arrays::toString)
        .toList();
  }

  /** The same groups in the same order, and each number within 1e-9 (relative) of DuckDB's. */
  static void assertSame(KpiResult actual, KpiResult expected) {
    assertThat(actual.rows()).hasSameSizeAs(expected.rows());
    for (int i = 0; i < expected.rows().size(); i++) {
      KpiResult.Row e = expected.rows().get(i);
      KpiResult.Row a = actual.rows().get(i);
      assertThat(a.group()).isEqualTo(e.group());
      assertThat(a.values().keySet()).containsExactlyElementsOf(e.values().keySet());
      for (Kpi k : e.values().keySet()) {
        Number ev = e.values().get(k);
        Number av = a.values().get(k);
        String what = k.id() + " of " + e.group();
        if (ev == null) {
          assertThat(av).as(what).isNull();
        } else {
          assertThat(av).as(what).isNotNull();
          double tolerance = 1e-9 * Math.max(1, Math.abs(ev.doubleValue()));
          assertThat(av.doubleValue()).as(what).isCloseTo(ev.doubleValue(), within(tolerance));
        }
      }
    }
  }

  private static org.assertj.core.data.Offset<Double> within(double d) {
    return org.assertj.core.data.Offset.offset(d);
  }
}
