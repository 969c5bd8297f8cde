package io.yardstick.spark;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.yardstick.Parse;
import io.yardstick.YardstickException;
import io.yardstick.kpi.KpiEngine;
import io.yardstick.kpi.KpiJson;
import io.yardstick.kpi.KpiQuery;
import io.yardstick.kpi.KpiResult;
import io.yardstick.store.Store;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The batch entry point for schedulers: computes KPIs over a period from a Spark store and writes
 * the result as the CLI's and the API's JSON.
 *
 * <pre>
 * spark-submit --class io.yardstick.spark.BatchReport yardstick-spark.jar \
 *   --db 'spark:yarn?path=s3a://bucket/lake&amp;meta=/tmp/meta.duckdb' \
 *   --kpi aht,abandonment_rate --from 2026-03-01 --to 2026-03-31 --tz Europe/Madrid --out report.json
 * </pre>
 *
 * Exit codes as the CLI's: 0 done, 1 failure, 2 bad usage.
 */
public final class BatchReport {
  private BatchReport() {}

  public static void main(String[] args) {
    System.exit(run(args));
  }

  static int run(String[] args) {
    Map<String, String> opts = new LinkedHashMap<>();
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if (!a.startsWith("--") || i + 1 >= args.length) {
        System.err.println(usage("'" + a + "' needs a value, as --name VALUE"));
        return 2;
      }
      opts.put(a.substring(2), args[++i]);
    }
    for (String required : new String[] {"db", "kpi", "from", "to", "out"}) {
      if (!opts.containsKey(required)) {
        System.err.println(usage("--" + required + " is missing"));
        return 2;
      }
    }
    try {
      LocalDate from = Parse.date(opts.get("from"));
      LocalDate to = Parse.date(opts.get("to"));
      Parse.period(from, to);
      ZoneId zone = Parse.zone(opts.getOrDefault("tz", "UTC"));
      KpiQuery query = KpiQuery.of(from, to, zone).withKpis(Parse.kpis(opts.get("kpi")));
      KpiResult result;
      try (Store store = Store.open(opts.get("db"))) {
        result = new KpiEngine(store).compute(query);
      }
      new ObjectMapper()
          .writerWithDefaultPrettyPrinter()
          .writeValue(Files.newBufferedWriter(Path.of(opts.get("out"))), KpiJson.result(result));
      System.out.println("Wrote " + opts.get("out") + ".");
      return 0;
    } catch (YardstickException e) {
      System.err.println(e.getMessage());
      return 1;
    } catch (java.io.IOException e) {
      System.err.println("Cannot write " + opts.get("out") + ": " + e.getMessage());
      return 1;
    }
  }

  private static String usage(String why) {
    return "BatchReport: "
        + why
        + ". Usage: --db LOCATION --kpi ID[,ID...] --from DATE --to DATE [--tz ZONE] --out FILE.json";
  }
}
