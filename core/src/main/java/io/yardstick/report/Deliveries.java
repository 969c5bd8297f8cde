package io.yardstick.report;

import io.yardstick.alert.AlertSettings;
import io.yardstick.kpi.KpiEngine;
import io.yardstick.report.internal.ChatReportSender;
import io.yardstick.report.internal.EmailReportSender;
import io.yardstick.store.Store;
import io.yardstick.user.User;
import io.yardstick.user.Users;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.function.Function;

/**
 * Sends scheduled reports, each occurrence to each target exactly once across restarts, as alerts'
 * notifications are.
 *
 * <p>{@link #tick()} first records, for every schedule, the occurrences of its cadence since it
 * last looked ({@code checked_until}) up to now: one statement per occurrence inserts a row per
 * target, {@code pending} (or {@code skipped} when the occurrence is older than the catch-up age),
 * with the idempotency key {@code report-S/OCCURRENCE/N}; an insert of a key already there changes
 * nothing. Then it sends every {@code pending} or {@code sending} row: the row becomes {@code
 * sending} (stored) before it is sent and {@code sent} or {@code failed} after. A restart thus
 * never sends a {@code sent} row again, and resends a row left {@code sending} with the same key
 * (the e-mail's Message-ID, the webhook's Idempotency-Key), so that a receiver can drop it if the
 * first try had arrived. The report of an occurrence is computed on the occurrence's day, as its
 * owner sees it, so a resend carries the same numbers.
 *
 * <pre>{@code
 * Deliveries d = Deliveries.standard(store, engine, clock, alertSettings, reportSettings, texts);
 * d.tick();   // on a timer, and at start-up to send what a stop interrupted or missed
 * }</pre>
 */
public final class Deliveries {
  private static final System.Logger LOG = System.getLogger("yardstick.reports");

  /**
   * The most occurrences one schedule records per tick (a cron every minute down for a week stays
   * bounded).
   */
  static final int MAX_OCCURRENCES = 200;

  private final Store store;
  private final KpiEngine engine;
  private final Clock clock;
  private final ReportSettings settings;
  private final Map<String, ReportSender> senders;
  private final Function<String, ReportText> texts;

  public Deliveries(
      Store store,
      KpiEngine engine,
      Clock clock,
      ReportSettings settings,
      Map<String, ReportSender> senders,
      Function<String, ReportText> texts) {
    this.store = store;
    this.engine = engine;
    this.clock = clock;
    this.settings = settings;
    this.senders = Map.copyOf(senders);
    this.texts = texts;
  }

  /** SMTP e-mail and Slack and Teams webhooks, as the alerts' settings say. */
  public static Deliveries standard(
      Store store,
      KpiEngine engine,
      Clock clock,
      AlertSettings alerts,
      ReportSettings settings,
      Function<String, ReportText> texts) {
    return new Deliveries(
        store,
        engine,
        clock,
        settings,
        Map.of(
            "email",
            new EmailReportSender(alerts),
            "slack",
            new ChatReportSender(alerts, ChatReportSender.Format.SLACK),
            "teams",
            new ChatReportSender(alerts, ChatReportSender.Format.TEAMS)),
        texts);
  }

  /** Records due occurrences and sends everything not sent yet; returns how many were sent. */
  public synchronized int tick() {
    record();
    return dispatch();
  }

  /**
   * Records a delivery of the schedule now, to all its targets, and sends it; returns the keys
   * recorded.
   */
  public synchronized List<String> sendNow(Schedule s) {
    Instant now = clock.instant();
    List<String> keys = insert(s, now, "now-" + now.toEpochMilli(), "now", "pending");
    dispatch();
    return keys;
  }

  private void record() {
    Instant now = clock.instant();
    for (Object[] r : store.query("SELECT id, checked_until FROM report_schedules ORDER BY id")) {
      long id = ((Number) r[0]).longValue();
      Optional<Schedule> s;
      Optional<SavedView> view;
      try {
        s = new Schedules(store, clock).find(id);
        view = s.isEmpty() ? Optional.empty() : new SavedViews(store, clock).find(s.get().viewId());
      } catch (RuntimeException e) {
        LOG.log(
            System.Logger.Level.WARNING,
            "Report schedule " + id + " cannot be read and is skipped: " + e.getMessage());
        continue;
      }
      if (s.isEmpty() || view.isEmpty()) continue;
      Instant since = (Instant) r[1];
      Instant floor = now.minus(java.time.Duration.ofDays(400));
      if (since.isBefore(floor)) since = floor;
      for (Instant occurrence :
          s.get().cadence().occurrences(since, now, view.get().zone(), MAX_OCCURRENCES)) {
        boolean stale =
            java.time.Duration.between(occurrence, now).compareTo(settings.catchUp()) > 0;
        insert(
            s.get(), occurrence, occurrence.toString(), "scheduled", stale ? "skipped" : "pending");
      }
      store.update("UPDATE report_schedules SET checked_until = ? WHERE id = ?", now, id);
    }
  }

