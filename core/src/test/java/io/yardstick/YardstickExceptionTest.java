package io.yardstick;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Core messages name fields; each face names them its own way. */
class YardstickExceptionTest {
  @Test
  void fields_are_named_as_the_api_says_them_and_as_a_face_asks() {
    YardstickException e =
        new YardstickException(
            "give a deadline ({by}) on or after the start ({baseline_from});"
                + " a map such as {fiscal_year_start_month: 4} is left alone");

    assertThat(e.getMessage())
        .isEqualTo(
            "give a deadline ('by') on or after the start ('baseline_from'); a map such"
                + " as {fiscal_year_start_month: 4} is left alone");
    assertThat(e.render(f -> "--" + f.replace('_', '-')))
        .isEqualTo(
            "give a deadline (--by) on or after the start"
                + " (--baseline-from); a map such as {fiscal_year_start_month: 4} is left alone");
  }
}
