package org.seqcast.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.seqcast.backtest.BaselineMethod;
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
import org.seqcast.train.TrainJob;
import org.seqcast.train.TrainReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code seqcast train}: CSV + config to a trained model, a report on stderr, and the forecast. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = {"Train an LSTM forecaster on the CSV the config names, report validation scores beside naive",
                "and seasonal-naive baselines, save the model (-o), and write the forecast after the end of the data",
                "(stdout unless --forecast FILE)."})
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

    @Option(names = "--plot-loss", paramLabel = "PNG", description = "Also draw the training and validation loss per epoch, best epoch marked, to this PNG (written atomically).")
    Path plotLoss;

    @Override
    protected int run() throws Exception {
        SeqcastConfig loaded = config.load();
        String path = loaded.data().path() == null ? null : config.resolveDataPath(loaded.data().path());
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
     * on stderr and in the JSON ({@code method: theta}); there is no network, so no model file is written.
     */
    private int fallback(SeqcastConfig cfg, TimeSeries series, String reason) throws Exception {
        int season = Plan.season(cfg, series);
        info("train: " + reason.replaceAll("; lower window.timesteps or window.horizon$", "") + "; forecast with the Theta method instead"
                + (output != null ? " (no network, so no model: " + output + " is not written)" : ""));
        Forecast f = new BaselineMethod(Method.THETA, cfg.data().target(), cfg.window().horizonSteps(), season).forecast(series);
        try (AtomicFiles.Group files = AtomicFiles.group()) {
            plot.draw(series, List.of(f), List.of(series.length()), season);
            if (!json && forecast != null && !"-".equals(forecast)) {
                ForecastCsv.write(f, Path.of(forecast));
            }
            files.commit();
        }
        if (json) {
            out().println(Json.write(new FallbackJson(null, Method.THETA.key(), reason,
                    JsonReports.DataSummary.of(series, season, cfg.data().target(), cfg.data().features()), JsonReports.rows(f))));
        } else if (forecast == null || "-".equals(forecast)) {
            ForecastCsv.write(f, out());
        } else {
            info("forecast: " + forecast);
        }
        return ExitCode.OK.code();
    }

    /** {@code train --json} of a series forecast by the classical fallback: {@code model} null, {@code method} theta, and why. */
    record FallbackJson(String model, String method, String reason, JsonReports.DataSummary data, List<java.util.Map<String, Object>> forecast) {
    }
}
