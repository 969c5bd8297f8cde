package io.yardstick.survey;

import io.yardstick.erasure.Erasures;
import io.yardstick.event.Event;
import io.yardstick.event.EventIngestor;
import io.yardstick.event.EventType;
import io.yardstick.model.SurveyKind;
import io.yardstick.store.Store;
import io.yardstick.survey.SurveyException.Reason;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Surveys sent and answered (docs/surveys.md): the rules of the settings file turn solved cases and
 * answered contacts (imported or sent as events alike, since both land in the contacts table) into
 * invitations, each recorded before it is sent; invitations go out by e-mail with one-click score
 * links, or as a link for another channel (the API, a webhook); the public page answers through a
 * signed token, and the answer becomes a survey linked to the contact, case, agent and customer,
 * written through the event ingestion so that KPIs count it at once.
 *
 * <pre>{@code
 * Surveys surveys = new Surveys(store, clock, settings, ingestor, InvitationSender.standard(alertSettings));
 * surveys.plan();       // after imports and event batches, and on a timer
 * surveys.dispatch();   // sends what is due; also at start, to finish what a stop interrupted
 * surveys.answer(token, 5, "Quick and kind", true);
 * }</pre>
 *
 * <p>Sent once, restart-safe: a trigger's invitation has a unique key (rule and case, or rule and
 * contact), inserted with {@code ON CONFLICT DO NOTHING}; a row is stored {@code sending} before
 * the SMTP or webhook call and {@code sent}, {@code bounced} or {@code failed} after. A restart
 * resends only a row left {@code sending}, with the same Message-ID or Idempotency-Key, so a
 * receiver can drop a repeat.
 */
public final class Surveys {
  /** The longest comment kept; longer ones are refused, not cut. */
  public static final int MAX_COMMENT = 2000;

  /** The most triggers one planning round reads per rule (the next round takes the rest). */
  static final int MAX_TRIGGERS = 10_000;

  private static final SecureRandom RANDOM = new SecureRandom();

  private final Store store;
  private final Clock clock;
  private final SurveySettings settings;
  private final EventIngestor ingestor;
  private final InvitationSender sender;
  private final SurveyTokens tokens;

  /**
   * Answers are written one at a time: each is a small read-check-write of one invitation, and
   * DuckDB refuses concurrent updates of nearby rows ("Conflict on update") where PostgreSQL would
   * wait; one lock costs nothing measurable (1,000 answers from 32 clients: SurveyLoadTest) and no
   * answer fails for another's sake.
   */
  private final Object answering = new Object();

  private long erasuresSeen = -1;
  private Instant lastSweep = Instant.MIN;

  public Surveys(
      Store store,
      Clock clock,
      SurveySettings settings,
      EventIngestor ingestor,
      InvitationSender sender) {
    this.store = store;
    this.clock = clock;
    this.settings = settings;
    this.ingestor = ingestor;
    this.sender = sender;
    this.tokens = SurveyTokens.of(store);
  }

  public SurveySettings settings() {
    return settings;
  }

  /** One invitation as stored (the address left out: it is for sending only). */
  public record Invitation(
      String id,
      String rule,
      SurveyKind kind,
      String via,
      String contactId,
      String caseId,
      String customerId,
      String agentId,
      String channel,
      String language,
      Instant createdAt,
      Instant dueAt,
      Instant expiresAt,
      String state,
      String error,
      Instant sentAt,
      Instant answeredAt,
      Integer score,
      String comment) {}

  private static final String COLUMNS =
      "invitation_id, rule, kind, via, contact_id, case_id, customer_id, agent_id,"
          + " channel, language, created_at, due_at, expires_at, state, error, sent_at, answered_at, score, comment";

