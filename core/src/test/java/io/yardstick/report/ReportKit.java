package io.yardstick.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.sun.net.httpserver.HttpServer;
import io.yardstick.YardstickException;
import io.yardstick.alert.AlertSettings;
import io.yardstick.ingest.ImportSource;
import io.yardstick.kpi.Kpi;
import io.yardstick.kpi.KpiEngine;
import io.yardstick.kpi.KpiSettings;
import io.yardstick.model.RecordType;
import io.yardstick.store.Store;
import io.yardstick.user.Role;
import io.yardstick.user.User;
import io.yardstick.user.Users;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.threeten.extra.MutableClock;

/**
 * Saved views, their reports and their scheduled delivery, the same on every store (issue 16).
 *
 * <p>The fixture, in Madrid: the week 2026-10-19..25 (the week that leaves summer time on Sunday
 * the 25th) has four contacts, two of them agent ana's; the week before, 10-12..18, has one
 * (ana's).
 */
public abstract class ReportKit extends io.yardstick.store.StoreKit {
  static final ZoneId MADRID = ZoneId.of("Europe/Madrid");
  static final ObjectMapper JSON = new ObjectMapper();
  static final Map<String, String> EN =
      Map.ofEntries(
          Map.entry("period.range", "{from} – {to}"),
          Map.entry("period.zone", "Time zone"),
          Map.entry("report.period.last_week", "Last complete week"),
          Map.entry("report.attached", "The PDF and the CSV of every table are attached."),
          Map.entry("report.open", "Open in Yardstick"),
          Map.entry("report.pageOf", "Page {page} of {pages}"),
          Map.entry("report.heatmap", "Staffing heat map: {channel}"),
          Map.entry("channel.phone", "telephone"));

