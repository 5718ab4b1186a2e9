/**
 * What a trained model is and how it forecasts: {@link org.seqcast.forecast.ModelBundle} (config, schema, network,
 * members, preprocessor, intervals, {@link org.seqcast.forecast.Provenance}), the one forecasting-method seam
 * {@link org.seqcast.forecast.ForecastMethod} (implemented by the network's {@link org.seqcast.forecast.Forecaster}
 * and by the baselines), the {@link org.seqcast.forecast.Method} keys of every score, and forecasts with their CSV
 * form. A bundle is of one of three kinds ({@link org.seqcast.forecast.ModelBundle.Kind}): a network with its series'
 * fitted preprocessor, a global network with the {@link org.seqcast.forecast.Recipe} that fits any series' preprocessor
 * (and the {@link org.seqcast.forecast.TrainingSet} it learnt from), or a classical model (theta). A network's point
 * forecasts are the mean with {@code eval.Ets}' fitted on the same history when its provenance says
 * {@code combine: ets} ({@code forecast.combine}), inside the Forecaster, so every path sees the same forecast. Entry point:
 * {@code new Forecaster(bundle).forecast(series)}, or {@code train.SavedModels.forecaster(bundle)} for any kind.
 */
package org.seqcast.forecast;
