package io.yardstick.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.yardstick.YardstickException;
import java.util.List;
import org.junit.jupiter.api.Test;

class DimensionTest {
  @Test
  void names_are_case_insensitive_and_agent_id_means_agent() {
    assertThat(Dimension.of(" Channel "))
        .isEqualTo(new Dimension("channel", Dimension.Kind.CONTACT_FIELD));
    assertThat(Dimension.of("agent_id"))
        .isEqualTo(new Dimension("agent", Dimension.Kind.CONTACT_FIELD));
    assertThat(Dimension.of("WEEK").timeUnit()).isEqualTo(Dimension.TimeUnit.WEEK);
    assertThat(Dimension.of("age")).isEqualTo(new Dimension("age", Dimension.Kind.ATTRIBUTE));
  }

  @Test
  void record_columns_are_refused_rather_than_read_as_attributes_that_match_nothing() {
    assertThatThrownBy(() -> Dimension.of("case_id"))
        .isInstanceOf(YardstickException.class)
        .hasMessageStartingWith("'case_id' is a record column, not a dimension");
  }

  @Test
  void filters_take_values_or_numeric_ranges() {
    assertThat(Filter.parse("channel=Phone, CHAT"))
        .isEqualTo(new Filter(Dimension.of("channel"), List.of("phone", "chat"), null, null));
    assertThat(Filter.parse("queue=Blog"))
        .isEqualTo(new Filter(Dimension.of("queue"), List.of("Blog"), null, null));
    assertThat(Filter.parse("age=55..70"))
        .isEqualTo(new Filter(Dimension.of("age"), List.of(), 55.0, 70.0));
    assertThat(Filter.parse("age=..30").high()).isEqualTo(30.0);
    assertThatThrownBy(() -> Filter.parse("day=2026-03-01"))
        .hasMessageContaining("Cannot filter by day");
  }
}
