package io.yardstick.forecast;

/**
 * The forecasting models Yardstick tries on each series; the backtest chooses one (see
 * docs/forecasting.md).
 */
public enum Model {
  /** The same interval one week before (a baseline; the reference under four weeks of history). */
  SEASONAL_NAIVE("seasonal_naive", "seasonal naive (same interval last week)"),
  /**
   * Holt-Winters with an additive season of one week of intervals (so the daily shape of each
   * weekday).
   */
  HOLT_WINTERS_ADDITIVE("holt_winters_additive", "Holt-Winters additive, weekly season"),
  /** Holt-Winters with a multiplicative season of one week; only for series without zero counts. */
  HOLT_WINTERS_MULTIPLICATIVE(
      "holt_winters_multiplicative", "Holt-Winters multiplicative, weekly season"),
  /**
   * Taylor's double seasonal exponential smoothing: a daily and a weekly additive season, no trend.
   */
  DOUBLE_SEASONAL("double_seasonal", "double seasonal smoothing (daily and weekly, Taylor 2003)"),
  /**
   * The mean of the same interval over the last four weeks (fewer when the history is shorter),
   * special days skipped: seasonal naive with less noise, and the reference a model must beat
   * beyond the backtest's noise to be chosen.
   */
  SEASONAL_MEAN("seasonal_mean", "mean of the same interval in the last 4 weeks"),
  /**
   * The mean of the forecasts of seasonal mean, Holt-Winters additive and double seasonal
   * smoothing: a combination (FPP3 section 13.4, "Forecast combinations"), chosen only when its
   * backtest wins.
   */
  COMBINED(
      "combined",
      "mean of seasonal mean, Holt-Winters additive and double seasonal (a combination)");

  private final String id;
  private final String description;

  Model(String id, String description) {
    this.id = id;
    this.description = description;
  }

  /** The stable snake_case id used in JSON, CSV and the stored forecasts. */
  public String id() {
    return id;
  }

  public String description() {
    return description;
  }

  /** The model of an id, or null. */
  public static Model ofId(String id) {
    for (Model m : values()) {
      if (m.id.equals(id)) return m;
    }
    return null;
  }
}
