package io.yardstick.cli;

import io.yardstick.audit.AuditLog;
import io.yardstick.store.Store;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code yardstick audit}: the audit log, newest first, or all of it as JSON Lines. */
@Command(
    name = "audit",
    description = {
      "Show the audit log: log-ins, changes of users, tokens, rules, goals and"
          + " data (imports, erasures), with who, when, from where and what (docs/security.md#audit-log)."
    })
final class AuditCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--kind",
      paramLabel = "KIND",
      description =
          "Only entries of this kind: login, user, token, rule,"
              + " goal, settings, data, forecast, other.")
  String kind;

  @Option(
      names = "--user",
      paramLabel = "NAME",
      description = "Only entries of this user (os:NAME for commands).")
  String user;

  @Option(names = "--from", paramLabel = "DATE", description = "From this day on (UTC).")
  LocalDate from;

  @Option(names = "--to", paramLabel = "DATE", description = "Up to this day, included (UTC).")
  LocalDate to;

  @Option(
      names = "--limit",
      paramLabel = "N",
      defaultValue = "50",
      description =
          "How many of the newest entries to show (default 50, at most 1000); --format jsonl gives all.")
  int limit;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "table",
      description = "table (default) or jsonl (every entry, oldest first, one JSON object a line).")
  String format;

  @Mixin DbOption db;

  @Override
  public Integer call() {
    AuditLog.Filter filter =
        new AuditLog.Filter(
            kind,
            user,
            from == null ? null : from.atStartOfDay(ZoneOffset.UTC).toInstant(),
            to == null ? null : to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
    PrintWriter out = spec.commandLine().getOut();
    try (Store store = db.open()) {
      AuditLog audit = new AuditLog(store, Clock.systemUTC());
      switch (format) {
        case "jsonl" ->
            audit.export(
                filter,
                e -> {
                  try {
                    out.println(Json.MAPPER.writeValueAsString(e.toJson()));
                  } catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
                    throw new UncheckedIOException(ex);
                  }
                });
        case "table" -> {
          AuditLog.Page page = audit.list(filter, 0, limit);
          List<List<String>> rows = new ArrayList<>();
          rows.add(
              List.of("at", "actor", "address", "kind", "action", "target", "outcome", "detail"));
          for (AuditLog.Entry e : page.entries()) {
            AuditLog.Record r = e.record();
            rows.add(
                List.of(
                    e.at().toString(),
                    text(r.actor()),
                    text(r.address()),
                    r.kind(),
                    r.action(),
                    text(r.target()),
                    r.outcome(),
                    text(r.detail())));
          }
          Tables.print(out, rows, 8);
          if (page.total() > page.entries().size()) {
            out.println(
                page.entries().size()
                    + " of "
                    + page.total()
                    + " entries; --limit N or --format jsonl for"
                    + " more.");
          }
        }
        default ->
            throw new picocli.CommandLine.ParameterException(
                spec.commandLine(),
                "--format: '" + format + "' is not a format; expected table or jsonl.");
      }
    }
    return 0;
  }

  private static String text(String s) {
    return s == null ? "" : s;
  }
}
