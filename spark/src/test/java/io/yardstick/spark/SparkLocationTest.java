package io.yardstick.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.yardstick.spark.internal.SparkSql;
import io.yardstick.store.StoreException;
import org.junit.jupiter.api.Test;

/** The location and SQL text handling of the Spark store, without starting Spark. */
class SparkLocationTest {
  @Test
  void a_local_location_keeps_the_small_tables_beside_the_lake() {
    assertThat(SparkLocation.parse("spark:local[2]?path=/data/lake"))
        .isEqualTo(new SparkLocation("local[2]", null, "/data/lake", "/data/lake/meta.duckdb"));
  }

  @Test
  void a_lake_on_object_storage_needs_a_local_file_for_the_small_tables() {
    assertThatThrownBy(() -> SparkLocation.parse("spark:yarn?path=s3a://bucket/lake"))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("name a local file for the small tables with &meta=FILE");
    assertThat(SparkLocation.parse("spark:yarn?path=s3a://bucket/lake&meta=/tmp/m.duckdb").meta())
        .isEqualTo("/tmp/m.duckdb");
  }

  @Test
  void an_unknown_parameter_is_refused_with_the_known_ones() {
    assertThatThrownBy(() -> SparkLocation.parse("spark:local[2]?path=/x&pth=/y"))
        .hasMessage(
            "The Spark store location spark:local[2]?path=/x&pth=/y is not valid: 'pth' is not a"
                + " parameter (path and meta are).");
  }

  @Test
  void a_spark_connect_location_names_the_server_and_the_lake() {
    assertThat(SparkLocation.parse("sc://spark.example:15002?path=/data/lake"))
        .isEqualTo(
            new SparkLocation(
                null, "sc://spark.example:15002", "/data/lake", "/data/lake/meta.duckdb"));
    assertThat(SparkLocation.parse("sc://h:15002?path=/data/lake").describe())
        .isEqualTo("Spark Connect sc://h:15002, lake at /data/lake");
  }

  @Test
  void standard_type_names_are_spelt_as_spark_does_outside_literals() {
    assertThat(
            SparkSql.toSpark(
                "SELECT CAST(x AS DOUBLE PRECISION), CAST('2026-03-02T00:00:00Z' AS TIMESTAMP WITH"
                    + " TIME ZONE), CAST(NULL AS TEXT), 'DOUBLE PRECISION', 'it''s', 'a\\\\b'"))
        .isEqualTo(
            "SELECT CAST(x AS DOUBLE), CAST('2026-03-02T00:00:00Z' AS TIMESTAMP),"
                + " CAST(NULL AS STRING), 'DOUBLE PRECISION', 'it\\'s', 'a\\\\\\\\b'");
  }

  @Test
  void a_query_goes_to_spark_when_it_names_a_record_table_outside_literals() {
    assertThat(SparkSql.readsLake("SELECT COUNT(*) FROM contacts")).isTrue();
    assertThat(SparkSql.readsLake("SELECT * FROM cases k JOIN x")).isTrue();
    assertThat(SparkSql.readsLake("SELECT n_contacts FROM goals WHERE name = 'contacts'"))
        .isFalse();
    assertThat(SparkSql.readsLake("UPDATE id_counters SET last_id = last_id + 1")).isFalse();
  }
}
