package io.yardstick.store;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The store kit against a real PostgreSQL server (see {@link TestPostgres}); a fresh database per test. */
class PostgresStoreTest extends StoreCompatibilityKit {
  @Override
  protected Store newStore() throws Exception {
    return TestPostgres.newStore("store");
  }

  /** PostgreSQL's rules make the audit log append-only even against hand-written SQL (DuckDB has no such rules). */
  @Test
  void the_audit_log_is_append_only_even_by_hand() {
    new io.yardstick.audit.AuditLog(store, java.time.Clock.systemUTC()).record(new io.yardstick.audit.AuditLog.Record(
        "ana", "local", "user", "user add", "bo", "ok", null));
    store.update("UPDATE audit_log SET actor = 'mallory'");
    store.update("DELETE FROM audit_log");
    assertThat(store.query("SELECT actor FROM audit_log").get(0)[0]).isEqualTo("ana");
  }
}