  /**
   * One INSERT for all targets of an occurrence, so a stop leaves all of them or none; a key
   * already there stays.
   */
  private List<String> insert(
      Schedule s, Instant occurrence, String label, String kind, String state) {
    StringJoiner values = new StringJoiner(", ");
    List<Object> params = new ArrayList<>();
    List<String> keys = new ArrayList<>();
    for (int i = 0; i < s.targets().size(); i++) {
      String key = "report-" + s.id() + "/" + label + "/" + (i + 1);
      keys.add(key);
      values.add("(?, ?, ?, ?, ?, ?, 0, ?)");
      params.addAll(
          List.of(key, s.id(), occurrence, s.targets().get(i), kind, state, clock.instant()));
    }
    store.update(
        "INSERT INTO report_deliveries (idempotency_key, schedule_id, occurrence, target, kind, state,"
            + " attempts, updated_at) VALUES "
            + values
            + " ON CONFLICT (idempotency_key) DO NOTHING",
        params.toArray());
    return keys;
  }

  private int dispatch() {
    int sent = 0;
    Map<String, Rendered> rendered = new HashMap<>();
    for (Object[] r :
        store.query(
            "SELECT "
                + Schedules.DELIVERY_COLUMNS
                + " FROM report_deliveries WHERE state IN"
                + " ('pending', 'sending') ORDER BY occurrence, idempotency_key")) {
      Delivery d = Delivery.of(r);
      store.update(
          "UPDATE report_deliveries SET state = 'sending', attempts = attempts + 1, updated_at = ? WHERE"
              + " idempotency_key = ?",
          clock.instant(),
          d.idempotencyKey());
      try {
        Rendered out =
            rendered.computeIfAbsent(d.scheduleId() + "@" + d.occurrence(), k -> render(d));
        String kind = d.target().substring(0, d.target().indexOf(':'));
        ReportSender sender = senders.get(kind);
        if (sender == null) throw new IllegalStateException("no sender for " + kind + " targets");
        sender.send(
            new ReportMessage(
                d.idempotencyKey(),
                d.target(),
                out.report(),
                out.text(),
                out.pdf(),
                out.csv(),
                settings.publicUrl() + "/#/reports?view=" + out.report().view().id(),
                clock.instant()));
        store.update(
            "UPDATE report_deliveries SET state = 'sent', updated_at = ?, error = NULL WHERE idempotency_key"
                + " = ?",
            clock.instant(),
            d.idempotencyKey());
        sent++;
      } catch (Exception e) {
        String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        store.update(
            "UPDATE report_deliveries SET state = 'failed', updated_at = ?, error = ? WHERE idempotency_key"
                + " = ?",
            clock.instant(),
            why,
            d.idempotencyKey());
        LOG.log(
            System.Logger.Level.WARNING,
            "Report delivery " + d.idempotencyKey() + " to " + d.target() + " failed: " + why);
      }
    }
    return sent;
  }

  private record Rendered(Report report, ReportText text, byte[] pdf, Map<String, String> csv) {}

  private Rendered render(Delivery d) {
    Schedule s =
        new Schedules(store, clock)
            .find(d.scheduleId())
            .orElseThrow(
                () -> new IllegalStateException("the schedule " + d.scheduleId() + " was removed"));
    SavedView view =
        new SavedViews(store, clock)
            .find(s.viewId())
            .orElseThrow(
                () -> new IllegalStateException("the view " + s.viewId() + " was removed"));
    Users users = new Users(store, clock);
    User owner =
        users
            .find(s.owner())
            .filter(u -> !users.isDisabled(u.name()))
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "the schedule's owner " + s.owner() + " is no longer an enabled user"));
    Report report = new Reports(store, engine).compute(view, owner, d.occurrence());
    ReportText text = texts.apply(s.language());
    return new Rendered(
        report, text, ReportPdf.render(report, text), ReportCsv.tables(report, text));
  }
}
