package org.seqcast.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.seqcast.SeqcastException;
import org.seqcast.config.SeqcastConfig;
import org.seqcast.data.TimeSeries;
import org.seqcast.eval.Backtest;
import org.seqcast.eval.Scores;
import org.seqcast.forecast.Forecast;
import org.seqcast.forecast.ForecastCsv;
import org.seqcast.forecast.Forecaster;
import org.seqcast.io.AtomicFiles;
import org.seqcast.store.ModelBundle;
import org.seqcast.train.ProgressSink;
import org.seqcast.train.TrainJob;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code seqcast backtest}: rolling-origin evaluation against naive, seasonal-naive and drift baselines. */
@Command(name = "backtest", mixinStandardHelpOptions = true,
        description = {"Rolling-origin evaluation: train on the rows before each of --folds origins (--step rows apart, the",
                "last leaving window.horizon rows), forecast, and score MAE, RMSE, MAPE, sMAPE and MASE per fold, per",
                "horizon step and overall, beside naive, seasonal-naive and drift forecasts on the same folds.",
                "--holdout H is one cut that trains on all but the last H rows (window.horizon becomes H)."})
public final class BacktestCommand extends Subcommand {
    @Mixin
    ConfigMixin config;

    @Option(names = "--folds", paramLabel = "K", defaultValue = "3", description = "Number of origins (default ${DEFAULT-VALUE}).")
    int folds;

    @Option(names = "--step", paramLabel = "S", description = "Rows between origins (default: window.horizon).")
    Integer step;

    @Option(names = "--holdout", paramLabel = "H", description = "One cut: train on all but the last H rows and forecast them.")
    Integer holdout;

    @Option(names = "--no-retrain", description = "Train once, at the first origin, and forecast every origin with that model.")
    boolean noRetrain;

    @Option(names = "--json", description = "Print the scores as JSON on stdout instead of the table.")
    boolean json;

    @Option(names = {"-o", "--output"}, paramLabel = "DIR", description = "Write forecasts.csv (every forecast beside its actual value) here.")
    Path out;

    /** The spelling before 0.2 ({@code --out}), kept hidden for a release. */
    @Option(names = "--out", hidden = true, paramLabel = "DIR")
    void outAlias(Path dir) {
        out = dir;
    }

    @Option(names = "--workers", paramLabel = "N", description = "Folds trained at once, one thread each (default: all cores).")
    Integer workers;

    @Mixin
    PlotMixin plot;

    @Override
    protected int run() throws Exception {
        List<String> sets = new ArrayList<>(config.sets);
        if (holdout != null) {
            if (holdout < 1) {
                throw SeqcastException.config("--holdout must be >= 1, got " + holdout);
            }
            sets.add("window.horizon=" + holdout);
        }
        SeqcastConfig cfg = org.seqcast.config.ConfigLoader.load(config.configFile(), sets);
        SeriesLoading.Prepared prepared = SeriesLoading.prepare(cfg, config, this::info);
        cfg = prepared.cfg();
        TimeSeries series = prepared.series();
        int h = cfg.window().horizon();
        int k = holdout != null ? 1 : folds;
        int s = step != null ? step : h;
        int[] cuts;
        try {
            cuts = Backtest.cuts(series.length(), h, k, s);
        } catch (IllegalArgumentException e) {
            throw SeqcastException.data(series.source() + ": " + series.length() + " rows are too few for " + k + " folds "
                    + s + " rows apart with window.horizon = " + h + "; use fewer --folds or a smaller --step");
        }
        int season = TrainJob.season(cfg, series);
        List<String> targets = cfg.data().target();
        info(String.format(Locale.ROOT, "backtest: %d fold%s, origins after rows %s, horizon %d, season %d%s", k, k == 1 ? "" : "s",
                java.util.Arrays.toString(cuts), h, season, noRetrain ? ", trained once" : ""));

        List<Forecast> forecasts = forecastFolds(cfg, series, cuts);
        List<Backtest.Fold> fs = new ArrayList<>();
        int[] inside = new int[forecasts.get(0).levels().size()];
        int pairs = 0;
        for (int f = 0; f < cuts.length; f++) {
            Forecast fc = forecasts.get(f);
            double[][] hist = new double[targets.size()][];
            double[][] act = new double[targets.size()][h];
            double[][] pred = new double[targets.size()][h];
            for (int c = 0; c < targets.size(); c++) {
                double[] col = series.column(targets.get(c));
                hist[c] = java.util.Arrays.copyOf(col, cuts[f]);
                for (int st = 0; st < h; st++) {
                    act[c][st] = col[cuts[f] + st];
                    pred[c][st] = fc.values()[st][c];
                    for (int l = 0; l < inside.length; l++) {
                        if (act[c][st] >= fc.lower()[l][st][c] && act[c][st] <= fc.upper()[l][st][c]) {
                            inside[l]++;
                        }
                    }
                    pairs++;
                }
            }
            fs.add(new Backtest.Fold(cuts[f], hist, act, pred));
        }
        Backtest.Result r = Backtest.score(fs, season);
        List<Integer> firstRows = new ArrayList<>();
        for (int c : cuts) {
            firstRows.add(c);
        }
        // The plot first: when it cannot be written, no other output has gone out with the failing exit code.
        if (plot.draw(series, forecasts, firstRows, season)) {
            info("plot: " + plot.path());
        }
        if (out != null) {
            writeForecasts(series, cuts, forecasts, fs);
        }
        if (json) {
            out().println(json(r, cuts, h, season, forecasts.get(0).levels(), inside, pairs));
        } else {
            out().print(table(r, cuts, forecasts.get(0).levels(), inside, pairs));
        }
        return ExitCode.OK.code();
    }

