package org.seqcast.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.seqcast.SeqcastException;
import org.seqcast.backtest.Backtest;
import org.seqcast.backtest.HistoricalForecasts;
import org.seqcast.config.SeqcastConfig;
import org.seqcast.data.TimeSeries;
import org.seqcast.forecast.Forecast;
import org.seqcast.forecast.ForecastCsv;
import org.seqcast.forecast.Forecaster;
import org.seqcast.io.AtomicFiles;
import org.seqcast.io.Json;
import org.seqcast.train.Plan;
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
                "--holdout H is one cut that trains on all but the last H rows (window.horizon becomes H).",
                "With --series-column COL, every series of a long-format CSV: a global model trained at each origin",
                "(--no-retrain: once, at the first), scores pooled over the series."})
public final class BacktestCommand extends Subcommand {
    @Mixin
    ConfigMixin config;

    @Option(names = "--folds", paramLabel = "K", description = "Number of origins, 1 or more (default 3; not with --holdout).")
    Integer folds;

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

    @Mixin
    LongFormatMixin longFormat;

    @Override
    protected int run() throws Exception {
        checkOptions();
        if (longFormat.seriesColumn() != null) {
            return backtestEvery(longFormat.seriesColumn());
        }
        List<String> sets = new ArrayList<>(config.sets);
        if (holdout != null) {
            if (holdout < 1) {
                throw SeqcastException.config("--holdout must be >= 1, got " + holdout);
            }
            sets.add("window.horizon=" + holdout);
        }
        SeqcastConfig loaded = org.seqcast.config.ConfigLoader.load(config.configFile(), sets);
        String path = loaded.data().path() == null ? null : config.resolveDataPath(loaded.data().path());
        Path forecastsCsv = out == null ? null : out.resolve("forecasts.csv");
        new OutputPaths().input("-c", config.configFile()).input("data.path", "-".equals(path) ? null : path).outputDirectory("--out", out)
                .outputInDirectory("--out", forecastsCsv).output("--plot", plot.path()).check();
        SeriesLoading.Prepared prepared = SeriesLoading.prepare(loaded, config, this::info);
        SeqcastConfig cfg = prepared.cfg();
        TimeSeries series = prepared.series();
        int h = cfg.window().horizonSteps();
        int k = holdout != null ? 1 : folds != null ? folds : 3;
        int s = step != null ? step : h;
        int[] cuts;
        try {
            cuts = Backtest.cuts(series.length(), h, k, s);
        } catch (IllegalArgumentException e) {
            throw SeqcastException.data(series.source() + ": " + series.length() + " rows are too few for " + k + " folds "
                    + s + " rows apart with window.horizon = " + h + "; use fewer --folds or a smaller --step");
        }
        int season = Plan.season(cfg, series);
        List<String> targets = cfg.data().target();
        info(String.format(Locale.ROOT, "backtest: %d fold%s, origins after rows %s, horizon %d, season %d%s", k, k == 1 ? "" : "s",
                java.util.Arrays.toString(cuts), h, season, noRetrain ? ", trained once" : ""));
        int w = Math.max(1, workers != null ? workers : Runtime.getRuntime().availableProcessors());
        List<Backtest.Fold> fs = HistoricalForecasts.run(series, new HistoricalForecasts.Origins(cuts, h, targets, season),
                history -> new Forecaster(TrainJob.run(cfg, history, 1, ProgressSink.QUIET).bundle()),
                noRetrain ? HistoricalForecasts.Refit.ONCE : HistoricalForecasts.Refit.EVERY_ORIGIN, w);
        Backtest.Result r = Backtest.score(fs);
        List<Integer> origins = new ArrayList<>();
        List<Forecast> forecasts = new ArrayList<>();
        for (Backtest.Fold f : fs) {
            origins.add(f.cut());
            forecasts.add(f.model());
        }
        // The files first, together (all or none): when one cannot be written, no other output has gone out.
        try (AtomicFiles.Group files = AtomicFiles.group()) {
            plot.draw(series, forecasts, origins, season);
            if (out != null) {
                OutputPaths.createDirectory("--out", out);
                writeForecasts(series, fs);
            }
            files.commit();
        }
        if (plot.path() != null) {
            info("plot: " + plot.path());
        }
        if (json) {
            out().println(Json.write(JsonReports.BacktestJson.of(r, origins, h, season, targets)));
        } else {
            out().print(Reports.table(r, origins, targets));
        }
        return ExitCode.OK.code();
    }

