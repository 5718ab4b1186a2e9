package org.seqcast.forecast;

import java.util.ArrayList;
import java.util.List;
import org.seqcast.SeqcastException;
import org.seqcast.data.TimeSeries;
import org.seqcast.model.NetworkParams;
import org.seqcast.model.NetworkSpec;
import org.seqcast.transform.Preprocessor;

/**
 * The trained network as a {@link ForecastMethod}: forecasts the {@code horizon} steps after the end of a
 * series from its last {@code timesteps} rows, transformed as in training, through every member,
 * median-combined, with the calibrated intervals, stamped with timestamps continuing the series. Made from a
 * saved {@link ModelBundle}, or from the parts while training scores a candidate on its validation origins.
 */
public final class Forecaster implements ForecastMethod {
    private final Schema schema;
    private final Preprocessor pre;
    private final List<ModelBundle.IntervalBand> intervals;
    private final Predictor predictor;
    private final boolean pad;

    /** A saved model; one trained across many series pads a series shorter than its lookback, as it was trained to. */
    public Forecaster(ModelBundle bundle) {
        this(bundle.schema(), bundle.network(), bundle.members(), fitted(bundle), bundle.intervals(), bundle.provenance().series() > 1);
    }

    private static Preprocessor fitted(ModelBundle bundle) {
        if (bundle.kind() != ModelBundle.Kind.NETWORK) {
            throw new IllegalArgumentException("Invalid model: a " + bundle.kind() + " model is fitted to each series first (train.SavedModels)");
        }
        return bundle.preprocessor();
    }

    public Forecaster(Schema schema, NetworkSpec network, List<NetworkParams> members, Preprocessor pre,
                      List<ModelBundle.IntervalBand> intervals) {
        this(schema, network, members, pre, intervals, false);
    }

    /**
     * @param pad a series shorter than the lookback is padded in front ({@link Preprocessor#padFront}) instead of
     *            refused: for a network trained across many series on windows padded the same way
     */
    public Forecaster(Schema schema, NetworkSpec network, List<NetworkParams> members, Preprocessor pre,
                      List<ModelBundle.IntervalBand> intervals, boolean pad) {
        this.pad = pad;
        this.schema = schema;
        this.pre = pre;
        this.intervals = List.copyOf(intervals);
        this.predictor = new Predictor(network, members, pre, schema);
    }

    @Override
    public Method method() {
        return Method.MODEL;
    }

    /** The horizon after the last row, with the known inputs of the series' future rows when the model reads any. */
    @Override
    public Forecast forecast(TimeSeries series) {
        return forecast(series, series.future());
    }

    /**
     * The horizon after the last row of {@code series}: only its last {@code timesteps} rows are read and transformed
     * (plus the lags' history for a model with seasonal lags); a model with known columns reads them for the forecast
     * steps from {@code future} (which must continue the series' times; its other columns are not read).
     */
    @Override
    public Forecast forecast(TimeSeries series, TimeSeries future) {
        int n = series.length();
        int t = schema.timesteps();
        int need = t + (pre.ahead() == null ? 0 : pre.ahead().history());
        if (n < t && pad && pre.ahead() == null) {
            double[][] transformed = pre.padFront(pre.apply(SeriesColumns.of(series, schema), series.source()), t - n,
                    schema.seasonInputs() && schema.seasons().size() == 1 ? schema.season() : 0);
            double[][] values = predictor.predict(pre.last(transformed, t));
            return withIntervals(series.futureTimes(schema.horizon()), values);
        }
        if (n < need) {
            throw SeqcastException.data(series.source() + ": " + n + " rows; the model looks back "
                    + need + " rows (window.timesteps" + (need > t ? " and the seasonal lags" : "") + "), so give at least " + need + " rows");
        }
        TimeSeries window = n == need ? series : series.slice(n - need, n);
        double[][] values;
        if (schema.ahead()) {
            double[][] transformed = pre.apply(SeriesColumns.ahead(window, future, schema), series.source());
            values = predictor.predict(pre.aheadInput(transformed, need, t));
        } else {
            double[][] transformed = pre.apply(SeriesColumns.of(window, schema), series.source());
            values = predictor.predict(pre.last(transformed, t));
        }
        return withIntervals(series.futureTimes(schema.horizon()), values);
    }

    /** Adds the calibrated interval offsets of the model to point values [step][target]. */
    public Forecast withIntervals(List<String> times, double[][] values) {
        int levels = intervals.size();
        int h = schema.horizon();
        int k = schema.targets().size();
        List<Integer> ls = new ArrayList<>();
        double[][][] lo = new double[levels][h][k];
        double[][][] hi = new double[levels][h][k];
        for (int l = 0; l < levels; l++) {
            ModelBundle.IntervalBand band = intervals.get(l);
            ls.add(band.level());
            for (int st = 0; st < h; st++) {
                for (int c = 0; c < k; c++) {
                    lo[l][st][c] = band.apply(values[st][c], band.lower()[st][c]);
                    hi[l][st][c] = band.apply(values[st][c], band.upper()[st][c]);
                }
            }
        }
        return new Forecast(schema.timeColumn(), times, schema.targets(), values, ls, lo, hi);
    }
}
