package org.seqcast.config;

/**
 * The {@code window} section: how the series is cut into training examples.
 *
 * @param timesteps input steps per example, or empty to choose from the season and the series length
 * @param horizon steps to forecast, or empty to follow the frequency of the data
 * @param stride steps between consecutive example starts
 * @param seasonalLags the values one period earlier (per period of the season) as inputs; auto: for periods over 32 steps
 */
public record WindowConfig(java.util.OptionalInt timesteps, java.util.OptionalInt horizon, int stride, AutoFlag seasonalLags) {

    public WindowConfig {
        ConfigSchema.check(WindowConfig.class, timesteps, horizon, stride, seasonalLags);
    }

    /** Seasonal lags as the data say (auto). */
    public WindowConfig(java.util.OptionalInt timesteps, java.util.OptionalInt horizon, int stride) {
        this(timesteps, horizon, stride, AutoFlag.AUTO);
    }

    /** True when the horizon is to follow the data's frequency. */
    public boolean autoHorizon() {
        return horizon.isEmpty();
    }

    /**
     * The steps to forecast, once {@code window.horizon: auto} is resolved from the data
     * ({@code org.seqcast.data.AutoDefaults}).
     *
     * @throws IllegalStateException while it is still auto (a bug: every command resolves it after reading the data)
     */
    public int horizonSteps() {
        if (horizon.isEmpty()) {
            throw new IllegalStateException("window.horizon: auto is not resolved from the data yet");
        }
        return horizon.getAsInt();
    }

    /** The same window with another horizon. */
    public WindowConfig withHorizon(int h) {
        return new WindowConfig(timesteps, java.util.OptionalInt.of(h), stride, seasonalLags);
    }

    /** True when the window length is to be chosen automatically. */
    public boolean autoTimesteps() {
        return timesteps.isEmpty();
    }
}
