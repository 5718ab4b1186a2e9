package org.seqcast.config;

/**
 * The {@code window} section: how the series is cut into training examples.
 *
 * @param timesteps input steps per example, or empty to choose from the season and the series length
 * @param horizon steps to forecast
 * @param stride steps between consecutive example starts
 */
public record WindowConfig(java.util.OptionalInt timesteps, int horizon, int stride) {

    public WindowConfig {
        ConfigSchema.check(WindowConfig.class, timesteps, horizon, stride);
    }

    /** True when the window length is to be chosen automatically. */
    public boolean autoTimesteps() {
        return timesteps.isEmpty();
    }
}
