/**
 * Forecasts from past origins, scored: the historical-forecasts engine ({@link org.seqcast.backtest.HistoricalForecasts}:
 * origins, refit at every origin, once or never) that every scoring path of seqcast runs through, the baselines as
 * forecasting methods ({@link org.seqcast.backtest.BaselineMethod}), and the scoring of the folds per fold, step,
 * target and overall with interval coverage ({@link org.seqcast.backtest.Backtest}). Entry point:
 * {@code HistoricalForecasts.run}, then {@code Backtest.score}.
 */
package org.seqcast.backtest;
