package org.seqcast.config;

/** {@code forecast.strategy}: how the network produces the horizon. */
public enum Strategy implements Choice {
    /** The network outputs every horizon step at once. */
    DIRECT,
    /** The network outputs the next step; its forecast is fed back as the newest input, horizon times. */
    RECURSIVE;

    @Override
    public String key() {
        return Choice.lower(this);
    }
}
