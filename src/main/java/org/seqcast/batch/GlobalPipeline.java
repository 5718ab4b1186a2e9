package org.seqcast.batch;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.seqcast.SeqcastException;
import org.seqcast.Versions;
import org.seqcast.config.ConfigLoader;
import org.seqcast.config.AutoDefaults;
import org.seqcast.config.SeqcastConfig;
import org.seqcast.data.TimeSeries;
import org.seqcast.eval.Metrics;
import org.seqcast.forecast.Forecast;
import org.seqcast.forecast.Forecaster;
import org.seqcast.forecast.Predictor;
import org.seqcast.forecast.SeriesColumns;
import org.seqcast.model.NetworkFactory;
import org.seqcast.model.NetworkParams;
import org.seqcast.model.NetworkSpec;
import org.seqcast.store.ModelBundle;
import org.seqcast.store.Provenance;
import org.seqcast.store.Schema;
import org.seqcast.train.Calibration;
import org.seqcast.train.ProgressSink;
import org.seqcast.train.TrainJob;
import org.seqcast.train.Trainer;
import org.seqcast.transform.Preprocessor;
import org.seqcast.window.Split;
import org.seqcast.window.WindowSpec;
import org.seqcast.window.Windows;

/**
 * {@code --global}: one network trained on the windows of all series together, each series transformed
 * by its own {@link Preprocessor} (fitted on its own training rows), then every series forecast with the
 * shared network and its own scaling. A pure function of (config, series) like {@link SeriesPipeline};
 * a series that cannot be windowed fails alone, a training failure fails them all.
 */
public final class GlobalPipeline {
    private GlobalPipeline() {
    }

    /** One series prepared for the shared network. */
    private record Prepared(String id, TimeSeries series, Preprocessor pre, double[][] raw, double[][] transformed, Windows train,
                            Windows val, int season) {
    }

    /**
     * @param series the series in input order (ids parallel)
     * @return one result per series, in the same order
     */
    public static List<SeriesResult> run(SeqcastConfig config, List<String> ids, List<TimeSeries> series, SeriesPipeline.Options options) {
        if (ids.size() != series.size()) {
            throw new IllegalArgumentException("Invalid input: " + ids.size() + " ids for " + series.size() + " series");
        }
        // One network, one horizon: window.horizon: auto follows the first series' frequency and the shortest series.
        SeqcastConfig cfg = series.isEmpty() ? config : AutoDefaults.resolve(config, series.get(0).frequency(),
                series.stream().mapToInt(TimeSeries::length).min().orElse(0));
        if (cfg.forecast().recursive()) {
            throw org.seqcast.SeqcastException.config("--global trains direct (multi-output) models only; drop --global or set "
                    + "forecast.strategy: direct");
        }
        long t0 = System.nanoTime();
        Map<String, SeriesResult.Holdout> holdouts = new LinkedHashMap<>();
        Map<String, String> holdoutErrors = new LinkedHashMap<>();
        if (options.evaluate()) {
            List<TimeSeries> histories = new ArrayList<>();
            List<String> hids = new ArrayList<>();
            int h = cfg.window().horizon();
            for (int i = 0; i < series.size(); i++) {
                TimeSeries s = series.get(i);
                if (s.length() <= h) {
                    holdoutErrors.put(ids.get(i), s.source() + ": " + s.length() + " rows; --evaluate holds out the last window.horizon = "
                            + h + " rows, so give more rows or lower window.horizon");
                } else {
                    hids.add(ids.get(i));
                    histories.add(s.slice(0, s.length() - h));
                }
            }
            List<SeriesResult> hr = fit(cfg, hids, histories, false);
            for (int i = 0; i < hr.size(); i++) {
                SeriesResult r = hr.get(i);
                if (r.ok()) {
                    int idx = ids.indexOf(r.id());
                    holdouts.put(r.id(), SeriesPipeline.score(cfg, series.get(idx), r.forecast().values()));
                } else {
                    holdoutErrors.put(r.id(), "holdout: " + r.error());
                }
            }
        }
        List<SeriesResult> full = fit(cfg, ids, series, options.keepBundle());
        double each = SeriesPipeline.seconds(t0) / Math.max(1, ids.size());
        List<SeriesResult> out = new ArrayList<>();
        for (SeriesResult r : full) {
            if (r.ok() && holdoutErrors.containsKey(r.id())) {
                out.add(SeriesResult.notOk(r.id(), SeriesResult.Status.FAILED, r.rows(), each, holdoutErrors.get(r.id())));
            } else if (r.ok()) {
                SeriesResult.Holdout ho = holdouts.get(r.id());
                out.add(new SeriesResult(r.id(), r.status(), r.rows(), r.epochs(), r.validationMae(), ho != null ? ho.mase() : r.mase(), ho,
                        each, null, r.forecast(), r.bundle()));
            } else {
                out.add(SeriesResult.notOk(r.id(), r.status(), r.rows(), each, r.error()));
            }
        }
        return out;
    }

