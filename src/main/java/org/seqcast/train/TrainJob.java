package org.seqcast.train;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.seqcast.SeqcastException;
import org.seqcast.Versions;
import org.seqcast.config.ConfigLoader;
import org.seqcast.config.LayerConfig;
import org.seqcast.config.SeqcastConfig;
import org.seqcast.data.TimeSeries;
import org.seqcast.eval.Baselines;
import org.seqcast.eval.Metrics;
import org.seqcast.forecast.Predictor;
import org.seqcast.forecast.SeriesColumns;
import org.seqcast.model.NetworkFactory;
import org.seqcast.model.NetworkParams;
import org.seqcast.model.NetworkSpec;
import org.seqcast.store.ModelBundle;
import org.seqcast.store.Provenance;
import org.seqcast.store.Schema;
import org.seqcast.transform.Preprocessor;
import org.seqcast.window.Split;
import org.seqcast.window.WindowSpec;
import org.seqcast.window.Windows;

/**
 * One training run as a pure function of (config, series): window, scale, build, train (an
 * ensemble in parallel when configured), score against baselines on the validation windows, calibrate
 * intervals, and return the model bundle with its report. Used by {@code train}, {@code backtest} and
 * {@code batch} alike.
 */
public final class TrainJob {

    /** Validation scores in original units of the model and of the baselines on the same windows. */
    public record Report(int trainWindows, int validationWindows, int droppedWindows, int features, int timesteps,
                         int outputs, int season, int bestEpoch, int epochsRun, double mae, double rmse,
                         double naiveMae, double naiveRmse, double seasonalNaiveMae, double seasonalNaiveRmse) {
    }

    /** The trained model, its report, and the loss curves of each member. */
    public record Outcome(ModelBundle bundle, Report report, List<Trainer.Result> curves) {
    }

    private TrainJob() {
    }

    /** Lookback for {@code window.timesteps: auto}: two seasons (or 2 x horizon when there is no season), within what the series allows. */
    public static int autoTimesteps(int season, int horizon, int rows) {
        int want = season > 1 ? 2 * season : Math.max(2 * horizon, 8);
        int cap = Math.max(1, (rows - 3 * horizon) / 2);
        return Math.max(1, Math.min(want, cap));
    }

    public static int season(SeqcastConfig cfg, TimeSeries series) {
        return cfg.data().season() > 0 ? cfg.data().season() : series.frequency().defaultSeason();
    }

