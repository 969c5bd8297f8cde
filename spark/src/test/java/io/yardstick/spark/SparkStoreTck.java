package io.yardstick.spark;

import io.yardstick.store.Store;
import io.yardstick.store.StoreTck;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.io.TempDir;

/**
 * The kits of the {@link StoreTck} that concern KPIs and imports, on Spark {@code local[2]}: a new
 * lake (and small-tables file) for each store, one Spark session for the whole JVM. The kits left
 * out, each with its reason, are listed in {@link #LEFT_OUT} and in docs/scale-out.md.
 */
@ExtendWith(SparkStoreTck.LeftOut.class)
class SparkStoreTck extends StoreTck {
  @TempDir static Path dir;

  /** Kits (nested class names) and single tests (method names) that do not run on Spark. */
  static final Map<String, String> LEFT_OUT =
      Map.ofEntries(
          Map.entry(
              "Events",
              "live events write contacts and their event ids in one transaction of one database"),
          Map.entry(
              "Forecasts",
              "the forecaster reads its history with DuckDB/PostgreSQL SQL of its own (AT TIME ZONE)"),
          Map.entry("SpecialDays", "as Forecasts: history queries outside the KPI renderer"),
          Map.entry(
              "StaffingHistory",
              "staffing reads agent intervals with SQL outside the KPI renderer"),
          Map.entry("Reports", "reports need the server's mail test kit (GreenMail), not a store"),
          Map.entry("Surveys", "survey invitations are answered by SQL UPDATEs of record rows"),
          Map.entry("Sla", "SLA targets are refreshed by SQL over tickets outside the renderer"),
          Map.entry(
              "SlaAlerts",
              "SLA alert rules read the SLA targets, which a Spark store does not keep (see Sla)"),
          Map.entry(
              "Rollups",
              "rollups are kept on DuckDB and PostgreSQL only; a Spark store answers by a scan"),
          Map.entry(
              "a_store_wide_timeout_cancels_queries_without_their_own",
              "the kit's slow query is DuckDB's or PostgreSQL's SQL; SparkStoreTest cancels a slow"
                  + " Spark query"),
          Map.entry(
              "a_query_past_its_timeout_is_cancelled_and_says_so",
              "as above: SparkStoreTest has the Spark case"));

  @Override
  protected Store newStore() throws Exception {
    Path lake = Files.createTempDirectory(dir, "lake");
    return Store.open("spark:local[2]?path=" + lake);
  }

  /** Disables what {@link #LEFT_OUT} names, saying why (Surefire reports them as skipped). */
  static final class LeftOut implements ExecutionCondition {
    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
      String name =
          context
              .getTestMethod()
              .map(Method::getName)
              .orElse(context.getTestClass().map(Class::getSimpleName).orElse(""));
      String why = LEFT_OUT.get(name);
      // -Dyardstick.kits=KpiFixtures,KpiAgreement runs only those kits (while working on one).
      String only = System.getProperty("yardstick.kits", "");
      if (why == null && !only.isBlank() && context.getTestMethod().isEmpty()) {
        Class<?> c = context.getTestClass().orElse(null);
        if (c != null
            && c.getEnclosingClass() != null
            && !java.util.List.of(only.split(",")).contains(c.getSimpleName())) {
          return ConditionEvaluationResult.disabled("not among -Dyardstick.kits=" + only);
        }
      }
      return why == null
          ? ConditionEvaluationResult.enabled("runs on Spark")
          : ConditionEvaluationResult.disabled("Not on Spark: " + why);
    }
  }
}
