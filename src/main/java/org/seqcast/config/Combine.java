package org.seqcast.config;

/** {@code forecast.combine}: whether the point forecast is the network's alone or its mean with automatic ETS. */
public enum Combine implements Choice {
    /** ETS combined in runs over many series (batch --global), the network alone in a run over one series. */
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
