package org.seqcast.forecast;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.seqcast.model.Inference;
import org.seqcast.model.NetworkParams;
import org.seqcast.model.NetworkSpec;
import org.seqcast.transform.Preprocessor;

/**
 * Point forecasts in original units from a prepared input window: each ensemble member's forward
 * pass, combined by the median in network space, then the transforms inverted. A recursive model
 * forecasts one step at a time: the combined forecast becomes the newest row of the window (re-levelled
 * when windows are relative to their last value; the sin/cos season inputs advanced by one step) and the
 * network runs again. Pure Java; thread-safe.
 */
public final class Predictor {
    private final List<Inference> members;
    private final Preprocessor pre;
    private final int horizon;
    private final int targets;
    private final boolean recursive;
    private final int season;        // > 0 when the last two input rows are sin/cos of the seasonal phase (recursive only)

    /** A direct model: the network outputs all {@code horizon} steps. */
    public Predictor(NetworkSpec spec, List<NetworkParams> params, Preprocessor pre, int horizon) {
        this(spec, params, pre, horizon, false, 0);
    }

    /** The predictor a model with this schema needs. */
    public Predictor(NetworkSpec spec, List<NetworkParams> params, Preprocessor pre, org.seqcast.forecast.Schema schema) {
        this(spec, params, pre, schema.horizon(), schema.recursive(), schema.seasonInputs() ? schema.season() : 0);
        if (schema.recursive() && schema.seasonInputs() && schema.seasons().size() > 1) {
            throw new IllegalArgumentException("Invalid seasons = " + schema.seasons() + " for a recursive model");
        }
    }

    private Predictor(NetworkSpec spec, List<NetworkParams> params, Preprocessor pre, int horizon, boolean recursive, int season) {
        this.targets = pre.targets();
        this.recursive = recursive;
        this.season = season;
        int want = (recursive ? 1 : horizon) * targets;
        if (spec.outputs() != want) {
            throw new IllegalArgumentException("Invalid outputs = " + spec.outputs() + " for " + (recursive ? "a recursive model of " : "horizon "
                    + horizon + " x ") + targets + " targets");
        }
        if (recursive && spec.inputs() != targets + (season > 0 ? 2 : 0)) {
            throw new IllegalArgumentException("Invalid inputs = " + spec.inputs() + " for a recursive model of " + targets + " targets"
                    + (season > 0 ? " and season inputs" : ""));
        }
        this.members = new ArrayList<>();
        for (NetworkParams p : params) {
            members.add(new Inference(spec, p));
        }
        this.pre = pre;
        this.horizon = horizon;
    }

    /** Returns [horizon][targets] in original units. */
    public double[][] predict(Preprocessor.Input in) {
        return recursive ? rollForward(in) : direct(in);
    }

    private double[][] rollForward(Preprocessor.Input in) {
        int n = members.size();
        float[][] x = new float[in.x().length][];
        for (int r = 0; r < x.length; r++) {
            x[r] = in.x()[r].clone();
        }
        float[] level = in.level().clone();
        double[][] y = new double[horizon][targets];
        double[] tmp = new double[n];
        float[] next = new float[targets];
        for (int s = 0; s < horizon; s++) {
            float[][] outs = new float[n][];
            for (int m = 0; m < n; m++) {
                outs[m] = members.get(m).forward(x);
            }
            for (int k = 0; k < targets; k++) {
                for (int m = 0; m < n; m++) {
                    tmp[m] = outs[m][k];
                }
                next[k] = (float) median(tmp);
                y[s][k] = pre.invert(k, next[k], level[k], in.phase() + s + 1);
            }
            if (s + 1 < horizon) {
                roll(x, level, next, targets, pre.windowNorm(), season, pre.scaler());
            }
        }
        return y;
    }

    /**
     * Moves a window [rows][timesteps] one step on: each target row takes {@code next} (network units) as
     * its newest value; with relative windows the levels move to it and the rows are re-expressed
     * relative to it (newest value 0); the two season rows, when {@code season} > 0, advance their phase
     * by one step of {@code season} (rotated in original units, then scaled like the training columns).
     */
    static void roll(float[][] x, float[] level, float[] next, int targets, boolean windowNorm, int season,
                     org.seqcast.transform.ColumnScaler scaler) {
        int t = x[0].length;
        for (int k = 0; k < targets; k++) {
            float[] row = x[k];
            System.arraycopy(row, 1, row, 0, t - 1);
            row[t - 1] = next[k];
            if (windowNorm) {
                float shift = next[k];
                level[k] += shift;
                for (int i = 0; i < t; i++) {
                    row[i] -= shift;
                }
            }
        }
        if (season > 0) {
            int rs = x.length - 2;
            int rc = x.length - 1;
            float[] sin = x[rs];
            float[] cos = x[rc];
            double a = 2 * Math.PI / season;
            double s0 = scaler.inverse(rs, sin[t - 1]);
            double c0 = scaler.inverse(rc, cos[t - 1]);
            System.arraycopy(sin, 1, sin, 0, t - 1);
            System.arraycopy(cos, 1, cos, 0, t - 1);
            sin[t - 1] = (float) ((s0 * Math.cos(a) + c0 * Math.sin(a) - scaler.mean()[rs]) / scaler.scale()[rs]);
            cos[t - 1] = (float) ((c0 * Math.cos(a) - s0 * Math.sin(a) - scaler.mean()[rc]) / scaler.scale()[rc]);
        }
    }

    private double[][] direct(Preprocessor.Input in) {
        int n = members.size();
        float[][] outs = new float[n][];
        for (int m = 0; m < n; m++) {
            outs[m] = members.get(m).forward(in.x());
        }
        double[][] y = new double[horizon][targets];
        double[] tmp = new double[n];
        for (int s = 0; s < horizon; s++) {
            for (int k = 0; k < targets; k++) {
                int o = s * targets + k;
                for (int m = 0; m < n; m++) {
                    tmp[m] = outs[m][o];
                }
                y[s][k] = pre.invert(k, median(tmp), in, s);
            }
        }
        return y;
    }

    /** The median of {@code v} (the mean of the middle two for an even length). */
    public static double median(double[] v) {
        if (v.length == 1) {
            return v[0];
        }
        double[] c = v.clone();
        Arrays.sort(c);
        int h = c.length / 2;
        return c.length % 2 == 1 ? c[h] : (c[h - 1] + c[h]) / 2;
    }
}