    /**
     * @param workers threads for ensemble members (1 = sequential)
     * @param progress receives epochs of the first member only (the others train alongside)
     * @param info     one-line notes for stderr (the windows line)
     */
    public static Outcome run(SeqcastConfig cfg, TimeSeries series, int workers, ProgressSink progress, Consumer<String> info) {
        List<String> targets = cfg.data().target();
        List<String> features = cfg.data().features();
        List<String> columns = new ArrayList<>(targets);
        columns.addAll(features);
        int rows = series.length();
        int season = season(cfg, series);
        int horizon = cfg.window().horizon();
        int timesteps = cfg.window().timesteps() > 0 ? cfg.window().timesteps() : autoTimesteps(season, horizon, rows);
        WindowSpec spec = new WindowSpec(timesteps, horizon, cfg.window().stride());
        Split split = Split.of(rows, spec, cfg.training().validation(), series.source());

        boolean seasonInputs = cfg.transform().seasonInputs() && season > 1;
        double[][] values = SeriesColumns.of(series, columns);
        double[][] raw = seasonInputs ? SeriesColumns.withSeason(values, series.index(), season) : values;
        boolean recursive = cfg.forecast().recursive();
        Schema schema = new Schema(series.timeColumn(), series.frequency().unit().name(), series.frequency().multiple(),
                targets, features, timesteps, horizon, season, seasonInputs, recursive);
        int outputs = schema.networkOutputs();
        // What the network is fitted on: the horizon's windows, or one-step windows over the same rows for a recursive model.
        WindowSpec fitSpec = recursive ? new WindowSpec(timesteps, 1, cfg.window().stride()) : spec;
        int lastTrainTarget = split.train() == 0 ? -1 : spec.start(rows, split.train() - 1) + timesteps + horizon - 1;
        int[] fitTrain = recursive ? oneStep(fitSpec, rows, 0, lastTrainTarget) : new int[] {0, split.train()};
        int[] fitVal = recursive ? (split.windows() > split.valStart() ? oneStep(fitSpec, rows, spec.start(rows, split.valStart()), rows - 1)
                : new int[] {0, 0}) : new int[] {split.valStart(), split.windows()};
        int[] fitAll = recursive ? oneStep(fitSpec, rows, 0, rows - 1) : new int[] {0, split.windows()};
        if (recursive) {
            info.accept("strategy: recursive (the network forecasts one step; each forecast is fed back for the next, " + horizon + " times)");
        }
        List<Boolean> norms = cfg.transform().windowNormChoices();
        Preprocessor firstPre = Preprocessor.fit(raw, targets.size(), split.fitRows(), cfg.transform().target(), norms.get(0), series.source());
        boolean log = firstPre.log();
        String normNote = norms.size() > 1 ? "window normalisation auto (relative windows and global levels both trained, the lower validation MAE kept)"
                : norms.get(0) ? "each window relative to its last value" : "";
        if (log || !normNote.isEmpty()) {
            info.accept("transform: " + (log ? "log of " + String.join(", ", targets) + (normNote.isEmpty() ? "" : ", ") : "") + normNote);
        }
        if (seasonInputs) {
            info.accept("season inputs: sin and cos of the position in the season of " + season + " steps, from the time column");
        }

        NetworkSpec netSpec = networkSpec(cfg, raw.length, timesteps, outputs);
        int members = cfg.training().ensemble();
        Trainer.Options base = new Trainer.Options(cfg.training().epochs(), cfg.training().batchSize(), cfg.training().patience(),
                cfg.training().seed());
        List<Trainer.Options> options = java.util.Collections.nCopies(members, base);
        Candidate best = null;
        for (boolean norm : norms) {
            if (best != null && best.val().size() == 0) {
                break; // nothing to choose by
            }
            Preprocessor pre = best == null ? firstPre
                    : Preprocessor.fit(raw, targets.size(), split.fitRows(), cfg.transform().target(), norm, series.source());
            double[][] transformed = pre.apply(raw, series.source());
            Windows train = pre.windows(transformed, fitSpec, fitTrain[0], fitTrain[1]);
            Windows val = pre.windows(transformed, spec, split.valStart(), split.windows());
            Windows valFit = recursive ? pre.windows(transformed, fitSpec, fitVal[0], fitVal[1]) : val;
            if (best == null) {
                info.accept(String.format(Locale.ROOT, "windows: %d train + %d validation samples x %d timesteps x %d feature%s -> %d output%s%s",
                        train.size(), val.size(), timesteps, raw.length, raw.length == 1 ? "" : "s", outputs, outputs == 1 ? "" : "s",
                        split.dropped() > 0 ? " (" + split.dropped() + " between them left out so validation targets are unseen)" : ""));
            }
            List<Trainer.Result> curves = new ArrayList<>();
            List<NetworkParams> params = trainMembers(cfg, netSpec, train, valFit, options, workers, progress, curves);
            double[] factor = cfg.forecast().shrink() && pre.windowNorm() && val.size() > 0 ? Shrinkage.fit(netSpec, params, val) : null;
            if (factor != null) {
                params = params.stream().map(p -> p.scaleOutputs(factor)).toList();
            }
            Candidate c = score(new Candidate(pre, transformed, train, val, params, curves, factor), netSpec, raw, targets.size(), schema);
            if (norms.size() > 1) {
                info.accept(String.format(Locale.ROOT, "window_norm auto: %s: validation MAE %.5g after %d epochs",
                        norm ? "relative windows" : "global levels", c.mae(), curves.get(0).bestEpoch()));
            }
            if (best == null || c.mae() < best.mae()) {
                best = c;
            }
        }
        if (norms.size() > 1) {
            info.accept("window_norm auto: kept " + (best.pre().windowNorm() ? "relative windows" : "global levels"));
        }
        Preprocessor pre = best.pre();
        double[][] transformed = best.transformed();
        Windows train = best.train();
        Windows val = best.val();
        List<Trainer.Result> curves = best.curves();
        List<NetworkParams> params = best.params();
        double[] factor = best.factor();
        if (factor != null) {
            info.accept("shrink: predicted change from the last value scaled by " + Shrinkage.describe(factor, horizon, targets.size()));
        }
        double[] actual = best.actual();
        double[] model = best.model();
        double[][][] residuals = best.residuals();
        Trainer.Result first = curves.get(0);
        Report report = new Report(train.size(), val.size(), split.dropped(), raw.length, timesteps, outputs, season,
                first.bestEpoch(), first.epochsRun(), Metrics.mae(actual, model), Metrics.rmse(actual, model),
                Metrics.mae(actual, best.naive()), Metrics.rmse(actual, best.naive()), Metrics.mae(actual, best.snaive()),
                Metrics.rmse(actual, best.snaive()));

        List<ModelBundle.IntervalBand> bands = new ArrayList<>();
        for (int level : cfg.forecast().intervals()) {
            bands.add(Calibration.conformal(level, residuals, pre.log()));
        }
        if (cfg.training().refit() && val.size() > 0) {
            // Validation picked the epoch count and scored the model above; now every window trains it.
            Windows all = pre.windows(transformed, fitSpec, fitAll[0], fitAll[1]);
            List<Trainer.Options> again = new ArrayList<>();
            for (int m = 0; m < members; m++) {
                again.add(new Trainer.Options(Math.max(1, curves.get(m).bestEpoch()), base.batchSize(), 0, base.seed()));
            }
            info.accept(String.format(Locale.ROOT, "refit: %d windows, %d epoch%s", all.size(), again.get(0).epochs(),
                    again.get(0).epochs() == 1 ? "" : "s"));
            List<NetworkParams> refit = trainMembers(cfg, netSpec, all, null, again, workers, progress.phase("refit"), new ArrayList<>());
            if (factor != null) {
                refit = refit.stream().map(p -> p.scaleOutputs(factor)).toList();
            }
            params = refit;
        }

        Map<String, Double> scores = new LinkedHashMap<>();
        scores.put("validation_mae", report.mae());
        scores.put("validation_rmse", report.rmse());
        scores.put("naive_mae", report.naiveMae());
        scores.put("seasonal_naive_mae", report.seasonalNaiveMae());
        Provenance prov = new Provenance(series.source(), series.sha256(), rows, series.firstTime(), series.lastTime(),
                cfg.training().seed(), Versions.seqcast(), Versions.dl4j(), Versions.java(),
                Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(), report.bestEpoch(), report.epochsRun(), scores);
        ModelBundle bundle = new ModelBundle(ConfigLoader.toYaml(cfg), schema, netSpec, params, pre, bands, prov);
        return new Outcome(bundle, report, curves);
    }

