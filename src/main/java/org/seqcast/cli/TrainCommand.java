package org.seqcast.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.seqcast.SeqcastException;
import org.seqcast.backtest.BaselineMethod;
import org.seqcast.data.CsvSeriesReader;
import org.seqcast.config.SeqcastConfig;
import org.seqcast.data.ReadOptions;
import org.seqcast.data.TimeSeries;
import org.seqcast.forecast.Forecast;
import org.seqcast.forecast.ForecastCsv;
import org.seqcast.forecast.Forecaster;
import org.seqcast.forecast.Method;
import org.seqcast.io.AtomicFiles;
import org.seqcast.io.Json;
import org.seqcast.plot.LossPlot;
import org.seqcast.store.ModelFile;
import org.seqcast.train.Plan;
import org.seqcast.train.Progress;
import org.seqcast.train.ProgressSink;
import org.seqcast.train.SavedModels;
import org.seqcast.train.TrainJob;
import org.seqcast.train.TrainReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code seqcast train}: CSV + config to a trained model, a report on stderr, and the forecast. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = {"Train an LSTM forecaster on the CSV the config names, report validation scores beside naive",
                "and seasonal-naive baselines, save the model (-o), and write the forecast after the end of the data",
                "(stdout unless --forecast FILE). With --series-column COL, one global network over every series of the",
                "long-format CSV (batch --global's run), saved as one model file; the forecasts as a long-format CSV."})
public final class TrainCommand extends Subcommand {
    @Mixin
    ConfigMixin config;

    @Option(names = {"-o", "--output"}, paramLabel = "MODEL", description = "Write the trained model to this file (written atomically).")
    Path output;

    @Option(names = "--forecast", paramLabel = "FILE", description = "Write the forecast CSV here instead of stdout ('-' = stdout).")
    String forecast;

    @Option(names = "--future", paramLabel = "FILE", description = {"CSV of the time column and the data.known columns for the forecast steps",
            "(instead of rows after the last target value with the target cells empty)."})
    String future;

    @Option(names = "--json", description = "Print a JSON report (scores and forecast) on stdout instead of the forecast CSV.")
    boolean json;

    @Option(names = "--workers", paramLabel = "N", description = "Threads for ensemble members (default: all cores).")
    Integer workers;

    @Mixin
    PlotMixin plot;

    @Mixin
    LongFormatMixin longFormat;

    @Option(names = "--plot-loss", paramLabel = "PNG", description = "Also draw the training and validation loss per epoch, best epoch marked, to this PNG (written atomically).")
    Path plotLoss;

    @Override
    protected int run() throws Exception {
        SeqcastConfig loaded = config.load();
        String path = loaded.data().path() == null ? null : config.resolveDataPath(loaded.data().path());
        if (longFormat.seriesColumn() != null) {
            return trainGlobal(loaded, path, longFormat.seriesColumn());
        }
        new OutputPaths().input("-c", config.configFile()).input("data.path", "-".equals(path) ? null : path).input("--future", future)
                .output("-o", output)
                .output("--forecast", forecast).output("--plot", plot.path()).output("--plot-loss", plotLoss).check();
        SeriesLoading.Prepared prepared = SeriesLoading.prepare(loaded, config, this::info);
        SeqcastConfig cfg = prepared.cfg();
        TimeSeries series = SeriesLoading.withFuture(prepared.series(), future, cfg.data().timeColumn(), cfg.data().known(),
                ReadOptions.of(cfg.data()), this::info);
        info(String.format(Locale.ROOT, "data: %s, %d rows, %s, %s .. %s", series.source(), series.length(),
                series.frequency().describe(), series.firstTime(), series.lastTime()));
        java.util.Optional<String> tooShort = TrainJob.tooShort(cfg, series);
        if (tooShort.isPresent() && cfg.forecast().intervals().isEmpty()) {
            return fallback(cfg, series, tooShort.get());
        }
        int w = workers != null ? workers : Runtime.getRuntime().availableProcessors();
        try (ProgressSink progress = Progress.create(common.quiet(), Progress.stderrIsTerminal(), err(), "")) {
            TrainJob.Outcome outcome = TrainJob.run(cfg, series, w, progress);
            progress.close();
            TrainReport r = outcome.report();
            Reports.trainLines(r, cfg.data().target()).forEach(this::info);
            Forecast f = new Forecaster(outcome.bundle()).forecast(series);
            int season = r.first().season();
            // Every file output appears together, or none does (a failing --forecast leaves no model either).
            try (AtomicFiles.Group files = AtomicFiles.group()) {
                if (output != null) {
                    ModelFile.write(output, outcome.bundle());
                }
                plot.draw(series, List.of(f), List.of(series.length()), season);
                if (plotLoss != null) {
                    LossPlot.write(plotLoss, outcome.curves().get(0), "training loss: " + series.source());
                }
                if (!json && forecast != null && !"-".equals(forecast)) {
                    ForecastCsv.write(f, Path.of(forecast));
                }
                files.commit();
            }
            if (output != null) {
                info("model: " + output);
            }
            if (plot.path() != null) {
                info("plot: " + plot.path());
            }
            if (plotLoss != null) {
                info("loss plot: " + plotLoss);
            }
            if (json) {
                out().println(Json.write(new JsonReports.TrainJson(output == null ? null : output.toString(),
                        JsonReports.DataSummary.of(series, season, cfg.data().target(), cfg.data().features()), r, JsonReports.rows(f))));
            } else if (forecast == null || "-".equals(forecast)) {
                ForecastCsv.write(f, out());
            } else {
                info("forecast: " + forecast);
            }
        }
        return ExitCode.OK.code();
    }

