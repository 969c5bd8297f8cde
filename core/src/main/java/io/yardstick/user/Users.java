package io.yardstick.user;

import at.favre.lib.crypto.bcrypt.BCrypt;
import io.yardstick.YardstickException;
import io.yardstick.store.Store;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The users of a store: passwords kept as bcrypt hashes (cost 12, salted), API tokens kept as
 * SHA-256 hashes.
 *
 * <pre>{@code
 * Users users = new Users(store, Clock.systemUTC());
 * String password = users.add("ana", Role.MANAGER, null);   // a one-time password to hand over
 * Optional<User> ana = users.authenticate("ana", password);
 * }</pre>
 */
public final class Users {
  private static final int COST = 12;
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

  private final Store store;
  private final Clock clock;

  public Users(Store store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  /**
   * Adds a user with a generated one-time password (to be changed at first log-in) and returns that
   * password.
   */
  public String add(String name, Role role, String agentId) {
    String password = randomPassword();
    add(name, role, agentId, password, true);
    return password;
  }

  /**
   * Adds a team lead who sees the given teams, with a generated one-time password, and returns that
   * password.
   */
  public String addLead(String name, List<String> teams) {
    String password = randomPassword();
    add(name, Role.LEAD, null, password, true, teams);
    return password;
  }

  /** Adds a user with the given password. */
  public void add(String name, Role role, String agentId, String password, boolean mustChange) {
    add(name, role, agentId, password, mustChange, List.of());
  }

  /** Adds a user with the given password; a lead needs at least one team. */
  public void add(
      String name,
      Role role,
      String agentId,
      String password,
      boolean mustChange,
      List<String> teams) {
    String n = checkName(name);
    List<String> t =
        teams == null
            ? List.of()
            : teams.stream().map(String::strip).filter(s -> !s.isEmpty()).distinct().toList();
    if (role == Role.LEAD && t.isEmpty()) {
      throw new YardstickException(
          "A team lead needs the teams they see; add --team TEAM (once per team).");
    }
    if (role != Role.LEAD && !t.isEmpty()) {
      throw new YardstickException("Only a team lead (--role lead) has teams.");
    }
    t.forEach(team -> checkText(team, "A team"));
    if (role == Role.AGENT && (agentId == null || agentId.isBlank())) {
      throw new YardstickException(
          "An agent user needs the agent_id of their contacts; give {agent}.");
    }
    if (role == Role.AGENT) checkText(agentId, "agent_id");
    if (find(n).isPresent()) {
      throw new YardstickException("A user named '" + n + "' exists already.");
    }
    checkPassword(password, n);
    store.update(
        "INSERT INTO users (name, role, agent_id, password_hash, must_change_password, created_at)"
            + " VALUES (?, ?, ?, ?, ?, ?)",
        n,
        role.id(),
        role == Role.AGENT ? agentId.strip() : null,
        hash(password),
        mustChange,
        clock.instant());
    for (String team : t) {
      store.update("INSERT INTO user_teams (user_name, team) VALUES (?, ?)", n, team);
    }
  }

  /**
   * Adds a user who signs in through single sign-on: no must-change, a random password nobody is
   * told (so no password log-in until an admin resets it).
   */
  public void addSso(String name, Role role, String agentId, List<String> teams) {
    String password = randomPassword() + randomPassword();
    for (int i = 0;
        i < 100 && !acceptable(password, name);
        i++) { // a random text may hold a short name
      password = randomPassword() + randomPassword();
    }
    add(name, role, agentId, password, false, role == Role.LEAD ? teams : List.of());
  }

  private static boolean acceptable(String password, String name) {
    try {
      checkPassword(password, name == null ? null : name.strip());
      return true;
    } catch (YardstickException e) {
      return false;
    }
  }

  /**
   * Gives an existing user a role (with an agent's agent_id, a lead's teams), as single sign-on's
   * claims say.
   */
  public void assign(String name, Role role, String agentId, List<String> teams) {
    String n = checkName(name);
    List<String> t =
        role != Role.LEAD || teams == null
            ? List.of()
            : teams.stream().map(String::strip).filter(s -> !s.isEmpty()).distinct().toList();
    if (role == Role.LEAD && t.isEmpty())
      throw new YardstickException("A team lead needs the teams they see.");
    t.forEach(team -> checkText(team, "A team"));
    if (role == Role.AGENT && (agentId == null || agentId.isBlank())) {
      throw new YardstickException(
          "An agent user needs the agent_id of their contacts; give {agent}.");
    }
    if (role == Role.AGENT) checkText(agentId, "agent_id");
    store.update(
        "UPDATE users SET role = ?, agent_id = ? WHERE name = ?",
        role.id(),
        role == Role.AGENT ? agentId.strip() : null,
        n);
    store.update("DELETE FROM user_teams WHERE user_name = ?", n);
    for (String team : t) {
      store.update("INSERT INTO user_teams (user_name, team) VALUES (?, ?)", n, team);
    }
  }

  /**
   * Whether an agent has contacts in one of the teams of a team lead (the agents whose reports the
   * lead reads).
   */
  public boolean leads(String leadName, String agentId) {
    return !store
        .query(
            "SELECT 1 FROM contacts WHERE agent_id = ? AND team IN (SELECT team FROM user_teams WHERE"
                + " user_name = ?) LIMIT 1",
            agentId,
            leadName)
        .isEmpty();
  }

  private List<String> teamsOf(String name, Role role) {
    if (role != Role.LEAD) return List.of();
    return store
        .query("SELECT team FROM user_teams WHERE user_name = ? ORDER BY team", name)
        .stream()
        .map(r -> (String) r[0])
        .toList();
  }

  /** A short single-line text: at most 128 characters, no control characters. */
  private static void checkText(String text, String what) {
    if (text.strip().length() > 128 || text.chars().anyMatch(Character::isISOControl)) {
      throw new YardstickException(what + " has at most 128 characters and no control characters.");
    }
  }

  public Optional<User> find(String name) {
    List<Object[]> rows =
        store.query(
            "SELECT name, role, agent_id, must_change_password FROM users WHERE name = ?",
            name.strip().toLowerCase(java.util.Locale.ROOT));
    if (rows.isEmpty()) return Optional.empty();
    Object[] r = rows.get(0);
    Role role = Role.of((String) r[1]);
    return Optional.of(
        new User(
            (String) r[0],
            role,
            (String) r[2],
            Boolean.TRUE.equals(r[3]),
            teamsOf((String) r[0], role)));
  }

  public List<User> list() {
    List<User> users = new ArrayList<>();
    for (Object[] r :
        store.query("SELECT name, role, agent_id, must_change_password FROM users ORDER BY name")) {
      Role role = Role.of((String) r[1]);
      users.add(
          new User(
              (String) r[0],
              role,
              (String) r[2],
              Boolean.TRUE.equals(r[3]),
              teamsOf((String) r[0], role)));
    }
    return users;
  }

  public boolean isEmpty() {
    return ((Number) store.query("SELECT COUNT(*) FROM users").get(0)[0]).longValue() == 0;
  }

  /** The user when the password is theirs; the same time spent whether or not the name exists. */
  public Optional<User> authenticate(String name, String password) {
    if (name == null || password == null) return Optional.empty();
    List<Object[]> rows =
        store.query(
            "SELECT password_hash, disabled FROM users WHERE name = ?",
            name.strip().toLowerCase(java.util.Locale.ROOT));
    String stored = rows.isEmpty() ? DUMMY_HASH : (String) rows.get(0)[0];
    boolean ok =
        BCrypt.verifyer()
            .verify(
                password.getBytes(StandardCharsets.UTF_8), stored.getBytes(StandardCharsets.UTF_8))
            .verified;
    // A disabled user is refused like a wrong password, after the same work.
    return ok && !rows.isEmpty() && !Boolean.TRUE.equals(rows.get(0)[1])
        ? find(name)
        : Optional.empty();
  }

  /** Gives a user a new one-time password (to be changed at the next log-in) and returns it. */
  public String resetPassword(String name) {
    String password = randomPassword();
    int n =
        store.update(
            "UPDATE users SET password_hash = ?, must_change_password = ? WHERE name = ?",
            hash(password),
            true,
            name.strip().toLowerCase(java.util.Locale.ROOT));
    if (n == 0) throw new YardstickException("There is no user named '" + name + "'.");
    store.update(
        "DELETE FROM api_tokens WHERE user_name = ?",
        name.strip().toLowerCase(java.util.Locale.ROOT));
    return password;
  }

  /**
   * Sets the password a user chose, after {@link #checkPassword} and a check that it is not the
   * current one. Every API token of the user ends with the old password.
   */
  public void setPassword(String name, String password) {
    String n = name.strip().toLowerCase(java.util.Locale.ROOT);
    checkPassword(password, n);
    if (authenticate(n, password).isPresent()) {
      throw new YardstickException("The new password is the current one; choose another.");
    }
    if (store.update(
            "UPDATE users SET password_hash = ?, must_change_password = ? WHERE name = ?",
            hash(password),
            false,
            n)
        == 0) {
      throw new YardstickException("There is no user named '" + name + "'.");
    }
    store.update("DELETE FROM api_tokens WHERE user_name = ?", n);
  }

  /**
   * An API token as its owner sees it: an id (the start of its hash, not the token), its label,
   * creation time, whether it may only read, and when it expires (null: never).
   */
  public record Token(
      String id,
      String label,
      java.time.Instant createdAt,
      boolean readOnly,
      java.time.Instant expiresAt) {}

  /** Who a token acts as, and whether it may only read. */
  public record Bearer(User user, boolean readOnly) {}

  /**
   * Disables a user (kept, but refused at log-in and for every token; their tokens end) or enables
   * them again; false when there is no such user. (Sessions are the server's to end.)
   */
  public boolean setDisabled(String name, boolean disabled) {
    String n = name.strip().toLowerCase(java.util.Locale.ROOT);
    if (disabled) store.update("DELETE FROM api_tokens WHERE user_name = ?", n);
    return store.update("UPDATE users SET disabled = ? WHERE name = ?", disabled, n) > 0;
  }

  /** Whether a user is disabled (false for a user that does not exist). */
  public boolean isDisabled(String name) {
    List<Object[]> rows =
        store.query(
            "SELECT disabled FROM users WHERE name = ?",
            name.strip().toLowerCase(java.util.Locale.ROOT));
    return !rows.isEmpty() && Boolean.TRUE.equals(rows.get(0)[0]);
  }

  /** The user's API tokens, oldest first. */
  public List<Token> tokens(String name) {
    List<Token> out = new ArrayList<>();
    for (Object[] r :
        store.query(
            "SELECT token_hash, label, created_at, read_only, expires_at FROM api_tokens WHERE"
                + " user_name = ? ORDER BY created_at, token_hash",
            name.strip().toLowerCase(java.util.Locale.ROOT))) {
      out.add(
          new Token(
              ((String) r[0]).substring(0, TOKEN_ID_LENGTH),
              (String) r[1],
              (java.time.Instant) r[2],
              Boolean.TRUE.equals(r[3]),
              (java.time.Instant) r[4]));
    }
    return out;
  }

  /** Ends one of the user's tokens by its id; false when the user has no such token. */
  public boolean revokeToken(String name, String id) {
    if (id == null || !id.matches("[0-9a-f]{" + TOKEN_ID_LENGTH + "}")) return false;
    return store.update(
            "DELETE FROM api_tokens WHERE user_name = ? AND token_hash LIKE ?",
            name.strip().toLowerCase(java.util.Locale.ROOT),
            id + "%")
        > 0;
  }

  /**
   * Removes a user, their API tokens and single sign-on links; false when there was none. (Sessions
   * are the server's to end.)
   */
  public boolean remove(String name) {
    String n = name.strip().toLowerCase(java.util.Locale.ROOT);
    store.update("DELETE FROM api_tokens WHERE user_name = ?", n);
    store.update("DELETE FROM sso_identities WHERE user_name = ?", n);
    store.update("DELETE FROM user_teams WHERE user_name = ?", n);
    return store.update("DELETE FROM users WHERE name = ?", n) > 0;
  }

  private static final int TOKEN_ID_LENGTH = 16;

  /**
   * Creates an API token for a user and returns it; only its hash is stored, so it is shown once.
   */
  public String createToken(String name, String label) {
    return createToken(name, label, false, null);
  }

  /** The longest a token may live, when it expires: ten years. */
  public static final int MAX_TOKEN_DAYS = 3650;

  /**
   * Creates an API token that may only read when {@code readOnly}, and expires after {@code days}
   * (null: never; 1 to {@value #MAX_TOKEN_DAYS}); returns it (shown once).
   */
  public String createToken(String name, String label, boolean readOnly, Integer days) {
    User user =
        find(name)
            .orElseThrow(() -> new YardstickException("There is no user named '" + name + "'."));
    if (label != null) checkText(label, "A token's label");
    if (days != null && (days < 1 || days > MAX_TOKEN_DAYS)) {
      throw new YardstickException(
          "A token expires after 1 to " + MAX_TOKEN_DAYS + " days; got " + days + ".");
    }
    if (isDisabled(user.name()))
      throw new YardstickException("User '" + user.name() + "' is disabled.");
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    String token = "ys_" + HexFormat.of().formatHex(bytes);
    store.update(
        "INSERT INTO api_tokens (token_hash, user_name, label, created_at, read_only, expires_at)"
            + " VALUES (?, ?, ?, ?, ?, ?)",
        sha256(token),
        user.name(),
        label,
        clock.instant(),
        readOnly,
        days == null ? null : clock.instant().plus(java.time.Duration.ofDays(days)));
    return token;
  }

  public Optional<User> forToken(String token) {
    return bearer(token).map(Bearer::user);
  }

  /** The user of a token that has not expired and whose user is not disabled, with its scope. */
  public Optional<Bearer> bearer(String token) {
    if (token == null || token.isBlank()) return Optional.empty();
    List<Object[]> rows =
        store.query(
            "SELECT t.user_name, t.read_only FROM api_tokens t JOIN users u ON u.name ="
                + " t.user_name WHERE t.token_hash = ? AND (t.expires_at IS NULL OR t.expires_at > ?) AND NOT COALESCE("
                + "u.disabled, FALSE)",
            sha256(token.strip()),
            clock.instant());
    if (rows.isEmpty()) return Optional.empty();
    boolean readOnly = Boolean.TRUE.equals(rows.get(0)[1]);
    return find((String) rows.get(0)[0]).map(u -> new Bearer(u, readOnly));
  }

  private static final String DUMMY_HASH =
      new String(
          BCrypt.withDefaults().hash(COST, "not a password".toCharArray()), StandardCharsets.UTF_8);

  private static String hash(String password) {
    return BCrypt.withDefaults().hashToString(COST, password.toCharArray());
  }

  private static String checkName(String name) {
    String n = name == null ? "" : name.strip().toLowerCase(java.util.Locale.ROOT);
    if (!n.matches("[a-z0-9][a-z0-9._@-]{0,63}")) {
      throw new YardstickException(
          "'"
              + name
              + "' is not a user name; use letters, digits, '.', '_', '-' or '@'"
              + " (up to 64).");
    }
    return n;
  }

  /** The shortest password a user may choose (OWASP ASVS 2.1.1). */
  public static final int MIN_PASSWORD_LENGTH = 12;

  private static final java.util.Set<String> COMMON = commonPasswords();

  /**
   * The rules of a chosen password: at least {@value #MIN_PASSWORD_LENGTH} characters and at most
   * 72 bytes (bcrypt), not one of a list of common passwords, not the user's name, and at least 4
   * different characters.
   */
  public static void checkPassword(String password, String name) {
    if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
      throw new YardstickException(
          "A password needs at least " + MIN_PASSWORD_LENGTH + " characters.");
    }
    if (password.getBytes(StandardCharsets.UTF_8).length > 72) {
      throw new YardstickException("A password may have at most 72 bytes (bcrypt's limit).");
    }
    String lower = password.toLowerCase(java.util.Locale.ROOT);
    if (COMMON.contains(lower)
        || password.chars().distinct().count() < 4
        || name != null
            && name.length() >= 3
            && lower.contains(name.toLowerCase(java.util.Locale.ROOT))) {
      throw new YardstickException(
          "That password is too easy to guess (a common password, the user's name, or"
              + " fewer than 4 different characters); choose another, such as a few unrelated words.");
    }
  }

  private static java.util.Set<String> commonPasswords() {
    try (java.io.InputStream in = Users.class.getResourceAsStream("common-passwords.txt")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8)
          .lines()
          .map(String::strip)
          .filter(l -> !l.isEmpty() && !l.startsWith("#"))
          .map(l -> l.toLowerCase(java.util.Locale.ROOT))
          .collect(java.util.stream.Collectors.toUnmodifiableSet());
    } catch (java.io.IOException | NullPointerException e) {
      throw new IllegalStateException("common-passwords.txt is missing from the build", e);
    }
  }

  private static String randomPassword() {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 16; i++) {
      sb.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
    }
    return sb.toString();
  }

  static String sha256(String s) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
