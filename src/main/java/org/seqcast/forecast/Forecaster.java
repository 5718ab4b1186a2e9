package org.seqcast.forecast;

import java.util.ArrayList;
import java.util.List;
import org.seqcast.SeqcastException;
import org.seqcast.data.TimeSeries;
import org.seqcast.eval.Ets;
import org.seqcast.model.NetworkParams;
import org.seqcast.model.NetworkSpec;
import org.seqcast.transform.Preprocessor;

/**
 * The trained network as a {@link ForecastMethod}: forecasts the {@code horizon} steps after the end of a
 * series from its last {@code timesteps} rows, transformed as in training, through every member,
 * median-combined, with the calibrated intervals, stamped with timestamps continuing the series. Made from a
 * saved {@link ModelBundle}, or from the parts while training scores a candidate on its validation origins.
 *
 * <p>With {@code forecast.combine} resolved to ets ({@link Provenance#combinesEts}) each target's point forecast is
 * the equal-weight mean of the network's and automatic exponential smoothing's ({@link Ets}) fitted on the same
 * history, before the intervals are added (they were calibrated on the combined forecasts). A Forecaster asked again
 * for a longer history that begins with the one its ETS was fitted on (the later validation origins, a backtest
 * refitted once) runs that ETS on over the new rows instead of refitting, as the network is not refitted either;
 * a new Forecaster (predict, a refit at every origin) fits afresh. Calls are serialised.
 */
public final class Forecaster implements ForecastMethod {
    private final Schema schema;
    private final Preprocessor pre;
    private final List<ModelBundle.IntervalBand> intervals;
    private final Predictor predictor;
    private final boolean pad;
    private final boolean ets;
    /** Per target, the ETS model fitted on the first history this Forecaster saw (see the class comment). */
    private final Ets.Model[] fitted;
    private final double[][] fittedOn;

    /**
     * A saved model; one trained across many series pads a series shorter than its lookback, as it was trained to,
     * and one whose provenance says so combines with ETS.
     */
    public Forecaster(ModelBundle bundle) {
        this(bundle.schema(), bundle.network(), bundle.members(), fitted(bundle), bundle.intervals(), bundle.provenance().series() > 1,
                bundle.provenance().combinesEts());
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
        this(schema, network, members, pre, intervals, pad, false);
    }

    /** @param ets each point forecast is the mean of the network's and automatic ETS' ({@code forecast.combine}) */
    public Forecaster(Schema schema, NetworkSpec network, List<NetworkParams> members, Preprocessor pre,
                      List<ModelBundle.IntervalBand> intervals, boolean pad, boolean ets) {
        this.pad = pad;
        this.ets = ets;
        this.fitted = new Ets.Model[schema.targets().size()];
        this.fittedOn = new double[schema.targets().size()][];
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
            return withIntervals(series.futureTimes(schema.horizon()), combined(series, values));
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
        return withIntervals(series.futureTimes(schema.horizon()), combined(series, values));
    }

    /** Whether the point forecasts are the mean of the network's and ETS'. */
    public boolean combinesEts() {
        return ets;
    }

    /** The network's point values [step][target], or with {@link #ets} their mean with ETS' fitted on the same history. */
    private synchronized double[][] combined(TimeSeries series, double[][] values) {
        if (!ets) {
            return values;
        }
        int h = schema.horizon();
        List<String> targets = schema.targets();
        double[][] out = new double[values.length][];
        for (int st = 0; st < values.length; st++) {
            out[st] = values[st].clone();
        }
        for (int c = 0; c < targets.size(); c++) {
            double[] y = series.column(targets.get(c));
            Ets.Model model;
            if (fitted[c] != null && y.length >= fittedOn[c].length
                    && java.util.Arrays.equals(fittedOn[c], 0, fittedOn[c].length, y, 0, fittedOn[c].length)) {
                model = fitted[c].over(y);
            } else {
                try {
                    model = Ets.fit(y, schema.season());
                } catch (IllegalArgumentException e) {
                    throw SeqcastException.data(series.source() + ": column '" + targets.get(c) + "': exponential smoothing cannot be "
                            + "fitted (" + e.getMessage() + "); fill the gaps (data.missing) or set forecast.combine: none");
                }
                if (fitted[c] == null) {
                    fitted[c] = model;
                    fittedOn[c] = y.clone();
                }
            }
            double[] f = model.forecast(h);
            for (int st = 0; st < h; st++) {
                out[st][c] = (out[st][c] + f[st]) / 2;
            }
        }
        return out;
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
