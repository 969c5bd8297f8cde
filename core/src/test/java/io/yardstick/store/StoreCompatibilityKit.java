package io.yardstick.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.yardstick.LimitException;
import io.yardstick.audit.AuditLog;
import io.yardstick.ingest.ImportException;
import io.yardstick.ingest.ImportSource;
import io.yardstick.kpi.Kpi;
import io.yardstick.kpi.KpiEngine;
import io.yardstick.kpi.KpiQuery;
import io.yardstick.model.Contact;
import io.yardstick.model.Cost;
import io.yardstick.model.RecordType;
import io.yardstick.user.Role;
import io.yardstick.user.SsoSettings;
import io.yardstick.user.SsoUsers;
import io.yardstick.user.User;
import io.yardstick.user.Users;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every store must have: imports, merges, limits and the query results' Java types, a
 * kit of the {@link StoreTck}. Expected contents are written out by hand, so both stores are
 * checked against the same text: identical contents on DuckDB and PostgreSQL.
 */
public abstract class StoreCompatibilityKit extends StoreKit {
  protected Store store;

  @BeforeEach
  void openStore() throws Exception {
    store = newStore();
  }

  @AfterEach
  void closeStore() {
    store.close();
  }

  static final String CONTACTS =
      """
      c1|k1|phone|inbound|billing|billing|cust1|a1|red|2026-03-02T09:00:00Z|2026-03-02T09:00:15Z|null|null|2026-03-02T09:06:00Z|300.0|20.0|40.0|true|false|null
      c2|k1|phone|inbound|billing|billing|cust1|a2|red|2026-03-03T09:00:00Z|2026-03-03T09:01:00Z|null|null|null|200.5|null|30.0|false|null|null
      c3|null|chat|inbound|general|login|cust2|null|null|2026-03-03T11:00:00Z|null|null|2026-03-03T11:00:04Z|null|null|null|null|false|null|null
      c4|null|email|inbound|support|returns|cust3|a1|red|2026-03-05T04:30:00Z|null|2026-03-05T13:00:00Z|null|2026-03-05T14:00:00Z|600.0|null|null|true|null|null
      c5|null|phone|outbound|sales|plan change, upgrade|cust2|a2|blue|2026-03-06T14:00:00.250Z|2026-03-06T14:00:00.250Z|null|null|2026-03-06T14:10:00Z|590.0|0.0|60.0|true|true|129.9
      """;

  /** A query that runs for minutes: 10^10 pairs. */
  private String slowQuery() {
    return store.dialect() == Store.Dialect.DUCKDB
        ? "SELECT COUNT(*) FROM range(100000) a, range(100000) b WHERE (a.range * b.range) % 7 = 3"
        : "SELECT COUNT(*) FROM generate_series(1, 100000) a, generate_series(1, 100000) b WHERE (a * b) % 7 = 3";
  }

  /** Issue 11, finding 1: a query past its time is cancelled in the database, not left running. */
  @Test
  void a_query_past_its_timeout_is_cancelled_and_says_so() {
    String slow = slowQuery();
    long started = System.nanoTime();
    assertThatThrownBy(
            () -> store.query(new Store.Bounds(java.time.Duration.ofMillis(300), 10), slow))
        .isInstanceOfSatisfying(LimitException.class, e -> assertThat(e.timedOut()).isTrue())
        .hasMessage("The query ran longer than 300 ms and was cancelled.");
    assertThat((System.nanoTime() - started) / 1_000_000)
        .as("ms until cancelled")
        .isLessThan(5_000);
    assertThat(store.query("SELECT 1").get(0)[0]).as("the connection still answers").isEqualTo(1L);
  }

  /** Issue 11, finding 5: ids of rules and goals are never given twice, deleted ones included. */
  @Test
  void ids_of_rules_and_goals_only_grow() {
    assertThat(store.nextId("alert_rules")).isEqualTo(1);
    assertThat(store.nextId("alert_rules")).isEqualTo(2);
    assertThat(store.nextId("goals")).isEqualTo(1);
    assertThatThrownBy(() -> store.nextId("nothing"))
        .hasMessageStartingWith("There is no id counter 'nothing'");
  }

