package io.yardstick.user;

import com.fasterxml.jackson.databind.JsonNode;
import io.yardstick.kpi.SettingsFile;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Single sign-on with OpenID Connect: the {@code sso} part of the settings file
 * (docs/security.md#single-sign-on). The client secret is never in the file: {@code
 * client_secret_env} names an environment variable, or {@code client_secret_file} a file, that
 * holds it (neither: a public client, PKCE only).
 *
 * <pre>{@code
 * sso:
 *   issuer: https://login.example.com/realms/acme
 *   client_id: yardstick
 *   client_secret_env: YARDSTICK_SSO_SECRET
 *   roles: {claim: groups, admin: [yardstick-admins], manager: [kpi-managers], agent: [support]}
 * }</pre>
 *
 * @param issuer the provider's issuer URL (discovery: {@code
 *     ISSUER/.well-known/openid-configuration})
 * @param clientSecret the secret read from the environment or the file; null for a public client
 * @param label the provider's name on the button ("Sign in with {label}")
 * @param redirectUri where the provider sends the browser back ({@code
 *     https://HOST/api/sso/callback}); null: from the request's own address
 * @param usernameClaim the claim that names the Yardstick user (one the users cannot change
 *     themselves)
 * @param roleClaim the claim holding groups or roles (a text or a list of texts)
 * @param roleValues for each role, the claim values that give it; the highest role given wins
 * @param agentIdClaim the claim holding an agent's agent_id (required for the agent role)
 * @param teamsClaim the claim holding a lead's teams (required for the lead role)
 * @param createUnknownUsers true: a person the provider vouches for and whom Yardstick does not
 *     know yet is created at their first sign-in; false: refused
 * @param localPasswords false: log-in with a password is refused for everyone but {@code
 *     breakGlass}
 * @param breakGlass local accounts that keep their password log-in and can never be signed in by
 *     SSO
 */
public record SsoSettings(
    URI issuer,
    String clientId,
    String clientSecret,
    List<String> scopes,
    String label,
    URI redirectUri,
    String usernameClaim,
    String roleClaim,
    Map<Role, Set<String>> roleValues,
    String agentIdClaim,
    String teamsClaim,
    boolean createUnknownUsers,
    boolean localPasswords,
    Set<String> breakGlass) {

  public SsoSettings {
    scopes = List.copyOf(scopes);
    Map<Role, Set<String>> copy = new EnumMap<>(Role.class);
    roleValues.forEach((r, v) -> copy.put(r, Set.copyOf(v)));
    roleValues = java.util.Collections.unmodifiableMap(copy);
    breakGlass = Set.copyOf(breakGlass);
  }

  /** What the mapping makes of a person the provider vouched for. */
  public record Person(String name, Role role, String agentId, List<String> teams) {
    public Person {
      teams = teams == null ? List.of() : List.copyOf(teams);
    }
  }

  /** Why a person is not let in; {@code reason} is a short code the log-in page translates. */
  public static final class Refused extends io.yardstick.YardstickException {
    private final String reason;

    public Refused(String reason, String message) {
      super(message);
      this.reason = reason;
    }

    public String reason() {
      return reason;
    }
  }

  /**
   * The sso section of a settings file's text (for tests; the server and commands use {@code
   * Settings}).
   */
  public static Optional<SsoSettings> parse(String yaml, String source, Map<String, String> env) {
    return read(
        io.yardstick.yaml.YamlTree.parse(source, yaml, io.yardstick.yaml.YamlTree.Scalars.TYPED),
        env);
  }

  /**
   * Reads {@code sso} of a settings file's tree (secrets from {@code env}); empty when SSO is off.
   */
  public static Optional<SsoSettings> read(
      io.yardstick.yaml.YamlTree tree, Map<String, String> env) {
    JsonNode root = tree.root();
    JsonNode sso = root == null || root.isNull() ? null : root.get("sso");
    if (sso == null || sso.isNull()) return Optional.empty();
    return Optional.of(new Reader(tree.source(), env).read(sso));
  }

  /**
   * Maps the claims of a validated ID token to a person: the user name from {@link #usernameClaim},
   * the highest role whose values the {@link #roleClaim} holds, an agent's agent_id, a lead's
   * teams.
   *
   * @throws Refused {@code no_name}, {@code no_role}, {@code no_agent_id} or {@code no_teams}
   */
  public Person map(Map<String, Object> claims) {
    Object rawName = claims.get(usernameClaim);
    if (!(rawName instanceof String n) || n.isBlank()) {
      throw new Refused(
          "no_name",
          "The ID token has no "
              + usernameClaim
              + " claim (sso.username_claim) to name the"
              + " user.");
    }
    String name = n.strip().toLowerCase(Locale.ROOT);
    if (!name.matches("[a-z0-9][a-z0-9._@-]{0,63}")) {
      throw new Refused(
          "no_name",
          "The "
              + usernameClaim
              + " claim '"
              + clip(n)
              + "' is not a Yardstick user name"
              + " (letters, digits, '.', '_', '-' or '@', up to 64); choose another sso.username_claim.");
    }
    Set<String> held = new LinkedHashSet<>(texts(claims.get(roleClaim)));
    Role role = null;
    for (Role r : Role.values()) { // ADMIN first: the highest role given wins
      Set<String> values = roleValues.getOrDefault(r, Set.of());
      if (values.stream().anyMatch(held::contains)) {
        role = r;
        break;
      }
    }
    if (role == null) {
      throw new Refused(
          "no_role",
          "No role for '"
              + name
              + "': the "
              + roleClaim
              + " claim holds "
              + clip(held.toString())
              + ", none of which sso.roles maps to a role.");
    }
    String agentId = null;
    List<String> teams = List.of();
    if (role == Role.AGENT) {
      Object a = claims.get(agentIdClaim);
      if (!(a instanceof String s) || s.isBlank()) {
        throw new Refused(
            "no_agent_id",
            "'"
                + name
                + "' is an agent but the ID token has no "
                + agentIdClaim
                + " claim (sso.agent_id_claim) naming their agent_id.");
      }
      agentId = s.strip();
    }
    if (role == Role.LEAD) {
      teams = texts(claims.get(teamsClaim));
      if (teams.isEmpty()) {
        throw new Refused(
            "no_teams",
            "'"
                + name
                + "' is a team lead but the ID token has no "
                + teamsClaim
                + " claim (sso.teams_claim) naming their teams.");
      }
    }
    return new Person(name, role, agentId, teams);
  }

  private static List<String> texts(Object claim) {
    List<String> out = new ArrayList<>();
    if (claim instanceof String s) {
      out.add(s.strip());
    } else if (claim instanceof java.util.Collection<?> c) {
      for (Object o : c) {
        if (o instanceof String s && !s.isBlank()) out.add(s.strip());
      }
    }
    return out;
  }

  private static String clip(String s) {
    String t = s.replaceAll("\\p{Cntrl}", " ");
    return t.length() > 100 ? t.substring(0, 97) + "..." : t;
  }

  /** One reading of the sso section. */
  private static final class Reader {
    private final String source;
    private final Map<String, String> env;

    Reader(String source, Map<String, String> env) {
      this.source = source;
      this.env = env;
    }

    SsoSettings read(JsonNode sso) {
      if (!sso.isObject())
        throw fail("sso", sso, "a map with issuer, client_id and roles (docs/security.md)");
      Set<String> keys =
          Set.of(
              "issuer",
              "client_id",
              "client_secret_env",
              "client_secret_file",
              "scopes",
              "label",
              "redirect_uri",
              "username_claim",
              "roles",
              "agent_id_claim",
              "teams_claim",
              "unknown_users",
              "local_passwords",
              "break_glass");
      for (Map.Entry<String, JsonNode> e : sso.properties()) {
        if (e.getKey().equals("client_secret")) {
          throw new SettingsFile.SettingsException(
              prefix("sso.client_secret")
                  + "a secret is never written in the"
                  + " settings file; put it in an environment variable named by sso.client_secret_env, or in a file"
                  + " named by sso.client_secret_file");
        }
        if (!keys.contains(e.getKey())) {
          throw new SettingsFile.SettingsException(
              prefix("sso." + e.getKey())
                  + "unknown key '"
                  + e.getKey()
                  + "'; expected one of "
                  + String.join(", ", new java.util.TreeSet<>(keys)));
        }
      }
      URI issuer = url(sso.get("issuer"), "sso.issuer", true);
      String clientId = text(sso.get("client_id"), "sso.client_id", null);
      if (clientId == null)
        throw fail(
            "sso.client_id",
            sso.get("client_id"),
            "the client id registered with the" + " provider");
      String secret = secret(sso);
      List<String> scopes =
          sso.has("scopes")
              ? list(sso.get("scopes"), "sso.scopes")
              : List.of("openid", "profile", "email");
      if (!scopes.contains("openid")) {
        List<String> s = new ArrayList<>(scopes);
        s.add(0, "openid");
        scopes = s;
      }
      String label = text(sso.get("label"), "sso.label", "single sign-on");
      URI redirect =
          sso.has("redirect_uri") ? url(sso.get("redirect_uri"), "sso.redirect_uri", false) : null;
      if (redirect != null && !redirect.getPath().endsWith("/api/sso/callback")) {
        throw fail(
            "sso.redirect_uri",
            sso.get("redirect_uri"),
            "this server's address ending in /api/sso/callback");
      }
      String username = text(sso.get("username_claim"), "sso.username_claim", "preferred_username");
      JsonNode roles = sso.get("roles");
      if (roles == null || !roles.isObject()) {
        throw fail(
            "sso.roles",
            roles,
            "a map such as {claim: groups, admin: [yardstick-admins], agent: [support]}");
      }
      String roleClaim = "groups";
      Map<Role, Set<String>> values = new EnumMap<>(Role.class);
      for (Map.Entry<String, JsonNode> e : roles.properties()) {
        String key = "sso.roles." + e.getKey();
        if (e.getKey().equals("claim")) {
          roleClaim = text(e.getValue(), key, null);
          continue;
        }
        Role r;
        try {
          r = Role.of(e.getKey());
        } catch (io.yardstick.YardstickException ex) {
          throw new SettingsFile.SettingsException(
              prefix(key)
                  + "unknown key '"
                  + e.getKey()
                  + "'; expected claim,"
                  + " admin, manager, lead or agent");
        }
        values.put(r, new LinkedHashSet<>(list(e.getValue(), key)));
      }
      if (values.isEmpty()) {
        throw fail(
            "sso.roles",
            roles,
            "at least one role with the claim values that give it, such as"
                + " {admin: [yardstick-admins]}");
      }
      String agentClaim = text(sso.get("agent_id_claim"), "sso.agent_id_claim", "agent_id");
      String teamsClaim = text(sso.get("teams_claim"), "sso.teams_claim", "teams");
      String unknown = text(sso.get("unknown_users"), "sso.unknown_users", "create");
      if (!unknown.equals("create") && !unknown.equals("refuse")) {
        throw fail("sso.unknown_users", sso.get("unknown_users"), "create or refuse");
      }
      JsonNode lp = sso.get("local_passwords");
      if (lp != null && !lp.isBoolean()) throw fail("sso.local_passwords", lp, "true or false");
      boolean local = lp == null || lp.asBoolean();
      Set<String> breakGlass = new LinkedHashSet<>();
      for (String n :
          sso.has("break_glass")
              ? list(sso.get("break_glass"), "sso.break_glass")
              : List.of("admin")) {
        breakGlass.add(n.toLowerCase(Locale.ROOT));
      }
      if (!local && breakGlass.isEmpty()) {
        throw fail(
            "sso.break_glass",
            sso.get("break_glass"),
            "at least one local admin who can still log in with a"
                + " password when local_passwords is false (if the provider is down)");
      }
      return new SsoSettings(
          issuer,
          clientId,
          secret,
          scopes,
          label,
          redirect,
          username,
          roleClaim,
          values,
          agentClaim,
          teamsClaim,
          unknown.equals("create"),
          local,
          breakGlass);
    }

    private String secret(JsonNode sso) {
      JsonNode envName = sso.get("client_secret_env");
      JsonNode file = sso.get("client_secret_file");
      if (envName != null && file != null) {
        throw new SettingsFile.SettingsException(
            prefix("sso") + "give client_secret_env or client_secret_file, not" + " both");
      }
      if (envName != null) {
        String name = text(envName, "sso.client_secret_env", null);
        String value = env.get(name);
        if (value == null || value.isBlank()) {
          throw new SettingsFile.SettingsException(
              prefix("sso.client_secret_env")
                  + "the environment variable "
                  + name
                  + " is not set; set it to the client secret the provider gave");
        }
        return value.strip();
      }
      if (file != null) {
        String name = text(file, "sso.client_secret_file", null);
        try {
          String value = Files.readString(Path.of(name)).strip();
          if (value.isEmpty()) throw new IOException("it is empty");
          return value;
        } catch (IOException | RuntimeException e) {
          throw new SettingsFile.SettingsException(
              prefix("sso.client_secret_file")
                  + "the file "
                  + name
                  + " cannot be read ("
                  + e.getMessage()
                  + "); it should hold the client secret alone");
        }
      }
      return null;
    }

    private URI url(JsonNode n, String key, boolean issuer) {
      String t = text(n, key, null);
      try {
        URI u = new URI(t);
        boolean local = "localhost".equals(u.getHost()) || "127.0.0.1".equals(u.getHost());
        if (u.getHost() == null
            || u.getRawUserInfo() != null
            || u.getRawQuery() != null
            || u.getRawFragment() != null
            || !("https".equals(u.getScheme()) || "http".equals(u.getScheme()) && local)) {
          throw new java.net.URISyntaxException(t, "not an https URL");
        }
        return u;
      } catch (java.net.URISyntaxException | RuntimeException e) {
        throw fail(
            key,
            n,
            (issuer ? "the provider's issuer URL" : "a URL")
                + ", https:// (http:// only for"
                + " localhost), without query or fragment");
      }
    }

    private String text(JsonNode n, String key, String fallback) {
      if (n == null || n.isNull()) {
        if (fallback != null) return fallback;
        throw fail(key, n, "a text");
      }
      if (!n.isTextual()
          || n.asText().isBlank()
          || n.asText().chars().anyMatch(Character::isISOControl)) {
        throw fail(key, n, "a text on one line");
      }
      return n.asText().strip();
    }

    private List<String> list(JsonNode n, String key) {
      List<String> out = new ArrayList<>();
      if (n != null && n.isTextual()) {
        out.add(text(n, key, null));
        return out;
      }
      if (n == null || !n.isArray()) throw fail(key, n, "a list of texts");
      for (JsonNode v : n) out.add(text(v, key, null));
      return out;
    }

    private String prefix(String key) {
      return "settings file " + source + ": " + key + ": ";
    }

    private SettingsFile.SettingsException fail(String key, JsonNode value, String expected) {
      String shown = value == null || value.isNull() ? "(empty)" : value.toString();
      if (shown.length() > 80) shown = shown.substring(0, 77) + "...";
      return new SettingsFile.SettingsException(
          prefix(key) + "the value " + shown + " is not valid; expected " + expected);
    }
  }
}
