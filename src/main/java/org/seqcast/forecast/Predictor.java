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
 * pass, combined by the median in network space, then the transforms inverted. Pure Java; thread-safe.
 */
public final class Predictor {
    private final List<Inference> members;
    private final Preprocessor pre;
    private final int horizon;
    private final int targets;

    public Predictor(NetworkSpec spec, List<NetworkParams> params, Preprocessor pre, int horizon) {
        this.targets = pre.targets();
        if (spec.outputs() != horizon * targets) {
            throw new IllegalArgumentException("Invalid outputs = " + spec.outputs() + " for horizon " + horizon + " x " + targets + " targets");
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
                y[s][k] = pre.invert(k, median(tmp), in.level()[k]);
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
