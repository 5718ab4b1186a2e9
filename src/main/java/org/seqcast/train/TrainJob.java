package org.seqcast.train;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.seqcast.SeqcastException;
import org.seqcast.Versions;
import org.seqcast.backtest.Backtest;
import org.seqcast.backtest.HistoricalForecasts;
import org.seqcast.config.SeqcastConfig;
import org.seqcast.config.WindowNorm;
import org.seqcast.data.TimeSeries;
import org.seqcast.forecast.Forecaster;
import org.seqcast.forecast.ModelBundle;
import org.seqcast.forecast.Provenance;
import org.seqcast.model.NetworkParams;
import org.seqcast.model.fast.FastLstm;
import org.seqcast.window.Windows;

/**
 * The one training pipeline, for one series ({@code train}, {@code backtest}, per-series {@code batch}) and for
 * many ({@code batch --global}): {@link Plan} (every auto resolved) → {@link PreparedSeries} per series and
 * window-normalisation candidate → {@link Fitter} (the ensemble, early stopping) → optional shrink → validation
 * forecasts of every series scored through {@link HistoricalForecasts} beside the baselines → the candidate with the
 * lower scaled validation error kept → interval calibration per series → optional refit on every window → a
 * {@link ModelBundle} per series and a {@link TrainReport}. A pure function of (config, series): no I/O, no
 * shared state; {@link #run(SeqcastConfig, TimeSeries, int, ProgressSink)} is exactly the global run over one series.
 */
public final class TrainJob {

    /** One series' trained model and its report. */
    public record Outcome(ModelBundle bundle, TrainReport report, Fit fit) {
        /** The loss curves of each member's early-stopping run. */
        public List<Trainer.Result> curves() {
            return fit.curves();
        }
    }

    /**
     * A run over many series: the shared report, a model per series that could be prepared (in input order),
     * the reason for each series that could not (by id, in input order), and for a run over more than one series the
     * global model ({@link ModelBundle.Kind#GLOBAL}: one network and the recipe that fits any series; null otherwise).
     */
    public record GlobalOutcome(TrainReport report, Map<String, ModelBundle> models, Map<String, SeqcastException> failures, Fit fit,
                                ModelBundle global) {
    }

    private TrainJob() {
    }

    /**
     * Trains on one series; exactly {@link #run(SeqcastConfig, List, List, int, ProgressSink)} over that one series.
     *
     * @param workers  threads for ensemble members (1 = sequential)
     * @param progress receives epochs of the first member only (the others train alongside)
     * @throws SeqcastException when the series cannot be prepared or training fails
     */
    public static Outcome run(SeqcastConfig cfg, TimeSeries series, int workers, ProgressSink progress) {
        GlobalOutcome g = run(cfg, List.of(series.source()), List.of(series), workers, progress);
        if (!g.failures().isEmpty()) {
            throw g.failures().values().iterator().next();
        }
        return new Outcome(g.models().values().iterator().next(), g.report(), g.fit());
    }