  private static Invitation invitation(Object[] r) {
    return new Invitation(
        (String) r[0],
        (String) r[1],
        SurveyKind.valueOf(((String) r[2]).toUpperCase(Locale.ROOT)),
        (String) r[3],
        (String) r[4],
        (String) r[5],
        (String) r[6],
        (String) r[7],
        (String) r[8],
        (String) r[9],
        (Instant) r[10],
        (Instant) r[11],
        (Instant) r[12],
        (String) r[13],
        (String) r[14],
        (Instant) r[15],
        (Instant) r[16],
        r[17] == null ? null : ((Number) r[17]).intValue(),
        (String) r[18]);
  }

  /** An invitation by id. */
  public Optional<Invitation> find(String id) {
    return store
        .query("SELECT " + COLUMNS + " FROM survey_invitations WHERE invitation_id = ?", id)
        .stream()
        .map(Surveys::invitation)
        .findFirst();
  }

  /**
   * The invitations of a contact or a customer (either may be null), newest first, at most {@code
   * limit}.
   */
  public List<Invitation> list(String contactId, String customerId, int limit) {
    List<Object> params = new ArrayList<>();
    StringBuilder where = new StringBuilder(" WHERE 1 = 1");
    if (contactId != null) {
      where.append(" AND contact_id = ?");
      params.add(contactId);
    }
    if (customerId != null) {
      where.append(" AND customer_id = ?");
      params.add(customerId);
    }
    params.add(limit);
    return store
        .query(
            "SELECT "
                + COLUMNS
                + " FROM survey_invitations"
                + where
                + " ORDER BY created_at DESC,"
                + " invitation_id LIMIT ?",
            params.toArray())
        .stream()
        .map(Surveys::invitation)
        .toList();
  }

  /** The link of an invitation's page, with a score chosen when {@code score} is not null. */
  public String url(Invitation i, Integer score) {
    String base = settings.baseUrl() == null ? "" : settings.baseUrl();
    return base
        + "/survey.html?t="
        + URLEncoder.encode(tokens.sign(i.id(), i.expiresAt()), StandardCharsets.UTF_8)
        + (score == null ? "" : "&score=" + score)
        + "&lang="
        + i.language();
  }

  /** The opt-out link of an invitation. */
  public String optOutUrl(Invitation i) {
    String base = settings.baseUrl() == null ? "" : settings.baseUrl();
    return base
        + "/survey.html?t="
        + URLEncoder.encode(tokens.sign(i.id(), i.expiresAt()), StandardCharsets.UTF_8)
        + "&optout=1&lang="
        + i.language();
  }

  /** The token of an invitation (for the API's link answer and tests). */
  public String token(Invitation i) {
    return tokens.sign(i.id(), i.expiresAt());
  }

  // ---------------------------------------------------------------------------------------------------- planning

  /** A trigger found in the contacts table. */
  private record Trigger(
      String contactId,
      String caseId,
      String customerId,
      String agentId,
      String channel,
      String queue,
      Instant at,
      String address,
      String language) {}

