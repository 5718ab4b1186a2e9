/**
 * What a trained model is and how it forecasts: {@link org.seqcast.forecast.ModelBundle} (config, schema, network,
 * members, preprocessor, intervals, {@link org.seqcast.forecast.Provenance}), the one forecasting-method seam
 * {@link org.seqcast.forecast.ForecastMethod} (implemented by the network's {@link org.seqcast.forecast.Forecaster}
 * and by the baselines), the {@link org.seqcast.forecast.Method} keys of every score, and forecasts with their CSV
 * form. Entry point: {@code new Forecaster(bundle).forecast(series)}.
 */
package org.seqcast.forecast;
