package io.yardstick.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.yardstick.model.SurveyKind;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The surveys section of the settings file: what it says, and bad values refused naming the key and
 * the value.
 */
class SurveySettingsTest {
  static SurveySettings parse(String yaml) {
    return SurveySettings.parse(yaml, "yardstick.yaml");
  }

  @Test
  void rules_are_read_with_their_defaults_and_texts() {
    SurveySettings s =
        parse(
            """
        surveys:
          base_url: https://support.example.com/
          change_minutes: 10
          keep_address_days: 7
          rules:
            - name: csat-solved
              kind: csat
              after: case_solved
              channels: [Email, chat]
              queues: [billing]
              delay_minutes: 60
              once_per_days: 14
              default_language: es
              texts:
                ca: {subject: "Com ho hem fet?"}
            - {name: nps-answered, kind: nps, after: contact_answered, send: link}
        """);

    assertThat(s.baseUrl()).isEqualTo("https://support.example.com");
    assertThat(s.changeWindow()).isEqualTo(Duration.ofMinutes(10));
    assertThat(s.keepAddress()).isEqualTo(Duration.ofDays(7));
    assertThat(s.linkLifetime()).isEqualTo(Duration.ofDays(14));
    SurveySettings.Rule r = s.rules().get(0);
    assertThat(r.kind()).isEqualTo(SurveyKind.CSAT);
    assertThat(r.after()).isEqualTo(SurveySettings.Trigger.CASE_SOLVED);
    assertThat(r.channels()).isEqualTo(Set.of("email", "chat"));
    assertThat(r.queues()).isEqualTo(Set.of("billing"));
    assertThat(r.delay()).isEqualTo(Duration.ofMinutes(60));
    assertThat(r.oncePerDays()).isEqualTo(14);
    assertThat(r.text("ca", "subject")).isEqualTo("Com ho hem fet?");
    assertThat(r.text("ca", "question"))
        .isEqualTo("Fins a quin punt esteu satisfet amb l'ajuda rebuda?");
    assertThat(r.text("ro", "subject")).isEqualTo("Cum ne-am descurcat?");
    SurveySettings.Rule nps = s.rules().get(1);
    assertThat(nps.send()).isEqualTo("link");
    assertThat(nps.oncePerDays()).isEqualTo(30);
    assertThat(nps.defaultLanguage()).isEqualTo("en");
  }

  @Test
  void no_section_means_no_rules() {
    assertThat(parse("kpi: {wait_limit_seconds: 60}\n").rules()).isEmpty();
  }

  @Test
  void bad_values_are_refused_naming_the_key_and_the_value() {
    assertThatThrownBy(
            () -> parse("surveys:\n  rules:\n    - {name: a, kind: csi, after: case_solved}\n"))
        .hasMessage(
            "settings file yardstick.yaml: surveys.rules[0].kind: the value \"csi\" is not valid; expected"
                + " one of csat, nps, ces, esat");
    assertThatThrownBy(
            () ->
                parse(
                    "surveys:\n  rules:\n    - {name: a, kind: csat, after: solved, send: link}\n"))
        .hasMessage(
            "settings file yardstick.yaml: surveys.rules[0].after: the value \"solved\" is not valid;"
                + " expected case_solved or contact_answered");
    assertThatThrownBy(
            () -> parse("surveys:\n  rules:\n    - {name: a, kind: csat, after: case_solved}\n"))
        .hasMessage(
            "settings file yardstick.yaml: surveys.rules[0]: an e-mail rule needs surveys.base_url, the"
                + " address customers open the survey page at");
    assertThatThrownBy(() -> parse("surveys:\n  link_days: 0\n"))
        .hasMessage(
            "settings file yardstick.yaml: surveys.link_days: the value 0 is not valid; expected a whole"
                + " number from 1 to 365");
    assertThatThrownBy(
            () ->
                parse(
                    "surveys:\n  rules:\n    - {name: a, kind: csat, after: case_solved, send: link,"
                        + " texts: {fr: {subject: x}}}\n"))
        .hasMessage(
            "settings file yardstick.yaml: surveys.rules[0].texts.fr: the value \"fr\" is not valid;"
                + " expected a language: one of en, es, ca, ro");
    assertThatThrownBy(
            () ->
                parse(
                    "surveys:\n  rules:\n    - {name: a, kind: esat, after: case_solved, send: link}\n"))
        .hasMessageContaining("esat asks agents, not customers");
    assertThatThrownBy(() -> parse("surveys:\n  sender: x\n"))
        .hasMessageStartingWith(
            "settings file yardstick.yaml: surveys.sender: unknown key; expected one of base_url,");
  }

  @Test
  void a_customers_language_is_its_code_before_any_region() {
    assertThat(Surveys.language("es-ES", "en")).isEqualTo("es");
    assertThat(Surveys.language("RO", "en")).isEqualTo("ro");
    assertThat(Surveys.language("ca_ES", "en")).isEqualTo("ca");
    assertThat(Surveys.language("fr", "es")).isEqualTo("es");
    assertThat(Surveys.language(null, "en")).isEqualTo("en");
  }
}