  /**
   * Creates the invitations of the triggers of the last {@code lookback} that have none: one per
   * case (case_solved) or contact (contact_answered) and rule, none to a customer who opted out,
   * was erased, was invited in the rule's {@code once_per_days}, or (for e-mail) has no address.
   * Returns how many were created.
   */
  public synchronized int plan() {
    Instant now = clock.instant();
    int created = 0;
    Set<String> erased = erasedCustomerHashes();
    for (SurveySettings.Rule rule : settings.rules()) {
      Set<String> invitedRecently = new HashSet<>();
      if (rule.oncePerDays() > 0) {
        for (Object[] r :
            store.query(
                "SELECT DISTINCT customer_id FROM survey_invitations WHERE customer_id IS NOT"
                    + " NULL AND created_at > ?",
                now.minus(java.time.Duration.ofDays(rule.oncePerDays())))) {
          invitedRecently.add((String) r[0]);
        }
      }
      Set<String> known = new HashSet<>();
      for (Object[] r :
          store.query(
              "SELECT dedupe_key FROM survey_invitations WHERE rule = ? AND created_at > ?",
              rule.name(),
              now.minus(settings.lookback()).minus(java.time.Duration.ofDays(1)))) {
        known.add((String) r[0]);
      }
      for (Trigger t : triggers(rule, now)) {
        String key =
            rule.name()
                + "/"
                + (rule.after() == SurveySettings.Trigger.CASE_SOLVED && t.caseId() != null
                    ? "case/" + t.caseId()
                    : "contact/" + t.contactId());
        if (known.contains(key)) continue;
        if (!rule.channels().isEmpty() && !rule.channels().contains(t.channel())) continue;
        if (!rule.queues().isEmpty() && (t.queue() == null || !rule.queues().contains(t.queue())))
          continue;
        if (t.customerId() != null
            && (invitedRecently.contains(t.customerId())
                || erased.contains(Erasures.sha256(t.customerId())))) {
          continue;
        }
        boolean email = "email".equals(rule.send());
        if (email && t.address() == null) continue;
        String language = language(t.language(), rule.defaultLanguage());
        Instant due = t.at().plus(rule.delay());
        if (due.isBefore(now)) due = now;
        String state = "link".equals(rule.send()) ? "link" : "scheduled";
        int n =
            store.update(
                "INSERT INTO survey_invitations (invitation_id, dedupe_key, rule, kind, via, contact_id,"
                    + " case_id, customer_id, agent_id, channel, language, address, created_at, due_at, expires_at, state,"
                    + " attempts) VALUES (?, ?, ?, ?, ?, CAST(? AS TEXT), CAST(? AS TEXT), CAST(? AS TEXT), CAST(? AS TEXT),"
                    + " CAST(? AS TEXT), ?, CAST(? AS TEXT), ?, ?, ?, ?, 0) ON CONFLICT DO NOTHING",
                newId(),
                key,
                rule.name(),
                rule.kind().id(),
                via(rule),
                t.contactId(),
                t.caseId(),
                t.customerId(),
                t.agentId(),
                t.channel(),
                language,
                email ? t.address() : null,
                now,
                due,
                due.plus(settings.linkLifetime()),
                state);
        known.add(key);
        if (n > 0) {
          created++;
          if (t.customerId() != null && rule.oncePerDays() > 0) invitedRecently.add(t.customerId());
        }
      }
    }
    return created;
  }

  private static String via(SurveySettings.Rule rule) {
    return rule.send().startsWith("webhook:") ? "webhook" : rule.send();
  }

  private List<Trigger> triggers(SurveySettings.Rule rule, Instant now) {
    String at =
        rule.after() == SurveySettings.Trigger.CASE_SOLVED ? "c.resolved_at" : "c.answered_at";
    String condition =
        rule.after() == SurveySettings.Trigger.CASE_SOLVED
            ? "c.resolved AND c.resolved_at IS NOT NULL"
            : "c.answered_at IS NOT NULL";
    List<Trigger> out = new ArrayList<>();
    for (Object[] r :
        store.query(
            "SELECT c.contact_id, c.case_id, c.customer_id, c.agent_id, c.channel, c.queue, "
                + at
                + ", e.value, l.value FROM contacts c"
                + " LEFT JOIN customer_attributes e ON e.customer_id = c.customer_id AND e.name = 'email'"
                + " LEFT JOIN customer_attributes l ON l.customer_id = c.customer_id AND l.name = 'language'"
                + " WHERE "
                + condition
                + " AND "
                + at
                + " > ? AND "
                + at
                + " <= ?"
                + " AND NOT EXISTS (SELECT 1 FROM survey_opt_outs o WHERE o.customer_id = c.customer_id)"
                + " ORDER BY "
                + at
                + ", c.contact_id LIMIT "
                + MAX_TRIGGERS,
            now.minus(settings.lookback()),
            now)) {
      String address = (String) r[7];
      out.add(
          new Trigger(
              (String) r[0],
              (String) r[1],
              (String) r[2],
              (String) r[3],
              (String) r[4],
              (String) r[5],
              (Instant) r[6],
              address == null || !address.contains("@") ? null : address.strip(),
              (String) r[8]));
    }
    return out;
  }

