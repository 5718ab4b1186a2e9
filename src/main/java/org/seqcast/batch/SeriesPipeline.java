package org.seqcast.batch;

import java.util.List;
import org.seqcast.SeqcastException;
import org.seqcast.backtest.Backtest;
import org.seqcast.backtest.BaselineMethod;
import org.seqcast.backtest.HistoricalForecasts;
import org.seqcast.data.AutoDefaults;
import org.seqcast.config.SeqcastConfig;
import org.seqcast.data.TimeSeries;
import org.seqcast.eval.Scores;
import org.seqcast.forecast.Forecast;
import org.seqcast.forecast.ForecastMethod;
import org.seqcast.forecast.Forecaster;
import org.seqcast.forecast.Method;
import org.seqcast.forecast.ModelBundle;
import org.seqcast.train.Plan;
import org.seqcast.train.ProgressSink;
import org.seqcast.train.SavedModels;
import org.seqcast.train.TrainJob;
import org.seqcast.train.TrainReport;

/**
 * The per-series work of a batch as pure functions of their arguments, with no I/O and no shared state:
 * {@code (config, series) -> result}. A failure of the series (bad data, too short, diverged, a bug)
 * becomes a FAILED result carrying its one-line reason, never an exception, so a runner (the local
 * worker pool, or a distributed engine mapping over series) can run them independently. Training is
 * {@link TrainJob}; the holdout of {@code --evaluate} is one origin of {@link HistoricalForecasts}.
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
            java.util.Optional<String> tooShort = TrainJob.tooShort(cfg, series);
            if (tooShort.isPresent() && cfg.forecast().intervals().isEmpty()) {
                return fallback(cfg, id, series, options, t0, tooShort.get());
            }
            SeriesResult.Holdout holdout = options.evaluate()
                    ? holdout(cfg, series, history -> new Forecaster(TrainJob.run(cfg, history, 1, ProgressSink.QUIET).bundle()))
                    : null;
            TrainJob.Outcome o = TrainJob.run(cfg, series, 1, ProgressSink.QUIET);
            return ok(id, series, o.bundle(), o.report().first(), o.report().epochsRun(), holdout, seconds(t0), options.keepBundle());
        } catch (RuntimeException e) {
            return failed(id, series.length(), seconds(t0), e);
        }
    }

    /**
     * A series too short for a network ({@link TrainJob#tooShort}) forecast with the Theta method instead (chosen over
     * SES, naive and seasonal naive on the M1 series too short for a network: bench/RESULTS.md); its model is a classical one
     * ({@link SavedModels#classical}: Theta, refitted on the history it is given), saved like any other.
     */
    static SeriesResult fallback(SeqcastConfig cfg, String id, TimeSeries series, Options options, long t0, String reason) {
        int h = cfg.window().horizonSteps();
        int season = Plan.season(cfg, series);
        SeriesResult.Holdout holdout = null;
        if (options.evaluate()) {
            // scored in the model's place beside the baselines
            holdout = holdout(cfg, series, history -> asModel(new BaselineMethod(Method.THETA, cfg.data().target(), h, Plan.season(cfg, history))));
        }
        Forecast f = checkedForecast(new BaselineMethod(Method.THETA, cfg.data().target(), h, season), series);
        return new SeriesResult(id, SeriesResult.Status.OK, series.length(), 0, Double.NaN, holdout == null ? Double.NaN : finiteOrNaN(holdout.mase()),
                holdout, seconds(t0), null, f, options.keepBundle() ? SavedModels.classical(cfg, series, reason) : null, Method.THETA.key());
    }

    private static ForecastMethod asModel(ForecastMethod m) {
        return new ForecastMethod() {
            @Override
            public Method method() {
                return Method.MODEL;
            }

            @Override
            public Forecast forecast(TimeSeries history) {
                return m.forecast(history);
            }
        };
    }

    /** Forecast the series with a saved model, without training. */
    public static SeriesResult apply(ModelBundle bundle, String id, TimeSeries series) {
        long t0 = System.nanoTime();
        try {
            Forecast f = checkedForecast(SavedModels.forecaster(bundle), series);
            return new SeriesResult(id, SeriesResult.Status.OK, series.length(), bundle.provenance().epochsRun(),
                    bundle.provenance().validationMae(), Double.NaN, null, seconds(t0), null, f, null, methodOf(bundle));
        } catch (RuntimeException e) {
            return failed(id, series.length(), seconds(t0), e);
        }
    }

    /** The OK result of a trained model: its forecast after the series, its validation scores, the holdout's when evaluated. */
    static SeriesResult ok(String id, TimeSeries series, ModelBundle bundle, TrainReport.SeriesReport report, int epochs,
                           SeriesResult.Holdout holdout, double seconds, boolean keepBundle) {
        Forecast f = checkedForecast(new Forecaster(bundle), series);
        Scores validation = report.model(); // null: too short for a validation window (trained on in a padded global run)
        double mase = holdout != null ? holdout.mase() : validation == null ? Double.NaN : validation.mase();
        return new SeriesResult(id, SeriesResult.Status.OK, series.length(), epochs, validation == null ? Double.NaN : validation.mae(),
                finiteOrNaN(mase), holdout,
                seconds, null, f, keepBundle ? bundle : null, methodOf(bundle));
    }

    /**
     * The summary's {@code method} cell of a model: {@code theta} for a classical model, {@code model+ets} for a network
     * whose point forecasts are the mean with ETS' ({@code forecast.combine}), {@code model} for the network alone.
     */
    static String methodOf(ModelBundle bundle) {
        if (bundle.kind() == ModelBundle.Kind.CLASSICAL) {
            return bundle.provenance().method().key();
        }
        return bundle.provenance().combinesEts() ? Method.MODEL.key() + "+" + org.seqcast.forecast.Provenance.ETS : Method.MODEL.key();
    }

    /**
     * The holdout of {@code --evaluate}: the model {@code fitting} makes of all rows but the last {@code window.horizon}
     * forecasts those rows, scored beside naive and seasonal naive from the same history (one origin of the
     * historical-forecasts engine).
     */
    static SeriesResult.Holdout holdout(SeqcastConfig cfg, TimeSeries series, HistoricalForecasts.Fitting fitting) {
        int h = cfg.window().horizonSteps();
        int n = series.length();
        if (n <= h) {
            throw SeqcastException.data(series.source() + ": " + n + " rows; --evaluate holds out the last window.horizon = " + h
                    + " rows, so give more rows or lower window.horizon");
        }
        HistoricalForecasts.Origins origins = new HistoricalForecasts.Origins(new int[] {n - h}, h, cfg.data().target(),
                Plan.season(cfg, series.slice(0, n - h)));
        List<Backtest.Fold> folds = HistoricalForecasts.run(series, origins, history -> checked(fitting.fit(history)),
                HistoricalForecasts.Refit.ONCE, 1);
        var overall = Backtest.score(folds).overall();
        return new SeriesResult.Holdout(overall.get(Method.MODEL).mae(), overall.get(Method.NAIVE).mae(),
                overall.get(Method.SEASONAL_NAIVE).mae(), finiteOrNaN(overall.get(Method.MODEL).mase()));
    }

    /** A method whose forecasts are checked finite (a diverged network fails its series with a clear reason). */
    private static ForecastMethod checked(ForecastMethod m) {
        return new ForecastMethod() {
            @Override
            public Method method() {
                return m.method();
            }

            @Override
            public Forecast forecast(TimeSeries history) {
                return checkedForecast(m, history);
            }
        };
    }

    static Forecast checkedForecast(ForecastMethod method, TimeSeries series) {
        Forecast f = method.forecast(series);
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