    private List<Forecast> forecastFolds(SeqcastConfig cfg, TimeSeries series, int[] cuts) throws Exception {
        if (noRetrain) {
            ModelBundle b = TrainJob.run(cfg, series.slice(0, cuts[0]), 1, ProgressSink.QUIET, line -> { }).bundle();
            Forecaster fc = new Forecaster(b);
            List<Forecast> out = new ArrayList<>();
            for (int c : cuts) {
                out.add(fc.forecast(series.slice(0, c)));
            }
            return out;
        }
        int w = Math.max(1, Math.min(cuts.length, workers != null ? workers : Runtime.getRuntime().availableProcessors()));
        ExecutorService pool = Executors.newFixedThreadPool(w, run -> {
            Thread t = new Thread(run, "seqcast-fold");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<Forecast>> futures = new ArrayList<>();
            for (int c : cuts) {
                TimeSeries train = series.slice(0, c);
                futures.add(pool.submit(() -> new Forecaster(TrainJob.run(cfg, train, 1, ProgressSink.QUIET, line -> { }).bundle())
                        .forecast(train)));
            }
            List<Forecast> out = new ArrayList<>();
            for (Future<Forecast> f : futures) {
                try {
                    out.add(f.get());
                } catch (java.util.concurrent.ExecutionException e) {
                    if (e.getCause() instanceof RuntimeException re) {
                        throw re;
                    }
                    throw e;
                }
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    private void writeForecasts(TimeSeries series, int[] cuts, List<Forecast> forecasts, List<Backtest.Fold> folds) {
        AtomicFiles.write(out.resolve("forecasts.csv"), os -> {
            java.io.Writer wr = new java.io.OutputStreamWriter(os, java.nio.charset.StandardCharsets.UTF_8);
            CSVPrinter p = new CSVPrinter(wr, CSVFormat.DEFAULT.builder().setRecordSeparator('\n').build());
            Forecast first = forecasts.get(0);
            List<String> header = new ArrayList<>(List.of("fold", "origin", series.timeColumn(), "step", "target", "actual", "forecast"));
            for (int level : first.levels()) {
                header.add("lo" + level);
                header.add("hi" + level);
            }
            p.printRecord(header);
            for (int f = 0; f < cuts.length; f++) {
                Forecast fc = forecasts.get(f);
                for (int st = 0; st < fc.horizon(); st++) {
                    for (int c = 0; c < fc.targets().size(); c++) {
                        List<String> row = new ArrayList<>(List.of(String.valueOf(f + 1), series.index().label(cuts[f] - 1),
                                series.index().label(cuts[f] + st), String.valueOf(st + 1), fc.targets().get(c),
                                ForecastCsv.number(folds.get(f).actual()[c][st]), ForecastCsv.number(fc.values()[st][c])));
                        for (int l = 0; l < fc.levels().size(); l++) {
                            row.add(ForecastCsv.number(fc.lower()[l][st][c]));
                            row.add(ForecastCsv.number(fc.upper()[l][st][c]));
                        }
                        p.printRecord(row);
                    }
                }
            }
            p.flush();
        });
        info("forecasts: " + out.resolve("forecasts.csv"));
    }

    private static String table(Backtest.Result r, int[] cuts, List<Integer> levels, int[] inside, int pairs) {
        StringBuilder sb = new StringBuilder();
        String fmt = "%-16s %12s %12s %9s %9s %9s%n";
        sb.append(String.format(Locale.ROOT, "Overall (%d fold%s)%n", cuts.length, cuts.length == 1 ? "" : "s"));
        sb.append(String.format(Locale.ROOT, fmt, "method", "MAE", "RMSE", "MAPE", "sMAPE", "MASE"));
        for (Map.Entry<String, Scores> e : r.overall().entrySet()) {
            Scores s = e.getValue();
            sb.append(String.format(Locale.ROOT, fmt, e.getKey(), n(s.mae()), n(s.rmse()), p(s.mape()), p(s.smape()), p(s.mase())));
        }
        sb.append(String.format(Locale.ROOT, "%nPer fold (model MASE vs seasonal naive MASE)%n"));
        for (int f = 0; f < cuts.length; f++) {
            Map<String, Scores> m = r.perFold().get(f);
            sb.append(String.format(Locale.ROOT, "  fold %d (origin after row %d): model %s, naive %s, seasonal naive %s, drift %s%n", f + 1,
                    cuts[f], p(m.get("model").mase()), p(m.get("naive").mase()), p(m.get("seasonal_naive").mase()), p(m.get("drift").mase())));
        }
        sb.append(String.format(Locale.ROOT, "%nPer horizon step (model MAE)%n"));
        for (int st = 0; st < r.perStep().size(); st++) {
            sb.append(String.format(Locale.ROOT, "  step %d: %s%n", st + 1, n(r.perStep().get(st).get("model").mae())));
        }
        for (int l = 0; l < levels.size(); l++) {
            sb.append(String.format(Locale.ROOT, "%n%d%% interval coverage: %.1f%% of %d actuals", levels.get(l), 100.0 * inside[l] / pairs, pairs));
        }
        if (!levels.isEmpty()) {
            sb.append('\n');
        }
        return sb.toString();
    }

    private static String n(double v) {
        return ForecastCsv.display(v);
    }

    private static String p(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.3f", v);
    }

    private static String json(Backtest.Result r, int[] cuts, int h, int season, List<Integer> levels, int[] inside, int pairs)
            throws Exception {
        ObjectMapper m = new ObjectMapper();
        ObjectNode root = m.createObjectNode();
        root.put("folds", cuts.length);
        root.put("horizon", h);
        root.put("season", season);
        ArrayNode origins = root.putArray("origins");
        for (int c : cuts) {
            origins.add(c);
        }
        root.set("overall", scores(m, r.overall()));
        ArrayNode pf = root.putArray("per_fold");
        r.perFold().forEach(f -> pf.add(scores(m, f)));
        ArrayNode ps = root.putArray("per_step");
        r.perStep().forEach(f -> ps.add(scores(m, f)));
        ObjectNode cov = root.putObject("interval_coverage");
        for (int l = 0; l < levels.size(); l++) {
            cov.put(String.valueOf(levels.get(l)), (double) inside[l] / pairs);
        }
        return m.writerWithDefaultPrettyPrinter().writeValueAsString(root);
    }

    private static ObjectNode scores(ObjectMapper m, Map<String, Scores> by) {
        ObjectNode o = m.createObjectNode();
        by.forEach((k, s) -> {
            ObjectNode x = o.putObject(k);
            x.put("mae", s.mae());
            x.put("rmse", s.rmse());
            x.put("mape", s.mape());
            x.put("smape", s.smape());
            x.put("mase", s.mase());
        });
        return o;
    }
}