  /**
   * en, es, ca or ro from a customer's language attribute ({@code es-ES}, {@code Català} not: codes
   * only).
   */
  static String language(String attribute, String fallback) {
    if (attribute == null) return fallback;
    String code = attribute.strip().toLowerCase(Locale.ROOT);
    int dash = code.indexOf('-') >= 0 ? code.indexOf('-') : code.indexOf('_');
    if (dash > 0) code = code.substring(0, dash);
    return SurveySettings.LANGUAGES.contains(code) ? code : fallback;
  }

  /** The SHA-256 of every erased customer id (the audit log keeps only these). */
  private Set<String> erasedCustomerHashes() {
    Set<String> out = new HashSet<>();
    for (Object[] r :
        store.query(
            "SELECT target FROM audit_log WHERE action = 'erase customer' AND target LIKE"
                + " 'sha256:%'")) {
      out.add(((String) r[0]).substring("sha256:".length()));
    }
    return out;
  }

  private static String newId() {
    byte[] b = new byte[16];
    RANDOM.nextBytes(b);
    return HexFormat.of().formatHex(b);
  }

  // ---------------------------------------------------------------------------------------------------- sending

  /**
   * Sends every invitation that is due, not sent yet: stored {@code sending} first, then {@code
   * sent}, {@code bounced} (the mail server refused the address) or {@code failed}; one whose
   * customer opted out, was erased or lost the address meanwhile is {@code cancelled}. Also clears
   * addresses older than {@code keep_address_days} and deletes the invitations of customers erased
   * since. Returns how many were sent.
   */
  public synchronized int dispatch() {
    housekeeping();
    Instant now = clock.instant();
    Set<String> erased = erasedCustomerHashes();
    Map<String, SurveySettings.Rule> rules = new HashMap<>();
    for (SurveySettings.Rule r : settings.rules()) rules.put(r.name(), r);
    int sent = 0;
    for (Object[] r :
        store.query(
            "SELECT i.invitation_id, i.address, o.customer_id FROM survey_invitations i"
                + " LEFT JOIN survey_opt_outs o ON o.customer_id = i.customer_id WHERE i.state IN ('scheduled', 'sending')"
                + " AND i.due_at <= ? ORDER BY i.due_at, i.invitation_id LIMIT 1000",
            now)) {
      String id = (String) r[0];
      Invitation inv = find(id).orElseThrow();
      SurveySettings.Rule rule = rules.get(inv.rule());
      String why = null;
      if (r[2] != null) why = "the customer opted out";
      else if (inv.customerId() != null && erased.contains(Erasures.sha256(inv.customerId()))) {
        why = "the customer was erased";
      } else if (rule == null)
        why = "the rule " + inv.rule() + " is no longer in the settings file";
      else if ("email".equals(inv.via()) && r[1] == null)
        why = "no address (cleared after keep_address_days)";
      if (why != null) {
        store.update(
            "UPDATE survey_invitations SET state = 'cancelled', address = NULL, error = ? WHERE"
                + " invitation_id = ?",
            why,
            id);
        continue;
      }
      store.update(
          "UPDATE survey_invitations SET state = 'sending', attempts = attempts + 1 WHERE invitation_id = ?",
          id);
      InvitationSender.Message m = message(inv, rule, (String) r[1]);
      InvitationSender.Outcome outcome = sender.send(m);
      switch (outcome.state()) {
        case SENT -> {
          store.update(
              "UPDATE survey_invitations SET state = 'sent', sent_at = ?, error = NULL WHERE invitation_id"
                  + " = ?",
              clock.instant(),
              id);
          sent++;
        }
        case BOUNCED ->
            store.update(
                "UPDATE survey_invitations SET state = 'bounced', error = ? WHERE invitation_id"
                    + " = ?",
                outcome.error(),
                id);
        case FAILED ->
            store.update(
                "UPDATE survey_invitations SET state = 'failed', error = ? WHERE invitation_id ="
                    + " ?",
                outcome.error(),
                id);
      }
    }
    return sent;
  }

