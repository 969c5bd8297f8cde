package io.yardstick.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.yardstick.audit.AuditLog;
import java.time.Clock;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Every kit of the {@link StoreTck} on a real PostgreSQL server (see {@link TestPostgres}): a new
 * database a store.
 */
class PostgresStoreTck extends StoreTck {
  @Override
  protected Store newStore() throws Exception {
    return TestPostgres.newStore("tck");
  }

  /** What only PostgreSQL has. */
  @Nested
  class OnlyPostgres {
    /**
     * PostgreSQL's rules make the audit log append-only even against hand-written SQL (DuckDB has
     * no such rules).
     */
    @Test
    void the_audit_log_is_append_only_even_by_hand() throws Exception {
      try (Store store = newStore()) {
        new AuditLog(store, Clock.systemUTC())
            .record(new AuditLog.Record("ana", "local", "user", "user add", "bo", "ok", null));
        store.update("UPDATE audit_log SET actor = 'mallory'");
        store.update("DELETE FROM audit_log");
        assertThat(store.query("SELECT actor FROM audit_log").get(0)[0]).isEqualTo("ana");
      }
    }
  }
}
