package org.seqcast.forecast;

import org.seqcast.data.TimeSeries;

/**
 * The one seam every way of forecasting goes through: the trained network ({@link Forecaster}) and
 * each baseline ({@code eval.BaselineMethod}). Given the history (oldest row first), forecast the
 * horizon after its last row. Historical forecasts, backtests, validation scoring and {@code predict}
 * all call this.
 */
public interface ForecastMethod {
    /** Which method this is (the key of its scores). */
    Method method();

    /** The steps after the last row of {@code history}, with whatever intervals the method has. */
    Forecast forecast(TimeSeries history);

    /**
     * The same with the rows that follow the history ({@code future}, possibly null): a method that reads inputs
     * known in advance takes them from there and must read nothing else of it. By default the future is ignored.
     */
    default Forecast forecast(TimeSeries history, TimeSeries future) {
        return forecast(history);
    }
}
