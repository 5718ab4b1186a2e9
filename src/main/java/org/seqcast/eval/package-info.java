/**
 * The arithmetic of judging forecasts, free of any model: error measures ({@link org.seqcast.eval.Metrics},
 * {@link org.seqcast.eval.Scores}: MAE, RMSE, MAPE, sMAPE, MASE and its scale) and the baseline forecasts
 * ({@link org.seqcast.eval.Baselines}: naive, seasonal naive, drift, and the Theta method that forecasts a series too
 * short for a network). Only {@code backtest} applies them to forecasts.
 */
package org.seqcast.eval;
