package io.yardstick.cli;

import io.yardstick.YardstickException;
import io.yardstick.kpi.Dimension;
import io.yardstick.kpi.Filter;
import io.yardstick.kpi.Kpi;
import io.yardstick.kpi.KpiQuery;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** The period, zone and filters every reporting command shares (kpi, consistency, topics). */
final class QueryOptions {
  @Option(names = "--from", required = true, paramLabel = "DATE", description = "First local date, YYYY-MM-DD.")
  String from;

  @Option(names = "--to", required = true, paramLabel = "DATE", description = "Last local date (inclusive), YYYY-MM-DD.")
  String to;

  @Option(names = "--tz", paramLabel = "ZONE", defaultValue = "UTC",
      description = "IANA time zone of the dates and time buckets, such as Europe/Madrid (default: ${DEFAULT-VALUE}).")
  String tz;

  @Option(names = "--where", paramLabel = "DIM=V[,V...]",
      description = "Keep only data where DIM is any of the values; repeatable (all must hold). Customer attributes"
          + " take numeric ranges: --where age=55..70.")
  List<String> where = new ArrayList<>();

  @Option(names = "--business-hours", paramLabel = "NAME",
      description = "Measure frt_* and resolution_time_* in the business time of this calendar (settings file).")
  String businessHours;

  KpiQuery query(CommandLine cli, List<Kpi> kpis) {
    LocalDate f = date(cli, "--from", from);
    LocalDate t = date(cli, "--to", to);
    if (t.isBefore(f)) {
      throw new ParameterException(cli, "--to (" + t + ") is before --from (" + f + "); give --to on or after --from.");
    }
    List<Filter> filters = new ArrayList<>();
    for (String w : where) {
      try {
        filters.add(Filter.parse(w));
      } catch (YardstickException e) {
        throw new ParameterException(cli, "--where: " + e.getMessage());
      }
    }
    return new KpiQuery(f, t, zone(cli), kpis, List.of(), filters, false, businessHours);
  }

  static List<Dimension> dimensions(CommandLine cli, String option, List<String> names) {
    List<Dimension> dims = new ArrayList<>();
    for (String n : names == null ? List.<String>of() : names) {
      try {
        dims.add(Dimension.of(n));
      } catch (YardstickException e) {
        throw new ParameterException(cli, option + ": " + e.getMessage());
      }
    }
    return dims;
  }

  private static LocalDate date(CommandLine cli, String option, String text) {
    try {
      return LocalDate.parse(text.strip());
    } catch (DateTimeParseException e) {
      throw new ParameterException(cli, option + ": '" + text + "' is not a date; expected YYYY-MM-DD, such as 2026-03-01.");
    }
  }

  private ZoneId zone(CommandLine cli) {
    try {
      ZoneId z = ZoneId.of(tz.strip());
      return z.normalized().equals(java.time.ZoneOffset.UTC) ? ZoneId.of("UTC") : z;
    } catch (DateTimeException e) {
      throw new ParameterException(cli,
          "--tz: '" + tz + "' is not a time zone; expected an IANA name such as Europe/Madrid, America/New_York or UTC.");
    }
  }
}
