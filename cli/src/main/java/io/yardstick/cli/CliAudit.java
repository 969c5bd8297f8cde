package io.yardstick.cli;

import io.yardstick.audit.AuditLog;
import io.yardstick.store.Store;
import java.time.Clock;

/** What a command changed, in the store's audit log: by the OS user, from {@code local}. */
final class CliAudit {
  private CliAudit() {}

  static void record(Store store, String kind, String action, String target, String detail) {
    new AuditLog(store, Clock.systemUTC())
        .record(
            new AuditLog.Record(AuditLog.osUser(), "local", kind, action, target, "ok", detail));
  }
}
