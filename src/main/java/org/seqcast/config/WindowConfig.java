package org.seqcast.config;

/**
 * The {@code window} section: how the series is cut into training examples.
 *
 * @param timesteps input steps per example, or 0 to choose from the season
 * @param horizon steps to forecast, or 0 to follow the frequency
 * @param stride steps between consecutive example starts
 */
public record WindowConfig(int timesteps, int horizon, int stride) {

    public WindowConfig {
        ConfigSchema.check(WindowConfig.class, timesteps, horizon, stride);
    }

    /** True when the horizon is to follow the data's frequency. */
    public boolean autoHorizon() {
        return horizon == 0;
    }

    /** The same window with another horizon. */
    public WindowConfig withHorizon(int h) {
        return new WindowConfig(timesteps, h, stride);
    }

    /** True when the window length is to be chosen automatically. */
    public boolean autoTimesteps() {
        return timesteps == 0;
    }
}