  @Test
  void single_sign_on_links_a_provider_identity_to_one_user_and_follows_its_role() {
    java.time.Clock clock =
        java.time.Clock.fixed(Instant.parse("2026-03-02T09:00:00Z"), java.time.ZoneOffset.UTC);
    SsoSettings sso =
        SsoSettings.parse(
                """
        sso:
          issuer: https://id.example.com/realms/acme
          client_id: yardstick
          roles: {claim: groups, admin: [admins], lead: [leads], agent: [support]}
        """,
                "kit.yaml",
                java.util.Map.of())
            .orElseThrow();
    SsoUsers users = new SsoUsers(store, clock, sso);
    String issuer = "https://id.example.com/realms/acme";

    var first =
        users.signIn(
            issuer,
            "s-1",
            java.util.Map.of(
                "preferred_username",
                "Eva",
                "groups",
                List.of("support", "leads"),
                "teams",
                List.of("billing", "sales"))); // lead outranks agent
    assertThat(first.created()).isTrue();
    assertThat(first.user().role()).isEqualTo(Role.LEAD);
    assertThat(first.user().teams()).containsExactly("billing", "sales");
    assertThat(dump("sso_identities", "subject"))
        .isEqualTo(
            issuer
                + "|s-1|eva|"
                + store.query("SELECT linked_at FROM sso_identities").get(0)[0]
                + "\n");

    var again =
        users.signIn(
            issuer,
            "s-1",
            java.util.Map.of(
                "preferred_username",
                "eva.new",
                "groups",
                List.of("support"),
                "agent_id",
                "agent-007"));
    assertThat(again.created()).isFalse();
    assertThat(again.linked()).isFalse();
    assertThat(again.user()).isEqualTo(new User("eva", Role.AGENT, "agent-007", false));
    assertThat(
            store
                .query("SELECT COUNT(*) FROM user_teams WHERE user_name = 'eva'")
                .get(0)[0]
                .toString())
        .isEqualTo("0");
    assertThatThrownBy(
            () ->
                users.signIn(
                    issuer,
                    "s-2",
                    java.util.Map.of("preferred_username", "eva", "groups", List.of("admins"))))
        .isInstanceOf(SsoSettings.Refused.class)
        .hasMessageContaining("linked to another person");

    new Users(store, clock).remove("eva"); // removing the user frees the identity and the name
    assertThat(store.query("SELECT COUNT(*) FROM sso_identities").get(0)[0].toString())
        .isEqualTo("0");
    assertThat(
            users
                .signIn(
                    issuer,
                    "s-2",
                    java.util.Map.of("preferred_username", "eva", "groups", List.of("admins")))
                .user()
                .role())
        .isEqualTo(Role.ADMIN);
  }

  @Test
  void the_audit_log_appends_lists_newest_first_filters_and_exports_oldest_first() {
    java.time.Clock clock =
        java.time.Clock.fixed(Instant.parse("2026-03-02T09:00:00Z"), java.time.ZoneOffset.UTC);
    AuditLog audit = new AuditLog(store, clock);
    audit.record(
        new AuditLog.Record("ana", "10.0.0.7", "login", "POST /api/login", "ana", "200", null));
    audit.record(
        new AuditLog.Record(
            "ana", "10.0.0.7", "goal", "POST /api/goals", "1", "201", "line\nbreak"));
    audit.record(
        new AuditLog.Record("os:bo", "local", "data", "import contacts", "c.csv", "ok", "5 read"));
    var page = audit.list(AuditLog.Filter.all(), 0, 2);
    assertThat(page.total()).isEqualTo(3);
    assertThat(page.entries()).extracting(e -> e.id()).containsExactly(3L, 2L);
    assertThat(page.entries().get(1).record().detail()).isEqualTo("line break");
    assertThat(page.entries().get(1).at()).isEqualTo(Instant.parse("2026-03-02T09:00:00Z"));
    assertThat(audit.list(new AuditLog.Filter(null, "ana", null, null), 0, 10).total())
        .isEqualTo(2);
    assertThat(audit.list(new AuditLog.Filter("data", null, null, null), 0, 10).entries())
        .extracting(e -> e.record().actor())
        .containsExactly("os:bo");
    assertThat(
            audit
                .list(
                    new AuditLog.Filter(null, null, null, Instant.parse("2026-03-02T09:00:00Z")),
                    0,
                    10)
                .total())
        .isZero();
    List<Long> exported = new ArrayList<>();
    audit.export(AuditLog.Filter.all(), e -> exported.add(e.id()));
    assertThat(exported).containsExactly(1L, 2L, 3L);
    assertThatThrownBy(() -> new AuditLog.Filter("logins", null, null, null))
        .hasMessageStartingWith(
            "'logins' is not a kind of audit entry; expected one of login, user");
  }

