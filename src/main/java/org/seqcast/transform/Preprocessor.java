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
public record Preprocessor(boolean log, boolean windowNorm, int targets, ColumnScaler scaler, double[][] seasonal, double[] alpha,
                           Ahead ahead) {

    /**
     * A network input window, the level of each target it was taken relative to, for windows that reach into the
     * forecast period the base of each output [step][target] in transformed units (null otherwise), and {@code phase},
     * the seasonal phase of its last row when the preprocessor deseasonalises (else -1).
     */
    public record Input(float[][] x, float[] level, double[][] base, int phase) {
        public Input(float[][] x, float[] level) {
            this(x, level, null, -1);
        }
    }

    /**
     * @param seasonal null, or per target the log seasonal offsets by phase ({@link SeasonalIndex}), subtracted from the
     *                 logged target before scaling and added back on output; the phase of a row is read from its sin/cos
     *                 season columns (the last two columns); a target without a season has all offsets 0
     * @param alpha    null: a window is taken relative to its last value; else per target the SES weight whose smoothed
     *                 level at the window's last row ({@link Ses#level}, restarted in each window) it is taken relative to
     */
    public Preprocessor {
        if (alpha != null && (alpha.length != targets || !windowNorm)) {
            throw new IllegalArgumentException("Invalid SES levels for " + targets + " targets, window norm = " + windowNorm);
        }
        if (targets < 1 || targets > scaler.columns()) {
            throw new IllegalArgumentException("Invalid targets = " + targets + " of " + scaler.columns() + " columns");
        }
        if (seasonal != null && (!log || seasonal.length != targets || scaler.columns() < targets + 2 || seasonal[0].length < 2)) {
            throw new IllegalArgumentException("Invalid seasonal offsets for " + targets + " targets, log = " + log + ", "
                    + scaler.columns() + " columns");
        }
        if (ahead != null && ahead.columns(targets) != scaler.columns()) {
            throw new IllegalArgumentException("Invalid layout of " + ahead.columns(targets) + " columns for a scaler of " + scaler.columns());
        }
        if (ahead != null && (seasonal != null || alpha != null)) {
            throw new IllegalArgumentException("Invalid preprocessor: windows into the forecast period take neither seasonal offsets nor SES levels");
        }
    }

    /** Ordinary windows (no forecast rows in them). */
    public Preprocessor(boolean log, boolean windowNorm, int targets, ColumnScaler scaler) {
        this(log, windowNorm, targets, scaler, null, null, null);
    }

    public Preprocessor(boolean log, boolean windowNorm, int targets, ColumnScaler scaler, double[][] seasonal) {
        this(log, windowNorm, targets, scaler, seasonal, null, null);
    }

    public Preprocessor(boolean log, boolean windowNorm, int targets, ColumnScaler scaler, double[][] seasonal, double[] alpha) {
        this(log, windowNorm, targets, scaler, seasonal, alpha, null);
    }

    /** The same transforms with windows laid out by {@code a}. */
    public Preprocessor withAhead(Ahead a) {
        return new Preprocessor(log, windowNorm, targets, scaler, seasonal, alpha, a);
    }

    /** The level a window of target {@code c} is taken relative to: its last value, or its SES level. */
    private float level(float[] x, int c, int t) {
        return alpha == null ? x[t - 1] : (float) Ses.level(x, 0, t, alpha[c]);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Preprocessor p && log == p.log && windowNorm == p.windowNorm && targets == p.targets && scaler.equals(p.scaler)
                && Arrays.deepEquals(seasonal, p.seasonal) && Arrays.equals(alpha, p.alpha) && java.util.Objects.equals(ahead, p.ahead);
    }

    @Override
    public int hashCode() {
        return ((java.util.Objects.hash(log, windowNorm, targets, scaler) * 31 + Arrays.deepHashCode(seasonal)) * 31 + Arrays.hashCode(alpha))
                * 31 + java.util.Objects.hashCode(ahead);
    }

    /** The season length of the offsets, 0 without. */
    public int season() {
        return seasonal == null ? 0 : seasonal[0].length;
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

    /**
     * {@link #fit}, for a network trained across many series: logged targets keep their log units (scale 1: a
     * window relative to its last value is then the log ratio to the series' level, comparable across series of
     * any scale, where a per-series standard deviation would stretch flat series and shrink trending ones); the
     * last {@code unscaled} columns (sin/cos of the season) stay as they are, so a month reads the same in every
     * series. Targets that cannot be logged and features are standardised as in {@link #fit}.
     */
    public static Preprocessor fitLevels(double[][] raw, int targets, int fitRows, TargetTransform mode, boolean windowNorm, String source,
                                         int unscaled) {
        return fitLevels(raw, targets, fitRows, mode, windowNorm, source, unscaled, 0);
    }

    /**
     * {@link #fitLevels(double[][], int, int, TargetTransform, boolean, String, int)}, deseasonalised: with {@code season}
     * > 1, season columns (the last two) and logged targets, each target that passes the Theta method's seasonality
     * test on the fitted rows is divided by its classical multiplicative seasonal indices ({@link SeasonalIndex}).
     */
    public static Preprocessor fitLevels(double[][] raw, int targets, int fitRows, TargetTransform mode, boolean windowNorm, String source,
                                         int unscaled, int season) {
        return fitLevels(raw, targets, fitRows, mode, windowNorm, source, unscaled, season, false);
    }

    /**
     * {@link #fitLevels(double[][], int, int, TargetTransform, boolean, String, int, int)}; with {@code sesLevel} (and window
     * normalisation) windows are taken relative to their SES level, alpha fitted per target on the fitted rows.
     */
    public static Preprocessor fitLevels(double[][] raw, int targets, int fitRows, TargetTransform mode, boolean windowNorm, String source,
                                         int unscaled, int season, boolean sesLevel) {
        Preprocessor p = fit(raw, targets, fitRows, mode, windowNorm, source);
        double[][] seasonal = null;
        if (season > 1 && unscaled == 2 && p.log()) {
            int[] phase = new int[fitRows];
            for (int i = 0; i < fitRows; i++) {
                phase[i] = phaseOf(raw[raw.length - 2][i], raw[raw.length - 1][i], season);
            }
            double[][] offsets = new double[targets][];
            boolean any = false;
            for (int c = 0; c < targets; c++) {
                offsets[c] = SeasonalIndex.logOffsets(java.util.Arrays.copyOf(raw[c], fitRows), phase, season);
                any |= offsets[c] != null;
                if (offsets[c] == null) {
                    offsets[c] = new double[season];
                }
            }
            if (any) {
                seasonal = offsets;
                p = new Preprocessor(p.log(), windowNorm, targets, p.scaler(), seasonal);
                // the scaler's mean of the targets is refitted on the deseasonalised values (it cancels in relative windows)
                double[][] t = logTargets(raw, targets, true, source);
                double[] mean = p.scaler().mean();
                for (int c = 0; c < targets; c++) {
                    double sum = 0;
                    for (int i = 0; i < fitRows; i++) {
                        sum += t[c][i] - seasonal[c][phase[i]];
                    }
                    mean[c] = sum / fitRows;
                }
                p = new Preprocessor(p.log(), windowNorm, targets, new ColumnScaler(mean, p.scaler().scale()), seasonal);
            }
        }
        double[] mean = p.scaler().mean();
        double[] scale = p.scaler().scale();
        double unit = org.seqcast.config.DesignSwitches.logUnit();
        for (int c = 0; c < mean.length; c++) {
            if ((c < targets && p.log()) || c >= mean.length - unscaled) {
                scale[c] = c < targets ? unit : 1;
                if (c >= targets) {
                    mean[c] = 0;
                }
            }
        }
        Preprocessor out = new Preprocessor(p.log(), windowNorm, targets, new ColumnScaler(mean, scale), p.seasonal());
        if (sesLevel && windowNorm) {
            double[][] t = out.apply(raw, source);
            double[] alpha = new double[targets];
            for (int c = 0; c < targets; c++) {
                alpha[c] = Ses.fitAlpha(Arrays.copyOf(t[c], fitRows));
            }
            out = new Preprocessor(out.log(), windowNorm, targets, out.scaler(), out.seasonal(), alpha);
        }
        return out;
    }

    /** The seasonal phase (0 .. m-1) of a row from its sin and cos of 2 pi phase / m. */
    static int phaseOf(double sin, double cos, int m) {
        return Math.floorMod((int) Math.round(Math.atan2(sin, cos) * m / (2 * Math.PI)), m);
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
        double[][] t = logTargets(raw, targets, log, source);
        if (seasonal != null) {
            int m = season();
            int cols = raw.length;
            for (int i = 0; i < t[0].length; i++) {
                int ph = phaseOf(raw[cols - 2][i], raw[cols - 1][i], m);
                for (int c = 0; c < targets; c++) {
                    t[c][i] -= seasonal[c][ph];
                }
            }
        }
        return scaler.transform(t);
    }

    /**
     * {@code pad} rows in front of transformed columns: what a model trained across many series reads for a series
     * shorter than its lookback. Value columns repeat their first row (a flat history); with {@code season} > 0 the
     * last two columns are the scaled sin/cos of the seasonal phase and continue it backwards.
     */
    public double[][] padFront(double[][] transformed, int pad, int season) {
        if (pad <= 0) {
            return transformed;
        }
        int cols = transformed.length;
        double[][] out = new double[cols][];
        for (int c = 0; c < cols; c++) {
            double[] col = transformed[c];
            double[] p = new double[col.length + pad];
            System.arraycopy(col, 0, p, pad, col.length);
            Arrays.fill(p, 0, pad, col[0]);
            out[c] = p;
        }
        if (season > 0) {
            int rs = cols - 2;
            int rc = cols - 1;
            double a = 2 * Math.PI / season;
            double s = scaler.inverse(rs, out[rs][pad]);
            double co = scaler.inverse(rc, out[rc][pad]);
            for (int i = pad - 1; i >= 0; i--) {
                double s1 = s * Math.cos(a) - co * Math.sin(a); // one step back: the phase turns by -2 pi / season
                double c1 = co * Math.cos(a) + s * Math.sin(a);
                s = s1;
                co = c1;
                out[rs][i] = (s - scaler.mean()[rs]) / scaler.scale()[rs];
                out[rc][i] = (co - scaler.mean()[rc]) / scaler.scale()[rc];
            }
        }
        return out;
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
                    float level = level(x[c], c, t);
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
        return new Input(x, level, ahead.base(transformed, targets, origin, level), -1);
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
                level[c] = level(x[c], c, timesteps);
                for (int i = 0; i < timesteps; i++) {
                    x[c][i] -= level[c];
                }
            }
        }
        int phase = -1;
        if (seasonal != null) {
            int cols = transformed.length;
            int last = start + timesteps - 1;
            phase = phaseOf(scaler.inverse(cols - 2, transformed[cols - 2][last]), scaler.inverse(cols - 1, transformed[cols - 1][last]), season());
        }
        return new Input(x, level, null, phase);
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
            return seasonal == null ? invert(c, output, in.level()[c]) : invert(c, output, in.level()[c], in.phase() + step + 1);
        }
        double v = scaler.inverse(c, output + in.base()[step][c]);
        return log ? Math.exp(v) : v;
    }

    /** A network output for target {@code c}, back in original units. */
    public double invert(int c, double output, float level) {
        double v = scaler.inverse(c, output + (windowNorm ? level : 0));
        return log ? Math.exp(v) : v;
    }

    /** {@link #invert(int, double, float)} of a forecast row of seasonal phase {@code phase}: reseasonalised when deseasonalising. */
    public double invert(int c, double output, float level, int phase) {
        double v = scaler.inverse(c, output + (windowNorm ? level : 0));
        if (seasonal != null) {
            v += seasonal[c][Math.floorMod(phase, season())];
        }
        return log ? Math.exp(v) : v;
    }
}
