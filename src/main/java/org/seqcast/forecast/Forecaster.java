package org.seqcast.forecast;

import java.util.ArrayList;
import java.util.List;
import org.seqcast.SeqcastException;
import org.seqcast.data.TimeSeries;
import org.seqcast.store.ModelBundle;
import org.seqcast.store.Schema;

/**
 * Forecasts the next {@code horizon} steps after the end of a series with a saved model: the last
 * {@code timesteps} rows, transformed as in training, through every member, median-combined,
 * with the model's calibrated intervals, stamped with timestamps continuing the series.
 */
public final class Forecaster {
    private final ModelBundle bundle;
    private final Predictor predictor;

    public Forecaster(ModelBundle bundle) {
        this.bundle = bundle;
        Schema s = bundle.schema();
        this.predictor = new Predictor(bundle.network(), bundle.members(), bundle.preprocessor(), s);
    }

    public ModelBundle bundle() {
        return bundle;
    }

    public Predictor predictor() {
        return predictor;
    }

    public Forecast forecast(TimeSeries series) {
        Schema s = bundle.schema();
        if (series.length() < s.timesteps()) {
            throw SeqcastException.data(series.source() + ": " + series.length() + " rows; the model looks back "
                    + s.timesteps() + " rows (window.timesteps), so give at least " + s.timesteps() + " rows");
        }
        double[][] transformed = bundle.preprocessor().apply(SeriesColumns.of(series, s), series.source());
        double[][] values = predictor.predict(bundle.preprocessor().last(transformed, s.timesteps()));
        return withIntervals(series.futureTimes(s.horizon()), values);
    }

    /** Adds the calibrated interval offsets of the model to point values [step][target]. */
    public Forecast withIntervals(List<String> times, double[][] values) {
        Schema s = bundle.schema();
        int levels = bundle.intervals().size();
        List<Integer> ls = new ArrayList<>();
        double[][][] lo = new double[levels][s.horizon()][s.targets().size()];
        double[][][] hi = new double[levels][s.horizon()][s.targets().size()];
        for (int l = 0; l < levels; l++) {
            ModelBundle.IntervalBand band = bundle.intervals().get(l);
            ls.add(band.level());
            for (int st = 0; st < s.horizon(); st++) {
                for (int k = 0; k < s.targets().size(); k++) {
                    lo[l][st][k] = band.apply(values[st][k], band.lower()[st][k]);
                    hi[l][st][k] = band.apply(values[st][k], band.upper()[st][k]);
                }
            }
        }
        return new Forecast(s.timeColumn(), times, s.targets(), values, ls, lo, hi);
    }
}