  static final String ERASE_CONTACTS =
      """
      contact_id,case_id,channel,direction,queue,topic,customer_id,agent_id,team,arrived_at,answered_at,first_response_at,abandoned_at,resolved_at,talk_s,hold_s,wrap_s,resolved,converted,revenue
      e1,k1,phone,inbound,billing,billing,cust1,a1,red,2026-03-02T09:00:00Z,2026-03-02T09:00:15Z,,,,300,20,40,false,,
      e2,k1,phone,inbound,billing,billing,cust9,a2,red,2026-03-03T09:00:00Z,2026-03-03T09:01:00Z,,,2026-03-03T09:05:00Z,200,,30,true,,
      e3,k2,chat,inbound,general,login,cust1,a1,red,2026-03-04T11:00:00Z,2026-03-04T11:00:30Z,,,2026-03-04T11:10:00Z,500,,,true,,
      e4,k3,email,inbound,support,returns,cust2,a2,blue,2026-03-05T08:00:00Z,,2026-03-05T09:00:00Z,,2026-03-05T10:00:00Z,600,,,true,,
      e5,,phone,inbound,billing,billing,cust2,a1,blue,2026-03-06T14:00:00Z,,,2026-03-06T14:00:40Z,,,,,false,,
      e6,k3,email,inbound,support,returns,cust2,a2,blue,2026-03-07T08:00:00Z,,2026-03-07T08:30:00Z,,2026-03-07T09:00:00Z,300,,,true,,
      """;
  static final String ERASE_SURVEYS =
      """
      survey_id,kind,score,submitted_at,contact_id,customer_id,agent_id
      s1,csat,5,2026-03-02T10:00:00Z,e1,,a1
      s2,csat,2,2026-03-04T12:00:00Z,,cust1,a1
      s3,csat,4,2026-03-03T10:00:00Z,e2,cust9,a2
      s4,nps,9,2026-03-06T10:00:00Z,e4,cust2,a2
      """;
  static final String ERASE_CUSTOMERS =
      """
      customer_id,since,churned_at,tier
      cust1,2024-01-15,,premium
      cust2,2025-06-01,,basic
      cust9,2025-01-01,,plus
      """;

  /**
   * Fills a store with the erasure fixture, without the lines {@code left} refuses, and a call
   * outcome of e1.
   */
  private static void fillForErasure(Store into, java.util.function.Predicate<String> left) {
    for (var e :
        java.util.Map.of(
                RecordType.CONTACTS,
                ERASE_CONTACTS,
                RecordType.SURVEYS,
                ERASE_SURVEYS,
                RecordType.CUSTOMERS,
                ERASE_CUSTOMERS)
            .entrySet()) {
      String text =
          e.getValue()
              .lines()
              .filter(l -> l.contains("_id,") || left.test(l))
              .collect(Collectors.joining("\n", "", "\n"));
      into.importFile(
          e.getKey(),
          ImportSource.of(e.getKey().cliName() + ".csv", text.getBytes(StandardCharsets.UTF_8)),
          bytes -> {});
    }
    if (left.test("e1,")) {
      // through a loader, as a phone system's import writes it (a Spark lake takes no INSERT)
      try (Loader loader = into.loader()) {
        loader.sink(RecordType.CALL_OUTCOMES).accept(2, new Object[] {"e1", "answered", null});
        loader.commit();
      }
    }
  }

