package io.yardstick.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.yardstick.alert.AlertSettings;
import io.yardstick.erasure.Erasures;
import io.yardstick.event.EventIngestor;
import io.yardstick.event.EventJson;
import io.yardstick.kpi.Kpi;
import io.yardstick.kpi.KpiEngine;
import io.yardstick.model.RecordType;
import io.yardstick.model.SurveyKind;
import io.yardstick.store.Loader;
import io.yardstick.store.Store;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.threeten.extra.MutableClock;

/**
 * Surveys sent and answered (issue 18) the same on every store: invitations from rules, sent once
 * through a real SMTP server (GreenMail), answered through signed tokens into surveys the KPIs
 * count at once, opt-outs, erasure and the address's retention.
 *
 * <p>The fixture, on 2026-11-25 (UTC), rule {@code csat-solved}: CSAT after a case is solved, on
 * email or chat, once per customer per 30 days, 10 minutes' delay.
 *
 * <ul>
 *   <li>C1: email, case K1, cust-1 (ana@example.com, es), agent a1, resolved 09:05: invited.
 *   <li>C2: email, case K2, cust-2 (opted out): not invited.
 *   <li>C3: chat, no case, cust-3 (no e-mail address): not invited.
 *   <li>C4: email, case K4, cust-1 again, resolved 09:07: not invited (cust-1 invited within 30
 *       days).
 *   <li>C5: phone, case K5, cust-5 (has an address): not invited (phone is not one of the rule's
 *       channels).
 *   <li>C6: email, case K1 too (the same case as C1), resolved 09:06: not invited (one invitation
 *       per case).
 * </ul>
 *
 * Three imported CSAT answers (5, 4, 2) were there before: CSAT = 2 / 3 x 100 = 66.7%.
 */
public abstract class SurveysKit extends io.yardstick.store.StoreKit {
  static final Instant T0 = Instant.parse("2026-11-25T09:00:00Z");
  static final ObjectMapper JSON = new ObjectMapper();