    /**
     * A series too short for a network: forecast with the Theta method (the classical fallback, see bench/RESULTS.md), said
     * on stderr and in the JSON ({@code method: theta}); {@code -o} writes a classical model ({@link SavedModels#classical}:
     * its provenance says theta and why; {@code predict} refits Theta on the history it is given).
     */
    private int fallback(SeqcastConfig cfg, TimeSeries series, String reason) throws Exception {
        int season = Plan.season(cfg, series);
        info("train: " + reason.replaceAll("; lower window.timesteps or window.horizon$", "") + "; forecast with the Theta method instead"
                + (output != null ? " (" + output + " is a classical model: predict refits Theta on the history it is given)" : ""));
        Forecast f = new BaselineMethod(Method.THETA, cfg.data().target(), cfg.window().horizonSteps(), season).forecast(series);
        try (AtomicFiles.Group files = AtomicFiles.group()) {
            if (output != null) {
                ModelFile.write(output, SavedModels.classical(cfg, series, reason));
            }
            plot.draw(series, List.of(f), List.of(series.length()), season);
            if (!json && forecast != null && !"-".equals(forecast)) {
                ForecastCsv.write(f, Path.of(forecast));
            }
            files.commit();
        }
        if (output != null) {
            info("model: " + output);
        }
        if (json) {
            out().println(Json.write(new FallbackJson(output == null ? null : output.toString(), Method.THETA.key(), reason,
                    JsonReports.DataSummary.of(series, season, cfg.data().target(), cfg.data().features()), JsonReports.rows(f))));
        } else if (forecast == null || "-".equals(forecast)) {
            ForecastCsv.write(f, out());
        } else {
            info("forecast: " + forecast);
        }
        return ExitCode.OK.code();
    }

