package org.seqcast.transform;

import java.util.Arrays;
import org.seqcast.window.Windows;

/**
 * Windows that reach into the forecast period: the network reads {@code timesteps} observed rows followed by the
 * {@code horizon} rows it forecasts, so inputs known in advance (a holiday flag, a temperature forecast, the
 * calendar) line up with the steps they describe, and seasonal lags bring the values one period earlier (the same
 * time yesterday and last week) to every row, so the lookback need not span the longest season.
 *
 * <p>The transformed columns are, in order: the targets, the past-only features, the known columns, then any
 * calendar columns (sin/cos of the seasons). The network's inputs per row, in order:
 * <ol>
 * <li>each target: its value (relative to the last observed value with window normalisation) at observed rows,
 *     0 at forecast rows;</li>
 * <li>for each lag L of {@link #lags}, each target: its value L rows earlier, or a whole number of periods L
 *     earlier when L rows earlier is itself a forecast row (what a seasonal naive forecast of period L says),
 *     relative like the targets;</li>
 * <li>the features at observed rows, 0 at forecast rows;</li>
 * <li>the known and calendar columns at every row;</li>
 * <li>1 at observed rows, 0 at forecast rows.</li>
 * </ol>
 * The outputs are the horizon's values of each target, step-major: with a {@link #baseLag} the difference from
 * the seasonal naive forecast of that period (a zero output is that forecast), otherwise as with ordinary
 * windows (relative to the last value, or levels).
 *
 * @param lags          the seasonal lags, in rows (may be empty)
 * @param baseLag       the period of the seasonal naive forecast the outputs are residuals from, or 0 for none
 * @param features      past-only feature columns after the targets
 * @param known         known columns after the features
 * @param calendar      calendar columns after the known columns (sin/cos of the seasons)
 * @param horizon       the forecast rows in every window
 */
public record Ahead(int[] lags, int baseLag, int features, int known, int calendar, int horizon) {

    public Ahead {
        lags = lags.clone();
        for (int l : lags) {
            if (l < 1) {
                throw new IllegalArgumentException("Invalid lags = " + Arrays.toString(lags));
            }
        }
        if (baseLag < 0 || features < 0 || known < 0 || calendar < 0 || horizon < 1) {
            throw new IllegalArgumentException("Invalid window layout: base lag " + baseLag + ", features " + features + ", known " + known
                    + ", calendar " + calendar + ", horizon " + horizon);
        }
    }

    @Override
    public int[] lags() {
        return lags.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Ahead a && Arrays.equals(lags, a.lags) && baseLag == a.baseLag && features == a.features && known == a.known
                && calendar == a.calendar && horizon == a.horizon;
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(lags) + java.util.Objects.hash(baseLag, features, known, calendar, horizon);
    }

    /** The rows a window needs before its first input row: the longest lag (or base lag). */
    public int history() {
        int h = baseLag;
        for (int l : lags) {
            h = Math.max(h, l);
        }
        return h;
    }

    /** Transformed columns this layout reads, for {@code targets} targets. */
    public int columns(int targets) {
        return targets + features + known + calendar;
    }

    /** Network inputs per row for {@code targets} targets. */
    public int inputs(int targets) {
        return targets * (1 + lags.length) + features + known + calendar + 1;
    }

    /** The row that a seasonal naive forecast of period {@code lag} from origin {@code origin} copies into row {@code row}. */
    static int source(int row, int lag, int origin) {
        int src = row - lag;
        if (src >= origin) {
            src -= ((src - origin) / lag + 1) * lag;
        }
        return src;
    }

    /**
     * The windows whose first forecast row is each of {@code origins} (each at least {@code timesteps + history()};
     * the transformed columns must hold every row up to {@code origin + horizon - 1}).
     */
    Windows windows(double[][] t, int targets, int timesteps, boolean windowNorm, int[] origins) {
        int n = origins.length;
        int steps = timesteps + horizon;
        float[][][] x = new float[n][][];
        float[][] y = new float[n][horizon * targets];
        int[] starts = new int[n];
        for (int s = 0; s < n; s++) {
            int o = origins[s];
            float[] level = new float[targets];
            x[s] = inputs(t, targets, timesteps, windowNorm, o, level);
            starts[s] = o - timesteps;
            for (int step = 0; step < horizon; step++) {
                for (int c = 0; c < targets; c++) {
                    double base = baseLag > 0 ? t[c][source(o + step, baseLag, o)] : level[c];
                    y[s][step * targets + c] = (float) (t[c][o + step] - base);
                }
            }
        }
        return Windows.of(x, y, starts, steps, horizon, targets);
    }

    /** The network input of the window with first forecast row {@code o}; fills {@code level} (0 without window normalisation). */
    float[][] inputs(double[][] t, int targets, int timesteps, boolean windowNorm, int o, float[] level) {
        if (o < timesteps + history() || o + horizon > t[0].length) {
            throw new IllegalArgumentException("Invalid origin = " + o + " for " + t[0].length + " rows, lookback " + timesteps
                    + " and history " + history());
        }
        int steps = timesteps + horizon;
        int first = o - timesteps;
        float[][] x = new float[inputs(targets)][steps];
        for (int c = 0; c < targets; c++) {
            level[c] = windowNorm ? (float) t[c][o - 1] : 0f;
        }
        int row = 0;
        for (int c = 0; c < targets; c++, row++) {
            for (int i = 0; i < timesteps; i++) {
                x[row][i] = (float) (t[c][first + i] - level[c]);
            }
        }
        for (int lag : lags) {
            for (int c = 0; c < targets; c++, row++) {
                for (int i = 0; i < steps; i++) {
                    x[row][i] = (float) (t[c][source(first + i, lag, o)] - level[c]);
                }
            }
        }
        for (int f = 0; f < features; f++, row++) {
            for (int i = 0; i < timesteps; i++) {
                x[row][i] = (float) t[targets + f][first + i];
            }
        }
        for (int q = 0; q < known + calendar; q++, row++) {
            double[] col = t[targets + features + q];
            for (int i = 0; i < steps; i++) {
                x[row][i] = (float) col[first + i];
            }
        }
        Arrays.fill(x[row], 0, timesteps, 1f);
        return x;
    }

    /** The base each output of the window at {@code o} was taken from, [step][target], in transformed units. */
    double[][] base(double[][] t, int targets, int o, float[] level) {
        double[][] b = new double[horizon][targets];
        for (int step = 0; step < horizon; step++) {
            for (int c = 0; c < targets; c++) {
                b[step][c] = baseLag > 0 ? t[c][source(o + step, baseLag, o)] : level[c];
            }
        }
        return b;
    }
}
