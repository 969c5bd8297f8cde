package io.yardstick.erasure;

import io.yardstick.audit.AuditLog;
import io.yardstick.kpi.Retention;
import io.yardstick.store.Store;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Erasure of a customer's records and the retention of contacts (issue 11), each recorded in the
 * audit log without the personal data: the counts, and for a customer a SHA-256 of the id (to
 * answer "was this customer erased?" by hashing the id asked about), never the id itself. The same
 * for the CLI and the API.
 *
 * <pre>{@code
 * Store.Erased erased = new Erasures(store, clock).customer("cust-42", "ana", "10.0.0.7");
 * }</pre>
 */
public final class Erasures {
  private final Store store;
  private final Clock clock;
  private final AuditLog audit;

  public Erasures(Store store, Clock clock) {
    this.store = store;
    this.clock = clock;
    this.audit = new AuditLog(store, clock);
  }

  /** Erases every record of one customer (see {@link Store#erase}) and records it. */
  public Store.Erased customer(String customerId, String actor, String address) {
    Store.Erased erased = store.erase(new Store.Erasure.Customer(customerId.strip()));
    audit.record(
        new AuditLog.Record(
            actor,
            address,
            "data",
            "erase customer",
            "sha256:" + sha256(customerId.strip()),
            "ok",
            erased.describe()));
    return erased;
  }

  /**
   * Erases what is older than the retention allows and records it; empty when contacts are kept for
   * ever.
   */
  public Optional<Store.Erased> retention(Retention retention, String actor, String address) {
    Optional<Instant> cutoff = retention.cutoff(clock);
    if (cutoff.isEmpty()) return Optional.empty();
    Store.Erased erased = store.erase(new Store.Erasure.Before(cutoff.get()));
    audit.record(
        new AuditLog.Record(
            actor,
            address,
            "data",
            "erase retention",
            "before " + cutoff.get(),
            "ok",
            erased.describe()));
    return Optional.of(erased);
  }

  /** The hex SHA-256 of a text (UTF-8). */
  public static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
