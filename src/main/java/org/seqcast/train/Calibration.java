package org.seqcast.train;

import java.util.Arrays;
import org.seqcast.forecast.ModelBundle;

/**
 * Prediction intervals by split conformal prediction: per horizon step and target, the interval
 * half-width is the ceil((n + 1) level)-th smallest absolute out-of-sample residual of n validation
 * windows (the largest when n is too small for the level).
 */
public final class Calibration {
    private Calibration() {
    }

    /** residuals[step][target][window] = actual - forecast, or log(actual) - log(forecast) with {@code logScale}. */
    public static ModelBundle.IntervalBand conformal(int level, double[][][] residuals, boolean logScale) {
        if (level <= 0 || level >= 100) {
            throw new IllegalArgumentException("Invalid interval level = " + level);
        }
        int h = residuals.length;
        int k = residuals[0].length;
        double[][] lo = new double[h][k];
        double[][] hi = new double[h][k];
        for (int s = 0; s < h; s++) {
            for (int c = 0; c < k; c++) {
                double q = quantile(residuals[s][c], level / 100.0);
                lo[s][c] = -q;
                hi[s][c] = q;
            }
        }
        return new ModelBundle.IntervalBand(level, lo, hi, logScale);
    }

    /** The conformal quantile of |r|: the ceil((n+1) p)-th smallest, capped at the largest. */
    static double quantile(double[] r, double p) {
        int n = r.length;
        if (n == 0) {
            throw new IllegalArgumentException("Invalid residuals: none");
        }
        double[] a = new double[n];
        for (int i = 0; i < n; i++) {
            a[i] = Math.abs(r[i]);
        }
        Arrays.sort(a);
        int rank = (int) Math.ceil((n + 1) * p);
        return a[Math.min(n, Math.max(1, rank)) - 1];
    }
}
