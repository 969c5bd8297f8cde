package io.yardstick.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.yardstick.erasure.Erasures;
import io.yardstick.ingest.ImportSource;
import io.yardstick.kpi.KpiSettings;
import io.yardstick.kpi.Retention;
import io.yardstick.model.RecordType;
import io.yardstick.server.ApiClient.Response;
import io.yardstick.store.Store;
import io.yardstick.user.Role;
import io.yardstick.user.Users;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11, Deliver 8: an admin erases a customer through the API; the server applies the retention
 * daily.
 */
class ErasureTest {
  private static final String PASSWORD = "a-long-own-secret-7";
  private static final Clock DEC_6 =
      Clock.fixed(Instant.parse("2026-12-06T12:00:00Z"), ZoneOffset.UTC);

  @TempDir Path dir;

  private Store storeWithContacts() {
    Store store = Store.open(dir.resolve("erase.duckdb").toString());
    store.importFile(
        RecordType.CONTACTS,
        ImportSource.of(
            "contacts.csv",
            """
        contact_id,channel,arrived_at,customer_id
        old,phone,2024-01-10T10:00:00Z,cust-8
        a,phone,2026-11-28T10:00:00Z,cust-7
        b,chat,2026-11-28T11:00:00Z,cust-8
        c,email,2026-11-29T12:00:00Z,cust-7
        """
                .getBytes(StandardCharsets.UTF_8)),
        bytes -> {});
    Users users = new Users(store, DEC_6);
    users.add("boss", Role.ADMIN, null, PASSWORD, false);
    users.add("mgr", Role.MANAGER, null, PASSWORD, false);
    return store;
  }

  private static long contacts(ApiClient c) {
    return c.get("/api/kpi?from=2026-11-28&to=2026-11-29&kpi=contacts")
        .body()
        .get("rows")
        .get(0)
        .get("kpis")
        .get("contacts")
        .asLong();
  }

  @Test
  void an_admin_erases_a_customer_and_the_kpis_and_the_audit_log_follow_without_the_id() {
    try (Store store = storeWithContacts();
        YardstickServer server = YardstickServer.start(store, KpiSettings.defaults(), DEC_6, 0)) {
      ApiClient admin =
          ApiClient.loggedIn(path -> "http://127.0.0.1:" + server.port() + path, "boss", PASSWORD);
      ApiClient manager =
          ApiClient.loggedIn(path -> "http://127.0.0.1:" + server.port() + path, "mgr", PASSWORD);
      assertThat(contacts(admin)).isEqualTo(3);
      assertThat(manager.delete("/api/customers/cust-7").status()).isEqualTo(403);

      Response r = admin.delete("/api/customers/cust-7");

      assertThat(r.status()).isEqualTo(200);
      assertThat(r.body().toString())
          .isEqualTo(
              "{\"contacts\":2,\"surveys\":0,\"call_outcomes\":0,\"customers\":0,"
                  + "\"customer_attributes\":0}");
      assertThat(contacts(admin))
          .as("the cached answer dropped with the data version")
          .isEqualTo(1);
      JsonNode log = admin.get("/api/audit?kind=data").body();
      String hash = "sha256:" + Erasures.sha256("cust-7");
      assertThat(log.toString()).doesNotContain("cust-7");
      assertThat(log.get("entries"))
          .extracting(
              e ->
                  e.get("actor").asText()
                      + " "
                      + e.get("action").asText()
                      + " "
                      + e.get("target").asText()
                      + " "
                      + e.get("outcome").asText())
          .containsExactly(
              "boss DELETE /api/customers/{id} " + hash + " 200",
              "boss erase customer " + hash + " ok",
              "mgr DELETE /api/customers/{id} " + hash + " 403");
      assertThat(log.get("entries").get(1).get("detail").asText())
          .isEqualTo(
              "2 contacts, 0 surveys, 0 call outcomes,"
                  + " 0 customer records, 0 customer attributes");
    }
  }

  @Test
  void the_request_log_never_shows_the_erased_customers_id() throws Exception {
    java.io.PrintStream err = System.err;
    java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
    try (Store store = storeWithContacts();
        YardstickServer server = YardstickServer.start(store, KpiSettings.defaults(), DEC_6, 0)) {
      ApiClient admin =
          ApiClient.loggedIn(path -> "http://127.0.0.1:" + server.port() + path, "boss", PASSWORD);
      System.setErr(
          new java.io.PrintStream(captured, true, java.nio.charset.StandardCharsets.UTF_8));
      assertThat(admin.delete("/api/customers/cust-7").status()).isEqualTo(200);
      assertThat(admin.delete("/api/customers/cust-7").status())
          .isEqualTo(200); // nothing left: still no id
      long deadline =
          System.nanoTime() + 5_000_000_000L; // the request log is written after the answer
      while (!captured.toString(java.nio.charset.StandardCharsets.UTF_8).contains("\"status\":200")
          && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
    } finally {
      System.setErr(err);
    }
    String log = captured.toString(java.nio.charset.StandardCharsets.UTF_8);
    assertThat(log)
        .contains("\"method\":\"DELETE\",\"path\":\"/api/customers/{id}\",\"status\":200")
        .doesNotContain("cust-7");
  }

  @Test
  void the_server_applies_the_retention_when_it_starts_and_daily() throws Exception {
    try (Store store = storeWithContacts();
        YardstickServer server =
            YardstickServer.start(
                store, KpiSettings.defaults().withRetention(new Retention(25)), DEC_6, 0)) {
      long deadline = System.nanoTime() + 10_000_000_000L;
      while (store.count(RecordType.CONTACTS) == 4 && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      // 25 months before 2026-12-06 is 2024-11-06: only the contact of January 2024 goes.
      assertThat(store.count(RecordType.CONTACTS)).isEqualTo(3);
      ApiClient admin =
          ApiClient.loggedIn(path -> "http://127.0.0.1:" + server.port() + path, "boss", PASSWORD);
      JsonNode entry = admin.get("/api/audit?kind=data").body().get("entries").get(0);
      assertThat(
              entry.get("actor").asText()
                  + " "
                  + entry.get("action").asText()
                  + " "
                  + entry.get("target").asText()
                  + " "
                  + entry.get("detail").asText())
          .isEqualTo(
              "system:retention erase retention before"
                  + " 2024-11-06T00:00:00Z 1 contacts, 0 surveys, 0 call outcomes, 0 customer records, 0 customer"
                  + " attributes");
    }
  }
}
