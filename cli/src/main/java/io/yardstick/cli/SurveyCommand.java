package io.yardstick.cli;

import io.yardstick.alert.AlertSettings;
import io.yardstick.event.EventIngestor;
import io.yardstick.store.Store;
import io.yardstick.survey.InvitationSender;
import io.yardstick.survey.SurveySettings;
import io.yardstick.survey.Surveys;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code yardstick survey send} and {@code yardstick survey list}: the server's survey round once
 * (for a store no server runs on, from cron), and the invitations with their states
 * (docs/surveys.md).
 */
@Command(
    name = "survey",
    subcommands = {SurveyCommand.Send.class, SurveyCommand.ListInvitations.class},
    description = {
      "Survey invitations of the rules in the settings file (docs/surveys.md).",
      "  survey send    make the invitations the rules call for and send what is due, once",
      "  survey list    the invitations, newest first, with their states and answers"
    })
final class SurveyCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getOut());
    return 0;
  }

  @Command(
      name = "send",
      description = {
        "Make the invitations the survey rules call for and send what is due, as"
            + " the server does every 30 seconds; invitations already made or sent are left alone.",
        "E-mail uses YARDSTICK_SMTP_HOST/PORT/FROM, webhooks YARDSTICK_WEBHOOK_SECRET (docs/alerts.md)."
      })
  static final class Send implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin DbOption db;

    @Mixin SettingsOption settings;

    @Override
    public Integer call() {
      SurveySettings rules = settings.settings().get(io.yardstick.settings.Settings.SURVEYS);
      PrintWriter out = spec.commandLine().getOut();
      Clock clock = Clock.systemUTC();
      try (Store store = db.open();
          EventIngestor ingestor = new EventIngestor(store, clock)) {
        Surveys surveys =
            new Surveys(
                store,
                clock,
                rules,
                ingestor,
                InvitationSender.standard(AlertSettings.fromEnvironment()));
        int repaired = surveys.repair();
        int made = surveys.plan();
        int sent = surveys.dispatch();
        out.println(
            made
                + (made == 1 ? " invitation" : " invitations")
                + " made, "
                + sent
                + " sent"
                + (repaired == 0 ? "" : ", " + repaired + " answers written again")
                + (rules.rules().isEmpty() ? " (the settings file has no survey rules)" : "")
                + ".");
        out.println("By state: " + describe(surveys.counts()));
      }
      return 0;
    }
  }

  @Command(
      name = "list",
      description = "The survey invitations, newest first (never the addresses).")
  static final class ListInvitations implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--contact", paramLabel = "ID", description = "Only this contact's.")
    String contact;

    @Option(names = "--customer", paramLabel = "ID", description = "Only this customer's.")
    String customer;

    @Option(
        names = "--limit",
        paramLabel = "N",
        defaultValue = "50",
        description = "At most N (1-1000; default 50).")
    int limit;

    @Mixin DbOption db;

    @Mixin SettingsOption settings;

    @Override
    public Integer call() {
      if (limit < 1 || limit > 1000) {
        throw new picocli.CommandLine.ParameterException(
            spec.commandLine(), "--limit: " + limit + " is not a" + " number from 1 to 1000.");
      }
      PrintWriter out = spec.commandLine().getOut();
      Clock clock = Clock.systemUTC();
      try (Store store = db.open();
          EventIngestor ingestor = new EventIngestor(store, clock)) {
        Surveys surveys =
            new Surveys(
                store,
                clock,
                settings.settings().get(io.yardstick.settings.Settings.SURVEYS),
                ingestor,
                InvitationSender.standard(AlertSettings.fromEnvironment()));
        List<List<String>> rows = new ArrayList<>();
        rows.add(
            List.of(
                "Invitation",
                "Rule",
                "Via",
                "State",
                "Contact",
                "Customer",
                "Created",
                "Sent",
                "Answered",
                "Score",
                "Comment"));
        for (Surveys.Invitation i : surveys.list(contact, customer, limit)) {
          rows.add(
              List.of(
                  i.id(),
                  i.rule(),
                  i.via(),
                  i.state(),
                  text(i.contactId()),
                  text(i.customerId()),
                  i.createdAt().toString(),
                  text(i.sentAt()),
                  text(i.answeredAt()),
                  text(i.score()),
                  text(i.comment())));
        }
        if (rows.size() == 1) {
          out.println(
              "No survey invitations"
                  + (contact != null || customer != null
                      ? " of that contact or" + " customer."
                      : " yet."));
        } else {
          Tables.print(out, rows, 11, true);
        }
        out.println("By state: " + describe(surveys.counts()));
      }
      return 0;
    }

    private static String text(Object v) {
      return v == null ? "-" : String.valueOf(v);
    }
  }

  static String describe(Map<String, Long> counts) {
    if (counts.isEmpty()) return "none";
    List<String> parts = new ArrayList<>();
    counts.forEach((state, n) -> parts.add(state + " " + n));
    return String.join(", ", parts);
  }
}
