package org.seqcast.config;

/**
 * The {@code training} section.
 *
 * @param epochs maximum passes over the training windows
 * @param batchSize windows per gradient step
 * @param learningRate Adam learning rate, greater than 0, or empty for auto ({@link #learningRateFor})
 * @param validation fraction of the series held out at its end, in (0, 0.9]
 * @param patience epochs without improvement before stopping; 0 disables early stopping
 * @param seed random seed
 * @param ensemble number of models averaged
 * @param refit after early stopping, train again from scratch on all windows (validation included) for the best epoch count
 * @param engine what runs the training math (recorded in the model's provenance)
 */
public record TrainingConfig(int epochs, int batchSize, java.util.OptionalDouble learningRate, double validation, int patience, long seed,
        int ensemble, boolean refit, Engine engine) {

    public TrainingConfig {
        ConfigSchema.check(TrainingConfig.class, epochs, batchSize, learningRate, validation, patience, seed, ensemble, refit, engine);
    }

    /** The learning rate auto gives: {@value}. */
    public static final double AUTO_RATE = 0.001;
    /** The learning rate auto gives a network whose windows reach into the forecast period: {@value}. */
    public static final double AUTO_RATE_AHEAD = 0.002;

    /** The learning rate: as set, or for auto {@value #AUTO_RATE}, and {@value #AUTO_RATE_AHEAD} for windows into the forecast period. */
    public double learningRateFor(boolean ahead) {
        return learningRate.orElse(ahead ? AUTO_RATE_AHEAD : AUTO_RATE);
    }

    /** True when training stops early after {@link #patience} epochs without improvement. */
    public boolean earlyStopping() {
        return patience > 0;
    }
}
