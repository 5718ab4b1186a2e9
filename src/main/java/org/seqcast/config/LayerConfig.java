package org.seqcast.config;

import java.util.OptionalInt;

/**
 * One element of {@code model.layers}.
 *
 * @param type the layer kind
 * @param units hidden units, at least 1, or empty for auto ({@link #unitsFor})
 * @param dropout fraction of inputs dropped in training, in [0, 1)
 * @param bidirectional whether the layer also reads the window backwards
 */
public record LayerConfig(LayerType type, OptionalInt units, double dropout, boolean bidirectional) {
    /** The units {@code auto} gives: {@value}. */
    public static final int AUTO_UNITS = 64;
    /** The units {@code auto} gives a network whose windows reach into the forecast period: {@value}. */
    public static final int AUTO_UNITS_AHEAD = 32;

    public LayerConfig {
        ConfigSchema.check(LayerConfig.class, type, units, dropout, bidirectional);
    }

    /** A layer of a fixed number of units. */
    public LayerConfig(LayerType type, int units, double dropout, boolean bidirectional) {
        this(type, OptionalInt.of(units), dropout, bidirectional);
    }

    /**
     * The units of this layer: as set, or for auto {@value #AUTO_UNITS}, and {@value #AUTO_UNITS_AHEAD} when the windows
     * reach into the forecast period ({@code ahead}: lookback + horizon rows, with seasonal lags or known inputs).
     */
    public int unitsFor(boolean ahead) {
        return units.orElse(ahead ? AUTO_UNITS_AHEAD : AUTO_UNITS);
    }
}
