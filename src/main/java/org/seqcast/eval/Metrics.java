package org.seqcast.eval;

/**
 * Point-forecast error measures. Arrays are aligned: {@code actual[i]} against {@code forecast[i]}.
 * Non-finite pairs are an error, not silently skipped.
 */
public final class Metrics {
    private Metrics() {
    }

    public static double mae(double[] actual, double[] forecast) {
        check(actual, forecast);
        double s = 0;
        for (int i = 0; i < actual.length; i++) {
            s += Math.abs(actual[i] - forecast[i]);
        }
        return s / actual.length;
    }

    public static double rmse(double[] actual, double[] forecast) {
        check(actual, forecast);
        double s = 0;
        for (int i = 0; i < actual.length; i++) {
            double d = actual[i] - forecast[i];
            s += d * d;
        }
        return Math.sqrt(s / actual.length);
    }

    /** Mean absolute percentage error in percent; NaN when an actual value is 0. */
    public static double mape(double[] actual, double[] forecast) {
        check(actual, forecast);
        double s = 0;
        for (int i = 0; i < actual.length; i++) {
            if (actual[i] == 0) {
                return Double.NaN;
            }
            s += Math.abs((actual[i] - forecast[i]) / actual[i]);
        }
        return 100 * s / actual.length;
    }

    /** Symmetric MAPE, M4 definition: mean of 200|y - f| / (|y| + |f|), in 0..200 (a 0/0 term counts 0). */
    public static double smape(double[] actual, double[] forecast) {
        check(actual, forecast);
        double s = 0;
        for (int i = 0; i < actual.length; i++) {
            double den = Math.abs(actual[i]) + Math.abs(forecast[i]);
            s += den == 0 ? 0 : 200 * Math.abs(actual[i] - forecast[i]) / den;
        }
        return s / actual.length;
    }

    /**
     * Mean absolute scaled error: MAE over the forecast divided by the in-sample MAE of the seasonal
     * naive forecast with lag {@code season} on {@code insample} (lag 1 when season is 1).
     */
    public static double mase(double[] actual, double[] forecast, double[] insample, int season) {
        return mae(actual, forecast) / seasonalNaiveScale(insample, season);
    }

    /**
     * The MASE denominator of seqcast (and of the M competitions): the in-sample MAE of the seasonal naive
     * forecast with lag {@code season}, or lag 1 when the history is not longer than a season; NaN when the
     * history has fewer than two values or is constant (nothing to scale by).
     */
    public static double maseScale(double[] history, int season) {
        int m = history.length > season ? season : 1;
        if (history.length <= m) {
            return Double.NaN;
        }
        double s = seasonalNaiveScale(history, m);
        return s > 0 ? s : Double.NaN;
    }

    /** In-sample MAE of the seasonal naive forecast: mean |y[t] - y[t - m]|. */
    public static double seasonalNaiveScale(double[] insample, int season) {
        if (season < 1) {
            throw new IllegalArgumentException("Invalid season = " + season);
        }
        if (insample.length <= season) {
            throw new IllegalArgumentException("Invalid in-sample length = " + insample.length + " for season = " + season);
        }
        double s = 0;
        for (int t = season; t < insample.length; t++) {
            s += Math.abs(insample[t] - insample[t - season]);
        }
        return s / (insample.length - season);
    }

    private static void check(double[] actual, double[] forecast) {
        if (actual.length != forecast.length) {
            throw new IllegalArgumentException("Invalid lengths: actual = " + actual.length + ", forecast = " + forecast.length);
        }
        if (actual.length == 0) {
            throw new IllegalArgumentException("Invalid length = 0");
        }
        for (int i = 0; i < actual.length; i++) {
            if (!Double.isFinite(actual[i]) || !Double.isFinite(forecast[i])) {
                throw new IllegalArgumentException("Invalid pair at " + i + ": actual = " + actual[i] + ", forecast = " + forecast[i]);
            }
        }
    }
}
