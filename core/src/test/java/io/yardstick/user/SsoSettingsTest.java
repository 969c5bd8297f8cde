package io.yardstick.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.yardstick.kpi.SettingsFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code sso} section of the settings file and the claim-to-role mapping
 * (docs/security.md#single-sign-on).
 */
class SsoSettingsTest {
  private static final String BASE =
      """
      sso:
        issuer: https://id.example.com/realms/acme
        client_id: yardstick
        roles: {claim: groups, admin: [it-admins], manager: [kpi], lead: [leads], agent: [support]}
      """;

  private static SsoSettings parse(String yaml, Map<String, String> env) {
    return SsoSettings.parse(yaml, "y.yaml", env).orElseThrow();
  }

  @Test
  void a_file_without_sso_leaves_it_off_and_defaults_are_documented_ones() {
    assertThat(SsoSettings.parse("limits: {max_rows: 100}\n", "y.yaml", Map.of())).isEmpty();
    SsoSettings s = parse(BASE, Map.of());
    assertThat(s.clientSecret()).isNull(); // a public client: PKCE only
    assertThat(s.scopes()).containsExactly("openid", "profile", "email");
    assertThat(s.usernameClaim()).isEqualTo("preferred_username");
    assertThat(s.createUnknownUsers()).isTrue();
    assertThat(s.localPasswords()).isTrue();
    assertThat(s.breakGlass()).containsExactly("admin");
    assertThat(s.label()).isEqualTo("single sign-on");
  }

  @Test
  void the_secret_comes_from_the_environment_or_a_file_and_never_from_the_settings_text(
      @TempDir Path dir) throws Exception {
    assertThat(
            parse(BASE + "  client_secret_env: IDP_SECRET\n", Map.of("IDP_SECRET", " s3cret\n"))
                .clientSecret())
        .isEqualTo("s3cret");
    Path file = Files.writeString(dir.resolve("secret"), "from-a-file\n");
    assertThat(parse(BASE + "  client_secret_file: " + file + "\n", Map.of()).clientSecret())
        .isEqualTo("from-a-file");

    assertThatThrownBy(() -> parse(BASE + "  client_secret: s3cret\n", Map.of()))
        .isInstanceOf(SettingsFile.SettingsException.class)
        .hasMessage(
            "settings file y.yaml: sso.client_secret: a secret is never written in the settings file; put it"
                + " in an environment variable named by sso.client_secret_env, or in a file named by"
                + " sso.client_secret_file");
    assertThatThrownBy(() -> parse(BASE + "  client_secret_env: IDP_SECRET\n", Map.of()))
        .hasMessage(
            "settings file y.yaml: sso.client_secret_env: the environment variable IDP_SECRET is not set; set"
                + " it to the client secret the provider gave");
  }

  @Test
  void bad_values_are_refused_naming_the_key_and_the_value() {
    assertThatThrownBy(
            () ->
                parse(
                    BASE.replace("https://id.example.com/realms/acme", "http://id.example.com"),
                    Map.of()))
        .hasMessage(
            "settings file y.yaml: sso.issuer: the value \"http://id.example.com\" is not valid;"
                + " expected the provider's issuer URL, https:// (http:// only for localhost), without query or fragment");
    assertThatThrownBy(() -> parse(BASE.replace("lead: [leads]", "boss: [leads]"), Map.of()))
        .hasMessage(
            "settings file y.yaml: sso.roles.boss: unknown key 'boss'; expected claim, admin, manager, lead or"
                + " agent");
    assertThatThrownBy(() -> parse(BASE + "  unknown_users: maybe\n", Map.of()))
        .hasMessage(
            "settings file y.yaml: sso.unknown_users: the value \"maybe\" is not valid; expected create or"
                + " refuse");
    assertThatThrownBy(
            () -> parse(BASE + "  local_passwords: false\n  break_glass: []\n", Map.of()))
        .hasMessageStartingWith(
            "settings file y.yaml: sso.break_glass: the value [] is not valid; expected at least"
                + " one local admin");
    assertThatThrownBy(() -> io.yardstick.settings.Settings.parse("ssso: {}\n", "y.yaml"))
        .hasMessageContaining("unknown key 'ssso'");
  }

  @Test
  void the_highest_role_given_wins_and_agents_and_leads_need_their_claims() {
    SsoSettings s = parse(BASE, Map.of());
    assertThat(s.map(Map.of("preferred_username", "Ana", "groups", List.of("support", "kpi"))))
        .isEqualTo(new SsoSettings.Person("ana", Role.MANAGER, null, List.of()));
    assertThat(
            s.map(
                Map.of("preferred_username", "ana", "groups", "support", "agent_id", "agent-003")))
        .isEqualTo(new SsoSettings.Person("ana", Role.AGENT, "agent-003", List.of()));
    assertThat(
            s.map(
                Map.of(
                    "preferred_username",
                    "lu",
                    "groups",
                    List.of("leads"),
                    "teams",
                    List.of("billing"))))
        .isEqualTo(new SsoSettings.Person("lu", Role.LEAD, null, List.of("billing")));

    assertThatThrownBy(
            () -> s.map(Map.of("preferred_username", "ana", "groups", List.of("support"))))
        .isInstanceOf(SsoSettings.Refused.class)
        .extracting(e -> ((SsoSettings.Refused) e).reason())
        .isEqualTo("no_agent_id");
    assertThatThrownBy(() -> s.map(Map.of("preferred_username", "lu", "groups", List.of("leads"))))
        .extracting(e -> ((SsoSettings.Refused) e).reason())
        .isEqualTo("no_teams");
    assertThatThrownBy(
            () -> s.map(Map.of("preferred_username", "x", "groups", List.of("cleaners"))))
        .hasMessage(
            "No role for 'x': the groups claim holds [cleaners], none of which sso.roles maps to a role.");
    assertThatThrownBy(
            () -> s.map(Map.of("preferred_username", "Ana Ruiz", "groups", List.of("kpi"))))
        .extracting(e -> ((SsoSettings.Refused) e).reason())
        .isEqualTo("no_name");
  }
}
