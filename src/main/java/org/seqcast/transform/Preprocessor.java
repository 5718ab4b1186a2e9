package org.seqcast.transform;

import java.util.Arrays;
import java.util.Locale;
import org.seqcast.SeqcastException;
import org.seqcast.config.TargetTransform;
import org.seqcast.window.WindowSpec;
import org.seqcast.window.Windows;

/**
 * The value transforms between raw columns and network inputs/outputs, fitted on training rows only:
 * an optional log of the targets, a per-column standard scaler, and optional per-window
 * normalisation (each window's targets and target inputs taken relative to the window's last input
 * value, its "level"). Targets are the first {@code targets} columns. With {@link Ahead} the windows reach into
 * the forecast period (known inputs, seasonal lags, residuals from a seasonal naive forecast).
 *
 * @param ahead the layout of windows that reach into the forecast period, or null for ordinary windows
 */
public record Preprocessor(boolean log, boolean windowNorm, int targets, ColumnScaler scaler, Ahead ahead) {

    /**
     * A network input window, the level of each target it was taken relative to, and for windows that reach into
     * the forecast period the base of each output [step][target] in transformed units (null otherwise).
     */
    public record Input(float[][] x, float[] level, double[][] base) {
        public Input(float[][] x, float[] level) {
            this(x, level, null);
        }
    }

    public Preprocessor {
        if (targets < 1 || targets > scaler.columns()) {
            throw new IllegalArgumentException("Invalid targets = " + targets + " of " + scaler.columns() + " columns");
        }
        if (ahead != null && ahead.columns(targets) != scaler.columns()) {
            throw new IllegalArgumentException("Invalid layout of " + ahead.columns(targets) + " columns for a scaler of " + scaler.columns());
        }
    }

    /** Ordinary windows (no forecast rows in them). */
    public Preprocessor(boolean log, boolean windowNorm, int targets, ColumnScaler scaler) {
        this(log, windowNorm, targets, scaler, null);
    }

    /** The same transforms with windows laid out by {@code a}. */
    public Preprocessor withAhead(Ahead a) {
        return new Preprocessor(log, windowNorm, targets, scaler, a);
    }

    /**
     * Fits on rows [0, fitRows) of the raw columns.
     *
     * @param mode log when every target value is positive ({@code AUTO}), always, or never
     */
    public static Preprocessor fit(double[][] raw, int targets, int fitRows, TargetTransform mode, boolean windowNorm, String source) {
        boolean positive = true;
        for (int c = 0; c < targets; c++) {
            for (double v : raw[c]) {
                positive &= v > 0;
            }
        }
        boolean log = switch (mode) {
            case LOG -> {
                if (!positive) {
                    throw SeqcastException.data(source + ": transform.target is log but a target has values <= 0; use transform.target: none");
                }
                yield true;
            }
            case NONE -> false;
            case AUTO -> positive;
        };
        double[][] t = logTargets(raw, targets, log, source);
        return new Preprocessor(log, windowNorm, targets, ColumnScaler.fit(t, fitRows));
    }

    private static double[][] logTargets(double[][] raw, int targets, boolean log, String source) {
        if (!log) {
            return raw;
        }
        double[][] t = raw.clone();
        for (int c = 0; c < targets; c++) {
            t[c] = new double[raw[c].length];
            for (int i = 0; i < t[c].length; i++) {
                double v = raw[c][i];
                if (!(v > 0)) {
                    throw SeqcastException.data(String.format(Locale.ROOT, "%s: row %d has target value %s; the model takes logs of its targets "
                            + "and needs values > 0", source, i + 1, v));
                }
                t[c][i] = Math.log(v);
            }
        }
        return t;
    }

    /** Raw columns to the scaled space the network sees (before window normalisation). */
    public double[][] apply(double[][] raw, String source) {
        if (raw.length != scaler.columns()) {
            throw new IllegalArgumentException("Invalid columns = " + raw.length + ", expected " + scaler.columns());
        }
        return scaler.transform(logTargets(raw, targets, log, source));
    }

    /**
     * Windows [from, to) of the transformed columns, normalised per window when configured. With {@link Ahead}, the
     * spec's windows are counted over the rows after the first {@link Ahead#history()} (which only feed lags), and
     * each window ends {@code horizon} rows into what it forecasts.
     */
    public Windows windows(double[][] transformed, WindowSpec spec, int from, int to) {
        if (ahead != null) {
            int[] origins = new int[Math.max(0, to - from)];
            for (int i = 0; i < origins.length; i++) {
                origins[i] = origin(spec, transformed[0].length, from + i);
            }
            return ahead.windows(transformed, targets, spec.timesteps(), windowNorm, origins);
        }
        Windows w = Windows.cut(transformed, Arrays.copyOf(transformed, targets), spec, from, to);
        if (windowNorm) {
            int t = spec.timesteps();
            for (int s = 0; s < w.size(); s++) {
                float[][] x = w.input(s);
                float[] y = w.target(s);
                for (int c = 0; c < targets; c++) {
                    float level = x[c][t - 1];
                    for (int i = 0; i < t; i++) {
                        x[c][i] -= level;
                    }
                    for (int step = 0; step < spec.horizon(); step++) {
                        y[step * targets + c] -= level;
                    }
                }
            }
        }
        return w;
    }

    /** With {@link Ahead}: the first forecast row of window {@code k} of {@code spec} over {@code rows} rows. */
    public int origin(WindowSpec spec, int rows, int k) {
        int offset = ahead == null ? 0 : ahead.history();
        return offset + spec.start(rows - offset, k) + spec.timesteps();
    }

    /**
     * With {@link Ahead}: the input whose first forecast row is {@code origin} of transformed columns that hold the
     * known columns up to {@code origin + horizon - 1} (targets and features there are not read).
     */
    public Input aheadInput(double[][] transformed, int origin, int timesteps) {
        float[] level = new float[targets];
        float[][] x = ahead.inputs(transformed, targets, timesteps, windowNorm, origin, level);
        return new Input(x, level, ahead.base(transformed, targets, origin, level));
    }

    /** The window starting at row {@code start}, ready for the network. */
    public Input input(double[][] transformed, int start, int timesteps) {
        float[][] x = new float[transformed.length][timesteps];
        for (int c = 0; c < transformed.length; c++) {
            for (int i = 0; i < timesteps; i++) {
                x[c][i] = (float) transformed[c][start + i];
            }
        }
        float[] level = new float[targets];
        if (windowNorm) {
            for (int c = 0; c < targets; c++) {
                level[c] = x[c][timesteps - 1];
                for (int i = 0; i < timesteps; i++) {
                    x[c][i] -= level[c];
                }
            }
        }
        return new Input(x, level);
    }

    /** The most recent window of the transformed columns. */
    public Input last(double[][] transformed, int timesteps) {
        int rows = transformed[0].length;
        if (rows < timesteps) {
            throw new IllegalArgumentException("Invalid rows = " + rows + " for timesteps = " + timesteps);
        }
        return input(transformed, rows - timesteps, timesteps);
    }

    /** A network output for target {@code c} at horizon step {@code step} of input {@code in}, back in original units. */
    public double invert(int c, double output, Input in, int step) {
        if (in.base() == null) {
            return invert(c, output, in.level()[c]);
        }
        double v = scaler.inverse(c, output + in.base()[step][c]);
        return log ? Math.exp(v) : v;
    }

    /** A network output for target {@code c}, back in original units. */
    public double invert(int c, double output, float level) {
        double v = scaler.inverse(c, output + (windowNorm ? level : 0));
        return log ? Math.exp(v) : v;
    }
}