  /**
   * Every table that holds customers' records, and every KPI of March, as text: equal text, equal
   * stores.
   */
  private static String everything(Store s) {
    StringBuilder out = new StringBuilder();
    for (String table :
        List.of(
            "contacts", "surveys", "cases", "call_outcomes", "customers", "customer_attributes")) {
      out.append(table).append(":\n");
      for (Object[] row : s.query("SELECT * FROM " + table + " ORDER BY 1, 2")) {
        out.append(
                java.util.Arrays.stream(row)
                    .map(
                        v ->
                            v instanceof BigDecimal d
                                ? d.stripTrailingZeros().toPlainString()
                                : String.valueOf(v))
                    .collect(Collectors.joining("|")))
            .append("\n");
      }
    }
    out.append(
        new KpiEngine(s)
            .compute(
                new KpiQuery(
                    LocalDate.parse("2026-03-01"),
                    LocalDate.parse("2026-03-31"),
                    ZoneId.of("UTC"),
                    List.of(Kpi.values())))
            .rows()
            .get(0)
            .values());
    return out.toString();
  }

  @Test
  void erasing_a_customer_leaves_the_store_and_its_kpis_as_an_import_without_them()
      throws Exception {
    fillForErasure(store, l -> true);
    long version = store.dataVersion();

    Store.Erased erased = store.erase(new Store.Erasure.Customer("cust1"));

    // e1 and e3 are cust1's; s1 is about e1 (no customer id), s2 is cust1's; e1's call outcome; one
    // record, one tier.
    assertThat(erased).isEqualTo(new Store.Erased(2, 2, 1, 1, 1));
    assertThat(store.dataVersion()).isGreaterThan(version);
    try (Store without = newStore()) {
      fillForErasure(
          without, l -> !l.contains("cust1") && !l.startsWith("s1,") && !l.startsWith("e1,"));
      // Case k1 now starts with cust9's e2 and is resolved, as if e1 had never been imported.
      assertThat(everything(store))
          .isEqualTo(everything(without))
          .contains("k1|e2|2026-03-03T09:00:00Z|true|1|1");
    }
  }

  @Test
  void retention_erases_what_is_older_than_the_cutoff_and_keeps_the_kpis_of_the_rest_exact()
      throws Exception {
    fillForErasure(store, l -> true);

    Store.Erased erased =
        store.erase(new Store.Erasure.Before(Instant.parse("2026-03-03T00:00:00Z")));

    assertThat(erased)
        .isEqualTo(new Store.Erased(1, 1, 1, 0, 0)); // e1, s1 (of 2 March), e1's outcome
    try (Store without = newStore()) {
      fillForErasure(without, l -> !l.startsWith("s1,") && !l.startsWith("e1,"));
      assertThat(everything(store)).isEqualTo(everything(without));
    }
    assertThat(store.erase(new Store.Erasure.Before(Instant.parse("2026-03-03T00:00:00Z"))).total())
        .isZero();
  }

  @Test
  void a_store_wide_timeout_cancels_queries_without_their_own() {
    String slow = slowQuery();
    store.queryTimeout(java.time.Duration.ofMillis(300));
    assertThatThrownBy(() -> store.query(slow))
        .isInstanceOfSatisfying(LimitException.class, e -> assertThat(e.timedOut()).isTrue());
    assertThat(store.query("SELECT 1").get(0)[0]).isEqualTo(1L);
    store.queryTimeout(null);
  }

  @Test
  void a_query_stops_reading_at_its_row_bound() {
    String many =
        store.dialect() == Store.Dialect.DUCKDB
            ? "SELECT range FROM range(1000)"
            : "SELECT g FROM generate_series(1, 1000) g";
    assertThatThrownBy(() -> store.query(new Store.Bounds(null, 10), many))
        .isInstanceOfSatisfying(LimitException.class, e -> assertThat(e.timedOut()).isFalse())
        .hasMessage("The query returned more than 10 rows.");
    assertThat(store.query(new Store.Bounds(null, 1000), many)).hasSize(1000);
  }

