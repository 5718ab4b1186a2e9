package org.seqcast.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
                "--holdout H is one cut that trains on all but the last H rows (window.horizon becomes H)."})
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

    @Override
    protected int run() throws Exception {
        checkOptions();
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
