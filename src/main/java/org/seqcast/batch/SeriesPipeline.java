package org.seqcast.batch;

import java.util.List;
import org.seqcast.SeqcastException;
import org.seqcast.config.AutoDefaults;
import org.seqcast.config.SeqcastConfig;
import org.seqcast.data.TimeSeries;
import org.seqcast.eval.Baselines;
import org.seqcast.eval.Metrics;
import org.seqcast.forecast.Forecast;
import org.seqcast.forecast.Forecaster;
import org.seqcast.forecast.SeriesColumns;
import org.seqcast.store.ModelBundle;
import org.seqcast.train.ProgressSink;
import org.seqcast.train.TrainJob;

/**
 * The per-series work of a batch as pure functions of their arguments, with no I/O and no shared state:
 * {@code (config, series) -> result}. A failure of the series (bad data, too short, diverged, a bug)
 * becomes a FAILED result carrying its one-line reason, never an exception, so a runner (the local
 * worker pool, or a distributed engine mapping over series) can run them independently.
 */
public final class SeriesPipeline {

    /**
     * @param evaluate   also train without the last {@code window.horizon} rows and score the forecast of
     *                   them beside naive and seasonal naive (costs a second training)
     * @param keepBundle keep the trained model in the result (for {@code --save-models})
     */
    public record Options(boolean evaluate, boolean keepBundle) {
    }

    private SeriesPipeline() {
    }

    /** Train on the series (single-threaded), forecast after its end, and score; see {@link Options}. */
    public static SeriesResult run(SeqcastConfig config, String id, TimeSeries series, Options options) {
        SeqcastConfig cfg = AutoDefaults.resolve(config, series.frequency(), series.length());
        long t0 = System.nanoTime();
        try {
            SeriesResult.Holdout holdout = options.evaluate() ? holdout(cfg, series) : null;
            TrainJob.Outcome o = TrainJob.run(cfg, series, 1, ProgressSink.QUIET, line -> { });
            Forecast f = checkedForecast(new Forecaster(o.bundle()), series);
            double scale = scale(cfg, series, cfg.data().target());
            double mase = holdout != null ? holdout.mase() : o.report().mae() / scale;
            return new SeriesResult(id, SeriesResult.Status.OK, series.length(), o.report().epochsRun(), o.report().mae(), finiteOrNaN(mase),
                    holdout, seconds(t0), null, f, options.keepBundle() ? o.bundle() : null);
        } catch (RuntimeException e) {
            return failed(id, series.length(), seconds(t0), e);
        }
    }

    /** Forecast the series with a saved model, without training. */
    public static SeriesResult apply(ModelBundle bundle, String id, TimeSeries series) {
        long t0 = System.nanoTime();
        try {
            Forecast f = checkedForecast(new Forecaster(bundle), series);
            Double mae = bundle.provenance().scores().get("validation_mae");
            return new SeriesResult(id, SeriesResult.Status.OK, series.length(), bundle.provenance().epochsRun(),
                    mae == null ? Double.NaN : mae, Double.NaN, null, seconds(t0), null, f, null);
        } catch (RuntimeException e) {
            return failed(id, series.length(), seconds(t0), e);
        }
    }

    /**
     * Trains on all rows but the last {@code window.horizon}, forecasts those rows, and scores the forecast
     * and the naive and seasonal-naive forecasts from the same history.
     */
    public static SeriesResult.Holdout holdout(SeqcastConfig config, TimeSeries series) {
        SeqcastConfig cfg = AutoDefaults.resolve(config, series.frequency(), series.length());
        int h = cfg.window().horizon();
        int n = series.length();
        if (n <= h) {
            throw SeqcastException.data(series.source() + ": " + n + " rows; --evaluate holds out the last window.horizon = " + h
                    + " rows, so give more rows or lower window.horizon");
        }
        TimeSeries history = series.slice(0, n - h);
        TrainJob.Outcome o = TrainJob.run(cfg, history, 1, ProgressSink.QUIET, line -> { });
        Forecast f = checkedForecast(new Forecaster(o.bundle()), history);
        return score(cfg, series, f.values());
    }

    /** Holdout scores of {@code values[step][target]} against the last {@code horizon} rows of the series. */
    static SeriesResult.Holdout score(SeqcastConfig cfg, TimeSeries series, double[][] values) {
        List<String> targets = cfg.data().target();
        int h = values.length;
        int n = series.length();
        TimeSeries history = series.slice(0, n - h);
        int season = TrainJob.season(cfg, history);
        int k = targets.size();
        double[] actual = new double[h * k];
        double[] model = new double[h * k];
        double[] naive = new double[h * k];
        double[] snaive = new double[h * k];
        double[][] raw = SeriesColumns.of(series, targets);
        double[][] past = SeriesColumns.of(history, targets);
        for (int c = 0; c < k; c++) {
            double[] nv = Baselines.naive(past[c], h);
            double[] sn = Baselines.seasonalNaive(past[c], h, season);
            for (int st = 0; st < h; st++) {
                int i = st * k + c;
                actual[i] = raw[c][n - h + st];
                model[i] = values[st][c];
                naive[i] = nv[st];
                snaive[i] = sn[st];
            }
        }
        double mae = Metrics.mae(actual, model);
        return new SeriesResult.Holdout(mae, Metrics.mae(actual, naive), Metrics.mae(actual, snaive),
                finiteOrNaN(mae / scale(cfg, history, targets)));
    }

    /**
     * The MASE denominator: the in-sample MAE of the seasonal naive forecast (lag = the config's season,
     * lag 1 when the series is not longer than a season), averaged over the targets.
     */
    static double scale(SeqcastConfig cfg, TimeSeries series, List<String> targets) {
        int season = TrainJob.season(cfg, series);
        int m = series.length() > season ? season : 1;
        if (series.length() <= m) {
            return Double.NaN;
        }
        double s = 0;
        for (String t : targets) {
            s += Metrics.seasonalNaiveScale(series.column(t), m);
        }
        return s / targets.size();
    }

    private static Forecast checkedForecast(Forecaster forecaster, TimeSeries series) {
        Forecast f = forecaster.forecast(series);
        for (double[] step : f.values()) {
            for (double v : step) {
                if (!Double.isFinite(v)) {
                    throw new SeqcastException(SeqcastException.Kind.NUMERIC, "the forecast is not finite (" + v
                            + "); training diverged: lower training.learning_rate or check the series for extreme values");
                }
            }
        }
        return f;
    }

    /** A FAILED result whose error is the exception's one-line message (with its type when it is not ours). */
    static SeriesResult failed(String id, int rows, double seconds, RuntimeException e) {
        String msg = e instanceof SeqcastException se ? se.getMessage()
                : "internal error: " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        return SeriesResult.notOk(id, SeriesResult.Status.FAILED, rows, seconds, oneLine(msg));
    }

    static String oneLine(String s) {
        return s == null || s.isBlank() ? "unknown error" : s.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
    }

    private static double finiteOrNaN(double v) {
        return Double.isFinite(v) ? v : Double.NaN;
    }

    static double seconds(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }
}