  @Test
  void imports_canonical_contacts_exactly() {
    LoadCounts counts = importResource(RecordType.CONTACTS, "contacts.csv");

    assertThat(counts).isEqualTo(new LoadCounts(5, 5, 0, 0));
    assertThat(dump("contacts", "contact_id")).isEqualTo(CONTACTS);
  }

  @Test
  void json_lines_import_gives_the_same_contents_as_csv() {
    importResource(RecordType.CONTACTS, "contacts.jsonl");

    assertThat(dump("contacts", "contact_id")).isEqualTo(CONTACTS);
  }

  @Test
  void imports_surveys_agent_states_customers_and_costs_exactly() {
    assertThat(importResource(RecordType.SURVEYS, "surveys.csv").inserted()).isEqualTo(4);
    assertThat(importResource(RecordType.AGENT_STATES, "agent_states.csv").inserted()).isEqualTo(4);
    assertThat(importResource(RecordType.CUSTOMERS, "customers.csv").inserted()).isEqualTo(3);
    assertThat(importResource(RecordType.COSTS, "costs.csv").inserted()).isEqualTo(3);

    assertThat(dump("surveys", "survey_id"))
        .isEqualTo(
            """
        s1|csat|5|2026-03-02T10:00:00Z|c1|cust1|a1|null
        s2|nps|0|2026-03-04T10:00:00Z|null|cust1|null|null
        s3|ces|7|2026-03-05T08:00:00Z|c4|cust3|a1|null
        s4|esat|3|2026-03-31T18:00:00Z|null|null|a2|null
        """);
    assertThat(dump("agent_states", "agent_id, started_at"))
        .isEqualTo(
            """
        a1|available|2026-03-02T08:00:00Z|2026-03-02T09:00:15Z
        a1|busy|2026-03-02T09:00:15Z|2026-03-02T09:05:35Z
        a1|wrap|2026-03-02T09:05:35Z|2026-03-02T09:06:15Z
        a1|break|2026-03-02T12:00:00Z|2026-03-02T12:30:00Z
        """);
    assertThat(dump("customers", "customer_id"))
        .isEqualTo(
            """
        cust1|2024-01-15|null
        cust2|2025-06-01|2026-02-28
        cust3|2026-01-10|null
        """);
    assertThat(dump("customer_attributes", "customer_id, name"))
        .isEqualTo(
            """
        cust1|age|61|61.0
        cust1|region|Catalonia|null
        cust1|tier|premium|null
        cust2|age|34|34.0
        cust2|tier|basic|null
        cust3|region|Bucharest|null
        cust3|tier|plus|null
        """);
    assertThat(dump("costs", "period_start, period_end, currency NULLS LAST, category NULLS LAST"))
        .isEqualTo(
            """
        2026-03-01|2026-03-31|42000.5|EUR|staff
        2026-03-01|2026-03-31|1200|EUR|telephony
        2026-03-01|2026-03-31|300.1234|null|null
        """);
  }

  @Test
  void importing_the_same_file_again_changes_nothing() {
    importResource(RecordType.CONTACTS, "contacts.csv");
    importResource(RecordType.CUSTOMERS, "customers.csv");
    importResource(RecordType.COSTS, "costs.csv");
    String contacts = dump("contacts", "contact_id");
    String attributes = dump("customer_attributes", "customer_id, name");
    String costs = dump("costs", "period_start, currency NULLS LAST, category NULLS LAST");

    LoadCounts again = importResource(RecordType.CONTACTS, "contacts.csv");
    importResource(RecordType.CUSTOMERS, "customers.csv");
    LoadCounts costsAgain = importResource(RecordType.COSTS, "costs.csv");

    assertThat(again).isEqualTo(new LoadCounts(5, 0, 5, 0));
    assertThat(costsAgain)
        .isEqualTo(new LoadCounts(3, 0, 3, 0)); // the cost without currency and category too
    assertThat(dump("contacts", "contact_id")).isEqualTo(contacts);
    assertThat(dump("customer_attributes", "customer_id, name")).isEqualTo(attributes);
    assertThat(dump("costs", "period_start, currency NULLS LAST, category NULLS LAST"))
        .isEqualTo(costs);
  }