    /**
     * One way of preparing the series, trained, with its validation forecasts in original units beside
     * the naive and seasonal-naive forecasts of the same windows, and the residuals for intervals.
     */
    private record Candidate(Preprocessor pre, double[][] transformed, Windows train, Windows val, List<NetworkParams> params,
                             List<Trainer.Result> curves, double[] factor, double[] actual, double[] model, double[] naive,
                             double[] snaive, double[][][] residuals) {
        Candidate(Preprocessor pre, double[][] transformed, Windows train, Windows val, List<NetworkParams> params,
                  List<Trainer.Result> curves, double[] factor) {
            this(pre, transformed, train, val, params, curves, factor, null, null, null, null, null);
        }

        /** Validation MAE in original units; +infinity without validation windows (never preferred). */
        double mae() {
            return actual.length == 0 ? Double.POSITIVE_INFINITY : Metrics.mae(actual, model);
        }
    }

    /** Window indices [from, to) of a one-step spec whose inputs start at row {@code firstStart} or later and whose target is row {@code lastTarget} or earlier. */
    static int[] oneStep(WindowSpec w, int rows, int firstStart, int lastTarget) {
        int n = w.count(rows);
        int from = n;
        int to = 0;
        for (int k = 0; k < n; k++) {
            int st = w.start(rows, k);
            if (st >= firstStart && st + w.timesteps() + w.horizon() - 1 <= lastTarget) {
                from = Math.min(from, k);
                to = k + 1;
            }
        }
        return from >= to ? new int[] {0, 0} : new int[] {from, to};
    }

