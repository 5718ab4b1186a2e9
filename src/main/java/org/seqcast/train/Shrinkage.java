package org.seqcast.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.seqcast.forecast.Predictor;
import org.seqcast.model.Inference;
import org.seqcast.model.NetworkParams;
import org.seqcast.model.NetworkSpec;
import org.seqcast.window.Windows;

/**
 * Shrinkage of a window-normalised forecast toward naive, fitted out of sample. With window
 * normalisation a network output is the predicted change from the window's last value, so scaling it
 * by a factor in [0, 1] blends the forecast with the naive one (factor 0). Per output (horizon step and
 * target) the factor is the least-squares slope of the actual change on the predicted change over the
 * validation windows, clipped to [0, 1]: a network whose changes do not pay off out of sample is pulled
 * toward the last value, one whose changes do is left alone.
 */
public final class Shrinkage {
    private Shrinkage() {
    }

    /** Factor per network output from the ensemble's median prediction on the validation windows. */
    public static double[] fit(NetworkSpec spec, List<NetworkParams> members, Windows validation) {
        if (validation.size() == 0) {
            throw new IllegalArgumentException("Invalid validation windows = 0");
        }
        List<Inference> nets = new ArrayList<>();
        for (NetworkParams p : members) {
            nets.add(new Inference(spec, p));
        }
        int outputs = spec.outputs();
        double[][] predicted = new double[validation.size()][outputs];
        double[][] actual = new double[validation.size()][outputs];
        double[] tmp = new double[nets.size()];
        for (int s = 0; s < validation.size(); s++) {
            float[][] x = validation.input(s);
            float[][] outs = new float[nets.size()][];
            for (int m = 0; m < nets.size(); m++) {
                outs[m] = nets.get(m).forward(x);
            }
            float[] y = validation.target(s);
            for (int o = 0; o < outputs; o++) {
                for (int m = 0; m < outs.length; m++) {
                    tmp[m] = outs[m][o];
                }
                predicted[s][o] = Predictor.median(tmp);
                actual[s][o] = y[o];
            }
        }
        return slopes(predicted, actual);
    }

    /**
     * Per column o, the least-squares slope through the origin of actual[.][o] on predicted[.][o],
     * clipped to [0, 1]; 1 where every prediction is 0 (nothing to shrink).
     */
    public static double[] slopes(double[][] predicted, double[][] actual) {
        if (predicted.length == 0 || predicted.length != actual.length) {
            throw new IllegalArgumentException("Invalid rows = " + predicted.length + " predicted, " + actual.length + " actual");
        }
        int outputs = predicted[0].length;
        double[] pp = new double[outputs];
        double[] py = new double[outputs];
        for (int s = 0; s < predicted.length; s++) {
            for (int o = 0; o < outputs; o++) {
                pp[o] += predicted[s][o] * predicted[s][o];
                py[o] += predicted[s][o] * actual[s][o];
            }
        }
        double[] factor = new double[outputs];
        for (int o = 0; o < outputs; o++) {
            factor[o] = pp[o] > 0 ? Math.max(0, Math.min(1, py[o] / pp[o])) : 1;
        }
        return factor;
    }

    /** "0.93 (step 1) .. 0.41 (step 12)" for the first target, for the log. */
    public static String describe(double[] factor, int horizon, int targets) {
        if (horizon == 1) {
            return String.format(Locale.ROOT, "%.2f", factor[0]);
        }
        return String.format(Locale.ROOT, "%.2f (step 1) .. %.2f (step %d)", factor[0], factor[(horizon - 1) * targets], horizon);
    }
}