  private InvitationSender.Message message(
      Invitation inv, SurveySettings.Rule rule, String address) {
    SurveyKind k = inv.kind();
    Map<Integer, String> links = new LinkedHashMap<>();
    for (int s = k.min(); s <= k.max(); s++) links.put(s, url(inv, s));
    String lang = inv.language();
    String target =
        "email".equals(inv.via()) ? address : rule.send().substring("webhook:".length());
    return new InvitationSender.Message(
        inv.id(),
        inv.via(),
        target,
        lang,
        rule.text(lang, "subject"),
        rule.text(lang, "question"),
        rule.text(lang, "low"),
        rule.text(lang, "high"),
        rule.text(lang, "intro"),
        rule.text(lang, "optout"),
        links,
        url(inv, null),
        optOutUrl(inv),
        inv.kind().id(),
        inv.contactId(),
        inv.caseId(),
        inv.customerId(),
        inv.expiresAt());
  }

  /** Clears old addresses and removes the invitations of customers erased since the last look. */
  private void housekeeping() {
    Instant now = clock.instant();
    store.update(
        "UPDATE survey_invitations SET address = NULL WHERE address IS NOT NULL AND created_at < ? AND state"
            + " NOT IN ('scheduled', 'sending')",
        now.minus(settings.keepAddress()));
    // An address kept past its time because the invitation is still due: cleared once
    // keep_address_days passes
    // whatever the state, so that no address outlives the setting by more than a round.
    store.update(
        "UPDATE survey_invitations SET address = NULL WHERE address IS NOT NULL AND created_at < ?",
        now.minus(settings.keepAddress()).minus(settings.lookback()));
    long erasures =
        ((Number)
                store.query("SELECT COUNT(*) FROM audit_log WHERE action LIKE 'erase %'").get(0)[0])
            .longValue();
    if (erasures == erasuresSeen && now.isBefore(lastSweep.plus(java.time.Duration.ofHours(1))))
      return;
    // Every invitation comes from a stored contact: one whose contact is gone was erased with it (a
    // customer's
    // erasure, or retention.contacts_months), and goes too, answer and comment included.
    store.update(
        "DELETE FROM survey_invitations WHERE contact_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM contacts c"
            + " WHERE c.contact_id = survey_invitations.contact_id)");
    lastSweep = now;
    Set<String> erased = erasedCustomerHashes();
    List<Object> gone = new ArrayList<>();
    for (Object[] r :
        store.query(
            "SELECT DISTINCT customer_id FROM survey_invitations WHERE customer_id IS NOT"
                + " NULL")) {
      if (erased.contains(Erasures.sha256((String) r[0]))) gone.add(r[0]);
    }
    for (Object c : gone) store.update("DELETE FROM survey_invitations WHERE customer_id = ?", c);
    erasuresSeen = erasures;
  }