  @RegisterExtension static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP);

  Store store;
  EventIngestor ingestor;
  final MutableClock clock = MutableClock.of(T0.plus(Duration.ofMinutes(10)), ZoneOffset.UTC);

  static final SurveySettings.Rule RULE =
      SurveySettings.Rule.of("csat-solved", SurveyKind.CSAT, SurveySettings.Trigger.CASE_SOLVED)
          .withChannels(Set.of("email", "chat"))
          .withDelay(Duration.ofMinutes(10));

  static SurveySettings settings() {
    return SurveySettings.defaults()
        .withBaseUrl("https://support.example.com")
        .withRules(List.of(RULE));
  }

  Surveys surveys(SurveySettings settings) {
    AlertSettings mail =
        AlertSettings.defaults()
            .withSmtp("localhost", ServerSetupTest.SMTP.getPort(), "surveys@example.com")
            .withRetries(1, Duration.ofMillis(10), Duration.ofMillis(20));
    return new Surveys(store, clock, settings, ingestor, InvitationSender.standard(mail));
  }

  @BeforeEach
  void open() throws Exception {
    store = newStore();
    ingestor = new EventIngestor(store, clock);
    try (Loader loader = store.loader()) {
      var customers = loader.sink(RecordType.CUSTOMERS);
      LocalDate since = LocalDate.of(2025, 1, 1);
      customers.accept(
          1,
          new Object[] {
            "cust-1", since, null, Map.of("email", "ana@example.com", "language", "es-ES")
          });
      customers.accept(2, new Object[] {"cust-2", since, null, Map.of("email", "bo@example.com")});
      customers.accept(3, new Object[] {"cust-3", since, null, Map.of("tier", "gold")});
      customers.accept(5, new Object[] {"cust-5", since, null, Map.of("email", "eve@example.com")});
      var surveys = loader.sink(RecordType.SURVEYS);
      surveys.accept(
          1,
          new io.yardstick.model.Survey(
                  "old-1", SurveyKind.CSAT, 5, T0.minusSeconds(3600), null, null, null)
              .toRow());
      surveys.accept(
          2,
          new io.yardstick.model.Survey(
                  "old-2", SurveyKind.CSAT, 4, T0.minusSeconds(3600), null, null, null)
              .toRow());
      surveys.accept(
          3,
          new io.yardstick.model.Survey(
                  "old-3", SurveyKind.CSAT, 2, T0.minusSeconds(3600), null, null, null, "slow")
              .toRow());
      loader.commit();
    }
    store.update(
        "INSERT INTO survey_opt_outs (customer_id, opted_out_at) VALUES ('cust-2', ?)",
        T0.minusSeconds(60));
    ingestor.ingest(
        EventJson.parse(
            JSON.readTree(
                ("["
                        + contact("C1", "email", "K1", "cust-1", "09:00", "09:05")
                        + ", "
                        + contact("C2", "email", "K2", "cust-2", "09:00", "09:05")
                        + ", "
                        + contact("C3", "chat", null, "cust-3", "09:00", "09:05")
                        + ", "
                        + contact("C4", "email", "K4", "cust-1", "09:01", "09:07")
                        + ", "
                        + contact("C5", "phone", "K5", "cust-5", "09:01", "09:07")
                        + ", "
                        + contact("C6", "email", "K1", "cust-1", "09:02", "09:06")
                        + "]")
                    .replace('\'', '"'))));
  }

  static String contact(
      String id, String channel, String caseId, String customer, String arrived, String resolved) {
    return "{'id': '"
        + id
        + "-a', 'type': 'arrived', 'at': '2026-11-25T"
        + arrived
        + ":00Z', 'contact_id': '"
        + id
        + "', 'channel': '"
        + channel
        + "', 'queue': 'support', 'customer_id': '"
        + customer
        + "', 'agent_id': 'a1'"
        + (caseId == null ? "" : ", 'case_id': '" + caseId + "'")
        + "}, {'id': '"
        + id
        + "-r', 'type': 'resolved',"
        + " 'at': '2026-11-25T"
        + resolved
        + ":00Z', 'contact_id': '"
        + id
        + "'}";
  }

  @AfterEach
  void close() {
    ingestor.close();
    store.close();
  }

  Double csat() {
    return (Double)
        new KpiEngine(store)
            .computeWindow(
                T0.minus(Duration.ofDays(1)),
                T0.plus(Duration.ofDays(30)),
                ZoneId.of("UTC"),
                List.of(Kpi.CSAT),
                List.of())
            .values()
            .get(Kpi.CSAT);
  }

  static String link(MimeMessage m, int score) throws Exception {
    Matcher x =
        Pattern.compile(
                "https://support\\.example\\.com/survey\\.html\\?t=([A-Za-z0-9._%-]+)&score="
                    + score)
            .matcher(GreenMailUtil.getBody(m).replace("=\r\n", "").replace("=3D", "="));
    assertThat(x.find()).as("a link for score %d in the e-mail", score).isTrue();
    return java.net.URLDecoder.decode(x.group(1), java.nio.charset.StandardCharsets.UTF_8);
  }

  @Test
  void a_solved_case_invites_its_customer_once_and_the_rules_leave_the_others_out() {
    Surveys s = surveys(settings());

    assertThat(s.plan()).isEqualTo(1);
    assertThat(s.plan()).isZero(); // a second round finds the same trigger and makes nothing
    List<Surveys.Invitation> all = s.list(null, null, 100);
    assertThat(all).hasSize(1);
    Surveys.Invitation i = all.get(0);
    // C1 was resolved at 09:05 (C6, the same case K1, at 09:06 came second); due 10 minutes after:
    // 09:15.
    assertThat(
            List.of(
                i.contactId(),
                i.caseId(),
                i.customerId(),
                i.agentId(),
                i.channel(),
                i.language(),
                i.state()))
        .containsExactly("C1", "K1", "cust-1", "a1", "email", "es", "scheduled");
    assertThat(i.dueAt()).isEqualTo(T0.plus(Duration.ofMinutes(15)));
    assertThat(i.expiresAt()).isEqualTo(T0.plus(Duration.ofMinutes(15)).plus(Duration.ofDays(14)));
  }

  @Test
  void an_invitation_is_sent_once_when_due_in_the_customers_language_and_never_again()
      throws Exception {
    Surveys s = surveys(settings());
    s.plan();
    assertThat(s.dispatch()).isZero(); // 09:10: not due before 09:15
    clock.setInstant(T0.plus(Duration.ofMinutes(15)));

    assertThat(s.dispatch()).isEqualTo(1);
    assertThat(s.dispatch()).isZero();
    assertThat(surveys(settings()).dispatch()).isZero(); // a restart sends nothing again

    MimeMessage[] mails = smtp.getReceivedMessages();
    assertThat(mails).hasSize(1);
    assertThat(mails[0].getAllRecipients()[0].toString()).isEqualTo("ana@example.com");
    assertThat(mails[0].getSubject()).isEqualTo("¿Qué tal lo hicimos?");
    assertThat(mails[0].getHeader("List-Unsubscribe")[0]).contains("optout=1");
    for (int score = 1; score <= 5; score++) link(mails[0], score);
    assertThat(s.list(null, null, 10).get(0).state()).isEqualTo("sent");
    assertThat(s.counts()).isEqualTo(Map.of("sent", 1L));
  }

  @Test
  void a_row_left_sending_by_a_stop_is_sent_again_with_the_same_message_id() throws Exception {
    Surveys s = surveys(settings());
    s.plan();
    clock.setInstant(T0.plus(Duration.ofMinutes(15)));
    store.update(
        "UPDATE survey_invitations SET state = 'sending'"); // a stop between the mark and the send

    assertThat(surveys(settings()).dispatch()).isEqualTo(1);

    String id = s.list(null, null, 1).get(0).id();
    assertThat(smtp.getReceivedMessages()).hasSize(1);
    assertThat(smtp.getReceivedMessages()[0].getMessageID())
        .isEqualTo("<survey." + id + "@yardstick>");
  }

  @Test
  void
      an_answer_counts_in_csat_at_once_a_second_click_changes_nothing_and_changes_close_after_the_window()
          throws Exception {
    Surveys s = surveys(settings());
    s.plan();
    clock.setInstant(T0.plus(Duration.ofMinutes(15)));
    s.dispatch();
    String token = link(smtp.getReceivedMessages()[0], 3);
    assertThat(csat()).isEqualTo(2 * 100.0 / 3); // 5, 4 satisfied of 5, 4, 2
    long version = store.dataVersion();

    assertThat(s.answer(token, 3, null, false)).isEqualTo(Surveys.Outcome.RECORDED);
    // 5, 4 satisfied of 5, 4, 2, 3: 2 / 4 x 100 = 50%
    assertThat(csat()).isEqualTo(50.0);
    assertThat(store.dataVersion()).isGreaterThan(version);
    assertThat(s.answer(token, 3, null, false))
        .isEqualTo(Surveys.Outcome.UNCHANGED); // the same link again
    assertThat(csat()).isEqualTo(50.0);

    clock.setInstant(clock.instant().plus(Duration.ofMinutes(5)));
    assertThat(s.answer(token, 5, "Rápido y amable", true)).isEqualTo(Surveys.Outcome.CHANGED);
    // 5, 4, 5 satisfied of 5, 4, 2, 5: 3 / 4 x 100 = 75%
    assertThat(csat()).isEqualTo(75.0);
    String id = s.list(null, null, 1).get(0).id();
    assertThat(
            store.query(
                "SELECT survey_id, kind, score, contact_id, customer_id, agent_id, comment, submitted_at"
                    + " FROM surveys WHERE survey_id LIKE 'invitation-%'"))
        .containsExactly(
            new Object[] {
              "invitation-" + id,
              "csat",
              5L,
              "C1",
              "cust-1",
              "a1",
              "Rápido y amable",
              T0.plus(Duration.ofMinutes(15))
            });
    assertThat(s.answer(token, 5, null, false))
        .isEqualTo(Surveys.Outcome.UNCHANGED); // keeps the comment

    clock.setInstant(T0.plus(Duration.ofMinutes(15 + 30)));
    assertThatThrownBy(() -> s.answer(token, 1, null, false))
        .isInstanceOf(SurveyException.class)
        .extracting(e -> ((SurveyException) e).reason())
        .isEqualTo(SurveyException.Reason.CLOSED);
    assertThat(s.answer(token, 5, null, false)).isEqualTo(Surveys.Outcome.UNCHANGED);
    assertThat(csat()).isEqualTo(75.0);
    assertThat(store.query("SELECT COUNT(*) FROM surveys").get(0)[0]).isEqualTo(4L);
  }

  @Test
  void forged_altered_and_expired_tokens_are_refused_alike_for_any_customer() {
    Surveys s = surveys(settings());
    s.plan();
    String token = s.token(s.list(null, null, 1).get(0));
    String[] parts = token.split("\\.");
    // The same signature bytes written another way (base64's spare bits in the last character): a
    // probe found it
    // accepted.
    String sig = parts[2];
    byte[] bytes = java.util.Base64.getUrlDecoder().decode(sig);
    String twin = null;
    for (char c :
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".toCharArray()) {
      String t = sig.substring(0, sig.length() - 1) + c;
      if (c != sig.charAt(sig.length() - 1)
          && java.util.Arrays.equals(java.util.Base64.getUrlDecoder().decode(t), bytes)) {
        twin = t;
        break;
      }
    }
    assertThat(twin).isNotNull();

    for (String bad :
        List.of(
            "nonsense",
            parts[0] + "." + parts[1] + "." + twin,
            parts[0] + "." + parts[1] + ".AAAAAAAAAAAAAAAAAAAAAA",
            "0000" + token.substring(4),
            parts[0]
                + "."
                + Long.toString(Long.parseLong(parts[1], 36) + 1, 36)
                + "."
                + parts[2])) {
      assertThatThrownBy(() -> s.answer(bad, 5, null, false))
          .isInstanceOf(SurveyException.class)
          .hasMessage(
              "This survey link is not valid. Open the link of your invitation as it came.");
    }
    clock.setInstant(T0.plus(Duration.ofMinutes(15)).plus(Duration.ofDays(14)));
    assertThatThrownBy(() -> s.page(token))
        .isInstanceOf(SurveyException.class)
        .extracting(e -> ((SurveyException) e).reason())
        .isEqualTo(SurveyException.Reason.EXPIRED);
    assertThat(store.query("SELECT COUNT(*) FROM surveys").get(0)[0]).isEqualTo(3L);
  }

  @Test
  void a_score_off_the_scale_or_a_long_comment_is_refused_naming_the_field() {
    Surveys s = surveys(settings());
    s.plan();
    String token = s.token(s.list(null, null, 1).get(0));

    assertThatThrownBy(() -> s.answer(token, 6, null, false))
        .hasMessage(
            "The score 6 is not on this survey's scale; give a whole number from 1 to 5 ('score').");
    assertThatThrownBy(() -> s.answer(token, 4, "x".repeat(2001), true))
        .hasMessage("The comment has 2001 characters; at most 2000 are kept ('comment').");
  }

  @Test
  void an_opt_out_cancels_what_is_not_sent_and_no_later_rule_invites_that_customer() {
    Surveys s = surveys(settings());
    s.plan();
    String token = s.token(s.list(null, null, 1).get(0));

    s.optOut(token);
    clock.setInstant(T0.plus(Duration.ofMinutes(15)));
    assertThat(s.dispatch()).isZero();
    assertThat(s.list(null, null, 1).get(0).state()).isEqualTo("cancelled");
    assertThat(store.query("SELECT address FROM survey_invitations").get(0)[0]).isNull();
    // A new rule without the once-per-days limit still leaves cust-1 out.
    Surveys again =
        surveys(
            settings()
                .withRules(
                    List.of(
                        SurveySettings.Rule.of(
                            "after-answer",
                            SurveyKind.CES,
                            SurveySettings.Trigger.CONTACT_ANSWERED),
                        RULE.withOncePerDays(0))));
    assertThat(again.plan()).isZero();
    assertThat(smtp.getReceivedMessages()).isEmpty();
  }

  @Test
  void an_erased_customer_gets_no_invitation_and_loses_the_ones_recorded() throws Exception {
    Surveys s = surveys(settings());
    s.plan();
    assertThat(s.list(null, "cust-1", 10)).hasSize(1);

    new Erasures(store, clock).customer("cust-1", "test", "local");
    // An event brings a new contact of the erased id (a help desk that kept it): still no
    // invitation.
    ingestor.ingest(
        EventJson.parse(
            JSON.readTree(
                ("[" + contact("C9", "email", "K9", "cust-1", "09:08", "09:09") + "]")
                    .replace('\'', '"'))));
    store.update(
        "INSERT INTO customer_attributes (customer_id, name, value) VALUES ('cust-1', 'email',"
            + " 'ana@example.com')");
    clock.setInstant(T0.plus(Duration.ofMinutes(15)));

    assertThat(s.dispatch()).isZero();
    assertThat(s.list(null, "cust-1", 10)).isEmpty();
    assertThat(surveys(settings().withRules(List.of(RULE.withOncePerDays(0)))).plan()).isZero();
    assertThat(smtp.getReceivedMessages()).isEmpty();
  }

  @Test
  void invitations_go_with_the_contacts_that_retention_erases_answers_and_comments_included() {
    Surveys s = surveys(settings());
    s.plan();
    Surveys.Invitation link = s.link("C3", "csat-solved");
    s.answer(s.token(link), 2, "slow", true);
    assertThat(s.list(null, null, 10)).hasSize(2);

    store.erase(
        new Store.Erasure.Before(T0.plus(Duration.ofDays(1)))); // every contact arrived before
    s.dispatch();

    assertThat(s.list(null, null, 10)).isEmpty();
    assertThat(
            store.query("SELECT COUNT(*) FROM surveys WHERE survey_id LIKE 'invitation-%'")
                .get(0)[0])
        .isEqualTo(0L);
  }

  @Test
  void the_address_is_kept_only_as_long_as_configured() {
    Surveys s = surveys(settings());
    s.plan();
    clock.setInstant(T0.plus(Duration.ofMinutes(15)));
    s.dispatch();
    assertThat(store.query("SELECT address FROM survey_invitations").get(0)[0])
        .isEqualTo("ana@example.com");

    clock.setInstant(
        T0.plus(Duration.ofMinutes(10))
            .plus(Duration.ofDays(30))
            .plusSeconds(1)); // created 09:10 + 30 days
    s.dispatch();

    assertThat(store.query("SELECT address FROM survey_invitations").get(0)[0]).isNull();
  }

  @Test
  void a_link_for_another_channel_is_made_once_per_case_and_answers_like_an_e_mail() {
    Surveys s = surveys(settings());

    Surveys.Invitation a = s.link("C3", "csat-solved");
    Surveys.Invitation b = s.link("C3", "csat-solved");

    assertThat(b.id()).isEqualTo(a.id());
    assertThat(List.of(a.via(), a.state(), a.contactId(), a.customerId()))
        .containsExactly("link", "link", "C3", "cust-3");
    assertThat(s.url(a, null))
        .startsWith("https://support.example.com/survey.html?t=")
        .endsWith("&lang=en");
    assertThat(s.answer(s.token(a), 4, "ok", true)).isEqualTo(Surveys.Outcome.RECORDED);
    // 5, 4, 4 satisfied of 5, 4, 2, 4: 3 / 4 x 100 = 75%
    assertThat(csat()).isEqualTo(75.0);
    assertThatThrownBy(() -> s.link("C2", "csat-solved"))
        .hasMessageContaining("asked for no surveys");
    assertThatThrownBy(() -> s.link("C1", "nope"))
        .hasMessage(
            "There is no survey rule 'nope' ('rule'); the settings" + " file names csat-solved.");
  }

  @Test
  void a_survey_lost_between_the_answer_and_its_write_is_written_again_at_start() {
    Surveys s = surveys(settings());
    Surveys.Invitation a = s.link("C3", "csat-solved");
    s.answer(s.token(a), 2, null, false);
    store.update("DELETE FROM surveys WHERE survey_id = ?", "invitation-" + a.id());

    assertThat(s.repair()).isEqualTo(1);
    assertThat(s.repair()).isZero();
    assertThat(
            store.query("SELECT score FROM surveys WHERE survey_id = ?", "invitation-" + a.id())
                .get(0)[0])
        .isEqualTo(2L);
  }

  @Test
  void concurrent_answers_are_each_kept_once() throws Exception {
    Surveys s = surveys(settings());
    List<String> tokens = new java.util.ArrayList<>();
    for (String c : List.of("C1", "C2", "C3", "C4", "C5")) {
      store.update("DELETE FROM survey_opt_outs");
      tokens.add(s.token(s.link(c, "csat-solved")));
    }
    // C1 and C6 share case K1: one invitation; so 5 links for 5 cases (C2's made before any opt-out
    // matters).
    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newFixedThreadPool(16);
    List<java.util.concurrent.Future<Surveys.Outcome>> done = new java.util.ArrayList<>();
    for (int round = 0; round < 4; round++) {
      for (String t : tokens) done.add(pool.submit(() -> s.answer(t, 4, null, false)));
    }
    List<Surveys.Outcome> outcomes = new java.util.ArrayList<>();
    for (var f : done) outcomes.add(f.get());
    pool.shutdown();

    // 5 invitations x 4 rounds: each recorded once, unchanged 3 times
    assertThat(outcomes.stream().filter(o -> o == Surveys.Outcome.RECORDED).count()).isEqualTo(5);
    assertThat(outcomes.stream().filter(o -> o == Surveys.Outcome.UNCHANGED).count()).isEqualTo(15);
    assertThat(
            store.query("SELECT COUNT(*) FROM surveys WHERE survey_id LIKE 'invitation-%'")
                .get(0)[0])
        .isEqualTo(5L);
  }
}
