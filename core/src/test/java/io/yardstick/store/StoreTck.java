package io.yardstick.store;

import io.yardstick.alert.SlaAlertKit;
import io.yardstick.event.EventIngestionKit;
import io.yardstick.forecast.ForecasterKit;
import io.yardstick.forecast.SpecialDaysKit;
import io.yardstick.goal.GoalStorageKit;
import io.yardstick.kpi.BacklogKpiKit;
import io.yardstick.kpi.KpiAgreementKit;
import io.yardstick.kpi.KpiFixtureKit;
import io.yardstick.kpi.rollup.RollupsKit;
import io.yardstick.report.ReportKit;
import io.yardstick.sla.SlaKpiKit;
import io.yardstick.staffing.StaffingHistoryKit;
import io.yardstick.survey.SurveysKit;
import org.junit.jupiter.api.Nested;

/**
 * Everything a store must do, as Micrometer's {@code MeterRegistryCompatibilityKit}: a store is
 * tested by extending this class once and saying how to open a new, empty store of its kind ({@link
 * DuckDbStoreTck}, {@link PostgresStoreTck}). Each feature's abstract tests are a {@link StoreKit}
 * in the feature's own package, nested here in one line; a new kit joins every store by that line,
 * a new store gets every kit by one subclass (docs/architecture.md).
 *
 * <p>Tests that only one store can have (a DuckDB file reopened, PostgreSQL's rules) are
 * {@code @Nested} classes of that store's subclass.
 */
public abstract class StoreTck {
  /** A new, empty store: a new file or database for each call. */
  protected abstract Store newStore() throws Exception;

  // One line per kit; the class names are what Surefire reports (DuckDbStoreTck$KpiFixtures...).
  @Nested
  class Compatibility extends StoreCompatibilityKit {}

  @Nested
  class KpiFixtures extends KpiFixtureKit {}

  @Nested
  class KpiAgreement extends KpiAgreementKit {}

  @Nested
  class Events extends EventIngestionKit {}

  @Nested
  class Forecasts extends ForecasterKit {}

  @Nested
  class SpecialDays extends SpecialDaysKit {}

  @Nested
  class Goals extends GoalStorageKit {}

  @Nested
  class StaffingHistory extends StaffingHistoryKit {}

  @Nested
  class Reports extends ReportKit {}

  @Nested
  class Surveys extends SurveysKit {}

  @Nested
  class Backlog extends BacklogKpiKit {}

  @Nested
  class Tickets extends TicketStoreKit {}

  @Nested
  class Sla extends SlaKpiKit {}

  @Nested
  class Rollups extends RollupsKit {}

  @Nested
  class SlaAlerts extends SlaAlertKit {}
}
