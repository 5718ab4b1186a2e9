/**
 * Value transforms between raw columns and network inputs/outputs, fitted on training rows only and inverted on every
 * forecast ({@link org.seqcast.transform.Preprocessor}: log of the targets, {@link org.seqcast.transform.ColumnScaler},
 * per-window levels). For runs over many series: level-only log units, classical multiplicative seasonal indices
 * ({@link org.seqcast.transform.SeasonalIndex}) and SES levels ({@link org.seqcast.transform.Ses}); for hourly data:
 * windows that reach into the forecast period with seasonal lags, known inputs and residuals from a seasonal naive
 * forecast ({@link org.seqcast.transform.Ahead}).
 */
package org.seqcast.transform;
