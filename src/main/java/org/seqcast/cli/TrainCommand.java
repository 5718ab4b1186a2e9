package org.seqcast.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.seqcast.config.SeqcastConfig;
import org.seqcast.data.TimeSeries;
import org.seqcast.forecast.Forecast;
import org.seqcast.forecast.ForecastCsv;
import org.seqcast.forecast.Forecaster;
import org.seqcast.io.Json;
import org.seqcast.plot.LossPlot;
import org.seqcast.store.ModelFile;
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
        SeriesLoading.Prepared prepared = SeriesLoading.prepare(config.load(), config, this::info);
        SeqcastConfig cfg = prepared.cfg();
        TimeSeries series = prepared.series();
        info(String.format(Locale.ROOT, "data: %s, %d rows, %s, %s .. %s", series.source(), series.length(),
                series.frequency().describe(), series.firstTime(), series.lastTime()));
        int w = workers != null ? workers : Runtime.getRuntime().availableProcessors();
        try (ProgressSink progress = Progress.create(common.quiet(), Progress.stderrIsTerminal(), err(), "")) {
            TrainJob.Outcome outcome = TrainJob.run(cfg, series, w, progress);
            progress.close();
            TrainReport r = outcome.report();
            Reports.trainLines(r, cfg.data().target()).forEach(this::info);
            if (output != null) {
                ModelFile.write(output, outcome.bundle());
                info("model: " + output);
            }
            Forecast f = new Forecaster(outcome.bundle()).forecast(series);
            int season = r.first().season();
            if (plot.draw(series, List.of(f), List.of(series.length()), season)) {
                info("plot: " + plot.path());
            }
            if (plotLoss != null) {
                LossPlot.write(plotLoss, outcome.curves().get(0), "training loss: " + series.source());
                info("loss plot: " + plotLoss);
            }
            if (json) {
                out().println(Json.write(new Reports.TrainJson(output == null ? null : output.toString(),
                        Reports.DataSummary.of(series, season, cfg.data().target()), r, Reports.rows(f))));
            } else if (forecast == null || "-".equals(forecast)) {
                ForecastCsv.write(f, out());
            } else {
                ForecastCsv.write(f, Path.of(forecast));
                info("forecast: " + forecast);
            }
        }
        return ExitCode.OK.code();
    }

}
