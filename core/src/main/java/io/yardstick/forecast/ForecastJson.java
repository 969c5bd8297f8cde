package io.yardstick.forecast;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** JSON shapes of a forecast shared by the CLI and the HTTP API (maps and lists for any JSON writer). */
public final class ForecastJson {
  private ForecastJson() {}

  /** The rolling-origin backtest: origins, horizon and each model's WAPE, MAPE and bias, the chosen one marked. */
  public static Map<String, Object> backtest(Forecast f) {
    Map<String, Object> bt = new LinkedHashMap<>();
    bt.put("origins", f.origins());
    bt.put("horizon_intervals", f.backtestIntervals());
    List<Object> models = new ArrayList<>();
    for (SeriesForecaster.Score s : f.scores()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("model", s.model().id());
      m.put("chosen", s.chosen());
      m.put("wape", s.intervals().wape());
      m.put("mape", s.intervals().mape());
      m.put("bias", s.intervals().bias());
      m.put("day_wape", s.days().wape());
      m.put("day_mape", s.days().mape());
      models.add(m);
    }
    bt.put("models", models);
    return bt;
  }
}