  @Test
  void a_refused_file_keeps_nothing_even_after_valid_lines() {
    importResource(RecordType.CONTACTS, "contacts.csv");
    String before = dump("contacts", "contact_id");
    String broken =
        """
        contact_id,channel,arrived_at,answered_at
        c1,chat,2026-03-02T09:00:00Z,
        new1,chat,2026-03-02T09:00:00Z,2026-03-02T09:00:10Z
        new2,chat,2026-03-02T09:00:00Z,2026-03-02T08:59:00Z
        """;

    assertThatThrownBy(() -> importText(RecordType.CONTACTS, "broken.csv", broken))
        .isInstanceOf(ImportException.class)
        .hasMessage(
            "broken.csv, line 4, column answered_at: \"2026-03-02T08:59:00Z\" is before arrived_at"
                + " 2026-03-02T09:00:00Z; expected a time at or after the arrival. Nothing from this file was imported.");
    assertThat(dump("contacts", "contact_id")).isEqualTo(before);
    assertThat(store.count(RecordType.CONTACTS)).isEqualTo(5);
  }

  @Test
  void a_record_with_a_stored_id_replaces_it_and_the_later_of_two_lines_wins() {
    importResource(RecordType.CONTACTS, "contacts.csv");

    LoadCounts counts =
        importText(
            RecordType.CONTACTS,
            "update.csv",
            """
        contact_id,channel,arrived_at,topic
        c3,chat,2026-03-03T11:00:00Z,first
        c9,sms,2026-03-07T11:00:00Z,new
        c3,chat,2026-03-03T11:00:00Z,second
        """);

    assertThat(counts).isEqualTo(new LoadCounts(3, 1, 1, 1));
    assertThat(store.count(RecordType.CONTACTS)).isEqualTo(6);
    assertThat(
            store.query("SELECT topic, answered_at FROM contacts WHERE contact_id = 'c3'").get(0))
        .containsExactly("second", null);
  }

  @Test
  void the_later_of_two_lines_wins_in_an_empty_store_too() {
    LoadCounts counts =
        importText(
            RecordType.COSTS,
            "costs.csv",
            """
        period_start,period_end,amount,category
        2026-03-01,2026-03-31,10,staff
        2026-03-01,2026-03-31,20,
        2026-03-01,2026-03-31,30,staff
        2026-03-01,2026-03-31,40,
        """);

    assertThat(counts).isEqualTo(new LoadCounts(4, 2, 0, 2));
    assertThat(dump("costs", "category NULLS LAST"))
        .isEqualTo(
            """
        2026-03-01|2026-03-31|30|null|staff
        2026-03-01|2026-03-31|40|null|null
        """);
  }

  /**
   * A first import of more rows than one appender chunk (DuckDB's appender hands rows to the table
   * 2,048 at a time; docs/benchmarks.md, "Import"): every row is stored, and a repeated id is
   * settled by the later line even when the two lines are chunks apart.
   */
  @Test
  void a_first_import_of_several_thousand_rows_keeps_every_row_and_the_later_line_wins() {
    StringBuilder csv = new StringBuilder("contact_id,case_id,channel,arrived_at,talk_s\n");
    Instant start = Instant.parse("2026-03-01T00:00:00Z");
    for (int i = 0; i < 5000; i++) {
      // c0..c4999, three contacts a case (k0 = c0, c1, c2; ... k1666 = c4998, c4999), talk_s = i
      csv.append(
          "c" + i + ",k" + (i / 3) + ",phone," + start.plusSeconds(60L * i) + "," + i + "\n");
    }
    // line 5,002: c1 again, 4,999 lines (three chunks) after its first line, in a case of its own
    csv.append("c1,k-new,email,2026-03-02T00:00:00Z,1000000\n");

    LoadCounts counts = importText(RecordType.CONTACTS, "many.csv", csv.toString());

    assertThat(counts).isEqualTo(new LoadCounts(5001, 5000, 0, 1));
    assertThat(store.count(RecordType.CONTACTS)).isEqualTo(5000);
    // sum of 0..4999 = 4999 * 5000 / 2 = 12,497,500; c1's 1 replaced by 1,000,000: 13,497,499
    assertThat(((Number) store.query("SELECT SUM(talk_s) FROM contacts").get(0)[0]).doubleValue())
        .isEqualTo(13_497_499.0);
    assertThat(store.query("SELECT channel, case_id FROM contacts WHERE contact_id = 'c1'").get(0))
        .containsExactly("email", "k-new");
    // k0..k1666 (1,667 cases) and k-new; k0 keeps c0 and c2
    assertThat(((Number) store.query("SELECT COUNT(*) FROM cases").get(0)[0]).longValue())
        .isEqualTo(1668);
    assertThat(
            ((Number) store.query("SELECT n_contacts FROM cases WHERE case_id = 'k0'").get(0)[0])
                .longValue())
        .isEqualTo(2);
  }

