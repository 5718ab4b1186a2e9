package org.seqcast.transform;

/**
 * Simple exponential smoothing: the level l(i) = l(i-1) + alpha (x(i) - l(i-1)) from l(0) = x(0), and the smoothing
 * weight alpha in [1e-4, 0.9999] that minimises the one-step squared error, found by golden-section search.
 */
public final class Ses {
    private Ses() {
    }

    /** The alpha that minimises the one-step squared error of {@code x} (at least one value). */
    public static double fitAlpha(double[] x) {
        double lo = 1e-4;
        double hi = 0.9999;
        double g = (Math.sqrt(5) - 1) / 2;
        double a1 = hi - g * (hi - lo);
        double a2 = lo + g * (hi - lo);
        double f1 = error(x, a1);
        double f2 = error(x, a2);
        for (int it = 0; it < 60; it++) {
            if (f1 <= f2) {
                hi = a2;
                a2 = a1;
                f2 = f1;
                a1 = hi - g * (hi - lo);
                f1 = error(x, a1);
            } else {
                lo = a1;
                a1 = a2;
                f1 = f2;
                a2 = lo + g * (hi - lo);
                f2 = error(x, a2);
            }
        }
        return (lo + hi) / 2;
    }

    /** The last level of {@code x[from, to)} smoothed with {@code alpha}, starting from x[from]. */
    public static double level(float[] x, int from, int to, double alpha) {
        double level = x[from];
        for (int i = from + 1; i < to; i++) {
            level += alpha * (x[i] - level);
        }
        return level;
    }

    /** The one-step squared error of SES with {@code alpha}. */
    public static double error(double[] x, double alpha) {
        double level = x[0];
        double sse = 0;
        for (int i = 1; i < x.length; i++) {
            double e = x[i] - level;
            sse += e * e;
            level += alpha * e;
        }
        return sse;
    }
}
