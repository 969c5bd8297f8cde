package io.yardstick.user;

import io.yardstick.store.Store;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Who a person signed in by an OpenID Connect provider is in Yardstick
 * (docs/security.md#single-sign-on). The provider's (issuer, subject) is the identity; the username
 * claim only names a user the first time:
 *
 * <ul>
 *   <li>an identity linked before signs in its user (whatever the username claim says now);
 *   <li>else a user of the claimed name is linked to it, unless that user is linked to another
 *       identity of the provider or is a break-glass account ({@code sso.break_glass});
 *   <li>else the user is created ({@code sso.unknown_users: create}) or refused ({@code refuse}).
 * </ul>
 *
 * At every sign-in the user's role, agent_id and teams become what the claims map to (the provider
 * is the source of truth); a disabled user is refused.
 *
 * <pre>{@code
 * User u = new SsoUsers(store, clock, sso).signIn("https://idp.example/realms/acme", "8f1c...", claims);
 * }</pre>
 */
public final class SsoUsers {
  private final Store store;
  private final Clock clock;
  private final SsoSettings settings;
  private final Users users;

  public SsoUsers(Store store, Clock clock, SsoSettings settings) {
    this.store = store;
    this.clock = clock;
    this.settings = settings;
    this.users = new Users(store, clock);
  }

  /** What a sign-in did: the user, and whether it was created or linked just now. */
  public record SignIn(User user, boolean created, boolean linked) {}

  /**
   * The user that the validated claims of {@code subject} at {@code issuer} sign in.
   *
   * @throws SsoSettings.Refused with a reason: {@code no_name}, {@code no_role}, {@code
   *     no_agent_id}, {@code no_teams}, {@code break_glass}, {@code taken}, {@code unknown_user},
   *     {@code disabled}
   */
  public SignIn signIn(String issuer, String subject, Map<String, Object> claims) {
    SsoSettings.Person person = settings.map(claims);
    Optional<String> linked = linkedUser(issuer, subject).filter(n -> users.find(n).isPresent());
    boolean created = false;
    boolean link = false;
    String name;
    if (linked.isPresent()) {
      name = linked.get();
    } else {
      name = person.name();
      if (settings.breakGlass().contains(name)) {
        throw new SsoSettings.Refused(
            "break_glass",
            "'"
                + name
                + "' is a break-glass account (sso.break_glass): it"
                + " logs in with its password only, never by single sign-on.");
      }
      List<Object[]> other =
          store.query(
              "SELECT subject FROM sso_identities WHERE issuer = ? AND user_name = ?",
              issuer,
              name);
      if (!other.isEmpty()) {
        throw new SsoSettings.Refused(
            "taken",
            "The user '"
                + name
                + "' is linked to another person of the provider;"
                + " an admin removes the user to free the name.");
      }
      if (users.find(name).isEmpty()) {
        if (!settings.createUnknownUsers()) {
          throw new SsoSettings.Refused(
              "unknown_user",
              "'"
                  + name
                  + "' is not a Yardstick user and sso.unknown_users"
                  + " is refuse; an admin adds them first (yardstick user add "
                  + name
                  + ").");
        }
        users.addSso(name, person.role(), person.agentId(), person.teams());
        created = true;
      }
      store.update("DELETE FROM sso_identities WHERE issuer = ? AND subject = ?", issuer, subject);
      store.update(
          "INSERT INTO sso_identities (issuer, subject, user_name, linked_at) VALUES (?, ?, ?, ?)",
          issuer,
          subject,
          name,
          clock.instant());
      link = true;
    }
    if (users.isDisabled(name)) {
      throw new SsoSettings.Refused(
          "disabled", "The user '" + name + "' is disabled; ask an admin.");
    }
    users.assign(name, person.role(), person.agentId(), person.teams());
    return new SignIn(users.find(name).orElseThrow(), created, link);
  }

  /** The user an identity is linked to. */
  public Optional<String> linkedUser(String issuer, String subject) {
    List<Object[]> rows =
        store.query(
            "SELECT user_name FROM sso_identities WHERE issuer = ? AND subject = ?",
            issuer,
            subject);
    return rows.isEmpty() ? Optional.empty() : Optional.of((String) rows.get(0)[0]);
  }
}