  @Test
  void a_refused_first_import_leaves_the_store_empty() {
    assertThatThrownBy(
            () ->
                importText(
                    RecordType.SURVEYS,
                    "s.csv",
                    """
        survey_id,kind,score,submitted_at
        s1,csat,5,2026-03-01T10:00:00Z
        s2,csat,6,2026-03-01T10:00:00Z
        """))
        .isInstanceOf(ImportException.class);

    assertThat(store.count(RecordType.SURVEYS)).isZero();
  }

  @Test
  void reimported_customer_keeps_only_its_new_attributes() {
    importResource(RecordType.CUSTOMERS, "customers.csv");

    importText(
        RecordType.CUSTOMERS,
        "customers2.csv",
        """
        customer_id,since,tier
        cust1,2024-01-15,basic
        """);

    assertThat(dump("customer_attributes", "customer_id, name"))
        .startsWith(
            """
        cust1|tier|basic|null
        cust2|age|34|34.0
        """);
  }

  @Test
  void a_loader_stages_several_types_and_commits_them_together() {
    try (Loader loader = store.loader()) {
      loader
          .sink(RecordType.CONTACTS)
          .accept(
              1,
              Contact.builder("x1", "Chat", Instant.parse("2026-01-01T00:00:00Z")).build().toRow());
      loader
          .sink(RecordType.COSTS)
          .accept(
              1,
              new Cost(
                      LocalDate.parse("2026-01-01"),
                      LocalDate.parse("2026-01-31"),
                      new BigDecimal("10.5000"),
                      "EUR",
                      "software")
                  .toRow());
      loader
          .sink(RecordType.CONTACTS)
          .accept(
              2,
              Contact.builder("x2", "chat", Instant.parse("2026-01-01T00:00:01Z")).build().toRow());
      assertThat(loader.commit())
          .containsEntry(RecordType.CONTACTS, new LoadCounts(2, 2, 0, 0))
          .containsEntry(RecordType.COSTS, new LoadCounts(1, 1, 0, 0));
    }
    assertThat(store.count(RecordType.CONTACTS)).isEqualTo(2);
  }

  @Test
  void a_loader_closed_without_commit_keeps_nothing() {
    try (Loader loader = store.loader()) {
      loader
          .sink(RecordType.CONTACTS)
          .accept(
              1,
              Contact.builder("x1", "chat", Instant.parse("2026-01-01T00:00:00Z")).build().toRow());
    }
    assertThat(store.count(RecordType.CONTACTS)).isZero();
    // and the store can load again afterwards
    assertThat(importResource(RecordType.CONTACTS, "contacts.csv").inserted()).isEqualTo(5);
  }

  @Test
  void a_connection_opened_for_a_reader_during_a_load_sees_every_later_change() throws Exception {
    // DuckDB's duplicate() copied the main connection's auto-commit (off during a load): the reader
    // then opened a transaction at its first query and kept that snapshot for ever (the surveys
    // kit's concurrent answers were recorded 17 times instead of 5 on a loaded machine).
    java.util.concurrent.ExecutorService other =
        java.util.concurrent.Executors.newSingleThreadExecutor();
    try {
      try (Loader loader = store.loader()) {
        loader
            .sink(RecordType.CONTACTS)
            .accept(
                1,
                Contact.builder("x1", "chat", Instant.parse("2026-01-01T00:00:00Z"))
                    .build()
                    .toRow());
        // a query from another thread while the load runs opens a reader connection
        assertThat(other.submit(() -> store.count(RecordType.CONTACTS)).get()).isZero();
        loader.commit();
      }
      assertThat(other.submit(() -> store.count(RecordType.CONTACTS)).get()).isEqualTo(1);
      importResource(RecordType.CONTACTS, "contacts.csv"); // five more contacts
      assertThat(other.submit(() -> store.count(RecordType.CONTACTS)).get()).isEqualTo(6);
    } finally {
      other.shutdown();
    }
  }

