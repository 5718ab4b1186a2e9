package org.seqcast.transform;

import java.util.Arrays;

/**
 * Standardises each column to zero mean and unit variance, with statistics fitted on training rows
 * only. A constant column gets scale 1 so it maps to 0 instead of dividing by zero.
 */
public record ColumnScaler(double[] mean, double[] scale) {
    public ColumnScaler {
        if (mean.length != scale.length) {
            throw new IllegalArgumentException("Invalid scaler: " + mean.length + " means, " + scale.length + " scales");
        }
        for (double s : scale) {
            if (!(s > 0) || Double.isInfinite(s)) {
                throw new IllegalArgumentException("Invalid scale = " + s);
            }
        }
        mean = mean.clone();
        scale = scale.clone();
    }

    /** Fits on rows [0, rows) of each column. */
    public static ColumnScaler fit(double[][] columns, int rows) {
        if (rows < 1) {
            throw new IllegalArgumentException("Invalid rows = " + rows);
        }
        double[] m = new double[columns.length];
        double[] s = new double[columns.length];
        for (int c = 0; c < columns.length; c++) {
            double sum = 0;
            for (int i = 0; i < rows; i++) {
                sum += columns[c][i];
            }
            double mu = sum / rows;
            double ss = 0;
            for (int i = 0; i < rows; i++) {
                double d = columns[c][i] - mu;
                ss += d * d;
            }
            double sd = Math.sqrt(ss / rows);
            if (!Double.isFinite(mu) || !Double.isFinite(sd)) {
                // values near the double range (say 1.5e308) overflow the statistics: bad data, not a bug
                throw org.seqcast.SeqcastException.data("input column " + (c + 1) + " has values too large to scale (mean " + mu
                        + ", standard deviation " + sd + "); values must stay within about +-1e38");
            }
            m[c] = mu;
            s[c] = sd > 1e-12 * Math.max(1, Math.abs(mu)) ? sd : 1.0;
        }
        return new ColumnScaler(m, s);
    }

    public int columns() {
        return mean.length;
    }

    /** Scaled copies of the columns. */
    public double[][] transform(double[][] columns) {
        double[][] out = new double[columns.length][];
        for (int c = 0; c < columns.length; c++) {
            out[c] = new double[columns[c].length];
            for (int i = 0; i < columns[c].length; i++) {
                out[c][i] = (columns[c][i] - mean[c]) / scale[c];
            }
        }
        return out;
    }

    public double inverse(int column, double scaled) {
        return scaled * scale[column] + mean[column];
    }

    @Override
    public double[] mean() {
        return mean.clone();
    }

    @Override
    public double[] scale() {
        return scale.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ColumnScaler other && Arrays.equals(mean, other.mean) && Arrays.equals(scale, other.scale);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(mean) + Arrays.hashCode(scale);
    }

    @Override
    public String toString() {
        return "ColumnScaler[mean=" + Arrays.toString(mean) + ", scale=" + Arrays.toString(scale) + "]";
    }
}
