package org.seqcast.config;

/** {@code forecast.combine}: whether the point forecast is the network's alone or its mean with automatic ETS. */
public enum Combine implements Choice {
    /** ETS combined, except for models whose windows reach into the forecast period (known inputs, seasonal lags). */
    AUTO,
    /** The network's forecast alone. */
    NONE,
    /** The equal-weight mean of the network's and automatic exponential smoothing's forecasts (eval.Ets). */
    ETS;

    @Override
    public String key() {
        return Choice.lower(this);
    }
}
