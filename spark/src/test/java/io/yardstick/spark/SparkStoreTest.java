package io.yardstick.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.yardstick.LimitException;
import io.yardstick.YardstickException;
import io.yardstick.ingest.ImportSource;
import io.yardstick.model.RecordType;
import io.yardstick.store.LoadCounts;
import io.yardstick.store.Store;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What only the Spark store has: its lake's commits, its location, its cancellation. */
class SparkStoreTest {
  @TempDir Path dir;
  Store store;

  @BeforeEach
  void open() {
    store = Store.open("spark:local[2]?path=" + dir.resolve("lake"));
  }

  @AfterEach
  void close() {
    store.close();
  }

  static LoadCounts importResource(Store store, String name) {
    try (InputStream in = SparkStoreTest.class.getResourceAsStream("/canonical/" + name)) {
      return store.importFile(
          RecordType.CONTACTS, ImportSource.of(name, in.readAllBytes()), bytes -> {});
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  private List<String> rows() {
    return store
        .query(
            "SELECT contact_id, channel, arrived_at, answered_at, talk_s, revenue FROM contacts"
                + " ORDER BY contact_id")
        .stream()
        .map(java.util.Arrays::toString)
        .toList();
  }

  @Test
  void a_repeated_import_changes_nothing() {
    LoadCounts first = importResource(store, "contacts.csv");
    List<String> before = rows();
    LoadCounts again = importResource(store, "contacts.csv");

    assertThat(first).isEqualTo(new LoadCounts(5, 5, 0, 0));
    // the same five keys again: every one replaced by an identical row, none added
    assertThat(again).isEqualTo(new LoadCounts(5, 0, 5, 0));
    assertThat(rows()).isEqualTo(before);
    assertThat(store.count(RecordType.CONTACTS)).isEqualTo(5);
  }

  @Test
  void an_import_with_a_bad_row_leaves_the_lake_as_it_was() {
    importResource(store, "contacts.csv");
    long version = store.dataVersion();
    List<String> before = rows();
    byte[] bad =
        "contact_id,channel,arrived_at\nn1,phone,2026-03-02T10:00:00Z\nn2,phone,yesterday\n"
            .getBytes(StandardCharsets.UTF_8);

    assertThatThrownBy(
            () ->
                store.importFile(RecordType.CONTACTS, ImportSource.of("bad.csv", bad), bytes -> {}))
        .isInstanceOf(YardstickException.class)
        .hasMessageContaining("bad.csv")
        .hasMessageContaining("yesterday");
    assertThat(store.dataVersion()).isEqualTo(version);
    assertThat(rows()).isEqualTo(before);
  }

  /**
   * A killed import has written its month folders but not its manifest: readers do not see them,
   * and the next import deletes them.
   */
  @Test
  void a_killed_import_leaves_the_table_as_it_was_and_the_next_import_clears_it() throws Exception {
    importResource(store, "contacts.csv");
    List<String> before = rows();
    Path contacts = dir.resolve("lake/contacts");
    Path committed;
    try (Stream<Path> s = Files.list(contacts)) {
      committed = s.findFirst().orElseThrow();
    }
    // what a process killed after writing its data would leave: a copy of a version's folders
    Path orphan = contacts.resolve("v2-killed");
    copy(committed, orphan);
    Store other = Store.open("spark:local[2]?path=" + dir.resolve("lake"));
    try {
      assertThat(other.count(RecordType.CONTACTS)).isEqualTo(5);
    } finally {
      other.close();
    }
    assertThat(rows()).isEqualTo(before);

    importResource(store, "contacts.csv");
    assertThat(orphan).doesNotExist();
    assertThat(rows()).isEqualTo(before);
  }

  /**
   * An erasure rewrites the months holding the erased rows through a new version, and the files of
   * the earlier versions that held them leave the disk (the kits check the counts and KPIs).
   */
  @Test
  void an_erased_customer_leaves_no_row_in_any_file_of_the_lake() {
    importResource(store, "contacts.csv");
    importResource(store, "contacts.csv"); // a second version, sharing nothing with the first

    Store.Erased erased = store.erase(new Store.Erasure.Customer("cust1"));

    assertThat(erased.contacts()).isEqualTo(2); // c1 and c2 are cust1's
    assertThat(store.count(RecordType.CONTACTS)).isEqualTo(3);
    org.apache.spark.sql.Dataset<org.apache.spark.sql.Row> everyFile =
        ((SparkStore) store)
            .session()
            .read()
            .option("recursiveFileLookup", "true")
            .parquet(dir.resolve("lake/contacts").toString());
    assertThat(everyFile.count()).isEqualTo(3);
    assertThat(everyFile.filter("customer_id = 'cust1'").count()).isZero();
  }

  @Test
  void results_have_the_java_types_of_every_store() {
    importResource(store, "contacts.csv");
    Object[] row =
        store
            .query(
                "SELECT arrived_at, CAST(arrived_at AS DATE), COUNT(*) OVER (), CAST(1 AS INT),"
                    + " CAST(2.5 AS DOUBLE), revenue, channel FROM contacts WHERE contact_id = ?",
                "c1")
            .get(0);
    assertThat(row[0]).isInstanceOf(Instant.class);
    assertThat(row[1]).isInstanceOf(java.time.LocalDate.class);
    assertThat(row[2]).isEqualTo(1L); // COUNT(*) OVER () of the one row
    assertThat(row[3]).isEqualTo(1L);
    assertThat(row[4]).isEqualTo(2.5);
    assertThat(row[5]).isNull(); // c1 has no revenue; a revenue is a BigDecimal
    assertThat(row[6]).isInstanceOf(String.class);
    Object revenue = store.query("SELECT MAX(revenue) FROM contacts").get(0)[0];
    assertThat(revenue == null || revenue instanceof BigDecimal).isTrue();
  }

  @Test
  void a_slow_spark_query_is_cancelled_at_its_timeout() {
    importResource(store, "contacts.csv");
    long started = System.nanoTime();
    assertThatThrownBy(
            () ->
                store.query(
                    new Store.Bounds(Duration.ofMillis(1500), 10),
                    "SELECT COUNT(*) FROM contacts CROSS JOIN range(0, 4000000000) r"
                        + " WHERE (r.id * 7) % 13 = 3"))
        .isInstanceOfSatisfying(LimitException.class, e -> assertThat(e.timedOut()).isTrue())
        .hasMessage("The query ran longer than 1500 ms and was cancelled.");
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(30));
  }

  @Test
  void record_tables_change_only_by_imports() {
    assertThatThrownBy(() -> store.update("DELETE FROM contacts"))
        .hasMessageContaining("change only by imports");
    // the small tables are DuckDB's
    assertThat(store.nextId("goals")).isEqualTo(1);
  }

  @Test
  void a_location_without_a_path_is_refused_with_the_fix() {
    assertThatThrownBy(() -> Store.open("spark:local[2]"))
        .hasMessage(
            "The Spark store location spark:local[2] is not valid: name the lake's folder with"
                + " ?path=DIR (a local folder, s3a://, hdfs://...).");
  }

  private static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> s = Files.walk(from)) {
      for (Path p : s.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) Files.createDirectories(target);
        else Files.copy(p, target);
      }
    }
  }
}