    /**
     * {@code train --series-column COL}: a global train over every series of a long-format CSV ({@code batch --global}'s
     * pipeline): one network, written as one model file with {@code -o}; every series' forecast as one long-format CSV
     * (the series column first) on stdout or {@code --forecast FILE}; the report on stderr, or JSON with {@code --json}.
     * A series that cannot be prepared or forecast is named on stderr and the others go on (exit 7).
     */
    private int trainGlobal(SeqcastConfig loaded, String path, String seriesColumn) throws Exception {
        if (path == null) {
            throw SeqcastException.config("--series-column reads the long-format file data.path names; set it (e.g. --set data.path=sales.csv)");
        }
        for (String[] o : new String[][] {{"--future", future}, {"--plot", plot.path() == null ? null : "x"},
                {"--plot-loss", plotLoss == null ? null : "x"}}) {
            if (o[1] != null) {
                throw SeqcastException.config(o[0] + " takes one series; with --series-column every series of the file is trained and forecast: "
                        + "drop " + o[0] + " (or give a single-series CSV)");
            }
        }
        new OutputPaths().input("-c", config.configFile()).input("data.path", "-".equals(path) ? null : path).output("-o", output)
                .output("--forecast", forecast).check();
        LongFormatMixin.Input in = longFormat.read(loaded, path, this::info);
        SeqcastConfig cfg = in.cfg();
        org.seqcast.batch.SeriesSource source = in.source();
        List<String> ids = new java.util.ArrayList<>();
        List<TimeSeries> all = new java.util.ArrayList<>();
        List<LongForecasts.Failure> failures = new java.util.ArrayList<>();
        long rows = 0;
        for (int i = 0; i < source.size(); i++) {
            org.seqcast.batch.SeriesSource.Loaded l = source.load(i);
            if (l.error() != null) {
                failures.add(new LongForecasts.Failure(l.id(), oneLine(l.error().getMessage())));
            } else {
                ids.add(l.id());
                all.add(l.series());
                rows += l.series().length();
            }
        }
        if (all.isEmpty()) {
            throw source.load(0).error();
        }
        info(String.format(Locale.ROOT, "data: %s, %d series, %d rows, %s", CsvSeriesReader.sourceName(path), all.size(), rows,
                all.get(0).frequency().describe()));
        int w = workers != null ? workers : Runtime.getRuntime().availableProcessors();
        org.seqcast.batch.GlobalPipeline.Run run;
        try (ProgressSink progress = Progress.create(common.quiet(), Progress.stderrIsTerminal(), err(), "")) {
            run = org.seqcast.batch.GlobalPipeline.train(cfg, ids, all, new org.seqcast.batch.SeriesPipeline.Options(false, ids.size() == 1),
                    w, progress);
        }
        if (run.error() != null) {
            throw run.error();
        }
        TrainReport r = run.report();
        globalLines(r, ids.size()).forEach(this::info);
        java.util.Map<String, Forecast> forecasts = new java.util.LinkedHashMap<>();
        for (org.seqcast.batch.SeriesResult sr : run.results()) {
            if (sr.ok()) {
                forecasts.put(sr.id(), sr.forecast());
            } else {
                failures.add(new LongForecasts.Failure(sr.id(), sr.error()));
            }
        }
        if (forecasts.isEmpty()) {
            throw SeqcastException.data(path + ": no series could be forecast; the first: " + failures.get(0).series() + ": "
                    + failures.get(0).error());
        }
        org.seqcast.forecast.ModelBundle model = run.model() != null ? run.model() : run.results().get(0).bundle();
        if (output != null && model.intervals().size() != cfg.forecast().intervals().size()) {
            throw SeqcastException.data(path + ": forecast.intervals of a global model are pooled over the series modelled in logs (all "
                    + "values > 0), and none is; set forecast.intervals: [] to save the model");
        }
        try (AtomicFiles.Group files = AtomicFiles.group()) {
            if (output != null) {
                ModelFile.write(output, model);
            }
            if (!json && forecast != null && !"-".equals(forecast)) {
                LongForecasts.write(seriesColumn, forecasts, Path.of(forecast));
            }
            files.commit();
        }
        for (LongForecasts.Failure f : failures) {
            info("train: series " + f.series() + " failed: " + f.error());
        }
        if (output != null) {
            info("model: " + output + " (" + (model.kind() == org.seqcast.forecast.ModelBundle.Kind.GLOBAL ? "global, " : "") + ids.size()
                    + " series)");
        }
        if (json) {
            out().println(Json.write(new GlobalTrainJson(output == null ? null : output.toString(), CsvSeriesReader.sourceName(path),
                    source.size(), forecasts.size(), failures.size(), failures, r, LongForecasts.jsonRows(seriesColumn, forecasts))));
        } else if (forecast == null || "-".equals(forecast)) {
            LongForecasts.write(seriesColumn, forecasts, out());
        } else {
            info("forecast: " + forecast);
        }
        return failures.isEmpty() ? ExitCode.OK.code() : ExitCode.PARTIAL.code();
    }

    /** The report of a global train: the shared network, and the validation scores as the mean over the series that have them. */
    private static List<String> globalLines(TrainReport r, int series) {
        List<String> out = new java.util.ArrayList<>();
        out.add(String.format(Locale.ROOT, "global: one network over %d series: lookback %d, horizon %d, %d inputs, %s; best epoch %d of %d"
                + " (%.1f s)", series, r.timesteps(), r.horizon(), r.inputs(), r.windowNorm().describe(), r.bestEpoch(), r.epochsRun(), r.seconds()));
        java.util.Map<Method, double[]> mase = new java.util.LinkedHashMap<>();
        for (TrainReport.SeriesReport s : r.series()) {
            s.validation().forEach((m, sc) -> {
                if (Double.isFinite(sc.mase())) {
                    double[] a = mase.computeIfAbsent(m, k -> new double[2]);
                    a[0] += sc.mase();
                    a[1]++;
                }
            });
        }
        if (!mase.isEmpty()) {
            List<String> parts = new java.util.ArrayList<>();
            mase.forEach((m, a) -> parts.add(String.format(Locale.ROOT, "%s %.3f", m.label(), a[0] / a[1])));
            out.add("validation MASE, mean over the series with a validation window: " + String.join(", ", parts));
        }
        return out;
    }

    private static String oneLine(String s) {
        return s == null ? "unknown error" : s.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
    }

    /** {@code train --series-column --json}: the global run's report, the failures, every forecast row with its series. */
    record GlobalTrainJson(String model, String data, int series, int ok, int failed, List<LongForecasts.Failure> failures, TrainReport report,
                           List<java.util.Map<String, Object>> forecast) {
    }

    /** {@code train --json} of a series forecast by the classical fallback: {@code model} (the classical model file, or null), {@code method} theta, and why. */
    record FallbackJson(String model, String method, String reason, JsonReports.DataSummary data, List<java.util.Map<String, Object>> forecast) {
    }
}