  /**
   * An invitation for another channel (chat, SMS): the one of this contact and rule when there is
   * one, else a new one in state {@code link}, even for a rule that e-mails (the customer is
   * reached another way). Opt-outs and erasure still apply.
   */
  public synchronized Invitation link(String contactId, String ruleName) {
    SurveySettings.Rule rule =
        settings.rules().stream()
            .filter(r -> r.name().equals(ruleName))
            .findFirst()
            .orElseThrow(
                () ->
                    new io.yardstick.YardstickException(
                        "There is no survey rule '"
                            + ruleName
                            + "' ({rule});"
                            + " the settings file names "
                            + String.join(
                                ", ",
                                settings.rules().stream().map(SurveySettings.Rule::name).toList())
                            + "."));
    List<Object[]> rows =
        store.query(
            "SELECT c.case_id, c.customer_id, c.agent_id, c.channel, l.value FROM contacts"
                + " c LEFT JOIN customer_attributes l ON l.customer_id = c.customer_id AND l.name = 'language' WHERE"
                + " c.contact_id = ?",
            contactId);
    if (rows.isEmpty()) {
      throw new io.yardstick.YardstickException(
          "There is no contact '" + contactId + "' ({contact_id}).");
    }
    Object[] c = rows.get(0);
    String customer = (String) c[1];
    if (customer != null
        && (!store.query("SELECT 1 FROM survey_opt_outs WHERE customer_id = ?", customer).isEmpty()
            || erasedCustomerHashes().contains(Erasures.sha256(customer)))) {
      throw new io.yardstick.YardstickException(
          "The customer of contact '"
              + contactId
              + "' asked for no surveys;"
              + " no link is made.");
    }
    String key =
        rule.name()
            + "/"
            + (rule.after() == SurveySettings.Trigger.CASE_SOLVED && c[0] != null
                ? "case/" + c[0]
                : "contact/" + contactId);
    Instant now = clock.instant();
    store.update(
        "INSERT INTO survey_invitations (invitation_id, dedupe_key, rule, kind, via, contact_id, case_id,"
            + " customer_id, agent_id, channel, language, created_at, due_at, expires_at, state, attempts) VALUES (?, ?,"
            + " ?, ?, 'link', ?, CAST(? AS TEXT), CAST(? AS TEXT), CAST(? AS TEXT), CAST(? AS TEXT), ?, ?, ?, ?, 'link',"
            + " 0) ON CONFLICT DO NOTHING",
        newId(),
        key,
        rule.name(),
        rule.kind().id(),
        contactId,
        c[0],
        customer,
        c[2],
        c[3],
        language((String) c[4], rule.defaultLanguage()),
        now,
        now,
        now.plus(settings.linkLifetime()));
    return store
        .query("SELECT " + COLUMNS + " FROM survey_invitations WHERE dedupe_key = ?", key)
        .stream()
        .map(Surveys::invitation)
        .findFirst()
        .orElseThrow();
  }

  /**
   * Marks an e-mailed invitation bounced, as the mail system reported later (a delivery status
   * notification).
   */
  public boolean bounced(String invitationId, String why) {
    return store.update(
            "UPDATE survey_invitations SET state = 'bounced', error = ? WHERE invitation_id = ? AND via ="
                + " 'email' AND state IN ('sent', 'sending', 'failed')",
            why == null ? "reported bounced" : why,
            invitationId)
        > 0;
  }

  // ---------------------------------------------------------------------------------------------------- answering

  /**
   * What the answer page shows: the question and the answer as it stands, nothing about the
   * customer.
   */
  public record Page(
      SurveyKind kind,
      String language,
      String question,
      String low,
      String high,
      Integer score,
      String comment,
      boolean answered,
      boolean canChange,
      Instant changeUntil,
      Instant expiresAt) {}

  /** What an answer did. */
  public enum Outcome {
    RECORDED,
    CHANGED,
    UNCHANGED
  }

  private Invitation valid(String token) {
    Instant now = clock.instant();
    SurveyTokens.Verdict v = tokens.verify(token, now);
    if (v instanceof SurveyTokens.Verdict.Expired) {
      throw new SurveyException(
          Reason.EXPIRED, "This survey link has expired; thank you all the same.");
    }
    if (!(v instanceof SurveyTokens.Verdict.Valid ok)) throw notValid();
    Invitation inv = find(ok.invitationId()).orElseThrow(Surveys::notValid);
    if (!now.isBefore(inv.expiresAt())) {
      throw new SurveyException(
          Reason.EXPIRED, "This survey link has expired; thank you all the same.");
    }
    return inv;
  }

