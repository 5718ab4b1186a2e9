package org.seqcast.eval;

/**
 * The error measures of one set of forecasts against actuals: MAE, RMSE, MAPE (NaN when an actual is 0),
 * sMAPE (M4, 0..200) and MASE (MAE over the seasonal-naive in-sample MAE given as {@code scale}).
 */
public record Scores(double mae, double rmse, double mape, double smape, double mase) {

    public static Scores of(double[] actual, double[] forecast, double scale) {
        double mae = Metrics.mae(actual, forecast);
        return new Scores(mae, Metrics.rmse(actual, forecast), Metrics.mape(actual, forecast), Metrics.smape(actual, forecast),
                scale > 0 ? mae / scale : Double.NaN);
    }
}
