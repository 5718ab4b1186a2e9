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

    private static void requireHistory(double[] history, int min) {
        if (history.length < min) {
            throw new IllegalArgumentException("Invalid history length = " + history.length);
        }
    }
}