    /**
     * Trains one network on the windows of all series (each prepared with its own preprocessor) and makes a
     * model per series. A series that cannot be prepared (too short, bad values) fails alone; when none can,
     * or training itself fails, the exception propagates.
     *
     * @param ids the series ids, parallel to {@code series}, distinct
     */
    public static GlobalOutcome run(SeqcastConfig cfg, List<String> ids, List<TimeSeries> series, int workers, ProgressSink progress) {
        long t0 = System.nanoTime();
        if (ids.size() != series.size() || ids.isEmpty()) {
            throw new IllegalArgumentException("Invalid input: " + ids.size() + " ids for " + series.size() + " series");
        }
        Plan plan = Plan.of(cfg, series);
        if (plan.pad()) {
            series = recent(plan, series);
        }
        Fitter fitter = new Fitter(plan, workers);
        Map<String, SeqcastException> failures = new LinkedHashMap<>();
        List<TrainReport.Candidate> tried = new ArrayList<>();
        Candidate best = null;
        for (WindowNorm norm : plan.windowNorms()) {
            List<PreparedSeries> prepared = new ArrayList<>();
            for (int i = 0; i < ids.size(); i++) {
                if (failures.containsKey(ids.get(i))) {
                    continue;
                }
                try {
                    prepared.add(PreparedSeries.of(plan, ids.get(i), series.get(i), norm));
                } catch (SeqcastException e) {
                    failures.put(ids.get(i), e);
                }
            }
            if (prepared.isEmpty()) {
                throw failures.values().iterator().next();
            }
            Fit fit = fitter.fit(prepared, progress);
            double[] factor = cfg.forecast().shrink() && norm == WindowNorm.RELATIVE
                    ? Shrinkage.fit(plan.network(), fit.params(), Windows.concat(prepared.stream().map(PreparedSeries::validation).toList()))
                    : null;
            if (factor != null) {
                fit = fit.withParams(scaled(fit.params(), factor));
            }
            Candidate c = Candidate.score(plan, prepared, fit, factor, workers);
            tried.add(new TrainReport.Candidate(norm, c.validationMae(), c.scaledError(), fit.first().bestEpoch()));
            if (best == null || c.scaledError() < best.scaledError()) {
                best = c;
            }
        }

        Fit fit = best.fit();
        TrainReport.Refit refit = null;
        if (cfg.training().refit()) {
            int windows = fitter.refitWindows(best.prepared());
            Fit again = fitter.refit(best.prepared(), fit, progress);
            refit = new TrainReport.Refit(windows, fit.curves().stream().map(r -> Math.max(1, r.bestEpoch())).toList());
            fit = again.withParams(best.factor() == null ? again.params() : scaled(again.params(), best.factor()));
        }

        Trainer.Result first = fit.first();
        List<TrainReport.SeriesReport> reports = new ArrayList<>();
        Map<String, ModelBundle> models = new LinkedHashMap<>();
        String trainedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        String cpu = Machine.cpu();
        String blas = FastLstm.blas();
        for (int i = 0; i < best.prepared().size(); i++) {
            PreparedSeries p = best.prepared().get(i);
            List<Backtest.Fold> folds = best.folds().get(i);
            Map<org.seqcast.forecast.Method, org.seqcast.eval.Scores> overall = folds.isEmpty() ? Map.of() : Backtest.score(folds).overall();
            TrainReport.SeriesReport r = new TrainReport.SeriesReport(p.id(), p.series().length(), p.season(), p.pre().log(),
                    p.train().size(), p.validationCuts().length, p.split().dropped(), overall);
            if (folds.isEmpty() && !cfg.forecast().intervals().isEmpty()) {
                failures.put(p.id(), SeqcastException.data(p.series().source() + ": " + p.series().length() + " rows leave no validation "
                        + "window to calibrate forecast.intervals on; give more rows, lower window.horizon, or set forecast.intervals: []"));
                continue;
            }
            reports.add(r);
            List<ModelBundle.IntervalBand> bands = new ArrayList<>();
            for (int level : cfg.forecast().intervals()) {
                // A log-modelled series errs in proportion to its level: its intervals are calibrated in log units.
                bands.add(Calibration.conformal(level, Backtest.residuals(folds, p.pre().log()), p.pre().log()));
            }
            TimeSeries s = p.series();
            Provenance prov = new Provenance(s.source(), s.sha256(), s.length(), s.firstTime(), s.lastTime(), cfg.training().seed(),
                    Versions.seqcast(), Versions.dl4j(), Versions.java(), trainedAt, first.bestEpoch(), first.epochsRun(),
                    best.prepared().size(), plan.engine().key(), fit.kernel(), cpu, blas, overall, org.seqcast.forecast.Method.MODEL, null,
                    null, plan.combineEts() ? Provenance.ETS : Provenance.NONE);
            models.put(p.id(), new ModelBundle(cfg, plan.schema(s), plan.network(), fit.params(), p.pre(), bands, prov));
        }
        ModelBundle global = ids.size() > 1 && !models.isEmpty()
                ? global(cfg, plan, best, fit, reports, trainedAt, cpu, blas) : null;
        TrainReport report = new TrainReport(best.prepared().size(), plan.timesteps(), plan.horizon(), plan.network().inputs(),
                plan.network().outputs(), plan.strategy(), plan.seasonInputs(), plan.engine(), fit.kernel(),
                best.prepared().get(0).pre().windowNorm() ? WindowNorm.RELATIVE : WindowNorm.LEVELS, tried,
                fit.params().size(), first.bestEpoch(), first.epochsRun(), refit, best.factor(), reports, (System.nanoTime() - t0) / 1e9,
                ahead(plan, best.prepared().get(0)), plan.combineEts() ? Provenance.ETS : Provenance.NONE);
        return new GlobalOutcome(report, models, failures, fit, global);
    }

