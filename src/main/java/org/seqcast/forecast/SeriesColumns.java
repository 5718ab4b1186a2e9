package org.seqcast.forecast;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.seqcast.SeqcastException;
import org.seqcast.data.TimeIndex;
import org.seqcast.data.TimeSeries;

/**
 * The value columns of a series in a given order, column-major: what windows and scalers work on; and
 * the network's input columns, which may add the seasonal-position columns derived from the time index, and for a
 * model whose windows reach into the forecast period the forecast rows (known columns from the future rows).
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

    /** The model's input columns: its value columns (targets, features, known), then sin/cos of each season when it uses them. */
    public static double[][] of(TimeSeries series, Schema schema) {
        double[][] cols = of(series, schema.valueColumns());
        return schema.seasonInputs() ? withSeasons(cols, series.index(), schema.seasons(), series.length()) : cols;
    }

    /** {@code cols} followed by sin(2 pi phase / m) and cos(2 pi phase / m) of each row's seasonal phase (see {@link TimeIndex#phase}). */
    public static double[][] withSeason(double[][] cols, TimeIndex index, int m) {
        return withSeasons(cols, index, List.of(m), index.size());
    }

    /**
     * {@code cols} followed by the sin and cos of each row's phase in every period of {@code periods}, for {@code rows}
     * rows (rows past the end of the index continue its times).
     */
    public static double[][] withSeasons(double[][] cols, TimeIndex index, List<Integer> periods, int rows) {
        double[][] out = Arrays.copyOf(cols, cols.length + 2 * periods.size());
        for (int p = 0; p < periods.size(); p++) {
            int m = periods.get(p);
            double[] sin = new double[rows];
            double[] cos = new double[rows];
            for (int i = 0; i < rows; i++) {
                double a = 2 * Math.PI * index.phase(i, m) / m;
                sin[i] = Math.sin(a);
                cos[i] = Math.cos(a);
            }
            out[cols.length + 2 * p] = sin;
            out[cols.length + 2 * p + 1] = cos;
        }
        return out;
    }

    /**
     * The columns of a model whose windows reach into the forecast period: the rows of {@code history} followed by
     * {@code horizon} forecast rows, whose known columns come from {@code future} (its first rows must continue the
     * history's times) and whose targets and features (never read there) repeat the last row.
     *
     * @throws SeqcastException (data) naming the column and the rows needed when the future lacks a known value
     */
    public static double[][] ahead(TimeSeries history, TimeSeries future, Schema schema) {
        int n = history.length();
        int h = schema.horizon();
        List<String> names = schema.valueColumns();
        int fromKnown = names.size() - schema.known().size();
        double[][] cols = new double[names.size()][];
        for (int c = 0; c < names.size(); c++) {
            double[] past = history.column(names.get(c));
            cols[c] = Arrays.copyOf(past, n + h);
            if (c < fromKnown) {
                Arrays.fill(cols[c], n, n + h, past[n - 1]);
            }
        }
        if (!schema.known().isEmpty()) {
            requireFuture(history, future, schema);
            for (int c = fromKnown; c < names.size(); c++) {
                double[] f = future.column(names.get(c));
                System.arraycopy(f, 0, cols[c], n, h);
            }
        }
        return schema.seasonInputs() ? withSeasons(cols, history.index(), schema.seasons(), n + h) : cols;
    }

    private static void requireFuture(TimeSeries history, TimeSeries future, Schema schema) {
        int n = history.length();
        int h = schema.horizon();
        TimeIndex idx = history.index();
        List<String> times = idx.future(h);
        String need = String.format(Locale.ROOT, "the model needs the known column%s %s (data.known) for the %d step%s after the last "
                        + "target value at %s, %s .. %s", schema.known().size() == 1 ? "" : "s", String.join(", ", schema.known()), h,
                h == 1 ? "" : "s", history.lastTime(), times.get(0), times.get(h - 1));
        String how = "; give them in rows after the last target value (target cells empty) or with --future FILE";
        if (future == null) {
            throw SeqcastException.data(history.source() + ": " + need + ", and there are no future rows" + how);
        }
        for (String k : schema.known()) {
            if (!future.columns().contains(k)) {
                throw SeqcastException.data(future.source() + ": " + need + ", and column '" + k + "' is missing" + how);
            }
        }
        int have = Math.min(h, future.length());
        for (int j = 0; j < have; j++) {
            if (future.index().position(j) != idx.positionAt(n + j)) {
                throw SeqcastException.data(String.format(Locale.ROOT, "%s: %s; future row %d is %s, but the step there is %s%s", future.source(),
                        need, j + 1, future.index().label(j), times.get(j), how));
            }
        }
        if (future.length() < h) {
            throw SeqcastException.data(String.format(Locale.ROOT, "%s: %s, and the future rows end after %d (at %s); %d more rows "
                    + "needed, through %s%s", future.source(), need, future.length(), future.lastTime(), h - future.length(), times.get(h - 1), how));
        }
        for (String k : schema.known()) {
            double[] v = future.column(k);
            for (int j = 0; j < h; j++) {
                if (Double.isNaN(v[j])) {
                    throw SeqcastException.data(String.format(Locale.ROOT, "%s: %s, and column '%s' is empty at %s (future row %d)%s",
                            future.source(), need, k, times.get(j), j + 1, how));
                }
            }
        }
    }
}
