package org.seqcast.transform;

/**
 * Classical multiplicative seasonal indices, as the Theta method deseasonalises (Assimakopoulos and Nikolopoulos
 * 2000; R forecast's {@code thetaf}): a series is called seasonal when its autocorrelation at the season lag m is
 * significant at 90% (|r_m| > 1.645 sqrt((1 + 2 sum_{k<m} r_k^2) / n)) and it has at least two full seasons; its
 * indices are the ratios of the values to the centred moving average of order m (2 x m for even m), averaged by
 * phase and normalised to mean 1 ({@code decompose(type = "multiplicative")}). Here in log units: the offsets are
 * the logs of the indices, subtracted from the logged values.
 */
public final class SeasonalIndex {
    private SeasonalIndex() {
    }

    /**
     * The log seasonal offsets by phase ([m]), or null when the series is not seasonal by the test.
     *
     * @param values positive values, oldest first
     * @param phase  the seasonal phase (0 .. m-1) of each value
     */
    public static double[] logOffsets(double[] values, int[] phase, int m) {
        int n = values.length;
        if (m < 2 || n < 2 * m) {
            return null;
        }
        if (!seasonal(values, m)) {
            return null;
        }
        // Centred moving average: order m for odd m, 2 x m for even m.
        double[] sum = new double[m];
        int[] count = new int[m];
        int half = m / 2;
        for (int i = half; i < n - half; i++) {
            double ma;
            if (m % 2 == 1) {
                double s = 0;
                for (int j = i - half; j <= i + half; j++) {
                    s += values[j];
                }
                ma = s / m;
            } else {
                double s = 0.5 * values[i - half] + 0.5 * values[i + half];
                for (int j = i - half + 1; j <= i + half - 1; j++) {
                    s += values[j];
                }
                ma = s / m;
            }
            if (ma > 0) {
                sum[phase[i]] += values[i] / ma;
                count[phase[i]]++;
            }
        }
        double[] index = new double[m];
        double mean = 0;
        for (int p = 0; p < m; p++) {
            if (count[p] == 0) {
                return null;
            }
            index[p] = sum[p] / count[p];
            mean += index[p] / m;
        }
        double[] offsets = new double[m];
        for (int p = 0; p < m; p++) {
            double v = index[p] / mean;
            if (!(v > 0) || !Double.isFinite(v)) {
                return null;
            }
            offsets[p] = Math.log(v);
        }
        return offsets;
    }

    /** The 90% autocorrelation test at lag m of the Theta method. */
    static boolean seasonal(double[] x, int m) {
        int n = x.length;
        double mean = 0;
        for (double v : x) {
            mean += v / n;
        }
        double c0 = 0;
        for (double v : x) {
            c0 += (v - mean) * (v - mean);
        }
        if (!(c0 > 0)) {
            return false;
        }
        double sumSq = 0;
        double rm = 0;
        for (int k = 1; k <= m; k++) {
            double c = 0;
            for (int i = k; i < n; i++) {
                c += (x[i] - mean) * (x[i - k] - mean);
            }
            double r = c / c0;
            if (k < m) {
                sumSq += r * r;
            } else {
                rm = r;
            }
        }
        return Math.abs(rm) > 1.6448536269514722 * Math.sqrt((1 + 2 * sumSq) / n);
    }
}
