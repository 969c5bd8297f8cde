package io.yardstick.forecast;

/**
 * How close forecasts came to what happened, over n points (intervals or days):
 *
 * <pre>
 * wape = 100 * sum |a - f| / sum a          (weighted absolute percentage error, % of the volume)
 * mape = 100 * mean over a > 0 of |a - f| / a   (points with no contacts are left out: their error is undefined)
 * bias = 100 * sum (f - a) / sum a          (positive: the forecast was too high)
 * </pre>
 *
 * Each is null when undefined (no volume; for MAPE, no point with contacts).
 *
 * @param points the number of points compared
 * @param actual the total actual volume
 * @param forecast the total forecast volume
 */
public record Accuracy(
    Double wape, Double mape, Double bias, long points, double actual, double forecast) {
  /** The accuracy of forecasts {@code f} against actuals {@code a}, skipping NaN pairs. */
  public static Accuracy of(double[] a, double[] f) {
    Builder b = new Builder();
    for (int i = 0; i < a.length; i++) {
      b.add(a[i], f[i]);
    }
    return b.build();
  }

  /** Accumulates pairs of actual and forecast values. */
  public static final class Builder {
    private long n;
    private double sumActual;
    private double sumForecast;
    private double sumAbs;
    private double sumApe;
    private long nApe;

    public Builder add(double actual, double forecast) {
      if (Double.isNaN(actual) || Double.isNaN(forecast)) return this;
      n++;
      sumActual += actual;
      sumForecast += forecast;
      sumAbs += Math.abs(actual - forecast);
      if (actual > 0) {
        sumApe += Math.abs(actual - forecast) / actual;
        nApe++;
      }
      return this;
    }

    public Accuracy build() {
      Double wape = sumActual > 0 ? 100 * sumAbs / sumActual : null;
      Double bias = sumActual > 0 ? 100 * (sumForecast - sumActual) / sumActual : null;
      Double mape = nApe > 0 ? 100 * sumApe / nApe : null;
      return new Accuracy(wape, mape, bias, n, sumActual, sumForecast);
    }
  }
}
