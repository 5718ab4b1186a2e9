/**
 * The arithmetic of judging forecasts, free of any network: error measures ({@link org.seqcast.eval.Metrics},
 * {@link org.seqcast.eval.Scores}: MAE, RMSE, MAPE, sMAPE, MASE and its scale) and the baseline forecasts
 * ({@link org.seqcast.eval.Baselines}: naive, seasonal naive, drift, and the Theta method that forecasts a series too
 * short for a network), and {@link org.seqcast.eval.Ets}, automatic exponential smoothing as R's {@code ets}, whose
 * forecasts {@code forecast.Forecaster} averages with the network's under {@code forecast.combine}. Only
 * {@code backtest} applies the measures and baselines to forecasts.
 */
package org.seqcast.eval;
