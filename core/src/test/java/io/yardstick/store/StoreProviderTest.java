package io.yardstick.store;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Stores outside the core are found on the class path; without their module, the error says so. */
class StoreProviderTest {
  @Test
  void a_spark_location_without_the_spark_module_names_the_module_and_how_to_get_it() {
    assertThatThrownBy(() -> Store.open("spark:local[2]?path=/tmp/lake"))
        .isInstanceOf(StoreException.class)
        .hasMessage(
            "The store spark:local[2]?path=/tmp/lake is on Apache Spark, and the Spark module"
                + " (yardstick-spark) is not on the class path. Run it with ./yardstick, which adds"
                + " spark/target/lib for spark: and sc:// locations, or build the module first:"
                + " ./mvnw -pl spark -am package -DskipTests.");
    assertThatThrownBy(() -> Store.open("sc://localhost:15002?path=/tmp/lake"))
        .hasMessageContaining("the Spark module (yardstick-spark) is not on the class path");
  }
}
