/**
 * The one training pipeline, in named stages: {@link org.seqcast.train.Plan} resolves every {@code auto} of the
 * config against the data once; {@link org.seqcast.train.PreparedSeries} makes one series ready (raw and
 * transformed columns, split, fitted preprocessor, windows, validation origins); {@link org.seqcast.train.Fitter}
 * trains the ensemble (early stopping, refit, seeds, members in parallel) on one or many prepared series; the
 * validation forecasts are scored through {@code backtest.HistoricalForecasts}; {@link org.seqcast.train.TrainReport}
 * records what was decided and measured. Entry point: {@link org.seqcast.train.TrainJob#run}, for one series
 * ({@code train}, {@code backtest}, per-series {@code batch}) or many ({@code --global}); {@link org.seqcast.train.Trainer}
 * is the minibatch loop under it. {@link org.seqcast.train.SavedModels} turns a saved model of any kind into a forecast of
 * a given history (a global model fits the series' preprocessor with the training run's own code).
 */
package org.seqcast.train;
