package org.seqcast.forecast;

import java.util.List;
import org.seqcast.data.TimeSeries;

/** The value columns of a series in a given order, column-major: what windows and scalers work on. */
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
}