  @RegisterExtension static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP);
  @TempDir Path dir;

  Store store;
  final MutableClock clock = MutableClock.of(Instant.parse("2026-10-18T12:00:00Z"), ZoneOffset.UTC);

  @BeforeEach
  void open() throws Exception {
    store = newStore();
    Path csv = dir.resolve("contacts.csv");
    Files.writeString(
        csv,
        """
        contact_id,channel,arrived_at,answered_at,talk_s,agent_id,abandoned_at
        c5,phone,2026-10-13T09:00:00+02:00,2026-10-13T09:00:40+02:00,400,ana,
        c1,phone,2026-10-20T09:00:00+02:00,2026-10-20T09:00:10+02:00,300,ana,
        c2,phone,2026-10-21T10:00:00+02:00,2026-10-21T10:00:30+02:00,200,bob,
        c3,phone,2026-10-22T11:00:00+02:00,,,,2026-10-22T11:01:00+02:00
        c4,chat,2026-10-25T02:30:00+01:00,2026-10-25T02:30:05+01:00,100,ana,
        """,
        StandardCharsets.UTF_8);
    store.importFile(RecordType.CONTACTS, ImportSource.of(csv.toString()), b -> {});
  }

  @AfterEach
  void close() {
    store.close();
  }

  SavedView weekly() {
    return SavedView.of("Weekly service", "mia", "overview", Period.parse("last_week"), MADRID)
        .withKpis(List.of(Kpi.CONTACTS))
        .withCompare(true)
        .withShared(Set.of(Role.MANAGER));
  }

  static User user(String name, Role role, String agentId) {
    return new User(name, role, agentId, false);
  }

  @Test
  void a_view_reads_back_as_stored_and_is_seen_by_its_owner_and_the_roles_it_is_shared_with() {
    SavedViews views = new SavedViews(store, clock);
    SavedView shared = views.add(weekly());
    SavedView mine =
        views.add(
            SavedView.of("Billing queue", "mia", "queues", Period.parse("month_to_date"), MADRID)
                .withFilters(List.of("queue=billing"))
                .withGroupBy(List.of("queue")));
    assertThat(shared.id()).isEqualTo(1);
    assertThat(mine.id()).isEqualTo(2);
    assertThat(views.list()).containsExactly(shared, mine);
    assertThat(views.visibleTo(user("mia", Role.MANAGER, null))).containsExactly(shared, mine);
    assertThat(views.visibleTo(user("max", Role.MANAGER, null))).containsExactly(shared);
    assertThat(views.visibleTo(user("ana", Role.AGENT, "ana"))).isEmpty();
    assertThatThrownBy(() -> views.get(2, user("max", Role.MANAGER, null)))
        .isInstanceOf(SavedViews.ViewNotFound.class)
        .hasMessage("There is no view 2 that you can open; report list shows yours.");
    assertThat(views.replace(mine.withName("Billing, this month"))).isTrue();
    assertThat(views.find(2).orElseThrow().name()).isEqualTo("Billing, this month");
  }

  @Test
  void a_view_is_checked_whole_before_it_is_stored() {
    SavedViews views = new SavedViews(store, clock);
    assertThatThrownBy(() -> views.add(weekly().withFilters(List.of("queue"))))
        .isInstanceOf(YardstickException.class)
        .hasMessageStartingWith("'queue' is not a filter");
    assertThatThrownBy(() -> views.add(weekly().withName("two\nlines")))
        .hasMessage("The 'name' 'two?lines' holds a" + " control character (a line break?).");
    assertThatThrownBy(
            () -> new Panel(Panel.Type.TILES, null, List.of(), List.of(), null, null, 8, 0, 6, 2))
        .hasMessage(
            "A 'panel' at x=8, y=0, w=6, h=2 does not fit the grid: 12 columns (x 0-11, x + w at most 12),"
                + " y 0-200, h 1-12.");
    assertThat(views.list()).isEmpty();
    assertThat(store.nextId("saved_views")).isEqualTo(1); // nothing was stored, no id was taken
  }

  @Test
  void an_agent_running_a_shared_view_gets_only_their_own_contacts_whatever_agent_it_names() {
    // The view says agent=bob; ana (an agent) sees it shared with agents but counts only her own:
    // c1 and c4.
    SavedView v =
        new SavedViews(store, clock)
            .add(weekly().withFilters(List.of("agent=bob")).withShared(Set.of(Role.AGENT)));
    Reports reports = new Reports(store, new KpiEngine(store, KpiSettings.defaults()));
    Instant monday = Instant.parse("2026-10-26T07:00:00Z");
    Report forAna = reports.compute(v, user("ana", Role.AGENT, "ana"), monday);
    assertThat(forAna.from()).hasToString("2026-10-19");
    assertThat(forAna.to()).hasToString("2026-10-25");
    assertThat(forAna.restriction()).containsExactly("agent=ana");
    assertThat(forAna.headline().result().overall().value(Kpi.CONTACTS)).isEqualTo(2L);
    // The manager sees what the view says: bob's one contact (c2).
    Report forMia = reports.compute(v, user("mia", Role.MANAGER, null), monday);
    assertThat(forMia.headline().result().overall().value(Kpi.CONTACTS)).isEqualTo(1L);
  }

  @Test
  void the_pdf_holds_the_title_period_zone_numbers_change_definitions_and_page_numbers()
      throws IOException {
    SavedView v = new SavedViews(store, clock).add(weekly());
    Report r =
        new Reports(store, new KpiEngine(store, KpiSettings.defaults()))
            .compute(v, user("mia", Role.MANAGER, null), Instant.parse("2026-10-26T07:00:00Z"));
    String text = text(ReportPdf.render(r, new ReportText("en", EN)));
    // 4 contacts in 10-19..25, 1 in 10-12..18: change +3.
    assertThat(text)
        .contains(
            "Weekly service",
            "Last complete week: October 19, 2026 – October 25, 2026",
            "Europe/Madrid",
            "Contacts 4 1 +3",
            Kpi.CONTACTS.formula(),
            "Page 1 of 1");
    assertThat(ReportCsv.tables(r))
        .containsEntry("1-tiles.csv", "contacts,contacts_previous\r\n4,1\r\n");
  }

  @Test
  void a_dashboard_of_panels_computes_each_panel_with_its_own_kpis_and_filters_and_renders()
      throws IOException {
    long goal =
        new io.yardstick.goal.Goals(store, clock)
            .add(
                io.yardstick.goal.Goal.builder(
                        Kpi.CONTACTS,
                        java.time.LocalDate.parse("2026-10-19"),
                        java.time.LocalDate.parse("2026-10-25"),
                        MADRID)
                    .target(io.yardstick.goal.Target.absolute(5))
                    .build())
            .id();
    List<Panel> panels =
        List.of(
            new Panel(
                Panel.Type.TILES,
                "Phone only",
                List.of(Kpi.CONTACTS),
                List.of("channel=phone"),
                null,
                null,
                0,
                0,
                6,
                2),
            new Panel(
                Panel.Type.BREAKDOWN, null, List.of(), List.of(), "channel", null, 6, 0, 6, 4),
            new Panel(Panel.Type.TREND, null, List.of(), List.of(), null, null, 0, 2, 6, 2),
            new Panel(Panel.Type.GOAL, null, List.of(), List.of(), null, goal, 0, 4, 12, 2));
    SavedView d =
        new SavedViews(store, clock)
            .add(
                new SavedView(
                    0,
                    "Week board",
                    "mia",
                    Set.of(),
                    "dashboard",
                    null,
                    Period.parse("last_week"),
                    MADRID,
                    List.of(Kpi.CONTACTS),
                    List.of(),
                    List.of(),
                    false,
                    panels,
                    null));
    SavedView stored = new SavedViews(store, clock).find(d.id()).orElseThrow();
    assertThat(stored.panels()).isEqualTo(panels);
    Report r =
        new Reports(store, new KpiEngine(store, KpiSettings.defaults()))
            .compute(
                stored, user("mia", Role.MANAGER, null), Instant.parse("2026-10-26T07:00:00Z"));
    // 10-19..25: phone contacts c1, c2, c3 = 3; by channel chat 1 (c4), phone 3; the goal's KPI is
    // all 4 contacts.
    assertThat(r.sections().get(0).result().overall().value(Kpi.CONTACTS)).isEqualTo(3L);
    assertThat(r.sections().get(1).result().rows())
        .extracting(row -> row.group().get("channel"), row -> row.value(Kpi.CONTACTS))
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(null, 4L),
            org.assertj.core.groups.Tuple.tuple("chat", 1L),
            org.assertj.core.groups.Tuple.tuple("phone", 3L));
    assertThat(r.sections().get(2).result().rows()).hasSize(1 + 7); // overall and the seven days
    assertThat(r.sections().get(3).goal().current()).isEqualTo(4.0);
    assertThat(text(ReportPdf.render(r, new ReportText("en", EN))))
        .contains("Phone only", "Contacts 3", "chat 1", "phone 3");
    assertThatThrownBy(
            () ->
                new SavedView(
                    0,
                    "D",
                    "mia",
                    Set.of(),
                    "dashboard",
                    null,
                    Period.parse("last_week"),
                    MADRID,
                    List.of(),
                    List.of(),
                    List.of(),
                    false,
                    List.of(),
                    null))
        .hasMessage("A dashboard needs at least one of its 'panels'.");
  }

  /** Issue 16: the staffing heat map panel, weekday by hour, in the report, the PDF and the CSV. */
  @Test
  void a_heatmap_panel_staffs_its_channel_by_weekday_and_hour_in_the_pdf_and_the_csv()
      throws IOException {
    Panel heat =
        new Panel(
            Panel.Type.HEATMAP, null, List.of(), List.of("channel=phone"), null, null, 0, 0, 12, 3);
    SavedView d =
        new SavedViews(store, clock)
            .add(
                new SavedView(
                    0,
                    "Staffing",
                    "mia",
                    Set.of(),
                    "dashboard",
                    null,
                    Period.parse("last_week"),
                    MADRID,
                    List.of(Kpi.CONTACTS),
                    List.of(),
                    List.of(),
                    false,
                    List.of(heat),
                    null));
    Report r =
        new Reports(store, new KpiEngine(store, KpiSettings.defaults()))
            .compute(d, user("mia", Role.MANAGER, null), Instant.parse("2026-10-26T07:00:00Z"));
    StaffingHeatmap m = r.sections().get(0).heatmap();
    // Phone, Monday 10-19..Sunday 25 (one of each weekday): one contact on Tuesday at 09:00
    // (answered, 300 s), Wednesday 10:00 (200 s) and Thursday 11:00 (abandoned, offered all the
    // same). AHT (300 + 200)
    // / 2 = 250 s. One contact in an hour is A = 250 / 3600 = 0.069 Erlang; one agent answers
    // 1 - 0.069 x e^(-(1 - 0.069) x 20 / 250) = 93.6% within 20 s, >= 80%: 1 agent. An hour
    // without contacts needs none; the hours shown run from the first to the last that needs one.
    assertThat(m.aht()).isEqualTo(250.0);
    assertThat(m.times())
        .containsExactly(
            java.time.LocalTime.of(9, 0),
            java.time.LocalTime.of(10, 0),
            java.time.LocalTime.of(11, 0));
    assertThat(m.agents())
        .isDeepEqualTo(
            new Double[][] {
              {0.0, 0.0, 0.0},
              {1.0, 0.0, 0.0},
              {0.0, 1.0, 0.0},
              {0.0, 0.0, 1.0},
              {0.0, 0.0, 0.0},
              {0.0, 0.0, 0.0},
              {0.0, 0.0, 0.0}
            });
    assertThat(text(ReportPdf.render(r, new ReportText("en", EN))))
        .contains("Staffing heat map: telephone");
    // The grid is an SVG drawing (its text is not the PDF's text): weekday rows, hour columns and
    // a number per cell.
    assertThat(ReportPdf.html(r, new ReportText("en", EN)))
        .contains(">Mon</text>", ">Sun</text>", ">09:00</text>", ">11:00</text>", ">1.0</text>");
    assertThat(ReportCsv.tables(r).get("1-heatmap.csv"))
        .startsWith("channel,weekday,time,agents\r\nphone,1,09:00,0.0\r\nphone,1,10:00,0.0\r\n")
        .contains("\r\nphone,2,09:00,1.0\r\n", "\r\nphone,4,11:00,1.0\r\n")
        .endsWith("phone,7,11:00,0.0\r\n");
    assertThatThrownBy(
            () ->
                new Panel(
                    Panel.Type.HEATMAP,
                    null,
                    List.of(),
                    List.of("channel=phone,chat"),
                    null,
                    null,
                    0,
                    0,
                    12,
                    3))
        .hasMessage(
            "A heatmap 'panel' needs where with one channel, such as channel=phone: the channel to"
                + " staff.");
  }

  @Test
  void a_weekly_schedule_sends_each_occurrence_once_across_dst_a_restart_and_a_stop()
      throws Exception {
    List<String[]> received = Collections.synchronizedList(new ArrayList<>());
    HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    receiver.createContext(
        "/",
        ex -> {
          received.add(
              new String[] {
                ex.getRequestURI().getPath(),
                ex.getRequestHeaders().getFirst("Idempotency-Key"),
                new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)
              });
          ex.sendResponseHeaders(200, -1);
          ex.close();
        });
    receiver.start();
    try {
      String base = "http://127.0.0.1:" + receiver.getAddress().getPort();
      new Users(store, clock).add("mia", Role.MANAGER, null);
      SavedView v = new SavedViews(store, clock).add(weekly());
      Schedule s =
          new Schedules(store, clock)
              .add(
                  new Schedule(
                      0,
                      v.id(),
                      "mia",
                      Cadence.parse("weekly:mon@08:00"),
                      "en",
                      List.of(
                          "email:director@example.com",
                          "slack:" + base + "/slack",
                          "teams:" + base + "/teams"),
                      null));

      // Monday 10-19, 08:00 CEST is 06:00Z: one minute before, nothing; just after, one mail and
      // one post each.
      clock.setInstant(Instant.parse("2026-10-19T05:59:00Z"));
      assertThat(server().tick()).isZero();
      clock.setInstant(Instant.parse("2026-10-19T06:00:30Z"));
      assertThat(server().tick()).isEqualTo(3);
      assertThat(smtp.getReceivedMessages()).hasSize(1);
      assertThat(received).hasSize(2);

      // A restart sends nothing twice.
      assertThat(server().tick()).isZero();

      // Summer time ended on Sunday 10-25: Monday 10-26 08:00 CET is 07:00Z, not 06:00Z.
      clock.setInstant(Instant.parse("2026-10-26T06:30:00Z"));
      assertThat(server().tick()).isZero();
      clock.setInstant(Instant.parse("2026-10-26T07:00:30Z"));
      assertThat(server().tick()).isEqualTo(3);
      MimeMessage mail = smtp.getReceivedMessages()[1];
      assertThat(mail.getSubject())
          .isEqualTo(
              "[Yardstick] Weekly service · Last complete week: October 19, 2026 –"
                  + " October 25, 2026");
      assertThat(mail.getMessageID()).isEqualTo("<report-1.2026-10-26T07-00-00Z.1@yardstick>");
      Multipart parts = (Multipart) mail.getContent();
      assertThat(parts.getCount())
          .isEqualTo(4); // the body, the PDF, the CSV of the numbers and of the trend
      assertThat((String) parts.getBodyPart(0).getContent()).contains("Contacts: 4 (+3)");
      assertThat(parts.getBodyPart(1).getFileName())
          .isEqualTo("Weekly-service-2026-10-19-2026-10-25.pdf");
      assertThat(text(parts.getBodyPart(1).getInputStream().readAllBytes()))
          .contains("Contacts 4 1 +3");
      assertThat(parts.getBodyPart(2).getFileName())
          .isEqualTo("Weekly-service-2026-10-19-2026-10-25-1-tiles.csv");
      assertThat(parts.getBodyPart(2).getDisposition()).isEqualTo(Part.ATTACHMENT);
      assertThat(parts.getBodyPart(3).getFileName())
          .isEqualTo("Weekly-service-2026-10-19-2026-10-25-2-trend.csv");
      String[] slack = received.get(2);
      String[] teams = received.get(3);
      assertThat(slack[0]).isEqualTo("/slack");
      assertThat(slack[1]).isEqualTo("report-1/2026-10-26T07:00:00Z/2");
      JsonNode blocks = JSON.readTree(slack[2]).get("blocks");
      assertThat(blocks.get(0).get("type").asText()).isEqualTo("header");
      assertThat(blocks.get(2).get("fields").get(0).get("text").asText())
          .isEqualTo("*Contacts*\n4 (+3)");
      assertThat(teams[0]).isEqualTo("/teams");
      JsonNode card = JSON.readTree(teams[2]).get("attachments").get(0);
      assertThat(card.get("contentType").asText())
          .isEqualTo("application/vnd.microsoft.card.adaptive");
      assertThat(card.get("content").get("body").get(2).get("facts").get(0).get("value").asText())
          .isEqualTo("4 (+3)");

      // Down from 10-26 08:00Z to 11-02 09:00Z: the 07:00Z occurrence of 11-02, two hours old, is
      // sent once on start.
      clock.setInstant(Instant.parse("2026-11-02T09:00:00Z"));
      assertThat(server().tick()).isEqualTo(3);
      assertThat(server().tick()).isZero();
      // Down past the catch-up age (24 h): the 11-09 occurrence is recorded as skipped, not sent.
      clock.setInstant(Instant.parse("2026-11-10T12:00:00Z"));
      assertThat(server().tick()).isZero();

      assertThat(smtp.getReceivedMessages()).hasSize(3);
      assertThat(received).hasSize(6);
      assertThat(received.stream().map(x -> x[1]).distinct()).hasSize(6);
      List<Delivery> history = new Schedules(store, clock).history(s.id(), 100);
      assertThat(history)
          .extracting(Delivery::state)
          .containsExactly(
              "skipped", "skipped", "skipped", "sent", "sent", "sent", "sent", "sent", "sent",
              "sent", "sent", "sent");
      assertThat(history.get(0).occurrence()).isEqualTo(Instant.parse("2026-11-09T07:00:00Z"));

      // Send now records and sends one more delivery per target at once.
      assertThat(server().sendNow(s)).hasSize(3);
      assertThat(smtp.getReceivedMessages()).hasSize(4);
    } finally {
      receiver.stop(0);
    }
  }

  /** A server start: a new runner over the same store (everything it knows is in the store). */
  Deliveries server() {
    AlertSettings alerts =
        AlertSettings.defaults()
            .withSmtp("127.0.0.1", ServerSetupTest.SMTP.getPort(), "yardstick@example.com")
            .withPrivateWebhooks(true)
            .withRetries(0, Duration.ofMillis(10), Duration.ofMillis(20));
    return Deliveries.standard(
        store,
        new KpiEngine(store, KpiSettings.defaults()),
        clock,
        alerts,
        ReportSettings.defaults().withCatchUp(Duration.ofHours(24)),
        lang -> new ReportText(lang, EN));
  }

  static String text(byte[] pdf) throws IOException {
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      return new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
    }
  }
}