    private static Candidate score(Candidate c, NetworkSpec netSpec, double[][] raw, int k, Schema schema) {
        int horizon = schema.horizon();
        int timesteps = schema.timesteps();
        int season = schema.season();
        Predictor predictor = new Predictor(netSpec, c.params(), c.pre(), schema);
        Windows val = c.val();
        int n = val.size();
        double[] actual = new double[n * horizon * k];
        double[] model = new double[actual.length];
        double[] naive = new double[actual.length];
        double[] snaive = new double[actual.length];
        double[][][] residuals = new double[horizon][k][n];
        int i = 0;
        for (int s = 0; s < n; s++) {
            int start = val.start(s);
            double[][] pred = predictor.predict(c.pre().input(c.transformed(), start, timesteps));
            for (int col = 0; col < k; col++) {
                double[] history = Arrays.copyOfRange(raw[col], 0, start + timesteps);
                double[] nv = Baselines.naive(history, horizon);
                double[] sn = Baselines.seasonalNaive(history, horizon, season);
                for (int st = 0; st < horizon; st++) {
                    int idx = i + st * k + col;
                    actual[idx] = raw[col][start + timesteps + st];
                    model[idx] = pred[st][col];
                    naive[idx] = nv[st];
                    snaive[idx] = sn[st];
                    // A log-modelled series errs in proportion to its level: calibrate its intervals in log units.
                    residuals[st][col][s] = c.pre().log() ? Math.log(actual[idx]) - Math.log(model[idx]) : actual[idx] - model[idx];
                }
            }
            i += horizon * k;
        }
        return new Candidate(c.pre(), c.transformed(), c.train(), val, c.params(), c.curves(), c.factor(), actual, model, naive, snaive,
                residuals);
    }

    public static NetworkSpec networkSpec(SeqcastConfig cfg, int inputs, int timesteps, int outputs) {
        List<int[]> ub = new ArrayList<>();
        List<Double> dropouts = new ArrayList<>();
        for (LayerConfig l : cfg.model().layers()) {
            ub.add(new int[] {l.units(), l.bidirectional() ? 1 : 0});
            dropouts.add(l.dropout());
        }
        return NetworkSpec.of(inputs, timesteps, ub, dropouts, outputs);
    }

    private static List<NetworkParams> trainMembers(SeqcastConfig cfg, NetworkSpec netSpec, Windows train, Windows val,
                                                    List<Trainer.Options> options, int workers, ProgressSink progress,
                                                    List<Trainer.Result> curves) {
        int members = options.size();
        if (members == 1 || workers <= 1) {
            List<NetworkParams> out = new ArrayList<>();
            for (int m = 0; m < members; m++) {
                Member r = trainOne(cfg, netSpec, train, val, options.get(m), m, m == 0 ? progress : ProgressSink.QUIET);
                out.add(r.params);
                curves.add(r.result);
            }
            return out;
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(workers, members), r -> {
            Thread t = new Thread(r, "seqcast-member");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<Member>> futures = new ArrayList<>();
            for (int m = 0; m < members; m++) {
                final int mm = m;
                futures.add(pool.submit(() -> trainOne(cfg, netSpec, train, val, options.get(mm), mm, mm == 0 ? progress : ProgressSink.QUIET)));
            }
            List<NetworkParams> out = new ArrayList<>();
            for (Future<Member> f : futures) {
                Member r = f.get();
                out.add(r.params);
                curves.add(r.result);
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SeqcastException(SeqcastException.Kind.INTERNAL, "training interrupted", e);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof RuntimeException re) {
                throw re;
            }
            throw new SeqcastException(SeqcastException.Kind.INTERNAL, "training failed: " + c, c);
        } finally {
            pool.shutdownNow();
        }
    }

    private record Member(NetworkParams params, Trainer.Result result) {
    }

    private static Member trainOne(SeqcastConfig cfg, NetworkSpec netSpec, Windows train, Windows val, Trainer.Options base, int m,
                                   ProgressSink progress) {
        long seed = base.seed() + 1_000_003L * m;
        MultiLayerNetwork net = NetworkFactory.build(netSpec, cfg.training().learningRate(), seed);
        Trainer trainer = new Trainer(net, train, val);
        Trainer.Result r = trainer.fit(new Trainer.Options(base.epochs(), base.batchSize(), base.patience(), seed), progress);
        return new Member(NetworkParams.of(net), r);
    }
}
