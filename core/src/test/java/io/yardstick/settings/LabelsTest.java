package io.yardstick.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * Issue 12, part 11: display names of queues, topics and teams per language, from the settings
 * file.
 */
class LabelsTest {
  private static Labels parse(String yaml) {
    return Settings.parse(yaml, "y.yaml").get(Settings.LABELS);
  }

  @Test
  void a_value_is_named_in_the_language_else_in_english_else_not_at_all() {
    Labels l =
        parse(
            """
        labels:
          topic:
            product_info: {en: Product information, es: Información de producto}
            plan_change: Plan change
        """);
    assertThat(l.name("topic", "product_info", "es")).contains("Información de producto");
    assertThat(l.name("topic", "product_info", "ro")).contains("Product information");
    assertThat(l.name("topic", "plan_change", "ca")).contains("Plan change");
    assertThat(l.name("topic", "billing", "en")).isEmpty();
    assertThat(l.name("queue", "product_info", "en")).isEmpty();
    assertThat(Settings.defaults().get(Settings.LABELS).names()).isEmpty();
  }

  @Test
  void an_unknown_dimension_or_language_or_an_empty_name_is_refused_where_it_stands() {
    assertThatThrownBy(() -> parse("labels:\n  topics:\n    a: A\n"))
        .hasMessageContaining("line 2, column 3")
        .hasMessageContaining("labels.topics")
        .hasMessageContaining("did you mean topic?");
    assertThatThrownBy(() -> parse("labels:\n  topic:\n    a: {fr: Achat}\n"))
        .hasMessageContaining("labels.topic.a.fr")
        .hasMessageContaining("en, es, ca, ro");
    assertThatThrownBy(() -> parse("labels:\n  topic:\n    a: \"  \"\n"))
        .hasMessageContaining("labels.topic.a")
        .hasMessageContaining("a name of 1 to 128 characters");
  }
}