  private static SurveyException notValid() {
    return new SurveyException(
        Reason.NOT_VALID,
        "This survey link is not valid. Open the link of your invitation as" + " it came.");
  }

  public Page page(String token) {
    Invitation inv = valid(token);
    SurveySettings.Rule rule =
        settings.rules().stream()
            .filter(r -> r.name().equals(inv.rule()))
            .findFirst()
            .orElse(
                SurveySettings.Rule.of(inv.rule(), inv.kind(), SurveySettings.Trigger.CASE_SOLVED));
    String lang = inv.language();
    Instant first = firstAnswered(inv.id());
    Instant until = first == null ? null : first.plus(settings.changeWindow());
    boolean canChange = first == null || clock.instant().isBefore(until);
    return new Page(
        inv.kind(),
        lang,
        rule.text(lang, "question"),
        rule.text(lang, "low"),
        rule.text(lang, "high"),
        inv.score(),
        inv.comment(),
        inv.answeredAt() != null,
        canChange,
        until,
        inv.expiresAt());
  }

  private Instant firstAnswered(String id) {
    List<Object[]> r =
        store.query("SELECT first_answered_at FROM survey_invitations WHERE invitation_id = ?", id);
    return r.isEmpty() ? null : (Instant) r.get(0)[0];
  }

  /**
   * Records or changes an answer: a score (null keeps the one given) and a comment ({@code
   * commentGiven} false keeps the one given, so a second click on a score link leaves the comment
   * alone). The first answer opens a window of {@code change_minutes} for changes; after it, only
   * the same answer is accepted (and changes nothing). The survey row ({@code invitation-ID}) is
   * written through the event ingestion, so the KPIs count it at once.
   */
  public Outcome answer(String token, Integer score, String comment, boolean commentGiven) {
    Invitation inv = valid(token);
    if (score != null && !inv.kind().accepts(score)) {
      throw new SurveyException(
          Reason.BAD_ANSWER,
          "The score "
              + score
              + " is not on this survey's scale; give a"
              + " whole number from "
              + inv.kind().min()
              + " to "
              + inv.kind().max()
              + " ({score}).");
    }
    String text = comment == null ? null : comment.strip();
    if (text != null && text.isEmpty()) text = null;
    if (text != null && text.length() > MAX_COMMENT) {
      throw new SurveyException(
          Reason.BAD_ANSWER,
          "The comment has "
              + text.length()
              + " characters; at most "
              + MAX_COMMENT
              + " are kept ({comment}).");
    }
    if (text != null
        && text.chars().anyMatch(ch -> ch < 0x20 && ch != '\n' && ch != '\r' && ch != '\t')) {
      throw new SurveyException(
          Reason.BAD_ANSWER, "The comment holds control characters ({comment}).");
    }
    synchronized (answering) {
      Invitation now = find(inv.id()).orElseThrow(Surveys::notValid);
      Integer newScore = score != null ? score : now.score();
      if (newScore == null) {
        throw new SurveyException(Reason.BAD_ANSWER, "Choose a score first ({score}).");
      }
      String newComment = commentGiven ? text : now.comment();
      if (now.answeredAt() != null
          && newScore.equals(now.score())
          && Objects.equals(newComment, now.comment())) {
        return Outcome.UNCHANGED;
      }
      Instant t = clock.instant();
      Instant first = firstAnswered(inv.id());
      if (first != null && !t.isBefore(first.plus(settings.changeWindow()))) {
        throw new SurveyException(
            Reason.CLOSED,
            "This survey was answered at "
                + first
                + "; answers can be changed"
                + " for "
                + settings.changeWindow().toMinutes()
                + " minutes only. Thank you.");
      }
      int n =
          store.update(
              "UPDATE survey_invitations SET score = ?, comment = CAST(? AS TEXT), answered_at = ?,"
                  + " first_answered_at = COALESCE(first_answered_at, ?) WHERE invitation_id = ? AND (first_answered_at IS"
                  + " NULL OR first_answered_at > ?)",
              newScore,
              newComment,
              t,
              t,
              inv.id(),
              t.minus(settings.changeWindow()));
      if (n == 0) {
        throw new SurveyException(
            Reason.CLOSED,
            "This survey was answered already; answers can be changed for "
                + settings.changeWindow().toMinutes()
                + " minutes only. Thank you.");
      }
      // Written from what was just stored, not read back: the answer's values are known here.
      writeSurvey(
          new Invitation(
              now.id(),
              now.rule(),
              now.kind(),
              now.via(),
              now.contactId(),
              now.caseId(),
              now.customerId(),
              now.agentId(),
              now.channel(),
              now.language(),
              now.createdAt(),
              now.dueAt(),
              now.expiresAt(),
              now.state(),
              now.error(),
              now.sentAt(),
              t,
              newScore,
              newComment),
          first == null ? t : first);
      return first == null ? Outcome.RECORDED : Outcome.CHANGED;
    }
  }

