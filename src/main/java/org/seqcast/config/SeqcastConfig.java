package org.seqcast.config;

import org.seqcast.SeqcastException;

/**
 * The whole, validated configuration: one record per YAML section. Build it with {@link ConfigLoader};
 * the keys, defaults and constraints are in {@link ConfigSchema}.
 */
public record SeqcastConfig(DataConfig data, WindowConfig window, TransformConfig transform, ModelConfig model,
        TrainingConfig training, ForecastConfig forecast) {

    public SeqcastConfig {
        ConfigSchema.check(SeqcastConfig.class, data, window, transform, model, training, forecast);
        if (forecast.recursive() && !data.features().isEmpty()) {
            throw new IllegalArgumentException("forecast.strategy: recursive feeds forecasts back as inputs, so it cannot take "
                    + "data.features " + data.features() + " (their future values are unknown); use forecast.strategy: direct");
        }
        if (forecast.recursive() && (!data.known().isEmpty() || window.seasonalLags() == AutoFlag.TRUE)) {
            throw new IllegalArgumentException("forecast.strategy: recursive forecasts one step at a time from past values, so it cannot take "
                    + (data.known().isEmpty() ? "window.seasonal_lags: true" : "data.known " + data.known())
                    + "; use forecast.strategy: direct");
        }
        if (transform.residual() == AutoFlag.TRUE && window.seasonalLags() == AutoFlag.FALSE) {
            throw new IllegalArgumentException("transform.residual: true needs the seasonal lags it is a residual from; set "
                    + "window.seasonal_lags: true or auto, or transform.residual: false");
        }
        if (forecast.recursive() && forecast.shrink()) {
            throw new IllegalArgumentException("forecast.strategy: recursive cannot be combined with forecast.shrink, which "
                    + "works on direct forecasts only; set forecast.shrink: false or forecast.strategy: direct");
        }
    }

    /** The same config with another window section. */
    public SeqcastConfig withWindow(WindowConfig w) {
        return new SeqcastConfig(data, w, transform, model, training, forecast);
    }

    /** The same config with another data section. */
    public SeqcastConfig withData(DataConfig d) {
        return new SeqcastConfig(d, window, transform, model, training, forecast);
    }

    /** Every key at its default (no data file, time column or target yet). */
    public static SeqcastConfig defaults() {
        return ConfigSchema.defaults();
    }

    /**
     * Checks that the keys without default are set, for commands that read data.
     *
     * @throws SeqcastException (config) naming the first missing key and how to give it
     */
    public void requireData() {
        if (data.path() == null) {
            throw missing("data.path", "FILE");
        }
        if (data.timeColumn() == null) {
            throw missing("data.time_column", "COLUMN");
        }
        if (data.target().isEmpty()) {
            throw missing("data.target", "COLUMN (or [COLUMN1,COLUMN2])");
        }
    }

    private static SeqcastException missing(String key, String example) {
        return SeqcastException.config(key + " is not set; give it in the config file or with --set " + key + "=" + example);
    }
}
