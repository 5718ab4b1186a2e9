package org.seqcast.config;

import java.util.Locale;
import org.seqcast.SeqcastException;

/**
 * The JVM properties {@code -Dseqcast.global.*} that rerun the many-series design measurements of
 * {@code bench/RESULTS.md} and {@code docs/config.md}: each turns one choice of the many-series defaults back to the
 * alternative it was measured against. They are not config keys (a model does not record them); they are read once,
 * here, and a bad value is a usage error naming the property.
 */
public final class DesignSwitches {
    private static final String LOSS = prop("loss");
    private static final String SCALE = prop("scale");
    private static final String DESEASON = prop("deseason");
    private static final String LEVEL = prop("level");
    private static final String UNIT = prop("unit");
    private static final String HISTORY = prop("history");

    private DesignSwitches() {
    }

    private static String prop(String name) {
        String v = System.getProperty("seqcast.global." + name);
        return v == null ? null : v.strip().toLowerCase(Locale.ROOT);
    }

    /** {@code seqcast.global.loss=mse}: squared error instead of MAE over many series. */
    public static boolean mseLoss() {
        return "mse".equals(LOSS);
    }

    /** {@code seqcast.global.scale=series}: each series standardised by its own statistics instead of level-only log units. */
    public static boolean seriesScale() {
        return "series".equals(SCALE);
    }

    /** {@code seqcast.global.deseason=off}: seasonal series are not deseasonalised. */
    public static boolean noDeseason() {
        return "off".equals(DESEASON);
    }

    /** {@code seqcast.global.level=ses}: windows relative to their SES level instead of their last value. */
    public static boolean sesLevel() {
        return "ses".equals(LEVEL);
    }

    /** {@code seqcast.global.unit}: the scale of log units over many series (default 1). */
    public static double logUnit() {
        if (UNIT == null) {
            return 1;
        }
        try {
            double u = Double.parseDouble(UNIT);
            if (u > 0 && Double.isFinite(u)) {
                return u;
            }
        } catch (NumberFormatException e) {
            // the error below
        }
        throw SeqcastException.config("Invalid -Dseqcast.global.unit = '" + UNIT + "'; give a number > 0 (or leave it out)");
    }

    /** {@code seqcast.global.history}: rows each series trains on over many series (0 = all), or -1 when not set. */
    public static int historyRows() {
        if (HISTORY == null) {
            return -1;
        }
        try {
            return Math.max(0, Integer.parseInt(HISTORY));
        } catch (NumberFormatException e) {
            throw SeqcastException.config("Invalid -Dseqcast.global.history = '" + HISTORY + "'; give a whole number of rows (0 = all)");
        }
    }
}
