package io.yardstick.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SlaSettingsTest {
  static final String FILE =
      """
      business_hours:
        support:
          zone: Europe/Madrid
          hours: {mon-fri: "09:00-18:00"}
      sla_policies:
        - name: Urgent
          when: {priority: Urgent, channel: [email, Chat], queue: Billing, tag: VIP}
          business_hours: Support
          targets: {first_reply: 1h, next_reply: 2h, resolution: 8h}
        - name: standard
          pause_on: [pending]
          targets: {first_reply: 8h, periodic_update: 1d, resolution: 3d}
      """;

  @Test
  void reads_policies_in_order_with_conditions_targets_calendar_and_pauses() {
    SlaEvaluator sla = SlaSettings.parse(FILE, "yardstick.yaml");

    assertThat(sla.policies())
        .containsExactly(
            new SlaPolicy(
                "Urgent",
                Map.of(
                    "priority",
                    Set.of("urgent"),
                    "channel",
                    Set.of("email", "chat"),
                    "queue",
                    Set.of("Billing"),
                    "tag",
                    Set.of("vip")),
                Map.of(
                    SlaMetric.FIRST_REPLY,
                    Duration.ofHours(1),
                    SlaMetric.NEXT_REPLY,
                    Duration.ofHours(2),
                    SlaMetric.RESOLUTION,
                    Duration.ofHours(8)),
                "support",
                Set.of("pending", "on_hold")),
            new SlaPolicy(
                "standard",
                Map.of(),
                Map.of(
                    SlaMetric.FIRST_REPLY,
                    Duration.ofHours(8),
                    SlaMetric.PERIODIC_UPDATE,
                    Duration.ofDays(1),
                    SlaMetric.RESOLUTION,
                    Duration.ofDays(3)),
                null,
                Set.of("pending")));
  }

  @Test
  void a_file_without_policies_has_none() {
    assertThat(SlaSettings.parse("kpi: {wait_limit_seconds: 60}\n", "y.yaml").policies()).isEmpty();
  }

  @Test
  void mistakes_name_the_key_and_what_was_expected() {
    assertThatThrownBy(
            () ->
                SlaSettings.parse(
                    "sla_policies:\n  - name: a\n    targets: {first_response: 1h}\n", "y.yaml"))
        .hasMessage(
            "settings file y.yaml, sla_policies[0].targets.first_response: expected one of"
                + " first_reply, next_reply, periodic_update, resolution");
    assertThatThrownBy(
            () ->
                SlaSettings.parse(
                    "sla_policies:\n  - name: a\n    targets: {resolution: 8}\n", "y.yaml"))
        .hasMessage(
            "settings file y.yaml, sla_policies[0].targets.resolution: '8' is not a duration;"
                + " expected a whole number and s, m, h or d, such as 15m or 1h.");
    assertThatThrownBy(
            () ->
                SlaSettings.parse(
                    "sla_policies:\n  - name: a\n    business_hours: office\n"
                        + "    targets: {resolution: 8h}\n",
                    "y.yaml"))
        .hasMessage(
            "settings file y.yaml,"
                + " sla_policies[0].business_hours: expected the name of a calendar under business_hours ('office' is"
                + " none; none is defined)");
    assertThatThrownBy(
            () ->
                SlaSettings.parse(
                    "sla_policies:\n  - name: a\n    when: {form: x}\n"
                        + "    targets: {resolution: 8h}\n",
                    "y.yaml"))
        .hasMessage(
            "settings file y.yaml, sla_policies[0].when.form:"
                + " expected one of the conditions priority, channel, queue, brand, tag");
    assertThatThrownBy(
            () ->
                SlaSettings.parse(
                    "sla_policies:\n  - name: a\n    pause_on: [solved]\n"
                        + "    targets: {resolution: 8h}\n",
                    "y.yaml"))
        .hasMessage(
            "settings file y.yaml, sla_policies[0].pause_on:"
                + " expected statuses among new, open, pending, on_hold ('solved' is not one; solved and closed always"
                + " stop the clock)");
  }
}