    /**
     * The one model of a run over many series: the network, the recipe of the plan (with the kept window normalisation),
     * the schema of the first series (the others share its frequency, or are refused when it is applied), no intervals
     * (they are calibrated per series), and the provenance of the whole training set: a digest of the series' data hashes,
     * total rows, earliest and latest times, the ids, and the mean over the series of each validation score.
     */
    private static ModelBundle global(SeqcastConfig cfg, Plan plan, Candidate best, Fit fit, List<TrainReport.SeriesReport> reports,
                                      String trainedAt, String cpu, String blas) {
        List<PreparedSeries> prepared = best.prepared();
        StringBuilder hashes = new StringBuilder();
        long rows = 0;
        TimeSeries first = prepared.get(0).series();
        TimeSeries last = first;
        List<String> ids = new ArrayList<>();
        for (PreparedSeries p : prepared) {
            TimeSeries s = p.series();
            hashes.append(s.sha256()).append('\n');
            rows += s.length();
            ids.add(p.id());
            if (s.index().positionAt(0) < first.index().positionAt(0)) {
                first = s;
            }
            if (s.index().positionAt(s.length() - 1) > last.index().positionAt(last.length() - 1)) {
                last = s;
            }
        }
        Map<org.seqcast.forecast.Method, org.seqcast.eval.Scores> mean = new LinkedHashMap<>();
        for (org.seqcast.forecast.Method m : org.seqcast.forecast.Method.values()) {
            double[] sum = new double[5];
            int[] n = new int[5];
            for (TrainReport.SeriesReport r : reports) {
                org.seqcast.eval.Scores sc = r.validation().get(m);
                if (sc == null) {
                    continue;
                }
                double[] v = {sc.mae(), sc.rmse(), sc.mape(), sc.smape(), sc.mase()};
                for (int j = 0; j < 5; j++) {
                    if (Double.isFinite(v[j])) {
                        sum[j] += v[j];
                        n[j]++;
                    }
                }
            }
            if (n[0] > 0) {
                double[] a = new double[5];
                for (int j = 0; j < 5; j++) {
                    a[j] = n[j] == 0 ? Double.NaN : sum[j] / n[j];
                }
                mean.put(m, new org.seqcast.eval.Scores(a[0], a[1], a[2], a[3], a[4]));
            }
        }
        Trainer.Result r = fit.first();
        // the series of one long-format file carry that file's hash: the model names the file; else a digest of the series' hashes
        String path = prepared.size() + " series";
        String digest = org.seqcast.forecast.TrainingSet.sha256(hashes.toString());
        String firstSha = prepared.get(0).series().sha256();
        String firstSource = prepared.get(0).series().source();
        int bracket = firstSource.lastIndexOf(" [");
        if (firstSha != null && bracket > 0 && prepared.stream().allMatch(p -> firstSha.equals(p.series().sha256())
                && p.series().source().startsWith(firstSource.substring(0, bracket + 2)))) {
            path = firstSource.substring(0, bracket);
            digest = firstSha;
        }
        Provenance prov = new Provenance(path, digest, (int) Math.min(Integer.MAX_VALUE, rows), first.firstTime(),
                last.lastTime(), cfg.training().seed(), Versions.seqcast(), Versions.dl4j(), Versions.java(), trainedAt, r.bestEpoch(),
                r.epochsRun(), prepared.size(), plan.engine().key(), fit.kernel(), cpu, blas, mean, org.seqcast.forecast.Method.MODEL, null,
                org.seqcast.forecast.TrainingSet.of(ids, rows), plan.combineEts() ? Provenance.ETS : Provenance.NONE);
        WindowNorm kept = prepared.get(0).pre().windowNorm() ? WindowNorm.RELATIVE : WindowNorm.LEVELS;
        return new ModelBundle(cfg, plan.schema(prepared.get(0).series()), plan.network(), fit.params(), null, pooledBands(cfg, best), prov,
                plan.recipe(kept));
    }

    /**
     * The intervals of a global model: conformal half-widths from the validation residuals of every series modelled in
     * logs, pooled in log units (scale-free, so series of any level share them); none when no such series has a
     * validation window. Each series' own intervals (what {@code batch --global} writes) are calibrated on its residuals
     * alone; the pooled ones are what the model file gives a series it forecasts, seen in training or not.
     */
    private static List<ModelBundle.IntervalBand> pooledBands(SeqcastConfig cfg, Candidate best) {
        List<Backtest.Fold> logged = new ArrayList<>();
        for (int i = 0; i < best.prepared().size(); i++) {
            if (best.prepared().get(i).pre().log()) {
                logged.addAll(best.folds().get(i));
            }
        }
        List<ModelBundle.IntervalBand> bands = new ArrayList<>();
        if (logged.isEmpty()) {
            return bands;
        }
        for (int level : cfg.forecast().intervals()) {
            bands.add(Calibration.conformal(level, Backtest.residuals(logged, true), true));
        }
        return bands;
    }

