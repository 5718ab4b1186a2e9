package org.seqcast.eval;

/**
 * Benchmark forecasts that any model must beat. Each takes the history (oldest first) and returns
 * {@code h} future values.
 */
public final class Baselines {
    private Baselines() {
    }

    /** Repeats the last value. */
    public static double[] naive(double[] history, int h) {
        requireHistory(history, 1);
        double[] f = new double[h];
        java.util.Arrays.fill(f, history[history.length - 1]);
        return f;
    }

    /** Repeats the last full season: f[i] = y[n - m + (i mod m)]. Falls back to naive when history is shorter than m. */
    public static double[] seasonalNaive(double[] history, int h, int season) {
        if (season < 1) {
            throw new IllegalArgumentException("Invalid season = " + season);
        }
        requireHistory(history, 1);
        if (history.length < season) {
            return naive(history, h);
        }
        int n = history.length;
        double[] f = new double[h];
        for (int i = 0; i < h; i++) {
            f[i] = history[n - season + (i % season)];
        }
        return f;
    }

    /** The line through the first and last values, extended: f[i] = y[n-1] + (i+1)(y[n-1] - y[0]) / (n-1). */
    public static double[] drift(double[] history, int h) {
        requireHistory(history, 1);
        int n = history.length;
        double slope = n > 1 ? (history[n - 1] - history[0]) / (n - 1) : 0;
        double[] f = new double[h];
        for (int i = 0; i < h; i++) {
            f[i] = history[n - 1] + (i + 1) * slope;
        }
        return f;
    }

    /**
     * The Theta method (Assimakopoulos and Nikolopoulos 2000) as R forecast's {@code thetaf} computes it (Hyndman and
     * Billah 2003: simple exponential smoothing with drift): a positive series with more than two seasons that passes
     * the 90% seasonality test is divided by its classical multiplicative seasonal indices
     * ({@link org.seqcast.transform.SeasonalIndex}); SES with the smoothing weight alpha that minimises the one-step
     * squared error (initial level: the first value); the forecast is the last level plus half the least-squares
     * slope b times (i + (1 - (1 - alpha)^n) / alpha) at step i = 0 .. h-1; reseasonalised. Needs one value.
     */
    public static double[] theta(double[] history, int h, int season) {
        requireHistory(history, 1);
        int n = history.length;
        double[] x = history.clone();
        double[] index = null;
        boolean positive = java.util.Arrays.stream(history).allMatch(v -> v > 0);
        if (season > 1 && n > 2 * season && positive) {
            int[] phase = new int[n];
            for (int i = 0; i < n; i++) {
                phase[i] = i % season;
            }
            double[] offsets = org.seqcast.transform.SeasonalIndex.logOffsets(history, phase, season);
            if (offsets != null) {
                index = new double[season];
                for (int p = 0; p < season; p++) {
                    index[p] = Math.exp(offsets[p]);
                }
                for (int i = 0; i < n; i++) {
                    x[i] /= index[i % season];
                }
            }
        }
        double alpha = org.seqcast.transform.Ses.fitAlpha(x);
        double level = x[0];
        for (int i = 1; i < n; i++) {
            level += alpha * (x[i] - level);
        }
        // Half the least-squares slope on t = 0 .. n-1.
        double b = 0;
        if (n > 1) {
            double tm = (n - 1) / 2.0;
            double ym = 0;
            for (double v : x) {
                ym += v / n;
            }
            double sxy = 0;
            double sxx = 0;
            for (int i = 0; i < n; i++) {
                sxy += (i - tm) * (x[i] - ym);
                sxx += (i - tm) * (i - tm);
            }
            b = sxy / sxx / 2;
        }
        double start = (1 - Math.pow(1 - alpha, n)) / alpha;
        double[] f = new double[h];
        for (int i = 0; i < h; i++) {
            f[i] = level + b * (i + start);
            if (index != null) {
                f[i] *= index[(n + i) % season];
            }
        }
        return f;
    }

    private static void requireHistory(double[] history, int min) {
        if (history.length < min) {
            throw new IllegalArgumentException("Invalid history length = " + history.length);
        }
    }
}
