package org.seqcast.forecast;

import java.util.Arrays;
import java.util.List;
import org.seqcast.data.TimeIndex;
import org.seqcast.data.TimeSeries;

/**
 * The value columns of a series in a given order, column-major: what windows and scalers work on; and
 * the network's input columns, which may add the two seasonal-position columns derived from the time index.
 */
public final class SeriesColumns {
    private SeriesColumns() {
    }

    public static double[][] of(TimeSeries series, List<String> names) {
        double[][] cols = new double[names.size()][];
        for (int i = 0; i < cols.length; i++) {
            cols[i] = series.column(names.get(i));
        }
        return cols;
    }

    /** The model's input columns: its value columns (targets, then features), then sin/cos of the season when it uses them. */
    public static double[][] of(TimeSeries series, Schema schema) {
        double[][] cols = of(series, schema.valueColumns());
        return schema.seasonInputs() ? withSeason(cols, series.index(), schema.season()) : cols;
    }

    /** {@code cols} followed by sin(2 pi phase / m) and cos(2 pi phase / m) of each row's seasonal phase (see {@link TimeIndex#phase}). */
    public static double[][] withSeason(double[][] cols, TimeIndex index, int m) {
        int n = index.size();
        double[] sin = new double[n];
        double[] cos = new double[n];
        for (int i = 0; i < n; i++) {
            double a = 2 * Math.PI * index.phase(i, m) / m;
            sin[i] = Math.sin(a);
            cos[i] = Math.cos(a);
        }
        double[][] out = Arrays.copyOf(cols, cols.length + 2);
        out[cols.length] = sin;
        out[cols.length + 1] = cos;
        return out;
    }
}