  @Test
  void contacts_kpi_counts_local_days_across_the_spring_dst_change() {
    // Europe/Madrid moves from +01:00 to +02:00 at 2026-03-29 02:00 local (01:00Z).
    importText(
        RecordType.CONTACTS,
        "dst.csv",
        """
        contact_id,channel,arrived_at
        before-start,phone,2026-03-27T22:59:59Z
        first-instant,phone,2026-03-27T23:00:00Z
        in-short-day,phone,2026-03-29T01:30:00Z
        last-instant,phone,2026-03-29T21:59:59.999Z
        after-end,phone,2026-03-29T22:00:00Z
        """);
    KpiEngine engine = new KpiEngine(store);

    // 28 March local starts at 2026-03-27T23:00Z (+01:00); 29 March local ends at 2026-03-29T22:00Z
    // (+02:00).
    var madrid =
        engine.compute(
            new KpiQuery(
                LocalDate.parse("2026-03-28"),
                LocalDate.parse("2026-03-29"),
                ZoneId.of("Europe/Madrid"),
                List.of(Kpi.CONTACTS)));
    // The same dates in UTC: [2026-03-28T00:00Z, 2026-03-30T00:00Z) holds in-short-day,
    // last-instant, after-end.
    var utc =
        engine.compute(
            new KpiQuery(
                LocalDate.parse("2026-03-28"),
                LocalDate.parse("2026-03-29"),
                ZoneId.of("UTC"),
                List.of(Kpi.CONTACTS)));

    assertThat(madrid.rows().get(0).values()).containsEntry(Kpi.CONTACTS, 3L);
    assertThat(utc.rows().get(0).values()).containsEntry(Kpi.CONTACTS, 3L);
    var madridDayOfChange =
        engine.compute(
            new KpiQuery(
                LocalDate.parse("2026-03-29"),
                LocalDate.parse("2026-03-29"),
                ZoneId.of("Europe/Madrid"),
                List.of(Kpi.CONTACTS)));
    // 29 March local: [2026-03-28T23:00Z, 2026-03-29T22:00Z), a 23-hour day: in-short-day and
    // last-instant.
    assertThat(madridDayOfChange.rows().get(0).values()).containsEntry(Kpi.CONTACTS, 2L);
  }

  protected LoadCounts importResource(RecordType type, String name) {
    return importResource(store, type, name);
  }

  /** Imports a file of src/test/resources/canonical into the store. */
  static LoadCounts importResource(Store store, RecordType type, String name) {
    try (InputStream in = StoreCompatibilityKit.class.getResourceAsStream("/canonical/" + name)) {
      return store.importFile(type, ImportSource.of(name, in.readAllBytes()), bytes -> {});
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  protected LoadCounts importText(RecordType type, String name, String text) {
    return store.importFile(
        type, ImportSource.of(name, text.getBytes(StandardCharsets.UTF_8)), bytes -> {});
  }

  /**
   * The table as text, one line per row, values joined by |, in a form that does not depend on the
   * store.
   */
  protected String dump(String table, String orderBy) {
    List<String> lines = new ArrayList<>();
    for (Object[] row : store.query("SELECT * FROM " + table + " ORDER BY " + orderBy)) {
      List<String> values = new ArrayList<>();
      for (Object v : row) {
        values.add(
            v instanceof BigDecimal d ? d.stripTrailingZeros().toPlainString() : String.valueOf(v));
      }
      lines.add(String.join("|", values));
    }
    return lines.stream().map(l -> l + "\n").collect(Collectors.joining());
  }
}