    private static List<SeriesResult> fit(SeqcastConfig cfg, List<String> ids, List<TimeSeries> series, boolean keepBundle) {
        List<String> targets = cfg.data().target();
        List<String> columns = new ArrayList<>(targets);
        columns.addAll(cfg.data().features());
        int horizon = cfg.window().horizon();
        int timesteps = cfg.window().timesteps();
        if (timesteps <= 0) {
            timesteps = Integer.MAX_VALUE;
            for (TimeSeries s : series) {
                timesteps = Math.min(timesteps, TrainJob.autoTimesteps(TrainJob.season(cfg, s), horizon, s.length()));
            }
        }
        // Seasonal inputs for all series when one has a season: the network's inputs are shared (a series
        // without a season gets the constant phase 0, sin 0 and cos 1).
        boolean seasonInputs = false;
        for (TimeSeries s : series) {
            seasonInputs |= cfg.transform().seasonInputs() && TrainJob.season(cfg, s) > 1;
        }
        SeriesResult[] results = new SeriesResult[ids.size()];
        List<Prepared> prepared = new ArrayList<>();
        if (!series.isEmpty()) {
            WindowSpec spec = new WindowSpec(timesteps, horizon, cfg.window().stride());
            for (int i = 0; i < ids.size(); i++) {
                TimeSeries s = series.get(i);
                try {
                    Split split = Split.of(s.length(), spec, cfg.training().validation(), s.source());
                    double[][] values = SeriesColumns.of(s, columns);
                    double[][] raw = seasonInputs ? SeriesColumns.withSeason(values, s.index(), TrainJob.season(cfg, s)) : values;
                    Preprocessor pre = Preprocessor.fit(raw, targets.size(), split.fitRows(), cfg.transform().target(),
                            cfg.transform().windowNormChoices().get(0), s.source()); // auto: relative windows (one network for all series)
                    double[][] tr = pre.apply(raw, s.source());
                    prepared.add(new Prepared(ids.get(i), s, pre, raw, tr, pre.windows(tr, spec, 0, split.train()),
                            pre.windows(tr, spec, split.valStart(), split.windows()), TrainJob.season(cfg, s)));
                } catch (RuntimeException e) {
                    results[i] = SeriesPipeline.failed(ids.get(i), s.length(), 0, e);
                }
            }
        }
        if (!prepared.isEmpty()) {
            try {
                train(cfg, columns.size() + (seasonInputs ? 2 : 0), seasonInputs, timesteps, prepared, keepBundle, ids, results);
            } catch (RuntimeException e) {
                for (Prepared p : prepared) {
                    results[ids.indexOf(p.id())] = SeriesPipeline.failed(p.id(), p.series().length(), 0, e);
                }
            }
        }
        return Arrays.asList(results);
    }