  private void writeSurvey(Invitation inv, Instant submittedAt) {
    Map<String, Object> values = new HashMap<>();
    values.put("kind", inv.kind().id());
    values.put("score", inv.score());
    if (inv.contactId() != null) values.put("contact_id", inv.contactId());
    if (inv.customerId() != null) values.put("customer_id", inv.customerId());
    if (inv.agentId() != null) values.put("agent_id", inv.agentId());
    if (inv.comment() != null) values.put("comment", inv.comment());
    ingestor.ingest(
        List.of(
            new Event(
                "survey-answer/" + inv.id() + "/" + UUID.randomUUID(),
                EventType.SURVEY,
                submittedAt,
                "invitation-" + inv.id(),
                values,
                List.of())));
  }

  /**
   * Writes again the survey of every answered invitation whose survey row is missing or differs (a
   * stop between the invitation's update and the survey's write); run at start. Returns how many
   * were written.
   */
  public synchronized int repair() {
    housekeeping(); // first drop the invitations of erased contacts, so that no erased answer is
    // written back
    int n = 0;
    for (Object[] r :
        store.query(
            "SELECT i.invitation_id, i.first_answered_at FROM survey_invitations i LEFT JOIN"
                + " surveys s ON s.survey_id = 'invitation-' || i.invitation_id WHERE i.answered_at IS NOT NULL AND"
                + " (s.survey_id IS NULL OR s.score <> i.score OR s.comment IS DISTINCT FROM i.comment) LIMIT 10000")) {
      writeSurvey(find((String) r[0]).orElseThrow(), (Instant) r[1]);
      n++;
    }
    return n;
  }

  /**
   * Records the opt-out of the invitation's customer: no more invitations, and those not sent are
   * cancelled. The answer is the same whether or not the invitation had a customer.
   */
  public void optOut(String token) {
    Invitation inv = valid(token);
    if (inv.customerId() == null) return;
    store.update(
        "INSERT INTO survey_opt_outs (customer_id, opted_out_at) VALUES (?, ?) ON CONFLICT DO NOTHING",
        inv.customerId(),
        clock.instant());
    store.update(
        "UPDATE survey_invitations SET state = 'cancelled', address = NULL, error = 'the customer opted out'"
            + " WHERE customer_id = ? AND state = 'scheduled'",
        inv.customerId());
  }

  /** Counts of invitations by state, for the API and the CLI. */
  public Map<String, Long> counts() {
    Map<String, Long> out = new LinkedHashMap<>();
    for (Object[] r :
        store.query(
            "SELECT state, COUNT(*) FROM survey_invitations GROUP BY state ORDER BY state")) {
      out.put((String) r[0], ((Number) r[1]).longValue());
    }
    return out;
  }
}
