package io.yardstick.server.auth;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Log-in sessions: a random id (the HttpOnly cookie) with its user and CSRF token, ending after a
 * period without use. Kept in memory: a restart logs everyone out, which is the safe side.
 */
public final class Sessions {
  private static final SecureRandom RANDOM = new SecureRandom();

  /** One session. */
  public record Session(String id, String user, String csrf, Instant lastUsed) {}

  private final Map<String, Session> sessions = new ConcurrentHashMap<>();
  private final Clock clock;
  private final Duration idle;

  public Sessions(Clock clock, Duration idle) {
    this.clock = clock;
    this.idle = idle;
  }

  public Session start(String user) {
    Session s = new Session(random(), user, random(), clock.instant());
    sessions.put(s.id(), s);
    return s;
  }

  public Optional<Session> find(String id) {
    if (id == null) return Optional.empty();
    Session s = sessions.get(id);
    if (s == null) return Optional.empty();
    Instant now = clock.instant();
    if (s.lastUsed().plus(idle).isBefore(now)) {
      sessions.remove(id);
      return Optional.empty();
    }
    Session touched = new Session(s.id(), s.user(), s.csrf(), now);
    sessions.put(id, touched);
    return Optional.of(touched);
  }

  public void end(String id) {
    if (id != null) sessions.remove(id);
  }

  /** Ends every session of a user (after a password change, say). */
  public void endAll(String user) {
    sessions.values().removeIf(s -> s.user().equals(user));
  }

  private static String random() {
    byte[] b = new byte[32];
    RANDOM.nextBytes(b);
    return HexFormat.of().formatHex(b);
  }
}