    /**
     * {@code --series-column}: a global backtest over every series of a long-format CSV. Origin f of K lies the same number
     * of rows before each series' end (its last leaving window.horizon rows); at each origin one global model is trained on
     * every series' rows before it (the pipeline of {@code batch --global}), and each series is forecast with it. With
     * {@code --no-retrain} the model of the first origin forecasts the later ones (each series' preprocessor refitted from
     * its history there, as {@code predict} does), so the run trains once. A series too short for an origin sits that
     * origin out (said on stderr). Scores pool every series' forecasts; MASE and sMAPE are scale-free, MAE is not.
     */
    private int backtestEvery(String seriesColumn) throws Exception {
        if (plot.path() != null) {
            throw SeqcastException.config("--plot draws one series; with --series-column every series is backtested: drop --plot");
        }
        List<String> sets = new ArrayList<>(config.sets);
        if (holdout != null) {
            if (holdout < 1) {
                throw SeqcastException.config("--holdout must be >= 1, got " + holdout);
            }
            sets.add("window.horizon=" + holdout);
        }
        SeqcastConfig loaded = org.seqcast.config.ConfigLoader.load(config.configFile(), sets);
        if (loaded.data().path() == null) {
            throw SeqcastException.config("--series-column reads the long-format file data.path names; set it (e.g. --set data.path=sales.csv)");
        }
        String path = config.resolveDataPath(loaded.data().path());
        Path forecastsCsv = out == null ? null : out.resolve("forecasts.csv");
        new OutputPaths().input("-c", config.configFile()).input("data.path", "-".equals(path) ? null : path).outputDirectory("--out", out)
                .outputInDirectory("--out", forecastsCsv).check();
        LongFormatMixin.Input in = longFormat.read(loaded, path, this::info);
        SeqcastConfig cfg = in.cfg();
        org.seqcast.batch.SeriesSource source = in.source();
        List<String> ids = new ArrayList<>();
        List<TimeSeries> all = new ArrayList<>();
        for (int i = 0; i < source.size(); i++) {
            org.seqcast.batch.SeriesSource.Loaded l = source.load(i);
            if (l.error() != null) {
                throw l.error();
            }
            ids.add(l.id());
            all.add(l.series());
        }
        cfg = org.seqcast.data.AutoDefaults.resolve(cfg, all.get(0).frequency(), all.stream().mapToInt(TimeSeries::length).min().orElse(0));
        int h = cfg.window().horizonSteps();
        int k = holdout != null ? 1 : folds != null ? folds : 3;
        int s = step != null ? step : h;
        int w = Math.max(1, workers != null ? workers : Runtime.getRuntime().availableProcessors());
        List<String> targets = cfg.data().target();
        info(String.format(Locale.ROOT, "backtest: %d series, %d fold%s %d rows apart, horizon %d, %s", all.size(), k, k == 1 ? "" : "s", s, h,
                noRetrain ? "one global model trained at the first origin" : "a global model trained at each origin"));
        org.seqcast.forecast.ModelBundle model = null;
        Map<String, List<Backtest.Fold>> bySeries = new java.util.LinkedHashMap<>();
        Map<String, List<Integer>> originsOf = new java.util.HashMap<>();
        List<List<Backtest.Fold>> byFold = new ArrayList<>();
        for (int f = 0; f < k; f++) {
            int back = h + (k - 1 - f) * s;
            List<String> foldIds = new ArrayList<>();
            List<TimeSeries> histories = new ArrayList<>();
            List<TimeSeries> full = new ArrayList<>();
            for (int i = 0; i < all.size(); i++) {
                if (all.get(i).length() - back >= 2) {
                    foldIds.add(ids.get(i));
                    histories.add(all.get(i).slice(0, all.get(i).length() - back));
                    full.add(all.get(i));
                }
            }
            if (foldIds.size() < all.size()) {
                info(String.format(Locale.ROOT, "backtest: origin %d: %d series too short to take part", f + 1, all.size() - foldIds.size()));
            }
            if (foldIds.isEmpty()) {
                throw SeqcastException.data(path + ": no series has rows before origin " + (f + 1) + " of " + k + " (" + back
                        + " rows before each end); use fewer --folds or a smaller --step");
            }
            if (model == null || !noRetrain) {
                TrainJob.GlobalOutcome g = TrainJob.run(cfg, foldIds, histories, w, ProgressSink.QUIET);
                model = g.global() != null ? g.global() : g.models().values().iterator().next();
                info(String.format(Locale.ROOT, "backtest: origin %d: trained on %d series (best epoch %d of %d)", f + 1, foldIds.size(),
                        g.report().bestEpoch(), g.report().epochsRun()));
            }
            org.seqcast.forecast.ForecastMethod method = org.seqcast.train.SavedModels.forecaster(model);
            List<Backtest.Fold> these = new ArrayList<>();
            for (int i = 0; i < foldIds.size(); i++) {
                TimeSeries series = full.get(i);
                int cut = series.length() - back;
                Backtest.Fold fold = HistoricalForecasts.run(series, new HistoricalForecasts.Origins(new int[] {cut}, h, targets,
                        Plan.season(cfg, histories.get(i))), method).get(0);
                these.add(fold);
                bySeries.computeIfAbsent(foldIds.get(i), x -> new ArrayList<>()).add(fold);
                originsOf.computeIfAbsent(foldIds.get(i), x -> new ArrayList<>()).add(f + 1);
            }
            byFold.add(these);
        }
        List<Backtest.Fold> pooled = byFold.stream().flatMap(List::stream).toList();
        Backtest.Result r = Backtest.score(pooled);
        List<Map<org.seqcast.forecast.Method, org.seqcast.eval.Scores>> perFold = byFold.stream().map(l -> Backtest.score(l).overall()).toList();
        Map<String, Map<org.seqcast.forecast.Method, org.seqcast.eval.Scores>> perSeries = new java.util.LinkedHashMap<>();
        bySeries.forEach((id, l) -> perSeries.put(id, Backtest.score(l).overall()));
        if (out != null) {
            try (AtomicFiles.Group files = AtomicFiles.group()) {
                OutputPaths.createDirectory("--out", out);
                writeEvery(seriesColumn, all, ids, bySeries, originsOf);
                files.commit();
            }
        }
        if (json) {
            out().println(Json.write(new EveryJson(all.size(), k, h, s, noRetrain ? "once" : "every_origin", pooled.size(), r.overall(), perFold,
                    perSeries)));
        } else {
            String fmt = "%-16s %12s %12s %9s %9s %9s%n";
            StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "Overall (%d series, %d origin%s, %d forecasts; MAE and RMSE pool "
                    + "series of different scales)%n", all.size(), k, k == 1 ? "" : "s", pooled.size()));
            sb.append(String.format(Locale.ROOT, fmt, "method", "MAE", "RMSE", "MAPE", "sMAPE", "MASE"));
            r.overall().forEach((m, sc) -> sb.append(String.format(Locale.ROOT, fmt, m.key(), Reports.num(sc.mae()), Reports.num(sc.rmse()),
                    Reports.p(sc.mape()), Reports.p(sc.smape()), Reports.p(sc.mase()))));
            for (int f = 0; f < k; f++) {
                Map<org.seqcast.forecast.Method, org.seqcast.eval.Scores> m = perFold.get(f);
                sb.append(String.format(Locale.ROOT, "origin %d (%d rows before each end): MASE model %s, naive %s, seasonal naive %s, drift %s%n",
                        f + 1, h + (k - 1 - f) * s, Reports.p(m.get(org.seqcast.forecast.Method.MODEL).mase()),
                        Reports.p(m.get(org.seqcast.forecast.Method.NAIVE).mase()), Reports.p(m.get(org.seqcast.forecast.Method.SEASONAL_NAIVE).mase()),
                        Reports.p(m.get(org.seqcast.forecast.Method.DRIFT).mase())));
            }
            out().print(sb);
        }
        return ExitCode.OK.code();
    }

    /** {@code backtest --series-column --json}: pooled scores, per origin and per series. */
    record EveryJson(int series, int folds, int horizon, int step, String refit, int forecasts,
                     Map<org.seqcast.forecast.Method, org.seqcast.eval.Scores> overall,
                     List<Map<org.seqcast.forecast.Method, org.seqcast.eval.Scores>> perFold,
                     Map<String, Map<org.seqcast.forecast.Method, org.seqcast.eval.Scores>> perSeries) {
    }

    /** forecasts.csv of a backtest over many series: the series column, then the columns of a one-series backtest. */
    private void writeEvery(String seriesColumn, List<TimeSeries> all, List<String> ids, Map<String, List<Backtest.Fold>> bySeries,
                            Map<String, List<Integer>> originsOf) {
        AtomicFiles.write(out.resolve("forecasts.csv"), os -> {
            java.io.Writer wr = new java.io.OutputStreamWriter(os, java.nio.charset.StandardCharsets.UTF_8);
            CSVPrinter p = new CSVPrinter(wr, CSVFormat.DEFAULT.builder().setRecordSeparator('\n').build());
            p.printRecord(List.of(seriesColumn, "fold", "origin", all.get(0).timeColumn(), "step", "target", "actual", "forecast"));
            for (int i = 0; i < ids.size(); i++) {
                List<Backtest.Fold> folds = bySeries.getOrDefault(ids.get(i), List.of());
                TimeSeries series = all.get(i);
                for (int f = 0; f < folds.size(); f++) {
                    Backtest.Fold fold = folds.get(f);
                    Forecast fc = fold.model();
                    for (int st = 0; st < fc.horizon(); st++) {
                        for (int c = 0; c < fc.targets().size(); c++) {
                            p.printRecord(List.of(ids.get(i), String.valueOf(originsOf.get(ids.get(i)).get(f)), series.index().label(fold.cut() - 1),
                                    series.index().label(fold.cut() + st), String.valueOf(st + 1), fc.targets().get(c),
                                    ForecastCsv.number(fold.actual()[c][st]), ForecastCsv.number(fc.values()[st][c])));
                        }
                    }
                }
            }
            p.flush();
        });
        info("forecasts: " + out.resolve("forecasts.csv"));
    }

    /** Contradicting or out-of-range options are usage errors (exit 2), before any work. */
    private void checkOptions() {
        if (holdout != null && (folds != null || step != null)) {
            throw SeqcastException.config("--holdout H is one cut of the last H rows; it cannot be combined with "
                    + (folds != null ? "--folds" : "--step") + " (give --folds K [--step S] or --holdout H)");
        }
        if (folds != null && folds < 1) {
            throw SeqcastException.config("--folds must be >= 1, got " + folds);
        }
        if (step != null && step < 1) {
            throw SeqcastException.config("--step must be >= 1, got " + step);
        }
        if (workers != null && workers < 1) {
            throw SeqcastException.config("--workers must be >= 1, got " + workers);
        }
    }

    private void writeForecasts(TimeSeries series, List<Backtest.Fold> folds) {
        AtomicFiles.write(out.resolve("forecasts.csv"), os -> {
            java.io.Writer wr = new java.io.OutputStreamWriter(os, java.nio.charset.StandardCharsets.UTF_8);
            CSVPrinter p = new CSVPrinter(wr, CSVFormat.DEFAULT.builder().setRecordSeparator('\n').build());
            Forecast first = folds.get(0).model();
            List<String> header = new ArrayList<>(List.of("fold", "origin", series.timeColumn(), "step", "target", "actual", "forecast"));
            for (int level : first.levels()) {
                header.add("lo" + level);
                header.add("hi" + level);
            }
            p.printRecord(header);
            for (int f = 0; f < folds.size(); f++) {
                Backtest.Fold fold = folds.get(f);
                Forecast fc = fold.model();
                int cut = fold.cut();
                for (int st = 0; st < fc.horizon(); st++) {
                    for (int c = 0; c < fc.targets().size(); c++) {
                        List<String> row = new ArrayList<>(List.of(String.valueOf(f + 1), series.index().label(cut - 1),
                                series.index().label(cut + st), String.valueOf(st + 1), fc.targets().get(c),
                                ForecastCsv.number(fold.actual()[c][st]), ForecastCsv.number(fc.values()[st][c])));
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
}
