package org.seqcast.data;

import org.seqcast.config.SeqcastConfig;

/** Resolves the keys whose default follows the data ({@code window.horizon: auto}) once the series is read. */
public final class AutoDefaults {
    private AutoDefaults() {
    }

    /** The horizon {@code auto} means for a series of this frequency and length: {@link Frequency#defaultHorizon()}, at most rows / 5. */
    public static int horizon(Frequency f, int rows) {
        return Math.max(1, Math.min(f.defaultHorizon(), rows / 5));
    }

    /** {@code cfg} with {@code window.horizon: auto} replaced by the horizon for this frequency and length. */
    public static SeqcastConfig resolve(SeqcastConfig cfg, Frequency f, int rows) {
        if (!cfg.window().autoHorizon()) {
            return cfg;
        }
        return cfg.withWindow(cfg.window().withHorizon(horizon(f, rows)));
    }
}
