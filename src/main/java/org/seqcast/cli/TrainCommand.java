package org.seqcast.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.seqcast.config.SeqcastConfig;
import org.seqcast.data.TimeSeries;
import org.seqcast.forecast.Forecast;
import org.seqcast.forecast.ForecastCsv;
import org.seqcast.forecast.Forecaster;
import org.seqcast.plot.LossPlot;
import org.seqcast.store.ModelFile;
import org.seqcast.train.Progress;
import org.seqcast.train.ProgressSink;
import org.seqcast.train.TrainJob;
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
            TrainJob.Outcome outcome = TrainJob.run(cfg, series, w, progress, this::info);
            TrainJob.Report r = outcome.report();
            info(String.format(Locale.ROOT, "best epoch %d of %d run", r.bestEpoch(), r.epochsRun()));
            info(String.format(Locale.ROOT, "validation (%d windows x %d steps)   MAE %12s   RMSE %12s", r.validationWindows(),
                    outcome.bundle().schema().horizon(), num(r.mae()), num(r.rmse())));
            info(String.format(Locale.ROOT, "  naive                             MAE %12s   RMSE %12s", num(r.naiveMae()), num(r.naiveRmse())));
            info(String.format(Locale.ROOT, "  seasonal naive (m=%d)%s MAE %12s   RMSE %12s", r.season(),
                    " ".repeat(Math.max(0, 13 - String.valueOf(r.season()).length())), num(r.seasonalNaiveMae()), num(r.seasonalNaiveRmse())));
            if (output != null) {
                ModelFile.write(output, outcome.bundle());
                info("model: " + output);
            }
            Forecast f = new Forecaster(outcome.bundle()).forecast(series);
            if (plot.draw(series, List.of(f), List.of(series.length()), r.season())) {
                info("plot: " + plot.path());
            }
            if (plotLoss != null) {
                LossPlot.write(plotLoss, outcome.curves().get(0), "training loss: " + series.source());
                info("loss plot: " + plotLoss);
            }
            if (json) {
                out().println(jsonReport(outcome, f));
            } else if (forecast == null || "-".equals(forecast)) {
                ForecastCsv.write(f, out());
            } else {
                ForecastCsv.write(f, Path.of(forecast));
                info("forecast: " + forecast);
            }
        }
        return ExitCode.OK.code();
    }

    static String num(double v) {
        return ForecastCsv.display(v);
    }

    private String jsonReport(TrainJob.Outcome o, Forecast f) throws Exception {
        ObjectMapper m = new ObjectMapper();
        ObjectNode root = m.createObjectNode();
        TrainJob.Report r = o.report();
        if (output != null) {
            root.put("model", output.toString());
        }
        ObjectNode w = root.putObject("windows");
        w.put("train", r.trainWindows());
        w.put("validation", r.validationWindows());
        w.put("timesteps", r.timesteps());
        w.put("features", r.features());
        w.put("outputs", r.outputs());
        root.put("best_epoch", r.bestEpoch());
        root.put("epochs_run", r.epochsRun());
        ObjectNode v = root.putObject("validation");
        v.put("mae", r.mae());
        v.put("rmse", r.rmse());
        ObjectNode b = root.putObject("baselines");
        b.putObject("naive").put("mae", r.naiveMae()).put("rmse", r.naiveRmse());
        b.putObject("seasonal_naive").put("mae", r.seasonalNaiveMae()).put("rmse", r.seasonalNaiveRmse()).put("season", r.season());
        root.set("forecast", forecastJson(m, f));
        return m.writerWithDefaultPrettyPrinter().writeValueAsString(root);
    }

    static ArrayNode forecastJson(ObjectMapper m, Forecast f) {
        ArrayNode rows = m.createArrayNode();
        java.util.List<String> header = f.header();
        for (int s = 0; s < f.horizon(); s++) {
            ObjectNode row = rows.addObject();
            row.put(header.get(0), f.times().get(s));
            int col = 1;
            for (int k = 0; k < f.targets().size(); k++) {
                row.put(header.get(col++), f.values()[s][k]);
                for (int l = 0; l < f.levels().size(); l++) {
                    row.put(header.get(col++), f.lower()[l][s][k]);
                    row.put(header.get(col++), f.upper()[l][s][k]);
                }
            }
        }
        return rows;
    }
}