    private static void train(SeqcastConfig cfg, int inputs, boolean seasonInputs, int timesteps, List<Prepared> prepared,
                              boolean keepBundle, List<String> ids, SeriesResult[] results) {
        int horizon = cfg.window().horizon();
        int k = cfg.data().target().size();
        Windows train = Windows.concat(prepared.stream().map(Prepared::train).toList());
        Windows val = Windows.concat(prepared.stream().map(Prepared::val).toList());
        NetworkSpec netSpec = TrainJob.networkSpec(cfg, inputs, timesteps, horizon * k);
        List<NetworkParams> params = new ArrayList<>();
        Trainer.Result first = null;
        for (int m = 0; m < cfg.training().ensemble(); m++) {
            long seed = cfg.training().seed() + 1_000_003L * m;
            MultiLayerNetwork net = NetworkFactory.build(netSpec, cfg.training().learningRate(), seed);
            Trainer.Result r = new Trainer(net, train, val).fit(new Trainer.Options(cfg.training().epochs(), cfg.training().batchSize(),
                    cfg.training().patience(), seed), ProgressSink.QUIET);
            params.add(NetworkParams.of(net));
            first = first == null ? r : first;
        }
        for (Prepared p : prepared) {
            int idx = ids.indexOf(p.id());
            try {
                results[idx] = perSeries(cfg, p, netSpec, params, first, timesteps, seasonInputs, keepBundle);
            } catch (RuntimeException e) {
                results[idx] = SeriesPipeline.failed(p.id(), p.series().length(), 0, e);
            }
        }
    }

    private static SeriesResult perSeries(SeqcastConfig cfg, Prepared p, NetworkSpec netSpec, List<NetworkParams> params,
                                          Trainer.Result curve, int timesteps, boolean seasonInputs, boolean keepBundle) {
        int horizon = cfg.window().horizon();
        List<String> targets = cfg.data().target();
        int k = targets.size();
        Predictor predictor = new Predictor(netSpec, params, p.pre(), horizon);
        int n = p.val().size();
        double[] actual = new double[n * horizon * k];
        double[] model = new double[actual.length];
        double[][][] residuals = new double[horizon][k][n];
        for (int s = 0; s < n; s++) {
            int start = p.val().start(s);
            double[][] pred = predictor.predict(p.pre().input(p.transformed(), start, timesteps));
            for (int c = 0; c < k; c++) {
                for (int st = 0; st < horizon; st++) {
                    int idx = (s * horizon + st) * k + c;
                    actual[idx] = p.raw()[c][start + timesteps + st];
                    model[idx] = pred[st][c];
                    residuals[st][c][s] = actual[idx] - model[idx];
                }
            }
        }
        requireFinite(model, p.series());
        double mae = Metrics.mae(actual, model);
        List<ModelBundle.IntervalBand> bands = new ArrayList<>();
        for (int level : cfg.forecast().intervals()) {
            bands.add(Calibration.conformal(level, residuals, false));
        }
        TimeSeries s = p.series();
        Schema schema = new Schema(s.timeColumn(), s.frequency().unit().name(), s.frequency().multiple(), targets, cfg.data().features(),
                timesteps, horizon, p.season(), seasonInputs);
        Map<String, Double> scores = new LinkedHashMap<>();
        scores.put("validation_mae", mae);
        Provenance prov = new Provenance(s.source(), s.sha256(), s.length(), s.firstTime(), s.lastTime(), cfg.training().seed(),
                Versions.seqcast(), Versions.dl4j(), Versions.java(), Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(),
                curve.bestEpoch(), curve.epochsRun(), scores);
        ModelBundle bundle = new ModelBundle(ConfigLoader.toYaml(cfg), schema, netSpec, params, p.pre(), bands, prov);
        Forecast f = new Forecaster(bundle).forecast(s);
        for (double[] step : f.values()) {
            for (double v : step) {
                if (!Double.isFinite(v)) {
                    throw new SeqcastException(SeqcastException.Kind.NUMERIC, "the forecast is not finite (" + v
                            + "); training diverged: lower training.learning_rate or check the series for extreme values");
                }
            }
        }
        double mase = mae / SeriesPipeline.scale(cfg, s, targets);
        return new SeriesResult(p.id(), SeriesResult.Status.OK, s.length(), curve.epochsRun(), mae, Double.isFinite(mase) ? mase : Double.NaN,
                null, 0, null, f, keepBundle ? bundle : null);
    }

    private static void requireFinite(double[] values, TimeSeries s) {
        for (double v : values) {
            if (!Double.isFinite(v)) {
                throw new SeqcastException(SeqcastException.Kind.NUMERIC, s.source() + ": the shared network's validation forecast is not "
                        + "finite; training diverged: lower training.learning_rate");
            }
        }
    }
}
