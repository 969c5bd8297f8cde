package io.yardstick.cli;

import io.yardstick.YardstickException;
import io.yardstick.kpi.Dimension;
import io.yardstick.kpi.Filter;
import io.yardstick.kpi.Kpi;
import io.yardstick.kpi.KpiQuery;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** The period, zone and filters every reporting command shares (kpi, consistency, topics). */
final class QueryOptions {
  @Option(
      names = "--from",
      required = true,
      paramLabel = "DATE",
      description = "First local date, YYYY-MM-DD.")
  LocalDate from;

  @Option(
      names = "--to",
      required = true,
      paramLabel = "DATE",
      description = "Last local date (inclusive), YYYY-MM-DD.")
  LocalDate to;

  @Option(
      names = "--tz",
      paramLabel = "ZONE",
      defaultValue = "UTC",
      description =
          "IANA time zone of the dates and time buckets, such as Europe/Madrid (default: ${DEFAULT-VALUE}).")
  ZoneId tz;

  @Option(
      names = "--where",
      paramLabel = "DIM=V[,V...]",
      description =
          "Keep only data where DIM is any of the values; repeatable (all must hold). Customer attributes"
              + " take numeric ranges: --where age=55..70; help-desk tickets their priority and tag:"
              + " --where priority=urgent, --where tag=vip.")
  List<String> where = new ArrayList<>();

  @Option(
      names = "--business-hours",
      paramLabel = "NAME",
      description =
          "Measure frt_* and resolution_time_* in the business time of this calendar (settings file).")
  String businessHours;

  KpiQuery query(CommandLine cli, List<Kpi> kpis) {
    LocalDate f = from;
    LocalDate t = to;
    try {
      KpiQuery.checkDays(f, t);
    } catch (YardstickException e) {
      throw new ParameterException(cli, Main.message(e));
    }
    if (t.isBefore(f)) {
      throw new ParameterException(
          cli, "--to (" + t + ") is before --from (" + f + "); give --to on or after --from.");
    }
    List<Filter> filters = new ArrayList<>();
    for (String w : where) {
      try {
        filters.add(Filter.parse(w));
      } catch (YardstickException e) {
        throw new ParameterException(cli, "--where: " + Main.message(e));
      }
    }
    return new KpiQuery(f, t, tz, kpis, List.of(), filters, false, businessHours);
  }

  static List<Dimension> dimensions(CommandLine cli, String option, List<String> names) {
    List<Dimension> dims = new ArrayList<>();
    for (String n : names == null ? List.<String>of() : names) {
      try {
        dims.add(Dimension.of(n));
      } catch (YardstickException e) {
        throw new ParameterException(cli, option + ": " + Main.message(e));
      }
    }
    return dims;
  }
}
