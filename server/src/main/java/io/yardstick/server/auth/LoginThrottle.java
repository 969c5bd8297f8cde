package io.yardstick.server.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.yardstick.server.api.ApiException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Brute-force protection of the log-in: after {@value #ACCOUNT_FAILURES} failed log-ins for one
 * account, or {@value #ADDRESS_FAILURES} from one address, further log-ins of that account (or from
 * that address) are refused with 429 until {@link #LOCKOUT} has passed since the last failure, the
 * right password included. A success clears the account's count. Counts live in Caffeine caches
 * that forget an entry {@link #LOCKOUT} after its last failure, so memory stays bounded whatever
 * names an attacker tries.
 */
public final class LoginThrottle {
  static final int ACCOUNT_FAILURES = 5;
  static final int ADDRESS_FAILURES = 20;
  static final Duration LOCKOUT = Duration.ofMinutes(15);
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT).withZone(ZoneOffset.UTC);

  private record Failures(int count, Instant last) {}

  private final Clock clock;
  private final Cache<String, Failures> accounts;
  private final Cache<String, Failures> addresses;

  public LoginThrottle(Clock clock) {
    this.clock = clock;
    this.accounts = cache(clock);
    this.addresses = cache(clock);
  }

  private static Cache<String, Failures> cache(Clock clock) {
    return Caffeine.newBuilder()
        .maximumSize(100_000)
        .expireAfterWrite(LOCKOUT)
        .ticker(() -> clock.millis() * 1_000_000L)
        .build();
  }

  /** Answers 429 when the account or the address is locked out now. */
  public void check(String account, String address) {
    Failures a = accounts.getIfPresent(key(account));
    if (a != null && a.count() >= ACCOUNT_FAILURES) {
      throw locked(a, "Too many failed log-ins for '" + key(account) + "'");
    }
    Failures b = addresses.getIfPresent(address);
    if (b != null && b.count() >= ADDRESS_FAILURES) {
      throw locked(b, "Too many failed log-ins from your address (" + address + ")");
    }
  }

  public void failed(String account, String address) {
    Instant now = clock.instant();
    accounts
        .asMap()
        .merge(key(account), new Failures(1, now), (o, n) -> new Failures(o.count() + 1, now));
    addresses
        .asMap()
        .merge(address, new Failures(1, now), (o, n) -> new Failures(o.count() + 1, now));
  }

  public void succeeded(String account) {
    accounts.invalidate(key(account));
  }

  private ApiException locked(Failures f, String what) {
    Instant until = f.last().plus(LOCKOUT);
    long seconds = Math.max(1, Duration.between(clock.instant(), until).toSeconds());
    ApiException e =
        new ApiException(
            429,
            "Too many log-ins",
            what
                + "; log-in is locked for "
                + LOCKOUT.toMinutes()
                + " minutes after the last failure, until "
                + TIME.format(until)
                + " UTC. Wait, or ask"
                + " an admin.");
    e.retryAfterSeconds(seconds);
    return e;
  }

  private static String key(String account) {
    return account == null ? "" : account.strip().toLowerCase(Locale.ROOT);
  }
}