    private static TrainReport.Ahead ahead(Plan plan, PreparedSeries p) {
        if (!plan.ahead()) {
            return null;
        }
        org.seqcast.forecast.Schema s = plan.schema(p.series());
        return new TrainReport.Ahead(s.seasons(), s.lags(), s.known(), p.pre().ahead().baseLag());
    }

    /**
     * Over many series each series trains on its most recent {@link Plan#historyRows} rows only: one network learns
     * from every series' windows alike, and decades-old windows (the growth rates of another era) would pull it away
     * from the present that it forecasts. The forecast still starts at each series' end.
     */
    static List<TimeSeries> recent(Plan plan, List<TimeSeries> series) {
        List<TimeSeries> out = new ArrayList<>();
        for (TimeSeries s : series) {
            int keep = plan.historyRows(s);
            out.add(s.length() > keep ? s.slice(s.length() - keep, s.length()) : s);
        }
        return out;
    }

    /**
     * Why a network cannot be trained on this one series (too few rows for one training and one validation window at
     * the resolved lookback and horizon), or empty when it can. A plan with windows into the forecast period (seasonal
     * lags, known inputs) is never replaced by a classical method: its own error says what to change.
     */
    public static java.util.Optional<String> tooShort(SeqcastConfig cfg, TimeSeries series) {
        Plan plan = Plan.of(cfg, List.of(series));
        if (plan.ahead()) {
            return java.util.Optional.empty();
        }
        try {
            org.seqcast.window.Split.of(series.length(), plan.spec(), cfg.training().validation(), series.source());
            return java.util.Optional.empty();
        } catch (SeqcastException e) {
            return java.util.Optional.of(e.getMessage());
        }
    }

    private static List<NetworkParams> scaled(List<NetworkParams> params, double[] factor) {
        return params.stream().map(p -> p.scaleOutputs(factor)).toList();
    }

    /**
     * One window normalisation trained over the prepared series, with every series' validation forecasts
     * (from the origins of its validation windows, the model fitted once) and their scores.
     */
    private record Candidate(List<PreparedSeries> prepared, Fit fit, double[] factor, List<List<Backtest.Fold>> folds,
                             double validationMae, double scaledError) {

        /** Each series' validation forecasts on {@code workers} threads (in input order), then the pooled scores. */
        static Candidate score(Plan plan, List<PreparedSeries> prepared, Fit fit, double[] factor, int workers) {
            List<List<Backtest.Fold>> folds = org.seqcast.Parallel.map(prepared, workers, "seqcast-validation", p -> {
                if (p.validationCuts().length == 0) {
                    return List.<Backtest.Fold>of(); // too short for a validation window (padded run): trained on, not scored
                }
                Forecaster model = new Forecaster(plan.schema(p.series()), plan.network(), fit.params(), p.pre(), List.of(), plan.pad(),
                        plan.combineEts());
                HistoricalForecasts.Origins origins = new HistoricalForecasts.Origins(p.validationCuts(), plan.horizon(), plan.targets(),
                        p.season());
                List<Backtest.Fold> f = HistoricalForecasts.run(p.series(), origins, model);
                requireFinite(f, p);
                return f;
            });
            double absSum = 0;
            long count = 0;
            double scaled = 0;
            int k = plan.targets().size();
            for (int i = 0; i < prepared.size(); i++) {
                PreparedSeries p = prepared.get(i);
                List<Backtest.Fold> f = folds.get(i);
                if (f.isEmpty()) {
                    continue;
                }
                double mae = Backtest.score(f).overall().get(org.seqcast.forecast.Method.MODEL).mae();
                long n = (long) f.size() * plan.horizon() * k;
                absSum += mae * n;
                count += n;
                scaled += mae / p.scale(k);
            }
            return new Candidate(prepared, fit, factor, folds, absSum / count, scaled / prepared.size());
        }

        private static void requireFinite(List<Backtest.Fold> folds, PreparedSeries p) {
            for (Backtest.Fold f : folds) {
                for (double[] step : f.model().values()) {
                    for (double v : step) {
                        if (!Double.isFinite(v)) {
                            throw new SeqcastException(SeqcastException.Kind.NUMERIC, p.series().source() + ": the validation forecast is not "
                                    + "finite (" + v + "); training diverged: lower training.learning_rate or check the series for extreme values");
                        }
                    }
                }
            }
        }
    }
}
