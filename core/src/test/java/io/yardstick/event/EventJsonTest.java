package io.yardstick.event;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** The events API's JSON: a misspelt type is refused with the type it looks like. */
class EventJsonTest {
  static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void a_misspelt_type_is_refused_naming_the_type_it_looks_like() {
    assertThatThrownBy(
            () ->
                EventJson.parse(
                    JSON.readTree(
                        "[{\"id\": \"e1\", \"type\": \"arived\", \"at\":"
                            + " \"2026-11-25T09:00:00Z\", \"contact_id\": \"C1\"}]")))
        .isInstanceOf(EventException.class)
        .hasMessageContaining(
            "type 'arived' is not an event type (did you mean arrived?); expected");
    // nothing like any type: no guess
    assertThatThrownBy(
            () ->
                EventJson.parse(
                    JSON.readTree(
                        "[{\"id\": \"e1\", \"type\": \"zzzzzz\", \"at\":"
                            + " \"2026-11-25T09:00:00Z\", \"contact_id\": \"C1\"}]")))
        .hasMessageContaining("type 'zzzzzz' is not an event type; expected one of");
  }
}
